"""The projector's faces: programme (NOW / NEXT), break, welcome and closing.

Each face is painted from the audience's frame alone, with every size a fraction of
the widget's height so a thumbnail is the same picture. Text is fitted (it
wraps at spaces and shrinks, never clips) because agenda titles are long.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.snapshot import ProjectorFrame, PublicItem
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.common.i18n import StageWords
from stagetimer.ui.common.textfit import TextFitter, draw_fitted
from stagetimer.ui.stage.logo import Logo
from stagetimer.ui.stage.projector_break import BreakFace

BOLD, SEMIBOLD = QFont.Weight.Bold, QFont.Weight.DemiBold
LEFT, CENTRE = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter
TOP, VCENTRE = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignVCenter
#: A title set on fewer lines wins if it keeps this share of the size (the screen's width is used).
FEWER_LINES = 0.8
#: Without a logo, the welcome and closing faces move up by this share of the height (no hole is left).
NO_LOGO_SHIFT = 0.07


def long_date(iso: str, language: str) -> str:
    """``2025-12-02`` in the agenda's language ("2025년 12월 2일 화요일"); other text as written."""
    date = QDate.fromString(iso, Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    return QLocale(language or "en").toString(date, QLocale.FormatType.LongFormat)


def who(item: PublicItem) -> tuple[str, str]:
    """(speakers, organisation); with no speaker the organisation takes the first line."""
    if item.speaker_text:
        return item.speaker_text, item.organisation
    return item.organisation, ""


class ProjectorFaces:
    """Paints one projector face for a frame (owned by one ProjectorView)."""

    def __init__(self, widget: QWidget, logo: Logo, digits: Digits, words: StageWords) -> None:
        self._widget = widget
        self._words = words  # the view's: the agenda's language, not the operator's
        self._logo = logo
        self._digits = digits
        self._fitter = TextFitter()
        self._break = BreakFace(self, digits, words)

    # -- geometry ---------------------------------------------------------

    @property
    def size(self) -> tuple[float, float, float]:
        """(width, height, side margin)."""
        w, h = float(self._widget.width()), float(self._widget.height())
        return w, h, w * 0.05

    def countdown_box(self, snap: ProjectorFrame) -> QRectF:
        """Where this face draws its countdown."""
        return self.countdown_style(snap)[0]

    def countdown_style(self, snap: ProjectorFrame) -> tuple[QRectF, float, Qt.AlignmentFlag]:
        """Where this face draws its countdown, how tall its digits are, and how they are aligned in the box.

        One place for both the paint and the region a flip repaints (ProjectorView.countdown_dirty_region).
        """
        w, h, mx = self.size
        if snap.stage == "welcome":
            y = 0.0 if self._logo.available else -h * NO_LOGO_SHIFT
            return QRectF(mx, y + h * 0.725, w - 2 * mx, h * 0.15), h * 0.12, CENTRE
        if snap.current is not None and snap.current.kind == "break":
            return self._break.countdown_box(snap), h * 0.17, CENTRE
        return QRectF(w - mx - w * 0.2, h * 0.05, w * 0.2, h * 0.1), h * 0.062, Qt.AlignmentFlag.AlignRight

    def near(self, dirty: QRectF, rect: QRectF) -> bool:
        """Whether a part drawn in ``rect`` may show inside ``dirty`` (its ink can stray a little outside rect)."""
        margin = self.size[1] * 0.02
        return dirty.intersects(rect.adjusted(-margin, -margin, margin, margin))

    # -- painting ---------------------------------------------------------

    def paint(self, painter: QPainter, snap: ProjectorFrame, dirty: QRectF) -> None:
        if snap.stage == "welcome":
            self._welcome(painter, snap, dirty)
        elif snap.stage == "closing":
            self._closing(painter, snap)
        elif snap.current is not None and snap.current.kind == "break":
            self._header(painter, snap, dirty, with_countdown=False)
            self._break.paint(painter, snap, dirty)
            if not snap.coming_up:  # the break face lists them itself
                self._next(painter, snap, dirty)
        elif snap.current is not None:
            self._header(painter, snap, dirty, with_countdown=snap.small_countdown)
            if dirty.intersects(self._now_region()):
                self._now(painter, snap.current)
            self._next(painter, snap, dirty)

    def text(self, painter: QPainter, text: str, rect: QRectF, colour: QColor, size: float,
              weight: QFont.Weight, lines: int = 1, align: Qt.AlignmentFlag = LEFT,
              valign: Qt.AlignmentFlag = VCENTRE, fewer_lines: float = FEWER_LINES) -> QRectF:
        if not text:
            return QRectF(rect.left(), rect.top(), 0, 0)
        """Fit ``text`` into ``rect`` and draw it; a slightly smaller single line beats two short ones."""
        h = self.size[1]
        fitted = self._fitter.fit(text, rect.width(), rect.height(), size, weight=weight, max_lines=lines,
                                  min_px=h * theme.MIN_TEXT, fewer_lines=fewer_lines, keep_groups=True)
        return draw_fitted(painter, fitted, rect, colour, align, valign)

    def rule(self, painter: QPainter, y: float, left: float, right: float, colour: QColor = theme.TRACK) -> None:
        h = self.size[1]
        painter.fillRect(QRectF(left, y, right - left, max(1.0, h * 0.003)), colour)

    def _header(self, painter: QPainter, snap: ProjectorFrame, dirty: QRectF, with_countdown: bool) -> None:
        """Logo, event title and section; the optional small countdown on the right."""
        w, h, mx = self.size
        band = QRectF(mx, h * 0.05, w - 2 * mx, h * 0.1)
        right = band.right()
        if with_countdown:
            box, digit_height, align = self.countdown_style(snap)
            if dirty.intersects(box):
                self._digits.draw(painter, snap.countdown_text, box, theme.FOREGROUND, digit_height, align)
            right = box.left() - w * 0.03
        if not dirty.intersects(QRectF(band.left(), band.top(), right - band.left(), h * 0.15)):
            return
        left = mx
        if self._logo.available:
            logo = QRectF(mx, band.top() + h * 0.005, h * 0.085 * self._logo.aspect, h * 0.085)
            self._logo.draw(painter, logo, self._widget.devicePixelRatioF())
            left = logo.right() + w * 0.035
        # A long event name takes two lines; the section follows wherever it ends.
        title = self.text(painter, snap.event_title, QRectF(left, band.top(), right - left, h * 0.075),
                          theme.FOREGROUND, h * 0.038, SEMIBOLD, lines=2, valign=TOP,
                          fewer_lines=1.0)  # never smaller than the section under it
        section = snap.current.section_title if snap.current is not None else ""
        self.text(painter, section, QRectF(left, title.bottom() + h * 0.006, right - left, h * 0.042),
                  theme.ACCENT, h * 0.032, SEMIBOLD, valign=TOP)
        self.rule(painter, h * 0.19, mx, w - mx)

    def _now_region(self) -> QRectF:
        w, h, mx = self.size
        return QRectF(mx, h * 0.215, w - 2 * mx, h * 0.5)

    def _now(self, painter: QPainter, item: PublicItem) -> None:
        """NOW: the talk title, large; the speaker and organisation under it, centred as a block."""
        region = self._now_region()
        width, h = region.width(), self.size[1]
        speaker, organisation = who(item)
        fit = self._fitter.fit
        now = self._words.translate("ProjectorView", "NOW")
        # (text fitted, colour, space above it)
        parts = [
            (fit(now, width, h * 0.045, h * 0.032, weight=BOLD), theme.ACCENT, 0.0),
            (fit(item.title, width, h * 0.29, h * 0.092, weight=BOLD, max_lines=3, min_px=h * 0.03,
                 fewer_lines=FEWER_LINES, keep_groups=True),
             theme.FOREGROUND, h * 0.022),
        ]
        if speaker:
            parts.append((fit(speaker, width, h * 0.075, h * 0.058, weight=SEMIBOLD, min_px=h * 0.025),
                          theme.FOREGROUND, h * 0.04))
        if organisation:
            parts.append((fit(organisation, width, h * 0.06, h * 0.044, weight=SEMIBOLD), theme.MUTED, h * 0.012))
        total = sum(fitted.height + gap for fitted, _, gap in parts)
        y = region.top() + max(0.0, (region.height() - total) / 2)
        for fitted, colour, gap in parts:
            y += gap
            draw_fitted(painter, fitted, QRectF(region.left(), y, width, fitted.height), colour)
            y += fitted.height

    def _next(self, painter: QPainter, snap: ProjectorFrame, dirty: QRectF) -> None:
        """NEXT: its projected start, large, beside its title and speaker."""
        upcoming = snap.next
        w, h, mx = self.size
        block = QRectF(mx, h * 0.74, w - 2 * mx, h * 0.22)
        if upcoming is None or not dirty.intersects(block):
            return
        self.rule(painter, h * 0.74, mx, w - mx)
        column = min(w * 0.2, h * 0.27)
        label = self._words.translate("ProjectorView", "NEXT")
        self.text(painter, label, QRectF(mx, h * 0.77, column, h * 0.045), theme.ACCENT, h * 0.032, BOLD)
        start = format_tod(upcoming.projected_start_ms)
        time_box = QRectF(mx, h * 0.83, column, h * 0.085)
        self.text(painter, start, time_box, theme.FOREGROUND, h * 0.07, SEMIBOLD)
        left = mx + column + w * 0.025
        width = w - mx - left
        title = self.text(painter, upcoming.title, QRectF(left, h * 0.77, width, h * 0.115), theme.FOREGROUND,
                          h * 0.05, SEMIBOLD, lines=2, valign=TOP)
        speaker, organisation = who(upcoming)
        line = " · ".join(part for part in (speaker, organisation) if part)
        self.text(painter, line, QRectF(left, title.bottom() + h * 0.012, width, h * 0.05), theme.MUTED,
                  h * 0.038, SEMIBOLD, valign=TOP)

    def _welcome(self, painter: QPainter, snap: ProjectorFrame, dirty: QRectF) -> None:
        """Before the first item: the event, where and when, and the time to the start.

        Each second repaints the countdown alone: the parts away from ``dirty`` are not drawn at all.
        """
        w, h, mx = self.size
        inner = w - 2 * mx
        logo = QRectF(0, h * 0.08, w, h * 0.12)
        if self.near(dirty, logo):
            self._logo.draw(painter, logo, self._widget.devicePixelRatioF())
        y = 0.0 if self._logo.available else -h * NO_LOGO_SHIFT  # no logo: no hole above the title
        title = QRectF(mx, y + h * 0.24, inner, h * 0.23)
        if self.near(dirty, title):
            self.text(painter, snap.event_title, title, theme.FOREGROUND, h * 0.08, BOLD, lines=3, align=CENTRE)
        subtitle = QRectF(mx, y + h * 0.475, inner, h * 0.06)
        if self.near(dirty, subtitle):
            self.text(painter, snap.event_subtitle, subtitle, theme.MUTED, h * 0.036, SEMIBOLD, lines=2,
                      align=CENTRE)
        where_box = QRectF(mx, y + h * 0.545, inner, h * 0.055)
        if self.near(dirty, where_box):
            where = "  ·  ".join(part for part in (long_date(snap.event_date, snap.language), snap.venue) if part)
            self.text(painter, where, where_box, theme.FOREGROUND, h * 0.04, SEMIBOLD, align=CENTRE)
        self.rule(painter, y + h * 0.635, w / 2 - w * 0.04, w / 2 + w * 0.04, theme.ACCENT)
        starts_box = QRectF(mx, y + h * 0.66, inner, h * 0.055)
        if self.near(dirty, starts_box):
            starts = self._words.translate("ProjectorView", "Starts at %1")
            starts = starts.replace("%1", format_tod(snap.planned_start_ms))
            self.text(painter, starts, starts_box, theme.ACCENT, h * 0.042, BOLD, align=CENTRE)
        box, digit_height, align = self.countdown_style(snap)
        if snap.countdown_text:
            self._digits.draw(painter, snap.countdown_text, box, theme.FOREGROUND, digit_height, align)
        else:
            soon = self._words.translate("ProjectorView", "Starting soon")
            self.text(painter, soon, box, theme.FOREGROUND, h * 0.08, BOLD, align=CENTRE)

    def _closing(self, painter: QPainter, snap: ProjectorFrame) -> None:
        """After the last item: thanks, and the event's name."""
        w, h, mx = self.size
        inner = w - 2 * mx
        self._logo.draw(painter, QRectF(0, h * 0.14, w, h * 0.12), self._widget.devicePixelRatioF())
        y = 0.0 if self._logo.available else -h * NO_LOGO_SHIFT
        thanks = self._words.translate("ProjectorView", "Thank you")
        self.text(painter, thanks, QRectF(mx, y + h * 0.33, inner, h * 0.2), theme.FOREGROUND, h * 0.15, BOLD,
                  align=CENTRE)
        self.text(painter, snap.event_title, QRectF(mx, y + h * 0.56, inner, h * 0.14), theme.MUTED, h * 0.05,
                  SEMIBOLD, lines=2, align=CENTRE, valign=TOP)
        where = "  ·  ".join(part for part in (long_date(snap.event_date, snap.language), snap.venue) if part)
        self.text(painter, where, QRectF(mx, y + h * 0.72, inner, h * 0.05), theme.MUTED, h * 0.034, SEMIBOLD,
                  align=CENTRE)
