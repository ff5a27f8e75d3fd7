"""Frames: what each audience of the show may see, as plain data.

The core builds one frame per audience and the views only paint them:

* :class:`Snapshot` — the Control frame, everything the stage manager sees,
  private notes and over/under included;
* :class:`PresenterFrame` — the speaker's confidence monitor;
* :class:`ProjectorFrame` — the audience's big screen.

An audience frame is built from the Control frame by copying the fields it
may show, so a private field can only reach the stage if it is named here;
a test proves none is. Every frame serialises to JSON (``to_dict``) for the
status command, the journal and, next, browser views.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import Any

from stagetimer.core.agenda.model import NOTHING, ItemIdentity, PerPhase
from stagetimer.core.show.replan import Proposal

#: Where the show stands as a whole: before the first item, during, after the last.
STAGES = ("welcome", "live", "closing")
#: Countdown phases, in the order a slot goes through them. ``idle`` when no item is loaded.
PHASES = ("idle", "normal", "warning", "danger", "overtime")
#: Item statuses in the agenda table: ``skipped`` was passed over without ever starting.
STATUSES = ("done", "skipped", "live", "next", "upcoming")


class ClockState(str, Enum):
    """The one answer to "what is the clock doing" (the value is its JSON name)."""

    NOT_STARTED = "not_started"  # before the first item (the welcome screen)
    READY = "ready"  # an item is loaded and was never started
    RUNNING = "running"
    PAUSED = "paused"  # started, then stopped
    FINISHED = "finished"  # after the last item


@dataclass(frozen=True)
class ItemView(ItemIdentity):
    """One agenda row as the stage manager sees it. Times of day are ms since midnight."""

    note: str  # private to the stage manager
    status: str  # one of STATUSES
    planned_start_ms: int
    planned_duration_ms: int
    fixed_start_ms: int | None
    projected_start_ms: int
    projected_end_ms: int
    allotted_ms: int  # planned duration + adjustments (a break may stretch to a fixed start)
    elapsed_ms: int
    actual_start_ms: int | None
    actual_end_ms: int | None
    stage_ms: int | None  # time on stage so far, pauses included; None if it never held the stage
    over_under_ms: int | None  # length (projected while live) minus planned; None if never on stage
    presenter_note: str = ""  # for the speaker: frames.presenter_frame copies the current item's
    replanned_ms: int | None = None  # the planner's new length (ItemState.replanned_ms), None: as planned
    ends_at_ms: int | None = None  # the agenda's ``ends_at``: it counts to this time of day, whenever it starts

    @property
    def planned_end_ms(self) -> int:
        return self.planned_start_ms + self.planned_duration_ms


@dataclass(frozen=True)
class PublicItem(ItemIdentity):
    """An item as an audience may see it: who and what, and when it is expected to start."""

    projected_start_ms: int

    @classmethod
    def of(cls, item: ItemView | None) -> PublicItem | None:
        if item is None:
            return None
        return cls(**item.identity(), projected_start_ms=item.projected_start_ms)


class _ClockReading:
    """The questions views ask of the clock, answered once from the ClockState."""

    clock_state: ClockState

    @property
    def running(self) -> bool:
        return self.clock_state is ClockState.RUNNING

    @property
    def started(self) -> bool:
        """The item on stage has been started (it runs, or was paused)."""
        return self.clock_state in (ClockState.RUNNING, ClockState.PAUSED)

    @property
    def paused(self) -> bool:
        """An item is loaded and its clock stands (paused, or ready and never started)."""
        return self.clock_state in (ClockState.PAUSED, ClockState.READY)


class _Frame:
    """JSON for every frame (tuples become lists, enums their names)."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = json_ready(dataclasses.asdict(self))  # type: ignore[call-overload]
        return data


def json_ready(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(item) for item in value]
    return value


@dataclass(frozen=True)
class EventFields:
    """The event as every screen names it (Control and the projector's welcome and closing)."""

    event_title: str
    event_subtitle: str
    event_date: str
    venue: str
    language: str
    planned_start_ms: int


@dataclass(frozen=True)
class Snapshot(EventFields, _Frame, _ClockReading):
    """The Control frame: everything the stage manager sees at one instant."""

    planned_end_ms: int

    # Where we are
    stage: str  # one of STAGES
    clock_state: ClockState
    time_of_day_ms: int
    items: tuple[ItemView, ...]
    current: ItemView | None
    next: ItemView | None

    # The countdown of the current item
    remaining_ms: int
    elapsed_ms: int
    allotted_ms: int
    phase: str  # one of PHASES
    warning_ms: int  # the current item's thresholds (0 when none is loaded): phase_for(remaining)
    danger_ms: int
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
    message_pinned: bool  # the message stays when the show moves to another item
    message_flash: bool  # the message just arrived: draw it inverted on this tick
    flash: bool  # flash the presenter screen on this tick (manual or entering overtime)
    blackout: bool
    projector_countdown: bool
    can_undo: bool
    speed: float

    # The machine
    today: str  # the local date (ISO): Control says so when the agenda is for another day
    clock_step_ms: int  # the wall clock minus the show's time of day when over CLOCK_STEP_MS (a step), else 0

    # For the display timer: real (unscaled) ms until anything shown here changes (the time of day's
    # second included), and until anything but that second changes: the next new frames. The two differ
    # while the countdown runs (it flips every second): between its flips only Control's clock ticks.
    next_change_ms: int
    next_frame_change_ms: int

    # The planner (replan.py): what it proposes while the day runs past a deadline, and automatic mode
    proposal: Proposal | None = None
    auto_replan: bool = False

    # The agenda's cues (sounds at warning, danger, zero) and automatic messages for the speaker.
    cues: PerPhase = NOTHING
    phase_messages: PerPhase = NOTHING


@dataclass(frozen=True)
class PresenterFrame(_Frame, _ClockReading):
    """What the speaker's confidence monitor shows: no notes, no over/under."""

    stage: str
    language: str  # the agenda's: the stage screens speak it whatever the operator's UI language
    late_start: bool  # before the show, past its planned start: countdown_text is the lateness ("+4:56")
    clock_state: ClockState
    time_of_day_ms: int
    event_title: str
    venue: str
    current: PublicItem | None
    next: PublicItem | None
    countdown_text: str  # the big digits: the item's countdown, or before the show the time to its start
    phase: str
    progress: float
    flash: bool
    message: str
    message_flash: bool
    resume_ms: int | None
    presenter_note: str = ""  # the live item's note for the speaker ("" for none); never the private ``note``
    adjusted_ms: int | None = None  # the loaded item, not yet started, was re-planned to this length ("18분으로 조정")
    message_auto: bool = False  # ``message`` is the agenda's automatic one for this phase, not the operator's
    cues: PerPhase = NOTHING  # the sounds of the agenda: the browser view plays them when its sound is on


@dataclass(frozen=True)
class ProjectorFrame(EventFields, _Frame):
    """What the audience sees: who speaks, what is next. Never a message, a pause or a note."""

    stage: str
    blackout: bool
    doors_open: bool  # before the show, the planned start has passed
    current: PublicItem | None
    next: PublicItem | None
    countdown_text: str  # "" unless the audience may see a countdown (break, welcome, or switched on)
    small_countdown: bool  # the optional countdown in the corner of the programme face
    resume_ms: int | None
    coming_up: tuple[PublicItem, ...] = ()  # during a break: the first items after it (else empty)


@dataclass(frozen=True)
class Frames:
    """One instant for every audience, published together by the one tick source."""

    control: Snapshot
    presenter: PresenterFrame
    projector: ProjectorFrame
