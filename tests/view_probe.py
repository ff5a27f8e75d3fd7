"""Looking at a rendered stage view the way a person would: colours, ink, words.

Helpers for the Presenter and Projector tests: render a view to an image,
find the colour of the ink inside a rectangle (the pixels that are not the
background), measure how tall that ink is, and record every string the view
draws (a QPainter subclass that notes drawText calls).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.snapshot import Snapshot


def render(view: QWidget, snapshot: Snapshot, width: int = 1920, height: int = 1080) -> QImage:
    """The view as it would appear on a ``width``×``height`` screen, as RGB888."""
    view.resize(width, height)
    view.show_frame(view.frame_of(snapshot))  # type: ignore[attr-defined]
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)


def _rows(image: QImage, rect: QRect, step: int):
    """(y, [(r, g, b), ...]) for every ``step``-th pixel of every row of ``rect``."""
    rect = rect.intersected(image.rect())
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    for y in range(rect.top(), rect.bottom() + 1):
        row = data[y * stride + rect.left() * 3 : y * stride + (rect.right() + 1) * 3]
        yield y, [tuple(row[i : i + 3]) for i in range(0, len(row), 3 * step)]


def _near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def ink_colour(image: QImage, rect: QRect, background: QColor, step: int = 3) -> tuple[int, int, int] | None:
    """The most common colour in ``rect`` that is not the background (antialiased
    edges are a minority, so this is the colour the glyphs are filled with)."""
    back = rgb(background)
    counts: Counter[tuple[int, ...]] = Counter()
    for _, pixels in _rows(image, rect, step):
        counts.update(pixel for pixel in pixels if not _near(pixel, back, 24))
    if not counts:
        return None
    return counts.most_common(1)[0][0]  # type: ignore[return-value]


def ink_height(image: QImage, rect: QRect, background: QColor, step: int = 4) -> int:
    """Height in pixels of everything drawn inside ``rect`` (first to last inked row)."""
    back = rgb(background)
    inked = [y for y, pixels in _rows(image, rect, step) if any(not _near(p, back, 60) for p in pixels)]
    return inked[-1] - inked[0] + 1 if inked else 0


def share_of(image: QImage, rect: QRect, colour: QColor, tolerance: int = 12, step: int = 3) -> float:
    """Fraction of the pixels in ``rect`` that are ``colour``."""
    target = rgb(colour)
    total = hits = 0
    for _, pixels in _rows(image, rect, step):
        total += len(pixels)
        hits += sum(1 for pixel in pixels if _near(pixel, target, tolerance))
    return hits / total if total else 0.0


def pixel(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    return rgb(image.pixelColor(x, y))


class RecordingPainter(QPainter):
    """A painter that remembers every string drawn with it."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args) -> None:
        self.texts.extend(arg for arg in args if isinstance(arg, str))
        super().drawText(*args)

    def drawImage(self, *args) -> None:
        # Big countdown digits are pre-rendered glyph images that say which character they show.
        self.texts.extend(arg.text("glyph") for arg in args if isinstance(arg, QImage) and arg.text("glyph"))
        super().drawImage(*args)


def drawn_texts(view: QWidget, snapshot: Snapshot, width: int = 1920, height: int = 1080) -> list[str]:
    """Every string the view draws for ``snapshot``; character runs (countdowns) are joined."""
    view.resize(width, height)
    view.show_frame(view.frame_of(snapshot))  # type: ignore[attr-defined]
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = RecordingPainter(image)
    view.paint(painter, QRectF(0, 0, width, height))  # type: ignore[attr-defined]
    painter.end()
    return _join_characters(painter.texts)


def _join_characters(texts: list[str]) -> list[str]:
    """Countdowns are drawn one character at a time; glue runs of single characters back."""
    joined: list[str] = []
    run = ""
    for text in texts:
        if len(text) == 1:
            run += text
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(text)
    if run:
        joined.append(run)
    return joined

