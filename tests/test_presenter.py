"""The speaker's screen, looked at: colours, sizes and words a speaker relies on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from stagetimer.core.show.frames import presenter_frame
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.timefmt import format_countdown, format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.stage.presenter import PresenterView, scene_key
from tests.snapshots_factory import LONG_TITLES, MESSAGE, snapshot
from tests.view_probe import (
    drawn_texts,
    ink_colour,
    ink_height,
    pixel,
    render,
    rgb,
    share_of,
)
from tools.demo_show import demo_show

WHITE, AMBER, RED = rgb(theme.FOREGROUND), rgb(theme.phase_colour("warning")), rgb(theme.phase_colour("danger"))


# PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call
# (see stagetimer/ui/refcount_guard.py); these tests paint a lot.
protect_none()


@pytest.fixture
def view(qtbot) -> PresenterView:
    widget = PresenterView()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("state", "phase", "colour"),
    [
        ("normal", "normal", WHITE),
        ("warning", "warning", AMBER),
        ("danger", "danger", RED),
        ("overtime", "overtime", RED),
    ],
)
def test_the_countdown_is_drawn_in_its_phase_colour(view: PresenterView, state: str, phase: str, colour) -> None:
    snap = snapshot(state)
    assert snap.phase == phase and not snap.flash
    image = render(view, snap)
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == colour
    assert pixel(image, 3, 3) == rgb(theme.BACKGROUND)


def test_overtime_counts_up_in_red_with_a_plus(view: PresenterView) -> None:
    snap = snapshot("overtime")
    assert snap.countdown_text == "+1:25"
    assert "+1:25" in drawn_texts(view, snap)
    assert "TIME IS UP" in drawn_texts(view, snap)


def test_entering_overtime_flashes_the_whole_screen_red_then_it_stays_steady(view: PresenterView) -> None:
    demo = demo_show("overtime-flash")
    flashing = render(view, demo.snapshot())
    assert pixel(flashing, 3, 3) == RED  # the whole field turns red...
    assert ink_colour(flashing, view.countdown_rect(), theme.phase_colour("overtime")) == rgb(theme.BACKGROUND)
    demo.wait(11_000)  # ...for about ten seconds, then steady red digits on black
    steady = render(view, demo.snapshot())
    assert pixel(steady, 3, 3) == rgb(theme.BACKGROUND)
    assert ink_colour(steady, view.countdown_rect(), theme.BACKGROUND) == RED


def test_a_manual_flash_inverts_the_screen(view: PresenterView) -> None:
    snap = snapshot("flash")
    assert snap.flash and snap.phase == "normal"
    image = render(view, snap)
    assert pixel(image, 3, 3) == WHITE
    assert ink_colour(image, view.countdown_rect(), theme.FOREGROUND) == rgb(theme.BACKGROUND)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720), (3840, 2160), (320, 180)])
def test_the_digits_are_over_a_third_of_the_screen_height(view: PresenterView, width: int, height: int) -> None:
    # 35% of a 32-inch panel is 14 cm: the digits are read from far past 5 m, and the title
    # and the next item above and below them are too (test_presenter_legibility.py).
    image = render(view, snapshot("ready"), width, height)  # "20:00": the widest m:ss there is
    assert ink_height(image, view.countdown_rect(), theme.BACKGROUND) >= 0.35 * height


def test_the_countdown_stays_above_30_percent_while_a_message_is_up(view: PresenterView) -> None:
    image = render(view, snapshot("message"))
    assert ink_height(image, view.countdown_rect(), theme.BACKGROUND) >= 0.30 * 1080
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.phase_colour("warning"))


def test_paused_is_a_band_across_the_screen_and_blue_digits(view: PresenterView) -> None:
    snap = snapshot("paused")
    assert snap.paused and snap.started
    image = render(view, snap)
    band = view.current_layout().status.toAlignedRect()
    # Seen from the back of the room: a band as wide as the screen and a tenth of its height,
    # and digits in a colour no running clock has (white, amber, red).
    assert band.width() == 1920 and band.height() >= 0.1 * 1080
    assert share_of(image, band, theme.PAUSED) > 0.75
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.PAUSED)
    assert rgb(theme.PAUSED) not in {rgb(theme.phase_colour(phase)) for phase in theme.PHASE_COLOURS}
    texts = drawn_texts(view, snap)
    assert "PAUSED" in texts and snap.next is not None and snap.next.title in " ".join(texts)


def test_paused_with_a_message_up_keeps_the_blue_digits_and_a_badge(view: PresenterView) -> None:
    snap = snapshot("paused", message=MESSAGE)
    image = render(view, snap)
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == rgb(theme.PAUSED)
    assert share_of(image, view.current_layout().status.toAlignedRect(), theme.PAUSED) > 0.05
    assert "PAUSED" in drawn_texts(view, snap)


def test_a_running_clock_has_no_badge(view: PresenterView) -> None:
    snap = snapshot("normal")
    image = render(view, snap)
    assert share_of(image, view.current_layout().status.toAlignedRect(), theme.PAUSED) == 0
    texts = drawn_texts(view, snap)
    assert "PAUSED" not in texts and "READY" not in texts


def test_ready_is_told_apart_from_paused(view: PresenterView) -> None:
    snap = snapshot("ready")
    assert snap.paused and not snap.started
    image = render(view, snap)
    texts = drawn_texts(view, snap)
    assert "READY" in texts and "PAUSED" not in texts
    # An outline, not the filled white badge; the full time at full brightness.
    assert share_of(image, view.current_layout().status.toAlignedRect(), theme.PAUSED) == 0
    assert ink_colour(image, view.countdown_rect(), theme.BACKGROUND) == WHITE


def test_the_speaker_sees_title_speaker_next_item_and_time_of_day(view: PresenterView) -> None:
    snap = snapshot("normal")
    assert snap.current is not None and snap.next is not None
    text = " ".join(drawn_texts(view, snap))
    assert snap.current.title in text
    assert snap.current.speaker_text or snap.current.organisation
    assert (snap.current.speaker_text or snap.current.organisation) in text
    assert f"NEXT {format_tod(snap.next.projected_start_ms)}" in text
    assert snap.next.title in text
    assert format_tod(snap.time_of_day_ms) in text
    assert snap.countdown_text in text


def test_the_message_crosses_the_screen_inverted_as_it_arrives(view: PresenterView) -> None:
    arriving = snapshot("message-flash")
    assert arriving.message == MESSAGE and arriving.message_flash
    image = render(view, arriving)
    band = view.current_layout().message.toAlignedRect()
    assert band.width() == 1920 and band.height() > 0.2 * 1080
    assert share_of(image, band, theme.MESSAGE_FOREGROUND) > 0.6
    assert MESSAGE in drawn_texts(view, arriving)
    settled = render(view, snapshot("message"))
    assert share_of(settled, band, theme.MESSAGE_BACKGROUND) > 0.6


def test_a_message_does_not_take_the_next_item_away(view: PresenterView) -> None:
    snap = snapshot("message")
    assert snap.next is not None
    texts = " ".join(drawn_texts(view, snap))
    assert MESSAGE in texts and snap.next.title in texts
    assert f"NEXT {format_tod(snap.next.projected_start_ms)}" in texts
    layout = view.current_layout()
    assert not layout.next.intersects(layout.message)


def test_the_speakers_note_is_shown_under_the_title_not_the_private_note(view: PresenterView) -> None:
    snap = snapshot("normal", current__presenter_note="질의응답은 사회자가 진행", current__note="비공개 메모")
    texts = " ".join(drawn_texts(view, snap))
    assert "질의응답은 사회자가 진행" in texts and "비공개 메모" not in texts
    image = render(view, snap)
    # Quieter than the title and apart from the digits: its own colour, in the row under the title.
    assert ink_colour(image, view.current_layout().subtitle.toAlignedRect(), theme.BACKGROUND) == rgb(theme.NOTE)
    assert not view.current_layout().subtitle.intersects(view.current_layout().digits)


def test_before_the_show_it_counts_down_to_the_start(view: PresenterView) -> None:
    snap = snapshot("welcome")
    texts = " ".join(drawn_texts(view, snap))
    assert format_countdown(snap.welcome_remaining_ms) == "4:48"
    assert "4:48" in texts and "Starts in" in texts
    assert snap.next is not None and snap.next.title in texts
    assert snap.event_title in texts


def test_a_break_counts_down_to_the_resume_time(view: PresenterView) -> None:
    snap = snapshot("break")
    assert snap.resume_ms is not None
    texts = " ".join(drawn_texts(view, snap))
    assert "Break" in texts
    assert f"Resumes at {format_tod(snap.resume_ms)}" in texts
    assert snap.countdown_text in texts


def test_after_the_last_item_a_calm_closing_screen(view: PresenterView) -> None:
    snap = snapshot("closing")
    texts = drawn_texts(view, snap)
    assert "The programme has ended" in texts
    assert snap.event_title in " ".join(texts)
    image = render(view, snap)
    # No countdown, no colour: only the clock and two lines of text.
    assert ink_height(image, view.countdown_rect(), theme.BACKGROUND) < 0.2 * 1080


@pytest.mark.parametrize("title", LONG_TITLES)
def test_long_korean_titles_are_drawn_whole(view: PresenterView, title: str) -> None:
    snap = snapshot("normal", current__title=title)
    assert title in " ".join(drawn_texts(view, snap))
    assert title in " ".join(drawn_texts(view, snap, 320, 180))


def test_the_header_shows_hangul_in_pretendard(view: PresenterView) -> None:
    snap = snapshot("normal")
    image = render(view, snap)
    title = view.current_layout().title.toAlignedRect()
    assert ink_colour(image, title, theme.BACKGROUND) == WHITE
    assert any("\uac00" <= char <= "\ud7a3" for char in snap.current.title)


def test_consecutive_seconds_repaint_only_the_countdown(qtbot, view: PresenterView) -> None:
    demo = demo_show("normal")
    first = demo.snapshot()
    second = demo.wait(1000).snapshot()
    assert scene_key(presenter_frame(first)) == scene_key(presenter_frame(second))
    assert first.countdown_text != second.countdown_text
    assert scene_key(presenter_frame(first)) != scene_key(presenter_frame(demo.do("message", MESSAGE).snapshot()))
    # What reaches the screen after the cheap repaint is what a full repaint draws.
    view.resize(640, 360)
    view.show_frame(presenter_frame(first))
    view.show()
    qtbot.waitExposed(view)
    view.show_frame(presenter_frame(second))
    QApplication.processEvents()
    on_screen = view.screen().grabWindow(view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB888)
    full = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    # Equal up to antialiasing (glyph edges may rasterise a shade apart under a clip).
    worst = max(abs(a - b) for a, b in zip(bytes(on_screen.constBits()), bytes(full.constBits()), strict=True))
    assert worst <= 32


def _paints_after(qtbot, view: PresenterView, first: Snapshot, second: Snapshot, width: int, height: int) -> list:
    """The rectangles painted when ``second`` follows ``first`` on a shown view."""
    view.resize(width, height)
    view.show_frame(presenter_frame(first))
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # the first, full paint
    painted: list[object] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())  # type: ignore[attr-defined]
            return False

    spy = PaintSpy(view)
    view.installEventFilter(spy)
    view.show_frame(presenter_frame(second))
    QApplication.processEvents()
    view.removeEventFilter(spy)
    return painted


def test_between_two_countdown_seconds_nothing_is_repainted(qtbot, view: PresenterView) -> None:
    demo = demo_show("normal")
    first = demo.snapshot()
    # The time of day's tick, half a second on: the operator's clock moved; the digits did not,
    # and the bar moves with them (a full-screen bar would have crept by a pixel or two).
    second = demo.wait(500).snapshot()
    assert first.countdown_text == second.countdown_text and first.progress != second.progress
    assert scene_key(presenter_frame(first)) == scene_key(presenter_frame(second))
    assert _paints_after(qtbot, view, first, second, 1920, 1080) == []


@pytest.mark.parametrize("state", ["welcome", "break", "closing"])
def test_a_message_reaches_the_speaker_before_during_and_after_the_programme(view: PresenterView, state: str) -> None:
    snap = snapshot(state, message=MESSAGE)
    assert MESSAGE in drawn_texts(view, snap)
    image = render(view, snap)
    assert share_of(image, view.current_layout().message.toAlignedRect(), theme.MESSAGE_BACKGROUND) > 0.6
