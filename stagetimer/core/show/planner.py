"""The planner: when the day runs late, which of the remaining items give time back.

Today a stage manager who sees "+13m" does the arithmetic in their head. The
planner does it: it chains the items not yet started from the moment the next
one can begin, and wherever the chain passes a deadline — a fixed start, or the
day's hard end — it proposes shorter lengths for the elastic items before that
deadline (those with a ``min``, and breaks), spread in proportion to their
slack (length − min), never below ``min``.

Lengths change in **whole minutes**: the cut is rounded up to the minute, so the
day ends on time or up to a minute early, and every new length is one a speaker
can be told ("17분"). Only an item cut all the way down to a ``min`` that is not
a whole number of minutes from its length gets a part minute. Time before a
fixed start cannot help after it (the fixed start holds), so each stretch
between deadlines is planned on its own, carrying over only what it could not
recover. A break just before a fixed start already shrinks by itself during the
show (schedule.base_allotted_ms), so here it is counted at what it will become.
An item that ends at a clock time (``ends_at``) does the same towards its own
time, so it is a stretch of its own, and the items before it must end by its
clock time less its floor (its ``min``; none without one).

Pure functions and frozen dataclasses: no clock, no Qt, the same answer for the
same input, so ``stagetimer plan`` and (later) Control show the same proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.schedule import allotted_ms
from stagetimer.core.show.state import ShowState

#: Lengths change in steps of this (whole minutes: what a speaker can be told).
STEP_MS = 60_000


@dataclass(frozen=True)
class PlanRow:
    """One remaining item: its length before and after the plan, and when it would run."""

    index: int
    id: str
    old_ms: int
    new_ms: int
    start_ms: int
    end_ms: int
    floor_ms: int
    absorbs: bool = False  # a break before a fixed start: it stretches or shrinks by itself

    @property
    def shrunk(self) -> bool:
        """The planner proposes a shorter length (a break that absorbs by itself does not count)."""
        return not self.absorbs and self.new_ms < self.old_ms


@dataclass(frozen=True)
class Deadline:
    """A time the chain must reach by: a fixed start (``item_id``) or the day's end (``item_id`` "")."""

    item_id: str
    at_ms: int
    needed_ms: int  # how late the stretch before it runs with today's lengths
    over_ms: int  # how late it still runs with the plan (0: met)


@dataclass(frozen=True)
class Plan:
    """The proposal: every remaining item's new length, and the day's end before and after."""

    rows: tuple[PlanRow, ...]
    deadlines: tuple[Deadline, ...]
    projected_end_ms: int  # the day's end if nothing changes
    end_ms: int  # the day's end with the plan
    finish_by_ms: int  # the event's hard end (or end)

    @property
    def shortfall_ms(self) -> int:
        """How much must be recovered for the day to end by its hard end."""
        return max(0, self.projected_end_ms - self.finish_by_ms)

    @property
    def over_ms(self) -> int:
        """How late the day still ends with the plan: the minimums were not enough."""
        return max(0, self.end_ms - self.finish_by_ms)

    @property
    def recovered_ms(self) -> int:
        """Time the proposed cuts give back (the breaks that absorb by themselves not counted)."""
        return sum(row.old_ms - row.new_ms for row in self.rows if row.shrunk)

    @property
    def on_time(self) -> bool:
        """The day ends by its hard end with the plan."""
        return self.over_ms == 0

    @property
    def changes(self) -> tuple[PlanRow, ...]:
        """The items the plan shortens: what applying it would change."""
        return tuple(row for row in self.rows if row.shrunk)


