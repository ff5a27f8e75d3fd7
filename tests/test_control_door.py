"""Control and the door: the mistakes testing found, seen as the stage manager sees them.

A stray Space before doors open is taken back by Ctrl+Z, exactly; two →
presses say they skipped an item, and the table says 건너뜀 (Skipped); a
message to the speaker goes with the item it was sent during, and Control
says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from stagetimer.ui.control.agenda_table import COLUMN
from tests.control_rig import Rig
from tests.test_control import CTRL, MIN
from tools.demo_show import MESSAGE as MESSAGE_PRESET

K = Qt.Key


def test_a_stray_space_before_doors_open_is_undone_by_ctrl_z(rig: Rig) -> None:
    welcome = rig.controller.frames
    rig.press(K.Key_Space)
    assert rig.snap.current is not None and rig.snap.running
    assert rig.window.notice() == "The show has started: 개회사 — Ctrl+Z takes it back"
    assert rig.controller.frames.projector.stage == "live"  # the audience saw it start
    rig.wait(15_000)
    rig.press(K.Key_Z, CTRL)
    assert rig.snap.stage == "welcome" and not rig.snap.can_undo
    assert rig.window.notice() == "Undone: back to the welcome screen"
    frames = rig.controller.frames
    assert frames.projector.stage == "welcome" and frames.projector.next == welcome.projector.next
    assert [i.projected_start_ms for i in rig.snap.items] == [i.projected_start_ms for i in welcome.control.items]
    assert rig.window.buttons["toggle"].text_label.text() == "Start"


def test_two_quick_nexts_say_what_they_skipped_and_the_row_says_skipped(rig: Rig) -> None:
    rig.to_item(0, 2 * MIN)
    rig.press(K.Key_Right)
    assert rig.window.notice() == "Ready: 축사 — Space starts it"
    rig.press(K.Key_Right)
    assert rig.window.notice() == ("Skipped 축사 (never started) — ready: ICT 규제샌드박스 소개 및 성과 보고, "
                                   "Space starts it")
    model = rig.window.model
    assert model.data(model.index(rig.row("congrats"), COLUMN["status"])) == "Skipped"
    assert model.data(model.index(rig.row("opening"), COLUMN["status"])) == "Done"
    assert model.data(model.index(rig.row("congrats"), COLUMN["actual_start"])) == ""
    assert model.data(model.index(rig.row("congrats"), COLUMN["over_under"])) == ""


def test_a_message_goes_with_its_item_and_control_says_so(rig: Rig) -> None:
    rig.to_item(0, 4 * MIN)
    rig.do("message", MESSAGE_PRESET)
    assert rig.controller.frames.presenter.message == MESSAGE_PRESET
    assert rig.window.message_bar.lifetime_label.text() == "clears at the next item (P pins)"
    rig.press(K.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # the next speaker starts at once
    presenter = rig.controller.frames.presenter
    assert presenter.message == "" and presenter.current is not None and presenter.current.title == "축사"
    assert rig.window.notice() == "The message to the speaker was cleared (P pins a message to keep it)"
    rig.do("message", MESSAGE_PRESET).press(K.Key_Right)  # with a notice of its own, both are said
    assert rig.window.notice() == ("Ready: ICT 규제샌드박스 소개 및 성과 보고 — Space starts it · "
                                   "the message to the speaker was cleared (P pins a message to keep it)")
    assert rig.window.message_bar.message_label.text() == "none"


def test_p_pins_a_message_across_items(rig: Rig) -> None:
    rig.to_item(0, MIN)
    rig.do("message", "질의응답은 마지막에")
    rig.press(K.Key_P)
    assert rig.snap.message_pinned and rig.window.buttons["pin_message"].isChecked()
    assert rig.window.message_bar.lifetime_label.text() == "pinned: stays on the next item (P unpins)"
    rig.press(K.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert rig.controller.frames.presenter.message == "질의응답은 마지막에"

