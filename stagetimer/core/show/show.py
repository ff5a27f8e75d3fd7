"""The show: a state machine over the agenda, driven through one door.

``Show.apply`` takes a command and answers with an Outcome: applied (what it
did, and the transition events it caused) or refused (a reason code, and
nothing changed). Every rule about what the operator may do lives behind
this door, never in a window or a request handler.

Time is read only from the clock's monotonic reading, scaled by the
rehearsal speed, and turned into "show time": milliseconds since the show
was anchored. The time of day is the anchor's wall reading plus show time,
so a wall-clock jump after start-up moves nothing at all. Elapsed time is
never accumulated tick by tick: a running item stores when its current run
began, so the countdown cannot drift however long the show lasts.
"""

from __future__ import annotations

from collections.abc import Callable

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import Clock, TimeBase
from stagetimer.core.show.accounting import LogMark, StageLog
from stagetimer.core.show.autoadvance import AutoAdvance
from stagetimer.core.show.commands import ADD_MAX_MS, AnyCommand, Command, ReloadAgenda, StartFresh
from stagetimer.core.show.events import Event, EventKind, command_events
from stagetimer.core.show.outcome import Outcome, Refused
from stagetimer.core.show.phases import PhaseWatch
from stagetimer.core.show.replan import PlannerCommands
from stagetimer.core.show.schedule import allotted_ms, base_allotted_ms, is_elastic
from stagetimer.core.show.screen_commands import Effect
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.show.snapshot_builder import build_snapshot
from stagetimer.core.show.snapshot_memo import SnapshotMemo
from stagetimer.core.show.state import ItemState, ShowState
from stagetimer.core.show.state_io import state_from_dict, state_to_dict

#: How many changes Ctrl+Z can take back.
UNDO_DEPTH = 200
#: A jump further than this many rows away says it can be undone.
NEAR = 1


