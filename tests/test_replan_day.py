"""The done-when day: the bundled forum runs 13 minutes late and the planner brings it back to 12:30.

개회사 starts 7 minutes late (10:07) and three company presentations run 2
minutes over each. The break shrinks by itself to its 5-minute minimum (the
forum's fixed start 11:30 then slips to 11:38); the planner takes the rest
from the three forum topics (min 15m each) — 17, 17 and 18 minutes — exactly
what ``stagetimer plan agenda.yaml --late 13m`` prints the day before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import stagetimer

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import format_tod

REPO = Path(__file__).resolve().parent.parent
MIN = 60_000
TEN = 10 * 3_600_000
FORUM = ("forum-privacy", "forum-copyright", "forum-ai")
#: How long each item actually runs (minutes): three presentations 2 minutes over, the forum as re-planned.
RUNS = {"case-kt": 12, "case-kudo": 12, "case-nia": 12}


def forum_lengths(show: Show) -> list[int]:
    """The forum topics' lengths as the show now allots them (minutes)."""
    snap = show.snapshot()
    return [snap.items[show.agenda.index_of(item_id) or 0].allotted_ms // MIN for item_id in FORUM]


def drive_day(auto: bool) -> tuple[Show, list[Outcome]]:
    """Run the whole day; with ``auto`` False the stage manager presses A at every item change."""
    clock = FakeClock(tod_ms=TEN - 10 * MIN)
    show = Show(load_agenda(REPO / "agenda.yaml"), clock)
    replans: list[Outcome] = []

    def act(action: str) -> None:
        outcome = show.apply(Command(action))
        assert outcome.applied, outcome
        if auto and "auto_replan" in outcome.params:
            replans.append(outcome)
        if not auto:
            replan = show.apply(Command("replan"))
            if replan.applied:
                replans.append(replan)
            else:
                assert replan.reason == "on_time"

    if auto:
        assert show.apply(Command("auto_replan")).effect == "auto_replan_on"
    clock.advance(17 * MIN)  # 10:07
    act("start")
    for index, item in enumerate(show.agenda.items):
        assert show.snapshot().current is not None
        assert show.snapshot().current.id == item.id
        if index > 0:
            show.apply(Command("start"))
        minutes = RUNS.get(item.id)  # the others run exactly their (re-planned) time; the break its 5 minutes
        clock.advance(minutes * MIN if minutes is not None else show.snapshot().allotted_ms)
        if index + 1 < len(show.agenda.items):
            act("next")
        else:
            assert show.apply(Command("next")).effect == "closing"
    return show, replans


@pytest.mark.parametrize("auto", [False, True], ids=["key-A-at-each-change", "automatic-mode"])
def test_the_late_day_ends_at_1230(auto: bool) -> None:
    show, replans = drive_day(auto)
    snap = show.snapshot()
    items = {view.id: view for view in snap.items}
    # Every re-planned length: the forum topics 17, 17, 18; nothing else was re-planned.
    replanned = {item.id: record.replanned_ms for item, record in zip(show.agenda.items, show.state.items,
                                                                       strict=True)
                 if record.replanned_ms is not None}
    assert replanned == {"forum-privacy": 17 * MIN, "forum-copyright": 17 * MIN, "forum-ai": 18 * MIN}
    assert items["break"].actual_end_ms is not None and items["break"].actual_start_ms is not None
    assert format_tod(items["break"].actual_start_ms) == "11:33"
    assert format_tod(items["forum-privacy"].actual_start_ms or 0) == "11:38"
    assert format_tod(items["forum-ai"].actual_end_ms or 0) == "12:30"
    assert format_tod(snap.projected_end_ms) == "12:30"
    # The plan was applied four times (the late start, then after each presentation that ran over),
    # each recovering what had just been lost: 2 minutes, in whole minutes, spread by slack.
    steps = [outcome.params.get("auto_replan", outcome.params) for outcome in replans]
    assert [step["recovered_ms"] // MIN for step in steps] == [2, 2, 2, 2]
    assert [[row["new_ms"] // MIN for row in step["rows"]] for step in steps] == [
        [19, 19], [18, 19], [18, 18], [17, 17]]
    assert all(step["over_ms"] == 0 for step in steps)


def test_the_show_agrees_with_stagetimer_plan_late_13m() -> None:
    """The organiser's rehearsal the day before prints the lengths the show ends up with."""
    result = stagetimer("plan", str(REPO / "agenda.yaml"), "--late", "13m")
    assert result.returncode == 0, result.stderr
    printed = [line.split()[2:5] for line in result.stdout.splitlines() if "panel" in line]
    show, _ = drive_day(auto=False)
    lengths = [(show.state.items[show.agenda.index_of(item_id) or 0].replanned_ms or 0) // MIN for item_id in FORUM]
    assert printed == [["20m", "→", f"{length}m"] for length in lengths]
    assert "the day ends 12:30, on time." in result.stdout
