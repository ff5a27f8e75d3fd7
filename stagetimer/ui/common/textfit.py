"""Fitting text into a box: wrap at spaces, shrink until it fits, never clip.

Korean titles on the agenda run long ("재난 안전 관제를 위한 지능형 CCTV
고도화", the forum topics, the event's full name) and must reach the back
row whole: a title cut off mid-word is worse than a smaller one. Lines break
at spaces only (Korean typesetting's keep-all: a word is never split between
syllables) unless a single word is wider than the box on its own. Lines are
balanced, so a two-line title does not leave one word dangling.

Fitting shapes text many times, so each result is cached by the view that
asked; a repaint of an unchanged screen then costs one dictionary lookup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from stagetimer.ui.common import fonts

#: Distance between baselines, as a multiple of the pixel size.
LINE_SPACING = 1.22
#: The most characters ever laid out. Fitting costs a few passes over the text
#: per size tried, and no screen shows more than this at a readable size (the
#: loader allows 300 per title); a longer string is cut with an ellipsis first,
#: so even a 650,000-character one costs the GUI thread no more than this does.
MAX_CHARS = 1000


@dataclass(frozen=True)
class FittedText:
    """Text laid out for one box: the font it fits at and its lines."""

    font: QFont
    lines: tuple[str, ...]
    line_widths: tuple[float, ...]
    line_height: float
    ascent: float
    descent: float

    @property
    def height(self) -> float:
        """From the top of the first line's ascent to the bottom of the last descent."""
        if not self.lines:
            return 0.0
        return (len(self.lines) - 1) * self.line_height + self.ascent + self.descent

    @property
    def width(self) -> float:
        return max(self.line_widths, default=0.0)

    @property
    def pixel_size(self) -> int:
        return self.font.pixelSize()


def wrap(text: str, metrics: QFontMetricsF, width: float, keep_groups: bool = False) -> list[str]:
    """Greedy keep-all wrapping: break at spaces (and at explicit newlines), with ``keep_groups`` never
    inside brackets.

    A parenthesised group ("모형(AI파운데이션 모델)") is then one unit: a reader
    must not meet half an aside at the end of a line. A unit wider than the
    box on its own is broken at its inner spaces, and a word wider than the
    box between characters: the only way left to keep every character visible.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_greedy(units(paragraph) if keep_groups else paragraph.split(), metrics, width))
    return [line for line in lines if line] or [""]


#: Brackets whose contents stay on one line with the word they are attached to.
#: ASCII, then fullwidth ( [ { and 〈《「『【, written as escapes (the fullwidth ones look like ASCII).
OPENING = "([{<\uff08\uff3b\uff5b\u3008\u300a\u300c\u300e\u3010"
CLOSING = ")]}>\uff09\uff3d\uff5d\u3009\u300b\u300d\u300f\u3011"


def units(paragraph: str) -> list[str]:
    """The paragraph's words, with the spaces inside brackets kept: "a (b c) d" → ["a", "(b c)", "d"]."""
    result: list[str] = []
    depth = 0
    for word in paragraph.split():
        if depth > 0 and result:
            result[-1] = f"{result[-1]} {word}"
        else:
            result.append(word)
        depth = max(0, depth + sum(word.count(c) for c in OPENING) - sum(word.count(c) for c in CLOSING))
    return result


