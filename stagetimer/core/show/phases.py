"""Announcing the countdown's alarms: entered warning, danger and overtime, to the millisecond.

A running countdown crosses its thresholds by itself, with no command to
notice it. The watch computes each crossing exactly from the running clock
(remaining = allotted − elapsed is linear while it runs), so an event
carries the millisecond it happened, not the tick that saw it; and it tells
the one tick source when the next crossing is due, so nothing polls.
An alarm is announced once, when it is entered: going back to an item, an
undo or a reload only takes note of where the countdown stands.
"""

from __future__ import annotations

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.events import PHASE_EVENTS, SEVERITY, Event, next_phase_crossing
from stagetimer.core.show.schedule import allotted_ms, phase_for
from stagetimer.core.show.state import ShowState


class PhaseWatch:
    """The phase last announced per item, and the show time events are announced up to."""

    def __init__(self) -> None:
        self._phases: dict[int, str] = {}
        self._observed_ms: int | None = None

    def forget(self, index: int | None = None) -> None:
        """Forget what was announced (for one item, or all after the item list changed)."""
        if index is None:
            self._phases.clear()
        else:
            self._phases.pop(index, None)

    def remap(self, old_ids: list[str], new_ids: list[str]) -> None:
        """The agenda was edited: what was announced follows its item's id."""
        by_id = {old_ids[index]: phase for index, phase in self._phases.items()}
        self._phases = {index: by_id[item_id] for index, item_id in enumerate(new_ids) if item_id in by_id}

    def until(self, agenda: Agenda, state: ShowState, anchor_tod_ms: int, now: int) -> list[Event]:
        """Crossings of the running item between the last call and ``now``, at their exact times."""
        events: list[Event] = []
        index, observed = _running(state), self._observed_ms
        self._observed_ms = now
        if index is None or observed is None or observed >= now:
            return events
        record, item = state.items[index], agenda.items[index]
        assert record.run_from_ms is not None
        at = max(observed, record.run_from_ms)
        while True:
            remaining = allotted_ms(agenda, state, index, anchor_tod_ms + at) - record.elapsed_at(at)
            crossing = next_phase_crossing(remaining, item.thresholds)
            if crossing is None or at + crossing[0] > now:
                return events
            at += crossing[0]
            self._phases[index] = crossing[1]
            events.append(Event(PHASE_EVENTS[crossing[1]], at, anchor_tod_ms + at, item.id))

    def after_change(self, agenda: Agenda, state: ShowState, anchor_tod_ms: int, now: int) -> list[Event]:
        """A command may itself make the countdown more alarming (−1 minute, a start in overtime)."""
        self._observed_ms = now
        index = state.index
        if state.stage != "live" or index is None or state.items[index].actual_start_ms is None:
            return []
        record = state.items[index]
        remaining = allotted_ms(agenda, state, index, anchor_tod_ms + now) - record.elapsed_at(now)
        phase = phase_for(remaining, agenda.items[index].thresholds)
        previous = self._phases.get(index, "normal")
        self._phases[index] = phase
        if SEVERITY[phase] <= SEVERITY[previous]:
            return []
        return [Event(PHASE_EVENTS[phase], now, anchor_tod_ms + now, agenda.items[index].id)]

    def take_note(self, agenda: Agenda, state: ShowState, anchor_tod_ms: int, now: int) -> None:
        """Where the countdown stands now is known, not news (after a replay, an undo, a reload)."""
        self.until(agenda, state, anchor_tod_ms, now)
        self.after_change(agenda, state, anchor_tod_ms, now)

    @staticmethod
    def next_crossing_ms(agenda: Agenda, state: ShowState, anchor_tod_ms: int, now: int) -> int | None:
        """Show ms from ``now`` to the running countdown's next crossing; None when none is coming."""
        index = _running(state)
        if index is None:
            return None
        remaining = allotted_ms(agenda, state, index, anchor_tod_ms + now) - state.items[index].elapsed_at(now)
        crossing = next_phase_crossing(remaining, agenda.items[index].thresholds)
        return None if crossing is None else crossing[0]


def _running(state: ShowState) -> int | None:
    index = state.index
    if state.stage != "live" or index is None or state.items[index].run_from_ms is None:
        return None
    return index
