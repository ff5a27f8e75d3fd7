"""The audience's screen: who is speaking now, what comes next, and when.

It reads from the back of a hall on a washed-out projector: the talk title
and the speaker are large, labels are few, everything sits on near-black.
Four faces: the programme (NOW / NEXT), a break (휴식 and the time it
resumes), the welcome before the first item, the closing after the last,
and a blackout that is exactly black.

Never shown here, by construction: notes, over/under, the speaker's message,
whether the clock is paused, flashes. The view paints a ProjectorFrame, which
the core builds without any of them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.frames import projector_frame
from stagetimer.core.show.snapshot import ProjectorFrame
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.stage.logo import Logo
from stagetimer.ui.stage.projector_faces import ProjectorFaces
from stagetimer.ui.stage.stage_view import StageView


def scene_key(frame: ProjectorFrame) -> tuple[object, ...]:
    """Everything the projector shows except its countdown (changes every second)."""
    current, upcoming = frame.current, frame.next
    return (
        frame.stage,
        frame.blackout,
        frame.small_countdown,
        frame.event_title,
        frame.event_subtitle,
        frame.event_date,
        frame.venue,
        format_tod(frame.planned_start_ms),
        frame.doors_open,
        None if frame.resume_ms is None else format_tod(frame.resume_ms),
        None if current is None else (current.id, current.kind, current.title, current.speakers,
                                      current.organisation, current.section_title),
        None if upcoming is None else (upcoming.id, upcoming.kind, upcoming.title, upcoming.speakers,
                                       upcoming.organisation, format_tod(upcoming.projected_start_ms)),
        tuple((item.id, item.title, item.speakers, item.organisation, format_tod(item.projected_start_ms))
              for item in frame.coming_up),
        bool(frame.countdown_text),  # the optional countdown goes away at zero: repaint it all
    )


class ProjectorView(StageView[ProjectorFrame]):
    """Paints the audience's frame; no logic of its own."""

    #: The core's cut of a Control frame for this screen (for thumbnails, tests and screenshots).
    frame_of = staticmethod(projector_frame)

    def __init__(self, parent: QWidget | None = None, logo_path: str | Path | None = None) -> None:
        super().__init__(parent)
        self._digits = Digits()
        self._logo = Logo(logo_path)
        self._faces = ProjectorFaces(self, self._logo, self._digits, self.words)

    @property
    def logo_error(self) -> str:
        """Why the agenda's logo cannot be drawn ("" if it can, or there is none)."""
        return self._logo.error

    def set_logo(self, path: str | Path | None) -> None:
        """Show the agenda's logo (``event.logo``; None or "" for none: no logo area at all)."""
        self._logo = Logo(path)
        self._faces = ProjectorFaces(self, self._logo, self._digits, self.words)
        self.update()

    def scene_key(self, frame: ProjectorFrame) -> tuple[object, ...]:
        return scene_key(frame)

    def countdown_dirty_rect(self) -> QRect:
        return self.countdown_rect().adjusted(-2, -2, 2, 2)

    def countdown_dirty_region(self, old: str, new: str) -> QRegion:
        """The characters that changed (their ink, old and new), within the countdown's rectangle.

        The welcome's and a break's countdowns are large, and the welcome face is
        mostly text: a second repaints the digit that changed, not the whole row.
        """
        whole = self.countdown_dirty_rect()
        if self._frame is None or whole.isEmpty():
            return QRegion(whole)
        box, digit_height, align = self._faces.countdown_style(self._frame)
        if not self._digits.from_images(new, box, digit_height):
            # Qt draws glyphs between its cache (64 px) and ours as outlines, and the first drawing of one
            # can differ from later ones by a shade: a digit left in place would not match a full repaint.
            return QRegion(whole)
        span = self._digits.changed_span(old, new, box, digit_height, align)
        if span is None:
            return QRegion(whole)
        return QRegion(span.toAlignedRect().intersected(whole))

    def countdown_rect(self) -> QRect:
        """Where the countdown the audience sees is drawn (empty when there is none)."""
        if self._frame is None or not self._frame.countdown_text:
            return QRect()
        return self._faces.countdown_box(self._frame).toAlignedRect()

    def paint(self, painter: QPainter, dirty: QRectF) -> None:
        """Draw the current face (or the part inside ``dirty``) with ``painter``."""
        snap = self._frame
        if snap is None or snap.blackout:
            painter.fillRect(dirty, theme.BLACKOUT)  # exactly black, nothing else
            return
        # A little past the region (the clip stops it): at a fractional scale its edge falls inside a pixel,
        # which an antialiased fill would half-cover under an unchanged digit.
        painter.fillRect(dirty.adjusted(-1, -1, 1, 1), theme.BACKGROUND)
        self._faces.paint(painter, snap, dirty)

