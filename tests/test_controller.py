"""The controller: one door for commands, one aligned timer for every screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stagetimer.core.clock import FakeClock, SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.controller import CORE_MESSAGES, SLACK_MS, Controller
from tests.agenda_factory import make_agenda

NINE = 9 * 3_600_000


def _agenda():
    return make_agenda([("a", "talk", "5m"), ("b", "talk", "10m"), ("c", "break", "10m")], start="09:00")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tod_ms=NINE)


@pytest.fixture
def controller(qtbot, clock: FakeClock) -> Controller:
    ctl = Controller(Show(_agenda(), clock))
    yield ctl
    ctl.stop()


def _collect(controller: Controller) -> list[Snapshot]:
    seen: list[Snapshot] = []
    controller.snapshot_changed.connect(seen.append)
    return seen


def test_snapshot_is_available_before_the_first_tick(controller: Controller) -> None:
    # The control window reads it while being built, before start().
    assert controller.snapshot.stage == "welcome"
    assert not controller.timer.isActive()


def test_start_publishes_and_arms_one_precise_single_shot_timer(controller: Controller) -> None:
    seen = _collect(controller)
    controller.start()
    assert len(seen) == 1
    timer = controller.timer
    assert timer.isSingleShot()
    assert timer.timerType() == Qt.TimerType.PreciseTimer
    assert timer.isActive()
    # 09:00:00.000 on the dot: the next visible change is the time of day's next second.
    assert seen[0].next_change_ms == 1000
    assert timer.interval() == 1000 + SLACK_MS


def test_apply_publishes_at_once_and_rearms_for_the_countdown_boundary(
    controller: Controller, clock: FakeClock
) -> None:
    controller.start()
    seen = _collect(controller)
    clock.advance(250)
    assert controller.apply(Command("start"))
    assert len(seen) == 1
    assert seen[0].running and seen[0].countdown_text == "5:00"
    assert controller.snapshot is seen[0]
    # The countdown flips in 1000 ms, the time of day in 750 ms: wake for the nearer one.
    assert seen[0].next_change_ms == 750
    assert controller.timer.interval() == 750 + SLACK_MS


def test_the_timer_follows_the_countdown_not_a_fixed_poll(controller: Controller, clock: FakeClock) -> None:
    controller.start()
    controller.apply(Command("start"))
    clock.advance(1_400)  # the countdown is now 1.4 s in: next flip in 600 ms
    controller.timer.timeout.emit()  # as the timer would on expiry
    assert controller.snapshot.countdown_text == "4:59"
    assert controller.timer.interval() == 600 + SLACK_MS
    controller.apply(Command("pause"))
    # Paused: only the time of day still moves.
    assert controller.timer.interval() == controller.snapshot.next_change_ms + SLACK_MS
    assert controller.snapshot.next_change_ms == 600


def test_rehearsal_speed_shortens_the_wait_in_real_time(qtbot, clock: FakeClock) -> None:
    controller = Controller(Show(_agenda(), clock, speed=4.0, anchor_tod_ms=NINE))
    controller.start()
    controller.apply(Command("start"))
    # One displayed second at 4× speed is 250 real ms.
    assert controller.timer.interval() == 250 + SLACK_MS
    controller.stop()


def test_a_command_that_cannot_apply_is_reported_and_changes_nothing(controller: Controller) -> None:
    controller.start()
    failures: list[str] = []
    applied: list[Command] = []
    controller.command_failed.connect(failures.append)
    controller.command_applied.connect(applied.append)
    before = controller.snapshot
    assert not controller.apply(Command("previous"))  # nothing before the first item
    assert failures == ["This is the first item: there is no previous one"]
    assert applied == []
    assert controller.snapshot.stage == before.stage
    assert controller.timer.isActive()  # the clock keeps ticking


def test_an_unknown_item_id_is_reported_not_raised(controller: Controller) -> None:
    failures: list[str] = []
    controller.command_failed.connect(failures.append)
    assert not controller.apply(Command("goto", "no-such-item"))
    assert failures and "no-such-item" in failures[0]


def test_successful_commands_are_announced_for_the_journal(controller: Controller) -> None:
    applied: list[Command] = []
    controller.command_applied.connect(applied.append)
    controller.apply(Command("start"))
    controller.apply(Command("add_time", 60_000))
    assert applied == [Command("start"), Command("add_time", 60_000)]
    assert controller.snapshot.allotted_ms == 6 * 60_000


def test_flashing_is_driven_by_the_same_timer(controller: Controller, clock: FakeClock) -> None:
    controller.start()
    controller.apply(Command("start"))
    controller.apply(Command("flash"))
    assert controller.snapshot.flash
    # The flash toggles every 500 ms; the timer wakes for the toggle.
    assert controller.timer.interval() <= 500 + SLACK_MS
    clock.advance(500)
    controller.timer.timeout.emit()
    assert not controller.snapshot.flash


def test_core_messages_are_all_listed_for_translation() -> None:
    """Every sentence the show can refuse a command with reaches the .ts file."""
    source = (Path(__file__).resolve().parents[1] / "stagetimer" / "core" / "show" / "show.py").read_text("utf-8")
    # Operator sentences start with a capital; "speed must be ..." is a programming error.
    literals = set(re.findall(r'raise ValueError\("([A-Z][^"{]+)"\)', source))
    assert literals, "no operator messages found in show.py"
    assert literals <= set(CORE_MESSAGES)


def test_a_real_tick_arrives_on_the_next_boundary(qtbot) -> None:
    """The only test that waits for real time: one tick of the system clock."""
    controller = Controller(Show(_agenda(), SystemClock()))
    controller.start()
    controller.apply(Command("start"))
    first = controller.snapshot
    with qtbot.waitSignal(controller.snapshot_changed, timeout=3_000) as blocker:
        pass
    ticked: Snapshot = blocker.args[0]
    assert ticked.time_of_day_ms > first.time_of_day_ms
    # Woken for a boundary: either the countdown or the time of day flipped.
    assert ticked.countdown_text != first.countdown_text or (
        ticked.time_of_day_ms // 1000 != first.time_of_day_ms // 1000
    )
    controller.stop()


class _SlowClock(FakeClock):
    """A clock that moves 3 ms each time it is read, as if building a snapshot took time."""

    def monotonic_ms(self) -> int:
        self.advance(3)
        return super().monotonic_ms()


def test_the_wait_counts_from_when_the_snapshot_was_taken(qtbot) -> None:
    clock = _SlowClock(tod_ms=NINE)
    controller = Controller(Show(_agenda(), clock, anchor_tod_ms=NINE))
    controller.start()
    # Building took 3 ms of the wait already: sleeping the full interval would flip late.
    assert controller.timer.interval() == controller.snapshot.next_change_ms - 3 + SLACK_MS
    controller.stop()


def test_a_timer_that_wakes_early_waits_for_the_boundary_before_publishing(
    controller: Controller, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.start()
    controller.apply(Command("start"))
    assert controller.timer.interval() == 1000 + SLACK_MS  # armed early on purpose
    clock.advance(1000 + SLACK_MS)  # the timer fires 2 ms before the countdown flips
    naps: list[float] = []

    def sleep(seconds: float) -> None:  # time passes while the controller naps
        naps.append(seconds)
        clock.advance(1)

    monkeypatch.setattr("stagetimer.ui.controller.time.sleep", sleep)
    controller.timer.timeout.emit()
    assert naps  # it did wait...
    assert controller.snapshot.countdown_text == "4:59"  # ...and published the new second, not the old one


def test_a_clock_that_does_not_move_never_holds_a_tick(controller: Controller) -> None:
    controller.start()
    controller.apply(Command("start"))
    seen = _collect(controller)
    controller.timer.timeout.emit()  # the fake clock stands still: the boundary never comes
    assert len(seen) == 1  # published anyway, after a few ms at most
