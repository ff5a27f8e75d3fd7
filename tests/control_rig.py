"""The Control window on the 2 December forum, driven as a stage manager would (keys, table, clock).

A real Show on a fake clock behind the real Controller; the ``rig`` fixture
(tests/conftest.py) builds one for each test that asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt

from stagetimer.core.show.commands import Command
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from tools.demo_show import DemoShow, fallback_agenda

NO = Qt.KeyboardModifier.NoModifier


@dataclass
class Rig:
    """The 2 December forum, its controller and the Control window, doors open at 09:55:12."""

    demo: DemoShow
    controller: Controller
    window: ControlWindow
    qtbot: object

    @property
    def snap(self) -> Snapshot:
        return self.controller.snapshot

    def wait(self, ms: int) -> Rig:
        """Let show time pass (and publish, as the controller's tick would)."""
        self.demo.wait(ms)
        self.controller.publish()
        return self

    def do(self, action: str, value: str | int | None = None) -> Rig:
        self.controller.apply(Command(action, value))
        return self

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO, on: str = "window") -> Rig:
        """A key press on the window itself, or on the agenda table holding the focus."""
        if on == "table":
            self.window.table.setFocus()
            self.qtbot.keyClick(self.window.table, key, modifiers)  # type: ignore[attr-defined]
        else:
            self.qtbot.keyClick(self.window, key, modifiers)  # type: ignore[attr-defined]
        return self

    def to_item(self, index: int, elapsed_ms: int = 0) -> Rig:
        """Run the show on time to item ``index`` and on for ``elapsed_ms`` into it."""
        self.demo.run_to(index).wait(elapsed_ms)
        self.controller.publish()
        return self

    def row(self, item_id: str) -> int:
        return self.window.model.row_of_item(item_id)


def make_rig(qtbot: object) -> Iterator[Rig]:
    demo = DemoShow(fallback_agenda())
    controller = Controller(demo.show)
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    yield Rig(demo, controller, window, qtbot)
    controller.stop()
    if window.message_dialog is not None:
        window.message_dialog.reject()


