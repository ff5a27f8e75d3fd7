"""What the two stage screens share: take a frame, repaint only what changed, paint it.

A Presenter or Projector gets a new frame on every tick. Most ticks only the
countdown moved, so when everything else (the screen's ``scene_key``) is the
same, only the countdown's rectangle is repainted: cheap, and the digits
flip on time. The views paint their frame and decide nothing else.

Their words ("NEXT", "Break", "Thank you") are in the language the frame
names (the agenda's), not the operator's: ``tr`` here is a StageWords
lookup, so the speaker and the audience keep the agenda's language while
Control follows ``--lang`` and the Language menu.
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from stagetimer.ui.common.i18n import StageWords


class StageFrame(Protocol):
    @property
    def countdown_text(self) -> str: ...

    @property
    def language(self) -> str: ...


FrameT = TypeVar("FrameT", bound=StageFrame)


class StageView(QWidget, Generic[FrameT]):
    """A full-screen painted view of one audience's frame (subclasses paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted
        self.setMinimumSize(160, 90)
        self._frame: FrameT | None = None
        #: The stage's words, in the language of the frame being shown.
        self.words = StageWords()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the agenda's language (the frame's), in this class's translation context."""
        return self.words.translate(type(self).__name__, text)

    @property
    def frame(self) -> FrameT | None:
        return self._frame

    def show_frame(self, frame: FrameT) -> None:
        """Draw ``frame`` at the next paint; a ticking countdown repaints only itself."""
        previous, self._frame = self._frame, frame
        if previous is not None and previous.language != frame.language:
            self.update()  # every word changes (an edited agenda switched its language)
        self.words.use(frame.language)
        if previous is not None and self.scene_key(previous) == self.scene_key(frame):
            if previous.countdown_text != frame.countdown_text:
                self.update(self.countdown_dirty_region(previous.countdown_text, frame.countdown_text))
            return
        self.update()

    # -- for subclasses -----------------------------------------------------

    def scene_key(self, frame: FrameT) -> tuple[object, ...]:
        """Everything the screen shows except its countdown."""
        raise NotImplementedError

    def countdown_dirty_rect(self) -> QRect:
        """What to repaint when only the countdown changed."""
        raise NotImplementedError

    def countdown_dirty_region(self, old: str, new: str) -> QRegion:
        """What to repaint when the countdown went from ``old`` to ``new`` and nothing else changed.

        Never more than countdown_dirty_rect(); a view may narrow it to the characters that changed.
        """
        return QRegion(self.countdown_dirty_rect())

    def paint(self, painter: QPainter, dirty: QRectF) -> None:
        """Draw the frame (or the part inside ``dirty``)."""
        raise NotImplementedError

    # -- Qt -------------------------------------------------------------------

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
