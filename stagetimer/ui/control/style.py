"""The Control window's look: a calm dark console for a laptop, not a stage screen.

The stage manager reads this window at arm's length for hours, under
pressure: mid-dark greys (not the stage screens' near-black), one accent,
and colour kept for meaning only (the phase of the live item, behind in
red, ahead in green, a notice in amber). Text sizes are in pixels because
the window must fit a 1366×768 laptop as well as 1920×1080.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from stagetimer.ui.common import theme

# Every colour comes from the one palette, stagetimer.ui.common.theme.
WINDOW = theme.CONSOLE_WINDOW
PANEL = theme.CONSOLE_PANEL
TABLE = theme.CONSOLE_TABLE
SECTION = theme.CONSOLE_SECTION
BORDER = theme.CONSOLE_BORDER
TEXT = theme.CONSOLE_TEXT
MUTED = theme.CONSOLE_MUTED
#: Rows already done: readable, but clearly behind us.
DONE = theme.CONSOLE_DONE
ACCENT = theme.ACCENT
#: Behind the plan (over): warm; ahead (under): green. Never only colour: signs and words too.
BEHIND = theme.CONSOLE_BEHIND
AHEAD = theme.CONSOLE_AHEAD
#: A notice that something did not happen: the warning phase's amber.
NOTICE_WARN = theme.AMBER
#: A notice that something did happen (a jump that can be undone, a message sent).
NOTICE_INFO = theme.ACCENT
#: Only in the style sheet: text fields, dark text on a bright badge, button states.
FIELD = theme.CONSOLE_FIELD
INK = theme.CONSOLE_INK
BUTTON = theme.CONSOLE_BUTTON
HOVER = theme.CONSOLE_HOVER
PRESSED = theme.CONSOLE_PRESSED
CHECKED = theme.CONSOLE_CHECKED
#: How much of the phase colour tints the live row.
LIVE_TINT = 0.30

#: Sizes in px.
BASE_PX = 14
SMALL_PX = 12
TITLE_PX = 20
COUNTDOWN_PX = 76
STATUS_CLOCK_PX = 22
ROW_HEIGHT = 26


#: The screen Control's sizes are drawn for; a larger screen scales them up, a smaller one does not shrink them.
DESIGN_SCREEN = (1920, 1080)
#: No more than this: beyond 4K the window would only waste a big screen differently.
MAX_SCALE = 2.5


def scale_for(width: int, height: int) -> float:
    """How much larger than at 1080p Control draws on a screen of ``width``×``height`` (≥ 1).

    Proportional to the screen, so a 4K monitor shows the same window at
    twice the size instead of a 1080p layout in one corner of it. Rounded to
    quarters so screens of nearly the same size get the same look.
    """
    ratio = min(width / DESIGN_SCREEN[0], height / DESIGN_SCREEN[1])
    return min(MAX_SCALE, max(1.0, round(ratio * 4) / 4))


def scaled(px: int, scale: float) -> int:
    """A size in pixels at ``scale``."""
    return round(px * scale)


def live_row_colour(phase: str) -> QColor:
    """The live row's background: its phase colour, mixed into the table's grey."""
    return theme.dimmed(theme.phase_colour(phase), LIVE_TINT, TABLE)


def offset_colour(ms: int | None) -> QColor:
    """Colour of an over/under figure: behind red-ish, ahead green, on time muted."""
    if ms is None or round(ms / 1000) == 0:
        return QColor(MUTED)
    return QColor(BEHIND if ms > 0 else AHEAD)


def stylesheet(family: str, scale: float = 1.0) -> str:
    """The window's style sheet, in the bundled font ``family``.

    Under a style sheet Qt widgets stop inheriting their parent's font, so
    the family and every size live here (a label's own setFont would be
    overridden by the QWidget rule); countdown labels still set a font
    for its tabular figures, which the sheet keeps. Every size is multiplied
    by ``scale`` (see :func:`scale_for`).
    """
    base, small, title = scaled(BASE_PX, scale), scaled(SMALL_PX, scale), scaled(TITLE_PX, scale)
    countdown, clock, offset = scaled(COUNTDOWN_PX, scale), scaled(STATUS_CLOCK_PX, scale), scaled(BASE_PX + 4, scale)
    elapsed = scaled(BASE_PX + 1, scale)
    return f"""