def spread(needed_ms: int, slacks: Sequence[int], step_ms: int = STEP_MS) -> list[int]:
    """Cuts that recover ``needed_ms`` from items with ``slacks``, in proportion, never past a slack.

    The total is ``needed_ms`` rounded up to ``step_ms``, or every slack when
    that is not enough. Each cut is its proportional share floored to a step;
    the steps left over go to the largest remainders (ties: the earlier item).
    """
    total = sum(slacks)
    if needed_ms <= 0 or total <= 0:
        return [0] * len(slacks)
    target = min(-(-needed_ms // step_ms) * step_ms, total)
    if target == total:
        return list(slacks)
    cuts = [min(slack, target * slack // total // step_ms * step_ms) for slack in slacks]
    order = sorted(range(len(slacks)), key=lambda i: (-(target * slacks[i] - cuts[i] * total), i))
    left = target - sum(cuts)
    while left > 0:  # ends: target < total, so some item always has slack left
        for i in order:
            more = min(step_ms, left, slacks[i] - cuts[i])
            cuts[i] += more
            left -= more
            if left == 0:
                break
    return cuts


@dataclass(frozen=True)
class _Stretch:
    """Items ``begin``..``end - 1``, which must end by ``deadline``; ``absorber`` is a break before a fixed start."""

    agenda: Agenda
    old: Sequence[int]
    begin: int
    end: int
    deadline: int
    absorber: int | None

    @property
    def indices(self) -> range:
        return range(self.begin, self.end)

    def floor_of(self, index: int) -> int:
        """How short the item may become (never longer than it is now)."""
        return min(self.agenda.items[index].floor_ms, self.old[index])

    def ends_at(self, start_ms: int, lengths: dict[int, int]) -> int:
        """When the stretch ends from ``start_ms``, the absorbing break stretching or shrinking to the deadline."""
        end = start_ms + sum(length for index, length in lengths.items() if index != self.absorber)
        if self.absorber is None:
            return end
        return end + max(self.deadline - end, self.floor_of(self.absorber))


def plan_from(
    agenda: Agenda,
    first_index: int,
    start_ms: int,
    lengths: Sequence[int] | None = None,
    frozen: frozenset[int] = frozenset(),
) -> Plan:
    """Re-plan items ``first_index`` on, the first starting no earlier than ``start_ms`` (a time of day).

    ``lengths`` are every item's current lengths (default: the agenda's
    durations); items in ``frozen`` (already started) keep theirs.
    """
    items = agenda.items
    old = list(lengths) if lengths is not None else [item.duration_ms for item in items]
    rows: list[PlanRow] = []
    deadlines: list[Deadline] = []
    chain = projected = start_ms
    bounds = [i for i in range(first_index + 1, len(items)) if items[i].fixed_start_ms is not None] + [len(items)]
    bounds = sorted(set(bounds) | _clock_bounds(agenda, first_index))
    begin = first_index
    for end in bounds if begin < len(items) else []:
        is_fixed = end < len(items) and items[end].fixed_start_ms is not None
        clock = items[begin].ends_at_ms if end == begin + 1 else None  # an ends_at item: a stretch of its own
        deadline = items[end].fixed_start_ms if is_fixed else agenda.event.finish_by_ms
        if clock is not None:
            deadline = clock
        elif not is_fixed and end < len(items):  # before an ends_at item: it must still get its floor
            deadline = _clock_deadline(agenda, old, end)
        assert deadline is not None
        absorbs = is_fixed and items[end - 1].kind == "break" and end - 1 not in frozen
        absorber = begin if clock is not None else end - 1 if absorbs else None
        stretch = _Stretch(agenda, old, begin, end, deadline, absorber)
        fixed = items[begin].fixed_start_ms
        seg_start = chain if fixed is None else max(chain, fixed)
        proj_start = projected if fixed is None else max(projected, fixed)
        before = {i: old[i] for i in stretch.indices}
        needed = max(0, stretch.ends_at(seg_start, before) - deadline)
        elastic = [i for i in stretch.indices if i not in frozen and i != stretch.absorber]
        cuts = dict(zip(elastic, spread(needed, [old[i] - stretch.floor_of(i) for i in elastic]), strict=True))
        t = seg_start
        for i in stretch.indices:
            absorber = i == stretch.absorber
            length = max(deadline - t, stretch.floor_of(i)) if absorber else old[i] - cuts.get(i, 0)
            rows.append(PlanRow(i, items[i].id, old[i], length, t, t + length, stretch.floor_of(i), absorber))
            t += length
        projected = stretch.ends_at(proj_start, before)
        chain = t
        if end == len(items) or (is_fixed and clock is None):  # an ends_at item's own time is not reported
            deadlines.append(Deadline(items[end].id if is_fixed else "", deadline, needed, max(0, t - deadline)))
        begin = end
    return Plan(tuple(rows), tuple(deadlines), projected, chain, agenda.event.finish_by_ms)


def _clock_bounds(agenda: Agenda, first_index: int) -> set[int]:
    """Where stretches split around items that end at a clock time: before each, and after it."""
    count = len(agenda.items)
    clocked = [i for i in range(first_index, count) if agenda.items[i].ends_at_ms is not None]
    return {i for i in clocked if i > first_index} | {i + 1 for i in clocked if i + 1 < count}


def _clock_deadline(agenda: Agenda, old: Sequence[int], index: int) -> int:
    """When the items before ends_at item ``index`` must end: its clock time less the least it may run."""
    item = agenda.items[index]
    assert item.ends_at_ms is not None
    return item.ends_at_ms - min(item.floor_ms, old[index])


def plan_late(agenda: Agenda, late_ms: int, from_index: int = 0) -> Plan:
    """What if item ``from_index`` starts ``late_ms`` after its planned start (the ones before as planned)?"""
    item = agenda.items[from_index]
    return plan_from(agenda, from_index, item.planned_start_ms + late_ms)


def plan_show(agenda: Agenda, state: ShowState, now_ms: int, tod_ms: int) -> Plan:
    """The plan for a running show at show time ``now_ms`` (time of day ``tod_ms``).

    The item on stage ends when its countdown does (or now, in overtime); items
    that have already started keep their lengths; the others start from there,
    at their lengths as re-planned so far (ItemState.replanned_ms).
    """
    return plan_from(agenda, *plan_inputs(agenda, state, now_ms, tod_ms))


PlanInputs = tuple[int, int, tuple[int, ...], frozenset[int]]


def plan_inputs(agenda: Agenda, state: ShowState, now_ms: int, tod_ms: int) -> PlanInputs:
    """All plan_show depends on besides the agenda: (first index, its start, every length, the started ones).

    While an item runs these stay the same from second to second (its end does
    not move), so a memo of the plan keyed by them rarely misses.
    """
    count = len(agenda.items)
    lengths = tuple((item.duration_ms if record.replanned_ms is None else record.replanned_ms) + record.adjust_ms
                    for item, record in zip(agenda.items, state.items, strict=True))
    frozen = frozenset(i for i, record in enumerate(state.items) if record.actual_start_ms is not None)
    if state.stage == "closing" or not agenda.items:
        return count, tod_ms, lengths, frozen
    if state.stage == "welcome":
        return 0, max(tod_ms, agenda.items[0].planned_start_ms), lengths, frozen
    current = state.index or 0
    record = state.items[current]
    if record.actual_start_ms is None:  # loaded, not started: it may still be re-planned
        return current, tod_ms, lengths, frozen
    remaining = allotted_ms(agenda, state, current, tod_ms) - record.elapsed_at(now_ms)
    return current + 1, tod_ms + max(remaining, 0), lengths, frozen
