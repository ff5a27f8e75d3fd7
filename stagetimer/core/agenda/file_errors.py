"""Errors about an agenda file as a whole, found before its blocks are read.

Too large, not UTF-8, not YAML, empty, an alias bomb: each refuses the
whole file at one place, so each is built here in one piece, in English
with the phrase the screens translate (see :mod:`stagetimer.core.agenda.errors`).
"""

from __future__ import annotations

import stat
import unicodedata

import yaml
import yaml.reader
from yaml.error import Mark
from yaml.tokens import ScalarToken

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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark: UTF-16 (or UTF-32), not Korean ANSI
        expected = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the file saved as UTF-8 (it is saved as UTF-16)"))
    else:
        expected = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the file saved as UTF-8 (not EUC-KR/CP949)"))
    return AgendaError.of(filename, line, column, message, expected)


def not_yaml(detail: str) -> Phrase:
    """PyYAML's own words (English in every language), in a translated frame."""
    return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "not valid YAML: {detail}"), detail=detail)


def yaml_error(filename: str, problem: yaml.MarkedYAMLError, text: str) -> AgendaError:
    """A YAML syntax error where its cause is written, named as the usual causes are.

    PyYAML marks where it gave up, which for an unclosed quote is the end of
    the file and for a tab is wherever the indentation stopped making sense:
    the quote's opening and the tab itself are what the user must fix.
    """
    tab = _tab_near(text, problem)
    if tab is not None:
        tab_here = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a tab is used for indentation here"))
        spaces = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "indentation with spaces, not tabs"))
        return AgendaError.of(filename, tab[0], tab[1], tab_here, spaces)
    quote = _open_quote(text, problem)
    if quote is not None:
        return quote_error(filename, quote, problem)
    mark = problem.problem_mark or problem.context_mark
    line, column = _clamped(text, mark) if mark else (1, 1)
    what = problem.problem or "not valid YAML"
    if problem.context:
        what = f"{problem.context}, {what}"
    check = QT_TRANSLATE_NOOP("AgendaErrors", "check quotes, colons and indentation")
    return AgendaError.of(filename, line, column, not_yaml(what), Phrase.of(check))


def quote_error(filename: str, quote: tuple[Mark, Mark | None], problem: yaml.MarkedYAMLError) -> AgendaError:
    """A quote never closed (``closed`` is None), or closed only lines later by the next one."""
    opened, closed = quote
    expected = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the closing quote on the same line"))
    if closed is None:
        message = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the quote opened here is never closed"))
        return AgendaError.of(filename, opened.line + 1, opened.column + 1, message, expected)
    runs_on = QT_TRANSLATE_NOOP("AgendaErrors", "the quote opened here runs on to line {line}")
    after = QT_TRANSLATE_NOOP("AgendaErrors", "YAML then stopped at line {line}: {problem}")
    mark = problem.problem_mark or closed
    return AgendaError.of(
        filename, opened.line + 1, opened.column + 1, Phrase.of(runs_on, line=closed.line + 1), expected,
        Phrase.of(after, line=mark.line + 1, problem=problem.problem or ""),
    )


def _clamped(text: str, mark: Mark) -> tuple[int, int]:
    """1-based line and column of ``mark``, moved back onto the file's last line if past its end."""
    lines = text.splitlines() or [""]
    if mark.line < len(lines):
        return mark.line + 1, mark.column + 1
    return len(lines), len(lines[-1]) + 1


def _tab_near(text: str, problem: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """The tab in the indentation of the line PyYAML stopped on (or the one it named), if any."""
    lines = text.splitlines()
    for mark in (problem.problem_mark, problem.context_mark):
        if mark is None or mark.line >= len(lines):
            continue
        line = lines[mark.line]
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return mark.line + 1, indent.index("\t") + 1
        if line[mark.column: mark.column + 1] == "\t":
            return mark.line + 1, mark.column + 1
    return None


def _open_quote(text: str, problem: yaml.MarkedYAMLError) -> tuple[Mark, Mark | None] | None:
    """Where a quote that caused ``problem`` opens, and where it closes (None: never)."""
    if problem.context == "while scanning a quoted scalar" and problem.context_mark is not None:
        return problem.context_mark, None
    stop = problem.problem_mark
    if stop is None:
        return None
    last: ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (stop.line, stop.column):
                break
            if isinstance(token, ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.style not in ("'", '"') or last.start_mark.line == last.end_mark.line:
        return None
    if last.end_mark.line != stop.line:
        return None
    return last.start_mark, last.end_mark


def unreadable_character(filename: str, text: str, problem: yaml.reader.ReaderError) -> AgendaError:
    """A character YAML refuses anywhere in a file (NUL, most controls), at its line and column."""
    # libyaml counts the position in its own units (bytes of UTF-8 once any Hangul comes
    # before it), so the character is found again by PyYAML's own rule for what it refuses.
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    offset = found.start() if found else max(0, min(int(problem.position), len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    char = text[offset] if offset < len(text) else ""
    name = CONTROL_NAMES.get(char) or (unicodedata.name(char, "") if char else "") or "control character"
    message = QT_TRANSLATE_NOOP("AgendaErrors", "the file contains U+{code} ({name}), which YAML does not allow")
    expected = QT_TRANSLATE_NOOP("AgendaErrors", "text only (is this the right file?)")
    return AgendaError.of(
        filename, line, column, Phrase.of(message, code=f"{ord(char) if char else 0:04X}", name=name),
        Phrase.of(expected),
    )


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


def not_a_file(filename: str, mode: int) -> AgendaError:
    """A folder, a named pipe, a device or a socket where the agenda file should be: refused unopened."""
    kinds = (
        (stat.S_ISDIR, QT_TRANSLATE_NOOP("AgendaErrors", "a folder")),
        (stat.S_ISFIFO, QT_TRANSLATE_NOOP("AgendaErrors", "a named pipe (FIFO)")),
        (stat.S_ISCHR, QT_TRANSLATE_NOOP("AgendaErrors", "a device")),
        (stat.S_ISBLK, QT_TRANSLATE_NOOP("AgendaErrors", "a device")),
        (stat.S_ISSOCK, QT_TRANSLATE_NOOP("AgendaErrors", "a socket")),
    )
    kind = next((words for test, words in kinds if test(mode)), QT_TRANSLATE_NOOP("AgendaErrors", "not a file"))
    message = QT_TRANSLATE_NOOP("AgendaErrors", "this is {kind}, not an agenda file")
    expected = QT_TRANSLATE_NOOP("AgendaErrors", "the path of a YAML file")
    return AgendaError.of(filename, 1, 1, Phrase.of(message, kind=Phrase.of(kind)), Phrase.of(expected))


#: Names of the controls unicodedata does not name.
CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BACKSPACE", "\t": "TAB", "\r": "CARRIAGE RETURN",
                 "\x1b": "ESC", "\x7f": "DEL"}
