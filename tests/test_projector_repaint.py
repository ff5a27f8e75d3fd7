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

from stagetimer.core.show.frames import projector_frame
from stagetimer.core.show.snapshot import ProjectorFrame
from stagetimer.core.timefmt import format_countdown
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.stage.projector import ProjectorView
from tests.repaint_rig import flip
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


@pytest.mark.parametrize("face", sorted(FACES))
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (320, 180), (3840, 2160)])
@pytest.mark.parametrize("seconds", [754, 750, 600, 60, 1])
def test_a_flip_leaves_the_projector_exactly_as_before(view: ProjectorView, face: str, width: int,
                                                            height: int, seconds: int) -> None:
    view.resize(width, height)
    screen, full, region = flip(view, _frame(face, seconds), _frame(face, seconds - 1))
    assert screen == full, (face, seconds)
    assert region.boundingRect().intersects(view.countdown_rect()), "the digits are repainted at the flip"


@pytest.mark.parametrize("face", ["welcome", "break"])
def test_a_one_digit_flip_repaints_one_digit(view: ProjectorView, face: str) -> None:
    """The welcome's and a break's large digits; the small one over a talk is drawn by Qt, whole (see the view)."""
    view.resize(1920, 1080)
    _screen, _full, region = flip(view, _frame(face, 754), _frame(face, 753))
    whole = view.countdown_dirty_rect()
    assert region.boundingRect().width() < whole.width() / 3


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(face=st.sampled_from(sorted(FACES)), seconds=st.integers(min_value=1, max_value=7200),
       size=st.sampled_from([(1920, 1080), (320, 180), (1366, 768)]))
def test_any_flip_of_any_projector_face_is_exact(view: ProjectorView, face: str, seconds: int,
                                                 size: tuple[int, int]) -> None:
    view.resize(*size)
    screen, full, _region = flip(view, _frame(face, seconds), _frame(face, seconds - 1))
    assert screen == full


@pytest.mark.parametrize("face", ["welcome", "break"])
@pytest.mark.parametrize("ratio", [1.25, 1.5, 1.75])
@pytest.mark.parametrize("seconds", [754, 733, 611])
def test_a_flip_at_a_fractional_scale_leaves_no_seam(view: ProjectorView, face: str, ratio: float,
                                                     seconds: int) -> None:
    """At 125 % the narrowed region's edge falls inside a device pixel, beside an unchanged digit."""
    view.resize(1920, 1080)
    screen, full, _region = flip(view, _frame(face, seconds), _frame(face, seconds - 1), ratio)
    assert screen == full, (face, ratio, seconds)
