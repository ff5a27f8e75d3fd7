"""The event report: planned against actual, per item and for the day.

Built from the show's journal after (or during) the event, so it answers
the organiser's question — who ran over, and by how much — from what the
stage manager actually did, not from what the screens last showed. No Qt:
``stagetimer report`` runs on a headless box, and the Control window's menu
calls :func:`write_report` with exactly the same result.

Figures are integer milliseconds. An item's actual length is its time on
stage from start to end, pauses included (they took time out of the day);
the time paused is reported beside it so an overrun caused by a failed
microphone is not mistaken for a long speech.
"""

from __future__ import annotations

import datetime as _dt
import math
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from stagetimer.core.agenda.model import Agenda, Event, ItemIdentity
from stagetimer.core.report.timeline import Segment, replay
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal

#: Item statuses in the report.
DONE, LIVE, SKIPPED, NOT_REACHED = "done", "live", "skipped", "not reached"
STATUSES = (DONE, LIVE, SKIPPED, NOT_REACHED)
#: An item counts as having run over from one whole second over its planned length.
OVERRUN_MIN_MS = 1_000
#: How many of the report's notes are written out; the rest are counted. A
#: damaged journal can have thousands of bad lines, and the first few say what
#: went wrong.
NOTES_SHOWN = 5



@dataclass(frozen=True)
class ItemReport(ItemIdentity):
    """One agenda item, planned and actual. Times of day are ms since midnight."""

    status: str  # one of STATUSES
    planned_start_ms: int
    planned_duration_ms: int
    actual_start_ms: int | None  # None: never started
    actual_end_ms: int | None  # None: never started, or still on stage
    actual_duration_ms: int | None  # time on stage, pauses included (so far, if live)
    paused_ms: int  # of which paused
    added_ms: int  # time the stage manager added (or took away) during the item
    segments: tuple[Segment, ...]  # for the timeline: when it held the stage, running or paused
    over_under_ms: int | None  # > 0: ran over; < 0: shorter (projected while live) — the Control window's figure
    replanned_ms: int | None = None  # the length the planner gave it during the show (None: kept its length)

    @property
    def recovered_ms(self) -> int:
        """How much shorter the planner made it (0 when it kept its planned length)."""
        return 0 if self.replanned_ms is None else max(0, self.planned_duration_ms - self.replanned_ms)

    @property
    def planned_end_ms(self) -> int:
        return self.planned_start_ms + self.planned_duration_ms

    @property
    def started(self) -> bool:
        return self.actual_start_ms is not None

    @property
    def start_offset_ms(self) -> int | None:
        """> 0: started late; < 0: early."""
        return None if self.actual_start_ms is None else self.actual_start_ms - self.planned_start_ms

    @property
    def ran_over(self) -> bool:
        return (self.over_under_ms or 0) >= OVERRUN_MIN_MS

    @property
    def who(self) -> str:
        """The speakers, or the organisation when no speaker is named."""
        return ", ".join(self.speakers) or self.organisation


@dataclass(frozen=True)
class Report:
    """The whole event, planned and actual."""

    event: Event
    items: tuple[ItemReport, ...]
    stage: str  # welcome (not started), live (under way) or closing (over)
    as_of_tod_ms: int | None  # when the figures were taken; None when nothing was recorded
    notes: tuple[str, ...]  # journal lines or commands that could not be used (see NOTES_SHOWN)
    #: The show clock's speed as journaled: 1 for the real show, N for a rehearsal at --speed N.
    speed: float = 1.0
    #: The day the show was actually run (local date, ISO), from the journal's wall clock.
    run_date: str | None = None

    @property
    def rehearsal(self) -> bool:
        """A rehearsal at a speed of its own: its times are the rehearsal clock's, its day not the event's."""
        return self.speed != 1

    @property
    def started(self) -> tuple[ItemReport, ...]:
        return tuple(item for item in self.items if item.started)

    @property
    def finished(self) -> bool:
        return self.stage == "closing"

    @property
    def planned_start_ms(self) -> int:
        return self.items[0].planned_start_ms if self.items else self.event.start_ms

    @property
    def planned_end_ms(self) -> int:
        return self.items[-1].planned_end_ms if self.items else self.event.end_ms

    @property
    def planned_total_ms(self) -> int:
        return sum(item.planned_duration_ms for item in self.items)

    @property
    def actual_start_ms(self) -> int | None:
        starts = [item.actual_start_ms for item in self.started if item.actual_start_ms is not None]
        return min(starts) if starts else None

    @property
    def actual_end_ms(self) -> int | None:
        """When the last item ended; None while the show is still on."""
        ends = [item.actual_end_ms for item in self.started if item.actual_end_ms is not None]
        return max(ends) if ends and self.finished else None

    @property
    def actual_total_ms(self) -> int:
        return sum(item.actual_duration_ms or 0 for item in self.started)

    @property
    def paused_total_ms(self) -> int:
        return sum(item.paused_ms for item in self.items)

    @property
    def added_total_ms(self) -> int:
        return sum(item.added_ms for item in self.items)

    @property
    def over_under_total_ms(self) -> int:
        """Sum of the started items' overs and unders."""
        return sum(item.over_under_ms or 0 for item in self.started)

    @property
    def start_offset_ms(self) -> int | None:
        start = self.actual_start_ms
        return None if start is None else start - self.planned_start_ms

    @property
    def end_offset_ms(self) -> int | None:
        """> 0: the event ended late; None until it has ended."""
        end = self.actual_end_ms
        return None if end is None else end - self.planned_end_ms

    @property
    def overruns(self) -> tuple[ItemReport, ...]:
        """Items that ran over, the longest overrun first."""
        over = [item for item in self.items if item.ran_over]
        return tuple(sorted(over, key=lambda item: (-(item.over_under_ms or 0), item.index)))

    @property
    def replanned(self) -> tuple[ItemReport, ...]:
        """The items the planner shortened, in agenda order."""
        return tuple(item for item in self.items if item.recovered_ms > 0)

    @property
    def recovered_total_ms(self) -> int:
        """How much time the planner won back for the day: planned minus re-planned, summed."""
        return sum(item.recovered_ms for item in self.items)

    @property
    def skipped(self) -> tuple[ItemReport, ...]:
        return tuple(item for item in self.items if item.status == SKIPPED)


