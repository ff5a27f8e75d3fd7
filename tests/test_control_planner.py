"""Control's planner line and its keys, on the bundled (Korean) day running 13 minutes late."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from stagetimer.ui.common.i18n import install_translator
from stagetimer.ui.control.keys import action_for
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from tools.demo_show import STATES, DemoShow

SHIFT, NO = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def late(qtbot) -> Iterator[tuple[DemoShow, Controller, ControlWindow]]:  # type: ignore[no-untyped-def]
    app = QCoreApplication.instance()
    assert app is not None
    install_translator(app, "ko")
    demo = STATES["replan-pending"](DemoShow())
    controller = Controller(demo.show)
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    window.resize(1366, 738)
    window.show()
    yield demo, controller, window
    controller.stop()
    install_translator(app, "en")


def test_shift_a_is_automatic_and_a_is_apply_whatever_caps_lock_habits() -> None:
    assert action_for(Qt.Key.Key_A, NO).name == "replan"  # type: ignore[union-attr]
    assert action_for(Qt.Key.Key_A, SHIFT).name == "auto_replan"  # type: ignore[union-attr]
    assert action_for(Qt.Key.Key_R, SHIFT).name == "reset"  # type: ignore[union-attr]  # Shift still free for R


def test_the_line_says_the_proposal_in_korean_and_a_applies_it(late, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, controller, window = late
    line = window.proposal_bar.text_label.text()
    assert line == ("8분 초과 예상 — 제안: 안전하게 개인정보를… 20→17분, 저작물의 공정 이용… 20→17분, "
                    "AI 확산을 저해하… 20→18분")
    assert window.buttons["replan"].isEnabled() and window.buttons["replan"].isVisible()
    assert window.proposal_bar.text_label.isVisible()
    # It fits in one line at 1366 px: nothing of it is cut.
    assert not window.proposal_bar.text_label.is_elided()
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.notice() == "일정 조정: 3개 순서 단축, 8분 회복 — Ctrl+Z로 되돌리기"
    assert window.proposal_bar.text_label.text() == "정시 종료 예정: 조정할 것이 없습니다"
    assert not window.buttons["replan"].isEnabled()
    rows = {view.id: view.allotted_ms // 60_000 for view in controller.snapshot.items}
    assert (rows["forum-privacy"], rows["forum-copyright"], rows["forum-ai"]) == (17, 17, 18)


def test_shift_a_turns_automatic_mode_on_and_control_shows_it(late, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, controller, window = late
    qtbot.keyClick(window, Qt.Key.Key_A, SHIFT)
    assert controller.snapshot.auto_replan and window.buttons["auto_replan"].isChecked()
    assert window.notice() == "자동 조정 켬: 순서가 바뀔 때마다 조정안을 적용합니다"
    qtbot.keyClick(window, Qt.Key.Key_Right)  # 뉴빌리티 ends 7 minutes early: 6 late, the break takes 5
    assert window.notice().startswith("자동 조정: 1개 순서 단축, 1분 회복 · 대기: ")
    assert window.proposal_bar.text_label.text() == "자동: 순서가 바뀔 때마다 조정안을 적용합니다 (Shift+A로 끄기)"
