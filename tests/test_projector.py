"""The audience's screen: what it shows in each phase, and what it never shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from stagetimer.core.show.snapshot import ClockState
from stagetimer.core.timefmt import format_countdown, format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.stage.projector import ProjectorView
from tests.snapshots_factory import (
    LONG_EVENT_TITLE,
    LONG_TITLES,
    MESSAGE,
    NOTE,
    snapshot,
)
from tests.view_probe import drawn_texts, ink_colour, pixel, render, rgb, share_of

# PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call
# (see stagetimer/ui/refcount_guard.py); these tests paint a lot.
protect_none()

OPERATOR_WORDS = ("PAUSED", "READY", "TIME IS UP", "일시 정지", "준비", "시간 종료", MESSAGE, NOTE)


@pytest.fixture
def view(qtbot) -> ProjectorView:
    widget = ProjectorView()
    qtbot.addWidget(widget)
    return widget


def _bytes(image: QImage) -> bytes:
    return bytes(image.convertToFormat(QImage.Format.Format_RGB888).constBits())


def test_now_and_next_for_the_audience(view: ProjectorView) -> None:
    snap = snapshot("normal")
    assert snap.current is not None and snap.next is not None
    text = " ".join(drawn_texts(view, snap))
    for expected in (snap.event_title, snap.current.section_title, "현재", snap.current.title, "다음",
                     snap.next.title, format_tod(snap.next.projected_start_ms)):
        assert expected and expected in text
    assert (snap.current.speaker_text or snap.current.organisation) in text


def test_speaker_and_organisation_are_both_shown(view: ProjectorView) -> None:
    snap = snapshot("normal", current__speakers=("홍길동 대표",), current__organisation="쿠도커뮤니케이션")
    texts = drawn_texts(view, snap)
    assert "홍길동 대표" in texts and "쿠도커뮤니케이션" in texts


@pytest.mark.parametrize("state", ["normal", "paused", "ready", "message-flash", "message", "flash", "overtime-flash"])
def test_operator_information_never_reaches_the_audience(view: ProjectorView, state: str) -> None:
    snap = snapshot(state, current__note=NOTE, next__note=NOTE)
    text = " ".join(drawn_texts(view, snap))
    for word in OPERATOR_WORDS:
        assert word not in text
    # no over/under either (the show is running late here)
    assert snap.over_under_ms == 0 or "+" not in text


def test_pause_message_note_and_flash_change_nothing_on_the_projector(view: ProjectorView) -> None:
    plain = snapshot("normal")
    busy = snapshot(
        "normal", clock_state=ClockState.PAUSED, message=MESSAGE, message_flash=True, flash=True,
        over_under_ms=200_000, current__note=NOTE,
    )
    assert _bytes(render(view, plain)) == _bytes(render(ProjectorView(), busy))


@pytest.mark.parametrize("state", ["blackout", "break", "welcome", "closing", "projector-countdown"])
def test_blackout_is_entirely_black_whatever_else_is_going_on(view: ProjectorView, state: str) -> None:
    image = render(view, snapshot(state, blackout=True))
    assert set(_bytes(image)) == {0}
    assert drawn_texts(view, snapshot(state, blackout=True)) == []


def test_the_small_countdown_is_off_by_default_and_shows_when_asked(view: ProjectorView) -> None:
    off = snapshot("normal")
    assert not off.projector_countdown
    assert off.countdown_text not in drawn_texts(view, off)
    assert view.countdown_rect().isEmpty()
    on = snapshot("projector-countdown")
    assert on.countdown_text in drawn_texts(view, on)
    image = render(view, on)
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.FOREGROUND)


def test_the_break_screen_counts_down_to_the_resume_time(view: ProjectorView) -> None:
    snap = snapshot("break")
    assert snap.resume_ms is not None
    texts = drawn_texts(view, snap)
    assert "휴식" in texts
    assert snap.countdown_text in texts
    assert f"{format_tod(snap.resume_ms)}에 다시 시작합니다" in texts
    assert snap.next is not None and snap.next.title in " ".join(texts)
    image = render(view, snap)
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.ACCENT)


def test_the_welcome_screen_before_the_first_item(view: ProjectorView) -> None:
    snap = snapshot("welcome")
    text = " ".join(drawn_texts(view, snap))
    assert snap.event_title in text and snap.venue in text
    assert "2025" in text  # the date, in the agenda's language
    assert f"{format_tod(snap.planned_start_ms)} 시작" in text
    assert format_countdown(snap.welcome_remaining_ms) in text
    image = render(view, snap)
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.FOREGROUND)


def test_once_the_start_time_passes_the_welcome_says_starting_soon(view: ProjectorView) -> None:
    snap = snapshot("welcome", welcome_remaining_ms=0)
    texts = drawn_texts(view, snap)
    assert "곧 시작합니다" in texts and "0:00" not in texts


def test_the_closing_screen_thanks_the_audience(view: ProjectorView) -> None:
    snap = snapshot("closing")
    text = " ".join(drawn_texts(view, snap))
    assert "감사합니다" in text and snap.event_title in text


#: The test logo's mark (tests/fixtures/logo.svg): a blue no screen element uses.
LOGO_BLUE = QColor("#3b82f6")
LOGO_SVG = Path(__file__).resolve().parent / "fixtures" / "logo.svg"


def _logo_share(view: ProjectorView, state: str, area: QRect) -> float:
    return share_of(render(view, snapshot(state)), area, LOGO_BLUE, tolerance=4, step=1)


@pytest.mark.parametrize("state", ["normal", "break", "welcome", "closing"])
def test_no_logo_means_no_placeholder_and_no_hole(view: ProjectorView, state: str) -> None:
    """The agenda names no logo: nothing is drawn where one would be (no "LOGO" box at a government event)."""
    image = render(view, snapshot(state))
    top = QRect(0, 0, 1920, 60 if state in ("normal", "break") else 150)
    assert ink_colour(image, top, theme.BACKGROUND) is None  # nothing but the background up there
    if state in ("normal", "break"):  # the event title takes the logo's place, at the margin
        assert ink_colour(image, QRect(96, 50, 200, 60), theme.BACKGROUND) == rgb(theme.FOREGROUND)


@pytest.mark.parametrize("state", ["normal", "break", "welcome", "closing"])
def test_the_agendas_logo_is_drawn_on_every_face(qtbot, state: str) -> None:
    view = ProjectorView(logo_path=str(LOGO_SVG))
    qtbot.addWidget(view)
    assert view.logo_error == ""
    assert _logo_share(view, state, QRect(0, 0, 1920, 300)) > 0.002


def test_a_png_logo_and_a_logo_changed_by_a_live_edit(qtbot, tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(LOGO_BLUE)
    assert image.save(str(png), "PNG")
    view = ProjectorView()
    qtbot.addWidget(view)
    assert _logo_share(view, "normal", QRect(0, 0, 1920, 200)) == 0
    view.set_logo(str(png))
    assert _logo_share(view, "normal", QRect(0, 0, 1920, 200)) > 0.01
    view.set_logo("")
    assert _logo_share(view, "normal", QRect(0, 0, 1920, 200)) == 0


def test_a_logo_qt_cannot_draw_is_reported_and_left_out(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "logo.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # the core's signature check passes
    view = ProjectorView(logo_path=str(damaged))
    qtbot.addWidget(view)
    assert "logo.png" in view.logo_error and "cannot be drawn" in view.logo_error
    assert ink_colour(render(view, snapshot("normal")), QRect(96, 50, 200, 60), theme.BACKGROUND) == \
        rgb(theme.FOREGROUND)  # no hole: the title sits at the margin


def test_a_break_lists_what_comes_after_it_with_times(view: ProjectorView) -> None:
    snap = snapshot("break")
    frame = ProjectorView.frame_of(snap)
    assert len(frame.coming_up) >= 2
    text = " ".join(drawn_texts(view, snap))
    assert "이어서" in text and "휴식" in text  # the agenda's language: Korean
    for item in frame.coming_up:
        assert item.title in text and format_tod(item.projected_start_ms) in text
    assert "다음" not in text  # the list replaces the single NEXT block


def test_the_optional_countdown_never_shows_overtime(view: ProjectorView) -> None:
    over = snapshot("overtime", projector_countdown=True)
    texts = drawn_texts(view, over)
    assert not any(text.startswith("+") for text in texts)
    assert over.countdown_text not in texts


@pytest.mark.parametrize("title", LONG_TITLES)
def test_long_korean_titles_wrap_whole_on_the_projector(view: ProjectorView, title: str) -> None:
    snap = snapshot("normal", event_title=LONG_EVENT_TITLE, current__title=title, next__title=title)
    for size in ((1920, 1080), (320, 180)):
        text = " ".join(drawn_texts(view, snap, *size))
        assert text.count(title) == 2  # now and next
        assert LONG_EVENT_TITLE in text


def test_a_thumbnail_is_the_same_picture_in_small(view: ProjectorView) -> None:
    big = render(view, snapshot("normal"))
    small = render(ProjectorView(), snapshot("normal"), 320, 180)
    # The same layout: the title ink sits in the same place, scaled.
    assert ink_colour(big, QRect(96, 260, 900, 200), theme.BACKGROUND) == rgb(theme.FOREGROUND)
    assert ink_colour(small, QRect(16, 43, 150, 33), theme.BACKGROUND) == rgb(theme.FOREGROUND)
    assert pixel(small, 2, 2) == rgb(theme.BACKGROUND)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (3840, 2160), (320, 180)])
def test_a_parenthesised_group_stays_on_one_line_of_the_projector(view: ProjectorView, size: tuple[int, int]) -> None:
    title = "인공지능 기초 모형(AI파운데이션 모델) 개발을 위한 학습용 데이터 구축"
    lines = drawn_texts(view, snapshot("normal", current__title=title, next__title=title), *size)
    assert sum("모형(AI파운데이션 모델)" in line for line in lines) == 2, lines  # now and next
    assert not any(line.endswith("모형(AI파운데이션") for line in lines)