QMainWindow, QWidget#controlCentral {{ background: {WINDOW.name()}; }}
QWidget {{ color: {TEXT.name()}; font-family: "{family}"; font-size: {base}px; }}
QLabel#countdown {{ font-size: {countdown}px; font-weight: 600; }}
QLabel#statusClock {{ font-size: {clock}px; font-weight: 600; }}
QLabel#statusOffset {{ font-size: {offset}px; font-weight: 600; }}
QLabel#elapsed {{ color: {MUTED.name()}; font-size: {elapsed}px; }}
QFrame#panel {{ background: {PANEL.name()}; border: 1px solid {BORDER.name()}; border-radius: 6px; }}
QLabel {{ background: transparent; border: none; }}
QDialog {{ background: {WINDOW.name()}; }}
QLineEdit {{ background: {FIELD.name()}; color: {TEXT.name()}; border: 1px solid {BORDER.name()}; border-radius: 5px;
    padding: 6px 8px; font-size: {offset}px; selection-background-color: {ACCENT.name()};
    selection-color: {WINDOW.name()}; }}
QLineEdit:focus {{ border-color: {ACCENT.name()}; }}
QPushButton:default {{ border-color: {ACCENT.name()}; }}
QLabel#muted, QLabel#thumbCaption, QLabel#legendLabel {{ color: {MUTED.name()}; }}
QLabel#legendKey {{ color: {TEXT.name()}; font-weight: 600; }}
QLabel#thumbCaption, QLabel#legendKey, QLabel#legendLabel {{ font-size: {small}px; }}
QLabel#itemTitle {{ font-size: {title}px; font-weight: 700; }}
QLabel#badge {{ background: {TEXT.name()}; color: {WINDOW.name()}; border-radius: 4px;
    padding: 1px 8px; font-weight: 700; }}
QLabel#alertBadge {{ background: {BEHIND.name()}; color: {INK.name()}; border-radius: 4px;
    padding: 1px 8px; font-weight: 700; }}
QTableView {{ background: {TABLE.name()}; alternate-background-color: {TABLE.name()};
    border: 1px solid {BORDER.name()}; border-radius: 6px; gridline-color: {BORDER.name()}; }}
QHeaderView::section {{ background: {PANEL.name()}; color: {MUTED.name()}; border: none;
    border-bottom: 1px solid {BORDER.name()}; padding: 4px 6px; font-size: {small}px; }}
QPushButton {{ background: {BUTTON.name()}; border: 1px solid {BORDER.name()}; border-radius: 5px;
    padding: 4px 8px; text-align: center; }}
QPushButton:hover {{ background: {HOVER.name()}; }}
QPushButton:pressed {{ background: {PRESSED.name()}; }}
QPushButton:checked {{ background: {CHECKED.name()}; border-color: {BEHIND.name()}; }}
QPushButton:disabled {{ color: {DONE.name()}; }}
QMenuBar {{ background: {PANEL.name()}; }}
QMenuBar::item:selected {{ background: {HOVER.name()}; }}
QMenu {{ background: {PANEL.name()}; border: 1px solid {BORDER.name()}; }}
QMenu::item:selected {{ background: {HOVER.name()}; }}
QLabel#notice {{ background: {PANEL.name()}; border-radius: 4px; font-weight: 600; }}
QLabel#keycap {{ background: #14171b; border: 1px solid #4a525e; border-radius: 4px; padding: 0px 6px;
    font-size: {small}px; font-weight: 600; color: #e8eaed; }}
QFrame#screenAlarm QLabel {{ font-size: {offset}px; }}
QToolButton#keysToggle {{ background: transparent; border: none; color: {MUTED.name()}; font-size: {small}px; }}
QToolTip {{ background: {PANEL.name()}; color: {TEXT.name()}; border: 1px solid {BORDER.name()}; }}
"""
