"""The app's palette, and the colours and proportions of the stage screens.

Everything a stage screen draws is sized as a fraction of the widget's own
height (or width), never in pixels, so the same view reads the same at
1280×720, at 3840×2160 and as a 320×180 thumbnail in the Control window.
The palette is dark with very high contrast: a confidence monitor is read
from five metres under stage light, and a projector washes out greys.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

# -- The palette: every colour the app paints with, defined once ------------
# The stage screens use these directly; the Control window's style
# (stagetimer.ui.control.style) reads its colours from here as well.

#: Near-black rather than pure black: on an LCD it hides backlight bleed the
#: same, and it lets a blackout (pure black) be told apart in a thumbnail.
BACKGROUND = QColor("#0b0c0f")
#: Plain text on the dark background.
FOREGROUND = QColor("#f4f5f7")
#: Secondary text (organisation, labels): still above 7:1 contrast on BACKGROUND.
MUTED = QColor("#a3abb8")
#: Quiet structure: rules, the empty part of the progress bar.
TRACK = QColor("#262a31")
#: Labels on the projector (NOW, NEXT, section): a calm blue that reads on any projector.
ACCENT = QColor("#7db4ff")
#: The warning phase, and anything else that warns.
AMBER = QColor("#ffb020")
#: Danger and overtime.
RED = QColor("#ff3b30")
#: The stage manager's message band on the presenter.
MESSAGE_BACKGROUND = QColor("#1d2b45")
MESSAGE_FOREGROUND = QColor("#ffffff")
#: The paused badge: white on black is unlike any phase colour, so it cannot be misread.
BADGE_BACKGROUND = QColor(FOREGROUND)
BADGE_FOREGROUND = QColor(BACKGROUND)
#: A paused clock on the presenter: a cool blue band and digits, unlike any phase colour
#: (white, amber, red), so "stopped" is never read as "fine" or "late" from across the room.
PAUSED = QColor("#4fb3ff")
#: The speaker's own note under the title: a soft yellow, quieter than the white title.
NOTE = QColor("#f2e6a6")
#: A blackout is exactly black: nothing at all reaches the audience.
BLACKOUT = QColor("#000000")

#: The Control window, a calm dark console for a laptop: mid-dark greys, not
#: the stage screens' near-black (see stagetimer.ui.control.style).
CONSOLE_WINDOW = QColor("#1c1f24")
CONSOLE_PANEL = QColor("#23272e")
CONSOLE_TABLE = QColor("#1f2328")
CONSOLE_SECTION = QColor("#2c323b")
CONSOLE_BORDER = QColor("#353b45")
CONSOLE_TEXT = QColor("#e8eaed")
CONSOLE_MUTED = QColor("#9aa3ae")
#: Rows already done: readable, but clearly behind us.
CONSOLE_DONE = QColor("#6f7782")
#: Behind the plan (over): warm; ahead (under): green.
CONSOLE_BEHIND = QColor("#ff7b6b")
CONSOLE_AHEAD = QColor("#5fd38d")
#: Text fields, and dark text on a bright badge.
CONSOLE_FIELD = QColor("#14171b")
CONSOLE_INK = QColor("#101214")
#: Buttons: at rest, under the pointer (and selected menu items), pressed, checked.
CONSOLE_BUTTON = QColor("#2d333c")
CONSOLE_HOVER = QColor("#363d48")
CONSOLE_PRESSED = QColor("#414a57")
CONSOLE_CHECKED = QColor("#5a2a27")

#: Countdown colour for each phase (see stagetimer.core.show.snapshot.PHASES).
PHASE_COLOURS: dict[str, QColor] = {
    "idle": QColor(FOREGROUND),
    "normal": QColor(FOREGROUND),
    "warning": QColor(AMBER),
    "danger": QColor(RED),
    "overtime": QColor(RED),
}

#: How much of a colour survives when the countdown is stopped (paused digits).
PAUSED_OPACITY = 0.38


def phase_colour(phase: str) -> QColor:
    """The countdown colour for ``phase``; unknown phases draw as normal (white)."""
    return QColor(PHASE_COLOURS.get(phase, PHASE_COLOURS["normal"]))


def dimmed(colour: QColor, opacity: float = PAUSED_OPACITY, background: QColor = BACKGROUND) -> QColor:
    """``colour`` mixed onto ``background``: an opaque colour, so digits stay cheap to draw."""
    keep = max(0.0, min(1.0, opacity))
    return QColor(
        round(colour.red() * keep + background.red() * (1 - keep)),
        round(colour.green() * keep + background.green() * (1 - keep)),
        round(colour.blue() * keep + background.blue() * (1 - keep)),
    )


@dataclass(frozen=True)
class Ink:
    """The two colours a screen is painted with at one instant.

    A flash swaps them (dark digits on a bright field), so every drawing
    routine takes an Ink instead of reading the constants above.
    """

    background: QColor
    foreground: QColor
    muted: QColor
    track: QColor

    @classmethod
    def normal(cls) -> Ink:
        return cls(QColor(BACKGROUND), QColor(FOREGROUND), QColor(MUTED), QColor(TRACK))

    @classmethod
    def inverted(cls, field: QColor) -> Ink:
        """Black on ``field`` (white for a manual flash, red while overtime flashes)."""
        dark = QColor(BACKGROUND)
        return cls(QColor(field), dark, dimmed(dark, 0.75, field), dimmed(dark, 0.25, field))


# -- Proportions (fractions of the widget height unless named otherwise) -----

#: Side margins, as a fraction of the width.
MARGIN_X = 0.035
#: Top and bottom margins.
MARGIN_Y = 0.04
#: The Presenter's countdown digits' own height (not the line box): over a third of the
#: screen (14 cm on a 32-inch panel, read from far past 5 m), leaving room for the title
#: and the next item at a size read from 5 m too (presenter_layout).
COUNTDOWN_DIGIT_HEIGHT = 0.37
#: Tabular digits carry wide side bearings; drawn this much closer (fraction of the em).
COUNTDOWN_TRACKING = -0.035
#: Progress bar thickness.
PROGRESS_HEIGHT = 0.028
#: The smallest text anything shrinks to before it would rather wrap once more.
MIN_TEXT = 0.022
