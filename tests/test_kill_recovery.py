"""kill -9 at random moments, many times: the show resumes with the right time and no lost command."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from stagetimer.core.show.journal import JOURNAL_NAME, read_journal

HERE = Path(__file__).parent
ROOT = HERE.parent
AGENDA = ROOT / "agenda.yaml"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def journaled_commands(state_dir: Path) -> int:
    return sum(1 for r in read_journal(state_dir / JOURNAL_NAME).records if r["type"] == "command")


def expected_remaining(line: dict[str, Any], at_mono: float) -> int:
    if not line["running"]:
        return int(line["remaining_ms"])
    return int(line["remaining_ms"] - (at_mono - line["mono"]) * 1000)


def test_random_sigkills_lose_nothing_and_keep_the_time(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(2025_12_02)
    expected: dict[str, Any] | None = None
    checked = 0
    for round_number in range(12):
        process = subprocess.Popen(
            [sys.executable, str(HERE / "helpers" / "drive_show.py"), str(AGENDA), str(tmp_path), str(round_number)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None
        recovered = json.loads(process.stdout.readline())
        if expected is not None:
            assert recovered["item"] == expected["item"] and recovered["running"] == expected["running"]
            assert abs(recovered["remaining_ms"] - expected_remaining(expected, recovered["mono"])) <= 1000
            checked += 1
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        lines = [json.loads(raw) for raw in process.stdout.read().splitlines() if raw.strip()]
        process.stdout.close()
        last = lines[-1] if lines else recovered
        on_disk = journaled_commands(tmp_path)
        # Every command reported as applied is on disk; at most one more (killed before it printed).
        assert last["commands"] <= on_disk <= last["commands"] + 1
        expected = last if on_disk == last["commands"] else None
    assert checked >= 6, "too few rounds ended at a checkable moment"
