"""The agenda's re-planning fields: an item's ``min`` and the event's ``hard_end``.

A wrong ``min`` would let the planner cut a talk to nothing or stretch it, so
every mistake is refused where it is written, like every other field.
"""

from __future__ import annotations

import pytest

from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import parse_agenda
from stagetimer.core.agenda.model import BREAK_MIN_MS, Agenda

MIN = 60_000


def load(text: str) -> Agenda:
    return parse_agenda(text.encode("utf-8"), "agenda.yaml")


def errors_of(text: str) -> list[AgendaError]:
    with pytest.raises(AgendaInvalid) as raised:
        load(text)
    return raised.value.errors


def test_min_is_read_and_items_without_it_keep_their_length() -> None:
    agenda = load("""\
event: {title: T, start: "10:00"}
items:
  - {id: a, title: A, duration: 20m, min: 15m}
  - {id: b, title: B, duration: 10m}
  - {id: c, title: C, duration: 10m, min: 10m}
""")
    a, b, c = agenda.items
    assert (a.min_ms, a.floor_ms) == (15 * MIN, 15 * MIN)
    assert (b.min_ms, b.floor_ms) == (None, 10 * MIN)
    assert c.floor_ms == 10 * MIN  # a min equal to the duration: allowed, the item stays as it is


def test_a_break_may_shrink_to_five_minutes_unless_it_says_otherwise() -> None:
    agenda = load("""\
event: {title: T, start: "10:00"}
items:
  - {id: a, kind: break, title: A, duration: 15m}
  - {id: b, kind: break, title: B, duration: 3m}
  - {id: c, kind: break, title: C, duration: 15m, min: 8m}
""")
    assert [item.floor_ms for item in agenda.items] == [BREAK_MIN_MS, 3 * MIN, 8 * MIN]
    assert BREAK_MIN_MS == 5 * MIN


@pytest.mark.parametrize(
    ("value", "column", "fragment"),
    [
        ("25m", 43, "item 'a' may shrink to 25m, which is longer than its duration 20m"),
        ("0m", 43, "min must be longer than zero"),
        ("-5m", 43, "min cannot be negative"),
        ("soon", 43, "min: 'soon' is not a duration"),
    ],
)
def test_a_wrong_min_is_a_located_error(value: str, column: int, fragment: str) -> None:
    errors = errors_of(f"""\
event: {{title: T, start: "10:00"}}
items:
  - {{id: a, title: A, duration: 20m, min: {value}}}
""")
    assert [(error.line, error.column) for error in errors] == [(3, column)]
    assert fragment in str(errors[0])
    assert str(errors[0]).startswith("agenda.yaml:3:")


def test_hard_end_defaults_to_the_end_and_is_read_when_given() -> None:
    plain = load('event: {title: T, start: "10:00", end: "11:00"}\nitems: [{id: a, title: A, duration: 1h}]\n')
    assert plain.event.hard_end_ms is None and plain.event.finish_by_ms == 11 * 60 * MIN
    late = load(
        'event: {title: T, start: "10:00", end: "11:00", hard_end: "11:15"}\nitems: [{id: a, title: A, duration: 1h}]\n'
    )
    assert late.event.finish_by_ms == 11 * 60 * MIN + 15 * MIN


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ('"10:45"', "the hard end 10:45 is before the event's end 11:00"),
        ('"quarter past"', "event hard end 'quarter past' is not a time of day"),
    ],
)
def test_a_wrong_hard_end_is_a_located_error(value: str, fragment: str) -> None:
    errors = errors_of(f"""\
event:
  title: T
  start: "10:00"
  end: "11:00"
  hard_end: {value}
items: [{{id: a, title: A, duration: 1h}}]
""")
    assert [(error.line, error.column) for error in errors] == [(5, 13)]
    assert fragment in str(errors[0])


def test_a_hard_end_not_after_the_start_is_an_error_without_an_end() -> None:
    text = 'event: {title: T, start: "10:00", hard_end: "09:00"}\nitems: [{id: a, title: A, duration: 1h}]\n'
    errors = errors_of(text)
    assert "the hard end 09:00 is not after the start 10:00" in str(errors[0])
    assert (errors[0].line, errors[0].column) == (1, 45)
