"""A bad edit of a Korean agenda is explained in Korean on Control; the CLI and English stay as they were.

The loader (Qt-free) keeps every error as English text plus the phrase it
came from; Control renders the phrase through Qt's catalogue (context
``AgendaErrors``). What the stage manager typed — a misspelt key, an id, a
value — appears exactly as typed, at its line:column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from stagetimer import resources
from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid, Phrase
from stagetimer.core.agenda.loader import MAX_BYTES, parse_agenda
from stagetimer.ui.common.i18n import install_translator
from stagetimer.ui.control.agenda_status import AgendaStatusPanel, error_line

TS = resources.translations_dir() / "stagetimer_ko.ts"
HANGUL = re.compile("[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: Words of the English templates; none may be left in a Korean line.
ENGLISH_WORDS = ("unknown key", "unknown kind", "expected", "did you mean", "duplicate", "already used",
                 "negative", "is fixed", "before the", "must", "is not", "not valid", "has no", "one of",
                 "such as", "e.g.", "at most", "the file", "a value", "text on", "is empty")

#: Five kinds of mistake in one save: a misspelt key, a duplicate id, a negative
#: duration, an unknown kind and a fixed start before the item above it.
BAD_EDIT = """\
event:
  title: 규제 혁신 포럼
  start: "10:00"
  language: ko
items:
  - id: opening
    title: 개회사
    duraton: 5m
  - id: keynote
    title: 기조연설
    duration: 20m
  - id: keynote
    title: 축사
    duration: -5m
  - id: debate
    kind: pannel
    title: 토론
    duration: 30m
  - id: award
    kind: ceremony
    title: 시상
    duration: 10m
    start: "10:40"
  - id: lunch
    kind: break
    title: 점심
    duration: 60m
    start: "10:30"
"""

HEAD = "event: {title: T, start: '10:00'}\n"
#: Small bad files reaching most error sites of the loader, for the catalogue checks.
MISTAKES = [
    b"",
    b"- id: a\n",
    b"event:\n\ttitle: x\n",
    b"thresholds: {warning: 2m}\n",
    b"event: {titel: T, lang: ko, language: kr}\nitems: []\n",
    b"event: {title: T, start: soon, end: [x], date: {a: 1}, venue: }\nitems: {a: 1}\n",
    b"event: {title: T, start: '10:00', end: '09:00'}\nitems:\n  - {id: a, title: A, duration: 5m}\n",
    (HEAD + "thresholds: {warning: 30s, danger: 1m, dangr: 1}\nitems:\n  - {id: a, title: A, duration: 5m, "
     "thresholds: [1]}\n").encode(),
    (HEAD + "sections:\n  - {id: one, title: O}\n  - {id: one, title: P}\n  - {title: Q}\n  - {id: 'x y'}\n"
     "  - hello\nitems:\n  - {id: a, title: A, duration: 5m, section: onee}\n").encode(),
    (HEAD + "sections: {a: 1}\nitems:\n  - {id: a, title: A, duration: 5m, section: x}\n").encode(),
    (HEAD + "items:\n  - hello\n  - {id: a, duraton: 10m}\n  - {title: B}\n  - {id: c, title: C, duration: 5m, "
     "kind: [a]}\n").encode(),
    (HEAD + "items:\n  - {id: a, title: A, duration: soon}\n  - {id: b, title: B, duration: 30m1h}\n"
     "  - {id: c, title: C, duration: 0m}\n  - {id: d, title: D, duration: 5m, start: noon}\n").encode(),
    (HEAD + "items:\n  - {id: a, title: A, duration: 5m, start: '09:00'}\n").encode(),
    (HEAD + "items:\n  - {id: a, title: A, duration: 5m, speaker: x, speakers: [y]}\n"
     "  - {id: b, title: B, duration: 5m, speakers: x, note: [n]}\n  - {id: c, title: C, duration: 5m, "
     "speakers: [[x]]}\n").encode(),
    (HEAD + "items:\n  - {id: a, title: A, duration: 5m, duration: 6m}\n  - {~: 1, id: b, title: B, duration: 5m}\n"
     "  - {<<: 3, id: c, title: C, duration: 5m}\n  - {id: , title: D, duration: 5m}\n").encode(),
    (HEAD + "items: []\n").encode(),
    b"x" * (MAX_BYTES + 1),
]


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    """The Korean catalogue for one test, English restored after it."""
    assert install_translator(qapp, "ko") is not None
    yield
    install_translator(qapp, "en")


def errors_of(data: bytes) -> list[AgendaError]:
    with pytest.raises(AgendaInvalid) as raised:
        parse_agenda(data, "agenda.yaml")
    return raised.value.errors


def in_korean(text: str) -> str:
    return QCoreApplication.translate("AgendaErrors", text)


def templates(phrase: Phrase | None) -> set[str]:
    """The source texts a phrase is made of, its parameters' phrases included."""
    if phrase is None:
        return set()
    found = {phrase.template}
    for _, value in phrase.params:
        if isinstance(value, Phrase):
            found |= templates(value)
    return found


