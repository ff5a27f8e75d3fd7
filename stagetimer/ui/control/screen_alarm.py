"""The red line that says a stage screen is gone: which one, and where its window went.

When a cable is pulled mid-show the window that was on that screen is moved
(stagetimer.ui.screens), and the audience in that room sees nothing. The
stage manager must know at once, and keep knowing until the screen is back:
this alarm names the screen and the window's new place, and stays until the
screen returns or the operator puts the window somewhere on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from stagetimer.ui.control import style as style
from stagetimer.ui.control.elided import ElidedLabel
from stagetimer.ui.placement import PRESENTER
from stagetimer.ui.screens import LostScreen

translate = QCoreApplication.translate

ALARM_FRAME = (f"QFrame#screenAlarm {{ background: {style.BEHIND.name()}; border-radius: 6px; }}"
               f" QLabel {{ color: {style.INK.name()}; font-weight: 800; }}")


def alarm_line(lost: LostScreen) -> str:
    """``Screen "PROJECTOR" disconnected: the Projector window is now a window on LAPTOP``."""
    window = (translate("ControlWindow", "the Presenter window") if lost.role == PRESENTER
              else translate("ControlWindow", "the Projector window"))
    if lost.now_on is None:
        template = translate("ControlWindow", "Screen \u201c%1\u201d disconnected: %2 is now a window on %3")
        where = lost.primary
    else:
        template = translate("ControlWindow", "Screen \u201c%1\u201d disconnected: %2 is now full screen on %3")
        where = lost.now_on
    return template.replace("%1", lost.screen).replace("%2", window).replace("%3", where)


class ScreenAlarm(QFrame):
    """Hidden while every stage screen is there; a red line per lost screen otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenAlarm")
        self.setStyleSheet(ALARM_FRAME)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        self.label = ElidedLabel(max_lines=2)
        row.addWidget(self.label, 1)
        self.hide()

    def show_lost(self, lost: Sequence[LostScreen]) -> None:
        """Say every lost screen (or hide when none is lost)."""
        text = "\u2028".join(alarm_line(entry) for entry in lost)
        self.label.max_lines = max(1, len(lost))
        self.label.setText(text)
        self.label.updateGeometry()
        self.setVisible(bool(lost))

    def text(self) -> str:
        return self.label.text()
