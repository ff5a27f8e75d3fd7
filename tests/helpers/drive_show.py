"""A show operated by a random stage manager, for the kill -9 tests.

Opens the show's session (recovering whatever the journal holds), prints the
recovered state, then applies random commands forever. After each command is
journaled it prints one JSON line with the countdown and the system-wide
monotonic time, so the test can compute what the countdown must read later.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.session import Session

ACTIONS = ["toggle", "toggle", "next_start", "next", "previous", "add_time", "add_time", "message", "flash"]


def report(session: Session, kind: str) -> None:
    snap = session.snapshot()
    commands = sum(1 for r in read_journal(session.state_dir / JOURNAL_NAME).records if r["type"] == "command")
    line = {
        "kind": kind,
        "commands": commands,
        "item": snap.current.id if snap.current else None,
        "stage": snap.stage,
        "running": snap.running,
        "remaining_ms": snap.remaining_ms,
        "mono": time.monotonic(),
    }
    print(json.dumps(line), flush=True)


def main() -> None:
    agenda_path, state_dir, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    session = Session.open(load_agenda(agenda_path), state_dir, SystemClock())
    report(session, "recovered")
    if session.snapshot().stage == "welcome":
        session.apply(Command("start"))
        report(session, "applied")
    while True:
        time.sleep(rng.uniform(0.005, 0.05))
        action = rng.choice(ACTIONS)
        value: str | int | None = None
        if action == "add_time":
            value = rng.choice([60_000, -60_000])
        elif action == "message":
            value = rng.choice(["", "마무리 부탁드립니다"])
        try:
            session.apply(Command(action, value))
        except ValueError:
            continue
        if session.snapshot().stage == "closing":
            session.apply(Command("goto", session.agenda.items[0].id))
        report(session, "applied")


if __name__ == "__main__":
    main()
