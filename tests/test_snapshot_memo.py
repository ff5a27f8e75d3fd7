"""The snapshot memo saves work and changes nothing: a snapshot with it equals one without.

The Show keeps the rows and the proposal of its last snapshot and lends them
to the next when what they are computed from is unchanged (core/show/snapshot_memo.py).
A row lent when it should have been rebuilt would show a stale time in Control's
table; a stale proposal would offer the wrong cuts. So every snapshot of any
sequence of keys, waits and reloads is compared with one built from scratch.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show import replan
from stagetimer.core.show.commands import MINUTE_MS, Command, ReloadAgenda
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.show.snapshot_builder import build_snapshot
from stagetimer.core.timefmt import parse_time_of_day

BUNDLED = load_agenda(Path(__file__).resolve().parents[1] / "agenda.yaml")
KEYS = [
    Command("toggle"), Command("next"), Command("next_start"), Command("previous"), Command("undo"),
    Command("reset"), Command("add_time", MINUTE_MS), Command("add_time", -MINUTE_MS), Command("replan"),
    Command("auto_replan"), Command("goto", BUNDLED.items[5].id), Command("message", "마무리"),
    Command("flash"), "reload",
]
WAITS = st.sampled_from([0, 1, 999, 1000, 20_000, 6 * 60_000, 25 * 60_000])


def from_scratch(show: Show, now: int) -> Snapshot:
    """The snapshot the show would give without its memo, at the same instant."""
    return build_snapshot(
        show.agenda, show.state, show.log, now, show.tod_ms(now), show.speed, show.can_undo,
        show.next_transition_ms(now), today=show.clock.local_date(), wall_tod_ms=show.clock.local_tod_ms())


def retitled(show: Show) -> ReloadAgenda:
    """The operator's edit: the same items, one title changed (a new agenda object, as a reload makes)."""
    first = show.agenda.items[0]
    items = (dataclasses.replace(first, title=first.title + " (수정)"), *show.agenda.items[1:])
    return ReloadAgenda(dataclasses.replace(show.agenda, items=items))


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(KEYS), WAITS, WAITS), min_size=1, max_size=30))
def test_every_snapshot_equals_one_built_from_scratch(steps: list[tuple[Command | str, int, int]]) -> None:
    clock = FakeClock(tod_ms=parse_time_of_day("09:55"))
    show = Show(BUNDLED, clock)
    for key, before, after in steps:
        clock.advance(before)
        now = show.now_ms()
        assert show.snapshot(now) == from_scratch(show, now)  # the timer's snapshot, between keys
        show.apply(retitled(show) if key == "reload" else key)  # type: ignore[arg-type]
        clock.advance(after)
        now = show.now_ms()
        assert show.snapshot(now) == from_scratch(show, now)


def test_a_running_item_lends_every_other_row_and_runs_the_planner_once(monkeypatch) -> None:
    """The saving itself: a second later only the live row is new, and the plan is the one already made."""
    clock = FakeClock(tod_ms=parse_time_of_day("10:07"))  # seven minutes late: there is a proposal
    show = Show(BUNDLED, clock)
    show.apply(Command("start"))
    first = show.snapshot()
    runs: list[int] = []
    real = replan.plan_from
    monkeypatch.setattr(replan, "plan_from", lambda *args: runs.append(1) or real(*args))
    clock.advance(1000)
    second = show.snapshot()
    assert second.proposal is not None and second.proposal == first.proposal and runs == []
    live = show.state.index
    assert second.items[live] is not first.items[live] and second.items[live].elapsed_ms == 1000
    assert all(a is b for i, (a, b) in enumerate(zip(first.items, second.items, strict=True)) if i != live)
    show.apply(Command("add_time", MINUTE_MS))  # a new length: the plan is made again
    assert show.snapshot().proposal != first.proposal and runs == [1]
