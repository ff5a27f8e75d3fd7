"""The Control window under the Korean catalogue: the stage manager of a Korean event reads Korean.

The English tests (tests/test_control.py) run with no translator; here the
``ko`` catalogue is installed before the window is built, exactly as the app
does for an agenda whose language is ``ko``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stagetimer.core.agenda.model import KINDS
from stagetimer.core.show.commands import Command
from stagetimer.ui.common.i18n import install_translator
from stagetimer.ui.control.agenda_table import COLUMN, KIND_TEXT
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from tools.demo_show import DemoShow, fallback_agenda

MIN = 60_000
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def korean_window(qapp: QApplication, qtbot) -> Iterator[tuple[DemoShow, Controller, ControlWindow]]:
    assert install_translator(qapp, "ko") is not None
    demo = DemoShow(fallback_agenda())
    demo.run_to(4).wait(3 * MIN)  # KT's presentation, three minutes in
    controller = Controller(demo.show)
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    yield demo, controller, window
    controller.stop()
    install_translator(qapp, "en")


def _headers(window: ControlWindow) -> list[str]:
    model = window.model
    return [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]


def test_no_table_header_is_left_in_english(korean_window) -> None:
    _, _, window = korean_window
    headers = _headers(window)
    assert headers[:3] == ["계획", "예상", "길이"]
    english = [text for text in headers if text.isascii()]
    assert english == [], f"headers still in English: {english}"
    signs = [text for text in headers if not HANGUL.search(text)]
    assert signs == ["+/−"]  # the over/under column is headed by its signs in every language


def test_the_live_row_and_the_status_line_read_korean(korean_window) -> None:
    demo, controller, window = korean_window
    row = window.model.row_of_item("kt")
    cell = window.model.index(row, COLUMN["status"]).data()
    assert cell == "진행 중"
    assert window.model.index(row, COLUMN["kind"]).data() == "사례 발표"
    status = window.status_line
    assert status.offset_label.text() == "정시 진행"
    assert status.end_label.text() == "종료 예상 12:30 · 계획 12:30"
    demo.wait(2 * MIN)
    controller.apply(Command("pause"))
    demo.wait(90_000)  # a pause pushes the day: the show now runs behind
    controller.publish()
    assert status.offset_label.text() == "+1:30 지연"
    assert window.model.index(row, COLUMN["status"]).data() == "일시 정지"
    assert window.current_panel.state_badge.text() == "❚❚ 일시 정지 · Space 키로 재개"


def test_title_buttons_and_key_legend_are_korean(korean_window) -> None:
    _, _, window = korean_window
    assert window.windowTitle() == "StageTimer — 운영 화면"
    captions = {name: button.text_label.text() for name, button in window.buttons.items()}
    assert captions["toggle"] == "일시 정지"  # the clock runs: the button stops it
    assert captions["next"] == "다음"
    assert captions["add_minute"] == "+1분"
    english = [text for text in captions.values() if not HANGUL.search(text)]
    assert english == []
    assert HANGUL.search(window.button_panel.toggle.text()), window.button_panel.toggle.text()
    assert HANGUL.search(window.button_panel.hint_label.text())


def test_every_agenda_kind_has_a_korean_name(korean_window) -> None:
    assert set(KIND_TEXT) == set(KINDS)
    names = {kind: QApplication.translate("AgendaTable", KIND_TEXT[kind]) for kind in KINDS}
    assert all(HANGUL.search(name) for name in names.values()), names
