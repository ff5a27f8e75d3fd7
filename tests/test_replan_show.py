"""The replan command through the door: proposal, refusals, undo, reset, reload, checkpoints and replay."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command, ReloadAgenda
from stagetimer.core.show.frames import build_frames, presenter_frame
from stagetimer.core.show.session import Session
from stagetimer.core.show.show import Show
from stagetimer.core.show.state_io import state_from_dict, state_to_dict
from stagetimer.core.show.web_frames import view_frame

REPO = Path(__file__).resolve().parent.parent
MIN = 60_000
TEN = 10 * 3_600_000


def agenda():
    return load_agenda(REPO / "agenda.yaml")


def late_show(late_min: int = 13) -> tuple[Show, FakeClock]:
    """The bundled day, 개회사 started ``late_min`` minutes late and still running."""
    clock = FakeClock(tod_ms=TEN + late_min * MIN)
    show = Show(agenda(), clock)
    show.apply(Command("start"))
    return show, clock


def minutes(show: Show, item_id: str) -> int:
    return show.snapshot().items[show.agenda.index_of(item_id) or 0].allotted_ms // MIN


def test_the_proposal_is_in_the_control_frame_and_applying_it_changes_the_lengths() -> None:
    show, _ = late_show()
    proposal = show.snapshot().proposal
    assert proposal is not None
    assert proposal.shortfall_ms == 8 * MIN  # the break already gives back 5 of the 13
    assert [(row.id, row.old_ms // MIN, row.new_ms // MIN) for row in proposal.rows] == [
        ("forum-privacy", 20, 17), ("forum-copyright", 20, 17), ("forum-ai", 20, 18)]
    assert proposal.over_ms == 0 and proposal.recovered_ms == 8 * MIN
    outcome = show.apply(Command("replan"))
    assert outcome.applied and outcome.effect == "replanned"
    assert outcome.params["recovered_ms"] == 8 * MIN and outcome.params["items"] == 3
    assert outcome.params["over_ms"] == 0
    snap = show.snapshot()
    assert snap.proposal is None
    assert [minutes(show, i) for i in ("forum-privacy", "forum-copyright", "forum-ai")] == [17, 17, 18]
    assert snap.projected_end_ms == TEN + 150 * MIN  # 12:30
    again = show.apply(Command("replan"))
    assert not again.applied and again.reason == "on_time"


def test_on_time_is_refused_and_changes_nothing() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(agenda(), clock)
    assert show.snapshot().proposal is None
    outcome = show.apply(Command("replan"))
    assert (outcome.applied, outcome.reason) == (False, "on_time")
    assert not show.can_undo


def test_when_minimums_are_not_enough_the_proposal_says_by_how_much() -> None:
    show, _ = late_show(30)
    proposal = show.snapshot().proposal
    assert proposal is not None and proposal.over_ms == 10 * MIN
    assert show.apply(Command("replan")).params["over_ms"] == 10 * MIN
    still = show.snapshot().proposal
    assert still is not None and still.rows == () and still.over_ms == 10 * MIN
    refused = show.apply(Command("replan"))
    assert (refused.reason, refused.params) == ("no_slack", {"over_ms": 10 * MIN})


def test_undo_takes_the_replan_back() -> None:
    show, _ = late_show()
    show.apply(Command("replan"))
    undone = show.apply(Command("undo"))
    assert undone.params["action"] == "replan"
    assert minutes(show, "forum-ai") == 20 and show.snapshot().proposal is not None


def test_reset_keeps_the_replanned_length_and_the_presenter_sees_it_only_before_the_start() -> None:
    show, clock = late_show()
    show.apply(Command("replan"))
    show.apply(Command("goto", "forum-privacy"))
    assert presenter_frame(show.snapshot()).adjusted_ms == 17 * MIN
    browser = view_frame("presenter", build_frames(show.snapshot()))
    assert browser["adjusted_ms"] == 17 * MIN
    assert show.snapshot().remaining_ms == 17 * MIN
    show.apply(Command("start"))
    clock.advance(2 * MIN)
    assert presenter_frame(show.snapshot()).adjusted_ms is None  # never mid-talk
    assert show.snapshot().remaining_ms == 15 * MIN
    show.apply(Command("reset"))  # back to its full time: the re-planned one
    assert show.snapshot().remaining_ms == 17 * MIN
    assert presenter_frame(show.snapshot()).adjusted_ms == 17 * MIN
    show.apply(Command("add_time", MIN))  # the operator's ± still apply on top
    assert presenter_frame(show.snapshot()).adjusted_ms == 18 * MIN


def test_the_item_not_replanned_says_nothing_to_the_speaker() -> None:
    show, _ = late_show()
    show.apply(Command("replan"))
    show.apply(Command("next"))
    assert presenter_frame(show.snapshot()).adjusted_ms is None


def test_automatic_mode_is_a_setting_that_applies_at_each_item_change() -> None:
    show, clock = late_show()
    assert show.apply(Command("auto_replan_on")).effect == "auto_replan_on"
    assert show.apply(Command("auto_replan_on")).effect == "auto_replan_on"  # absolute: twice is harmless
    assert show.snapshot().auto_replan and minutes(show, "forum-ai") == 20  # nothing applied until a change
    clock.advance(5 * MIN)
    moved = show.apply(Command("next"))
    assert moved.effect == "loaded" and moved.params["auto_replan"]["recovered_ms"] == 8 * MIN
    assert minutes(show, "forum-ai") == 18
    show.apply(Command("undo"))  # one undo takes back the move and its re-plan together
    assert minutes(show, "forum-ai") == 20 and show.snapshot().current.id == "opening"
    assert show.apply(Command("auto_replan")).effect == "auto_replan_off"
    assert "auto_replan" not in show.apply(Command("next")).params


def test_checkpoints_round_trip_the_plan_and_old_ones_still_load() -> None:
    show, _ = late_show()
    show.apply(Command("replan"))
    show.apply(Command("auto_replan"))
    data = state_to_dict(show.state, show.agenda)
    assert data["items"]["forum-ai"]["replanned_ms"] == 18 * MIN and data["auto_replan"] is True
    assert state_from_dict(data, show.agenda) == show.state
    old = {key: value for key, value in data.items() if key != "auto_replan"}
    old["items"] = {item_id: {k: v for k, v in record.items() if k != "replanned_ms"}
                    for item_id, record in data["items"].items()}
    restored = state_from_dict(old, show.agenda)
    assert not restored.auto_replan and all(record.replanned_ms is None for record in restored.items)
    with pytest.raises(TypeError):
        state_from_dict({**data, "items": {"forum-ai": {"replanned_ms": "18m"}}}, show.agenda)


def test_reload_keeps_a_replanned_length_by_id_while_it_still_fits() -> None:
    show, _ = late_show()
    show.apply(Command("replan"))
    edited = show.agenda.replace_items(tuple(
        dataclasses.replace(item, duration_ms=16 * MIN) if item.id == "forum-privacy" else item
        for item in show.agenda.items))
    assert show.apply(ReloadAgenda(edited)).applied
    assert minutes(show, "forum-privacy") == 16  # the edit made it shorter than the plan: the file wins
    assert minutes(show, "forum-copyright") == 17 and minutes(show, "forum-ai") == 18


@pytest.mark.parametrize("auto", [False, True])
def test_a_crash_replays_to_the_same_plan(tmp_path: Path, auto: bool) -> None:
    clock = FakeClock(tod_ms=TEN + 7 * MIN)
    session = Session.open(agenda(), tmp_path, clock)
    if auto:
        session.apply(Command("auto_replan"))
    session.apply(Command("start"))
    for wait in (5, 5, 10, 10, 12, 12):
        clock.advance(wait * MIN)
        session.apply(Command("next_start"))
        if not auto:
            session.apply(Command("replan"))
    clock.advance(MIN)
    again = Session.open(agenda(), tmp_path, clock)
    assert again.snapshot() == session.snapshot()
    assert [again.snapshot().items[i].allotted_ms // MIN for i in (10, 11, 12)] == [18, 18, 18]
