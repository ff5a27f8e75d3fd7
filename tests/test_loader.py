"""The agenda loader: a good file gives the planned programme, a bad one every error in its place."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import MAX_BYTES, load_agenda, parse_agenda
from stagetimer.core.timefmt import format_tod

GOOD = """\
event:
  title: 규제 혁신 포럼
  start: "10:00"
  end: "11:00"
  language: ko
thresholds: {warning: 2m, danger: 1m}
sections:
  - id: one
    title: ① 첫 부분
items:
  - id: opening
    kind: remarks
    title: 개회사
    speaker: 홍길동
    organisation: NIPA
    duration: 5m
    thresholds: {warning: 1m, danger: 30s}
  - id: talk
    title: 발표
    speakers: [A, B]
    duration: 10:00
    section: one
    note: 마이크 2번
  - id: coffee
    kind: break
    title: 휴식
    duration: 90s
  - id: panel
    kind: panel
    title: 토론
    duration: 1h30m
    start: "10:30"
"""


def errors_of(text: str | bytes) -> list[AgendaError]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(AgendaInvalid) as raised:
        parse_agenda(data, "agenda.yaml")
    assert raised.value.errors, "AgendaInvalid must carry at least one error"
    return raised.value.errors


def where(errors: list[AgendaError]) -> list[tuple[int, int]]:
    return [(e.line, e.column) for e in errors]


def test_a_good_agenda_is_planned_in_order() -> None:
    agenda = parse_agenda(GOOD.encode(), "agenda.yaml")
    assert agenda.event.title == "규제 혁신 포럼" and agenda.event.language == "ko"
    assert [item.id for item in agenda.items] == ["opening", "talk", "coffee", "panel"]
    starts = [format_tod(item.planned_start_ms, seconds=True) for item in agenda.items]
    # 10:00 + 5m, + 10:00 (ten minutes, not six hundred), + 90 s, then the fixed 10:30.
    assert starts == ["10:00:00", "10:05:00", "10:15:00", "10:30:00"]
    opening, talk, coffee, panel = agenda.items
    assert opening.thresholds.warning_ms == 60_000 and opening.thresholds.danger_ms == 30_000
    assert talk.thresholds.warning_ms == 120_000  # the defaults
    assert talk.speakers == ("A", "B") and talk.section_id == "one" and talk.note == "마이크 2번"
    assert talk.kind == "talk"  # the default kind
    assert coffee.duration_ms == 90_000 and panel.duration_ms == 90 * 60_000
    assert panel.fixed_start_ms == panel.planned_start_ms
    assert opening.line == 11


def test_unquoted_clock_times_mean_what_they_read() -> None:
    # YAML 1.1 reads 10:00 as the base-60 number 600; the agenda means ten o'clock / ten minutes.
    text = (
        "event: {title: T, start: 9:30}\nitems:\n"
        "  - {id: a, title: A, duration: 1:30:00}\n  - {id: b, title: B, duration: 5}\n"
    )
    agenda = parse_agenda(text.encode(), "a.yaml")
    assert format_tod(agenda.event.start_ms) == "09:30"
    assert agenda.items[0].duration_ms == 90 * 60_000
    assert agenda.items[1].duration_ms == 5 * 60_000  # a bare number is minutes
    assert agenda.event.end_ms == agenda.items[1].planned_end_ms  # no end: the programme's end


def test_every_error_is_reported_at_once_with_its_line() -> None:
    text = """\
event:
  titel: Test
  start: "10:00"
items:
  - id: a
    title: A
    duraton: 10m
  - id: a
    title: B
    duration: 0m
    kind: brake
"""
    errors = errors_of(text)
    messages = [str(e) for e in errors]
    assert where(errors) == [(2, 3), (7, 5), (8, 9), (10, 15), (11, 11)]
    assert "did you mean 'title'?" in messages[0]
    assert "did you mean 'duration'?" in messages[1]
    assert "duplicate item id 'a'" in messages[2] and "line 5" in messages[2]
    assert "longer than zero" in messages[3]
    assert "did you mean 'break'?" in messages[4]
    assert all(m.startswith("agenda.yaml:") for m in messages)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "empty"),
        ("# only a comment\n", 1, "empty"),
        ("- id: a\n- id: b\n", 1, "must be a block of 'key: value' lines, not a list"),
        ("event: [x\nitems: []\n", 2, "not valid YAML"),
        ("event:\n\ttitle: x\n", 2, "a tab is used for indentation"),
        ("event: {title: T, start: '10:00'}\nitems: []\n", 2, "'items' is empty"),
        ("event: {title: T, start: '10:00'}\n", 1, "has no 'items:'"),
        ("event: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: A, duration: -5m}\n", 3, "negative"),
        ("event: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: A, duration: soon}\n", 3, "not a duration"),
        ("event: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: [A], duration: 5m}\n", 3, "not a list"),
        ("event: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: A, duration: 5m, duration: 6m}\n", 3, "twice"),
        ("event: {title: T, start: '10:00'}\nitems:\n  - {id: 'a b', title: A, duration: 5m}\n", 3, "usable id"),
        (
            "event: {title: T, start: '10:00', end: '09:00'}\nitems:\n"
            "  - {id: a, title: A, duration: 5m}\n",
            1,
            "not after",
        ),
        (
            "event: {title: T, start: '10:00', language: kr}\nitems:\n"
            "  - {id: a, title: A, duration: 5m}\n",
            1,
            "ko or en",
        ),
        ("event: {title: T, start: '10:00'}\nitems: {a: 1}\n", 2, "must be a list"),
        (
            "event: {title: T, start: '10:00'}\nitems:\n"
            "  - {id: a, title: A, duration: 5m}\n---\nx: 1\n",
            4,
            "single document",
        ),
        (
            "event: {title: T, start: '10:00'}\nitems:\n"
            "  - {id: a, title: A, duration: 5m, speaker: x, speakers: [y]}\n",
            3,
            "both 'speaker' and 'speakers'",
        ),
        (
            "event: {title: T, start: '10:00'}\n"
            "thresholds: {warning: 30s, danger: 1m}\nitems:\n  - {id: a, title: A, duration: 5m}\n",
            2,
            "danger",
        ),
    ],
)
def test_bad_input_is_reported_not_raised(text: str, line: int, fragment: str) -> None:
    errors = errors_of(text)
    assert errors[0].line == line, [str(e) for e in errors]
    assert any(fragment in str(e) for e in errors), [str(e) for e in errors]


def test_a_fixed_start_that_contradicts_the_order_is_an_error() -> None:
    text = """\
