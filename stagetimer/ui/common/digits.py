"""Countdown digits: tabular, as large as their box allows, steady in size.

A countdown is the one thing on a stage screen that changes every second,
so three things matter: the digits must not jiggle (tabular figures), the
size must not jump when ``10:00`` becomes ``9:59`` (the size is chosen for
the digit *pattern*, at least ``00:00``, not for the text), and a repaint
must be cheap (the font and its measurements are computed once per size).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from stagetimer.ui.common import fonts, theme

#: Every countdown up to 59:59 and up to +9:59 is sized like this, so sizes stay put.
NARROWEST_PATTERN = "00:00"
_DIGIT = re.compile(r"\d")
#: What countdowns and clocks are made of; measured once per size.
_CHARS = "0123456789:+-±"
#: From this size on digits are drawn from rasterised images (Qt's own glyph cache stops well below).
GLYPH_CACHE_PX = 96
#: Colours kept rasterised at once: a flash alternates between two.
GLYPH_SETS = 2
#: Measurements are taken once at this size and scaled (font metrics scale linearly).
_REFERENCE_PX = 1000
#: Pixels added on each side of a changed character's ink (rounding of glyph images, antialiasing).
_SPAN_MARGIN = 4


def pattern(text: str) -> str:
    """``9:59`` → ``0:00``: with tabular figures every digit has the same width."""
    return _DIGIT.sub("0", text)


@dataclass(frozen=True)
class DigitsLayout:
    """A countdown font for one box, and where its digits' ink sits."""

    font: QFont
    digit_height: float  # height of the digits' ink, in px
    tracking: float  # extra advance after each character, px (negative: tighter)
    advances: dict[str, float]  # per character, measured once for this size
    #: Per character, its bounding and tight ink rectangles at this size (changed_span asks every second).
    inks: dict[str, tuple[QRectF, QRectF]] = field(default_factory=dict)

    @property
    def from_images(self) -> bool:
        """Drawn from rasterised glyph images (the same pixels every time), not by Qt as text."""
        return self.font.pixelSize() >= GLYPH_CACHE_PX

    def ink(self, char: str) -> tuple[QRectF, QRectF]:
        found = self.inks.get(char)
        if found is None:
            metrics = QFontMetricsF(self.font)
            found = self.inks[char] = (metrics.boundingRect(char), metrics.tightBoundingRect(char))
        return found


