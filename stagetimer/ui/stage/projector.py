"""The audience's screen: who is speaking now, what comes next, and when.

It reads from the back of a hall on a washed-out projector: the talk title
and the speaker are large, labels are few, everything sits on near-black.
Four faces: the programme (NOW / NEXT), a break (휴식 and the time it
resumes), the welcome before the first item, the closing after the last,
and a blackout that is exactly black.

Never shown here, by construction: notes, over/under, the speaker's message,
whether the clock is paused, flashes. The view reads only the snapshot
fields meant for the audience (see ``scene_key``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from stagetimer import resources
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.timefmt import format_countdown, format_tod
from stagetimer.ui.common import theme
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.stage.projector_faces import ProjectorFaces

LOGO_FILE = "logo.svg"


def scene_key(snapshot: Snapshot) -> tuple:
    """Everything the projector shows except its countdown (changes every second).

    This is also the list of every snapshot field the projector may read:
    nothing operator-only (note, over/under, message, paused, flash) is in it.
    """
    current, upcoming = snapshot.current, snapshot.next
    return (
        snapshot.stage,
        snapshot.blackout,
        snapshot.projector_countdown,
        snapshot.event_title,
        snapshot.event_subtitle,
        snapshot.event_date,
        snapshot.venue,
        format_tod(snapshot.planned_start_ms),
        snapshot.welcome_remaining_ms == 0,
        None if snapshot.resume_ms is None else format_tod(snapshot.resume_ms),
        None if current is None else (current.id, current.kind, current.title, current.speakers,
                                      current.organisation, current.section_title),
        None if upcoming is None else (upcoming.id, upcoming.kind, upcoming.title, upcoming.speakers,
                                       upcoming.organisation, format_tod(upcoming.projected_start_ms)),
    )


def audience_countdown(snapshot: Snapshot) -> str:
    """The countdown the audience may see now ("" for none)."""
    if snapshot.blackout:
        return ""
    if snapshot.stage == "welcome":
        return format_countdown(snapshot.welcome_remaining_ms) if snapshot.welcome_remaining_ms > 0 else ""
    if snapshot.stage != "live" or snapshot.current is None:
        return ""
    if snapshot.current.kind == "break" or snapshot.projector_countdown:
        return snapshot.countdown_text
    return ""


class Logo:
    """The event's logo (an SVG), rendered once per size and reused."""

    def __init__(self, path: Path | None) -> None:
        self._renderer: QSvgRenderer | None = None
        if path is not None and path.is_file():
            renderer = QSvgRenderer(str(path))
            if renderer.isValid():
                self._renderer = renderer
        self._pixmap: QPixmap | None = None

    @property
    def available(self) -> bool:
        return self._renderer is not None

    @property
    def aspect(self) -> float:
        """Width over height (a placeholder box is 3:1)."""
        if self._renderer is None:
            return 3.0
        box = self._renderer.viewBoxF()
        return box.width() / box.height() if box.height() > 0 else 3.0

    def draw(self, painter: QPainter, rect: QRectF, ratio: float) -> None:
        """Draw into ``rect``, keeping the aspect ratio, centred; nothing if there is no logo."""
        if self._renderer is None or rect.isEmpty():
            return
        height = min(rect.height(), rect.width() / self.aspect)
        size = QSize(max(1, round(height * self.aspect * ratio)), max(1, round(height * ratio)))
        if self._pixmap is None or self._pixmap.size() != size:
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            inner = QPainter(image)
            inner.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(inner)
            inner.end()
            self._pixmap = QPixmap.fromImage(image)
            self._pixmap.setDevicePixelRatio(ratio)
        target = QRectF(0, 0, height * self.aspect, height)
        target.moveCenter(rect.center())
        painter.drawPixmap(target.topLeft(), self._pixmap)


class ProjectorView(QWidget):
    """Paints the audience's view of the current snapshot; no logic of its own."""

    def __init__(self, parent: QWidget | None = None, logo_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        self._snapshot: Snapshot | None = None
        self._logo = Logo(logo_path if logo_path is not None else resources.assets_dir() / LOGO_FILE)
        self._faces = ProjectorFaces(self, self._logo, Digits())

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw ``snapshot`` at the next paint; a ticking countdown repaints only itself."""
        previous, self._snapshot = self._snapshot, snapshot
        if previous is not None and scene_key(previous) == scene_key(snapshot):
            if audience_countdown(previous) != audience_countdown(snapshot):
                self.update(self.countdown_rect().adjusted(-2, -2, 2, 2))
            return
        self.update()

    def countdown_rect(self) -> QRect:
        """Where the countdown the audience sees is drawn (empty when there is none)."""
        if self._snapshot is None or not audience_countdown(self._snapshot):
            return QRect()
        return self._faces.countdown_box(self._snapshot).toAlignedRect()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # labels are translated at paint time
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint(painter, QRectF(event.rect()))
        painter.end()

    def paint(self, painter: QPainter, dirty: QRectF) -> None:
        """Draw the current face (or the part inside ``dirty``) with ``painter``."""
        snap = self._snapshot
        if snap is None or snap.blackout:
            painter.fillRect(dirty, theme.BLACKOUT)  # exactly black, nothing else
            return
        painter.fillRect(dirty, theme.BACKGROUND)
        self._faces.paint(painter, snap, dirty)