def _greedy(tokens: list[str], metrics: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in tokens:
        candidate = f"{line} {token}" if line else token
        if metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if metrics.horizontalAdvance(token) <= width:
            pieces = [token]
        elif " " in token:  # a group too wide on its own: at its inner spaces, then as words
            pieces = _greedy(token.split(), metrics, width)
        else:
            pieces = _split_word(token, metrics, width)
        lines.extend(pieces[:-1])
        line = pieces[-1]
    lines.append(line)
    return lines


def _split_word(word: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``word`` cut into the longest pieces that fit ``width`` (at least one character each).

    Each cut is found by bisection, so a long word costs O(n log n) measuring,
    not a measurement per character of ever longer lines.
    """
    pieces: list[str] = []
    start = 0
    while start < len(word):
        low, high = start + 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if metrics.horizontalAdvance(word[start:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[start:low])
        start = low
    return pieces


def _words_intact(text: str, lines: list[str], keep_groups: bool = False) -> bool:
    """True if no word was split between characters (with ``keep_groups``, no bracketed group between lines)."""
    if not keep_groups:
        return " ".join(lines).split() == text.split()
    return [unit for line in lines for unit in units(line)] == [u for p in text.split("\n") for u in units(p)]


def _balanced(text: str, metrics: QFontMetricsF, width: float, count: int, keep_groups: bool) -> list[str]:
    """The narrowest wrapping that still needs only ``count`` lines."""
    best = wrap(text, metrics, width, keep_groups)
    low, high = width * 0.4, width
    for _ in range(10):
        middle = (low + high) / 2
        lines = wrap(text, metrics, middle, keep_groups)
        if len(lines) <= count and _words_intact(text, lines, keep_groups):
            best, high = lines, middle
        else:
            low = middle
    return best


class TextFitter:
    """Fits text to boxes and remembers the answers (one per view, not global)."""

    def __init__(self, capacity: int = 512) -> None:
        self._capacity = capacity
        self._cache: dict[tuple, FittedText] = {}

    def fit(
        self,
        text: str,
        width: float,
        height: float,
        max_px: float,
        *,
        weight: QFont.Weight = QFont.Weight.Normal,
        max_lines: int = 1,
        min_px: float = 0.0,
        tabular: bool = False,
        fewer_lines: float = 1.0,
        keep_groups: bool = False,
    ) -> FittedText:
        """The largest size ≤ ``max_px`` at which ``text`` fits ``width``×``height``
        in at most ``max_lines`` lines.

        With ``fewer_lines`` below 1, a layout with fewer lines wins if its size
        is at least that share of the largest: a title a little too long for
        one line is set on one slightly smaller line across the screen, not as
        two short balanced lines that leave its right side empty. With
        ``keep_groups`` a bracketed group stays on one line while words stay whole.

        Words stay whole down to ``min_px``; below that a word too long for the
        box may be split, and the size goes on down to 1 px: shrinking beats clipping.
        Text over :data:`MAX_CHARS` is cut to it first, which bounds the work.
        """
        if len(text) > MAX_CHARS:
            text = text[: MAX_CHARS - 1] + "…"
        key = (text, round(width), round(height), round(max_px), weight, max_lines, round(min_px), tabular,
               fewer_lines, keep_groups)
        found = self._cache.get(key)
        if found is None:
            found = self._fit(
                text, max(1.0, width), max(1.0, height), max(1, round(max_px)), weight, max_lines, min_px, tabular,
                keep_groups,
            )
            while fewer_lines < 1.0 and len(found.lines) > 1:
                fewer = self._fit(text, max(1.0, width), max(1.0, height), max(1, round(max_px)), weight,
                                  len(found.lines) - 1, min_px, tabular, keep_groups)
                if fewer.pixel_size < fewer_lines * found.pixel_size or not _words_intact(
                    text, list(fewer.lines), keep_groups
                ):
                    break
                found = fewer
            if len(self._cache) >= self._capacity:
                self._cache.pop(next(iter(self._cache)))  # oldest first: texts of past items
            self._cache[key] = found
        return found

    def _fit(
        self,
        text: str,
        width: float,
        height: float,
        max_px: int,
        weight: QFont.Weight,
        max_lines: int,
        min_px: float,
        tabular: bool,
        keep_groups: bool = False,
    ) -> FittedText:
        def attempt(px: int, split_words: bool) -> FittedText | None:
            font = fonts.countdown_font(px, weight) if tabular else fonts.text_font(px, weight)
            metrics = QFontMetricsF(font)
            lines = wrap(text, metrics, width, keep_groups)
            if len(lines) > max_lines or any(metrics.horizontalAdvance(line) > width for line in lines):
                return None
            if not split_words and not _words_intact(text, lines, keep_groups):
                return None
            # Unbalanced: balancing keeps the number of lines, so it cannot change whether a size
            # fits; only the size chosen is balanced (below), not every size the search tries.
            fitted = FittedText(
                font=font,
                lines=tuple(lines),
                line_widths=tuple(metrics.horizontalAdvance(line) for line in lines),
                line_height=px * LINE_SPACING,
                ascent=metrics.ascent(),
                descent=metrics.descent(),
            )
            return fitted if fitted.height <= height else None

        best = self._largest(attempt, max_px, split_words=False)
        if best is None or best.pixel_size < min_px:
            split = self._largest(attempt, max_px, split_words=True)
            if split is not None and (best is None or split.pixel_size > best.pixel_size):
                best = split
        if best is not None and len(best.lines) > 1:
            metrics = QFontMetricsF(best.font)
            lines = _balanced(text, metrics, width, len(best.lines), keep_groups)
            best = dataclasses.replace(best, lines=tuple(lines),
                                       line_widths=tuple(metrics.horizontalAdvance(line) for line in lines))
        if best is None:  # not even 1 px fits: draw it tiny anyway rather than drop it
            font = fonts.text_font(1, weight)
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(text)
            best = FittedText(font, (text,), (width,), LINE_SPACING, metrics.ascent(), metrics.descent())
        return best

    @staticmethod
    def _largest(
        attempt: Callable[[int, bool], FittedText | None], max_px: int, split_words: bool
    ) -> FittedText | None:
        """Binary search for the largest size that fits (smaller text never needs more room)."""
        best = attempt(max_px, split_words)
        if best is not None:
            return best
        low, high = 0, max_px
        while high - low > 1:
            middle = (low + high) // 2
            fitted = attempt(middle, split_words)
            if fitted is None:
                high = middle
            else:
                best, low = fitted, middle
        return best


def draw_fitted(
    painter: QPainter,
    fitted: FittedText,
    rect: QRectF,
    colour: QColor,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> QRectF:
    """Draw ``fitted`` in ``rect``; returns the box the text actually covers."""
    if valign == Qt.AlignmentFlag.AlignBottom:
        top = rect.bottom() - fitted.height
    elif valign == Qt.AlignmentFlag.AlignVCenter:
        top = rect.top() + (rect.height() - fitted.height) / 2
    else:
        top = rect.top()
    painter.setFont(fitted.font)
    painter.setPen(colour)
    baseline = top + fitted.ascent
    for line, line_width in zip(fitted.lines, fitted.line_widths, strict=False):
        if align == Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - line_width) / 2
        elif align == Qt.AlignmentFlag.AlignRight:
            x = rect.right() - line_width
        else:
            x = rect.left()
        painter.drawText(QPointF(x, baseline), line)
        baseline += fitted.line_height
    left = rect.left() if align == Qt.AlignmentFlag.AlignLeft else rect.center().x() - fitted.width / 2
    if align == Qt.AlignmentFlag.AlignRight:
        left = rect.right() - fitted.width
    return QRectF(left, top, fitted.width, fitted.height)
