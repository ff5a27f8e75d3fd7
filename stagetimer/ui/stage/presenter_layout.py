"""Where everything sits on the Presenter screen, as fractions of its size.

Kept apart from the painting so the proportions read as one table, tests
can ask where the countdown is, and a resize costs one small computation.

The sizes come from reading distance, not taste. A speaker reads this screen
from up to five metres; the rule used is that a capital (or a Hangul
syllable, which is taller) must be at least 1/200 of the distance, 2.5 cm at
5 m. A 32-inch 16:9 panel is 398 mm tall, so at 1080p a pixel is 0.369 mm
and 2.5 cm is 68 px of cap height; Pretendard's cap height is 0.707 em, so
the text must be set at 96 px or more — 9% of the screen height
(:data:`READABLE`), at any resolution of the same panel. Title, next item and
time of day are set at that size; tests/test_presenter_legibility.py
measures what is drawn.

Two arrangements: the usual one (title, a line under it, countdown, a
status row, next) and the one while the stage manager's message is up,
where the title gives way to the message band but the next item stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from stagetimer.ui.common import theme

#: Text a speaker must read from 5 m: title, next item, time of day (see above).
READABLE = 0.09
#: The line under the title (the speaker's own name, or their note): read at the lectern.
SECONDARY = 0.047
#: The countdown's digit height; the text above and below it takes the rest.
DIGITS = theme.COUNTDOWN_DIGIT_HEIGHT
DIGITS_WITH_MESSAGE = 0.32


def text_box(px: float, lines: int) -> float:
    """The height ``lines`` lines of ``px`` text need (ascent + descent ≈ 1.19 em, then line spacing)."""
    return px * 1.2 + (lines - 1) * px * 1.22


@dataclass(frozen=True)
class PresenterLayout:
    """Rectangles in widget pixels; an empty rectangle means "not shown"."""

    clock: QRectF
    title: QRectF
    subtitle: QRectF
    status: QRectF  # under the digits: the progress bar, or the PAUSED / READY / TIME IS UP band
    digits: QRectF
    digit_height: float
    progress: QRectF
    next: QRectF
    message: QRectF
    message_text: QRectF
    centre_block: QRectF  # the closing screen's text


def presenter_layout(width: float, height: float, with_message: bool, paused: bool = False) -> PresenterLayout:
    """The Presenter's rectangles for a ``width``×``height`` widget.

    ``paused``: the status row grows into a band as tall as the title's text
    and the digits (which are not moving) give it the room.
    """
    w, h = float(width), float(height)
    mx, my = w * 0.025, h * 0.025  # tighter than the theme's margins: every centimetre of text counts
    inner = w - 2 * mx
    px = h * READABLE
    clock_w = min(inner * 0.25, h * 0.29)  # "10:53" at READABLE, tabular
    gap = h * 0.03
    head_w = inner - clock_w - gap
    clock = QRectF(w - mx - clock_w, my, clock_w, text_box(px, 1))
    next_h = text_box(px, 2)
    next_rect = QRectF(mx, h - my - next_h, inner, next_h)
    if not with_message:
        title = QRectF(mx, my, head_w, text_box(px, 2))
        subtitle = QRectF(mx, title.bottom() + h * 0.005, inner, h * 0.058)
        row = h * (0.12 if paused else 0.065)
        status = QRectF(0, next_rect.top() - h * 0.01 - row, w, row)
        digits = QRectF(mx, subtitle.bottom(), inner, status.top() - h * 0.015 - subtitle.bottom())
        return PresenterLayout(
            clock=clock,
            title=title,
            subtitle=subtitle,
            status=status,
            digits=digits,
            digit_height=min(h * DIGITS, digits.height()),
            progress=QRectF(mx, status.top(), inner, h * theme.PROGRESS_HEIGHT * 0.8),
            next=next_rect,
            message=QRectF(),
            message_text=QRectF(),
            centre_block=QRectF(mx, h * 0.26, inner, h * 0.5),
        )
    # The message matters more than who is speaking (the speaker knows): the title
    # gives way, the status moves to the top row; the countdown and the next item stay.
    digits = QRectF(mx, clock.bottom(), inner, h * 0.34)
    progress = QRectF(mx, digits.bottom() + h * 0.005, inner, h * 0.02)
    band_top = progress.bottom() + h * 0.015
    band = QRectF(0, band_top, w, next_rect.top() - h * 0.012 - band_top)
    return PresenterLayout(
        clock=clock,
        title=QRectF(),
        subtitle=QRectF(),
        status=QRectF(mx, my, head_w, clock.height()),
        digits=digits,
        digit_height=h * DIGITS_WITH_MESSAGE,
        progress=progress,
        next=next_rect,
        message=band,
        message_text=band.adjusted(mx, h * 0.02, -mx, -h * 0.02),
        centre_block=QRectF(mx, h * 0.1, inner, h * 0.5),
    )
