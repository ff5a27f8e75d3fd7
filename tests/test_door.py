"""The one door: undo of every change, skipped items, a message's lifetime, one over/under.

Core only (a fake clock, no Qt): the rules the stage manager relies on live
behind ``Show.apply`` / ``Session.apply``, so they are tested there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer.core.clock import FakeClock
from stagetimer.core.report.report import build_report
from stagetimer.core.show.commands import ACTIONS, Command, ReloadAgenda
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.session import Session
from stagetimer.core.show.show import Show
from stagetimer.core.show.status import status_dict
from stagetimer.core.timefmt import parse_time_of_day

SEC = 1_000


def agenda():
    return make_agenda([("a", "talk", "10m"), ("b", "talk", "10m"), ("c", "talk", "10m"), ("d", "talk", "5m")])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tod_ms=parse_time_of_day("09:50"))


@pytest.fixture
def show(clock: FakeClock) -> Show:
    return Show(agenda(), clock)


# -- undo covers every change ---------------------------------------------------


def test_a_stray_space_before_doors_open_is_undone_exactly(show: Show, clock: FakeClock) -> None:
    welcome = show.snapshot()
    started = show.apply(Command("toggle"))
    assert (started.effect, started.params) == ("started", {"title": "A", "from_welcome": True})
    clock.advance(20 * SEC)
    assert show.snapshot().projected_end_ms != welcome.projected_end_ms  # every time moved on the screens
    undone = show.apply(Command("undo"))
    assert (undone.effect, undone.params["welcome"]) == ("undone", True)
    snap = show.snapshot()
    assert snap.stage == "welcome" and show.state.untouched and not snap.can_undo
    assert [item.projected_start_ms for item in snap.items] == [item.projected_start_ms for item in welcome.items]


@pytest.mark.parametrize("action, value", [
    ("toggle", None), ("next", None), ("next_start", None), ("goto", "c"), ("add_time", MIN), ("reset", None),
    ("message", "마무리 부탁드립니다"), ("blackout", None), ("projector_countdown", None), ("pin_message", None),
])
def test_every_change_is_taken_back_by_one_undo(show: Show, clock: FakeClock, action: str, value: object) -> None:
    show.apply(Command("start"))
    clock.advance(3 * MIN)
    show.apply(Command("message", "먼저 보낸 메시지"))
    before = show.snapshot()
    assert show.apply(Command(action, value)).applied  # type: ignore[arg-type]
    clock.advance(5 * SEC)
    show.apply(Command("undo"))
    after = show.snapshot()
    # Exactly as before, with the clock having run on: the speaker kept talking.
    assert after.current == show.snapshot().current and after.current is not None
    assert (after.current.id, after.running, after.message, after.blackout, after.projector_countdown) == (
        before.current.id, before.running, before.message, before.blackout, before.projector_countdown)
    assert after.elapsed_ms == before.elapsed_ms + 5 * SEC


def test_flash_is_not_a_change_to_take_back(show: Show) -> None:
    show.apply(Command("start"))
    show.apply(Command("flash"))
    undone = show.apply(Command("undo"))
    assert undone.params["action"] == "start"


def test_commands_round_trip_through_json() -> None:
    for action, kind in ACTIONS.items():
        value = None if kind is None else ("x" if kind is str else 5)
        command = Command(action, value)  # type: ignore[arg-type]
        assert Command.from_dict(json.loads(json.dumps(command.to_dict()))) == command


# -- skipped ----------------------------------------------------------------------


def test_two_nexts_skip_an_item_and_say_so(show: Show) -> None:
    show.apply(Command("start"))
    show.clock.advance(MIN)  # type: ignore[attr-defined]
    first = show.apply(Command("next"))
    second = show.apply(Command("next"))
    assert (first.effect, first.params) == ("loaded", {"title": "B"})
    assert (second.effect, second.params) == ("skipped", {"skipped": "B", "title": "C", "started": False})
    statuses = [item.status for item in show.snapshot().items]
    assert statuses == ["done", "skipped", "live", "next"]
    assert show.snapshot().items[1].over_under_ms is None


# -- a message belongs to its item ------------------------------------------------------


def test_moving_on_clears_the_speakers_message_and_says_so(show: Show) -> None:
    show.apply(Command("start"))
    show.apply(Command("message", "마무리 부탁드립니다"))
    moved = show.apply(Command("next_start"))
    assert moved.also == ("message_cleared",)
    assert "message_cleared" in [event.kind.value for event in moved.events]
    snap = show.snapshot()
    assert snap.message == "" and snap.current is not None and snap.current.id == "b"
    # Undo brings the message back with the item it belonged to.
    show.apply(Command("undo"))
    assert show.snapshot().message == "마무리 부탁드립니다" and show.snapshot().current.id == "a"


def test_a_pinned_message_stays_until_unpinned(show: Show) -> None:
    show.apply(Command("start"))
    show.apply(Command("message", "질의응답은 마지막에"))
    assert show.apply(Command("pin_message")).effect == "message_pinned"
    moved = show.apply(Command("next_start"))
    assert moved.also == () and show.snapshot().message == "질의응답은 마지막에" and show.snapshot().message_pinned
    assert show.apply(Command("pin_message")).effect == "message_unpinned"
    assert show.apply(Command("next")).also == ("message_cleared",)


def test_a_message_sent_before_the_show_goes_when_the_first_item_starts(show: Show) -> None:
    show.apply(Command("message", "5분 후 시작"))
    assert show.apply(Command("start")).also == ("message_cleared",)


# -- one over/under ------------------------------------------------------------------


def day(tmp_path: Path) -> tuple[Session, FakeClock]:
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    return Session.open(agenda(), tmp_path, clock), clock


def figures(session: Session, tmp_path: Path, clock: FakeClock) -> tuple[dict[str, int | None], ...]:
    """Each item's over/under as Control, ``stagetimer status`` and the report read it."""
    snap = session.snapshot()
    control = {item.id: item.over_under_ms for item in snap.items}
    status = status_dict(Session.open(session.agenda, tmp_path, clock, writable=False).snapshot())  # as the CLI
    current = {status["item_id"]: None if status["item_over_under_seconds"] is None
               else round(status["item_over_under_seconds"] * 1000)} if status["item_id"] else {}
    records = read_journal(tmp_path / JOURNAL_NAME).records
    report = {item.id: item.over_under_ms for item in build_report(session.agenda, records, clock.wall_ms()).items}
    return control, current, report