event: {title: T, start: "10:00"}
items:
  - {id: a, title: A, duration: 20m}
  - {id: b, title: B, duration: 10m, start: "10:30"}
  - {id: c, title: C, duration: 10m, start: "10:15"}
  - {id: d, title: D, duration: 10m, start: "09:00"}
"""
    errors = errors_of(text)
    assert where(errors) == [(5, 45), (6, 45)]
    assert "before the item above it ('b', line 4) starts at 10:30" in str(errors[0])
    assert "before the event starts at 10:00" in str(errors[1])


def test_an_overlapping_fixed_start_is_allowed_for_check_to_show() -> None:
    text = """\
event: {title: T, start: "10:00"}
items:
  - {id: a, title: A, duration: 20m}
  - {id: b, title: B, duration: 10m, start: "10:15"}
"""
    agenda = parse_agenda(text.encode(), "a.yaml")
    assert agenda.items[0].planned_end_ms > agenda.items[1].planned_start_ms


def test_an_unknown_section_suggests_the_near_one() -> None:
    text = """\
event: {title: T, start: "10:00"}
sections: [{id: forum, title: F}]
items:
  - {id: a, title: A, duration: 5m, section: forun}
"""
    (error,) = errors_of(text)
    assert (error.line, error.column) == (4, 46) and "did you mean 'forum'?" in str(error)


def test_non_utf8_bytes_name_the_line_and_the_likely_encoding() -> None:
    text = "event: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: 개회사, duration: 5m}\n"
    (error,) = errors_of(text.encode("cp949"))
    assert (error.line, error.column) == (3, 20)
    assert "not UTF-8" in error.message and "EUC-KR" in error.expected


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    data = "\ufeffevent: {title: T, start: '10:00'}\nitems:\n  - {id: a, title: A, duration: 5m}\n".encode()
    assert parse_agenda(data, "a.yaml").items[0].id == "a"


def test_anchors_and_merges_work_for_shared_settings() -> None:
    text = """\
event: {title: T, start: "10:00"}
items:
  - &short {id: a, kind: remarks, title: A, duration: 5m, thresholds: {warning: 1m, danger: 30s}}
  - <<: *short
    id: b
    title: B
"""
    agenda = parse_agenda(text.encode(), "a.yaml")
    b = agenda.items[1]
    assert (b.id, b.title, b.kind, b.duration_ms, b.thresholds.danger_ms) == ("b", "B", "remarks", 300_000, 30_000)


def billion_laughs(depth: int = 12) -> str:
    """Mappings that each merge the one before nine times: 9**depth keys if expanded."""
    lines = ["x0: &x0 {id: a, title: A, duration: 5m}"]
    for level in range(1, depth):
        lines.append(f"x{level}: &x{level} {{<<: [{', '.join([f'*x{level - 1}'] * 9)}]}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("place", ["as an item", "unused, under unknown keys"])
def test_an_alias_bomb_is_refused_quickly(place: str) -> None:
    head = "event: {title: T, start: '10:00'}\n"
    if place == "as an item":
        # The bomb sits in a key nobody reads; the item merges the largest mapping.
        text = head + "bomb:\n" + "\n".join("  " + line for line in billion_laughs().splitlines())
        text += "\nitems:\n  - <<: *x11\n    id: b\n"
    else:
        text = billion_laughs() + head + "items: [*x11]\n"
    started = time.process_time()
    errors = errors_of(text)
    elapsed = time.process_time() - started
    # Named once, at the first alias that blows the file up, whether or not anything reads it.
    (error,) = errors
    assert "alias bomb" in error.message and "*x5" in error.message, str(error)
    line = text.splitlines()[error.line - 1]
    assert line[error.column - 1:].startswith("*x5"), (line, error.column)
    # 9**11 values if walked; refusing it must take a moment, not hours.
    assert elapsed < 5, f"alias bomb took {elapsed:.1f} s of CPU"


def test_a_ten_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * (10 * 1024 * 1024) + b"\n")
    with pytest.raises(AgendaInvalid) as raised:
        load_agenda(path)
    (error,) = raised.value.errors
    assert "too large" in error.message and str(path) in str(error)
    with pytest.raises(AgendaInvalid):
        parse_agenda(b"x" * (MAX_BYTES + 1), "huge.yaml")


def test_a_missing_file_is_an_os_error_for_the_caller(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_agenda(tmp_path / "nope.yaml")


def test_the_bundled_agenda_loads(bundled_agenda_path: Path) -> None:
    agenda = load_agenda(bundled_agenda_path)
    assert agenda.items and agenda.event.language == "ko"
    assert agenda.planned_end_ms <= agenda.event.end_ms
