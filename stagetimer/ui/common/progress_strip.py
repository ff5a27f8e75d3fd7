"""The thin bar under the Control window's countdown: how much of the item's time is used.

Drawn by hand rather than with QProgressBar. Under the window's style sheet a
QProgressBar repaints itself synchronously, chunk and rounded track, on every
step it takes: measured, a tenth of what the Control window costs each
second. This bar is repainted with the rest of the window, only when its end
moves by a whole pixel or its colour changes, and paints every pixel it owns
so nothing behind it is repainted.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from stagetimer.ui.common import theme

#: Steps of the bar (``value()``), as QProgressBar's range was.
RANGE = 1000
HEIGHT = 8
RADIUS = 3


class ProgressStrip(QWidget):
    """A rounded track and, from the left, the used share in the phase colour."""

    def __init__(self, background: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._background = QColor(background)
        self._value = 0
        self._colour = QColor(theme.phase_colour("normal"))

    def value(self) -> int:
        return self._value

    def colour(self) -> QColor:
        return QColor(self._colour)

    def set_value(self, value: int, colour: QColor) -> None:
        """Show ``value`` of RANGE in ``colour``; repaint only what a person could see change."""
        value = max(0, min(RANGE, value))
        if self._pixels(value) != self._pixels(self._value) or colour != self._colour:
            self.update()
        self._value = value
        self._colour = QColor(colour)

    def _pixels(self, value: int) -> int:
        return round(self.width() * value / RANGE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)  # opaque: the panel behind is not repainted
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.TRACK)
        painter.drawRoundedRect(QRectF(self.rect()), RADIUS, RADIUS)
        filled = self._pixels(self._value)
        if filled > 0:
            painter.setBrush(self._colour)
            painter.drawRoundedRect(QRectF(0, 0, max(filled, 2 * RADIUS), self.height()), RADIUS, RADIUS)
        painter.end()