def test_paused_reset_and_undone_reads_the_same_everywhere(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("start"))
    clock.advance(4 * MIN)
    session.apply(Command("pause"))
    clock.advance(49 * SEC)
    session.apply(Command("reset"))
    clock.advance(3 * SEC)
    session.apply(Command("undo"))
    session.apply(Command("start"))
    clock.advance(7 * MIN)
    session.apply(Command("next"))
    control, _, report = figures(session, tmp_path, clock)
    # 4 min + 52 s paused (the pause, the reset, the undo) + 7 min on stage: 11:52 of a 10-minute slot.
    assert control["a"] == report["a"] == MIN + 52 * SEC


def test_jumped_away_and_back_reads_the_same_everywhere(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("start"))
    clock.advance(6 * MIN)
    session.apply(Command("goto", "c"))
    session.apply(Command("start"))
    clock.advance(5 * MIN)
    session.apply(Command("goto", "a"))
    session.apply(Command("start"))
    clock.advance(6 * MIN + 47 * SEC)
    control, status, report = figures(session, tmp_path, clock)
    session.apply(Command("next"))
    assert control["a"] == status["a"] == report["a"] == 2 * MIN + 47 * SEC  # 12:47 on stage, projected
    control, _, report = figures(session, tmp_path, clock)
    assert control == report
    assert control["a"] == 2 * MIN + 47 * SEC and control["c"] == -5 * MIN


def test_undo_still_works_after_a_crash(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("toggle"))  # a stray Space ...
    clock.advance(10 * SEC)
    session.close()  # ... then the laptop dies
    again = Session.open(agenda(), tmp_path, clock)
    assert again.recovered and again.snapshot().running
    assert again.apply(Command("undo")).applied
    assert again.snapshot().stage == "welcome" and again.show.state.untouched


# -- found in review: history across edits, undo of a mis-key, alarms announced once ---------------