class Show(AutoAdvance, PlannerCommands):
    """Applies commands to the agenda's state and produces snapshots and events."""

    _undo_depth = UNDO_DEPTH

    def __init__(
        self,
        agenda: Agenda,
        clock: Clock,
        speed: float = 1.0,
        anchor_tod_ms: int | None = None,
        origin_show_ms: int = 0,
    ) -> None:
        if not speed > 0:
            raise ValueError("speed must be greater than zero")
        self.agenda = agenda
        self.speed = speed
        self.clock = clock
        self._mono0 = clock.monotonic_ms()
        self._origin = origin_show_ms
        self.anchor_tod_ms = clock.local_tod_ms() if anchor_tod_ms is None else anchor_tod_ms
        self.state = ShowState(items=[ItemState() for _ in agenda.items])
        self.log = StageLog(len(agenda.items))
        self._undo: list[tuple[str, ShowState, LogMark]] = []  # what each change undid, and the log before it
        self._watch = PhaseWatch()  # announces warning, danger and overtime as they are entered
        self._auto_events: list[Event] = []  # changes the clock made (then: load/start), not yet announced
        self._memo = SnapshotMemo()  # the rows and the proposal the last snapshot built, for the next

    # -- time ---------------------------------------------------------------

    def now_ms(self) -> int:
        """Show time: ms since the anchor, at rehearsal speed."""
        return self.time_base.show_ms(self.clock.monotonic_ms())

    @property
    def time_base(self) -> TimeBase:
        """The show's clock as plain data (for a thread that must not touch the Show)."""
        return TimeBase(self._mono0, self._origin, self.anchor_tod_ms, self.speed)

    def rebase(self, origin_show_ms: int) -> None:
        """Make show time read ``origin_show_ms`` now (after a replay, the time the app was down)."""
        self._mono0 = self.clock.monotonic_ms()
        self._origin = origin_show_ms

    def tod_ms(self, now_ms: int) -> int:
        return self.anchor_tod_ms + now_ms

    def allotted_ms(self, index: int, now_ms: int) -> int:
        """Planned length plus adjustments; an unstarted break is elastic from now."""
        return allotted_ms(self.agenda, self.state, index, self.tod_ms(now_ms))

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def adopt_history(self, other: Show) -> None:
        """Carry on ``other``'s history (the same show before a checkpoint, same agenda).

        Its stage log (time on stage), what Ctrl+Z can still take back, and the
        alarms already announced: one history through the whole journal.
        """
        self.log, self._undo, self._watch = other.log, other._undo, other._watch

    # -- the door -----------------------------------------------------------

    def apply(self, command: AnyCommand, now_ms: int | None = None) -> Outcome:
        """Apply one command (at ``now_ms``, when replaying a recorded one) and say what happened."""
        now = self.now_ms() if now_ms is None else now_ms
        tod = self.tod_ms(now)
        events = self.events_until(now)
        before = self.state.copy()
        log_before = self.log.mark()
        also: list[str] = []
        try:
            if isinstance(command, StartFresh):
                effect = self._start_fresh()
            elif isinstance(command, ReloadAgenda):
                effect = self._reload(command.agenda, now)
                before = self.state.copy()  # the events compare like with like
            else:
                effect = self._dispatch(command, now)
                effect = self._auto_replan_on_move(before, command.action, effect, now)
        except Refused as refusal:
            self.state = before  # (no command changes the log before it is accepted)
            return Outcome(command.action, False, reason=refusal.reason, params=dict(refusal.params),
                           events=tuple(events), source=_source(command))
        left = command.action != "undo" and self.state.moved_from(before)  # another speaker is on now
        if left and self.state.message and not self.state.message_pinned:
            self._clear_message()
            also.append("message_cleared")
        if command.undoable and self.state != before:
            self._remember(command.action, before, log_before)
        # The starts before the command, for the log to forget a reset one; after an undo, the
        # restored log already agrees with the restored starts.
        starts_from = self.state if command.action == "undo" else before
        self.log.observe(self.state, tod, [item.actual_start_ms for item in starts_from.items])
        events.extend(command_events(self.agenda, before, self.state, now, tod))
        if command.action == "undo":
            events.append(Event(EventKind.UNDONE, now, tod, self._current_id(), str(effect[1]["action"])))
        events.extend(self._alarms_after_change(now))  # −1 minute, an edit: into overtime now
        if command.action != "undo":  # it took the countdown past its automatic change: that happens now
            events.extend(self.catch_up(now, at_least=now))
            self.take_auto_events()
        name, params = effect
        return Outcome(command.action, True, effect=name, params=params, also=tuple(also), events=tuple(events),
                       source=_source(command))

    def _dispatch(self, command: Command, now: int) -> Effect:
        handler: Callable[..., Effect] = getattr(self, "_do_" + command.action)
        if command.value is None:
            return handler(now)
        return handler(now, command.value)

    # -- events -------------------------------------------------------------

    def events_until(self, now: int) -> list[Event]:
        """Alarms the running countdown entered between the last call and ``now``, at their exact times.

        The changes the clock made by itself up to ``now`` (then: load/start) come first, in order.
        """
        self.catch_up(now)
        return self.take_auto_events() + self._watch.until(self.agenda, self.state, self.anchor_tod_ms, now)

    def settle(self, now: int) -> None:
        """Take the show as it stands at ``now`` as already announced (after a replay: no news)."""
        self.catch_up(now)
        self.take_auto_events()
        self._watch.take_note(self.agenda, self.state, self.anchor_tod_ms, now)

    def next_transition_ms(self, now: int) -> int | None:
        """Show ms from ``now`` to the next transition the clock itself causes (a phase change, then: load/start)."""
        crossing = self._watch.next_crossing_ms(self.agenda, self.state, self.anchor_tod_ms, now)
        auto = self.next_auto_ms(now)
        return crossing if auto is None else auto if crossing is None else min(crossing, auto)

    # -- the commands ---------------------------------------------------------

    def _title(self, index: int | None = None) -> str:
        index = self.state.index if index is None else index
        return "" if index is None else self.agenda.items[index].title

    def _current_id(self) -> str | None:
        index = self.state.index
        return None if index is None or self.state.stage != "live" else self.agenda.items[index].id

    def _current(self) -> int:
        if self.state.index is None or self.state.stage != "live":
            raise Refused("show_over" if self.state.stage == "closing" else "no_item_loaded")
        return self.state.index

    def _do_start(self, now: int) -> Effect:
        state = self.state
        if state.stage == "closing":
            raise Refused("show_over")
        from_welcome = state.stage == "welcome"
        if from_welcome:
            if not self.agenda.items:
                raise Refused("no_items")
            self._load(0)
        index = self._current()
        item = state.items[index]
        if item.run_from_ms is not None:
            return "resumed", {"title": self._title()}
        first = item.actual_start_ms is None
        if first:
            item.actual_start_ms = self.tod_ms(now)
            if is_elastic(self.agenda, index):
                # An elastic break (or an ends_at item) keeps the length it had when it began.
                item.base_allotted_ms = base_allotted_ms(self.agenda, index, self.tod_ms(now), item.replanned_ms)
        item.actual_end_ms = None
        item.run_from_ms = now
        if from_welcome:
            return "started", {"title": self._title(), "from_welcome": True}
        return ("started" if first else "resumed"), {"title": self._title()}

    def _do_pause(self, now: int) -> Effect:
        self.state.items[self._current()].fold(now)
        return "paused", {"title": self._title()}

    def _do_toggle(self, now: int) -> Effect:
        index = self.state.index
        if index is not None and self.state.stage == "live" and self.state.items[index].run_from_ms is not None:
            return self._do_pause(now)
        return self._do_start(now)

    def _do_next(self, now: int) -> Effect:
        state = self.state
        if state.stage == "closing":
            raise Refused("no_next")
        if state.stage == "welcome":
            if not self.agenda.items:
                raise Refused("no_items")
            self._load(0)
            return "loaded", {"title": self._title()}
        index = self._current()
        never_started = state.items[index].actual_start_ms is None
        skipped = self._title(index)
        self._leave(index, now, forward=True)
        if index + 1 >= len(self.agenda.items):
            state.stage, state.index = "closing", None
            return "closing", {}
        self._load(index + 1)
        if never_started:
            return "skipped", {"skipped": skipped, "title": self._title(), "started": False}
        return "loaded", {"title": self._title()}

    def _do_next_start(self, now: int) -> Effect:
        name, params = self._do_next(now)
        if self.state.stage != "live":
            return name, params
        self._do_start(now)
        if name == "skipped":
            return name, {**params, "started": True}
        return "started", {"title": self._title()}

    def _do_previous(self, now: int) -> Effect:
        state = self.state
        if state.stage == "welcome" or (state.stage == "live" and state.index == 0):
            raise Refused("no_previous")
        if state.stage == "closing":
            if not self.agenda.items:
                raise Refused("no_items")
            target = len(self.agenda.items) - 1
        else:
            current = self._current()
            target = current - 1
            self._leave(current, now, forward=False)
        self._load(target)
        restored = state.items[target]
        restored.actual_end_ms = None
        if restored.left_running:
            restored.run_from_ms = now
        return "back", {"title": self._title()}

    def _do_goto(self, now: int, item_id: str) -> Effect:
        target = self.agenda.index_of(item_id)
        if target is None:
            raise Refused("unknown_item", item_id=item_id)
        state = self.state
        if state.stage == "live" and target == state.index:
            raise Refused("already_on_stage", title=self._title(target))
        origin = {"welcome": -1, "closing": len(self.agenda.items)}.get(state.stage, state.index)
        assert origin is not None
        if state.stage == "live" and state.index is not None:
            self._leave(state.index, now, forward=target > state.index)
        self._load(target)
        state.items[target].actual_end_ms = None
        return ("jumped" if abs(target - origin) > NEAR else "loaded"), {"title": self._title()}

    def _do_add_time(self, now: int, delta_ms: int) -> Effect:
        index = self._current()
        allotted = self.allotted_ms(index, now)
        if delta_ms < 0 and allotted + delta_ms < 0:
            raise Refused("too_short", allotted_ms=allotted, delta_ms=delta_ms)
        if allotted + delta_ms > ADD_MAX_MS:
            raise Refused("too_long", allotted_ms=allotted, delta_ms=delta_ms)
        self.state.items[index].adjust_ms += delta_ms
        remaining = self.allotted_ms(index, now) - self.state.items[index].elapsed_at(now)
        return ("time_added" if delta_ms >= 0 else "time_taken"), {"remaining_ms": remaining, "delta_ms": delta_ms}

    def _do_reset(self, now: int) -> Effect:
        index = self._current()
        # Back to its full time as planned now: a re-planned length is the plan (Ctrl+Z undoes a re-plan).
        self.state.items[index] = ItemState(replanned_ms=self.state.items[index].replanned_ms)
        self._watch.forget(index)
        return "reset", {"title": self._title()}

    def _do_undo(self, now: int) -> Effect:
        if not self._undo:
            raise Refused("nothing_to_undo")
        action, self.state, mark = self._undo.pop()
        self.log = StageLog.restored(mark)
        self.hold_if_due(now)  # brought back past its automatic change (Ctrl+Z after one): it holds
        self.settle(now)  # the countdown is back where it was: nothing new to announce
        stage = self.state.stage
        title = self._title() if stage == "live" else ""
        return "undone", {"action": action, "title": title, "welcome": stage == "welcome"}

    def _start_fresh(self) -> Effect:
        """Back to the welcome screen in memory (the Session also archives the record)."""
        self.state = ShowState(items=[ItemState() for _ in self.agenda.items])
        self.log = StageLog(len(self.agenda.items))
        self._undo.clear()
        self._watch.forget()
        return "started_fresh", {}

    def _reload(self, agenda: Agenda, now: int) -> Effect:
        """Swap in an edited agenda, keeping each item's history (and what can be undone) by id."""
        try:
            state = state_from_dict(state_to_dict(self.state, self.agenda), agenda)
        except (TypeError, ValueError):
            raise Refused("live_item_removed", item_id=self._current_id() or "") from None
        old_ids, new_ids = [item.id for item in self.agenda.items], [item.id for item in agenda.items]
        undo = []
        for action, old, mark in self._undo:
            try:
                remapped = state_from_dict(state_to_dict(old, self.agenda), agenda)
            except (TypeError, ValueError):
                continue  # that moment had an item on stage that the edit removed
            log = StageLog.restored(mark)
            log.remap(old_ids, new_ids)
            undo.append((action, remapped, log.mark()))
        self.log.remap(old_ids, new_ids)
        self._watch.remap(old_ids, new_ids)
        self.agenda, self.state, self._undo = agenda, state, undo
        return "reloaded", {}  # an alarm the edit itself causes (a shortened item) is announced by apply

    # -- moving between items -------------------------------------------------

    def _load(self, index: int) -> None:
        """Make ``index`` the current item, stopped (ready, or where it was left)."""
        self.state.stage, self.state.index = "live", index

    def _leave(self, index: int, now: int, forward: bool) -> None:
        """Stop the item we move away from; moving on records its actual end.

        Going back from an item first started less than a minute ago was a
        mis-key (Shift+→ once too often): that start never happened, and the
        item waits, untouched, with its full time. The stage log applies the
        same rule, so the report agrees.
        """
        item = self.state.items[index]
        if not forward and self.log.is_mis_key(index, self.tod_ms(now), item.actual_start_ms):
            self.state.items[index] = ItemState(adjust_ms=item.adjust_ms, replanned_ms=item.replanned_ms)
            return
        item.left_running = item.run_from_ms is not None
        item.fold(now)
        if forward and item.actual_start_ms is not None:
            item.actual_end_ms = self.tod_ms(now)

    # -- output -------------------------------------------------------------

    def snapshot(self, now_ms: int | None = None) -> Snapshot:
        """The frozen picture of the show now (or at a replayed show time)."""
        now = self.now_ms() if now_ms is None else now_ms
        self.catch_up(now)  # the changes the clock made by itself; announced by the next events_until
        return build_snapshot(
            self.agenda, self.state, self.log, now, self.tod_ms(now), self.speed, self.can_undo,
            self.next_transition_ms(now), today=self.clock.local_date(),
            wall_tod_ms=self.clock.local_tod_ms() if self.speed == 1 else None,  # a rehearsal runs its own time
            memo=self._memo,
        )


def _source(command: AnyCommand) -> str:
    """Where an operator command came from ("" for this machine's keys), for the answer to say so."""
    return command.source if isinstance(command, Command) else ""
