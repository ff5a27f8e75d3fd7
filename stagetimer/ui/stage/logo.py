"""The event's logo on the projector: an SVG rendered once per size and reused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


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
