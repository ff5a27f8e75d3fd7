"""Durations and times of day as people write them and as the screens show them."""

from __future__ import annotations

import pytest

from stagetimer.core.timefmt import (
    MS_PER_H,
    MS_PER_MIN,
    MS_PER_S,
    display_seconds,
    format_countdown,
    format_duration,
    format_offset,
    format_tod,
    parse_duration,
    parse_time_of_day,
)


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("10m", 10 * MS_PER_MIN),
        ("90s", 90 * MS_PER_S),
        ("1h30m", 90 * MS_PER_MIN),
        ("1h 30m 15s", MS_PER_H + 30 * MS_PER_MIN + 15 * MS_PER_S),
        ("1.5h", 90 * MS_PER_MIN),
        ("10M", 10 * MS_PER_MIN),
        (" 5m ", 5 * MS_PER_MIN),
        ("10:00", 10 * MS_PER_MIN),
        ("0:45", 45 * MS_PER_S),
        ("90:00", 90 * MS_PER_MIN),
        ("1:30:00", 90 * MS_PER_MIN),
        (20, 20 * MS_PER_MIN),  # a bare number in YAML is minutes
        (0, 0),
    ],
)
def test_parse_duration_accepts_the_documented_notations(text: str | int, ms: int) -> None:
    assert parse_duration(text) == ms


@pytest.mark.parametrize(
    "text",
    ["", "ten minutes", "10", "10x", "30m1h", "1m1m", "-5m", "10:60", "1:2", "m", True, -5, None, 1.5, ["10m"]],
)
def test_parse_duration_rejects_anything_else_with_a_value_error(text: object) -> None:
    # ValueError (never TypeError) so the loader can report it as an agenda error.
    with pytest.raises(ValueError):
        parse_duration(text)  # type: ignore[arg-type]


def test_parse_duration_error_says_what_is_accepted() -> None:
    with pytest.raises(ValueError, match="10m, 90s, 1h30m or 10:00"):
        parse_duration("ten minutes")


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("10:00", 10 * MS_PER_H),
        ("09:30", 9 * MS_PER_H + 30 * MS_PER_MIN),
        ("7:05", 7 * MS_PER_H + 5 * MS_PER_MIN),
        ("12:30:15", 12 * MS_PER_H + 30 * MS_PER_MIN + 15 * MS_PER_S),
        ("00:00", 0),
        ("23:59", 23 * MS_PER_H + 59 * MS_PER_MIN),
        (600, 10 * MS_PER_H),  # YAML 1.1 reads unquoted 10:00 as 600
    ],
)
def test_parse_time_of_day(text: str | int, ms: int) -> None:
    assert parse_time_of_day(text) == ms


@pytest.mark.parametrize("text", ["24:00", "10:60", "10", "10h", "noon", "", -1, 1440, True, None, 10.5])
def test_parse_time_of_day_rejects_impossible_times(text: object) -> None:
    with pytest.raises(ValueError, match="09:30"):
        parse_time_of_day(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("remaining_ms", "shown"),
    [
        (10 * MS_PER_MIN, "10:00"),
        (10 * MS_PER_MIN - 1, "10:00"),  # rounded up: the full minute shows for its whole first second
        (9 * MS_PER_MIN + 59 * MS_PER_S, "9:59"),
        (1, "0:01"),
        (0, "0:00"),
        (-1, "0:00"),  # the first second of overtime still reads 0:00
        (-MS_PER_S, "+0:01"),
        (-(65 * MS_PER_S), "+1:05"),
        (MS_PER_H + 5 * MS_PER_S, "1:00:05"),
        (-(MS_PER_H + 2 * MS_PER_MIN), "+1:02:00"),
    ],
)
def test_format_countdown(remaining_ms: int, shown: str) -> None:
    assert format_countdown(remaining_ms) == shown


def test_countdown_flips_exactly_on_second_boundaries() -> None:
    # The display timer fires on whole seconds of remaining time: the shown
    # second holds for a full 1000 ms and changes one ms past each boundary.
    for boundary in (5 * MS_PER_S, MS_PER_S, 0, -MS_PER_S, -5 * MS_PER_S):
        assert display_seconds(boundary) != display_seconds(boundary + 1)
        assert display_seconds(boundary) == display_seconds(boundary - MS_PER_S + 1)


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (10 * MS_PER_MIN, "10m"),
        (90 * MS_PER_MIN, "1h30m"),
        (30 * MS_PER_S, "30s"),
        (150 * MS_PER_S, "2m30s"),
        (MS_PER_H, "1h"),
        (0, "0m"),
        (-5 * MS_PER_MIN, "-5m"),
    ],
)
def test_format_duration(ms: int, text: str) -> None:
    assert format_duration(ms) == text


@pytest.mark.parametrize("seconds", [1, 59, 60, 61, 599, 3600, 3661, 5400, 86399])
def test_format_duration_reads_back_as_the_same_duration(seconds: int) -> None:
    assert parse_duration(format_duration(seconds * MS_PER_S)) == seconds * MS_PER_S


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "±0:00"),
        (400, "±0:00"),
        (-400, "±0:00"),
        (200 * MS_PER_S, "+3:20"),
        (-65 * MS_PER_S, "-1:05"),
        (MS_PER_H + MS_PER_S, "+1:00:01"),
        # Halves round away from zero on both sides (round() would give +0:02 and +0:04).
        (2_500, "+0:03"),
        (-2_500, "-0:03"),
        (3_500, "+0:04"),
        (1_499, "+0:01"),
    ],
)
def test_format_offset_signs_behind_and_ahead(ms: int, text: str) -> None:
    assert format_offset(ms) == text


@pytest.mark.parametrize(
    ("ms", "seconds", "text"),
    [
        (10 * MS_PER_H + 5 * MS_PER_MIN, False, "10:05"),
        (10 * MS_PER_H + 5 * MS_PER_MIN + 30 * MS_PER_S + 999, True, "10:05:30"),
        (9 * MS_PER_H, False, "09:00"),
        (24 * MS_PER_H + 15 * MS_PER_MIN, False, "00:15"),  # a show running past midnight
        (-MS_PER_MIN, False, "23:59"),
    ],
)
def test_format_tod(ms: int, seconds: bool, text: str) -> None:
    assert format_tod(ms, seconds=seconds) == text


@pytest.mark.parametrize("text", ["00:00", "09:30", "12:30", "23:59"])
def test_time_of_day_round_trips(text: str) -> None:
    assert format_tod(parse_time_of_day(text)) == text
