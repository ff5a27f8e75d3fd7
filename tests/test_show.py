"""The show state machine, command by command, on a fake clock."""

from __future__ import annotations

import json

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer.core.agenda.model import Thresholds
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show

TEN = 10 * 3_600_000  # 10:00 as ms since midnight


def cmd(action: str, value: str | int | None = None) -> Command:
    return Command(action, value)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tod_ms=TEN)


@pytest.fixture
def show(clock: FakeClock) -> Show:
    agenda = make_agenda(
        [("a", "talk", "10m"), ("b", "talk", "5m"), ("c", "talk", "10m"), ("d", "talk", "5m")],
        thresholds=Thresholds(warning_ms=2 * MIN, danger_ms=MIN),
    )
    return Show(agenda, clock)


def test_welcome_until_started(show: Show, clock: FakeClock) -> None:
    clock.advance(5_000)
    snap = show.snapshot()
    assert snap.stage == "welcome"
    assert snap.current is None and snap.next is not None and snap.next.id == "a"
    assert snap.phase == "idle"


def test_start_runs_countdown(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    snap = show.snapshot()
    assert snap.current is not None and snap.current.id == "a"
    assert snap.running and not snap.paused and snap.countdown_text == "10:00"
    clock.advance(1)
    assert show.snapshot().countdown_text == "10:00"  # rounds up: never shows 9:59 early
    clock.advance(999)
    assert show.snapshot().countdown_text == "9:59"


def test_pause_stops_speaker_clock_but_pushes_schedule(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(3 * MIN)
    show.apply(cmd("pause"))
    clock.advance(2 * MIN)
    snap = show.snapshot()
    assert snap.paused and snap.remaining_ms == 7 * MIN
    # 10:05 now, 7 minutes left: a ends 10:12 instead of 10:10, b starts 10:12.
    assert snap.items[1].projected_start_ms == TEN + 12 * MIN
    assert snap.over_under_ms == 2 * MIN
    show.apply(cmd("toggle"))
    clock.advance(MIN)
    assert show.snapshot().remaining_ms == 6 * MIN


def test_phases_follow_thresholds(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    seen = []
    for _ in range(11 * 60):
        clock.advance(1000)
        phase = show.snapshot().phase
        if not seen or seen[-1][0] != phase:
            seen.append((phase, show.snapshot().remaining_ms))
    assert [phase for phase, _ in seen] == ["normal", "warning", "danger", "overtime"]
    assert seen[1][1] == 2 * MIN and seen[2][1] == MIN and seen[3][1] == -1000


def test_overtime_counts_up_and_flashes_then_steadies(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(10 * MIN + 1)
    snap = show.snapshot()
    assert snap.phase == "overtime" and snap.countdown_text == "0:00" and snap.flash
    clock.advance(500)
    assert not show.snapshot().flash
    clock.advance(999)
    assert show.snapshot().countdown_text == "+0:01"
    clock.advance(12_000)
    snap = show.snapshot()
    assert snap.countdown_text == "+0:13" and not snap.flash and snap.overtime_ms == 13_500


def test_next_records_end_and_loads_ready(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(4 * MIN)
    show.apply(cmd("next"))
    snap = show.snapshot()
    assert snap.current is not None and snap.current.id == "b"
    assert snap.paused and not snap.started and snap.remaining_ms == 5 * MIN
    done = snap.items[0]
    assert done.status == "done" and done.actual_end_ms == TEN + 4 * MIN
    assert done.over_under_ms == -6 * MIN
    clock.advance(30_000)
    assert show.snapshot().remaining_ms == 5 * MIN  # a ready item does not count down


def test_next_start_starts_at_once(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    show.apply(cmd("next_start"))
    clock.advance(1000)
    snap = show.snapshot()
    assert snap.current is not None and snap.current.id == "b" and snap.running
    assert snap.countdown_text == "4:59"


def test_previous_restores_exactly(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    show.apply(cmd("add_time", MIN))
    clock.advance(3 * MIN + 250)
    before = show.snapshot()
    show.apply(cmd("next_start"))
    clock.advance(20_000)
    show.apply(cmd("previous"))
    after = show.snapshot()
    assert after.current is not None and after.current.id == "a"
    assert after.remaining_ms == before.remaining_ms and after.running
    assert after.current.actual_start_ms == before.current.actual_start_ms
    assert after.current.actual_end_ms is None
    # b's 20 s were a mis-key (started, then ← within a minute): they never happened, as the
    # report always counted them; b waits untouched, ready, with its full time.
    show.apply(cmd("next"))
    assert show.snapshot().elapsed_ms == 0 and show.snapshot().clock_state.value == "ready"


def test_add_and_remove_time(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(30_000)
    show.apply(cmd("add_time", MIN))
    assert show.snapshot().remaining_ms == 10 * MIN + 30_000
    for _ in range(11):
        assert show.apply(cmd("add_time", -MIN)).applied
    snap = show.snapshot()
    assert snap.remaining_ms == -30_000 and snap.phase == "overtime" and snap.allotted_ms == 0
    # The rule lives in the core: an item cannot be given less than no time at all.
    refused = show.apply(cmd("add_time", -MIN))
    assert (refused.applied, refused.reason, refused.params["allotted_ms"]) == (False, "too_short", 0)
    assert show.snapshot().allotted_ms == 0


def test_reset_and_undo(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(4 * MIN)
    show.apply(cmd("reset"))
    snap = show.snapshot()
    assert snap.remaining_ms == 10 * MIN and not snap.running and not snap.started and snap.can_undo
    clock.advance(5_000)
    show.apply(cmd("undo"))
    snap = show.snapshot()
    # Undo is as if the reset never happened: the speaker kept talking.
    assert snap.running and snap.elapsed_ms == 4 * MIN + 5_000
    # The start is a change too: one more undo brings back the welcome screen, exactly.
    assert snap.can_undo
    show.apply(cmd("undo"))
    snap = show.snapshot()
    assert snap.stage == "welcome" and show.state.untouched and not snap.can_undo


def test_goto_far_says_it_jumped_and_every_goto_undoes(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    assert show.apply(cmd("goto", "b")).effect == "loaded"  # the next row: an ordinary move
    far = show.apply(cmd("goto", "d"))
    assert far.effect == "jumped" and far.params == {"title": "D"}
    snap = show.snapshot()
    assert snap.current is not None and snap.current.id == "d" and snap.can_undo
    undone = show.apply(cmd("undo"))
    assert (undone.effect, undone.params) == ("undone", {"action": "goto", "title": "B", "welcome": False})
    assert show.snapshot().current.id == "b"
    show.apply(cmd("undo"))
    assert show.snapshot().current.id == "a" and show.snapshot().running


def test_last_next_closes_and_previous_reopens(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("goto", "d"))
    show.apply(cmd("start"))
    clock.advance(MIN)
    show.apply(cmd("next"))
    snap = show.snapshot()
    assert snap.stage == "closing" and snap.current is None
    # a, b and c were jumped over and never started: skipped, not done.
    assert [item.status for item in snap.items] == ["skipped", "skipped", "skipped", "done"]
    refused = show.apply(cmd("next"))
    assert (refused.applied, refused.reason) == (False, "no_next")
    show.apply(cmd("previous"))
    assert show.snapshot().current.id == "d"


@pytest.mark.parametrize(
    "action, value, reason, params",
    [
        ("previous", None, "no_previous", {}),
        ("add_time", MIN, "no_item_loaded", {}),
        ("reset", None, "no_item_loaded", {}),
        ("undo", None, "nothing_to_undo", {}),
        ("goto", "nope", "unknown_item", {"item_id": "nope"}),
        ("message", "", "empty_message", {}),
        ("clear_message", None, "no_message", {}),
        ("pin_message", None, "no_message", {}),
    ],
)
def test_impossible_commands_say_why_and_change_nothing(
    show: Show, action: str, value: str | int | None, reason: str, params: dict[str, object]
) -> None:
    before = show.snapshot()
    outcome = show.apply(cmd(action, value))
    assert (outcome.applied, outcome.reason, outcome.params) == (False, reason, params)
    assert show.snapshot() == before


def test_message_flash_and_clear(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("message", "  마무리 부탁드립니다 "))
    snap = show.snapshot()
    assert snap.message == "마무리 부탁드립니다" and snap.message_flash
    clock.advance(4_000)
    assert not show.snapshot().message_flash
    show.apply(cmd("message", ""))
    assert show.snapshot().message == ""


def test_display_toggles(show: Show) -> None:
    show.apply(cmd("blackout"))
    show.apply(cmd("projector_countdown"))
    show.apply(cmd("flash"))
    snap = show.snapshot()
    assert snap.blackout and snap.projector_countdown and snap.flash
    show.apply(cmd("blackout"))
    assert not show.snapshot().blackout


def test_next_change_lands_on_the_displayed_second(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(250)
    snap = show.snapshot()
    wait = snap.next_change_ms
    clock.advance(wait - 1)
    assert show.snapshot().countdown_text == snap.countdown_text
    clock.advance(1)
    assert show.snapshot().countdown_text != snap.countdown_text or show.snapshot().time_of_day_ms % 1000 == 0


def test_speed_runs_the_show_faster(clock: FakeClock) -> None:
    agenda = make_agenda([("a", "talk", "10m")])
    fast = Show(agenda, clock, speed=10, anchor_tod_ms=TEN)
    fast.apply(cmd("start"))
    clock.advance(6_000)
    snap = fast.snapshot()
    assert snap.remaining_ms == 9 * MIN and snap.time_of_day_ms == TEN + MIN
    assert snap.next_change_ms <= 100


def test_snapshot_is_plain_json(show: Show, clock: FakeClock) -> None:
    show.apply(cmd("start"))
    clock.advance(1234)
    data = json.loads(json.dumps(show.snapshot().to_dict()))
    assert data["current"]["id"] == "a" and data["remaining_ms"] == 10 * MIN - 1234


def test_command_round_trips_and_rejects_bad_values() -> None:
    command = Command("add_time", -60_000)
    assert Command.from_dict(json.loads(json.dumps(command.to_dict()))) == command
    with pytest.raises(ValueError):
        Command("add_time", "1m")
    with pytest.raises(ValueError):
        Command("explode")