class Digits:
    """Sizes and draws countdowns for one view (caches per box and pattern)."""

    def __init__(self, weight: QFont.Weight = QFont.Weight.DemiBold, tracking_em: float = theme.COUNTDOWN_TRACKING):
        self._weight = weight
        self._tracking_em = tracking_em
        reference = fonts.countdown_font(_REFERENCE_PX, weight)
        metrics = QFontMetricsF(reference)
        # The ink of a digit (flat tops and bottoms of "0" include its overshoot).
        self._digit_ratio = metrics.tightBoundingRect("0").height() / _REFERENCE_PX
        self._reference = metrics
        self._layouts: dict[tuple, DigitsLayout] = {}
        self._glyph_sets: dict[tuple, GlyphImages] = {}
        self._advances_em: dict[str, float] = {}

    def _advance_em(self, text: str) -> float:
        """Width of ``text`` in em at this view's tracking (no tracking after the last char).

        Kept per text: shaping at the 1000 px reference size costs ~25 µs, and each
        second asks for the same text several times (draw, the changed span).
        Not per pattern, though every text is as wide as its pattern: without
        this shaping between two seconds a thumbnail's unchanged digits (drawn
        by Qt below GLYPH_CACHE_PX) came out a shade different;
        tests/test_stage_repaint.py caught it, the cause inside Qt was not found.
        """
        found = self._advances_em.get(text)
        if found is None:
            advance = self._reference.horizontalAdvance(text) / _REFERENCE_PX
            found = advance + self._tracking_em * max(0, len(text) - 1)
            if len(self._advances_em) > 256:
                self._advances_em.clear()
            self._advances_em[text] = found
        return found

    def layout(self, text: str, width: float, height: float, digit_height: float | None = None) -> DigitsLayout:
        """The font for ``text`` in a ``width``×``height`` box.

        Digits are ``digit_height`` px tall (default: the box's height) unless
        the pattern is too wide for the box, in which case it fits the width.
        """
        shape = pattern(text)
        if len(shape) < len(NARROWEST_PATTERN):
            shape = NARROWEST_PATTERN
        target = height if digit_height is None else min(height, digit_height)
        key = (shape, round(width), round(target))
        found = self._layouts.get(key)
        if found is None:
            by_height = target / self._digit_ratio
            by_width = width / max(self._advance_em(shape), 1e-6)
            px = max(1, int(min(by_height, by_width)))
            font = fonts.countdown_font(px, self._weight)
            metrics = QFontMetricsF(font)
            advances = {char: metrics.horizontalAdvance(char) for char in _CHARS}
            found = DigitsLayout(font, px * self._digit_ratio, px * self._tracking_em, advances)
            if len(self._layouts) > 64:
                self._layouts.clear()
            self._layouts[key] = found
        return found

    def from_images(self, text: str, rect: QRectF, digit_height: float | None = None) -> bool:
        """Whether draw() copies ``text``'s characters from rasterised images in ``rect`` (the same pixels
        every time), rather than asking Qt to draw the text."""
        return self.layout(text, rect.width(), rect.height(), digit_height).from_images

    def width_of(self, text: str, layout: DigitsLayout) -> float:
        """Advance of ``text`` in ``layout`` (what draw() will cover horizontally)."""
        return self._advance_em(text) * layout.font.pixelSize()

    def draw(
        self,
        painter: QPainter,
        text: str,
        rect: QRectF,
        colour: QColor,
        digit_height: float | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
    ) -> QRectF:
        """Draw ``text`` with its digits' ink centred vertically in ``rect``.

        Returns the box of the digits' ink (what a test or a thumbnail samples).
        """
        layout = self.layout(text, rect.width(), rect.height(), digit_height)
        width = self.width_of(text, layout)
        x = _left_edge(rect, width, align)
        baseline = rect.top() + (rect.height() + layout.digit_height) / 2
        glyphs = self._glyphs_for(layout.font, colour, painter) if layout.from_images else None
        if glyphs is None:
            painter.setFont(layout.font)
            painter.setPen(colour)
        # Character by character: tracking applied by us, identical at every size.
        for char in text:
            if glyphs is None:
                painter.drawText(QPointF(x, baseline), char)
            else:
                glyphs.draw(painter, char, x, baseline)
            x += _advance(layout, char) + layout.tracking
        return QRectF(x - width - layout.tracking, baseline - layout.digit_height, width, layout.digit_height)

    def changed_span(
        self,
        old: str,
        new: str,
        rect: QRectF,
        digit_height: float | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
    ) -> QRectF | None:
        """The part of ``rect`` where ``new`` drawn by draw() differs from ``old``; None if it may be anywhere.

        Tabular figures keep every character of an unchanged pattern in place
        (``12:34`` → ``12:33``), so only the characters that differ need
        repainting: usually the last digit, a sixth of a countdown's width.
        Each changed character's span covers the ink of both the old and the
        new glyph (a glyph may overhang its advance), across and up and down,
        and a few pixels more; a different pattern (``10:00`` → ``9:59``)
        moves everything: None.
        """
        if len(old) != len(new) or pattern(old) != pattern(new):
            return None
        layout = self.layout(new, rect.width(), rect.height(), digit_height)
        x = _left_edge(rect, self.width_of(new, layout), align)
        baseline = rect.top() + (rect.height() + layout.digit_height) / 2  # as draw() puts it
        left = top = math.inf
        right = bottom = -math.inf
        for before, after in zip(old, new, strict=True):  # same length: checked above
            advance = _advance(layout, after)
            if before != after:
                for char in (before, after):
                    ink, tight = layout.ink(char)
                    left = min(left, x + min(0.0, ink.left()) - _SPAN_MARGIN)
                    right = max(right, x + max(advance, ink.right()) + _SPAN_MARGIN)
                    top = min(top, baseline + tight.top() - _SPAN_MARGIN)
                    bottom = max(bottom, baseline + tight.bottom() + _SPAN_MARGIN)
            x += advance + layout.tracking
        if left > right:
            return QRectF()  # nothing differs
        return QRectF(math.floor(left), math.floor(top), math.ceil(right) - math.floor(left),
                      math.ceil(bottom) - math.floor(top))

    def _glyphs_for(self, font: QFont, colour: QColor, painter: QPainter) -> GlyphImages:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (font.pixelSize(), int(font.weight()), colour.rgba(), ratio)
        glyphs = self._glyph_sets.pop(key, None)
        if glyphs is None:
            glyphs = GlyphImages(font, colour, ratio)
            while len(self._glyph_sets) >= GLYPH_SETS:
                self._glyph_sets.pop(next(iter(self._glyph_sets)))  # the colour used longest ago
        self._glyph_sets[key] = glyphs  # most recently used last
        return glyphs


