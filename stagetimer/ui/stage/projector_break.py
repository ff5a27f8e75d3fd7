"""The projector's break face: 휴식, the countdown to the resume, and what comes after it.

A break is when the audience looks at the screen most: they decide whether to
fetch a coffee or come back for the next talk. So the face says how long the
break lasts and, beside it, the next few items with their times (the core
puts them in the frame as ``coming_up``). With nothing after the break it is
the plain centred face.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from stagetimer.core.show.snapshot import ProjectorFrame, PublicItem
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.common.i18n import StageWords

BOLD, SEMIBOLD = QFont.Weight.Bold, QFont.Weight.DemiBold
CENTRE, TOP = Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignTop
#: The break's own column, as a share of the width inside the margins, when items are listed beside it.
BREAK_COLUMN = 0.4


class Faces(Protocol):
    """What the break face uses of the projector's faces: their geometry and their fitted text."""

    @property
    def size(self) -> tuple[float, float, float]: ...

    def text(self, painter: QPainter, text: str, rect: QRectF, colour: QColor, size: float,
             weight: QFont.Weight, lines: int = 1, align: Qt.AlignmentFlag = ...,
             valign: Qt.AlignmentFlag = ..., fewer_lines: float = ...) -> QRectF: ...

    def countdown_style(self, snap: ProjectorFrame) -> tuple[QRectF, float, Qt.AlignmentFlag]: ...

    def near(self, dirty: QRectF, rect: QRectF) -> bool: ...


class BreakFace:
    """Paints the break face for one ProjectorFaces (its text and rules, its digits)."""

    def __init__(self, faces: Faces, digits: Digits, words: StageWords) -> None:
        self._faces = faces
        self._digits = digits
        self._words = words  # the agenda's language, not the operator's

    def _column(self, snap: ProjectorFrame) -> QRectF:
        """Where 휴식, the countdown and the resume time go: the whole width, or the left column."""
        w, h, mx = self._faces.size
        inner = w - 2 * mx
        return QRectF(mx, 0, inner * BREAK_COLUMN if snap.coming_up else inner, h)

    def countdown_box(self, snap: ProjectorFrame) -> QRectF:
        column, h = self._column(snap), self._faces.size[1]
        if snap.coming_up:
            return QRectF(column.left(), h * 0.39, column.width(), h * 0.19)
        return QRectF(column.left(), h * 0.385, column.width(), h * 0.21)

    def paint(self, painter: QPainter, snap: ProjectorFrame, dirty: QRectF) -> None:
        """The face, or the parts of it near ``dirty`` (a flip repaints the countdown alone)."""
        column, h = self._column(snap), self._faces.size[1]
        text, near = self._faces.text, self._faces.near
        title_box = QRectF(column.left(), h * 0.225, column.width(), h * 0.15)
        if near(dirty, title_box):
            title = self._words.translate("ProjectorView", "Break")
            text(painter, title, title_box, theme.FOREGROUND, h * 0.12, BOLD, align=CENTRE)
        box, digit_height, align = self._faces.countdown_style(snap)
        self._digits.draw(painter, snap.countdown_text, box, theme.ACCENT, digit_height, align)
        resume_box = QRectF(column.left(), h * 0.615, column.width(), h * 0.07)
        if snap.resume_ms is not None and near(dirty, resume_box):
            resume = self._words.translate("ProjectorView", "We resume at %1")
            resume = resume.replace("%1", format_tod(snap.resume_ms))
            text(painter, resume, resume_box, theme.MUTED, h * 0.05, SEMIBOLD, lines=2, align=CENTRE, valign=TOP)
        if snap.coming_up and near(dirty, QRectF(column.right(), 0, self._faces.size[0] - column.right(), h)):
            self._coming_up(painter, snap.coming_up, column)

    def _coming_up(self, painter: QPainter, items: tuple[PublicItem, ...], beside: QRectF) -> None:
        """The items after the break, one row each: its time, large, beside its title and speaker."""
        w, h, mx = self._faces.size
        gap = w * 0.035
        divider = beside.right() + gap
        painter.fillRect(QRectF(divider, h * 0.24, max(1.0, h * 0.003), h * 0.68), theme.TRACK)
        left = divider + gap
        width = w - mx - left
        text = self._faces.text
        label = self._words.translate("ProjectorView", "Coming up")
        text(painter, label, QRectF(left, h * 0.235, width, h * 0.045), theme.ACCENT, h * 0.032, BOLD)
        time_column = min(width * 0.22, h * 0.2)
        what = left + time_column + w * 0.015
        top = h * 0.31
        for item in items:
            text(painter, format_tod(item.projected_start_ms), QRectF(left, top, time_column, h * 0.06),
                 theme.FOREGROUND, h * 0.05, SEMIBOLD, valign=TOP)
            # One size for every title of the list: a shorter one is not set smaller to save a line.
            title = text(painter, item.title, QRectF(what, top, w - mx - what, h * 0.11), theme.FOREGROUND,
                         h * 0.042, SEMIBOLD, lines=2, valign=TOP, fewer_lines=1.0)
            who = " · ".join(part for part in (item.speaker_text, item.organisation) if part)
            bottom = text(painter, who, QRectF(what, title.bottom() + h * 0.008, w - mx - what, h * 0.045),
                          theme.MUTED, h * 0.032, SEMIBOLD, valign=TOP).bottom()
            top = max(top + h * 0.07, title.bottom(), bottom) + h * 0.05
