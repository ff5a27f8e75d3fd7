"""The show: a state machine over the agenda, driven by operator commands.

Time is read only from the clock's monotonic reading, scaled by the
rehearsal speed, and turned into "show time": milliseconds since the show
was anchored. The time of day is the anchor's wall reading plus show time,
so a wall-clock jump after start-up moves nothing at all. Elapsed time is
never accumulated tick by tick: a running item stores when its current run
began, so the countdown cannot drift however long the show lasts.
"""

from __future__ import annotations

import copy

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.schedule import base_allotted_ms, break_target_ms
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.show.snapshot_builder import build_snapshot
from stagetimer.core.show.state import ItemState, ShowState
from stagetimer.core.show.state_io import state_from_dict, state_to_dict


class Show:
    """Applies commands to the agenda's state and produces snapshots."""

    def __init__(
        self,
        agenda: Agenda,
        clock: Clock,
        speed: float = 1.0,
        anchor_tod_ms: int | None = None,
        origin_show_ms: int = 0,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be greater than zero")
        self.agenda = agenda
        self.speed = speed
        self.clock = clock
        self._mono0 = clock.monotonic_ms()
        self._origin = origin_show_ms
        self.anchor_tod_ms = clock.local_tod_ms() if anchor_tod_ms is None else anchor_tod_ms
        self.state = ShowState(items=[ItemState() for _ in agenda.items])
        self._undo: list[ShowState] = []

    # -- time ---------------------------------------------------------------

    def now_ms(self) -> int:
        """Show time: ms since the anchor, at rehearsal speed."""
        real = self.clock.monotonic_ms() - self._mono0
        scaled = real if self.speed == 1 else int(real * self.speed)
        return self._origin + scaled

    def tod_ms(self, now_ms: int) -> int:
        return self.anchor_tod_ms + now_ms

    def allotted_ms(self, index: int, now_ms: int) -> int:
        """Planned length plus adjustments; an unstarted break is elastic from now."""
        item_state = self.state.items[index]
        base = item_state.base_allotted_ms
        if base is None:
            base = base_allotted_ms(self.agenda, index, self.tod_ms(now_ms))
        return base + item_state.adjust_ms

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- commands -----------------------------------------------------------

    def apply(self, command: Command, now_ms: int | None = None) -> None:
        """Apply one command; ``now_ms`` replays it at a recorded show time.

        Raises ValueError with a sentence for the operator when the command
        cannot apply now (the state is then unchanged).
        """
        now = self.now_ms() if now_ms is None else now_ms
        handler = getattr(self, "_do_" + command.action)
        if command.value is None:
            handler(now)
        else:
            handler(now, command.value)

    def _current(self) -> int:
        if self.state.index is None:
            raise ValueError("No item is loaded: press Space to start the show")
        return self.state.index

    def _do_start(self, now: int) -> None:
        state = self.state
        if state.stage == "closing":
            raise ValueError("The show is over: press ← to go back to the last item")
        if state.stage == "welcome":
            if not self.agenda.items:
                raise ValueError("The agenda has no items")
            self._load(0)
        item = state.items[self._current()]
        if item.run_from_ms is not None:
            return
        if item.actual_start_ms is None:
            item.actual_start_ms = self.tod_ms(now)
            if break_target_ms(self.agenda, self._current()) is not None:
                # An elastic break keeps the length it had when it began.
                item.base_allotted_ms = base_allotted_ms(self.agenda, self._current(), self.tod_ms(now))
        item.actual_end_ms = None
        item.run_from_ms = now

    def _do_pause(self, now: int) -> None:
        item = self.state.items[self._current()]
        item.fold(now)

    def _do_toggle(self, now: int) -> None:
        index = self.state.index
        if index is not None and self.state.items[index].run_from_ms is not None:
            self._do_pause(now)
        else:
            self._do_start(now)

    def _do_next(self, now: int) -> None:
        state = self.state
        if state.stage == "closing":
            raise ValueError("The show is over: there is no next item")
        if state.stage == "welcome":
            self._load(0)
            return
        index = self._current()
        self._leave(index, now, forward=True)
        if index + 1 < len(self.agenda.items):
            self._load(index + 1)
        else:
            state.stage, state.index = "closing", None

    def _do_next_start(self, now: int) -> None:
        self._do_next(now)
        if self.state.stage == "live":
            self._do_start(now)

    def _do_previous(self, now: int) -> None:
        state = self.state
        if state.stage == "welcome" or state.index == 0:
            raise ValueError("This is the first item: there is no previous one")
        if state.stage == "closing":
            target = len(self.agenda.items) - 1
        else:
            target = self._current() - 1
            self._leave(self._current(), now, forward=False)
        self._load(target)
        restored = state.items[target]
        restored.actual_end_ms = None
        if restored.left_running:
            restored.run_from_ms = now

    def _do_goto(self, now: int, item_id: str) -> None:
        target = self.agenda.index_of(item_id)
        if target is None:
            raise ValueError(f"No item with id {item_id!r}")
        state = self.state
        if target == state.index:
            return
        origin = -1 if state.stage == "welcome" else state.index
        if origin is None or abs(target - origin) > 1:
            self._undo.append(copy.deepcopy(state))
        if state.index is not None:
            self._leave(state.index, now, forward=target > state.index)
        self._load(target)
        state.items[target].actual_end_ms = None

    def _do_add_time(self, now: int, delta_ms: int) -> None:
        item = self.state.items[self._current()]
        item.adjust_ms += delta_ms

    def _do_reset(self, now: int) -> None:
        index = self._current()
        self._undo.append(copy.deepcopy(self.state))
        self.state.items[index] = ItemState()

    def _do_undo(self, now: int) -> None:
        if not self._undo:
            raise ValueError("Nothing to undo")
        self.state = self._undo.pop()

    def _do_message(self, now: int, text: str) -> None:
        self.state.message = text.strip()
        self.state.message_at_ms = now

    def _do_flash(self, now: int) -> None:
        self.state.flash_from_ms = now

    def _do_blackout(self, now: int) -> None:
        self.state.blackout = not self.state.blackout

    def _do_projector_countdown(self, now: int) -> None:
        self.state.projector_countdown = not self.state.projector_countdown

    def _load(self, index: int) -> None:
        """Make ``index`` the current item, stopped (ready, or where it was left)."""
        self.state.stage, self.state.index = "live", index

    def _leave(self, index: int, now: int, forward: bool) -> None:
        """Stop the item we move away from; moving on records its actual end."""
        item = self.state.items[index]
        item.left_running = item.run_from_ms is not None
        item.fold(now)
        if forward and item.actual_start_ms is not None:
            item.actual_end_ms = self.tod_ms(now)

    # -- output -------------------------------------------------------------

    def snapshot(self, now_ms: int | None = None) -> Snapshot:
        """The frozen picture of the show now (or at a replayed show time)."""
        return build_snapshot(self, self.now_ms() if now_ms is None else now_ms)

    def replace_agenda(self, agenda: Agenda) -> None:
        """Swap in an edited agenda, keeping each item's history by id.

        Raises ValueError (and changes nothing) if the live item is gone.
        Undo history refers to the old item list, so it is dropped.
        """
        self.state = state_from_dict(state_to_dict(self.state, self.agenda), agenda)
        self.agenda = agenda
        self._undo.clear()