def test_a_live_edit_then_a_restart_keeps_every_item_its_own_history(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("start"))
    clock.advance(12 * MIN)
    session.apply(Command("next_start"))
    clock.advance(3 * MIN)
    edited = make_agenda([("x", "remarks", "5m"), ("a", "talk", "10m"), ("b", "talk", "10m"),
                          ("c", "talk", "10m"), ("d", "talk", "5m")])
    assert session.reload(edited).applied
    clock.advance(MIN)
    live = {item.id: (item.status, item.over_under_ms) for item in session.snapshot().items}
    assert live["x"] == ("skipped", None)  # added above the items already run: it never ran
    assert live["a"] == ("done", 2 * MIN)
    records = read_journal(tmp_path / JOURNAL_NAME).records
    report = {item.id: item.over_under_ms for item in build_report(edited, records, clock.wall_ms()).items}
    assert report == {key: value[1] for key, value in live.items()}
    session.close()
    again = Session.open(edited, tmp_path, clock)
    assert {item.id: (item.status, item.over_under_ms) for item in again.snapshot().items} == live
    undone = again.apply(Command("undo"))
    assert undone.params["title"] == "A"  # the speaker before b, not whoever is first in the edited file


def test_undoing_a_mistaken_back_keeps_the_speakers_time_on_stage(show: Show, clock: FakeClock) -> None:
    show.apply(Command("start"))
    clock.advance(10 * MIN)
    show.apply(Command("next_start"))
    clock.advance(50 * SEC)  # b has spoken for 50 s
    show.apply(Command("previous"))
    clock.advance(2 * SEC)
    show.apply(Command("undo"))
    b = show.snapshot().items[1]
    assert (b.stage_ms, b.elapsed_ms, b.over_under_ms) == (52 * SEC, 52 * SEC, 0)


def test_a_start_stepped_back_over_within_a_minute_never_happened(show: Show, clock: FakeClock) -> None:
    show.apply(Command("start"))
    clock.advance(5 * MIN)
    show.apply(Command("next_start"))  # b started by mistake ...
    clock.advance(30 * SEC)
    show.apply(Command("previous"))  # ... and taken back
    clock.advance(5 * MIN)
    show.apply(Command("next"))
    snap = show.snapshot()
    assert snap.clock_state.value == "ready" and snap.remaining_ms == 10 * MIN
    assert snap.current is not None and snap.current.actual_start_ms is None
    assert snap.items[0].stage_ms == 10 * MIN + 30 * SEC  # the first speaker never left the stage


def test_going_back_to_an_item_in_overtime_announces_nothing_again(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("start"))
    clock.advance(11 * MIN)
    session.apply(Command("next"))
    session.apply(Command("blackout"))
    session.apply(Command("undo"))
    assert session.reload(agenda()).applied
    back = session.apply(Command("previous"))
    assert [event.kind.value for event in back.events] == ["item_loaded", "item_resumed"]
    session.close()
    again = Session.open(agenda(), tmp_path, clock)
    again.apply(Command("next"))
    back = again.apply(Command("previous"))
    assert "entered_overtime" not in [event.kind.value for event in back.events]


def test_taken_into_overtime_by_a_command_the_presenter_flashes(show: Show, clock: FakeClock) -> None:
    show.apply(Command("start"))
    clock.advance(9 * MIN + 30 * SEC)
    taken = show.apply(Command("add_time", -MIN))
    assert "entered_overtime" in [event.kind.value for event in taken.events]
    assert show.snapshot().flash
    clock.advance(10 * SEC)
    assert not show.snapshot().flash  # ten seconds, as when zero is reached


def test_an_edit_that_shortens_the_live_item_into_overtime_says_so(show: Show, clock: FakeClock) -> None:
    show.apply(Command("start"))
    clock.advance(7 * MIN)
    shorter = make_agenda([("a", "talk", "5m"), ("b", "talk", "10m"), ("c", "talk", "10m"), ("d", "talk", "5m")])
    outcome = show.apply(ReloadAgenda(shorter))
    assert [event.kind.value for event in outcome.events] == ["entered_overtime"]
    assert show.snapshot().flash


def test_skipped_and_not_reached_read_alike_in_control_and_the_report(tmp_path: Path) -> None:
    session, clock = day(tmp_path)
    session.apply(Command("next"))
    session.apply(Command("next"))  # a skipped before anything ran; b loaded
    clock.advance(MIN)
    records = read_journal(tmp_path / JOURNAL_NAME).records
    report = [item.status for item in build_report(session.agenda, records, clock.wall_ms()).items]
    control = [item.status for item in session.snapshot().items]
    assert control == ["skipped", "live", "next", "upcoming"]
    assert report == ["skipped", "not reached", "not reached", "not reached"]
