"""A stage screen in miniature, 16:9 at whatever size the Control window can spare.

The thumbnails show exactly what the speaker and the audience see. On a
1366×768 laptop next to the two stage windows they must give way to the
agenda, on a 4K monitor they may grow: the frame takes the space its layout
gives it and keeps the picture at 16:9 inside it, top-aligned, so it never
asks the window for more room than a small screen has.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The smallest thumbnail still worth looking at: colour and digits read at a glance.
MIN_WIDTH = 144
#: The size asked for at scale 1 (the window may give less, down to MIN_WIDTH).
PREFERRED_WIDTH = 320


class ThumbnailFrame(QWidget):
    """Holds one stage view and keeps it 16:9 within whatever size the layout grants."""

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        view.setGeometry(0, 0, PREFERRED_WIDTH, PREFERRED_WIDTH * 9 // 16)  # 16:9 before the first layout too
        self._scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_scale(self, scale: float) -> None:
        """How much bigger than at 1080p the window draws (a 4K screen: 2)."""
        self._scale = scale
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        width = round(PREFERRED_WIDTH * self._scale)
        return QSize(width, width * 9 // 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, MIN_WIDTH * 9 // 16)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = min(self.width(), self.height() * 16 // 9)
        self.view.setGeometry(0, 0, width, width * 9 // 16)
