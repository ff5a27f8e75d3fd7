"""What the clock does by itself at zero: ``then: load`` and ``then: start``.

An item whose agenda says ``then: load`` makes the next item ready (stopped)
when its countdown reaches zero plus its grace; ``then: start`` starts the next
one at zero (the last item goes to the closing screen either way). No key is
pressed, so nothing is journaled: the instant is a pure function of the agenda
and the state (``next_due``), and the show catches up every such change, at its
exact instant and chained if several are due, before it applies a command and
before it builds a snapshot. Replaying the journal after kill -9 therefore
makes the same changes at the same instants, however long the app was closed.

The rules that keep it exact and unsurprising:

- A change happens when the countdown *reaches* zero (+ grace) while it runs.
  An item started, resumed or brought back already past that point holds
  (counts overtime) until the stage manager moves on: going back to a speaker
  after an automatic move does not throw them off again.
- A command that itself takes the countdown past that point (−1 minute, an
  edit) makes the change at once, at the command's time: never in the past.
- Ctrl+Z right after an automatic change takes the change back: the item
  returns to the stage, still running, and holds. Ctrl+Z after a later
  command takes back that command only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.accounting import LogMark, StageLog
from stagetimer.core.show.events import Event, EventKind, command_events
from stagetimer.core.show.phases import PhaseWatch
from stagetimer.core.show.schedule import allotted_ms
from stagetimer.core.show.screen_commands import Effect, ScreenCommands
from stagetimer.core.show.state import ShowState

#: The undo history's name for an automatic change (what Ctrl+Z says it took back).
AUTO_ACTION = "auto_advance"


@dataclass(frozen=True)
class Due:
    """The next automatic change: at show ms ``at_ms``, item ``index`` reaches zero (+ grace) and ``then`` happens."""

    at_ms: int
    index: int
    then: str  # "load" or "start"


def next_due(agenda: Agenda, state: ShowState, anchor_tod_ms: int) -> Due | None:
    """The running item's automatic change, if its agenda asks for one and its countdown will reach it in this run."""
    index = state.index
    if state.stage != "live" or index is None:
        return None
    record, item = state.items[index], agenda.items[index]
    run_from = record.run_from_ms
    if run_from is None or item.then not in ("load", "start"):
        return None
    allotted = allotted_ms(agenda, state, index, anchor_tod_ms + run_from)
    grace = item.grace_ms if item.then == "load" else 0
    at = run_from + allotted + grace - record.elapsed_ms
    return Due(at, index, item.then) if at > run_from else None


class AutoAdvance(ScreenCommands):
    """Mixed into the Show: catching up the changes the clock causes, and taking one back."""

    agenda: Agenda
    log: StageLog
    anchor_tod_ms: int
    _watch: PhaseWatch
    _undo: list[tuple[str, ShowState, LogMark]]
    _auto_events: list[Event]  # announced by the next events_until (a snapshot cannot return them)
    _undo_depth: int
    #: The planner's automatic mode (replan.PlannerCommands): an item change re-plans the rest of the day.
    _auto_replan_on_move: Callable[[ShowState, str, Effect, int], Effect]

    def _do_next(self, now: int) -> Effect:
        raise NotImplementedError  # the Show's

    def _do_next_start(self, now: int) -> Effect:
        raise NotImplementedError  # the Show's

    def catch_up(self, now: int, at_least: int | None = None) -> list[Event]:
        """Make every automatic change due by ``now``, each at its instant (or ``at_least``, if later).

        Their events (and the alarms the running countdown entered before
        each) are kept for the next ``events_until`` and also returned.
        """
        made: list[Event] = []
        while (due := next_due(self.agenda, self.state, self.anchor_tod_ms)) is not None and due.at_ms <= now:
            at = due.at_ms if at_least is None else max(due.at_ms, at_least)
            made.extend(self._watch.until(self.agenda, self.state, self.anchor_tod_ms, at))
            made.extend(self._advance(due, at))
        self._auto_events.extend(made)
        return made

    def next_auto_ms(self, now: int) -> int | None:
        """Show ms from ``now`` to the next automatic change (None: none coming), for the display to wake then."""
        due = next_due(self.agenda, self.state, self.anchor_tod_ms)
        return None if due is None else max(0, due.at_ms - now)

    def take_auto_events(self) -> list[Event]:
        """The automatic changes' events not yet announced (and forget them)."""
        events, self._auto_events = self._auto_events, []
        return events

    def hold_if_due(self, now: int) -> None:
        """An item brought back (Ctrl+Z) at or past its automatic change holds: it runs on from ``now`` in overtime."""
        due = next_due(self.agenda, self.state, self.anchor_tod_ms)
        if due is not None and due.at_ms <= now:
            record = self.state.items[due.index]
            record.fold(now)
            record.run_from_ms = now

    def _advance(self, due: Due, at: int) -> list[Event]:
        """One automatic change at show ms ``at``, recorded as a command's would be (undoable, in the stage log)."""
        tod = self.anchor_tod_ms + at
        before, log_before = self.state.copy(), self.log.mark()
        effect = self._do_next_start(at) if due.then == "start" else self._do_next(at)
        self._auto_replan_on_move(before, AUTO_ACTION, effect, at)  # an item change, as a key's would be
        if self.state.message and not self.state.message_pinned:
            self._clear_message()  # the message was for the speaker who has just left
        self._remember(AUTO_ACTION, before, log_before)
        self.log.observe(self.state, tod, [item.actual_start_ms for item in before.items])
        events = [Event(EventKind.AUTO_ADVANCED, at, tod, self.agenda.items[due.index].id, due.then)]
        events.extend(command_events(self.agenda, before, self.state, at, tod))
        return events + self._alarms_after_change(at)  # started at or past zero: it flashes

    def _remember(self, action: str, before: ShowState, log_before: LogMark) -> None:
        """Keep the state and stage log before ``action`` for Ctrl+Z (the newest ``_undo_depth`` only)."""
        self._undo.append((action, before, log_before))
        del self._undo[: -self._undo_depth]

    def _alarms_after_change(self, now: int) -> list[Event]:
        """The alarms a change itself caused (a key's or the clock's).

        Taken into overtime by it, the presenter flashes as it does when a
        countdown reaches zero.
        """
        alarms = self._watch.after_change(self.agenda, self.state, self.anchor_tod_ms, now)
        if any(alarm.kind is EventKind.ENTERED_OVERTIME for alarm in alarms) and self.state.index is not None:
            self.state.items[self.state.index].overtime_flash_from_ms = now
        return alarms
