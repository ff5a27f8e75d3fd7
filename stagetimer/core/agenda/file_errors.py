"""Errors about an agenda file as a whole, found before its blocks are read.

Too large, not UTF-8, not YAML, empty, an alias bomb: each refuses the
whole file at one place, so each is built here in one piece, in English
with the phrase the screens translate (see :mod:`stagetimer.core.agenda.errors`).
"""

from __future__ import annotations

import yaml

from stagetimer.core.agenda.errors import AgendaError, Phrase
from stagetimer.core.translatable import QT_TRANSLATE_NOOP


def too_big(filename: str, size: int, limit: int) -> AgendaError:
    """The file is over ``limit`` bytes: refused unread, as it is surely the wrong file."""
    message = QT_TRANSLATE_NOOP("AgendaErrors", "the file is {size} MB, too large for an agenda")
    expected = QT_TRANSLATE_NOOP("AgendaErrors", "at most {limit} MB (is this the right file?)")
    return AgendaError.of(
        filename,
        1,
        1,
        Phrase.of(message, size=f"{size / 1_000_000:.1f}"),
        Phrase.of(expected, limit=limit // (1024 * 1024)),
    )


def not_utf8(filename: str, data: bytes, offset: int) -> AgendaError:
    """The first byte that is not UTF-8, at its line and column (a Korean editor's CP949 save, usually)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    not_text = QT_TRANSLATE_NOOP("AgendaErrors", "byte 0x{byte} is not UTF-8 text")
    message = Phrase.of(not_text, byte=f"{data[offset]:02x}")
    expected = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the file saved as UTF-8 (not EUC-KR/CP949)"))
    return AgendaError.of(filename, line, column, message, expected)


def not_yaml(detail: str) -> Phrase:
    """PyYAML's own words (English in every language), in a translated frame."""
    return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "not valid YAML: {detail}"), detail=detail)


def yaml_error(filename: str, problem: yaml.MarkedYAMLError) -> AgendaError:
    """A YAML syntax error at PyYAML's mark, with the usual cause as the expectation."""
    mark = problem.problem_mark or problem.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = problem.problem or "not valid YAML"
    if problem.context:
        what = f"{problem.context}, {what}"
    if "\t" in what or "tab" in what:
        expected = QT_TRANSLATE_NOOP("AgendaErrors", "indentation with spaces, not tabs")
    else:
        expected = QT_TRANSLATE_NOOP("AgendaErrors", "check quotes, colons and indentation")
    return AgendaError.of(filename, line, column, not_yaml(what), Phrase.of(expected))


def empty_file(filename: str) -> AgendaError:
    """Nothing but comments or blank lines."""
    empty = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the file is empty"))
    expected = QT_TRANSLATE_NOOP("AgendaErrors", "an agenda with 'event:' and 'items:' (see docs/agenda-format.md)")
    return AgendaError.of(filename, 1, 1, empty, Phrase.of(expected))


def alias_bomb(filename: str, line: int, column: int) -> AgendaError:
    """Anchors and aliases that would expand past the visit budget ("billion laughs")."""
    message = QT_TRANSLATE_NOOP(
        "AgendaErrors",
        "the file expands to far more values than an agenda has (anchors and aliases nested too deep)",
    )
    expected = QT_TRANSLATE_NOOP("AgendaErrors", "each alias used a few times")
    return AgendaError.of(filename, line, column, Phrase.of(message), Phrase.of(expected))
