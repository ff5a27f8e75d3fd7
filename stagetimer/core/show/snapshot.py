"""The frozen picture of the show that every view draws.

A snapshot holds everything a screen shows, already computed: views only
format and paint it. It is plain data (strings, ints, bools, tuples) and
serialises to JSON as it is, for the status command, the journal and,
later, browser views.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: Where the show stands as a whole: before the first item, during, after the last.
STAGES = ("welcome", "live", "closing")
#: Countdown phases, in the order a slot goes through them. ``idle`` when no item is loaded.
PHASES = ("idle", "normal", "warning", "danger", "overtime")
#: Item statuses in the agenda table.
STATUSES = ("done", "live", "next", "upcoming")


@dataclass(frozen=True)
class ItemView:
    """One agenda row as the screens see it. Times of day are ms since midnight."""

    index: int
    id: str
    kind: str
    title: str
    speakers: tuple[str, ...]
    organisation: str
    section_id: str
    section_title: str
    note: str
    status: str
    planned_start_ms: int
    planned_duration_ms: int
    fixed_start_ms: int | None
    projected_start_ms: int
    projected_end_ms: int
    allotted_ms: int  # planned duration + adjustments (a break may stretch to a fixed start)
    elapsed_ms: int
    actual_start_ms: int | None
    actual_end_ms: int | None
    over_under_ms: int | None  # actual (or projected) length minus planned; None if not started

    @property
    def speaker_text(self) -> str:
        return ", ".join(self.speakers)

    @property
    def planned_end_ms(self) -> int:
        return self.planned_start_ms + self.planned_duration_ms


@dataclass(frozen=True)
class Snapshot:
    """Everything the three screens show at one instant."""

    # The event
    event_title: str
    event_subtitle: str
    event_date: str
    venue: str
    language: str
    planned_start_ms: int
    planned_end_ms: int

    # Where we are
    stage: str  # one of STAGES
    time_of_day_ms: int
    items: tuple[ItemView, ...]
    current: ItemView | None
    next: ItemView | None
    running: bool  # the current item's clock is counting
    paused: bool  # an item is loaded (started or not) and its clock is stopped
    started: bool  # the current item has been started at least once

    # The countdown of the current item
    remaining_ms: int
    elapsed_ms: int
    allotted_ms: int
    phase: str  # one of PHASES
    countdown_text: str  # "9:59", "+0:12"
    progress: float  # 0.0 at the start of the slot, 1.0 when time is up (clamped)
    overtime_ms: int  # how far past zero; 0 when not in overtime

    # The schedule
    over_under_ms: int  # > 0: the show runs behind the plan; < 0: ahead
    projected_end_ms: int  # projected end of the last item
    welcome_remaining_ms: int  # before the show: ms to the planned start (never negative)
    resume_ms: int | None  # during a break: time of day the programme resumes

    # Operator-driven display state
    message: str  # for the speaker; "" when none
    message_flash: bool  # the message just arrived: draw it inverted on this tick
    flash: bool  # flash the presenter screen on this tick (manual or entering overtime)
    blackout: bool
    projector_countdown: bool
    can_undo: bool
    speed: float

    # For the display timer: real (unscaled) ms until anything shown here changes.
    next_change_ms: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (tuples become lists)."""
        return dataclasses.asdict(self)
