"""What actually happened on stage, rebuilt from the show's journal.

The show's own state keeps one start and one end per item, which is enough
to run a show but not to account for it afterwards: a mis-keyed ``next``
that is taken back, a reset after a false start or a return to an earlier
speaker would all bend the figures. So the report replays the journal's
commands through the real :class:`Show` and watches, between one command
and the next, which item held the stage and whether its clock ran. Each item
gets a list of segments (times of day) from which the report reads its start,
end, time on stage and pauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.session import apply_recorded
from stagetimer.core.show.show import Show
from stagetimer.core.show.state_io import state_from_dict

#: A visit left by going *back* within this much time was a mis-key (``next``
#: pressed once too often and taken back): it is not the item's start.
MISKEY_MS = 60_000


@dataclass(frozen=True)
class Segment:
    """A stretch of time of day during which an item held the stage."""

    start_ms: int
    end_ms: int
    running: bool  # the item's clock ran (False: paused)

    @property
    def length_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass
class _Visit:
    """One uninterrupted stay of an item on stage."""

    segments: list[Segment] = field(default_factory=list)

    @property
    def start_ms(self) -> int:
        return self.segments[0].start_ms

    @property
    def end_ms(self) -> int:
        return self.segments[-1].end_ms

    def add(self, start_ms: int, end_ms: int, running: bool) -> None:
        if end_ms <= start_ms:
            return
        last = self.segments[-1] if self.segments else None
        if last is not None and last.end_ms == start_ms and last.running == running:
            self.segments[-1] = Segment(last.start_ms, end_ms, running)
        else:
            self.segments.append(Segment(start_ms, end_ms, running))


@dataclass(frozen=True)
class Timeline:
    """The replayed show: every item's segments and the state at the end."""

    segments: tuple[tuple[Segment, ...], ...]  # per agenda item
    stage: str  # welcome, live or closing at the end of the journal
    live_index: int | None  # the item on stage at the end, if it has started
    added_ms: tuple[int, ...]  # stage-manager adjustments per item (±1 min keys)
    as_of_tod_ms: int | None  # the time of day the replay ends at; None: nothing recorded
    notes: tuple[str, ...]


class _Tracker:
    """Turns the sequence of show states into per-item visits."""

    def __init__(self, count: int) -> None:
        self.visits: list[list[_Visit]] = [[] for _ in range(count)]
        self._open: _Visit | None = None
        self._open_index: int | None = None
        self._running = False
        self._since = 0
        self._dropped: tuple[int, int] | None = None  # (start, end) of the last mis-key dropped
        self._reset: dict[int, tuple[int, list[_Visit]]] = {}

    def advance(self, tod_ms: int) -> None:
        """The state last observed held until ``tod_ms``."""
        if self._open is not None:
            self._open.add(self._since, tod_ms, self._running)
        self._since = max(self._since, tod_ms)

    def observe(self, show: Show, tod_ms: int) -> None:
        """The show's state from ``tod_ms`` on."""
        self._since = tod_ms
        state = show.state
        index = state.index if state.stage == "live" else None
        started = index is not None and state.items[index].actual_start_ms is not None
        on_stage = index if started else None
        if self._open_index is not None and on_stage != self._open_index:
            backwards = state.stage == "welcome" or (index is not None and index < self._open_index)
            self._close(backwards, tod_ms)
        if on_stage is not None and self._open_index is None:
            self._begin(on_stage, tod_ms)
        self._running = on_stage is not None and state.items[on_stage].run_from_ms is not None

    def _close(self, backwards: bool, tod_ms: int) -> None:
        assert self._open is not None and self._open_index is not None
        visit, index = self._open, self._open_index
        self._open, self._open_index = None, None
        if not visit.segments:
            return
        if backwards and visit.end_ms - visit.start_ms < MISKEY_MS:
            self._dropped = (visit.start_ms, tod_ms)
            return
        self.visits[index].append(visit)

    def _begin(self, index: int, tod_ms: int) -> None:
        visits = self.visits[index]
        dropped, self._dropped = self._dropped, None
        if dropped is not None and dropped[1] == tod_ms and visits and visits[-1].end_ms == dropped[0]:
            # Back from a mis-key: the speaker never left, so the visit goes on.
            visit = visits.pop()
            visit.add(dropped[0], dropped[1], visit.segments[-1].running)
        else:
            visit = _Visit()
        self._open, self._open_index = visit, index

    def note_starts(self, before: list[int | None], show: Show) -> None:
        """A reset forgets an item's start; undoing it brings the visits back."""
        for index, item in enumerate(show.state.items):
            old, new = before[index], item.actual_start_ms
            if old is not None and new is None and index != self._open_index:
                self._reset[index] = (old, self.visits[index])
                self.visits[index] = []
            elif new is not None and old is None and self._reset.get(index, (None,))[0] == new:
                self.visits[index] = self._reset.pop(index)[1] + self.visits[index]

    def finish(self, tod_ms: int) -> int | None:
        """End the replay at ``tod_ms``; returns the item still on stage."""
        self.advance(tod_ms)
        index = self._open_index
        if self._open is not None and index is not None and self._open.segments:
            self.visits[index].append(self._open)
        return index


