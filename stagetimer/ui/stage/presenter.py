"""The speaker's confidence monitor: a countdown readable from five metres.

What the speaker must take in at a glance, in order: how long is left (the
digits, coloured by phase), whether the clock is actually running (a paused
clock is dimmed under a white PAUSED badge; a loaded but unstarted one says
READY), what the stage manager is asking (a band across the lower third), and
who comes next. Everything is drawn from the speaker's frame with QPainter and sized
from the widget's own height, so the Control window's 320×180 thumbnail is
the same picture in small.

A repaint is cheap: fonts and wrapped text are cached, and when only the
countdown and progress bar moved (every second) only their rectangles are
repainted.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.frames import presenter_frame
from stagetimer.core.show.snapshot import PresenterFrame
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.badge import draw_badge
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.common.textfit import TextFitter, draw_fitted
from stagetimer.ui.common.theme import Ink
from stagetimer.ui.stage.presenter_layout import PresenterLayout, presenter_layout
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
        self._layouts: dict[tuple[int, int, bool], PresenterLayout] = {}

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

    # -- geometry (public for tests and thumbnails) ----------------------

    def current_layout(self) -> PresenterLayout:
        with_message = bool(self._frame and self._frame.message)
        key = (self.width(), self.height(), with_message)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > 8:
                self._layouts.clear()
            layout = self._layouts[key] = presenter_layout(self.width(), self.height(), with_message)
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
        painter.fillRect(dirty, ink.background)
        if snap is None:
            return
        layout = self.current_layout()
        if dirty.intersects(layout.clock):
            clock = layout.clock
            fitted = self._fitter.fit(format_tod(snap.time_of_day_ms), clock.width(), clock.height(),
                                      clock.height() * 0.82, weight=SEMIBOLD, tabular=True)
            draw_fitted(painter, fitted, clock, ink.foreground, RIGHT, VCENTRE)
        if snap.stage == "closing":
            self._paint_closing(painter, snap, layout, ink)
        else:
            self._paint_header(painter, snap, layout, ink, dirty)
            if dirty.intersects(layout.badge):
                self._paint_badge(painter, snap, layout, ink)
            self._paint_countdown(painter, snap, layout, ink, dirty)
            self._paint_next(painter, snap, layout, ink, dirty)
        # The speaker reads a message whatever the stage: before the start and after the end too.
        if layout.message.isValid() and dirty.intersects(layout.message):
            self._paint_message(painter, snap, layout)

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
        """What is on now: the talk and its speaker, the break, or (before the show) the event."""
        if not layout.title.isValid() or not dirty.intersects(layout.title.united(layout.subtitle)):
            return
        current = snap.current
        if snap.stage == "welcome":
            title, subtitle = snap.event_title, snap.venue
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
        self._text(painter, title, layout.title, ink.foreground, h * 0.062, BOLD, lines=2,
                   valign=Qt.AlignmentFlag.AlignBottom)
        self._text(painter, subtitle, layout.subtitle, ink.muted, h * 0.04, SEMIBOLD)

    def _paint_badge(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink) -> None:
        """PAUSED (filled, pause bars), READY (outlined), TIME IS UP, or before the show "Starts in"."""
        rect = layout.badge
        align = CENTRE if layout.badge_centred else LEFT
        if snap.stage == "welcome":
            # Past the planned start the digits are the lateness (the core's +m:ss), and the label says so.
            label = self.tr("Late by") if snap.late_start else self.tr("Starts in")
            self._text(painter, label, rect, ink.muted, rect.height() * 0.7, SEMIBOLD, align=align)
        elif snap.paused:
            paused = snap.started
            label = self.tr("PAUSED") if paused else self.tr("READY")
            size = rect.height() * 0.62
            fitted = self._fitter.fit(label, rect.width() * 0.7, size, size, weight=BOLD)
            colour = ink.foreground if paused else ink.muted
            draw_badge(painter, rect, fitted, colour, ink.background, paused, layout.badge_centred)
        elif snap.phase == "overtime":
            colour = ink.foreground if snap.flash else theme.phase_colour("overtime")
            self._text(painter, self.tr("TIME IS UP"), rect, colour, rect.height() * 0.75, BOLD, align=align)

    def countdown_colour(self) -> QColor:
        """The digits' colour now: phase colour, dimmed when paused, dark while flashing."""
        snap = self._frame
        if snap is None or snap.stage != "live" or snap.flash:
            return self.ink().foreground
        colour = theme.phase_colour(snap.phase)
        return theme.dimmed(colour) if snap.paused and snap.started else colour

    def _paint_countdown(
        self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink, dirty: QRectF
    ) -> None:
        colour = self.countdown_colour()
        if dirty.intersects(layout.digits):
            self._digits.draw(painter, snap.countdown_text, layout.digits, colour, layout.digit_height)
        if snap.stage != "live" or not dirty.intersects(layout.progress):
            return
        # The bar shows the share of the allotted time that remains, in the digits' colour.
        bar = layout.progress
        radius = bar.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        if snap.phase == "overtime":
            # Nothing remains: the whole track turns the overtime colour, quietly.
            painter.setBrush(colour if snap.flash else theme.dimmed(colour, 0.5))
            painter.drawRoundedRect(bar, radius, radius)
            return
        painter.setBrush(ink.track)
        painter.drawRoundedRect(bar, radius, radius)
        remaining = bar.width() * max(0.0, min(1.0, 1.0 - snap.progress))
        if remaining > 0:
            painter.setBrush(colour)
            filled = QRectF(bar.left(), bar.top(), max(remaining, bar.height()), bar.height())
            painter.drawRoundedRect(filled, radius, radius)

    def _paint_next(
        self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout, ink: Ink, dirty: QRectF
    ) -> None:
        """Who is on next and when (projected), so the speaker can hand over."""
        if not layout.next_label.isValid() or not dirty.intersects(layout.next_label.united(layout.next_text)):
            return
        upcoming = snap.next
        h = self.height()
        if upcoming is None:
            label, text = self.tr("NEXT"), self.tr("End of the programme")
        else:
            word = self.tr("FIRST") if snap.stage == "welcome" else self.tr("NEXT")
            label = f"{word} · {format_tod(upcoming.projected_start_ms)}"
            who = upcoming.speaker_text or upcoming.organisation
            text = f"{upcoming.title}  —  {who}" if who else upcoming.title
        self._text(painter, label, layout.next_label, ink.muted, h * 0.032, BOLD)
        self._text(painter, text, layout.next_text, ink.foreground, h * 0.05, SEMIBOLD)

    def _paint_message(self, painter: QPainter, snap: PresenterFrame, layout: PresenterLayout) -> None:
        """The stage manager's message: a band across the screen, inverted as it arrives."""
        if snap.message_flash:
            background, foreground = theme.MESSAGE_FOREGROUND, theme.BACKGROUND
        else:
            background, foreground = theme.MESSAGE_BACKGROUND, theme.MESSAGE_FOREGROUND
        painter.fillRect(layout.message, background)
        self._text(painter, snap.message, layout.message_text, foreground, self.height() * 0.125, BOLD,
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
