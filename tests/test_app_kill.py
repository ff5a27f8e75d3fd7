"""kill -9 of the real app in the middle of the KT presentation: it comes back on KT with the right time.

The first run is the real app (build_app and its event loop, driven through
the controller by tests/helpers/drive_app.py); the restart is the plain
``python -m stagetimer --state-dir D --windowed AGENDA`` command. What the
restarted app shows is read from its state file and journal on disk, and
asked of ``stagetimer status`` while it runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from stagetimer.core.show.journal import JOURNAL_NAME, STATE_NAME, read_journal

HERE = Path(__file__).parent
ROOT = HERE.parent
AGENDA = ROOT / "agenda.yaml"
KT = "case-kt"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


def _drive(state_dir: Path, *actions: str) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    """The real app with ``actions`` applied; returns it running and what it printed."""
    process = subprocess.Popen(
        [sys.executable, str(HERE / "helpers" / "drive_app.py"), str(AGENDA), str(state_dir), *actions],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.kill()
        pytest.fail(f"the app did not start: {process.communicate(timeout=10)[1]}")
    return process, json.loads(line)


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL


def _records(state_dir: Path) -> list[dict[str, Any]]:
    return read_journal(state_dir / JOURNAL_NAME).records


def _wait_for_recovery(state_dir: Path, process: subprocess.Popen[str], known: int) -> dict[str, Any]:
    """The "recovered" checkpoint the restarted app writes once its show is rebuilt."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        fresh = _records(state_dir)[known:]
        found = [r for r in fresh if r["type"] == "checkpoint" and r["reason"] == "recovered"]
        if found:
            return found[0]
        if process.poll() is not None:
            pytest.fail(f"the restarted app exited {process.returncode}: {process.communicate()[1]}")
        time.sleep(0.05)
    pytest.fail("the restarted app never wrote its recovered checkpoint")


def test_killed_during_kt_the_app_restarts_on_kt_with_the_right_time_left(tmp_path: Path) -> None:
    state_dir = tmp_path / "state"
    first, shown = _drive(state_dir, f"goto={KT}", "start")
    assert shown["item"] == KT and shown["running"] and not shown["recovered"]
    try:
        time.sleep(1.5)  # a moment into the presentation
    finally:
        _kill(first)

    # Everything applied is on disk: the commands, and KT's start.
    records = _records(state_dir)
    commands = [r["command"] for r in records if r["type"] == "command"]
    assert commands == [{"action": "goto", "value": KT}, {"action": "start"}]
    assert [r["id"] for r in records if r["type"] == "item_started"] == [KT]

    time.sleep(1.0)  # the app is down for a while
    written_before = (state_dir / STATE_NAME).stat().st_mtime_ns  # the dead app's summary
    restarted = subprocess.Popen(
        [sys.executable, "-m", "stagetimer", "--state-dir", str(state_dir), "--windowed", str(AGENDA)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(), cwd=tmp_path,
    )
    try:
        checkpoint = _wait_for_recovery(state_dir, restarted, len(records))
        # The checkpoint is journaled first, then the summary written: wait for the new one.
        deadline = time.monotonic() + 10
        while (state_dir / STATE_NAME).stat().st_mtime_ns == written_before and time.monotonic() < deadline:
            time.sleep(0.01)
        state = json.loads((state_dir / STATE_NAME).read_text(encoding="utf-8"))
        # And as a script would ask, while the restarted app runs.
        asked_ms = time.time_ns() // 1_000_000
        status = subprocess.run(
            [sys.executable, "-m", "stagetimer", "status", "--state-dir", str(state_dir), str(AGENDA)],
            capture_output=True, text=True, env=_env(), timeout=60, check=True,
        )
        answered_ms = time.time_ns() // 1_000_000
    finally:
        _kill(restarted)
    assert state["item_id"] == KT and state["running"]
    # Down time and all: the countdown went on while the app was dead.
    expected_ms = shown["remaining_ms"] - (checkpoint["wall_ms"] - shown["wall_ms"])
    assert abs(state["remaining_seconds"] * 1000 - expected_ms) <= 1000
    assert shown["remaining_ms"] - state["remaining_seconds"] * 1000 >= 2_000  # really counted the 2.5 s
    report = json.loads(status.stdout)
    assert report["item_id"] == KT and report["running"]
    # The status command's own moment lies between asking and answering.
    earliest = shown["remaining_ms"] - (answered_ms - shown["wall_ms"])
    latest = shown["remaining_ms"] - (asked_ms - shown["wall_ms"])
    assert earliest - 1000 <= report["remaining_seconds"] * 1000 <= latest + 1000

    # Once more, looking at Control itself: the recovered notice is up, KT still runs.
    third, again = _drive(state_dir)
    _kill(third)
    assert again["item"] == KT and again["running"] and again["recovered"]
    assert again["badge"].startswith("복구됨 ") and again["badge"].endswith("Ctrl+N 새로 시작")  # a Korean agenda
