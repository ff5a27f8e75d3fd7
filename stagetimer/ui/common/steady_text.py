"""Labels that change every second without laying the whole window out again.

``QLabel.setText`` tells every layout up to the window that the label's size
may have changed, unless the label has a fixed size. In the Control window,
refreshed twice a second, that meant a full relayout each time (and a
QMainWindow creates a geometry animation object per relayout): measured,
most of what the window cost. A clock or countdown in tabular figures keeps
its size as long as its *shape* is the same ("6:40" and "5:59" are as wide
as each other), so such a label is fixed to its text's size and re-fixed
only when the shape changes ("10:00" → "9:59", going into overtime).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

_DIGIT = re.compile(r"\d")
#: QWIDGETSIZE_MAX: what lifts a fixed size again.
_UNBOUNDED = (1 << 24) - 1


def shape_of(text: str) -> str:
    """The text with every digit alike: equal shapes are equally wide in tabular figures."""
    return _DIGIT.sub("0", text)


def set_steady_text(label: QLabel, text: str) -> None:
    """Show ``text``; the window is laid out again only if the text's shape changed."""
    if label.text() == text:
        return
    shape = shape_of(text)
    if label.property("steadyShape") == shape:
        label.setText(text)  # same size: fixed, so nothing above it is laid out again
        return
    label.setProperty("steadyShape", shape)
    label.setMinimumSize(0, 0)
    label.setMaximumSize(_UNBOUNDED, _UNBOUNDED)
    label.setText(text)
    label.ensurePolished()  # the style sheet's font size, before measuring
    label.setFixedSize(label.sizeHint())


class SteadyLabel(QLabel):
    """A label that paints its own background, so a new second repaints it alone.

    A transparent label's repaint runs through every widget behind it (the
    panel, the central widget, the window), each drawn by the style sheet;
    this one fills its rectangle with the panel colour first and tells Qt so.
    """

    def __init__(self, background: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = QColor(background)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The style sheet clears the flag when it styles the label: set it again after.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.end()
        super().paintEvent(event)
