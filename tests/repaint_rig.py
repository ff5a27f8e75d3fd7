"""Painting a stage view as Qt's backing store does, to check that a flip's narrow repaint is exact.

A view asks for a region when its countdown flips (``StageView.show_frame`` →
``update(region)``). ``flip`` paints the old frame, then the new one inside
that region, and also the repaint a flip made before regions were narrowed:
the countdown's whole rectangle, with every part of the screen drawn and the
clip alone keeping it there. Tests compare the two pixel for pixel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QRegion


def paint(view: Any, image: QImage, region: QRegion | None = None) -> None:
    """Paint ``view`` into ``image``: whole, or inside ``region`` as an ``update(region)`` would."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # as StageView.paintEvent
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if region is None:
        view.paint(painter, QRectF(view.rect()))
    else:
        painter.setClipRegion(region)  # what Qt's backing store does for an update(region)
        view.paint(painter, QRectF(region.boundingRect()))
    painter.end()


def flip(view: Any, before: Any, after: Any, ratio: float = 1.0) -> tuple[QImage, QImage, QRegion]:
    """(the screen after the flip's repaint, after the repaint a flip made before, the region asked for).

    ``ratio``: the screen's scale (1.25 is Windows' 125 %), the device pixels behind each of the view's.
    """
    regions: list[QRegion] = []
    view.show_frame(before)
    screen = QImage(round(view.width() * ratio), round(view.height() * ratio),
                    QImage.Format.Format_ARGB32_Premultiplied)
    screen.setDevicePixelRatio(ratio)
    paint(view, screen)
    view.update = lambda *area: regions.append(QRegion(*area) if area else QRegion(view.rect()))
    view.show_frame(after)
    del view.update
    assert len(regions) == 1, "a changed countdown asks for exactly one repaint"
    whole = screen.copy()
    paint(view, screen, regions[0])
    painter = QPainter(whole)  # the countdown's whole rectangle, every part of the screen drawn, clipped
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(view.countdown_dirty_rect())
    view.paint(painter, QRectF(view.rect()))
    painter.end()
    return screen, whole, regions[0]
