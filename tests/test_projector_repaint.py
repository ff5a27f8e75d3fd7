"""A flip of the projector's countdown repaints the changed digits only, and the screen ends up as a full paint.

The welcome's countdown (and a break's) flips every second under a face of
text; repainting its whole row, or drawing the title, the date and the venue
again each second (clipped away), cost the welcome screen more CPU than a
running item. These tests paint the old frame, then the new one inside the
region the view asks for, and compare every pixel with what a flip did before:
the whole countdown rectangle repainted with every part of the face drawn.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QRegion

from stagetimer.core.show.frames import projector_frame
from stagetimer.core.show.snapshot import ProjectorFrame
from stagetimer.core.timefmt import format_countdown
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.stage.projector import ProjectorView
from tests.snapshots_factory import snapshot

protect_none()  # PySide6 6.12.0 on Python < 3.12 (ui/common/refcount_guard.py): these tests paint a lot

#: The faces with a countdown: the welcome's, a break's, and the optional small one over a talk.
FACES = {
    "welcome": lambda: projector_frame(snapshot("welcome")),
    "break": lambda: projector_frame(snapshot("break")),
    "small": lambda: projector_frame(snapshot("normal", projector_countdown=True)),
}


@pytest.fixture
def view(qtbot) -> ProjectorView:
    widget = ProjectorView()
    qtbot.addWidget(widget)
    return widget


def _frame(face: str, seconds: int) -> ProjectorFrame:
    base = FACES[face]()
    assert base.countdown_text, face
    return dataclasses.replace(base, countdown_text=format_countdown(seconds * 1000))


def _paint(view: ProjectorView, image: QImage, region: QRegion | None = None) -> None:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # as StageView.paintEvent
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if region is None:
        view.paint(painter, QRectF(view.rect()))
    else:
        painter.setClipRegion(region)  # what Qt's backing store does for an update(region)
        view.paint(painter, QRectF(region.boundingRect()))
    painter.end()


def _flip(view: ProjectorView, before: ProjectorFrame, after: ProjectorFrame,
          ratio: float = 1.0) -> tuple[QImage, QImage, QRegion]:
    """(the screen after the flip's repaint, after the repaint a flip made before, the region asked for).

    ``ratio``: the screen's scale (1.25 is Windows' 125 %), the device pixels behind each of the view's.
    """
    regions: list[QRegion] = []
    view.show_frame(before)
    screen = QImage(round(view.width() * ratio), round(view.height() * ratio),
                    QImage.Format.Format_ARGB32_Premultiplied)
    screen.setDevicePixelRatio(ratio)
    _paint(view, screen)
    view.update = lambda *area: regions.append(QRegion(*area) if area else QRegion(view.rect()))  # type: ignore[method-assign]
    view.show_frame(after)
    del view.update
    assert len(regions) == 1, "a changed countdown asks for exactly one repaint"
    full = screen.copy()
    _paint(view, screen, regions[0])
    # What a flip repainted before: the countdown's whole rectangle, with every part of the face drawn (clipped).
    painter = QPainter(full)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(view.countdown_dirty_rect())
    view.paint(painter, QRectF(view.rect()))
    painter.end()
    return screen, full, regions[0]


@pytest.mark.parametrize("face", sorted(FACES))
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (320, 180), (3840, 2160)])
@pytest.mark.parametrize("seconds", [754, 750, 600, 60, 1])
def test_a_flip_leaves_the_projector_exactly_as_before(view: ProjectorView, face: str, width: int,
                                                            height: int, seconds: int) -> None:
    view.resize(width, height)
    screen, full, region = _flip(view, _frame(face, seconds), _frame(face, seconds - 1))
    assert screen == full, (face, seconds)
    assert region.boundingRect().intersects(view.countdown_rect()), "the digits are repainted at the flip"


@pytest.mark.parametrize("face", ["welcome", "break"])
def test_a_one_digit_flip_repaints_one_digit(view: ProjectorView, face: str) -> None:
    """The welcome's and a break's large digits; the small one over a talk is drawn by Qt, whole (see the view)."""
    view.resize(1920, 1080)
    _screen, _full, region = _flip(view, _frame(face, 754), _frame(face, 753))
    whole = view.countdown_dirty_rect()
    assert region.boundingRect().width() < whole.width() / 3


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(face=st.sampled_from(sorted(FACES)), seconds=st.integers(min_value=1, max_value=7200),
       size=st.sampled_from([(1920, 1080), (320, 180), (1366, 768)]))
def test_any_flip_of_any_projector_face_is_exact(view: ProjectorView, face: str, seconds: int,
                                                 size: tuple[int, int]) -> None:
    view.resize(*size)
    screen, full, _region = _flip(view, _frame(face, seconds), _frame(face, seconds - 1))
    assert screen == full


@pytest.mark.parametrize("face", ["welcome", "break"])
@pytest.mark.parametrize("ratio", [1.25, 1.5, 1.75])
@pytest.mark.parametrize("seconds", [754, 733, 611])
def test_a_flip_at_a_fractional_scale_leaves_no_seam(view: ProjectorView, face: str, ratio: float,
                                                     seconds: int) -> None:
    """At 125 % the narrowed region's edge falls inside a device pixel, beside an unchanged digit."""
    view.resize(1920, 1080)
    screen, full, _region = _flip(view, _frame(face, seconds), _frame(face, seconds - 1), ratio)
    assert screen == full, (face, ratio, seconds)
