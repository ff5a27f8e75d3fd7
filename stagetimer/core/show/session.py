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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.agenda.plain import agenda_to_dict
from stagetimer.core.clock import CLOCK_STEP_MS, Clock
from stagetimer.core.show.commands import AnyCommand, ReloadAgenda, StartFresh
from stagetimer.core.show.journal import (
    JOURNAL_NAME,
    STATE_NAME,
    JournalContents,
    JournalUnreadable,
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

#: A show record older than this is a finished day or a try-out: archived, not resumed.
STALE_MS = 6 * 3_600_000


class Session:
    """Applies commands to a Show and writes each one down before it is shown."""

    def __init__(self, show: Show, state_dir: Path, writable: bool = True) -> None:
        self.show = show
        self.state_dir = state_dir
        self.recovered = False
        self.notes: list[str] = []  # every journal line or record that could not be used, with where
        self.findings: list[Finding] = []  # what Control must say about the opening (codes, not sentences)
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
        resume_stale: bool = False,
    ) -> Session:
        """Resume the show recorded in ``state_dir``, or begin a new one.

        The time the app was down is measured on the monotonic clock when the
        machine has not been restarted since the last record (a wall-clock
        step then moves nothing), else on the wall clock, and Control is told.
        A record more than STALE_MS old is a finished day or a try-out: its
        journal is archived (when writable) and a new show begins, unless
        ``resume_stale`` (``--resume``) says to resume it anyway. A journal that
        cannot be read as one (a pipe, a device, far too large) is set aside
        the same way; read-only, it raises JournalUnreadable.
        """
        findings: list[Finding] = []
        try:
            contents = read_journal(state_dir / JOURNAL_NAME)
        except JournalUnreadable as error:
            if not writable:
                raise
            findings.append(Finding("journal_unreadable", {"reason": str(error), "archive": ""}))
            contents = JournalContents()
        replayed = replay_journal(agenda, contents.records, clock)
        show, last = replayed.show, replayed.last
        damaged = contents.problems + replayed.notes
        if damaged:
            findings.append(Finding("journal_damaged", {"count": len(damaged), "first": damaged[0]}))
        if show is not None and last is not None:
            gap, age = downtime(clock, last, findings)
            if age > STALE_MS and not resume_stale:
                findings.append(Finding("archived_stale", {"age_ms": age, "archive": ""}))
                show = None
            else:
                now = int(last["show_ms"]) + round(gap * show.speed)
                show.rebase(now)
                show.settle(now)  # what happened while the app was down is not news
        recovered = show is not None and not show.state.untouched
        if show is None:
            show = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor_tod_ms)
        set_aside = [finding for finding in findings if finding.code in ("archived_stale", "journal_unreadable")]
        if set_aside and writable:
            archived = archive_journal(state_dir)  # before a writer opens it: a pipe would block it
            for finding in set_aside:
                finding.params["archive"] = archived
        session = cls(show, state_dir, writable)
        session.recovered = recovered
        session.notes = damaged
        session.findings = findings
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

    def _archive_journal(self) -> str:
        """Move the journal aside and start a new one; the archive's name."""
        assert self._writer is not None
        self._writer.close()
        name = archive_journal(self.state_dir)
        self._writer = JournalWriter(self.state_dir / JOURNAL_NAME)
        return name

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
        """The summary for scripts; it is a convenience, so failing to write it costs the show nothing."""
        if self._writer is None:
            return
        try:
            atomic_write_text(self.state_dir / STATE_NAME, status_json(self.show.snapshot()) + "\n")
        except OSError as error:
            if str(error) not in self.notes:
                self.notes.append(f"{STATE_NAME} cannot be written ({error}); the journal is kept as usual")

    def _append(self, record: dict[str, Any], now: int) -> None:
        if self._writer is None:
            return
        clock = self.show.clock
        # Both clocks and the boot: a restart in the same boot measures the gap on the monotonic one.
        stamped = {"wall_ms": clock.wall_ms(), "mono_ms": clock.monotonic_ms(), "boot": clock.boot_id(), "show_ms": now}
        stamped.update(record)
        self._writer.append(stamped)

    def _record_item_events(self, outcome: Outcome) -> None:
        """Item starts and ends, written out for the record (replay ignores them)."""
        for event in outcome.events:
            if event.kind.value in ("item_started", "item_ended"):
                self._append({"type": event.kind.value, "id": event.item_id, "tod_ms": event.tod_ms}, event.show_ms)


@dataclass
class Finding:
    """Something Control must say about how the show was opened: a code and its parameters.

    ``clock_changed`` (delta_ms: the wall clock moved this much more than
    real time while the app was down), ``rebooted`` (the machine restarted:
    the time it was off comes from the wall clock), ``wall_clock_only`` (an
    earlier release's journal: no monotonic stamps), ``archived_stale``
    (age_ms, archive: the record was too old to resume) and
    ``journal_damaged`` (count, first: lines or records that were skipped),
    ``journal_unreadable`` (reason, archive: set aside, a new show begun)
    and ``clock_behind`` (delta_ms: the last record is dated after now).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def archive_journal(state_dir: Path) -> str:
    """Rename the journal journal-YYYYMMDD-HHMMSS.jsonl (never over an earlier archive); its new name, or ""."""
    journal = state_dir / JOURNAL_NAME
    if not (journal.exists() or journal.is_symlink()):
        return ""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    archive, number = state_dir / f"journal-{stamp}.jsonl", 1
    while archive.exists():  # twice in one second must not overwrite the first archive
        number += 1
        archive = state_dir / f"journal-{stamp}-{number}.jsonl"
    journal.rename(archive)
    return archive.name


def summarize(notes: list[str], most: int = 5) -> list[str]:
    """The first ``most`` notes and how many more: a damaged journal of 400,000 lines is not read aloud."""
    if len(notes) <= most:
        return list(notes)
    return [*notes[:most], f"… and {len(notes) - most} more"]


def downtime(clock: Clock, last: dict[str, Any], findings: list[Finding]) -> tuple[int, int]:
    """(ms the show ran on since the ``last`` record, how old that record is), neither negative.

    The two differ only when the wall clock was set back past the record:
    the record is then as old as the step, and the time down is unknowable
    (counted as none). The findings say how it was measured.
    """
    wall_gap = clock.wall_ms() - int(last["wall_ms"])
    mono, boot = last.get("mono_ms"), last.get("boot")
    now_mono = clock.monotonic_ms()
    same_boot = isinstance(boot, str) and boot != "" and boot == clock.boot_id()
    if isinstance(mono, int) and not isinstance(mono, bool) and same_boot and now_mono >= mono:
        gap = now_mono - mono
        if abs(wall_gap - gap) > CLOCK_STEP_MS:
            findings.append(Finding("clock_changed", {"delta_ms": wall_gap - gap}))
        return gap, gap
    findings.append(Finding("rebooted" if isinstance(mono, int) else "wall_clock_only"))
    if wall_gap < -CLOCK_STEP_MS:
        # Recorded "after" now: the wall clock was set back. How long the app was down cannot be known.
        findings.append(Finding("clock_behind", {"delta_ms": wall_gap}))
        return 0, -wall_gap
    gap = max(0, wall_gap)
    return gap, gap


def _with_journal_error(outcome: Outcome, reason: str) -> Outcome:
    return Outcome(outcome.action, True, effect=outcome.effect, params=outcome.params, also=outcome.also,
                   events=outcome.events, journal_error=reason)
