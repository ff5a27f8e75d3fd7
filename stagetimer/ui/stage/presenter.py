"""The speaker's confidence monitor: a countdown readable from five metres.

What the speaker must take in at a glance, in order: how long is left (the
digits, coloured by phase), whether the clock is actually running (a paused
clock turns blue over a blue PAUSED band across the screen; a loaded but
unstarted one says READY), what the stage manager is asking (a band across
the lower half), who comes next (always, message or not), and their own
note. Title, next item and time of day are set to be read from five metres
(presenter_layout says how that was worked out). Everything is drawn from the
speaker's frame with QPainter and sized from the widget's own height, so the
Control window's 320×180 thumbnail is the same picture in small.

A repaint is cheap: fonts and wrapped text are cached, and when only the
countdown and progress bar moved (every second) only their rectangles are
repainted.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.frames import presenter_frame
from stagetimer.core.show.snapshot import PresenterFrame
from stagetimer.core.timefmt import format_minutes, format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.badge import draw_badge
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.common.textfit import FittedText, TextFitter, draw_fitted
from stagetimer.ui.common.theme import Ink
from stagetimer.ui.stage.presenter_layout import READABLE, SECONDARY, PresenterLayout, presenter_layout
from stagetimer.ui.stage.stage_view import StageView

BOLD = QFont.Weight.Bold
SEMIBOLD = QFont.Weight.DemiBold
LEFT, CENTRE, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignRight
VCENTRE = Qt.AlignmentFlag.AlignVCenter


def scene_key(frame: PresenterFrame) -> tuple[object, ...]:
    """Everything on the Presenter except the countdown and the progress bar.

    When two consecutive frames share this key, only those two changed
    and only their rectangles need repainting.
    """
    current, upcoming = frame.current, frame.next
    return (
        frame.stage,
        frame.phase,
        frame.clock_state,
        frame.flash,
        frame.message,
        frame.message_flash,
        format_tod(frame.time_of_day_ms),
        frame.event_title,
        frame.venue,
        None if frame.resume_ms is None else format_tod(frame.resume_ms),
        frame.presenter_note,
        frame.adjusted_ms,
        None if current is None else (current.id, current.kind, current.title, current.speakers,
                                      current.organisation),
        None if upcoming is None else (upcoming.id, upcoming.title, upcoming.speakers,
                                       format_tod(upcoming.projected_start_ms)),
    )


class PresenterView(StageView[PresenterFrame]):
    """Paints the speaker's frame; holds no logic of its own."""

    #: The core's cut of a Control frame for this screen (for thumbnails, tests and screenshots).
    frame_of = staticmethod(presenter_frame)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitter = TextFitter()
        self._digits = Digits()
        self._layouts: dict[tuple[int, int, bool, bool], PresenterLayout] = {}
        #: Where the bar's fill ends on screen (or will, once the repaints asked for are done); None: unknown.
        self._bar_shown: float | None = None

    # -- repainting ---------------------------------------------------------

    def scene_key(self, frame: PresenterFrame) -> tuple[object, ...]:
        return scene_key(frame)

    def countdown_dirty_rect(self) -> QRect:
        """The digits and the bar, which moves with them once a displayed second.

        One rectangle, not two: a rectangular clip keeps Qt's fast fill and blit
        paths. Between two displayed seconds (the time of day's tick, for the
        operator's clock) nothing here is repainted.
        """
        layout = self.current_layout()
        return layout.digits.united(layout.progress).toAlignedRect().adjusted(-2, -2, 2, 2)

    def countdown_dirty_region(self, old: str, new: str) -> QRegion:
        """Only the digits that changed, and the bar's moving end: a sliver of the screen on most flips.

        The other digits stay where they are (tabular figures), so their pixels
        would be painted again exactly as they are; so would the bar, except
        between the end it has on screen and the new one (a 20-minute talk's
        bar moves a pixel or two a second). Inside countdown_dirty_rect()
        always; all the digits when their pattern changes (``10:00`` → ``9:59``).
        """
        whole = self.countdown_dirty_rect()
        layout = self.current_layout()
        region = self._bar_end_region(layout)
        span = self._digits.changed_span(old, new, layout.digits, layout.digit_height)
        if span is None:
            return QRegion(whole)
        if not span.isEmpty():  # the changed characters' ink, old and new: not the title above, nor the bar below
            region += QRegion(span.toAlignedRect())
        return region.intersected(whole)

    def _bar_end_region(self, layout: PresenterLayout) -> QRegion:
        """Where the bar's pixels change between the end on screen and the frame's, both rounded caps included."""
        bar = layout.progress
        new = self._bar_end(bar)
        old, self._bar_shown = self._bar_shown, new
        if old is None or self._frame is None or self._frame.stage != "live":
            return QRegion(bar.toAlignedRect().adjusted(-2, -2, 2, 2))
        left = math.floor(min(old, new) - bar.height() / 2) - 2  # the fill's rounded end reaches back half its height
        right = math.ceil(max(old, new)) + 2
        return QRegion(left, math.floor(bar.top()) - 2, right - left, math.ceil(bar.height()) + 4)

    def _bar_end(self, bar: QRectF) -> float:
        """The x where the bar's fill ends for the current frame (its left edge: no fill)."""
        return bar.left() + self._bar_fill(bar)

    def _bar_fill(self, bar: QRectF) -> float:
        """How long the bar's fill is for the current frame (0: none; never shorter than its round ends)."""
        snap = self._frame
        remaining = bar.width() * max(0.0, min(1.0, 1.0 - snap.progress)) if snap is not None else 0.0
        return max(remaining, bar.height()) if remaining > 0 else 0.0

    # -- geometry (public for tests and thumbnails) ----------------------

    def current_layout(self) -> PresenterLayout:
        with_message = bool(self._frame and self._frame.message)
        paused = bool(self._frame and self._frame.stage == "live" and self._frame.paused and self._frame.started)
        key = (self.width(), self.height(), with_message, paused)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > 8:
                self._layouts.clear()
            layout = self._layouts[key] = presenter_layout(self.width(), self.height(), with_message, paused)
        return layout

    def countdown_rect(self) -> QRect:
        """Where the countdown digits are drawn, in widget pixels."""
        return self.current_layout().digits.toAlignedRect()

    # -- painting ---------------------------------------------------------

    def ink(self) -> Ink:
        """Normal, or inverted while the screen flashes (manual F, or entering overtime)."""
        snap = self._frame
        if snap is None or not snap.flash or snap.stage != "live":
            return Ink.normal()
        alarming = snap.phase in ("warning", "danger", "overtime")
        return Ink.inverted(theme.phase_colour(snap.phase) if alarming else theme.FOREGROUND)

    def paint(self, painter: QPainter, dirty: QRectF) -> None:
        """Draw the whole screen (or the part inside ``dirty``)."""
        snap = self._frame
        ink = self.ink()
        # A little past the region (the clip stops it): at a fractional scale its edge falls inside a pixel,
        # which an antialiased fill would half-cover under an unchanged digit.
        painter.fillRect(dirty.adjusted(-1, -1, 1, 1), ink.background)
        if snap is None:
            return
        layout = self.current_layout()
        if dirty.intersects(layout.clock):
            clock = layout.clock
            fitted = self._fitter.fit(format_tod(snap.time_of_day_ms), clock.width(), clock.height(),
                                      self.height() * READABLE, weight=SEMIBOLD, tabular=True)
            draw_fitted(painter, fitted, clock, ink.foreground, RIGHT, VCENTRE)
        if snap.stage == "closing":
            self._paint_closing(painter, snap, layout, ink)
        else:
            self._paint_header(painter, snap, layout, ink, dirty)
            self._paint_countdown(painter, snap, layout, ink, dirty)
            if dirty.intersects(layout.status):
                self._paint_status(painter, snap, layout, ink)
            self._paint_next(painter, snap, layout, ink, dirty)
        # The speaker reads a message whatever the stage: before the start and after the end too.
        if layout.message.isValid() and dirty.intersects(layout.message):
            self._paint_message(painter, snap, layout)
        if dirty.contains(layout.progress):  # the whole bar is as this frame has it now
            self._bar_shown = self._bar_end(layout.progress)

    def _text(
        self,
        painter: QPainter,
        text: str,
        rect: QRectF,
        colour: QColor,
        size: float,
        weight: QFont.Weight,
        lines: int = 1,
        align: Qt.AlignmentFlag = LEFT,
        valign: Qt.AlignmentFlag = VCENTRE,
    ) -> QRectF:
        """Fit ``text`` into ``rect`` (up to ``size`` px, wrapping to ``lines``) and draw it."""
        if not text or not rect.isValid():
            return QRectF()
        fitted = self._fitter.fit(text, rect.width(), rect.height(), size, weight=weight, max_lines=lines,
                                  min_px=self.height() * theme.MIN_TEXT)
        return draw_fitted(painter, fitted, rect, colour, align, valign)

    def _paint_header(
        self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink, dirty: QRectF
    ) -> None:
        """What is on now: the talk and its speaker (or the speaker's note), the break, or the event."""
        if not layout.title.isValid() or not dirty.intersects(layout.title.united(layout.subtitle)):
            return
        current = snap.current
        if snap.stage == "welcome":
            # Past the planned start the digits are the lateness (the core's +m:ss), and the label says so.
            title, subtitle = snap.event_title, self.tr("Late by") if snap.late_start else self.tr("Starts in")
        elif current is not None and current.kind == "break":
            title = self.tr("Break")
            resume = "" if snap.resume_ms is None else format_tod(snap.resume_ms)
            subtitle = self.tr("Resumes at %1").replace("%1", resume) if resume else ""
        elif current is not None:
            title = current.title
            subtitle = " · ".join(part for part in (current.speaker_text, current.organisation) if part)
        else:
            return
        h = self.height()
        self._text(painter, title, layout.title, ink.foreground, h * READABLE, BOLD, lines=2,
                   valign=Qt.AlignmentFlag.AlignTop)
        if snap.presenter_note:
            self._paint_note(painter, snap.presenter_note, layout.subtitle, ink)
        else:
            self._text(painter, subtitle, layout.subtitle, ink.muted, h * SECONDARY, SEMIBOLD)

    def _paint_note(self, painter: QPainter, note: str, rect: QRectF, ink: Ink) -> None:
        """The speaker's own note, in place of their name: soft yellow behind a marker, quieter than the title."""
        h = self.height()
        colour = theme.NOTE if ink.background == theme.BACKGROUND else ink.foreground
        marker = QRectF(rect.left(), rect.top() + rect.height() * 0.18, h * 0.008, rect.height() * 0.64)
        painter.fillRect(marker, colour)
        text = rect.adjusted(marker.width() + h * 0.018, 0, 0, 0)
        self._text(painter, " ".join(note.split()), text, colour, h * SECONDARY, SEMIBOLD, lines=2)

    def _paint_status(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink) -> None:
        """Under the digits (or, with a message up, beside the clock): how the clock stands.

        PAUSED is a band across the whole screen in the paused blue, matching the
        digits; READY an outline (yellow, with the new length, when the slot was
        re-planned); TIME IS UP red words; otherwise the progress bar.
        """
        rect = layout.status
        in_row = layout.message.isValid()  # the top row beside the clock, while a message is up
        if snap.stage != "live":
            return
        if in_row or not (snap.paused or snap.phase == "overtime"):
            self._paint_progress(painter, snap, layout, ink)
        if snap.paused:
            paused = snap.started
            label = self.tr("PAUSED") if paused else self.tr("READY")
            if paused and not in_row:
                self._paint_paused_band(painter, rect, label)
                return
            adjusted = None if paused else snap.adjusted_ms
            if adjusted is not None:  # re-planned: the speaker learns it before starting, never mid-talk
                label += " · " + self.tr("Adjusted to %1 min").replace("%1", format_minutes(adjusted))
            size = rect.height() * 0.62
            fitted = self._fitter.fit(label, rect.width() * (0.9 if adjusted else 0.7), size, size, weight=BOLD)
            colour = theme.PAUSED if paused else theme.NOTE if adjusted is not None else ink.muted
            draw_badge(painter, rect, fitted, colour, ink.background, paused, not in_row)
        elif snap.phase == "overtime":
            colour = ink.foreground if snap.flash else theme.phase_colour("overtime")
            if not in_row:
                # A dark red band across the screen (the bar has nothing left to show), white words on it.
                painter.fillRect(rect, theme.dimmed(theme.phase_colour("overtime"), 0.45, ink.background))
                colour = ink.foreground
            self._text(painter, self.tr("TIME IS UP"), rect, colour, rect.height() * 0.8, BOLD,
                       align=LEFT if in_row else CENTRE)

    def _paint_paused_band(self, painter: QPainter, rect: QRectF, label: str) -> None:
        """A full-width blue band with pause bars: unmistakable from the back of the room."""
        painter.fillRect(rect, theme.PAUSED)
        fitted = self._fitter.fit(label, rect.width() * 0.6, rect.height(), rect.height() * 0.8, weight=BOLD)
        bars = rect.height() * 0.56
        left = rect.center().x() - (bars * 1.3 + fitted.width) / 2
        top = rect.top() + (rect.height() - bars) / 2
        bar = bars * 0.34
        dark = QColor(theme.BACKGROUND)
        painter.fillRect(QRectF(left, top, bar, bars), dark)
        painter.fillRect(QRectF(left + bars - bar, top, bar, bars), dark)
        text = QRectF(left + bars * 1.3, rect.top(), fitted.width + 1, rect.height())
        draw_fitted(painter, fitted, text, dark, LEFT, VCENTRE)

    def countdown_colour(self) -> QColor:
        """The digits' colour now: phase colour, the paused blue when paused, dark while flashing."""
        snap = self._frame
        if snap is None or snap.stage != "live" or snap.flash:
            return self.ink().foreground
        if snap.paused and snap.started:
            return QColor(theme.PAUSED)
        return theme.phase_colour(snap.phase)

    def _paint_countdown(
        self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink, dirty: QRectF
    ) -> None:
        if dirty.intersects(layout.digits):
            self._digits.draw(painter, snap.countdown_text, layout.digits, self.countdown_colour(),
                              layout.digit_height)
        # The bar moves with the digits; _paint_status draws it when the status row is dirty (once:
        # drawn twice, its antialiased edges would darken).
        running_bar = snap.stage == "live" and not snap.paused and snap.phase != "overtime"
        if running_bar and dirty.intersects(layout.progress) and not dirty.intersects(layout.status):
            self._paint_progress(painter, snap, layout, ink)

    def _paint_progress(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink) -> None:
        """The share of the allotted time that remains, in the digits' colour."""
        colour = self.countdown_colour()
        bar = layout.progress
        painter.fillRect(bar, ink.background)
        radius = bar.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        if snap.phase == "overtime":
            # Nothing remains: the whole track turns the overtime colour, quietly.
            painter.setBrush(colour if snap.flash else theme.dimmed(colour, 0.5))
            painter.drawRoundedRect(bar, radius, radius)
            return
        painter.setBrush(ink.track)
        painter.drawRoundedRect(bar, radius, radius)
        fill = self._bar_fill(bar)
        if fill > 0:
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), fill, bar.height()), radius, radius)

    def _paint_next(
        self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink, dirty: QRectF
    ) -> None:
        """Who is on next and when (projected), so the speaker can hand over: read from 5 m, message or not."""
        if not layout.next.isValid() or not dirty.intersects(layout.next):
            return
        upcoming = snap.next
        if upcoming is None:
            label, text = self.tr("NEXT"), self.tr("End of the programme")
        else:
            word = self.tr("FIRST") if snap.stage == "welcome" else self.tr("NEXT")
            label = f"{word} {format_tod(upcoming.projected_start_ms)}"
            who = upcoming.speaker_text or upcoming.organisation
            text = f"{upcoming.title} — {who}" if who else upcoming.title
        rect = layout.next
        readable = self.height() * READABLE
        fitted = self._fit_next(f"{label}  {text}", rect, readable)
        if fitted.pixel_size < round(readable) and upcoming is not None and text != upcoming.title:
            # Too long to read from 5 m with the speaker's name: the title alone, if that is.
            alone = self._fit_next(f"{label}  {upcoming.title}", rect, readable)
            fitted = alone if alone.pixel_size > fitted.pixel_size else fitted
        draw_labelled(painter, fitted, rect, label, ink.muted, ink.foreground)

    def _fit_next(self, text: str, rect: QRectF, size: float) -> FittedText:
        return self._fitter.fit(text, rect.width(), rect.height(), size, weight=SEMIBOLD, max_lines=2,
                                min_px=self.height() * theme.MIN_TEXT)

    def _paint_message(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout) -> None:
        """The stage manager's message: a band across the screen, inverted as it arrives."""
        if snap.message_flash:
            background, foreground = theme.MESSAGE_FOREGROUND, theme.BACKGROUND
        else:
            background, foreground = theme.MESSAGE_BACKGROUND, theme.MESSAGE_FOREGROUND
        painter.fillRect(layout.message, background)
        self._text(painter, snap.message, layout.message_text, foreground, self.height() * 0.1, BOLD,
                   lines=2, align=CENTRE)

    def _paint_closing(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink) -> None:
        """After the last item: calm, no countdown, nothing left to do."""
        block = layout.centre_block
        h = self.height()
        upper = QRectF(block.left(), block.top(), block.width(), block.height() * 0.55)
        lower = QRectF(block.left(), upper.bottom() + h * 0.03, block.width(), block.height() * 0.35)
        self._text(painter, self.tr("The programme has ended"), upper, ink.foreground, h * 0.1, BOLD, lines=2,
                   align=CENTRE, valign=Qt.AlignmentFlag.AlignBottom)
        self._text(painter, snap.event_title, lower, ink.muted, h * 0.045, SEMIBOLD, lines=2, align=CENTRE,
                   valign=Qt.AlignmentFlag.AlignTop)


def draw_labelled(painter: QPainter, fitted: FittedText, rect: QRectF, label: str, muted: QColor,
                  colour: QColor) -> None:
    """Draw ``fitted`` bottom-aligned in ``rect``, its leading ``label`` in ``muted`` and the rest in ``colour``.

    One fitted text rather than two boxes, so label and title share one size
    and a long title wraps under its label.
    """
    painter.setFont(fitted.font)
    metrics = QFontMetricsF(fitted.font)
    baseline = rect.bottom() - fitted.height + fitted.ascent
    for number, line in enumerate(fitted.lines):
        x, rest = rect.left(), line
        if number == 0 and line.startswith(label):
            painter.setPen(muted)
            painter.drawText(QPointF(x, baseline), label)
            x += metrics.horizontalAdvance(label)
            rest = line[len(label):]
        painter.setPen(colour)
        painter.drawText(QPointF(x, baseline), rest)
        baseline += fitted.line_height
