"""A label whose size never depends on its text: long texts are cut with "…", never widen the window.

Control is refreshed every second and fed texts of any length (notices,
agenda titles, the speaker's message). A plain QLabel asks for its text's
width, so one long notice made the whole window wider (1174 → 1315 px in one
run) and pushed it off a 1366×768 laptop. This label asks for a fixed number
of lines and a small minimum width; it wraps within its width (at most
``max_lines`` lines) and elides what does not fit, and keeps the full text
as its tooltip so nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

#: The smallest width any elided label asks for: a word and "…".
MIN_WIDTH = 60


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` in at most ``max_lines`` lines of ``width``; the last one elided if the rest does not fit."""
    if not text or width <= 0:
        return [text] if text else []
    metrics = QFontMetricsF(font)
    layout = QTextLayout(text)
    layout.setFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == max_lines - 1:
            rest = text[start:].replace("\n", " ")
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start:start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


class ElidedLabel(QLabel):
    """Plain text in ``max_lines`` lines at most, cut with "…"; its size hint ignores the text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, max_lines: int = 1,
                 natural: bool = False) -> None:
        """``natural``: prefer the text's width when there is room (a badge), but never need it."""
        super().__init__(text, parent)
        self.max_lines = max_lines
        self.natural = natural
        self.setTextFormat(Qt.TextFormat.PlainText)
        horizontal = QSizePolicy.Policy.Preferred if natural else QSizePolicy.Policy.Ignored
        self.setSizePolicy(horizontal, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self.setToolTip(text if self.is_elided() else "")
        if self.natural:
            self.updateGeometry()  # its preferred width (never its minimum) follows the text
        self.update()

    def _lines_height(self) -> int:
        margins = self.contentsMargins()
        return round(self.fontMetrics().lineSpacing() * self.max_lines) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        minimum = self.minimumSizeHint()
        if not self.natural:
            return minimum
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 2
        return QSize(max(minimum.width(), width + max(0, self.indent())), minimum.height())

    def minimumSizeHint(self) -> QSize:
        """What the window needs of this label: a few characters, whatever the text."""
        self.ensurePolished()
        margins = self.contentsMargins()
        return QSize(MIN_WIDTH + max(0, self.indent()) + margins.left() + margins.right(), self._lines_height())

    def shown_lines(self) -> list[str]:
        """The lines as painted at the label's present width (what a user reads)."""
        width = self.contentsRect().width() - max(0, self.indent())
        return wrap_lines(self.text(), self.font(), width, self.max_lines)

    def is_elided(self) -> bool:
        """True when the text did not fit and ends in "…" on screen."""
        shown = "".join("".join(self.shown_lines()).split())
        return shown != "".join(self.text().split())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.is_elided() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)  # the style sheet's background and border, as a QLabel would draw them
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = QRectF(self.contentsRect()).adjusted(max(0, self.indent()), 0, 0, 0)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        spacing = self.fontMetrics().lineSpacing()
        lines = self.shown_lines()
        top = rect.top() + max(0.0, (rect.height() - spacing * len(lines)) / 2) if self.max_lines == 1 else rect.top()
        for number, line in enumerate(lines):
            line_rect = QRectF(rect.left(), top + number * spacing, rect.width(), spacing)
            painter.drawText(line_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        painter.end()
