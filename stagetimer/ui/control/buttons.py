"""The buttons and the key legend of the Control window, both built from the one key table.

Nothing here is written twice: a new entry in ``keys.KEY_ACTIONS`` gets a
button and a line in the legend by itself. Buttons never take keyboard
focus, so Space cannot "click" whichever button was last used; Space is the
clock's start/pause, always.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.control.keys import CONTEXT, HINTS, KEY_ACTIONS, KeyAction

#: Actions whose button stays pressed while the thing they toggle is on.
TOGGLES = {"blackout": "blackout", "projector_countdown": "projector_countdown", "pin_message": "message_pinned"}

_KEYCAP = ("background: #14171b; border: 1px solid #4a525e; border-radius: 4px; "
           "padding: 0px 6px; font-size: 12px; font-weight: 600; color: #e8eaed;")


def keycap(text: str) -> QLabel:
    """A key drawn as a key: the same look on the buttons and in the legend."""
    label = QLabel(text)
    label.setObjectName("keycap")
    label.setStyleSheet(_KEYCAP)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class ActionButton(QPushButton):
    """A button that shows its action and, as a key cap, the key that does the same."""

    def __init__(self, action: KeyAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action_name = action.name
        self.setObjectName(f"action-{action.name}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(30)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(8)
        self.key_label = keycap(action.translated_legend())
        self.text_label = QLabel(action.translated_label())
        for label in (self.key_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.key_label)
        row.addWidget(self.text_label, 1)
        self.setToolTip(f"{action.translated_label()} ({action.translated_legend()})")

    def minimumSizeHint(self) -> QSize:
        """Never squeezed below its key cap and label (QPushButton would measure its own, empty, text)."""
        inner = self.layout()
        return inner.minimumSize() if inner is not None else super().minimumSizeHint()

    def caption(self) -> str:
        """What the button says, key included (for tests and accessibility)."""
        return f"{self.text_label.text()} [{self.key_label.text()}]"

    def set_label(self, text: str) -> None:
        if self.text_label.text() != text:
            self.text_label.setText(text)
            self.setAccessibleName(text)


class ButtonPanel(QFrame):
    """One button per live action, in the key table's order, two rows.

    An action whose button belongs beside what it acts on (``in_panel`` false:
    pinning the message) gets its button here too, for the window to place.
    """

    def __init__(self, trigger: Callable[[str], None], parent: QWidget | None = None, rows: int = 2) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.buttons: dict[str, ActionButton] = {}
        in_panel = [action for action in KEY_ACTIONS if action.in_panel]
        per_row = -(-len(in_panel) // rows)
        for action in KEY_ACTIONS:
            button = ActionButton(action)
            button.setCheckable(action.name in TOGGLES)
            # A checkable button would flip itself on click; the snapshot says what is true.
            button.clicked.connect(lambda _=False, name=action.name: trigger(name))
            if action.in_panel:
                number = in_panel.index(action)
                grid.addWidget(button, number // per_row, number % per_row)
            self.buttons[action.name] = button

    def show_snapshot(self, snap: Snapshot) -> None:
        toggle = self.buttons["toggle"]
        toggle.set_label(QCoreApplication.translate("Keys", "Pause") if snap.running
                         else QCoreApplication.translate("Keys", "Start"))
        for name, field in TOGGLES.items():
            button = self.buttons[name]
            on = bool(getattr(snap, field))
            if button.isChecked() != on:
                button.setChecked(on)
        self.buttons["undo"].setEnabled(snap.can_undo)
        self.buttons["clear_message"].setEnabled(bool(snap.message))
        self.buttons["pin_message"].setEnabled(bool(snap.message))


class KeyLegend(QFrame):
    """The key list, always on screen: key cap, then what it does, in two columns.

    Two columns keep it short enough for a 1366×768 laptop; entries run down
    the first column and then the second, in the key table's order.
    """

    def __init__(self, parent: QWidget | None = None, columns: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        title = QLabel(QCoreApplication.translate("Keys", "Keys"))
        title.setObjectName("muted")
        grid.addWidget(title, 0, 0, 1, 2 * columns)
        lines = [(action.translated_legend(), action.translated_label()) for action in KEY_ACTIONS]
        lines += [(keys, QCoreApplication.translate(CONTEXT, text)) for keys, text in HINTS]
        self.entries: list[tuple[str, str]] = []
        per_column = -(-len(lines) // columns)
        for number, (keys, text) in enumerate(lines):
            row, column = 1 + number % per_column, 2 * (number // per_column)
            label = QLabel(text)
            label.setObjectName("legendLabel")
            grid.addWidget(keycap(keys), row, column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, column + 1)
            self.entries.append((keys, text))
        for column in range(columns):
            grid.setColumnStretch(2 * column + 1, 1)
        grid.setRowStretch(per_column + 1, 1)
