"""Control on the laptop it really runs on: 1366×768 beside the stage windows, never growing, scaled on 4K.

What a stage manager would notice: the window wider than its tile (it then
covers the Presenter and Projector windows), a window that widens itself
when a long notice arrives, a key cap cut to "hift+", the big digits drawn
over their badge, a title column seven characters wide.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_table import COLUMN
from stagetimer.ui.placement import Rect, windowed_layout
from tests.control_rig import Rig

#: A 1366×768 laptop less a 40 px task bar, and a window frame of 30 px title bar and 1 px borders.
LAPTOP = Rect(0, 0, 1366, 768 - 40)
FRAME_W, FRAME_H = 2, 31
LONG = "매우 긴 공지: " + "발표자 교체로 인하여 다음 세션의 시작 시간이 변경되었습니다 " * 6


def tile() -> QSize:
    """The client area Control gets in the one-screen layout on the laptop."""
    control = windowed_layout(LAPTOP)["control"]
    return QSize(control.width - FRAME_W, control.height - FRAME_H)


def shown(rig: Rig, size: QSize) -> Rig:
    rig.window.menuBar().addMenu("&Screens")  # as the app adds it
    rig.window.resize(size)
    rig.window.show()
    QApplication.processEvents()
    return rig


def geometry_in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def test_the_minimum_fits_the_one_screen_tile_of_a_1366_by_768_laptop(rig: Rig) -> None:
    rig.to_item(10, 60_000).do("message", "질문 1개만 받겠습니다").do("pause")
    needed = rig.window.minimumSizeHint()
    assert needed.width() <= tile().width(), (needed, tile())
    assert needed.height() <= tile().height(), (needed, tile())


def test_a_long_notice_title_or_message_never_resizes_the_window(rig: Rig) -> None:
    shown(rig, tile())
    rig.to_item(3, 60_000)
    before, minimum = rig.window.size(), rig.window.minimumSizeHint()
    rig.do("message", "마무리 부탁드립니다 " * 5)
    rig.window.notify(LONG, warning=True)
    rig.window.status_line.show_recovered(LONG)
    QApplication.processEvents()
    assert rig.window.size() == before
    assert rig.window.minimumSizeHint() == minimum
    notice = rig.window.notice_label
    assert notice.is_elided() and notice.toolTip() == LONG  # cut on screen, whole on hover
    assert notice.shown_lines()[0].endswith("…")


def test_at_the_laptop_tile_nothing_overlaps_and_the_title_column_has_room(rig: Rig) -> None:
    shown(rig, tile())
    rig.to_item(rig.demo.index_of_longest_title(), 60_000).do("pause")
    QApplication.processEvents()  # the layout, as the next paint sees it
    window = rig.window
    panel = window.current_panel
    digits, badge = geometry_in_window(panel.countdown_label), geometry_in_window(panel.state_badge)
    assert not digits.intersects(badge), (digits, badge)  # the big 0:00 never over its badge
    assert badge.right() <= geometry_in_window(panel).right()
    badge_label = panel.state_badge
    assert badge_label.height() >= badge_label.heightForWidth(badge_label.width())  # the whole "PAUSED" badge
    for button in window.buttons.values():  # every key cap whole: no "hift+", no "trl+Z"
        assert button.key_label.width() >= button.key_label.sizeHint().width(), button.key_label.text()
    rows = [geometry_in_window(w) for w in (window.status_line, panel, window.message_bar, window.table,
                                            window.button_panel)]
    for upper, lower in pairwise(rows):
        assert upper.bottom() < lower.top(), (upper, lower)
    title = window.table.columnWidth(COLUMN["title"])
    assert title >= 0.35 * window.table.viewport().width()  # was about 7 characters
    assert title >= 20 * style.BASE_PX


def test_on_a_4k_screen_everything_is_drawn_twice_as_large(rig: Rig) -> None:
    shown(rig, QSize(1366, 738))
    rig.to_item(3, 60_000)
    small_digits = rig.window.current_panel.countdown_label.height()
    small_thumb = rig.window.presenter_thumbnail.width()
    rig.window.fit_screen(QSize(3840, 2160 - 40))
    rig.window.resize(3840, 2160 - 70)
    QApplication.processEvents()
    assert rig.window.scale == 2.0
    assert rig.window.current_panel.countdown_label.height() >= 1.8 * small_digits
    assert rig.window.presenter_thumbnail.width() >= 1.8 * small_thumb
    assert rig.window.minimumSizeHint().width() <= 3840


def test_a_1080p_or_smaller_screen_keeps_the_designed_sizes() -> None:
    assert style.scale_for(1366, 728) == 1.0
    assert style.scale_for(1920, 1040) == 1.0
    assert style.scale_for(3840, 2120) == 2.0
