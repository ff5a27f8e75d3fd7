"""The key table and the router: one key per live action, whichever window has focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

from stagetimer.core.show.commands import ACTIONS, Command
from stagetimer.ui.control import keys
from stagetimer.ui.control.keys import (
    KEY_ACTIONS,
    MINUTE_MS,
    KeyRouter,
    action_for,
    install_key_router,
)

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier
K = Qt.Key


def name(key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> str | None:
    action = action_for(key, modifiers)
    return None if action is None else action.name


@pytest.mark.parametrize(
    ("key", "modifiers", "expected"),
    [
        (K.Key_Space, NO, "toggle"),
        (K.Key_Right, NO, "next"),
        (K.Key_Right, KEYPAD, "next"),  # some keyboards report arrows as keypad keys
        (K.Key_Right, SHIFT, "next_start"),
        (K.Key_Left, NO, "previous"),
        (K.Key_Plus, SHIFT, "add_minute"),  # '+' is Shift+= on a US keyboard
        (K.Key_Plus, KEYPAD, "add_minute"),
        (K.Key_Equal, NO, "add_minute"),  # the same key without reaching for Shift
        (K.Key_Minus, NO, "take_minute"),
        (K.Key_Minus, KEYPAD, "take_minute"),
        (K.Key_R, NO, "reset"),
        (K.Key_R, SHIFT, "reset"),  # Caps Lock or a heavy thumb: still R
        (K.Key_Z, CTRL, "undo"),
        (K.Key_G, NO, "goto"),
        (K.Key_Return, NO, "goto"),
        (K.Key_Enter, KEYPAD, "goto"),
        (K.Key_B, NO, "blackout"),
        (K.Key_F, NO, "flash"),
        (K.Key_M, NO, "message"),
        (K.Key_Escape, NO, "clear_message"),
        (K.Key_C, NO, "projector_countdown"),
    ],
)
def test_each_key_means_its_action(key: Qt.Key, modifiers: Qt.KeyboardModifier, expected: str) -> None:
    assert name(key, modifiers) == expected


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [(K.Key_Z, NO), (K.Key_R, CTRL), (K.Key_C, CTRL), (K.Key_Left, SHIFT), (K.Key_Space, CTRL), (K.Key_Up, NO),
     (K.Key_1, NO)],
)
def test_other_keys_are_not_ours(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    # Ctrl+C must stay copy, Ctrl+R must not reset a speaker, Up/Down move the table's cursor.
    assert action_for(key, modifiers) is None


def test_the_table_covers_every_live_action_the_issue_asks_for() -> None:
    names = {action.name for action in KEY_ACTIONS}
    assert names == {
        "toggle", "next", "next_start", "previous", "add_minute", "take_minute", "reset", "undo", "goto",
        "blackout", "flash", "message", "clear_message", "pin_message", "projector_countdown", "replan", "auto_replan",
        "mute_cues",
    }
    assert len(names) == len(KEY_ACTIONS)
    commands = {action.name: action.command for action in KEY_ACTIONS}
    assert commands["add_minute"] == Command("add_time", MINUTE_MS)
    assert commands["take_minute"] == Command("add_time", -MINUTE_MS)
    for action in KEY_ACTIONS:
        assert action.command is None or action.command.action in ACTIONS
        assert action.keys and action.legend and action.label


def test_a_key_bound_twice_is_refused() -> None:
    clash = (*KEY_ACTIONS, keys.KeyAction("oops", "Oops", ("Space",), "Space", None))
    with pytest.raises(ValueError, match="'Space' is bound twice"):
        keys.build_bindings(clash)


# -- the router -------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.names: list[str] = []

    def trigger(self, name: str) -> None:
        self.names.append(name)


def test_the_router_takes_our_keys_and_leaves_the_rest(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    recorder = Recorder()
    router = install_key_router(widget, recorder)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    qtbot.keyClick(widget, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(widget, Qt.Key.Key_Plus, SHIFT)
    assert recorder.names == ["toggle", "next_start", "add_minute"]
    other = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Up, NO)
    assert router.eventFilter(widget, other) is False  # Up is the table's


def test_a_held_key_is_one_press(qtbot) -> None:
    """Holding + must not add thirty minutes, holding Space must not start and stop the clock."""
    widget = QWidget()
    qtbot.addWidget(widget)
    recorder = Recorder()
    install_key_router(widget, recorder)
    qtbot.keyClick(widget, Qt.Key.Key_Plus)
    for _ in range(5):
        repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Plus, NO, "+", True)
        assert QApplication.sendEvent(widget, repeat)  # swallowed, not passed on
    assert recorder.names == ["add_minute"]


def test_the_router_beats_a_table_that_wants_space_and_arrows(qtbot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    recorder = Recorder()
    table.installEventFilter(KeyRouter(recorder.trigger, table))
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Minus, Qt.Key.Key_Return):
        qtbot.keyClick(table, key)
    assert recorder.names == ["toggle", "previous", "next", "take_minute", "goto"]


def activate(qtbot, window: QWidget) -> None:
    """Show and really activate a window (shortcuts only fire in the active window)."""
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=2000)


def _window_with_shortcut_b(qtbot) -> tuple[QMainWindow, list[bool]]:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    fired: list[bool] = []
    action = QAction("Something", window)
    action.setShortcut("B")
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    activate(qtbot, window)
    return window, fired


def test_our_keys_win_over_a_menu_shortcut_on_the_same_key(qtbot) -> None:
    bare, fired_without_router = _window_with_shortcut_b(qtbot)
    qtbot.keyClick(bare, Qt.Key.Key_B)
    assert fired_without_router == [True]  # the shortcut is live: the test below means something

    window, fired = _window_with_shortcut_b(qtbot)
    recorder = Recorder()
    install_key_router(window, recorder)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert recorder.names == ["blackout"]
    assert fired == []


def test_every_action_has_a_translatable_label_and_legend() -> None:
    for action in KEY_ACTIONS:
        assert action.translated_label() == action.label  # English: the source text itself
        assert action.translated_legend() == action.legend