def replay(agenda: Agenda, records: list[dict[str, Any]], now_wall_ms: int | None = None) -> Timeline:
    """Replay the journal's checkpoints and commands into per-item segments.

    ``now_wall_ms`` extends the item still on stage up to that wall-clock
    instant (the show goes on while the report is written); without it the
    replay ends at the last record.
    """
    tracker = _Tracker(len(agenda.items))
    clock = FakeClock()  # every command is applied at its recorded show time
    show: Show | None = None
    notes: list[str] = []
    last: dict[str, Any] | None = None
    for record in records:
        show_ms, wall_ms = record.get("show_ms"), record.get("wall_ms")
        if not isinstance(show_ms, int) or not isinstance(wall_ms, int):
            continue
        kind = record.get("type")
        if kind == "checkpoint":
            if show is not None:
                tracker.advance(show.tod_ms(show_ms))
            show = _from_checkpoint(agenda, record, clock, show, notes)
            before = [item.actual_start_ms for item in show.state.items]
        elif kind == "command" and show is not None:
            tracker.advance(show.tod_ms(show_ms))
            before = [item.actual_start_ms for item in show.state.items]
            if not apply_recorded(show, record, notes):
                continue
        else:
            continue
        last = record
        tracker.observe(show, show.tod_ms(show_ms))
        tracker.note_starts(before, show)
    if show is None or last is None:
        return Timeline(tuple(() for _ in agenda.items), "welcome", None, tuple(0 for _ in agenda.items), None,
                        tuple(notes))
    end_show_ms = int(last["show_ms"])
    if now_wall_ms is not None:
        end_show_ms += int(max(0, now_wall_ms - int(last["wall_ms"])) * show.speed)
    end_tod = show.tod_ms(end_show_ms)
    live = tracker.finish(end_tod)
    return Timeline(
        segments=tuple(tuple(s for v in visits for s in v.segments) for visits in tracker.visits),
        stage=show.state.stage,
        live_index=live,
        added_ms=tuple(item.adjust_ms for item in show.state.items),
        as_of_tod_ms=end_tod,
        notes=tuple(notes),
    )


def _from_checkpoint(
    agenda: Agenda, record: dict[str, Any], clock: FakeClock, show: Show | None, notes: list[str]
) -> Show:
    """The show as a checkpoint wrote it down (the journal's own resync points)."""
    try:
        speed = float(record.get("speed", 1.0))
        anchor = int(record["anchor_tod_ms"])
        fresh = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor)
    except (KeyError, TypeError, ValueError) as error:
        notes.append(f"Ignored a checkpoint that could not be read: {error}")
        return show if show is not None else Show(agenda, clock)
    try:
        fresh.state = state_from_dict(record.get("state", {}), agenda)
    except (ValueError, TypeError, KeyError) as error:
        notes.append(f"A checkpoint does not fit this agenda ({error}); the report continues from the replay.")
        if show is not None:
            fresh.state = show.state
    return fresh
