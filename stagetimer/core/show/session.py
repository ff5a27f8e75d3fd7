"""A show with its durable record: the door the app and the network use.

``Session.apply`` is the one door of a running show: it applies a command
through the Show, writes it to the journal (fsynced) before anything is
shown, and answers with the Outcome. Starting fresh and reloading an edited
agenda go through it too. ``stagetimer status`` and the app both open a
Session, so a show resumed after kill -9 is rebuilt exactly as the journal
says: every checkpoint and command replayed, then the time that passed
while the app was down, read from the wall clock.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.agenda.plain import agenda_to_dict
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import AnyCommand, ReloadAgenda, StartFresh
from stagetimer.core.show.journal import (
    JOURNAL_NAME,
    STATE_NAME,
    JournalWriter,
    atomic_write_text,
    read_journal,
)
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.replay import replay_journal
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.show.state_io import state_to_dict
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
        replayed = replay_journal(agenda, contents.records, clock)
        show, last = replayed.show, replayed.last
        recovered = show is not None and last is not None and not show.state.untouched
        if show is None or last is None:
            show = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor_tod_ms)
        else:
            # Time that passed while the app was down, from the wall clock (never negative).
            gap = max(0, clock.wall_ms() - int(last["wall_ms"]))
            now = int(last["show_ms"]) + int(gap * show.speed)
            show.rebase(now)
            show.settle(now)  # what happened while the app was down is not news
        session = cls(show, state_dir, writable)
        session.recovered = bool(recovered)
        session.notes = contents.problems + replayed.notes
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

    def apply(self, command: AnyCommand) -> Outcome:
        """The door: apply, then journal. A refused command changes and records nothing.

        An applied command whose record could not be written says so in
        ``journal_error``: the show has changed, and a crash now would lose it.
        """
        if isinstance(command, StartFresh):
            return self._start_fresh(command.anchor_tod_ms)
        now = self.show.now_ms()
        outcome = self.show.apply(command, now_ms=now)
        if not outcome.applied:
            return outcome
        try:
            if isinstance(command, ReloadAgenda):
                self.checkpoint("reload")
            else:
                self._append({"type": "command", "command": command.to_dict()}, now)
                self._record_item_events(outcome)
                self.write_state()
        except OSError as error:
            return _with_journal_error(outcome, str(error))
        return outcome

    def reload(self, agenda: Agenda) -> Outcome:
        """Swap in an edited agenda (refused, ``live_item_removed``, if the live item is gone)."""
        return self.apply(ReloadAgenda(agenda))

    def start_fresh(self, anchor_tod_ms: int | None = None) -> Outcome:
        """Archive the journal and begin the show again from the welcome screen (see StartFresh)."""
        return self.apply(StartFresh(anchor_tod_ms))

    def _start_fresh(self, anchor_tod_ms: int | None) -> Outcome:
        if self._writer is not None:
            try:
                self._archive_journal()
            except OSError as error:
                return Outcome("start_fresh", False, reason="journal_failed", params={"reason": str(error)})
        old = self.show
        self.show = Show(old.agenda, old.clock, speed=old.speed, anchor_tod_ms=anchor_tod_ms)
        self.recovered = False
        outcome = Outcome("start_fresh", True, effect="started_fresh")
        try:
            self.checkpoint("fresh")
        except OSError as error:
            return _with_journal_error(outcome, str(error))
        return outcome

    def _archive_journal(self) -> None:
        assert self._writer is not None
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
            "agenda_data": agenda_to_dict(self.show.agenda),  # replays run on the agenda in force
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

    def _record_item_events(self, outcome: Outcome) -> None:
        """Item starts and ends, written out for the record (replay ignores them)."""
        for event in outcome.events:
            if event.kind.value in ("item_started", "item_ended"):
                self._append({"type": event.kind.value, "id": event.item_id, "tod_ms": event.tod_ms}, event.show_ms)


def _with_journal_error(outcome: Outcome, reason: str) -> Outcome:
    return Outcome(outcome.action, True, effect=outcome.effect, params=outcome.params, also=outcome.also,
                   events=outcome.events, journal_error=reason)
