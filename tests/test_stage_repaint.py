"""A flip of the countdown repaints only the digits that changed, and the screen ends up exactly as a full paint.

The Presenter repaints a narrow region on most flips (the last digit and the
bar) instead of the whole countdown: cheaper, but a region one pixel too small
would leave a stale sliver of the old digit on the speaker's screen. These
tests paint the old frame, then the new one inside the region the view asks
for, and compare every pixel with the screen the whole countdown's rectangle
gave (what a flip repainted before the region was narrowed).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage, QRegion

from stagetimer.core.show.frames import presenter_frame
from stagetimer.core.show.snapshot import PresenterFrame
from stagetimer.core.timefmt import format_countdown
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.stage.presenter import PresenterView
from tests.repaint_rig import flip, paint
from tests.snapshots_factory import snapshot

protect_none()  # PySide6 6.12.0 on Python < 3.12 (ui/common/refcount_guard.py): these tests paint a lot


@pytest.fixture
def view(qtbot) -> PresenterView:
    widget = PresenterView()
    qtbot.addWidget(widget)
    return widget


def _frame(seconds: int, progress: float) -> PresenterFrame:
    base = presenter_frame(snapshot("normal"))
    return dataclasses.replace(base, countdown_text=format_countdown(seconds * 1000), progress=progress)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (320, 180), (3840, 2160)])
@pytest.mark.parametrize(("seconds", "note"), [
    (754, "12:34 → 12:33: only the last digit"),
    (750, "12:30 → 12:29: two digits"),
    (600, "10:00 → 9:59: every digit moves"),
    (60, "1:00 → 0:59"),
    (1, "0:01 → 0:00"),
])
def test_a_flip_leaves_the_screen_exactly_as_a_fullpaint(view: PresenterView, width: int, height: int,
                                                         seconds: int, note: str) -> None:
    view.resize(width, height)
    screen, full, region = flip(view, _frame(seconds, 0.40), _frame(seconds - 1, 0.41))
    assert screen == full, note
    assert region.boundingRect().intersects(view.countdown_rect()), "the digits are repainted at the flip"


def test_a_one_digit_flip_repaints_a_narrow_region(view: PresenterView) -> None:
    """The saving itself: the last digit and the bar, not the whole countdown."""
    view.resize(1920, 1080)
    _screen, _full, region = flip(view, _frame(754, 0.40), _frame(753, 0.41))
    area = sum(rect.width() * rect.height() for rect in region)
    whole = view.countdown_dirty_rect()
    assert area < whole.width() * whole.height() / 2


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seconds=st.integers(min_value=1, max_value=3599), progress=st.floats(min_value=0.0, max_value=0.99))
def test_any_flip_of_the_presenter_thumbnail_is_exact(view: PresenterView, seconds: int, progress: float) -> None:
    view.resize(320, 180)  # Control's thumbnail: the same view in small (digits drawn as text, not images)
    screen, full, _region = flip(view, _frame(seconds, progress), _frame(seconds - 1, min(progress + 0.01, 1.0)))
    assert screen == full


def test_the_bar_repaints_only_its_moving_end(view: PresenterView) -> None:
    """A 20-minute talk's bar moves a pixel or two a second: its rounded end is repainted, not its 1,800 px.

    And the digit's own ink, not the rows above and below it: the title and the name stay as they are.
    """
    view.resize(1920, 1080)
    _screen, _full, region = flip(view, _frame(754, 0.400), _frame(753, 0.401))
    layout = view.current_layout()
    bar = layout.progress.toAlignedRect()
    bar_part = region.intersected(QRegion(bar))
    width = bar_part.boundingRect().width()
    assert 0 < width < bar.height() * 2, "the end of the fill (its rounded cap), not the whole bar"
    end = layout.progress.left() + layout.progress.width() * (1 - 0.401)
    assert bar_part.boundingRect().left() < end < bar_part.boundingRect().right()
    assert not region.intersects(layout.subtitle.toAlignedRect()), "the speaker's name above is left alone"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["flip", "flip", "tick", "expose"]),
                                st.floats(min_value=0.0, max_value=0.05)), min_size=1, max_size=12),
       start=st.floats(min_value=0.0, max_value=0.9), size=st.sampled_from([(1920, 1080), (320, 180)]))
def test_after_any_flips_ticks_and_exposes_the_bar_is_exact(view: PresenterView, steps: list[tuple[str, float]],
                                                           start: float, size: tuple[int, int]) -> None:
    """Between flips the frame's bar moves without a repaint (the time of day's tick); a window may be exposed.

    Whatever happened in between, after a flip's repaint the screen is exactly the flip's frame painted whole.
    """
    view.resize(*size)
    seconds, progress = 900, start
    frame = _frame(seconds, progress)
    view.show_frame(frame)
    screen = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    paint(view, screen)
    regions: list[QRegion] = []
    view.update = lambda *area: regions.append(QRegion(*area) if area else QRegion(view.rect()))  # type: ignore[method-assign]
    try:
        for kind, step in steps:
            progress = min(1.0, progress + step)
            if kind == "expose":  # the window system asks for all of it: painted with the frame it has now
                paint(view, screen)
                continue
            seconds -= kind == "flip"
            view.show_frame(_frame(seconds, progress))
            if kind == "flip":
                pending = QRegion()
                for region in regions:
                    pending += region
                regions.clear()
                paint(view, screen, pending)
                expected = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
                paint(view, expected)
                assert screen == expected
    finally:
        del view.update


@pytest.mark.parametrize("ratio", [1.25, 1.5, 1.75])
@pytest.mark.parametrize("seconds", [754, 733, 611])
def test_a_flip_at_a_fractional_scale_leaves_no_seam(view: PresenterView, ratio: float, seconds: int) -> None:
    """At 125 % the narrowed region's edge falls inside a device pixel, beside an unchanged digit."""
    view.resize(1920, 1080)
    screen, full, _region = flip(view, _frame(seconds, 0.40), _frame(seconds - 1, 0.41), ratio)
    assert screen == full, (ratio, seconds)
