"""Two languages: the operator's (Control, --lang, the Language menu) and the audience's (the agenda's).

An English-speaking stage manager runs a Korean event: Control is in English,
the Presenter and the Projector stay Korean, and switching the menu to 한국어
re-words Control at once (and is remembered for the next start).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from stagetimer.ui.app import AppParts
from stagetimer.ui.common.i18n import SETTINGS_KEY


def stage_words(parts: AppParts) -> tuple[str, str, str]:
    """A word of each stage screen, as it paints it now."""
    return (parts.presenter.tr("Starts in"), parts.projector.words.translate("ProjectorView", "Thank you"),
            parts.control.presenter_thumbnail.tr("Starts in"))


def control_words(parts: AppParts) -> tuple[str, str, str]:
    control = parts.control
    return control.windowTitle(), control.presenter_caption.text(), control.buttons["undo"].text_label.text()


def test_english_control_keeps_the_korean_stage_and_the_menu_switches_control_at_once(whole_app) -> None:
    parts = whole_app(lang="en")
    assert control_words(parts) == ("StageTimer — Control", "Presenter screen", "Undo")
    assert parts.control.current_panel.state_badge.text() == "BEFORE THE SHOW"
    assert stage_words(parts) == ("시작까지", "감사합니다", "시작까지")

    parts.language_menu.choose("ko")
    title, caption, undo = control_words(parts)
    assert title != "StageTimer — Control" and "StageTimer" in title
    assert caption == "발표자 화면" and undo == "되돌리기"
    assert parts.language_menu.actions_by_language["ko"].isChecked()
    assert parts.control.current_panel.state_badge.text() == "시작 전"  # drawn per frame: the next frame re-words it
    assert stage_words(parts) == ("시작까지", "감사합니다", "시작까지")  # the audience's language never moved

    assert parts.show_menu._language == "ko"  # the report Control writes is in the language chosen

    parts.language_menu.choose("en")
    assert control_words(parts) == ("StageTimer — Control", "Presenter screen", "Undo")
    assert stage_words(parts) == ("시작까지", "감사합니다", "시작까지")


def test_the_choice_is_remembered_and_lang_still_wins(whole_app, tmp_path: Path) -> None:
    first = whole_app()
    assert first.language == "ko"  # the agenda's, nothing chosen yet
    first.language_menu.choose("en")
    settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
    assert settings.value(SETTINGS_KEY) == "en"
    first.abandon()
    first.session.close()
    assert whole_app().language == "en"
    assert whole_app(lang="ko").language == "ko"
