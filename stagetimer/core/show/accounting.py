"""Time on stage: which item held the stage, when, and whether its clock ran.

The show's state keeps one start and one end per item, which is enough to
run a show but not to account for it: a mis-keyed ``next`` that is taken
back, a reset after a false start or a return to an earlier speaker would
all bend the figures. So the show keeps this log beside its state, fed after
every command, and every figure of an item's length and over/under — the
Control window's rows, ``stagetimer status`` and the report — reads it.
Times are times of day (ms since midnight).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stagetimer.core.show.state import ShowState

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
class Visit:
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
class LogMark:
    """Where a StageLog stood, kept cheaply for undo (its size is the agenda's, not the day's).

    Closed visits are never changed and the lists that hold them are only
    appended to, so a list and its length are a faithful copy; of the open
    visit, its segment list, length and last segment (the only one changed in
    place) are kept.
    """

    visits: tuple[tuple[list[Visit], int], ...]
    open_visit: tuple[Visit, int, Segment | None] | None
    open_index: int | None
    running: bool
    since: int
    dropped: tuple[int, int] | None


class StageLog:
    """Turns the sequence of show states into per-item visits.

    ``advance`` says the last observed state held until a time; ``observe``
    records the state after a command. An item holds the stage from its
    first start until the show moves to another item.
    """

    def __init__(self, count: int) -> None:
        self.visits: list[list[Visit]] = [[] for _ in range(count)]
        self._open: Visit | None = None
        self._open_index: int | None = None
        self._running = False
        self._since = 0
        self._dropped: tuple[int, int] | None = None  # (start, end) of the last mis-key dropped

    # -- feeding --------------------------------------------------------------

    def advance(self, tod_ms: int) -> None:
        """The state last observed held until ``tod_ms``."""
        if self._open is not None:
            self._open.add(self._since, tod_ms, self._running)
        self._since = max(self._since, tod_ms)

    def observe(self, state: ShowState, tod_ms: int, starts_before: list[int | None]) -> None:
        """The show's state from ``tod_ms`` on; ``starts_before`` are the actual starts before the command."""
        self.advance(tod_ms)
        self._since = tod_ms
        index = state.index if state.stage == "live" else None
        started = index is not None and state.items[index].actual_start_ms is not None
        on_stage = index if started else None
        if self._open is not None and self._open_index is not None and on_stage != self._open_index:
            backwards = state.stage == "welcome" or (index is not None and index < self._open_index)
            self._close(backwards, tod_ms)
        if on_stage is not None and self._open_index is None:
            self._begin(on_stage, tod_ms)
        self._running = on_stage is not None and state.items[on_stage].run_from_ms is not None
        self._note_starts(starts_before, state)

    def remap(self, old_ids: list[str], new_ids: list[str]) -> None:
        """The agenda was edited: visits follow their item's id; the open visit too."""
        by_id = dict(zip(old_ids, self.visits, strict=True))
        self.visits = [by_id.get(item_id, []) for item_id in new_ids]
        if self._open_index is not None:
            item_id = old_ids[self._open_index]
            self._open_index = new_ids.index(item_id) if item_id in new_ids else None
            if self._open_index is None:
                self._open = None
        self._dropped = None

    def mark(self) -> LogMark:
        """Where the log stands now, for :meth:`restored`."""
        open_visit = None
        if self._open is not None:
            segments = self._open.segments
            open_visit = (self._open, len(segments), segments[-1] if segments else None)
        return LogMark(tuple((visits, len(visits)) for visits in self.visits), open_visit, self._open_index,
                       self._running, self._since, self._dropped)

    @classmethod
    def restored(cls, mark: LogMark) -> StageLog:
        """A log exactly as it stood at ``mark``."""
        log = cls(0)
        log.visits = [visits[:length] for visits, length in mark.visits]
        if mark.open_visit is not None:
            visit, length, last = mark.open_visit
            log._open = Visit(visit.segments[: max(0, length - 1)] + ([last] if last is not None else []))
        log._open_index, log._running = mark.open_index, mark.running
        log._since, log._dropped = mark.since, mark.dropped
        return log

    # -- reading --------------------------------------------------------------

    @property
    def open_index(self) -> int | None:
        """The item on stage now, if it has started."""
        return self._open_index

    def segments(self, index: int, tod_ms: int | None = None) -> tuple[Segment, ...]:
        """Every segment of item ``index``; the open visit up to ``tod_ms`` (or its last record)."""
        closed = [s for visit in self.visits[index] for s in visit.segments]
        if index == self._open_index and self._open is not None:
            closed.extend(self._open.segments)
            if tod_ms is not None and tod_ms > self._since:
                closed.append(Segment(self._since, tod_ms, self._running))
        return tuple(closed)

    def stage_ms(self, index: int, tod_ms: int) -> int | None:
        """Time on stage of item ``index`` up to ``tod_ms``, pauses included; None if it never held it."""
        segments = self.segments(index, tod_ms)
        if not segments and index != self._open_index:
            return None
        return sum(s.length_ms for s in segments)

    def is_mis_key(self, index: int, tod_ms: int, started_ms: int | None) -> bool:
        """Leaving item ``index`` backwards at ``tod_ms``: was its start (at ``started_ms``) a mis-key?

        Yes when it was first started during this very stay, less than
        MISKEY_MS ago: ``next`` pressed once too often and taken back.
        """
        return started_ms is not None and not self.visits[index] and tod_ms - started_ms < MISKEY_MS

    # -- internals ------------------------------------------------------------

    def _close(self, backwards: bool, tod_ms: int) -> None:
        assert self._open is not None and self._open_index is not None
        visit, index = self._open, self._open_index
        self._open, self._open_index = None, None
        if not visit.segments:
            return
        if backwards and self.is_mis_key(index, tod_ms, visit.start_ms):
            self._dropped = (visit.start_ms, tod_ms)
            return
        self.visits[index].append(visit)

    def _begin(self, index: int, tod_ms: int) -> None:
        visits = self.visits[index]
        dropped, self._dropped = self._dropped, None
        if dropped is not None and dropped[1] == tod_ms and visits and visits[-1].end_ms == dropped[0]:
            # Back from a mis-key: the speaker never left, so the visit goes on (as a new object:
            # closed visits are never changed, a LogMark relies on it).
            visit = Visit(list(visits[-1].segments))
            self.visits[index] = visits[:-1]
            visit.add(dropped[0], dropped[1], visit.segments[-1].running)
        else:
            visit = Visit()
        self._open, self._open_index = visit, index

    def _note_starts(self, before: list[int | None], state: ShowState) -> None:
        """A reset forgets an item's start, and its time on stage with it (a false start does not count)."""
        for index, item in enumerate(state.items):
            if before[index] is not None and item.actual_start_ms is None and index != self._open_index:
                self.visits[index] = []
