"""The countdown's glyph images hold only the ink, and draw the very pixels the line-high images drew.

A 1080p countdown keeps a rasterised image per character and colour; each
now covers the glyph's ink instead of the font's whole line (ascent to
descent), about 40 % less memory. The speaker must see no difference: every
character, at stage and thumbnail sizes, at whole, fractional and tie (x.5)
positions, is compared pixel by pixel with the line-high image placed as the
earlier version placed it.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from stagetimer.ui.common import fonts, theme
from stagetimer.ui.common.digits import GlyphImages

CHARACTERS = "0123456789:+-"
POSITIONS = ((40.0, 700.0), (40.5, 700.5), (41.5, 701.5), (40.3, 700.7), (39.71, 699.26))


def line_high_image(font: QFont, colour: QColor, char: str) -> tuple[QImage, QPointF]:
    """The image as it was before issue 13: the character's whole line, and its offset from the origin."""
    box = QFontMetricsF(font).boundingRect(char).toAlignedRect().adjusted(-2, -2, 2, 2)
    image = QImage(QSize(box.width(), box.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QPointF(-box.left(), -box.top()), char)
    painter.end()
    return image, QPointF(box.left(), box.top())


def screen() -> QImage:
    image = QImage(1200, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.BACKGROUND))
    return image


@pytest.mark.parametrize("pixel_size", [100, 237, 536, 900])
@pytest.mark.parametrize("colour", [theme.FOREGROUND, theme.AMBER, theme.RED, theme.PAUSED])
def test_each_character_draws_the_same_pixels_as_the_line_high_image(qapp, pixel_size: int, colour: QColor) -> None:
    font = fonts.countdown_font(pixel_size)
    glyphs = GlyphImages(font, QColor(colour), 1.0)
    for char in CHARACTERS:
        reference, offset = line_high_image(font, QColor(colour), char)
        for x, baseline in POSITIONS:
            drawn, expected = screen(), screen()
            painter = QPainter(drawn)
            glyphs.draw(painter, char, x, baseline)
            painter.end()
            painter = QPainter(expected)
            painter.drawImage(QPointF(round(x + offset.x()), round(baseline + offset.y())), reference)
            painter.end()
            assert drawn == expected, f"{char!r} at {pixel_size} px, ({x}, {baseline})"


def test_an_image_holds_the_ink_not_the_line(qapp) -> None:
    """What saves the memory: a digit's image is not as tall as the font's line (ascent + descent)."""
    font = fonts.countdown_font(536)
    glyphs = GlyphImages(font, QColor(theme.FOREGROUND), 1.0)
    drawn = screen()
    painter = QPainter(drawn)
    glyphs.draw(painter, "0", 40.0, 700.0)
    painter.end()
    metrics = QFontMetricsF(font)
    ((image, _anchor, _inset),) = glyphs._images.values()
    assert image.height() < math.ceil(metrics.ascent() + metrics.descent()) * 0.7
