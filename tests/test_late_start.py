"""Before the show: the speaker's welcome counts down to the planned start, then says how late it is.

Control's over/under and the Presenter's big digits are one figure from one
frame (issue 11: "시작까지 0:00" on stage while Control said "+4:56 지연").
"""

from __future__ import annotations

from agenda_factory import MIN, make_agenda

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import format_offset, parse_time_of_day


def test_the_welcome_counts_down_then_counts_the_lateness_that_control_shows() -> None:
    clock = FakeClock(tod_ms=parse_time_of_day("09:58"))
    show = Show(make_agenda([("a", "talk", "10m"), ("b", "talk", "5m")]), clock)

    before = build_frames(show.snapshot())
    assert (before.presenter.countdown_text, before.presenter.late_start) == ("2:00", False)
    assert before.projector.countdown_text == "2:00" and not before.projector.doors_open

    clock.advance(2 * MIN)  # exactly the planned start: nothing is late yet
    at_start = build_frames(show.snapshot())
    assert (at_start.presenter.countdown_text, at_start.presenter.late_start) == ("0:00", False)

    clock.advance(4 * MIN + 56_000)
    late = build_frames(show.snapshot())
    assert late.control.over_under_ms == 4 * MIN + 56_000
    assert late.presenter.late_start
    assert late.presenter.countdown_text == "+4:56" == format_offset(late.control.over_under_ms)
    # The audience is not alarmed: the doors are open, no figure, no lateness.
    assert late.projector.doors_open and late.projector.countdown_text == ""

    show.apply(Command("start"))
    live = build_frames(show.snapshot())
    assert not live.presenter.late_start and live.presenter.countdown_text == "10:00"


def test_the_presenter_frame_speaks_the_agendas_language() -> None:
    show = Show(make_agenda([("a", "talk", "10m")]), FakeClock(tod_ms=parse_time_of_day("09:00")))
    frames = build_frames(show.snapshot())
    assert frames.presenter.language == frames.control.language == frames.projector.language


def test_controls_big_digits_are_the_speakers_before_and_after_the_planned_start(qapp) -> None:
    from stagetimer.ui.control.panels import current_face, show_offset_text

    clock = FakeClock(tod_ms=parse_time_of_day("09:58"))
    show = Show(make_agenda([("a", "talk", "10m")]), clock)
    for advance in (0, 2 * MIN, 4 * MIN + 56_000):
        clock.advance(advance)
        frames = build_frames(show.snapshot())
        assert current_face(frames.control).countdown == frames.presenter.countdown_text
    assert current_face(frames.control).countdown == "+4:56"
    assert current_face(frames.control).elapsed == "late start"
    assert show_offset_text(frames.control.over_under_ms) == "+4:56 behind"
