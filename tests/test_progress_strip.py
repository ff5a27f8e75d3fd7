"""The Control window's time-used bar: the right share, the phase colour, and no needless repaints."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from stagetimer.ui.common import theme
from stagetimer.ui.common.progress_strip import RANGE, ProgressStrip

PANEL = QColor("#23272e")


def _strip(qtbot, width: int = 400) -> ProgressStrip:
    strip = ProgressStrip(PANEL)
    qtbot.addWidget(strip)
    strip.resize(width, 8)
    strip.show()
    qtbot.waitExposed(strip)
    QApplication.processEvents()
    return strip


def test_the_used_share_is_drawn_from_the_left_in_the_phase_colour(qtbot) -> None:
    strip = _strip(qtbot)
    amber = theme.phase_colour("warning")
    strip.set_value(RANGE // 4, amber)
    image = strip.grab().toImage()
    assert image.pixelColor(50, 4) == amber  # inside the first quarter
    assert image.pixelColor(300, 4) == theme.TRACK  # the time still left
    assert strip.value() == RANGE // 4 and strip.colour() == amber


def test_a_step_smaller_than_a_pixel_repaints_nothing(qtbot) -> None:
    strip = _strip(qtbot, width=300)
    normal = theme.phase_colour("normal")
    strip.set_value(500, normal)
    QApplication.processEvents()
    paints: list[int] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    spy = Spy(strip)
    strip.installEventFilter(spy)
    strip.set_value(501, normal)  # 0.3 px further: nobody could see it
    QApplication.processEvents()
    assert paints == []
    strip.set_value(505, normal)  # 1.5 px: the end moved
    QApplication.processEvents()
    assert paints == [1]
    strip.set_value(505, theme.phase_colour("danger"))  # same length, new colour
    QApplication.processEvents()
    assert len(paints) == 2