def build_report(agenda: Agenda, records: list[dict[str, Any]], now_wall_ms: int | None = None) -> Report:
    """The report of the show recorded in ``records`` (a journal's records, in order).

    ``now_wall_ms`` counts the item still on stage up to that instant; without
    it the figures stop at the last recorded command.
    """
    timeline = replay(agenda, records, now_wall_ms)
    items = []
    for index, item in enumerate(agenda.items):
        segments = timeline.segments[index]
        live = index == timeline.live_index and timeline.stage == "live"
        # The Control window's status of the row, in the report's words.
        view = timeline.views[index] if timeline.views else None
        status = NOT_REACHED if view is None else _STATUS_OF_ROW.get(view.status, NOT_REACHED)
        if status == LIVE and not live:
            status = NOT_REACHED  # loaded, never started
        duration = sum(s.length_ms for s in segments) if segments else None
        items.append(
            ItemReport(
                **agenda.item_identity(index),
                status=status,
                planned_start_ms=item.planned_start_ms,
                planned_duration_ms=item.duration_ms,
                actual_start_ms=segments[0].start_ms if segments else None,
                actual_end_ms=segments[-1].end_ms if segments and not live else None,
                actual_duration_ms=duration,
                paused_ms=sum(s.length_ms for s in segments if not s.running),
                added_ms=timeline.added_ms[index],
                segments=segments,
                over_under_ms=timeline.views[index].over_under_ms if timeline.views else None,  # as Control shows
                replanned_ms=timeline.replanned_ms[index] if timeline.replanned_ms else None,
            )
        )
    return Report(
        event=agenda.event,
        items=tuple(items),
        stage=timeline.stage,
        as_of_tod_ms=timeline.as_of_tod_ms,
        notes=timeline.notes,
        speed=recorded_speed(records),
        run_date=_run_date(records),
    )


def recorded_speed(records: list[dict[str, Any]]) -> float:
    """The speed of the last checkpoint that gives a usable one (a damaged one is passed over); else 1."""
    for record in reversed(records):
        speed = record.get("speed") if record.get("type") == "checkpoint" else None
        if isinstance(speed, (int, float)) and not isinstance(speed, bool) and math.isfinite(speed) and speed > 0:
            return float(speed)
    return 1.0


def _run_date(records: list[dict[str, Any]]) -> str | None:
    """The local date of the first record with a usable wall-clock stamp."""
    for record in records:
        stamp = record.get("wall_ms")
        if isinstance(stamp, (int, float)) and not isinstance(stamp, bool):
            try:
                return _dt.datetime.fromtimestamp(stamp / 1000).date().isoformat()
            except (OverflowError, OSError, ValueError):
                continue
    return None


#: Control's row statuses as the report says them (next and upcoming: not reached).
_STATUS_OF_ROW = {"done": DONE, "live": LIVE, "skipped": SKIPPED}


def report_language(agenda: Agenda, language: str | None = None) -> str:
    """``ko`` or ``en``: the one asked for, else the agenda's."""
    chosen = (language or agenda.event.language or "en").lower()
    return "ko" if chosen.startswith("ko") else "en"


def load_report(agenda: Agenda, state_dir: Path, now_wall_ms: int | None = None) -> Report:
    """The report of the show journaled in ``state_dir``, with the item on stage counted up to now.

    Its notes start with the journal lines that could not be read (``file:line: why``).
    """
    if now_wall_ms is None:
        now_wall_ms = time.time_ns() // 1_000_000
    contents = read_journal(Path(state_dir) / JOURNAL_NAME)
    report = build_report(agenda, contents.records, now_wall_ms)
    return replace(report, notes=(*contents.problems, *report.notes))
