"""Control's word on the agenda file: "reloaded 10:42:05", or every error of a bad edit.

The stage manager may fix a speaker's name in the YAML while a talk runs.
A good edit is confirmed on one quiet line; a bad one lists every problem
at its line and column, in a panel that stays until the file is fixed, while
the show runs on with the last good agenda. Hidden until the file changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.ui.control import style as style

translate = QCoreApplication.translate

#: Rows of the error list shown before it scrolls (the table below keeps its room).
VISIBLE_ERRORS = 6

ERROR_FRAME = (f"QFrame#agendaStatus {{ background: #3a2422; border: 1px solid {style.BEHIND.name()};"
               " border-radius: 6px; }")
QUIET_FRAME = "QFrame#agendaStatus { background: transparent; border: none; }"


def translate_error_text(text: str) -> str:
    """The loader's phrases in the UI language (context AgendaErrors; see stagetimer.core.agenda.errors)."""
    return translate("AgendaErrors", text)


def error_line(error: AgendaError) -> str:
    """``12:5  unknown key 'titel'; expected … (did you mean 'title'?)`` — place first, then what.

    In the UI language: the user's own text (keys, ids, values) stays as typed.
    """
    message, expected, hint = error.localised(translate_error_text)
    text = message
    if expected:
        text += "; " + translate("AgendaStatus", "expected %1").replace("%1", expected)
    if hint:
        text += f" ({hint})"
    place = f"{error.line}:{error.column}" if error.line else "—"
    return f"{place}  {text}"


class AgendaStatusPanel(QFrame):
    """One line after a good reload; a red panel listing every error of a bad one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaStatus")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 12, 6)
        column.setSpacing(3)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.error_list = QListWidget()
        self.error_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the live keys stay with the window
        self.error_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.error_list.setStyleSheet(
            f"QListWidget {{ background: transparent; border: none; color: {style.TEXT.name()}; }}"
        )
        column.addWidget(self.heading)
        column.addWidget(self.error_list)
        self.reloaded_text = ""
        self.errors: list[AgendaError] = []
        self.hide()

    def show_reloaded(self, time_text: str) -> None:
        """A valid edit landed: any errors are gone, one line says when."""
        self.errors = []
        self.reloaded_text = translate("AgendaStatus", "Agenda reloaded %1").replace("%1", time_text)
        self.error_list.clear()
        self._show_reloaded_line()

    def show_errors(self, errors: list[AgendaError]) -> None:
        """Every error of the edited file, each at its line:column; the last good agenda runs on."""
        self.errors = list(errors)
        name = Path(errors[0].file).name if errors else ""
        if len(errors) == 1:
            heading = translate("AgendaStatus", "%1 has an error — the show runs on with the last good agenda")
        else:
            heading = translate("AgendaStatus", "%1 has %2 errors — the show runs on with the last good agenda")
        self.heading.setText(heading.replace("%1", name).replace("%2", str(len(errors))))
        self.heading.setStyleSheet(f"color: {style.BEHIND.name()}; font-weight: 700;")
        self.error_list.clear()
        self.error_list.addItems([error_line(error) for error in errors])
        row_px = max(self.error_list.sizeHintForRow(0), 1)
        self.error_list.setFixedHeight(min(len(errors), VISIBLE_ERRORS) * row_px + 2 * self.error_list.frameWidth() + 2)
        self.error_list.show()
        self.setStyleSheet(ERROR_FRAME)
        self.show()

    def clear_errors(self) -> None:
        """Back to the reloaded line if there was one, else out of sight."""
        self.errors = []
        self.error_list.clear()
        if self.reloaded_text:
            self._show_reloaded_line()
        else:
            self.hide()

    def _show_reloaded_line(self) -> None:
        self.error_list.hide()
        self.heading.setText(self.reloaded_text)
        self.heading.setStyleSheet(f"color: {style.MUTED.name()};")
        self.setStyleSheet(QUIET_FRAME)
        self.show()

    def lines(self) -> list[str]:
        """What the error list says, row by row (for tests and screenshots)."""
        return [self.error_list.item(row).text() for row in range(self.error_list.count())]
