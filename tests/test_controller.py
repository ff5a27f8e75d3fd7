"""The controller: one door for commands, one aligned timer for every screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stagetimer.core.clock import FakeClock, SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.outcome import EFFECTS, REFUSALS, Outcome
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.control import notices
from stagetimer.ui.controller import SLACK_MS, Controller
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
    controller.frames_changed.connect(lambda frames: seen.append(frames.control))
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
    answers: list[Outcome] = []
    controller.command_answered.connect(answers.append)
    before = controller.snapshot
    assert not controller.apply(Command("previous")).applied  # nothing before the first item
    assert [(a.applied, a.reason) for a in answers] == [(False, "no_previous")]
    assert notices.notice_for(answers[0]).text == "This is the first item: there is no previous one"
    assert controller.snapshot.stage == before.stage
    assert controller.timer.isActive()  # the clock keeps ticking


def test_an_unknown_item_id_is_reported_not_raised(controller: Controller) -> None:
    answers: list[Outcome] = []
    controller.command_answered.connect(answers.append)
    assert not controller.apply(Command("goto", "no-such-item")).applied
    assert answers[0].reason == "unknown_item" and answers[0].params == {"item_id": "no-such-item"}


def test_successful_commands_are_announced_for_the_journal(controller: Controller) -> None:
    answers: list[Outcome] = []
    controller.command_answered.connect(answers.append)
    controller.apply(Command("start"))
    controller.apply(Command("add_time", 60_000))
    assert [(a.action, a.applied, a.effect) for a in answers] == [("start", True, "started"),
                                                                   ("add_time", True, "time_added")]
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


def test_every_refusal_the_core_can_give_has_words() -> None:
    """Every reason code the door can refuse with has a sentence (marked for translation)."""
    source = (Path(__file__).resolve().parents[1] / "stagetimer" / "core" / "show" / "show.py").read_text("utf-8")
    raised = set(re.findall(r'Refused\(\s*"([a-z_]+)"', source))
    assert raised, "no refusals found in show.py"
    assert raised <= set(REFUSALS)
    assert set(REFUSALS) <= set(notices._REFUSALS)
    for reason in REFUSALS:
        assert notices.refusal_text(reason, {}) != reason


def test_a_real_tick_arrives_on_the_next_boundary(qtbot) -> None:
    """The only test that waits for real time: one tick of the system clock."""
    controller = Controller(Show(_agenda(), SystemClock()))
    controller.start()
    controller.apply(Command("start"))
    first = controller.snapshot
    with qtbot.waitSignal(controller.frames_changed, timeout=3_000) as blocker:
        pass
    ticked: Snapshot = blocker.args[0].control
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
    clocks: list[int] = []
    controller.clock_ticked.connect(clocks.append)
    controller.timer.timeout.emit()  # the fake clock stands still: the boundary never comes
    assert len(seen) + len(clocks) == 1  # ticked anyway, after a few ms at most
    assert controller.timer.isActive()


def test_every_effect_is_said_or_deliberately_left_to_the_screens() -> None:
    """An applied command says what it did, unless the screens show it plainly (start, pause)."""
    silent = {"started", "paused", "resumed", "reloaded"}
    for effect in EFFECTS:
        outcome = Outcome("x", True, effect=effect, params={"title": "T", "text": "M", "skipped": "S",
                                                               "remaining_ms": 60_000, "delta_ms": 60_000,
                                                               "action": "next"})
        notice = notices.notice_for(outcome)
        assert (notice is None) == (effect in silent), effect


def test_a_tick_that_fails_does_not_stop_the_clock(controller: Controller, clock: FakeClock,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever breaks in one tick (it goes to crash.log), the next tick comes: every screen keeps counting."""
    controller.start()
    controller.apply(Command("start"))
    clock.advance(1000)  # the countdown's flip: a tick that builds new frames
    monkeypatch.setattr(controller.show, "snapshot", lambda *args: (_ for _ in ()).throw(RuntimeError("a bug")))
    with pytest.raises(RuntimeError):
        controller._on_timeout()
    assert controller.timer.isActive()
    monkeypatch.undo()
    controller.timer.timeout.emit()
    assert controller.snapshot.running
