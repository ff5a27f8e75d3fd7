"""Clocks and countdowns that change every second without relaying out the Control window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from stagetimer.ui.common import fonts
from stagetimer.ui.common.steady_text import SteadyLabel, set_steady_text, shape_of
from stagetimer.ui.control import style as style
from stagetimer.ui.control.style import PANEL
from tests.control_rig import Rig


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


class _QLabelPaint(SteadyLabel):
    """The paint SteadyLabel had before: its background, then QLabel's own paint through the style sheet."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.end()
        QLabel.paintEvent(self, event)


def _twin(label: SteadyLabel) -> _QLabelPaint:
    """A label like ``label`` in every way that paints (parent, sheet, name, font, alignment, size, text)."""
    twin = _QLabelPaint(label._background, label.parentWidget())
    twin.setObjectName(label.objectName())
    twin.setFont(label.font())
    twin.setAlignment(label.alignment())
    twin.setStyleSheet(label.styleSheet())
    twin.setText(label.text())
    twin.ensurePolished()
    twin.setFixedSize(label.size())
    return twin


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_labels_paint_every_pixel_as_qlabel_would(rig: Rig, scale: float) -> None:
    """Control's clock, offset, countdown and elapsed time, in every colour they take, against QLabel's paint."""
    window = rig.window
    window.resize(round(1366 * scale), round(768 * scale))
    window.show()
    rig.qtbot.waitExposed(window)
    labels = [window.status_line.clock_label, window.status_line.offset_label,
              window.current_panel.countdown_label, window.current_panel.elapsed_label]
    states = [("wait", 0), ("start", None), ("wait", 61_000), ("add_time", -200_000), ("add_time", -60_000),
              ("wait", 62_000), ("pause", None), ("message", "Wrap up")]
    compared = 0
    for action, value in states:
        if action == "wait":
            rig.wait(int(value or 0))
        else:
            rig.do(action, value)
        QApplication.processEvents()
        for label in labels:
            assert isinstance(label, SteadyLabel)
            twin = _twin(label)
            assert twin.grab().toImage() == label.grab().toImage(), (action, label.objectName(), label.text())
            twin.deleteLater()
            compared += 1
    assert compared == len(states) * len(labels)
    assert {window.current_panel.countdown_label.property("colour")} != {None}  # coloured states were seen
