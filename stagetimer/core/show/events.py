"""Transition events: what changed on the show, at its exact show time.

The show announces transitions instead of letting every listener poll the
state: sound cues, automatic messages, browser pushes and OSC feedback
subscribe to these. Commands cause most of them (found by comparing the
state before and after); the countdown crossing a threshold is computed
exactly from the running clock, so an event carries the millisecond it
happened, not the tick that noticed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from stagetimer.core.show.schedule import phase_for

if TYPE_CHECKING:
    from stagetimer.core.agenda.model import Agenda, Thresholds
    from stagetimer.core.show.state import ShowState


class EventKind(str, Enum):
    """Every transition the show announces (the value is its JSON name)."""

    ITEM_LOADED = "item_loaded"
    ITEM_STARTED = "item_started"
    ITEM_PAUSED = "item_paused"
    ITEM_RESUMED = "item_resumed"
    ENTERED_WARNING = "entered_warning"
    ENTERED_DANGER = "entered_danger"
    ENTERED_OVERTIME = "entered_overtime"
    ITEM_ENDED = "item_ended"
    ITEM_SKIPPED = "item_skipped"
    MESSAGE_SHOWN = "message_shown"
    MESSAGE_CLEARED = "message_cleared"
    BLACKOUT_ON = "blackout_on"
    BLACKOUT_OFF = "blackout_off"
    UNDONE = "undone"
    AUTO_ADVANCED = "auto_advanced"  # the clock moved on by itself (``then``); detail: "load" or "start"


#: The phase events, by the phase they enter.
PHASE_EVENTS = {
    "warning": EventKind.ENTERED_WARNING,
    "danger": EventKind.ENTERED_DANGER,
    "overtime": EventKind.ENTERED_OVERTIME,
}
#: How alarming a phase is: an event is announced only when this rises.
SEVERITY = {"idle": 0, "normal": 0, "warning": 1, "danger": 2, "overtime": 3}


@dataclass(frozen=True)
class Event:
    """One transition: its kind, when (show ms and time of day), which item, and any text."""

    kind: EventKind
    show_ms: int
    tod_ms: int
    item_id: str | None = None
    detail: str = ""  # the message text, or the action an undo took back

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "show_ms": self.show_ms,
            "tod_ms": self.tod_ms,
            "item_id": self.item_id,
            "detail": self.detail,
        }


def next_phase_crossing(remaining_ms: int, thresholds: Thresholds) -> tuple[int, str] | None:
    """(ms from now, phase) of the next more alarming phase a running countdown enters.

    Phases follow ``phase_for``: warning at remaining ≤ warning, danger at
    ≤ danger, overtime below zero. None once in overtime. A negative
    threshold (a break's NO_ALARMS) is never entered: overtime comes first.
    """
    current = SEVERITY[phase_for(remaining_ms, thresholds)]
    candidates = [
        (remaining_ms - threshold, phase)
        for threshold, phase in ((thresholds.warning_ms, "warning"), (thresholds.danger_ms, "danger"))
        if threshold >= 0
    ]
    candidates.append((remaining_ms + 1, "overtime"))
    ahead = [(delta, phase) for delta, phase in candidates if delta > 0 and SEVERITY[phase] > current]
    return min(ahead) if ahead else None


def command_events(
    agenda: Agenda, before: ShowState, after: ShowState, now_ms: int, tod_ms: int
) -> list[Event]:
    """The transitions a command caused, from the state before and after it."""
    events: list[Event] = []

    def add(kind: EventKind, index: int | None = None, detail: str = "") -> None:
        item_id = None if index is None else agenda.items[index].id
        events.append(Event(kind, now_ms, tod_ms, item_id, detail))

    pairs = list(enumerate(zip(before.items, after.items, strict=True)))
    for index, (old, new) in pairs:
        stays = before.index == index == after.index and before.stage == after.stage == "live"
        if old.run_from_ms is not None and new.run_from_ms is None and new.actual_start_ms is not None and stays:
            add(EventKind.ITEM_PAUSED, index)
    for index, (old, new) in pairs:
        if old.actual_end_ms is None and new.actual_end_ms is not None:
            add(EventKind.ITEM_ENDED, index)
    for index in _skipped(before, after):
        add(EventKind.ITEM_SKIPPED, index)
    moved = after.moved_from(before)
    if moved and after.stage == "live" and after.index is not None:
        add(EventKind.ITEM_LOADED, after.index)
    for index, (old, new) in pairs:
        if old.actual_start_ms is None and new.actual_start_ms is not None:
            add(EventKind.ITEM_STARTED, index)
        elif old.run_from_ms is None and new.run_from_ms is not None and old.actual_start_ms is not None:
            add(EventKind.ITEM_RESUMED, index)
    if before.message != after.message:
        if after.message:
            add(EventKind.MESSAGE_SHOWN, after.message_item, after.message)
        else:
            add(EventKind.MESSAGE_CLEARED, before.message_item)
    if before.blackout != after.blackout:
        add(EventKind.BLACKOUT_ON if after.blackout else EventKind.BLACKOUT_OFF)
    return events


def _position(state: ShowState, count: int) -> int:
    """Where the show stands in the running order: -1 before the first item, ``count`` after the last."""
    if state.stage == "welcome":
        return -1
    if state.stage == "closing" or state.index is None:
        return count
    return state.index


def _skipped(before: ShowState, after: ShowState) -> list[int]:
    """Items passed over, never started, by a move forward."""
    count = len(after.items)
    start, end = _position(before, count), _position(after, count)
    if end <= start:
        return []
    return [index for index in range(max(start, 0), end) if after.items[index].actual_start_ms is None]
