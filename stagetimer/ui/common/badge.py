"""The state badge on the Presenter: PAUSED (filled, pause bars) or READY (outlined, play).

A stopped clock looks exactly like a slow one from five metres away, so the
state is said twice: by a shape anyone knows from a media player and by a
word. Filled and outlined keep PAUSED and READY apart at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from stagetimer.ui.common.textfit import FittedText, draw_fitted

#: Horizontal padding, icon width and gap, as fractions of the badge height.
PAD, ICON, GAP = 0.45, 0.42, 0.3


def badge_width(label: FittedText, height: float) -> float:
    return height * (PAD + ICON + GAP + PAD) + label.width


def draw_badge(
    painter: QPainter,
    rect: QRectF,
    label: FittedText,
    colour: QColor,
    background: QColor,
    paused: bool,
    centred: bool,
) -> QRectF:
    """Draw the badge in ``rect`` (centred in it or at its left); returns the pill's box."""
    bh = rect.height()
    width = badge_width(label, bh)
    left = rect.center().x() - width / 2 if centred else rect.left()
    pill = QRectF(left, rect.top(), width, bh)
    radius = bh / 2
    if paused:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(pill, radius, radius)
        ink = background
    else:
        inset = bh * 0.03
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, max(1.0, bh * 0.06)))
        painter.drawRoundedRect(pill.adjusted(inset, inset, -inset, -inset), radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        ink = colour
    icon = QRectF(pill.left() + bh * PAD, pill.top() + bh * 0.26, bh * ICON, bh * 0.48)
    painter.setBrush(ink)
    if paused:
        bar = icon.width() * 0.36
        painter.drawRect(QRectF(icon.left(), icon.top(), bar, icon.height()))
        painter.drawRect(QRectF(icon.right() - bar, icon.top(), bar, icon.height()))
    else:
        painter.drawPolygon([icon.topLeft(), QPointF(icon.right(), icon.center().y()), icon.bottomLeft()])
    painter.setBrush(Qt.BrushStyle.NoBrush)
    text = QRectF(icon.right() + bh * GAP, pill.top(), label.width + 1, bh)
    draw_fitted(painter, label, text, ink, Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignVCenter)
    return pill
