"""Hostile and absurd agenda files (issue 9): each a located error in words, never a traceback or a hang."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from stagetimer.cli import main as cli
from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import NotAnAgendaFile, load_agenda, parse_agenda
from stagetimer.core.agenda.yaml_compose import MAX_MERGE_DEPTH
from stagetimer.core.timefmt import parse_duration
from tests.cli_runner import stagetimer

HEAD = 'event:\n  title: Forum\n  start: "10:00"\nitems:\n'


def item(*lines: str, item_id: str = "a") -> str:
    return f"  - id: {item_id}\n" + "".join(f"    {line}\n" for line in lines)


def with_title(field: str) -> tuple[str, ...]:
    """A title line, unless the field under test is the title."""
    return () if field == "title" else ("title: A",)


def errors_of(text: str | bytes) -> list[AgendaError]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(AgendaInvalid) as raised:
        parse_agenda(data, "agenda.yaml")
    assert raised.value.errors
    return raised.value.errors


def only_error(text: str | bytes) -> AgendaError:
    errors = errors_of(text)
    assert len(errors) == 1, [str(error) for error in errors]
    return errors[0]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- numbers that broke Python


@pytest.mark.parametrize(
    "value", ["9" * 400 + "m", "9" * 5000, "9" * 400, "1" + "0" * 330 + ".5h", "9" * 400 + ":00", "9" * 4301 + "s"]
)
def test_an_enormous_number_is_a_located_error(value: str) -> None:
    text = HEAD + item("title: A", f"duration: {value}")
    error = only_error(text)
    assert (error.line, error.column) == (line_of(text, "duration:"), 15)
    assert "too long" in error.message or "longer than 24 hours" in error.message
    assert len(str(error)) < 400  # the value is shown by its ends, not 5,000 digits


@pytest.mark.parametrize("where", ["warning", "danger"])
def test_an_enormous_threshold_is_a_located_error(where: str) -> None:
    text = HEAD + item("title: A", "duration: 5m", "thresholds:", f"  {where}: {'9' * 5000}")
    error = only_error(text)
    assert error.line == line_of(text, f"{where}:")


def test_a_self_referencing_merge_is_a_loop_named_at_its_alias() -> None:
    text = HEAD + "  - &a\n    <<: *a\n    id: a\n    title: A\n    duration: 5m\n"
    error = only_error(text)
    assert "loop" in error.message and "*a" in error.message
    assert (error.line, error.column) == (6, 9)


def test_a_self_referencing_list_is_a_loop() -> None:
    error = only_error(HEAD + item("title: A", "duration: 5m", "speakers: &s [x, *s]"))
    assert "loop" in error.message


def merge_chain(depth: int) -> str:
    lines = ["defaults:", "  m0: &m0 {title: A, duration: 5m}"]
    lines += [f"  m{level}: &m{level}\n    <<: *m{level - 1}" for level in range(1, depth)]
    return "\n".join(lines) + "\n"


def test_a_1500_deep_merge_chain_is_refused_where_it_goes_too_deep() -> None:
    text = merge_chain(1500) + HEAD + "  - <<: *m1499\n    id: a\n"
    error = only_error(text)
    assert "nested" in error.message
    assert error.line == line_of(text, f"m{MAX_MERGE_DEPTH + 1}: &") + 1
    assert text.splitlines()[error.line - 1][error.column - 1:].startswith("<<")


def test_a_shallow_merge_chain_still_works() -> None:
    # Anchors must come before their aliases: put the chain first, under a key the loader reports as unknown.
    text = merge_chain(MAX_MERGE_DEPTH) + HEAD + f"  - <<: *m{MAX_MERGE_DEPTH - 1}\n    id: a\n"
    errors = errors_of(text)
    assert [error.message for error in errors] == ["unknown key 'defaults' in the agenda"]


def test_the_loader_never_recurses_into_python_limits() -> None:
    """Nesting libyaml accepts (just under its 1000 levels) composes without recursion."""
    text = HEAD + item("title: A", "duration: 5m", "note: " + "[" * 990 + "]" * 990)
    error = only_error(text)
    assert "note must be a single value" in error.message


# ---------------------------------------------------------------- not a file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.yaml"
    os.mkfifo(fifo)
    with pytest.raises(NotAnAgendaFile) as raised:
        load_agenda(fifo)  # today: blocks forever waiting for a writer
    assert "named pipe" in str(raised.value.strerror)
    assert raised.value.error.message_phrase is not None  # translatable in Control


def test_a_folder_or_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnAgendaFile, match="folder"):
        load_agenda(tmp_path)
    if Path("/dev/zero").exists():
        with pytest.raises(NotAnAgendaFile, match="device"):
            load_agenda("/dev/zero")  # today: reads forever


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_check_refuses_a_fifo_in_one_sentence(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.yaml"
    os.mkfifo(fifo)
    result = stagetimer("check", str(fifo))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "named pipe (FIFO)" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- absurd values


def test_a_duration_over_a_day_is_refused_where_it_is_written() -> None:
    text = HEAD + item("title: A", "duration: 25h")
    error = only_error(text)
    assert error.line == line_of(text, "25h") and "longer than 24 hours" in error.message
    whole_day = HEAD.replace('"10:00"', '"00:00"') + item("title: A", "duration: 24h")
    assert parse_agenda(whole_day.encode()).items[0].duration_ms == 86_400_000


def test_99999h_is_blamed_on_its_own_line_not_on_a_later_fixed_start() -> None:
    text = HEAD + item("title: A", "duration: 99999h") + item("title: B", "duration: 5m", 'start: "11:00"', item_id="b")
    error = only_error(text)
    assert error.line == line_of(text, "99999h")


def test_a_programme_past_midnight_is_refused_where_it_crosses() -> None:
    text = 'event:\n  title: Night\n  start: "23:00"\nitems:\n'
    text += item("title: A", "duration: 45m") + item("title: B", "duration: 30m", item_id="b")
    text += item("title: C", "duration: 30m", item_id="c")
    error = only_error(text)  # once, at B: C is not blamed as well
    assert error.line == line_of(text, "id: b") + 2
    assert "'b' starts 23:45" in error.message and "00:15 the next day" in error.message


def test_a_programme_may_end_exactly_at_midnight() -> None:
    text = 'event:\n  title: Night\n  start: "23:00"\nitems:\n' + item("title: A", "duration: 1h")
    assert parse_agenda(text.encode()).items[-1].planned_end_ms == 86_400_000


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", 300), ("organisation", 200), ("note", 2000), ("speaker", 100)],
)
def test_text_longer_than_a_screen_shows_is_refused(field: str, limit: int) -> None:
    ok = HEAD + item(*with_title(field), "duration: 5m", f"{field}: {'가' * limit}")
    parse_agenda(ok.encode())
    text = HEAD + item(*with_title(field), "duration: 5m", f"{field}: {'가' * (limit + 1)}")
    error = only_error(text)
    assert error.line == line_of(text, f"    {field}:") and f"at most {limit} characters" in error.expected


def test_a_650000_character_title_is_refused_quickly_and_not_repeated() -> None:
    text = HEAD + "  - id: a\n    title: " + "가" * 650_000 + "\n    duration: 5m\n"
    started = time.process_time()
    error = only_error(text)
    assert time.process_time() - started < 10
    assert "650,000 characters" in error.message and len(str(error)) < 300


@pytest.mark.parametrize(
    ("escaped", "code"),
    [("\\a", "0007"), ("\\e[31m", "001B"), ("\\x00", "0000"), ("\\x9b", "009B"), ("\\u202e", "202E"),
     ("\\u202a", "202A"), ("\\u2066", "2066"), ("\\u2069", "2069"), ("\\t", "0009"), ("\\r", "000D")],
)
@pytest.mark.parametrize("field", ["title", "speaker", "organisation", "note"])
def test_control_and_direction_characters_are_refused_in_any_text(escaped: str, code: str, field: str) -> None:
    text = HEAD + item(*with_title(field), "duration: 5m", f'{field}: "x{escaped}y"')
    error = only_error(text)
    assert error.line == line_of(text, f"    {field}:") and f"U+{code}" in error.message
    printable = str(error)
    assert not any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F or 0x202A <= ord(char) <= 0x202E
                   or 0x2066 <= ord(char) <= 0x2069 for char in printable), repr(printable)


def test_event_and_section_texts_are_checked_too() -> None:
    text = 'event:\n  title: "T\\e]0;pwned\\a"\n  venue: "\\u202eA"\n  start: "10:00"\n'
    text += 'sections:\n  - id: s\n    title: "' + "x" * 201 + '"\nitems:\n' + item("title: A", "duration: 5m")
    assert [error.line for error in errors_of(text)] == [2, 3, 7]


def test_line_breaks_in_a_note_are_fine() -> None:
    text = HEAD + item("title: A", "duration: 5m", "note: |", "  마이크 2번", "  물 한 잔")
    assert parse_agenda(text.encode()).items[0].note == "마이크 2번\n물 한 잔\n"


def test_an_echoed_unknown_key_cannot_reach_the_terminal_raw() -> None:
    error = errors_of(HEAD + item("title: A", "duration: 5m", '"ti\\x1btle": x'))[0]
    assert "\x1b" not in str(error) and "\\x1b" in str(error)


# ---------------------------------------------------------------- errors at the right place


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    text = HEAD + item('title: "Opening remarks', "duration: 5m") + item("title: B", "duration: 5m", item_id="b")
    error = only_error(text)
    assert (error.line, error.column) == (line_of(text, '"Opening'), 12)
    assert "never closed" in error.message


def test_a_quote_closed_lines_later_is_reported_where_it_opens() -> None:
    text = 'event:\n  title: "Forum\n  start: "10:00"\nitems:\n' + item("title: A", "duration: 5m")
    error = only_error(text)
    assert (error.line, error.column) == (2, 10) and "runs on to line 3" in error.message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("event:\n\ttitle: Forum\n", (2, 1)),
        ('event:\n  title: Forum\n  start: "10:00"\n\t\nitems: []\n', (4, 1)),
        (HEAD + "  - id: a\n    title: A\n  \tduration: 5m\n", (7, 3)),
    ],
)
def test_a_tab_used_for_indentation_is_named_as_a_tab(text: str, where: tuple[int, int]) -> None:
    error = errors_of(text)[0]
    assert (error.line, error.column) == where and "tab" in error.message, str(error)


def test_a_nul_byte_is_reported_at_its_line_and_column() -> None:
    text = HEAD + "  - id: a\n    title: A\x00B\n    duration: 5m\n"
    error = only_error(text)
    assert (error.line, error.column) == (6, 13) and "U+0000 (NUL)" in error.message


def test_an_alias_bomb_is_named_once_at_the_alias() -> None:
    lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = "\n".join(lines) + "\n" + HEAD + item("title: A", "duration: 5m", "note: *i")
    error = only_error(text)
    assert "alias bomb" in error.message
    assert text.splitlines()[error.line - 1][error.column - 1:].startswith("*")


def test_a_merge_bomb_is_named_once_at_the_alias() -> None:
    lines = ["m0: &m0 {title: A, duration: 5m}"]
    lines += [f"m{n}: &m{n} {{<<: [{', '.join([f'*m{n - 1}'] * 4)}]}}" for n in range(1, 15)]
    text = "\n".join(lines) + "\n" + HEAD + "  - <<: *m14\n    id: a\n"
    error = only_error(text)
    assert "alias bomb" in error.message


# ---------------------------------------------------------------- the command: never a traceback


def test_check_turns_an_internal_error_into_exit_4_one_sentence_and_a_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "agenda.yaml"
    agenda.write_text(HEAD + item("title: A", "duration: 5m"), encoding="utf-8")

    def broken(path: object) -> None:
        raise OverflowError("a loader bug")

    monkeypatch.setattr("stagetimer.core.agenda.loader.load_agenda", broken)
    monkeypatch.setattr("stagetimer.statedir.platform_data_dir", lambda: tmp_path / "data")
    assert cli.main(["check", str(agenda)]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" in err
    logs = list((tmp_path / "data").rglob("crash.log"))
    assert len(logs) == 1 and "OverflowError: a loader bug" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in err


def test_the_app_turns_an_internal_error_while_loading_into_exit_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "agenda.yaml"
    agenda.write_text(HEAD + item("title: A", "duration: 5m"), encoding="utf-8")

    def broken(path: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("stagetimer.core.agenda.loader.load_agenda", broken)
    assert cli.main([str(agenda), "--state-dir", str(tmp_path / "state")]) == 4
    assert "Traceback" not in capsys.readouterr().err
    assert "RecursionError" in (tmp_path / "state" / "crash.log").read_text(encoding="utf-8")


CASES = {
    "long-duration": HEAD + item("title: A", f"duration: {'9' * 400}m"),
    "long-number": HEAD + item("title: A", f"duration: {'9' * 5000}"),
    "merge-self": HEAD + "  - &a\n    <<: *a\n    id: a\n",
    "merge-chain": merge_chain(1500) + HEAD + "  - <<: *m1499\n    id: a\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_on_the_files_that_gave_tracebacks_exits_1_with_located_errors(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(CASES[name], encoding="utf-8")
    result = stagetimer("check", str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:"), result.stderr


def test_a_control_character_after_hangul_is_reported_at_its_own_place() -> None:
    """Found by the fuzz suite: libyaml counts the position in bytes once Hangul precedes it."""
    text = HEAD + item("title: 개회사", "duration: 5m", "id2: \x07")
    error = only_error(text)
    assert (error.line, error.column) == (line_of(text, "id2"), 10) and "U+0007 (BEL)" in error.message


# -- more of the same kind (a hostile run after the first pass) --------------------------------


@pytest.mark.parametrize("written", ["\u0661\u0660m", "\uff11\uff10m", "\u0661\u0660:\u0660\u0660"])
def test_digits_of_other_scripts_are_not_read_as_a_duration(written: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(written)


def test_a_utf16_file_is_named_as_utf16(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_bytes("event: {title: T}\n".encode("utf-16"))
    with pytest.raises(AgendaInvalid) as raised:
        load_agenda(path)
    assert "UTF-16" in str(raised.value.errors[0])


@pytest.mark.parametrize("written", ["true", ".inf", '"25:00"', '"2025-13-40"', "1e400", '"2025/12/02"'])
def test_the_event_date_must_be_a_date(tmp_path: Path, written: str) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(f'event: {{title: T, date: {written}, start: "10:00", end: "11:00"}}\n'
                    "items:\n  - {id: a, kind: talk, title: A, duration: 10m}\n", encoding="utf-8")
    with pytest.raises(AgendaInvalid) as raised:
        load_agenda(path)
    (error,) = raised.value.errors
    assert (error.line, error.column) == (1, 25) and "is not a date" in str(error)
