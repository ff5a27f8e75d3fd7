"""The operator's keys: ONE table that the keys, the buttons and the legend all read.

A stage manager runs the morning from the keyboard, so every live action has
exactly one key, written down in one place. The Control window builds its
buttons and its on-screen key list from :data:`KEY_ACTIONS`, and the
:class:`KeyRouter` event filter turns key presses into the same actions,
whichever window has focus: the Control window and its agenda table (which
would otherwise swallow Space and the arrows), and the Presenter and
Projector windows (the app installs the router there with
:func:`install_key_router`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from stagetimer.core.show.commands import MINUTE_MS, Command
from stagetimer.core.translatable import QT_TRANSLATE_NOOP  # typed (Qt's returns object); same marker for lupdate

#: Translation context of the labels below.
CONTEXT = "Keys"


@dataclass(frozen=True)
class KeyAction:
    """One live action: its name, what it says, the keys that do it and what it does.

    ``command`` is applied as it is; ``None`` means the window must supply
    something first (the row to go to, the message text, the message to clear).
    """

    name: str  # stable identifier: the button's objectName, the handler's key
    label: str  # English source text, translated in context "Keys"
    keys: tuple[str, ...]  # portable QKeySequence strings ("Shift+Right", "+")
    legend: str  # how the keys are written on screen ("Shift+→")
    command: Command | None
    in_panel: bool = True  # False: its button sits where it acts (the message bar), not in the panel

    def translated_label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)

    def translated_legend(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.legend)


#: Every live action, in the order the buttons and the legend show them.
KEY_ACTIONS: tuple[KeyAction, ...] = (
    KeyAction("toggle", QT_TRANSLATE_NOOP("Keys", "Start / pause"), ("Space",), QT_TRANSLATE_NOOP("Keys", "Space"),
              Command("toggle")),
    KeyAction("next", QT_TRANSLATE_NOOP("Keys", "Next"), ("Right",), "→", Command("next")),
    KeyAction("next_start", QT_TRANSLATE_NOOP("Keys", "Next + start"), ("Shift+Right",), "Shift+→",
              Command("next_start")),
    KeyAction("previous", QT_TRANSLATE_NOOP("Keys", "Previous"), ("Left",), "←", Command("previous")),
    KeyAction("add_minute", QT_TRANSLATE_NOOP("Keys", "+1 min"), ("+", "="), "+", Command("add_time", MINUTE_MS)),
    KeyAction("take_minute", QT_TRANSLATE_NOOP("Keys", "−1 min"), ("-",), "−", Command("add_time", -MINUTE_MS)),
    KeyAction("reset", QT_TRANSLATE_NOOP("Keys", "Reset item"), ("R",), "R", Command("reset")),
    KeyAction("undo", QT_TRANSLATE_NOOP("Keys", "Undo"), ("Ctrl+Z",), "Ctrl+Z", Command("undo")),
    KeyAction("goto", QT_TRANSLATE_NOOP("Keys", "Go to row"), ("G", "Return", "Enter"),
              QT_TRANSLATE_NOOP("Keys", "G / Enter"), None),
    KeyAction("blackout", QT_TRANSLATE_NOOP("Keys", "Blackout"), ("B",), "B", Command("blackout")),
    KeyAction("flash", QT_TRANSLATE_NOOP("Keys", "Flash presenter"), ("F",), "F", Command("flash")),
    KeyAction("message", QT_TRANSLATE_NOOP("Keys", "Message"), ("M",), "M", None),
    KeyAction("clear_message", QT_TRANSLATE_NOOP("Keys", "Clear message"), ("Esc",), "Esc", Command("clear_message")),
    KeyAction("pin_message", QT_TRANSLATE_NOOP("Keys", "Pin message"), ("P",), "P", Command("pin_message"),
              in_panel=False),
    KeyAction("projector_countdown", QT_TRANSLATE_NOOP("Keys", "Projector timer"), ("C",), "C",
              Command("projector_countdown")),
    # The planner's buttons sit in its proposal line (proposal_bar.py), beside what they apply.
    KeyAction("replan", QT_TRANSLATE_NOOP("Keys", "Apply plan"), ("A",), "A", Command("replan"), in_panel=False),
    KeyAction("auto_replan", QT_TRANSLATE_NOOP("Keys", "Automatic"), ("Shift+A",), "Shift+A",
              Command("auto_replan"), in_panel=False),
    # The stage manager's own ears, not the show: no command, nothing journaled (ui/cues/bell.py).
    KeyAction("mute_cues", QT_TRANSLATE_NOOP("Keys", "Mute cues"), ("S",), "S", None),
)

#: Keys the legend mentions that are not live actions: the table moves its own cursor.
HINTS: tuple[tuple[str, str], ...] = (
    ("↑ ↓", QT_TRANSLATE_NOOP("Keys", "Choose a row")),
)

ACTIONS_BY_NAME: dict[str, KeyAction] = {action.name: action for action in KEY_ACTIONS}

#: Modifiers that make a different key (Keypad is only where the key sits).
_SIGNIFICANT = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Keys whose character may need Shift to type ('+' on a US keyboard is Shift+=):
#: Shift must not stop them from working. Letters too, so Caps Lock habits are harmless.
_SHIFT_FREE = {Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus} | {
    Qt.Key(code) for code in range(Qt.Key.Key_A.value, Qt.Key.Key_Z.value + 1)
}


def _combination(text: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    # PySide6's stubs lack QKeySequence.__getitem__; at run time it is the first QKeyCombination.
    combination = QKeySequence(text)[0]  # type: ignore[index]
    return combination.key(), combination.keyboardModifiers()


def build_bindings(actions: tuple[KeyAction, ...]) -> dict[tuple[Qt.Key, Qt.KeyboardModifier], KeyAction]:
    """(key, modifiers) → action; a key bound twice is an error in the table itself."""
    bindings: dict[tuple[Qt.Key, Qt.KeyboardModifier], KeyAction] = {}
    for action in actions:
        for text in action.keys:
            binding = _combination(text)
            if binding in bindings:
                raise ValueError(f"key {text!r} is bound twice ({bindings[binding].name}, {action.name})")
            bindings[binding] = action
    return bindings


#: Built once, at import: a clash in the table fails at start-up, not on stage.
_BINDINGS = build_bindings(KEY_ACTIONS)


def action_for(key: Qt.Key | int, modifiers: Qt.KeyboardModifier) -> KeyAction | None:
    """The action a key press means, or None for a key that is not ours."""
    key = Qt.Key(key)
    significant = modifiers & _SIGNIFICANT
    exact = _BINDINGS.get((key, significant))
    if exact is not None:  # Shift+A is its own action; Shift+R still means R
        return exact
    if key in _SHIFT_FREE:
        significant &= ~Qt.KeyboardModifier.ShiftModifier
    return _BINDINGS.get((key, significant))


def action_for_event(event: QKeyEvent) -> KeyAction | None:
    return action_for(event.key(), event.modifiers())


class ActionHandler(Protocol):
    """What the router hands a recognised key to (the Control window)."""

    def trigger(self, name: str) -> None: ...


class KeyRouter(QObject):
    """Event filter that turns our keys into actions before any widget sees them.

    Installed on a window and on its focusable children (a QTableView would
    otherwise take Space, the arrows and letters for itself). It also claims
    our keys at ShortcutOverride time, so no menu shortcut can steal them.
    A held key is one press: auto-repeat is swallowed, so holding "+" cannot
    add thirty minutes and holding Space cannot start and stop the clock.
    """

    def __init__(self, trigger: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trigger = trigger

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        action = action_for_event(event)  # type: ignore[arg-type]
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "this key is for the widget": it then arrives as a KeyPress, here
            return True
        if not event.isAutoRepeat():  # type: ignore[attr-defined]
            self._trigger(action.name)
        return True


def install_key_router(window: QWidget, control: ActionHandler) -> KeyRouter:
    """Make the live keys work while ``window`` (Presenter or Projector) has focus.

    The router is parented to ``window`` so it lives exactly as long as it.
    """
    router = KeyRouter(control.trigger, window)
    window.installEventFilter(router)
    for child in window.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
            child.installEventFilter(router)
    return router
