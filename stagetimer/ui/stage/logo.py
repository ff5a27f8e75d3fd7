"""The event's logo on the projector (``event.logo``): an SVG or PNG, scaled once per size and reused.

The core has checked the path, the size and the file's first bytes; decoding
the picture is left to Qt, here. If that fails (a damaged file) the logo is
simply absent — the screens leave no hole for it — and :attr:`Logo.error`
says why, for the app to tell the operator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap

if TYPE_CHECKING:  # QtSvg (a library and its bindings) is loaded only for an SVG logo
    from PySide6.QtSvg import QSvgRenderer


class Logo:
    """The event's logo, or none (``path`` None or empty): then :attr:`available` is False."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._renderer: QSvgRenderer | None = None
        self._image: QImage | None = None
        self._pixmap: QPixmap | None = None
        self.error = ""  # why a named logo cannot be shown ("" when it can, or none is named)
        if not path:  # the agenda names none ("")
            return
        path = Path(path)
        if path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path))
            if renderer.isValid() and not renderer.viewBoxF().isEmpty():
                self._renderer = renderer
        else:
            reader = QImageReader(str(path))
            image = reader.read()
            if not image.isNull():
                self._image = image
        if not self.available:
            self.error = QCoreApplication.translate("Logo", "The logo %1 cannot be drawn (a damaged or unsupported "
                                                    "file): the projector shows none.").replace("%1", str(path))

    @property
    def available(self) -> bool:
        return self._renderer is not None or self._image is not None

    @property
    def aspect(self) -> float:
        """Width over height (1 when there is none)."""
        if self._renderer is not None:
            box = self._renderer.viewBoxF()
            return box.width() / box.height()
        if self._image is not None and self._image.height() > 0:
            return self._image.width() / self._image.height()
        return 1.0

    def draw(self, painter: QPainter, rect: QRectF, ratio: float) -> QRectF:
        """Draw into ``rect``, keeping the aspect ratio, centred; returns where (empty if there is no logo)."""
        if not self.available or rect.isEmpty():
            return QRectF()
        height = min(rect.height(), rect.width() / self.aspect)
        size = QSize(max(1, round(height * self.aspect * ratio)), max(1, round(height * ratio)))
        if self._pixmap is None or self._pixmap.size() != size:
            self._pixmap = self._scaled(size)
            self._pixmap.setDevicePixelRatio(ratio)
        target = QRectF(0, 0, height * self.aspect, height)
        target.moveCenter(rect.center())
        painter.drawPixmap(target.topLeft(), self._pixmap)
        return target

    def _scaled(self, size: QSize) -> QPixmap:
        if self._image is not None:
            return QPixmap.fromImage(self._image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        inner = QPainter(image)
        inner.setRenderHint(QPainter.RenderHint.Antialiasing)
        assert self._renderer is not None
        self._renderer.render(inner)
        inner.end()
        return QPixmap.fromImage(image)
