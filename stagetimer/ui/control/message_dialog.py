"""M: a message for the speaker, typed or picked from presets, in three keystrokes at most.

M opens this dialog, a number key picks a preset, Enter sends it to the
presenter screen, Esc closes without sending. The dialog never blocks the
show: it is opened window-modal with ``open()`` so the clock keeps ticking
behind it. Presets are speaker-facing text, so they come in the agenda's
language first (keys 1–3), then the other language (4–6).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

KOREAN_PRESETS: tuple[str, ...] = ("마무리 부탁드립니다", "1분 남았습니다", "질문 1개만 받겠습니다")
ENGLISH_PRESETS: tuple[str, ...] = ("Please wrap up", "1 minute left", "One last question, please")
#: Long enough for a sentence, short enough to stay large on the presenter screen.
MAX_LENGTH = 120

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def presets_for(language: str, agenda: tuple[str, ...] = ()) -> tuple[str, ...]:
    """All presets: the agenda's automatic messages first, then the speaker's language (``ko`` → Korean).

    The agenda's ``messages:`` are the texts its organiser chose for this day,
    so they lead; a text already there is not offered twice, and there are
    never more than the nine a digit key can pick.
    """
    if (language or "").lower().startswith("ko"):
        built_in = KOREAN_PRESETS + ENGLISH_PRESETS
    else:
        built_in = ENGLISH_PRESETS + KOREAN_PRESETS
    return tuple(dict.fromkeys(text for text in agenda + built_in if text))[:9]


class MessageDialog(QDialog):
    """Type or pick a message; Enter sends it, Esc closes with nothing sent."""

    #: Enter (or Send) was pressed; the text to show the speaker ("" clears the message).
    message_chosen = Signal(str)

    def __init__(self, current: str = "", language: str = "ko", parent: QWidget | None = None,
                 agenda_presets: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.setWindowTitle(self.tr("Message to the speaker"))
        self.setModal(True)
        self.presets = presets_for(language, agenda_presets)
        # Until the operator types free text, a number key picks a preset
        # (a digit inside a sentence such as "5분 남았습니다" stays a digit).
        self._typed = False
        # M opens the dialog on its press: if it is held a moment too long, its
        # auto-repeat must not type "mmmm" into the message.
        self._opening_key_held = True

        layout = QVBoxLayout(self)
        if current:
            showing = QLabel(self.tr("On the presenter screen now: %1").replace("%1", current))
            showing.setObjectName("muted")
            showing.setWordWrap(True)
            layout.addWidget(showing)
        self.editor = QLineEdit(current)
        self.editor.setMaxLength(MAX_LENGTH)
        self.editor.setPlaceholderText(self.tr("Type a message, or press 1–%1 for a preset").replace(
            "%1", str(len(self.presets))))
        self.editor.selectAll()
        self.editor.textEdited.connect(self._on_edited)
        self.editor.installEventFilter(self)
        layout.addWidget(self.editor)

        grid = QGridLayout()
        self.preset_buttons: list[QPushButton] = []
        per_column = len(self.presets) // 2 or 1
        for number, text in enumerate(self.presets, start=1):
            button = QPushButton(f"{number}   {text}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the text field
            button.setStyleSheet("text-align: left; padding: 5px 10px;")
            button.clicked.connect(lambda _=False, n=number: self.pick(n))
            grid.addWidget(button, (number - 1) % per_column, (number - 1) // per_column)
            self.preset_buttons.append(button)
        layout.addLayout(grid)

        hint = QLabel(self.tr("Enter sends · Esc closes without sending · an empty message clears the screen"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.text().strip()

    def pick(self, number: int) -> None:
        """Put preset ``number`` (1-based) in the field, ready for Enter."""
        if 1 <= number <= len(self.presets):
            self.editor.setText(self.presets[number - 1])
            self._typed = False
            self.editor.setFocus()

    def accept(self) -> None:
        self.message_chosen.emit(self.text())
        super().accept()

    def _on_edited(self, _text: str) -> None:
        self._typed = bool(self.editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if self._opening_key_held:
                if key_event.isAutoRepeat():
                    return True  # the M that opened us, still held
                self._opening_key_held = False
            if event.type() == QEvent.Type.KeyRelease:
                return False
            number = _DIGITS.get(Qt.Key(key_event.key()))
            plain = not (key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            ctrl = key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if number is not None and number <= len(self.presets) and ((plain and not self._typed) or ctrl):
                self.pick(number)
                return True
        return super().eventFilter(watched, event)
