"""kill -9 rounds: the real app killed and restarted again and again, and the countdown never moves.

Not a unit test: it prints figures for the closing notes and the README.

* Real rounds: the bundled agenda's first item is started in a state folder;
  then, round after round, the real app (``python -m stagetimer``, offscreen)
  is started on it, left running a random 0.3–2 s after it has recovered the
  show, and killed with SIGKILL. After each kill ``stagetimer status`` reads
  what is left, and that is compared with what the suspend-aware monotonic
  clock says must be left. Every third round the app and the status command
  run under libfaketime with the wall clock stepped +5 min, every third with
  −1 h (monotonic clocks not faked): the countdown must not notice.
* Simulated rounds: the same crash and restart on a fake clock, with random
  wall-clock steps, suspends while the app is down or running, and reboots;
  the remaining time must equal the one computed independently, to the ms.

Usage: python benchmarks/kill_rounds.py [--rounds 12] [--simulated 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AGENDA = ROOT / "agenda.yaml"
FAKETIME_LIB = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")

from stagetimer.core.clock import FakeClock, SystemClock  # noqa: E402
from stagetimer.core.show.commands import Command  # noqa: E402
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal  # noqa: E402
from stagetimer.core.show.session import Session  # noqa: E402

MIN = 60_000


def _env(wall_step: str | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if wall_step and FAKETIME_LIB.exists():
        env.update(LD_PRELOAD=str(FAKETIME_LIB), FAKETIME=wall_step, FAKETIME_DONT_FAKE_MONOTONIC="1")
    return env


def _recovered_checkpoints(state_dir: Path) -> int:
    records = read_journal(state_dir / JOURNAL_NAME).records
    return sum(1 for r in records if r.get("type") == "checkpoint" and r.get("reason") == "recovered")


def real_rounds(rounds: int, seed: int) -> dict[str, object]:
    from stagetimer.core.agenda.loader import load_agenda

    rng = random.Random(seed)
    clock = SystemClock()
    agenda = load_agenda(AGENDA)
    allotted = agenda.items[0].duration_ms
    errors: list[float] = []
    steps = [None, "+5m", "-1h"]
    with tempfile.TemporaryDirectory(prefix="stagetimer-kill-") as folder:
        state_dir = Path(folder)
        session = Session.open(agenda, state_dir, clock)
        session.apply(Command("start"))
        started = clock.monotonic_ms()
        session.close()
        for number in range(rounds):
            step = steps[number % 3]
            known = _recovered_checkpoints(state_dir)
            app = subprocess.Popen(
                [sys.executable, "-m", "stagetimer", "--state-dir", str(state_dir), "--windowed", str(AGENDA)],
                env=_env(step), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            )
            deadline = time.monotonic() + 30
            while _recovered_checkpoints(state_dir) <= known:
                if app.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"round {number}: the app did not recover: {app.communicate()[1][-500:]}")
                time.sleep(0.05)
            time.sleep(rng.uniform(0.3, 2.0))
            app.send_signal(signal.SIGKILL)
            app.communicate(timeout=10)
            before = clock.monotonic_ms()
            status = subprocess.run(
                [sys.executable, "-m", "stagetimer", "status", "--state-dir", str(state_dir), str(AGENDA)],
                env=_env(steps[(number + 1) % 3]), capture_output=True, text=True, cwd=ROOT, check=True,
            )
            after = clock.monotonic_ms()
            remaining = json.loads(status.stdout)["remaining_seconds"] * 1000
            # The status command read the clock somewhere between before and after.
            lowest, highest = allotted - (after - started), allotted - (before - started)
            error = 0.0 if lowest <= remaining <= highest else min(abs(remaining - lowest), abs(remaining - highest))
            errors.append(error)
        shutil.rmtree(state_dir, ignore_errors=True)
    return {"rounds": rounds, "exact": sum(e == 0 for e in errors), "worst_ms": max(errors, default=0.0),
            "faketime": FAKETIME_LIB.exists()}


def simulated_rounds(rounds: int, seed: int) -> dict[str, object]:
    """Crash and restart on a fake clock with steps, suspends and reboots; exact to the ms."""
    from tests.agenda_factory import make_agenda

    rng = random.Random(seed)
    agenda = make_agenda([("long", "talk", "3h")])
    exact = steps = suspends = reboots = 0
    worst = 0
    with tempfile.TemporaryDirectory(prefix="stagetimer-sim-") as folder:
        state_dir = Path(folder)
        clock = FakeClock()
        session = Session.open(agenda, state_dir, clock)
        session.apply(Command("start"))
        expected = 3 * 60 * MIN
        for _ in range(rounds):
            run = rng.randint(0, 20_000)
            clock.advance(run)
            if rng.random() < 0.3:
                nap = rng.randint(1, 10 * MIN)
                clock.suspend(nap)  # the lid closed while the show ran
                run += nap
                suspends += 1
            session.close()
            down = rng.randint(0, 60_000)
            if rng.random() < 0.1:
                clock.reboot(down)
                reboots += 1
            else:
                clock.advance(down)
                if rng.random() < 0.4:
                    clock.jump_wall(rng.choice([1, -1]) * rng.randint(3_000, 2 * 3_600_000))
                    steps += 1
            expected -= run + down
            session = Session.open(agenda, state_dir, clock)
            error = abs(session.snapshot().remaining_ms - expected)
            expected = session.snapshot().remaining_ms  # each round is judged on its own
            exact += error == 0
            worst = max(worst, error)
        session.close()
    return {"rounds": rounds, "exact": exact, "worst_ms": worst, "wall_steps": steps, "suspends": suspends,
            "reboots": reboots}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12, help="real kill -9 rounds (default 12)")
    parser.add_argument("--simulated", type=int, default=2000, help="simulated rounds (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    simulated = simulated_rounds(options.simulated, options.seed)
    print("simulated:", json.dumps(simulated))
    real = real_rounds(options.rounds, options.seed)
    print("real kill -9:", json.dumps(real))
    return 0


if __name__ == "__main__":
    sys.exit(main())