def catalogue() -> dict[str, str]:
    """Source → translation of the AgendaErrors context of the Korean .ts."""
    root = ET.parse(TS).getroot()
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for context in root.iter("context")
        if context.findtext("name") == "AgendaErrors"
        for message in context.iter("message")
    }


def test_control_lists_a_bad_edit_in_korean_with_the_users_own_words(korean, qtbot) -> None:
    errors = errors_of(BAD_EDIT.encode())
    panel = AgendaStatusPanel()
    qtbot.addWidget(panel)
    panel.show_errors(errors)
    lines = panel.lines()
    assert [line.split("  ")[0] for line in lines] == ["8:5", "12:9", "14:15", "16:11", "28:12"]
    for line in lines:
        assert HANGUL.search(line), line
        assert not [word for word in ENGLISH_WORDS if word in line], line
    misspelt, duplicate, negative, kind, order = lines
    assert "'duraton'" in misspelt and "'duration'" in misspelt and "id, kind, title" in misspelt
    assert "'keynote'" in duplicate and "9" in duplicate
    assert "'-5m'" in negative and "길이" in negative
    assert "'pannel'" in kind and "'panel'" in kind
    assert "'lunch'" in order and "'award'" in order and "10:30" in order and "10:40" in order and "19" in order
    assert panel.heading.text().startswith("agenda.yaml에 오류가 5개")


def test_a_file_saved_as_cp949_is_explained_in_korean_at_its_place(korean) -> None:
    data = (HEAD + "items:\n  - {id: a, title: 개회사, duration: 5m}\n").encode("cp949")
    (error,) = errors_of(data)
    line = error_line(error)
    assert line.startswith("3:20  ") and HANGUL.search(line) and "UTF-8" in line and "EUC-KR/CP949" in line
    assert "0xb0" in line and "not UTF-8" not in line


def test_a_yaml_syntax_error_keeps_pyyamls_words_in_a_korean_frame(korean) -> None:
    (error,) = errors_of(b"event: [x\nitems: []\n")
    line = error_line(error)
    assert line.startswith("2:6  YAML 문법 오류: while parsing a flow sequence")
    assert "not valid YAML" not in line


@pytest.mark.parametrize("data", MISTAKES, ids=range(len(MISTAKES)))
def test_every_loader_error_is_fully_translated(korean, data: bytes) -> None:
    known = catalogue()
    for error in errors_of(data):
        assert error.message_phrase is not None, str(error)
        used = templates(error.message_phrase) | templates(error.expected_phrase) | templates(error.hint_phrase)
        assert used <= known.keys(), f"not in the catalogue: {used - known.keys()}"
        message, expected, hint = error.localised(in_korean)
        assert HANGUL.search(message), message
        if error.message_phrase.template == "not valid YAML: {detail}":  # PyYAML's own words stay English
            message = message.replace(dict(error.message_phrase.params)["detail"], "…")
        text = f"{message}; {expected} ({hint})"
        assert not [word for word in ENGLISH_WORDS if word in text], text


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    entries = catalogue()
    assert len(entries) > 50
    wrong = {
        source: translation
        for source, translation in entries.items()
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation))
    }
    assert wrong == {}


@pytest.mark.parametrize("data", [BAD_EDIT.encode(), *MISTAKES], ids=range(len(MISTAKES) + 1))
def test_without_a_translator_control_says_what_the_cli_says(qapp: QApplication, data: bytes) -> None:
    install_translator(qapp, "en")
    for error in errors_of(data):
        assert error.localised(in_korean) == (error.message, error.expected, error.hint)
        place = f"{error.line}:{error.column}"
        assert error_line(error) == f"{place}  " + str(error).removeprefix(f"{error.file}:{place}: ")


def test_a_phrase_inserts_the_users_text_verbatim_and_survives_a_bad_translation() -> None:
    where = Phrase.of("an item")
    phrase = Phrase.of("unknown key '{key}' in {where}", key="{where}", where=where)
    assert phrase.render() == "unknown key '{where}' in an item"
    broken = {"unknown key '{key}' in {where}": "{place}에 알 수 없는 키 '{key}'", "an item": "순서"}
    assert phrase.render(lambda text: broken.get(text, text)) == "{place}에 알 수 없는 키 '{where}'"
