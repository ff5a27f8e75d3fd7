"""While a countdown runs, the time of day's seconds between its flips tick Control's clock alone.

Half of all display ticks are the time of day's: while an item runs they
changed nothing but Control's HH:MM:SS, yet built a snapshot and every frame
(issue 13: ~1.5 ms of CPU each). The core now says when the frames next
change (``next_frame_change_ms``) apart from when anything does
(``next_change_ms``); the controller ticks the clock alone in between.
"""

from __future__ import annotations

import dataclasses
import math

import pytest
from agenda_factory import MIN, make_agenda
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.schedule import ms_to_tod_second
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Frames, PublicItem
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.controller import SLACK_MS, Controller
from tests.control_rig import Rig

NINE = 9 * 3_600_000


def _show(clock: FakeClock, speed: float = 1.0) -> Show:
    agenda = make_agenda([("a", "talk", "5m"), ("b", "talk", "10m"), ("c", "break", "10m")], start="09:00")
    return Show(agenda, clock, speed=speed, anchor_tod_ms=clock.local_tod_ms())


def test_a_running_countdown_makes_frames_at_its_flips_not_at_the_clocks_seconds() -> None:
    clock = FakeClock(tod_ms=NINE)
    show = _show(clock)
    clock.advance(250)
    show.apply(Command("start"))  # 09:00:00.250: the countdown flips at .250, the clock at .000
    snap = show.snapshot()
    assert (snap.next_change_ms, snap.next_frame_change_ms) == (750, 1000)
    show.apply(Command("pause"))  # paused: the clock's second is the only change, and it is a frame
    snap = show.snapshot()
    assert snap.next_change_ms == snap.next_frame_change_ms == 750


def test_the_stage_screens_clock_still_turns_on_its_minute() -> None:
    clock = FakeClock(tod_ms=NINE + 59_600)  # 09:00:59.600
    show = _show(clock)
    show.apply(Command("start"))
    snap = show.snapshot()
    assert snap.next_frame_change_ms == 400  # 09:01: the Presenter's HH:MM, before the countdown's flip


def _minute(item: PublicItem | None) -> PublicItem | None:
    """An item as a screen shows it: its projected start to the minute (HH:MM)."""
    if item is None:
        return None
    return dataclasses.replace(item, projected_start_ms=item.projected_start_ms // 60_000)


def _visible(frames: Frames) -> tuple[object, ...]:
    """What the three screens show of a frame, times as they are shown (Control's seconds tick apart).

    Not the over/under: it is rounded to the nearest second, so over time it turns at the clock's
    half-seconds, which no wake ever aimed at (before this change too). Nor, over time, the planner's
    proposal: it appears the millisecond the day's end passes its deadline (Hypothesis found one 1 ms
    over), which no wake aims at either. For both, every second of the clock is a frame again in
    overtime (test_in_overtime_the_clocks_second_is_a_frame): as fresh as before this change.

    The progress bars step with the digits (the views repaint them at a flip), so the exact fraction between
    two flips is not something a screen shows.
    """
    snap = frames.control
    presenter, projector = frames.presenter, frames.projector
    return (
        dataclasses.replace(presenter, time_of_day_ms=format_tod(presenter.time_of_day_ms), progress=0.0,
                            current=_minute(presenter.current), next=_minute(presenter.next)),
        dataclasses.replace(projector, current=_minute(projector.current), next=_minute(projector.next),
                            coming_up=tuple(map(_minute, projector.coming_up))),
        snap.countdown_text, snap.phase, snap.flash, snap.message_flash, snap.stage, snap.clock_state,
        format_tod(snap.projected_end_ms), snap.proposal if snap.phase != "overtime" else None,
        tuple((item.status, format_tod(item.projected_start_ms), format_tod(item.projected_end_ms))
              for item in snap.items),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start_ms=st.integers(0, 3_600_000),
    into_ms=st.integers(0, 9 * MIN),  # the 5-minute talk, through warning and danger, 4 minutes over
    speed=st.sampled_from([1.0, 1.0, 4.0, 30.0]),
    message=st.booleans(),
)
def test_nothing_a_screen_shows_changes_before_the_frames_say(start_ms: int, into_ms: int, speed: float,
                                                              message: bool) -> None:
    """While a countdown runs, until next_frame_change_ms every frame is what the last one showed, Control's
    seconds apart. In overtime the item's end is now, so the over/under and the projected times move with
    the clock's second: that second is a frame again (the reviewer's find). Stopped, every second is one."""
    clock = FakeClock(tod_ms=NINE - 30 * MIN + start_ms)
    show = _show(clock, speed)
    show.apply(Command("start"))
    if message:
        show.apply(Command("message", "Wrap up"))
    clock.advance(round(into_ms / speed))
    snap = show.snapshot()
    assert snap.running
    before = _visible(build_frames(snap))
    assert snap.next_change_ms <= snap.next_frame_change_ms <= math.ceil(1000 / speed)
    clock.advance(snap.next_frame_change_ms - 1)
    assert _visible(build_frames(show.snapshot())) == before


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tod_ms=NINE)


def test_the_controller_ticks_the_clock_alone_between_two_flips(qtbot, clock: FakeClock) -> None:
    controller = Controller(_show(clock))
    controller.start()
    clock.advance(250)
    controller.apply(Command("start"))
    frames: list[Frames] = []
    clocks: list[int] = []
    controller.frames_changed.connect(frames.append)
    controller.clock_ticked.connect(clocks.append)
    clock.advance(750)  # 09:00:01.000: the clock's second, not the countdown's
    controller.timer.timeout.emit()
    assert clocks == [NINE + 1000] and frames == []
    assert controller.timer.interval() == 250 + SLACK_MS  # armed for the countdown's flip
    clock.advance(250)
    controller.timer.timeout.emit()
    assert len(frames) == 1 and frames[0].control.countdown_text == "4:59"
    assert controller.timer.interval() == 750 + SLACK_MS  # the clock's next second
    controller.stop()


def test_controls_clock_shows_every_second_while_the_countdown_runs(rig: Rig) -> None:
    rig.do("start")
    label = rig.window.status_line.clock_label
    shown = label.text()
    show = rig.controller.show
    rig.demo.wait(ms_to_tod_second(show.tod_ms(show.now_ms())))  # to the clock's next second
    rig.controller.tick()
    assert label.text() != shown and label.text() == format_tod(show.tod_ms(show.now_ms()), seconds=True)


def test_in_overtime_the_clocks_second_is_a_frame() -> None:
    """Over time, "+1:25 behind" and the next items' times move with the clock: each of its seconds is a frame."""
    clock = FakeClock(tod_ms=NINE)
    show = _show(clock)
    clock.advance(250)
    show.apply(Command("start"))
    clock.advance(6 * MIN + 30_000)  # 09:06:30.250: 90 s over, no longer flashing
    snap = show.snapshot()
    assert snap.phase == "overtime" and not snap.flash
    assert snap.next_frame_change_ms == snap.next_change_ms == 750  # the clock's next second, not the flip
