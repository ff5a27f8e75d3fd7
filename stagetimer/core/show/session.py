"""A show with its durable record: journal, recovery, live reload.

The app and ``stagetimer status`` both go through a Session, so a show
resumed after kill -9 is rebuilt exactly as the journal says: the last
checkpoint, then every command after it replayed at its recorded show time,
then the time that passed while the app was down, read from the wall clock.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import (
    JOURNAL_NAME,
    STATE_NAME,
    JournalWriter,
    atomic_write_text,
    read_journal,
)
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.show.state_io import state_from_dict, state_to_dict
from stagetimer.core.show.status import status_json


class Session:
    """Applies commands to a Show and writes each one down before it is shown."""

    def __init__(self, show: Show, state_dir: Path, writable: bool = True) -> None:
        self.show = show
        self.state_dir = state_dir
        self.recovered = False
        self.notes: list[str] = []
        self._writer = JournalWriter(state_dir / JOURNAL_NAME) if writable else None

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        agenda: Agenda,
        state_dir: Path,
        clock: Clock,
        speed: float = 1.0,
        anchor_tod_ms: int | None = None,
        writable: bool = True,
    ) -> Session:
        """Resume the show recorded in ``state_dir``, or begin a new one."""
        contents = read_journal(state_dir / JOURNAL_NAME)
        show, notes = _replay(agenda, contents.records, clock)
        recovered = show is not None and not show.state.untouched
        if show is None:
            show = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor_tod_ms)
        session = cls(show, state_dir, writable)
        session.recovered = bool(recovered)
        session.notes = contents.problems + notes
        session.checkpoint("recovered" if session.recovered else "start")
        return session

    # -- the show -----------------------------------------------------------

    @property
    def agenda(self) -> Agenda:
        return self.show.agenda

    @property
    def speed(self) -> float:
        return self.show.speed

    def snapshot(self) -> Snapshot:
        return self.show.snapshot()

    def apply(self, command: Command) -> None:
        """Apply, then journal; a refused command (ValueError) is not recorded."""
        now = self.show.now_ms()
        before = self.show.snapshot(now)
        self.show.apply(command, now_ms=now)
        self._append({"type": "command", "command": command.to_dict()}, now)
        self._record_item_changes(before, self.show.snapshot(now), now)
        self.write_state()

    def reload(self, agenda: Agenda) -> None:
        """Swap in an edited agenda (ValueError if the live item is gone)."""
        self.show.replace_agenda(agenda)
        self.checkpoint("reload")

    def start_fresh(self, anchor_tod_ms: int | None = None) -> None:
        """Archive the journal and begin the show again from the welcome screen.

        ``anchor_tod_ms`` as for Show: None anchors to now; a rehearsal passes
        its own anchor (just before the planned start) to run through again.
        """
        if self._writer is not None:
            self._writer.close()
            journal = self.state_dir / JOURNAL_NAME
            if journal.exists():
                stamp = time.strftime("%Y%m%d-%H%M%S")
                archive, number = self.state_dir / f"journal-{stamp}.jsonl", 1
                while archive.exists():  # twice in one second must not overwrite the first archive
                    number += 1
                    archive = self.state_dir / f"journal-{stamp}-{number}.jsonl"
                journal.rename(archive)
            self._writer = JournalWriter(journal)
        old = self.show
        self.show = Show(old.agenda, old.clock, speed=old.speed, anchor_tod_ms=anchor_tod_ms)
        self.recovered = False
        self.checkpoint("fresh")

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    # -- records ------------------------------------------------------------

    def checkpoint(self, reason: str) -> None:
        now = self.show.now_ms()
        record = {
            "type": "checkpoint",
            "reason": reason,
            "anchor_tod_ms": self.show.anchor_tod_ms,
            "speed": self.show.speed,
            "agenda": self.show.agenda.source,
            "state": state_to_dict(self.show.state, self.show.agenda),
        }
        self._append(record, now)
        self.write_state()

    def write_state(self) -> None:
        if self._writer is not None:
            atomic_write_text(self.state_dir / STATE_NAME, status_json(self.show.snapshot()) + "\n")

    def _append(self, record: dict[str, Any], now: int) -> None:
        if self._writer is None:
            return
        stamped = {"wall_ms": self.show.clock.wall_ms(), "show_ms": now}
        stamped.update(record)
        self._writer.append(stamped)

    def _record_item_changes(self, before: Snapshot, after: Snapshot, now: int) -> None:
        """Item starts and ends, written out for the record (replay ignores them)."""
        for old, new in zip(before.items, after.items):
            if old.actual_start_ms is None and new.actual_start_ms is not None:
                self._append({"type": "item_started", "id": new.id, "tod_ms": new.actual_start_ms}, now)
            if old.actual_end_ms is None and new.actual_end_ms is not None:
                self._append({"type": "item_ended", "id": new.id, "tod_ms": new.actual_end_ms}, now)


def _replay(agenda: Agenda, records: list[dict[str, Any]], clock: Clock) -> tuple[Show | None, list[str]]:
    """Rebuild the show from the last checkpoint and the commands after it."""
    last_checkpoint = None
    for position, record in enumerate(records):
        if record.get("type") == "checkpoint":
            last_checkpoint = position
    if last_checkpoint is None:
        return None, []
    checkpoint = records[last_checkpoint]
    stamped = [r for r in records if isinstance(r.get("show_ms"), int) and isinstance(r.get("wall_ms"), int)]
    last = stamped[-1] if stamped else checkpoint
    speed = float(checkpoint.get("speed", 1.0))
    # Time that passed while the app was down, from the wall clock (never negative).
    gap = max(0, clock.wall_ms() - int(last.get("wall_ms", clock.wall_ms())))
    origin = int(last.get("show_ms", 0)) + int(gap * speed)
    show = Show(agenda, clock, speed=speed, anchor_tod_ms=int(checkpoint["anchor_tod_ms"]), origin_show_ms=origin)
    try:
        show.state = state_from_dict(checkpoint.get("state", {}), agenda)
    except (ValueError, TypeError, KeyError) as error:
        return None, [f"Could not resume the recorded show ({error}); starting fresh."]
    notes: list[str] = []
    for record in records[last_checkpoint + 1 :]:
        if record.get("type") == "command":
            apply_recorded(show, record, notes)
    return show, notes


def apply_recorded(show: Show, record: dict[str, Any], notes: list[str]) -> bool:
    """Apply a journaled command at its recorded show time (recovery and the report replay alike).

    A command that no longer applies (the agenda was edited since) is noted
    and skipped: the rest of the record still counts.
    """
    try:
        show.apply(Command.from_dict(record["command"]), now_ms=int(record["show_ms"]))
    except (ValueError, KeyError, TypeError) as error:
        notes.append(f"Skipped a recorded command that no longer applies: {error}")
        return False
    return True
