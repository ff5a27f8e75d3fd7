"""Korean duration units in agenda files (15분, 1시간 30분, 90초) read like 15m, 1h30m, 90s."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stagetimer.core.agenda.errors import AgendaInvalid
from stagetimer.core.agenda.loader import parse_agenda
from stagetimer.core.timefmt import MS_PER_H, MS_PER_MIN, MS_PER_S, parse_duration


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("15분", 15 * MS_PER_MIN),
        ("90초", 90 * MS_PER_S),
        ("2시간", 2 * MS_PER_H),
        ("1시간 30분", 90 * MS_PER_MIN),
        ("1시간30분", 90 * MS_PER_MIN),
        ("2분 30초", 150 * MS_PER_S),
        ("1시간 5분 10초", MS_PER_H + 5 * MS_PER_MIN + 10 * MS_PER_S),
        (" 5 분 ", 5 * MS_PER_MIN),
        ("1.5분", 90 * MS_PER_S),
        ("1h 30분", 90 * MS_PER_MIN),
    ],
)
def test_korean_units_mean_what_the_letters_mean(text: str, ms: int) -> None:
    assert parse_duration(text) == ms


@pytest.mark.parametrize("text", ["30분1시간", "10분10분", "분", "-5분", "10 분간", "십분", "1시간 30"])
def test_bad_korean_durations_are_refused_like_bad_letter_ones(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def korean(hours: int, minutes: int, seconds: int, space: str) -> str:
    parts = [f"{hours}시간" if hours else "", f"{minutes}분" if minutes else "", f"{seconds}초" if seconds else ""]
    return space.join(part for part in parts if part)


def letters(hours: int, minutes: int, seconds: int, space: str) -> str:
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{seconds}s" if seconds else ""]
    return space.join(part for part in parts if part)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.integers(0, 23), st.integers(0, 59), st.integers(0, 59), st.sampled_from(["", " ", "  "]),
)
def test_any_duration_in_both_notations_is_the_same_time(hours: int, minutes: int, seconds: int, space: str) -> None:
    if not (hours or minutes or seconds):
        return
    expected = hours * MS_PER_H + minutes * MS_PER_MIN + seconds * MS_PER_S
    assert parse_duration(korean(hours, minutes, seconds, space)) == expected
    assert parse_duration(letters(hours, minutes, seconds, space)) == expected


AGENDA = """\
event:
  title: 포럼
  start: "10:00"
  language: ko
items:
  - id: opening
    title: 개회사
    duration: 5분
  - id: forum
    title: 토론
    duration: 1시간 30분
  - id: bad
    title: 휴식
    duration: 열분
"""


def test_an_agenda_in_korean_units_loads_and_a_bad_one_is_located() -> None:
    good = AGENDA.rsplit("  - id: bad", 1)[0]
    agenda = parse_agenda(good.encode(), "agenda.yaml")
    assert [item.duration_ms for item in agenda.items] == [5 * MS_PER_MIN, 90 * MS_PER_MIN]
    with pytest.raises(AgendaInvalid) as raised:
        parse_agenda(AGENDA.encode(), "agenda.yaml")
    [error] = raised.value.errors
    assert (error.line, error.column) == (14, 15)
    assert "열분" in str(error)


def test_the_24_hour_limit_holds_in_korean_units_too() -> None:
    text = AGENDA.replace("열분", "25시간")
    with pytest.raises(AgendaInvalid) as raised:
        parse_agenda(text.encode(), "agenda.yaml")
    [error] = raised.value.errors
    assert (error.line, error.column) == (14, 15)
    assert "24" in str(error)
