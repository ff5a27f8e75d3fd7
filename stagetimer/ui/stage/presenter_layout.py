"""Where everything sits on the Presenter screen, as fractions of its size.

Kept apart from the painting so the proportions read as one table, tests
can ask where the countdown is, and a resize costs one small computation.
Two arrangements: the usual one (title, badge row, countdown, progress,
next) and the one while the stage manager's message is up, where the
message band takes the lower third and the countdown stays above 40%.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from stagetimer.ui.common import theme


@dataclass(frozen=True)
class PresenterLayout:
    """Rectangles in widget pixels; an empty rectangle means "not shown"."""

    clock: QRectF
    title: QRectF
    subtitle: QRectF
    badge: QRectF
    badge_centred: bool
    digits: QRectF
    digit_height: float
    progress: QRectF
    next_label: QRectF
    next_text: QRectF
    message: QRectF
    message_text: QRectF
    centre_block: QRectF  # the closing screen's text


def presenter_layout(width: float, height: float, with_message: bool) -> PresenterLayout:
    """The Presenter's rectangles for a ``width``×``height`` widget."""
    w, h = float(width), float(height)
    mx, my = w * theme.MARGIN_X, h * theme.MARGIN_Y
    inner = w - 2 * mx
    clock_w = min(inner * 0.25, h * 0.36)
    gap = h * 0.04
    head_w = inner - clock_w - gap
    clock = QRectF(w - mx - clock_w, my, clock_w, h * 0.085)
    centre_block = QRectF(mx, h * 0.26, inner, h * 0.5)
    if not with_message:
        return PresenterLayout(
            clock=clock,
            title=QRectF(mx, my, head_w, h * 0.085),
            subtitle=QRectF(mx, h * 0.132, head_w, h * 0.046),
            badge=QRectF(mx, h * 0.205, inner, h * 0.075),
            badge_centred=True,
            digits=QRectF(mx, h * 0.285, inner, h * 0.5),
            digit_height=h * theme.COUNTDOWN_DIGIT_HEIGHT,
            progress=QRectF(mx, h * 0.815, inner, h * theme.PROGRESS_HEIGHT),
            next_label=QRectF(mx, h * 0.868, inner, h * 0.036),
            next_text=QRectF(mx, h * 0.908, inner, h * 0.056),
            message=QRectF(),
            message_text=QRectF(),
            centre_block=centre_block,
        )
    # The message matters more than who is speaking (the speaker knows): the
    # title gives way, the badge moves to the top row, the countdown stays big.
    band = QRectF(0, h * 0.655, w, h - h * 0.655)
    return PresenterLayout(
        clock=clock,
        title=QRectF(),
        subtitle=QRectF(),
        badge=QRectF(mx, my, head_w, h * 0.08),
        badge_centred=False,
        digits=QRectF(mx, h * 0.14, inner, h * 0.44),
        digit_height=h * 0.42,
        progress=QRectF(mx, h * 0.605, inner, h * 0.024),
        next_label=QRectF(),
        next_text=QRectF(),
        message=band,
        message_text=band.adjusted(mx, h * 0.03, -mx, -h * 0.035),
        centre_block=QRectF(mx, h * 0.1, inner, h * 0.5),
    )
