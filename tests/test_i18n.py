"""UI language: Korean when the agenda is Korean, English on request, nothing left untranslated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from stagetimer import resources
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.ui.common.i18n import (
    choose_language,
    install_translator,
    normalise_language,
)
from stagetimer.ui.control.notices import notice_for
from stagetimer.ui.controller import Controller
from tests.agenda_factory import make_agenda

TS = resources.translations_dir() / "stagetimer_ko.ts"
QM = resources.translations_dir() / "stagetimer_ko.qm"


@pytest.fixture
def korean(qapp: QApplication):
    """Korean installed for one test, English restored after it."""
    translator = install_translator(qapp, "ko")
    yield translator
    install_translator(qapp, "en")


@pytest.mark.parametrize(
    ("option", "agenda_language", "expected"),
    [
        (None, "ko", "ko"),
        ("en", "ko", "en"),
        ("ko", "en", "ko"),
        (None, "", "en"),
        (None, None, "en"),
        (None, "ko-KR", "ko"),
        ("KO_kr.UTF-8", "en", "ko"),
    ],
)
def test_the_option_beats_the_agenda_which_beats_english(option, agenda_language, expected) -> None:
    assert choose_language(option, agenda_language) == expected


def test_language_tags_are_reduced_to_the_base_language() -> None:
    assert normalise_language("ko-KR") == "ko"
    assert normalise_language(" ") is None


def test_korean_translates_the_menu_and_window_titles(korean) -> None:
    assert korean is not None
    assert QCoreApplication.translate("ScreensMenu", "Windowed") == "창 모드"
    assert QCoreApplication.translate("App", "StageTimer — Projector") == "StageTimer — 프로젝터 화면"


def test_english_installs_nothing_and_shows_the_source_strings(qapp: QApplication) -> None:
    install_translator(qapp, "ko")
    assert install_translator(qapp, "en") is None
    assert QCoreApplication.translate("ScreensMenu", "Windowed") == "Windowed"


def test_a_language_without_a_catalogue_falls_back_to_english(qapp: QApplication) -> None:
    assert install_translator(qapp, "xx") is None
    assert QCoreApplication.translate("ScreensMenu", "Windowed") == "Windowed"


def test_a_refused_command_is_explained_in_korean(korean, qtbot) -> None:
    controller = Controller(Show(make_agenda([("a", "talk", "5m")]), FakeClock()))
    outcome = controller.apply(Command("undo"))
    assert notice_for(outcome).text == "되돌릴 작업이 없습니다."


def test_every_string_in_the_catalogue_is_translated() -> None:
    """An unfinished entry shows English on a Korean stage manager's screen."""
    root = ET.parse(TS).getroot()
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run tools/update_translations.sh and commit the .qm"
