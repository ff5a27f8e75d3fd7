"""Clocks and countdowns that change every second without relaying out the Control window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from stagetimer.ui.common import fonts
from stagetimer.ui.common.steady_text import SteadyLabel, set_steady_text, shape_of
from stagetimer.ui.control import style as style
from stagetimer.ui.control.style import PANEL


def _row(qtbot) -> tuple[QWidget, SteadyLabel]:
    fonts.load_fonts()
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(PANEL)
    label.setFont(fonts.countdown_font(40))
    row = QHBoxLayout(window)
    row.addWidget(label)
    row.addStretch(1)
    set_steady_text(label, "6:40")
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window, label


def test_digits_alike_make_the_same_shape() -> None:
    assert shape_of("6:40") == shape_of("5:59") == "0:00"
    assert shape_of("+1:25 지연") != shape_of("1:25 지연")


def test_a_new_second_does_not_lay_the_window_out_again(qtbot) -> None:
    window, label = _row(qtbot)
    requests: list[int] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(1)
            return False

    spy = Spy(window)
    window.installEventFilter(spy)
    set_steady_text(label, "6:39")
    QApplication.processEvents()
    assert label.text() == "6:39"
    assert requests == []


def test_a_longer_text_is_never_cut_off(qtbot) -> None:
    _window, label = _row(qtbot)
    set_steady_text(label, "+10:00")  # into overtime, past ten minutes
    QApplication.processEvents()
    assert label.width() >= label.fontMetrics().horizontalAdvance("+10:00")
    set_steady_text(label, "9:59")
    QApplication.processEvents()
    assert label.width() < label.fontMetrics().horizontalAdvance("+10:00")  # and no wider than it needs


def test_the_label_paints_its_own_background_even_under_a_style_sheet(qtbot) -> None:
    window, label = _row(qtbot)
    window.setStyleSheet(style.stylesheet(fonts.family()))  # as the Control window does
    QApplication.processEvents()
    # Opaque: a new second repaints the label alone, not the panels and window behind it.
    assert label.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert label.grab().toImage().pixelColor(1, 1) == PANEL