class GlyphImages:
    """One font and colour's characters, rasterised once and then copied.

    Qt rasterises text larger than its glyph cache as outlines on every
    paint; a 4K countdown is four glyphs a thousand pixels tall, which costs
    a few milliseconds each second. Copying ready images costs a fraction.

    Each image holds the character's ink only, not its line: a digit fills
    about 60 % of the line's height (the ascent above it and the descent
    below are empty), and at 1080p the images of one colour and size are
    several megabytes. It is placed exactly where the line-high image was, so
    the pixels drawn are the same.
    """

    def __init__(self, font: QFont, colour: QColor, ratio: float) -> None:
        self._font = font
        self._colour = QColor(colour)
        self._ratio = ratio
        self._metrics = QFontMetricsF(font)
        self._images: dict[str, tuple[QImage, QPoint, QPoint]] = {}

    def draw(self, painter: QPainter, char: str, x: float, baseline: float) -> None:
        found = self._images.get(char)
        if found is None:
            found = self._images[char] = self._render(char)
        image, anchor, inset = found
        # Rounded at the line's box, as before the images were cropped: a tie (x.5) goes the same way.
        painter.drawImage(QPointF(round(x + anchor.x()) + inset.x(), round(baseline + anchor.y()) + inset.y()), image)

    def _render(self, char: str) -> tuple[QImage, QPoint, QPoint]:
        line = self._metrics.boundingRect(char).toAlignedRect().adjusted(-2, -2, 2, 2)
        box = line
        if self._ratio == int(self._ratio):  # an inset of whole device pixels leaves the rasterised ink unchanged
            box = self._metrics.tightBoundingRect(char).toAlignedRect().adjusted(-2, -2, 2, 2).intersected(line)
        size = QSize(max(1, math.ceil(box.width() * self._ratio)), max(1, math.ceil(box.height() * self._ratio)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self._ratio)
        image.fill(Qt.GlobalColor.transparent)
        image.setText("glyph", char)  # for tests and debugging: what this image shows
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawText(QPointF(-box.left(), -box.top()), char)
        painter.end()
        return image, line.topLeft(), box.topLeft() - line.topLeft()


def _left_edge(rect: QRectF, width: float, align: Qt.AlignmentFlag) -> float:
    """Where draw() starts a text ``width`` wide in ``rect`` (changed_span must agree to the pixel)."""
    if align == Qt.AlignmentFlag.AlignLeft:
        return rect.left()
    if align == Qt.AlignmentFlag.AlignRight:
        return rect.right() - width
    return rect.left() + (rect.width() - width) / 2


def _advance(layout: DigitsLayout, char: str) -> float:
    """How far draw() moves past ``char`` before tracking: the layout's tabular advance, else the font's."""
    advance = layout.advances.get(char)
    return QFontMetricsF(layout.font).horizontalAdvance(char) if advance is None else advance
