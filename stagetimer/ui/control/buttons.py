"""The Control window's buttons: the one key list on screen, built from the one key table.

Each button shows its key as a key cap, so the buttons are also the key
list (there used to be a separate legend panel as well, which took the
agenda's title column its room). The panel folds to one line for a stage
manager who knows the keys. A new entry in ``keys.KEY_ACTIONS`` gets a
button by itself. Buttons never take keyboard focus, so Space cannot
"click" whichever button was last used; Space is the clock's start/pause,
always.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.translatable import QT_TRANSLATE_NOOP
from stagetimer.ui.control.elided import ElidedLabel
from stagetimer.ui.control.keys import CONTEXT, HINTS, KEY_ACTIONS, KeyAction

#: The fold line's words (for lupdate; translated in context "Keys").
_TOGGLE_TEXTS = (QT_TRANSLATE_NOOP("Keys", "▾ Keys (hide buttons)"), QT_TRANSLATE_NOOP("Keys", "▸ Keys (show buttons)"))

#: Actions whose button stays pressed while the thing they toggle is on.
TOGGLES = {"blackout": "blackout", "projector_countdown": "projector_countdown", "pin_message": "message_pinned",
           "auto_replan": "auto_replan"}

def keycap(text: str) -> QLabel:
    """A key drawn as a key: the same look on the buttons and in the legend."""
    label = QLabel(text)
    label.setObjectName("keycap")  # drawn by the window's style sheet, at the window's scale
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
        self.text_label = ElidedLabel(action.translated_label(), natural=True)
        for label in (self.key_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.key_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.key_label)
        row.addWidget(self.text_label, 1)
        self.setToolTip(f"{action.translated_label()} ({action.translated_legend()})")

    def minimumSizeHint(self) -> QSize:
        """Never squeezed below its key cap and label (QPushButton would measure its own, empty, text)."""
        inner = self.layout()
        return inner.minimumSize() if inner is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        """Its key cap and whole label when there is room (QPushButton would measure its own, empty, text)."""
        inner = self.layout()
        return inner.sizeHint().expandedTo(self.minimumSizeHint()) if inner is not None else super().sizeHint()

    def caption(self) -> str:
        """What the button says, key included (for tests and accessibility)."""
        return f"{self.text_label.text()} [{self.key_label.text()}]"

    def set_label(self, text: str) -> None:
        if self.text_label.text() != text:
            self.text_label.setText(text)
            self.setAccessibleName(text)


class ButtonPanel(QFrame):
    """One button per live action, in the key table's order, three rows; folds to one line.

    Three rows of five fit a 800 px wide window with every key cap whole (a
    label that does not fit ends in "…" and says itself in full as a tooltip).
    An action whose button belongs beside what it acts on (``in_panel`` false:
    pinning the message) gets its button here too, for the window to place.
    """

    #: The operator folded or unfolded the buttons (argument: shown).
    buttons_toggled = Signal(bool)

    def __init__(self, trigger: Callable[[str], None], parent: QWidget | None = None, rows: int = 3) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        header = QHBoxLayout()
        header.setSpacing(12)
        self.toggle = QToolButton()
        self.toggle.setObjectName("keysToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self.set_expanded)
        header.addWidget(self.toggle)
        hints = "   ".join(f"{keys}  {QCoreApplication.translate(CONTEXT, text)}" for keys, text in HINTS)
        self.hint_label = ElidedLabel(hints)
        self.hint_label.setObjectName("muted")
        header.addWidget(self.hint_label, 1)
        column.addLayout(header)
        self.grid_widget = QWidget()
        column.addWidget(self.grid_widget)
        grid = QGridLayout(self.grid_widget)
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
        for number in range(per_row):
            grid.setColumnStretch(number, 1)
        self._label_toggle()

    def set_expanded(self, shown: bool) -> None:
        """Show the buttons, or fold them away (the keys work the same either way)."""
        if self.toggle.isChecked() != shown:
            self.toggle.setChecked(shown)  # comes back here through toggled
            return
        self.grid_widget.setVisible(shown)
        self._label_toggle()
        self.buttons_toggled.emit(shown)

    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def _label_toggle(self) -> None:
        shown = self.toggle.isChecked()
        text = QCoreApplication.translate(CONTEXT, _TOGGLE_TEXTS[0 if shown else 1])
        self.toggle.setText(text)

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
        self.buttons["replan"].setEnabled(snap.proposal is not None and bool(snap.proposal.rows))
