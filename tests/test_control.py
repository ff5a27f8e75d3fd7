"""The Control window, driven as a stage manager would: keys, buttons, the table, the dialog.

A real Show on a fake clock behind the real Controller: every assertion is
about what the show (and so every screen) does after a key, not about which
method was called.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import presenter_frame
from stagetimer.core.show.show import Show
from stagetimer.ui.common import fonts, theme
from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_table import COLUMN
from stagetimer.ui.control.keys import HINTS, KEY_ACTIONS, install_key_router
from stagetimer.ui.control.message_dialog import KOREAN_PRESETS
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from tests.control_rig import Rig
from tools.demo_show import fallback_agenda

MIN, SEC = 60_000, 1_000
NO, SHIFT, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
K = Qt.Key


TARGETS = pytest.mark.parametrize("on", ["window", "table"])


# -- every key does what it says, on the window and with the table focused ----------


@TARGETS
def test_space_starts_the_show_then_pauses_and_resumes(rig: Rig, on: str) -> None:
    rig.press(K.Key_Space, on=on)
    assert rig.snap.current.id == "opening" and rig.snap.running
    rig.wait(30 * SEC).press(K.Key_Space, on=on)
    assert rig.snap.paused and rig.snap.elapsed_ms == 30 * SEC
    rig.press(K.Key_Space, on=on)
    assert rig.snap.running


@TARGETS
def test_right_ends_the_item_and_loads_the_next_ready(rig: Rig, on: str) -> None:
    rig.to_item(0, 2 * MIN).press(K.Key_Right, on=on)
    assert rig.snap.current.id == "congrats"
    assert not rig.snap.running and not rig.snap.started
    assert rig.snap.items[0].actual_end_ms is not None
    assert "축사" in rig.window.notice() and "Space" in rig.window.notice()
    rig.press(K.Key_Space, on=on)
    assert rig.snap.running and rig.window.notice() == "", "'Space starts it' must go once it has started"


@TARGETS
def test_shift_right_starts_the_next_at_once(rig: Rig, on: str) -> None:
    rig.to_item(0, 2 * MIN).press(K.Key_Right, SHIFT, on=on)
    assert rig.snap.current.id == "congrats" and rig.snap.running


@TARGETS
def test_left_restores_the_previous_item_exactly(rig: Rig, on: str) -> None:
    rig.to_item(0, 2 * MIN).press(K.Key_Right, SHIFT, on=on).wait(MIN)
    rig.press(K.Key_Left, on=on)
    snap = rig.snap
    assert snap.current.id == "opening" and snap.running
    assert snap.elapsed_ms == 2 * MIN  # nothing lost, nothing added
    assert snap.items[0].actual_end_ms is None
    assert "개회사" in rig.window.notice()


@TARGETS
def test_plus_and_equals_add_a_minute_and_minus_takes_one(rig: Rig, on: str) -> None:
    rig.to_item(2, MIN)
    planned = rig.snap.allotted_ms
    rig.press(K.Key_Plus, SHIFT, on=on)
    assert rig.snap.allotted_ms == planned + MIN
    rig.press(K.Key_Equal, on=on)
    assert rig.snap.allotted_ms == planned + 2 * MIN
    assert rig.window.notice() == "+1 minute: 11:00 left"
    rig.press(K.Key_Minus, on=on)
    assert rig.snap.allotted_ms == planned + MIN


@TARGETS
def test_r_resets_the_item_without_asking_and_ctrl_z_brings_it_back(rig: Rig, on: str) -> None:
    rig.to_item(2, 4 * MIN).press(K.Key_R, on=on)
    assert rig.snap.current.id == "sandbox-report"
    assert rig.snap.elapsed_ms == 0 and not rig.snap.started
    assert QApplication.activeModalWidget() is None  # nothing to confirm
    assert "Ctrl+Z" in rig.window.notice()
    rig.press(K.Key_Z, CTRL, on=on)
    assert rig.snap.elapsed_ms == 4 * MIN and rig.snap.running


@TARGETS
def test_g_goes_to_the_cursor_row_and_a_long_jump_can_be_undone(rig: Rig, on: str) -> None:
    rig.to_item(1, MIN)
    rig.window.table.select_row(rig.row("kt"))
    rig.press(K.Key_G, on=on)
    assert rig.snap.current.id == "kt"
    assert rig.window.notice() == "Jumped to 실시간 통화기반 보이스피싱 탐지 서비스 — Ctrl+Z to undo"
    rig.press(K.Key_Z, CTRL, on=on)
    assert rig.snap.current.id == "congrats" and rig.snap.elapsed_ms == MIN


def test_down_moves_the_cursor_and_enter_goes_there(rig: Rig) -> None:
    rig.to_item(1, MIN)
    assert rig.window.table.currentIndex().row() == rig.row("congrats")  # the cursor sits on the live row
    rig.press(K.Key_Down, on="table").press(K.Key_Down, on="table")  # the arrows the table keeps
    assert rig.window.table.selected_item_id() == "ai-roadmap"
    rig.press(K.Key_Return, on="table")
    assert rig.snap.current.id == "ai-roadmap"
    assert "Ctrl+Z" in rig.window.notice()


def test_a_double_click_on_a_row_goes_there(rig: Rig) -> None:
    rig.window.resize(1366, 740)
    rig.window.show()
    rig.qtbot.waitExposed(rig.window)
    table = rig.window.table
    where = table.visualRect(rig.window.model.index(rig.row("ai-roadmap"), COLUMN["title"])).center()
    rig.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    rig.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert rig.snap.current.id == "ai-roadmap"
    assert not rig.snap.running  # loaded, waiting for Space
    rig.press(K.Key_Z, CTRL)
    assert rig.snap.stage == "welcome"


@TARGETS
def test_b_blacks_out_the_projector_and_b_again_brings_it_back(rig: Rig, on: str) -> None:
    button = rig.window.buttons["blackout"]
    rig.press(K.Key_B, on=on)
    assert rig.snap.blackout and button.isChecked()
    assert rig.window.status_line.blackout_label.isVisibleTo(rig.window)
    assert rig.window.projector_caption.text() == "Projector screen — BLACKOUT"
    rig.press(K.Key_B, on=on)
    assert not rig.snap.blackout and not button.isChecked()


@TARGETS
def test_f_flashes_the_presenter_screen(rig: Rig, on: str) -> None:
    rig.to_item(2, MIN).press(K.Key_F, on=on)
    assert rig.snap.flash
    assert rig.window.presenter_thumbnail.frame.flash  # the thumbnail shows what the speaker sees


@TARGETS
def test_c_shows_and_hides_the_small_countdown_on_the_projector(rig: Rig, on: str) -> None:
    rig.press(K.Key_C, on=on)
    assert rig.snap.projector_countdown and rig.window.buttons["projector_countdown"].isChecked()
    rig.press(K.Key_C, on=on)
    assert not rig.snap.projector_countdown


@TARGETS
def test_m_then_1_then_enter_sends_a_preset_and_esc_clears_it(rig: Rig, on: str) -> None:
    rig.to_item(2, 8 * MIN).press(K.Key_M, on=on)
    dialog = rig.window.message_dialog
    assert dialog is not None and dialog.isVisible()
    rig.qtbot.keyClick(dialog.editor, K.Key_1)
    rig.qtbot.keyClick(dialog.editor, K.Key_Return)
    assert rig.snap.message == "마무리 부탁드립니다"
    assert rig.window.message_bar.message_label.text() == "마무리 부탁드립니다"
    assert rig.window.message_dialog is None
    rig.press(K.Key_Escape, on=on)
    assert rig.snap.message == ""
    assert rig.window.notice() == "Message cleared"


def test_keys_work_the_same_from_the_presenter_and_projector_windows(rig: Rig) -> None:
    for view in (rig.window.presenter_thumbnail, rig.window.projector_thumbnail):
        install_key_router(view, rig.window)  # as the app does on the full-screen stage windows
    rig.qtbot.keyClick(rig.window.presenter_thumbnail, K.Key_Space)
    assert rig.snap.running
    rig.qtbot.keyClick(rig.window.projector_thumbnail, K.Key_Plus, SHIFT)
    assert rig.snap.allotted_ms == 6 * MIN
    rig.qtbot.keyClick(rig.window.projector_thumbnail, K.Key_B)
    assert rig.snap.blackout


# -- buttons and the legend: one of each per entry of the key table -----------------


def test_every_action_has_a_button_that_shows_its_key(rig: Rig) -> None:
    assert list(rig.window.buttons) == [action.name for action in KEY_ACTIONS]
    for action in KEY_ACTIONS:
        button = rig.window.buttons[action.name]
        assert button.key_label.text() == action.legend
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Space never "clicks" a button


def test_buttons_do_what_their_keys_do(rig: Rig) -> None:
    rig.window.buttons["toggle"].click()
    assert rig.snap.running
    assert rig.window.buttons["toggle"].text_label.text() == "Pause"
    rig.wait(MIN)
    rig.window.buttons["add_minute"].click()
    assert rig.snap.allotted_ms == 6 * MIN
    rig.window.buttons["next_start"].click()
    assert rig.snap.current.id == "congrats" and rig.snap.running
    rig.window.buttons["previous"].click()
    assert rig.snap.current.id == "opening"
    rig.window.buttons["blackout"].click()
    assert rig.snap.blackout and rig.window.buttons["blackout"].isChecked()
    rig.window.buttons["message"].click()
    assert rig.window.message_dialog is not None


def test_undo_and_clear_buttons_are_enabled_only_when_there_is_something_to_undo_or_clear(rig: Rig) -> None:
    assert not rig.window.buttons["undo"].isEnabled()
    assert not rig.window.buttons["clear_message"].isEnabled()
    rig.to_item(1, MIN).do("reset").do("message", "1분 남았습니다")
    assert rig.window.buttons["undo"].isEnabled()
    assert rig.window.buttons["clear_message"].isEnabled()
    rig.window.message_bar.clear_button.click()
    assert rig.snap.message == ""


def test_the_keys_are_listed_once_on_buttons_that_fold_away(rig: Rig) -> None:
    rig.window.resize(1366, 738)
    rig.window.show()
    keycaps = [label.text() for label in rig.window.findChildren(QLabel, "keycap") if label.isVisible()]
    assert sorted(keycaps) == sorted(action.legend for action in KEY_ACTIONS)  # each key once, no legend panel
    assert all(keys in rig.window.button_panel.hint_label.text() for keys, _ in HINTS)
    table_height = rig.window.table.height()
    rig.window.button_panel.toggle.click()
    QApplication.processEvents()
    assert not rig.window.buttons["toggle"].isVisible()
    assert rig.window.table.height() > table_height  # folded: the agenda gets the room
    rig.press(Qt.Key.Key_Space)
    assert rig.snap.running  # the keys work the same with the buttons folded


# -- the careless user: nothing crashes, a notice says what happened or why not ---------


def assert_notice(rig: Rig, *words: str) -> None:
    notice = rig.window.notice()
    for word in words:
        assert word in notice, f"{word!r} not in notice {notice!r}"
    assert QApplication.activeModalWidget() is None  # never a box that stops the show


@pytest.mark.parametrize(
    ("key", "modifiers", "words"),
    [
        (K.Key_Left, NO, ("first item",)),
        (K.Key_Plus, SHIFT, ("No item is loaded",)),
        (K.Key_Minus, NO, ("No item is loaded",)),
        (K.Key_R, NO, ("No item is loaded",)),
        (K.Key_Z, CTRL, ("Nothing to undo",)),
        (K.Key_Escape, NO, ("no message",)),
    ],
)
def test_keys_before_the_show_say_why_nothing_happened(rig: Rig, key: Qt.Key, modifiers, words) -> None:
    before = rig.snap
    rig.press(key, modifiers)
    assert rig.snap.stage == "welcome" and rig.snap.items == before.items
    assert_notice(rig, *words)


def test_before_the_show_the_cursor_is_on_the_first_item_and_g_loads_it(rig: Rig) -> None:
    assert rig.window.table.selected_item_id() == "opening"
    rig.press(K.Key_G)
    assert rig.snap.current.id == "opening" and not rig.snap.running
    assert_notice(rig, "개회사", "Space")


def test_g_with_no_row_chosen_says_how_to_choose_one(rig: Rig) -> None:
    rig.window.table.setCurrentIndex(QModelIndex())
    rig.press(K.Key_G)
    assert rig.snap.stage == "welcome"
    assert_notice(rig, "Choose a row", "↑ ↓")


def test_right_at_the_last_item_closes_the_show_and_says_how_to_go_back(rig: Rig) -> None:
    rig.to_item(12, 20 * MIN).press(K.Key_Right)
    assert rig.snap.stage == "closing"
    assert_notice(rig, "last item", "←")
    rig.press(K.Key_Right)
    assert_notice(rig, "no next item")
    rig.press(K.Key_Space)
    assert_notice(rig, "The show is over")
    rig.press(K.Key_Minus)
    assert rig.snap.stage == "closing"
    assert rig.window.table.selected_item_id() == "forum-ai"  # the table shows where the show ended
    rig.press(K.Key_Left)
    assert rig.snap.current.id == "forum-ai"


def test_minus_past_zero_warns_that_the_speaker_is_over_time(rig: Rig) -> None:
    rig.to_item(2, 9 * MIN + 30 * SEC).press(K.Key_Minus)
    assert rig.snap.phase == "overtime"
    assert_notice(rig, "over time", "+")
    rig.press(K.Key_Plus, SHIFT)
    assert rig.snap.phase != "overtime"


def test_minus_stops_at_an_empty_item(rig: Rig) -> None:
    rig.to_item(0)
    for _ in range(5):
        rig.press(K.Key_Minus)
    assert rig.snap.allotted_ms == 0
    rig.press(K.Key_Minus)
    assert rig.snap.allotted_ms == 0
    assert_notice(rig, "Cannot take a minute")


def test_m_then_esc_sends_nothing_and_keeps_the_message_on_screen(rig: Rig) -> None:
    rig.to_item(2, MIN).do("message", "1분 남았습니다")
    rig.press(K.Key_M)
    dialog = rig.window.message_dialog
    rig.qtbot.keyClick(dialog.editor, K.Key_Escape)
    assert rig.window.message_dialog is None
    assert rig.snap.message == "1분 남았습니다"  # Esc in the dialog closes it, nothing more
    assert_notice(rig, "not sent")


def test_going_to_the_live_row_says_it_is_already_on_stage(rig: Rig) -> None:
    rig.to_item(3, MIN).press(K.Key_G)  # the cursor is on the live row
    assert rig.snap.current.id == "ai-roadmap" and rig.snap.running
    assert_notice(rig, "already on stage")


def test_a_failed_command_shows_in_the_notice_line_not_a_dialog(rig: Rig) -> None:
    rig.controller.apply(Command("goto", "no-such-item"))
    assert_notice(rig, "no-such-item")
    assert rig.window.notice_label.property("colour") == style.NOTICE_WARN.name()


def test_a_notice_clears_itself(rig: Rig) -> None:
    rig.press(K.Key_Left)
    timer = rig.window._notice_timer
    assert rig.window.notice() and timer.isActive() and timer.isSingleShot()
    timer.timeout.emit()  # as it will after a few seconds, without waiting for them
    assert rig.window.notice() == ""


# -- what the window shows ----------------------------------------------------------


def test_the_countdown_is_large_tabular_and_in_its_phase_colour(rig: Rig) -> None:
    rig.to_item(4, 8 * MIN + 20 * SEC)  # 1:40 left: warning
    panel = rig.window.current_panel
    assert panel.countdown_label.text() == "1:40"
    assert panel.countdown_colour() == theme.phase_colour("warning")
    assert fonts.has_tabular(panel.countdown_label.font())
    assert panel.countdown_label.font().pixelSize() >= 60
    image = panel.countdown_label.grab().toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}
    assert theme.phase_colour("warning").name() in colours  # really painted amber
    rig.wait(2 * MIN)
    assert panel.countdown_label.text() == "+0:20"
    assert panel.countdown_colour() == theme.phase_colour("overtime")


def test_paused_and_ready_are_obvious(rig: Rig) -> None:
    rig.to_item(2, MIN).do("pause")
    panel = rig.window.current_panel
    assert "PAUSED" in panel.state_badge.text()
    assert panel.countdown_colour() != theme.phase_colour("normal")  # dimmed digits
    rig.do("next")
    assert "READY" in panel.state_badge.text()
    rig.do("start")
    assert panel.state_badge.text() == "RUNNING"
    assert panel.countdown_colour() == theme.phase_colour("normal")


def test_the_current_panel_shows_title_speaker_elapsed_next_and_note(rig: Rig) -> None:
    rig.to_item(10, 5 * MIN)
    panel = rig.window.current_panel
    assert panel.title_label.text() == "안전하게 개인정보를 활용하기 위한 규제 특례 적용 방안"
    assert panel.speaker_label.text() == "송도영 변호사"
    assert panel.elapsed_label.text() == "5:00 of 20:00"
    assert panel.next_label.text() == "Next at 11:50: 저작물의 공정 이용과 데이터 활성화 · 김형지 변호사"
    assert panel.note_label.text() == "Note: 무대 메모: 마이크 2번 확인"
    assert panel.progress.value() == 250


def test_the_status_line_shows_the_time_the_shows_offset_and_its_end(rig: Rig) -> None:
    rig.to_item(0).wait(7 * MIN).do("next_start")  # the opening ran two minutes long
    status = rig.window.status_line
    assert status.clock_label.text() == "10:07:00"
    assert status.offset_label.text() == "+2:00 behind"
    assert status.offset_label.property("colour") == style.BEHIND.name()
    assert status.end_label.text() == "Ends 12:30 · planned 12:30"  # the break absorbs it
    assert not status.speed_label.isVisibleTo(rig.window)


def test_a_rehearsal_shows_its_speed(qtbot) -> None:
    controller = Controller(Show(fallback_agenda(), FakeClock(), speed=60.0))
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    assert window.status_line.speed_label.text() == "Rehearsal ×60"
    assert window.status_line.speed_label.isVisibleTo(window)


def test_the_thumbnails_show_the_same_snapshot_as_the_stage_screens(rig: Rig) -> None:
    rig.to_item(3, MIN)
    # The stage screens' own frames, cut by the core: what the speaker and the audience see, no more.
    assert rig.window.presenter_thumbnail.frame is rig.controller.frames.presenter
    assert rig.window.projector_thumbnail.frame is rig.controller.frames.projector
    assert rig.window.presenter_thumbnail.frame == presenter_frame(rig.snap)
    size = rig.window.presenter_thumbnail.size()
    assert size.width() * 9 == size.height() * 16 and size.width() >= 144  # 16:9, never a sliver


def test_the_table_follows_the_show(rig: Rig) -> None:
    rig.to_item(3, MIN)
    model = rig.window.model
    assert model.live_row == rig.row("ai-roadmap")
    assert model.data(model.index(rig.row("ai-roadmap"), COLUMN["status"])) == "Live"
    assert model.data(model.index(rig.row("sandbox-report"), COLUMN["status"])) == "Done"


def test_the_window_fits_a_1366_by_768_laptop(rig: Rig) -> None:
    rig.to_item(10, MIN).do("message", "질문 1개만 받겠습니다")
    menu = rig.window.menuBar()
    menu.addMenu("&Screens")  # as the app adds it
    needed = rig.window.minimumSizeHint()
    # 768 less a title bar and a panel or task bar: about 700 pixels for the whole window.
    assert needed.width() <= 1366 and needed.height() + menu.sizeHint().height() <= 700


def test_the_window_draws_korean_with_the_bundled_font(rig: Rig) -> None:
    # The machine has no Korean font: only the bundled Pretendard can draw these titles.
    rig.to_item(2, MIN)
    for label in (rig.window.current_panel.title_label, rig.window.message_bar.message_label):
        assert label.fontInfo().family() == fonts.family()


# -- the message dialog -------------------------------------------------------------


def test_the_dialog_offers_the_agendas_language_first_on_keys_1_to_3(rig: Rig) -> None:
    rig.to_item(2, MIN)
    dialog = rig.window.open_message_dialog()
    assert dialog.presets[:3] == KOREAN_PRESETS
    assert [button.text() for button in dialog.preset_buttons[:3]] == [
        "1   마무리 부탁드립니다", "2   1분 남았습니다", "3   질문 1개만 받겠습니다"]
    assert "Please wrap up" in dialog.presets[3:]  # and the English ones after them
    assert not dialog.isHidden() and rig.snap.running
    assert rig.controller.timer.isActive()  # the dialog does not hold the clock up


def test_an_english_agenda_gets_english_presets_first() -> None:
    from stagetimer.ui.control.message_dialog import ENGLISH_PRESETS, presets_for

    assert presets_for("en")[:3] == ENGLISH_PRESETS
    assert presets_for("ko-KR")[:3] == KOREAN_PRESETS


def test_number_keys_pick_presets_until_free_text_is_typed(rig: Rig) -> None:
    rig.to_item(2, MIN)
    dialog = rig.window.open_message_dialog()
    rig.qtbot.keyClick(dialog.editor, K.Key_3)
    assert dialog.text() == "질문 1개만 받겠습니다"
    rig.qtbot.keyClick(dialog.editor, K.Key_2)  # a preset is still a pick, not typing
    assert dialog.text() == "1분 남았습니다"
    dialog.editor.clear()
    rig.qtbot.keyClicks(dialog.editor, "Back in ")
    rig.qtbot.keyClicks(dialog.editor, "5")
    assert dialog.text() == "Back in 5"  # inside a sentence a digit is a digit
    rig.qtbot.keyClick(dialog.editor, K.Key_1, CTRL)  # Ctrl+number always picks
    assert dialog.text() == "마무리 부탁드립니다"
    dialog.pick(5)  # a click on a preset button does the same
    rig.qtbot.keyClick(dialog.editor, K.Key_Return)
    assert rig.snap.message == dialog.presets[4] == "1 minute left"
    assert "1 minute left" in rig.window.notice()


def test_free_text_is_sent_as_typed(rig: Rig) -> None:
    rig.to_item(2, MIN).press(K.Key_M)
    dialog = rig.window.message_dialog
    rig.qtbot.keyClicks(dialog.editor, "Slide 12, please")
    rig.qtbot.keyClick(dialog.editor, K.Key_Enter)
    assert rig.snap.message == "Slide 12, please"
    assert rig.window.message_bar.message_label.text() == "Slide 12, please"


def test_sending_an_empty_message_clears_the_one_on_screen(rig: Rig) -> None:
    rig.to_item(2, MIN).do("message", "1분 남았습니다").press(K.Key_M)
    dialog = rig.window.message_dialog
    assert dialog.text() == "1분 남았습니다"  # the current message, selected: typing replaces it
    dialog.editor.clear()
    rig.qtbot.keyClick(dialog.editor, K.Key_Return)
    assert rig.snap.message == ""
    assert rig.window.notice() == "Message cleared"


def test_an_empty_message_with_nothing_on_screen_sends_nothing(rig: Rig) -> None:
    rig.press(K.Key_M)
    rig.qtbot.keyClick(rig.window.message_dialog.editor, K.Key_Return)
    assert rig.snap.message == ""
    assert "nothing sent" in rig.window.notice()


def test_m_twice_keeps_one_dialog(rig: Rig) -> None:
    first = rig.window.open_message_dialog()
    assert rig.window.open_message_dialog() is first


def test_after_the_show_the_end_time_is_not_red_when_it_reads_the_same_as_planned(rig: Rig) -> None:
    rig.to_item(12, 20 * MIN + 45 * SEC).press(K.Key_Right)  # the last topic ran 45 s long
    status = rig.window.status_line
    assert status.offset_label.text() == "+0:45 behind"
    assert status.end_label.text() == "Ends 12:30 · planned 12:30"
    assert status.end_label.property("colour") == style.MUTED.name()
    assert rig.window.current_panel.title_label.text() == "The show is over"


def test_holding_m_a_moment_too_long_types_nothing_into_the_message(rig: Rig) -> None:
    dialog = rig.window.open_message_dialog()
    for _ in range(4):  # the keyboard's auto-repeat of the M that opened the dialog
        for kind in (QEvent.Type.KeyRelease, QEvent.Type.KeyPress):
            QApplication.sendEvent(dialog.editor, QKeyEvent(kind, K.Key_M, NO, "m", True))
    QApplication.sendEvent(dialog.editor, QKeyEvent(QEvent.Type.KeyRelease, K.Key_M, NO, "m", False))
    assert dialog.editor.text() == ""
    rig.qtbot.keyClicks(dialog.editor, "mic 2")  # after that, every key types
    assert dialog.text() == "mic 2"
