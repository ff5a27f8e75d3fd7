"""The planner: how a late day gets back on time, item by item, with a fake clock.

Every figure here is one a stage manager would tell a speaker ("your slot is
now 17 minutes"), so each test asserts the exact lengths and the end.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from agenda_factory import MIN, make_agenda
from hypothesis import given, settings
from hypothesis import strategies as st

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.planner import STEP_MS, plan_from, plan_late, plan_show, spread
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import parse_time_of_day

REPO = Path(__file__).resolve().parent.parent


def with_min(agenda: Agenda, **mins: str) -> Agenda:
    """``agenda`` with ``min`` set on the named items (``a="15m"``)."""
    items = tuple(
        dataclasses.replace(item, min_ms=int(mins[item.id][:-1]) * MIN) if item.id in mins else item
        for item in agenda.items
    )
    return agenda.replace_items(items)


def lengths(plan_rows: object) -> dict[str, int]:
    return {row.id: row.new_ms // MIN for row in plan_rows}  # type: ignore[attr-defined]


# ---------------------------------------------------------------- spread


def test_spread_is_proportional_to_slack_in_whole_minutes() -> None:
    assert spread(6 * MIN, [10 * MIN, 5 * MIN]) == [4 * MIN, 2 * MIN]
    assert spread(8 * MIN, [5 * MIN] * 3) == [3 * MIN, 3 * MIN, 2 * MIN]  # ties: the earlier item first
    assert spread(90_000, [5 * MIN, 5 * MIN]) == [MIN, MIN]  # 1m30s rounds up to 2 whole minutes


def test_spread_never_takes_more_than_the_slack() -> None:
    assert spread(30 * MIN, [5 * MIN, 2 * MIN]) == [5 * MIN, 2 * MIN]
    assert spread(5 * MIN, [0, 10 * MIN]) == [0, 5 * MIN]
    assert spread(3 * MIN, []) == []
    assert spread(0, [5 * MIN]) == [0]


# ---------------------------------------------------------------- the bundled day


def bundled() -> Agenda:
    return load_agenda(REPO / "agenda.yaml")


def test_the_bundled_day_thirteen_minutes_late_still_ends_at_1230() -> None:
    plan = plan_late(bundled(), 13 * MIN)
    assert plan.on_time and plan.end_ms == parse_time_of_day("12:30")
    assert plan.projected_end_ms == parse_time_of_day("12:38")
    assert plan.shortfall_ms == 8 * MIN and plan.recovered_ms == 8 * MIN
    changed = {row.id: (row.old_ms // MIN, row.new_ms // MIN) for row in plan.rows if row.new_ms != row.old_ms}
    # The break gives 5 minutes by itself (down to its min); the forum topics the other 8.
    assert changed == {"break": (10, 5), "forum-privacy": (20, 17), "forum-copyright": (20, 17), "forum-ai": (20, 18)}
    assert [row.id for row in plan.changes] == ["forum-privacy", "forum-copyright", "forum-ai"]
    forum = plan.deadlines[0]  # the forum's fixed 11:30 cannot be held: the presentations have no min
    assert (forum.item_id, forum.needed_ms, forum.over_ms) == ("forum-privacy", 8 * MIN, 8 * MIN)


def test_the_bundled_day_on_time_or_slightly_late_changes_nothing_but_the_break() -> None:
    assert plan_late(bundled(), 0).changes == () and plan_late(bundled(), 0).end_ms == parse_time_of_day("12:30")
    plan = plan_late(bundled(), 5 * MIN)
    assert plan.changes == () and plan.on_time and plan.shortfall_ms == 0


def test_when_the_minimums_are_not_enough_the_plan_says_by_how_much() -> None:
    plan = plan_late(bundled(), 30 * MIN)
    assert not plan.on_time
    assert lengths(plan.changes) == {"forum-privacy": 15, "forum-copyright": 15, "forum-ai": 15}
    assert plan.over_ms == 10 * MIN and plan.end_ms == parse_time_of_day("12:40")


def test_items_before_the_late_one_are_not_in_the_plan() -> None:
    agenda = bundled()
    start = agenda.index_of("case-kt")
    assert start is not None
    plan = plan_late(agenda, 13 * MIN, start)
    assert plan.rows[0].id == "case-kt" and plan.rows[0].start_ms == parse_time_of_day("10:43")
    assert plan.end_ms == parse_time_of_day("12:30")


# ---------------------------------------------------------------- small agendas


def test_a_stretch_recovers_before_its_fixed_start_and_never_borrows_from_after_it() -> None:
    agenda = with_min(
        make_agenda([("a", "talk", "20m"), ("b", "talk", "20m"), ("c", "talk", "20m", "10:40"), ("d", "talk", "20m")]),
        a="15m", d="10m",
    )
    plan = plan_late(agenda, 4 * MIN)
    assert lengths(plan.rows) == {"a": 16, "b": 20, "c": 20, "d": 20}  # b has no min; d is after the fixed start
    assert [d.over_ms for d in plan.deadlines] == [0, 0] and plan.on_time


def test_lateness_a_stretch_cannot_absorb_carries_past_its_fixed_start() -> None:
    agenda = with_min(
        make_agenda([("a", "talk", "20m"), ("c", "talk", "20m", "10:20"), ("d", "talk", "20m")]), a="18m", d="10m"
    )
    plan = plan_late(agenda, 5 * MIN)
    assert lengths(plan.rows) == {"a": 18, "c": 20, "d": 17}
    assert plan.deadlines[0].over_ms == 3 * MIN and plan.on_time


def test_a_hard_end_later_than_the_end_leaves_room() -> None:
    agenda = with_min(make_agenda([("a", "talk", "30m"), ("b", "talk", "30m")]), a="20m", b="20m")
    later = dataclasses.replace(agenda.event, hard_end_ms=agenda.event.end_ms + 5 * MIN)
    roomy = dataclasses.replace(agenda, event=later)
    assert lengths(plan_late(roomy, 8 * MIN).changes) == {"a": 28, "b": 29}
    assert lengths(plan_late(agenda, 8 * MIN).changes) == {"a": 26, "b": 26}


def test_a_break_without_a_fixed_start_after_it_shrinks_to_five_minutes_at_most() -> None:
    agenda = make_agenda([("a", "talk", "20m"), ("b", "break", "15m"), ("c", "talk", "20m")])
    plan = plan_late(agenda, 20 * MIN)
    assert lengths(plan.rows) == {"a": 20, "b": 5, "c": 20}
    assert plan.over_ms == 10 * MIN


# ---------------------------------------------------------------- the running show


def test_the_running_show_replans_only_what_has_not_started() -> None:
    agenda = with_min(make_agenda([("a", "talk", "20m"), ("b", "talk", "20m"), ("c", "talk", "20m")]),
                      a="10m", b="15m", c="15m")
    clock = FakeClock(tod_ms=parse_time_of_day("10:06"))  # six minutes late
    show = Show(agenda, clock)
    show.apply(Command("start"))
    clock.advance(5 * MIN)
    now = show.now_ms()
    plan = plan_show(agenda, show.state, now, show.tod_ms(now))
    assert [row.id for row in plan.rows] == ["b", "c"]  # "a" is on stage: untouched
    assert lengths(plan.changes) == {"b": 17, "c": 17}
    assert plan.end_ms == parse_time_of_day("11:00") and plan.on_time


def test_an_overtime_item_ends_now_for_the_plan() -> None:
    agenda = with_min(make_agenda([("a", "talk", "10m"), ("b", "talk", "20m")]), b="10m")
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(agenda, clock)
    show.apply(Command("start"))
    clock.advance(14 * MIN)  # four minutes over
    now = show.now_ms()
    plan = plan_show(agenda, show.state, now, show.tod_ms(now))
    assert plan.rows[0].start_ms == parse_time_of_day("10:14")
    assert lengths(plan.changes) == {"b": 16}


def test_the_welcome_screen_plans_from_the_later_of_now_and_the_planned_start() -> None:
    agenda = with_min(make_agenda([("a", "talk", "20m")]), a="10m")
    early = Show(agenda, FakeClock(tod_ms=parse_time_of_day("09:50")))
    assert plan_show(agenda, early.state, early.now_ms(), early.tod_ms(early.now_ms())).changes == ()
    late = Show(agenda, FakeClock(tod_ms=parse_time_of_day("10:03")))
    assert lengths(plan_show(agenda, late.state, late.now_ms(), late.tod_ms(late.now_ms())).changes) == {"a": 17}


# ---------------------------------------------------------------- properties


@st.composite
def late_days(draw: st.DrawFn) -> tuple[Agenda, int, int]:
    count = draw(st.integers(1, 8))
    rows = [(f"i{n}", draw(st.sampled_from(["talk", "panel", "break"])), f"{draw(st.integers(1, 40))}m")
            for n in range(count)]
    agenda = make_agenda(rows)  # type: ignore[arg-type]
    items = []
    for item in agenda.items:
        floor = draw(st.one_of(st.none(), st.integers(1, item.duration_ms // 1000)))
        items.append(dataclasses.replace(item, min_ms=None if floor is None else floor * 1000))
    first = draw(st.integers(0, count - 1))
    late = draw(st.integers(0, 120)) * 30_000
    return agenda.replace_items(tuple(items)), first, late


@settings(max_examples=300, deadline=None)
@given(late_days())
def test_never_below_min_recovers_what_is_needed_and_leaves_started_items(day: tuple[Agenda, int, int]) -> None:
    agenda, first, late = day
    plan = plan_late(agenda, late, first)
    assert [row.index for row in plan.rows] == list(range(first, len(agenda.items)))
    for row in plan.rows:
        item = agenda.items[row.index]
        assert row.new_ms <= row.old_ms == item.duration_ms
        assert row.new_ms >= item.floor_ms
    slack = sum(item.duration_ms - item.floor_ms for item in agenda.items[first:])
    needed = plan.shortfall_ms
    assert min(needed, slack) <= plan.recovered_ms <= min(needed + STEP_MS - 1, slack)
    assert plan.end_ms == plan.projected_end_ms - plan.recovered_ms
    assert plan.over_ms == max(0, needed - slack)


@settings(max_examples=200, deadline=None)
@given(late_days())
def test_frozen_items_keep_their_length(day: tuple[Agenda, int, int]) -> None:
    agenda, first, late = day
    frozen = frozenset(range(first, len(agenda.items), 2))
    start = agenda.items[first].planned_start_ms + late
    plan = plan_from(agenda, first, start, frozen=frozen)
    assert all(row.new_ms == row.old_ms for row in plan.rows if row.index in frozen)


def test_during_the_show_a_late_break_shrinks_to_five_minutes_not_one() -> None:
    agenda = make_agenda([("a", "talk", "20m"), ("b", "break", "10m"), ("c", "talk", "20m", "10:30")])
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(agenda, clock)
    show.apply(Command("start"))
    clock.advance(28 * MIN)  # a runs 8 minutes over: the break would have to be 2 minutes
    show.apply(Command("next_start"))
    assert show.snapshot().allotted_ms == 5 * MIN


@st.composite
def days_with_fixed_starts(draw: st.DrawFn) -> tuple[Agenda, int, int]:
    count = draw(st.integers(2, 8))
    rows: list[tuple[str, str, str] | tuple[str, str, str, str]] = []
    chain = 10 * 60  # minutes since midnight
    for n in range(count):
        kind = draw(st.sampled_from(["talk", "panel", "break"]))
        length = draw(st.integers(1, 40))
        if n and draw(st.booleans()):
            chain += draw(st.integers(0, 10))  # a fixed start at or after the chained one
            rows.append((f"i{n}", kind, f"{length}m", f"{chain // 60:02d}:{chain % 60:02d}"))
        else:
            rows.append((f"i{n}", kind, f"{length}m"))
        chain += length
    agenda = make_agenda(rows)
    items = tuple(
        dataclasses.replace(item, min_ms=draw(st.integers(1, item.duration_ms // MIN)) * MIN)
        if draw(st.booleans()) else item
        for item in agenda.items
    )
    return agenda.replace_items(items), draw(st.integers(0, count - 1)), draw(st.integers(0, 60)) * MIN


@settings(max_examples=300, deadline=None)
@given(days_with_fixed_starts())
def test_with_fixed_starts_no_item_goes_below_min_and_no_deadline_gets_worse(day: tuple[Agenda, int, int]) -> None:
    agenda, first, late = day
    plan = plan_late(agenda, late, first)
    for row in plan.rows:
        assert row.new_ms >= agenda.items[row.index].floor_ms
        assert row.absorbs or row.new_ms <= row.old_ms
    for deadline in plan.deadlines:
        assert deadline.over_ms <= deadline.needed_ms
    assert plan.end_ms <= plan.projected_end_ms
    assert all(before.end_ms <= after.start_ms for before, after in zip(plan.rows, plan.rows[1:], strict=False))
