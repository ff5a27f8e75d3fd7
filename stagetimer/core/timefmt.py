"""Parsing and formatting of durations and times of day.

Durations are written by people (``10m``, ``90s``, ``1h30m``, ``10:00``) and
shown to people (``9:59``, ``+1:05``); both directions live here so the
loader, the ``check`` table and every screen agree on one notation.
"""

from __future__ import annotations

import re

from stagetimer.core.translatable import QT_TRANSLATE_NOOP

MS_PER_S = 1000
MS_PER_MIN = 60 * MS_PER_S
MS_PER_H = 60 * MS_PER_MIN
MS_PER_DAY = 24 * MS_PER_H

_UNITS = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)", re.IGNORECASE)
_UNIT_FORM = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[hms]\s*)+$", re.IGNORECASE)
_CLOCK_FORM = re.compile(r"^\s*(\d+):([0-5]\d)(?::([0-5]\d))?\s*$")
#: The one complaint about a duration worth passing on as it is (``30m1h``); the
#: loader shows it translated, so it is marked for the catalogue here, once.
UNIT_ORDER = QT_TRANSLATE_NOOP("AgendaErrors", "units must appear once each, in the order h, m, s (e.g. 1h30m)")
#: The longest duration or time a person writes is ``1h59m59.5s``; text many times
#: longer (a 400-digit number) is refused before any arithmetic, which keeps every
#: number small enough for a float and an int conversion.
MAX_TEXT = 32
TOO_LONG = QT_TRANSLATE_NOOP("AgendaErrors", "far too long for a duration (at most 24 hours)")
#: Korean unit words, as a Korean agenda writes them (``15분``, ``1시간 30분``, ``90초``):
#: read as the letters they stand for, so both notations share every rule and limit below.
KOREAN_UNITS = (("시간", "h"), ("분", "m"), ("초", "s"))
_TOD_FORM = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*$")


def parse_duration(text: str | int) -> int:
    """Return a duration in ms, or raise ValueError saying what is accepted.

    A bare integer is taken as minutes, the unit agendas are written in.
    ``10:00`` is minutes and seconds; ``1:30:00`` hours, minutes, seconds.
    Korean units (``15분``, ``1시간 30분``, ``90초``) mean what ``15m``, ``1h 30m``
    and ``90s`` mean.
    """
    # YAML hands over whatever was written (floats, null, lists): anything that
    # is not a string or a whole number is a ValueError the loader can report.
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        # A wrong type here is bad data in the file, not a programming error: ValueError, as for a bad string.
        raise ValueError("expected a duration such as 10m, 90s, 1h30m or 10:00")  # noqa: TRY004
    if isinstance(text, int):
        if text < 0:
            raise ValueError("a duration cannot be negative; expected e.g. 10m")
        return text * MS_PER_MIN
    if len(text) > MAX_TEXT:
        raise ValueError(TOO_LONG)
    for word, letter in KOREAN_UNITS:
        text = text.replace(word, letter)
    if not text.isascii():  # Arabic-Indic or fullwidth digits: not what a reader takes for ten
        raise ValueError("expected a duration such as 10m, 90s, 1h30m or 10:00")
    clock = _CLOCK_FORM.match(text)
    if clock:
        first, second, third = clock.groups()
        if third is None:
            return int(first) * MS_PER_MIN + int(second) * MS_PER_S
        return int(first) * MS_PER_H + int(second) * MS_PER_MIN + int(third) * MS_PER_S
    if _UNIT_FORM.match(text):
        units = [unit.lower() for _, unit in _UNITS.findall(text)]
        if len(set(units)) != len(units) or units != sorted(units, key="hms".index):
            raise ValueError(UNIT_ORDER)
        scale = {"h": MS_PER_H, "m": MS_PER_MIN, "s": MS_PER_S}
        total = sum(float(number) * scale[unit.lower()] for number, unit in _UNITS.findall(text))
        return round(total)
    raise ValueError("expected a duration such as 10m, 90s, 1h30m or 10:00")


def parse_time_of_day(text: str | int) -> int:
    """Return ms since midnight for ``HH:MM`` or ``HH:MM:SS``.

    YAML 1.1 reads an unquoted ``10:00`` as the sexagesimal integer 600; the
    loader passes such integers here and they are taken as minutes past midnight.
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        # As in parse_duration: the loader reports ValueError, whatever YAML handed over.
        raise ValueError("expected a time of day such as 09:30 or 14:05")  # noqa: TRY004
    if isinstance(text, int):
        if 0 <= text < 24 * 60:
            return text * MS_PER_MIN
        raise ValueError("expected a time of day such as 09:30 or 14:05")
    match = _TOD_FORM.match(text) if len(text) <= MAX_TEXT and text.isascii() else None
    if not match:
        raise ValueError("expected a time of day such as 09:30 or 14:05")
    hours, minutes, seconds = match.groups()
    return int(hours) * MS_PER_H + int(minutes) * MS_PER_MIN + int(seconds or 0) * MS_PER_S


def display_seconds(remaining_ms: int) -> int:
    """The whole seconds a countdown shows: rounded up, so 0:00 is the moment time is up.

    Negative results are overtime. ``-1 ms`` shows ``0:00`` for the first
    second of overtime, then ``+0:01``.
    """
    return -((-remaining_ms) // MS_PER_S)


def format_countdown(remaining_ms: int) -> str:
    """``9:59``, ``1:05:00`` for long items, ``+0:12`` once time is up."""
    seconds = display_seconds(remaining_ms)
    sign = "+" if seconds < 0 else ""
    return sign + format_clock_seconds(abs(seconds))


def format_clock_seconds(seconds: int) -> str:
    """``m:ss`` below an hour, ``h:mm:ss`` above."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_duration(ms: int) -> str:
    """A planned length in agenda notation: ``10m``, ``1h30m``, ``30s``, ``2m30s`` (90 s reads ``1m30s``)."""
    sign = "-" if ms < 0 else ""
    seconds = abs(ms) // MS_PER_S
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{secs}s" if secs else ""]
    text = "".join(parts)
    return sign + (text or "0m")


def whole_seconds(ms: int) -> int:
    """Rounded to the nearest second, halves away from zero, the same on both sides of zero.

    Python's round() sends halves to the even second (2.5 s → 2, 3.5 s → 4);
    an over/under must read the same in Control, the report and its CSV.
    """
    seconds = (abs(ms) + MS_PER_S // 2) // MS_PER_S
    return -seconds if ms < 0 else seconds


def format_offset(ms: int) -> str:
    """Over/under: ``+3:20`` behind, ``-1:05`` ahead, ``±0:00`` on time (whole seconds)."""
    seconds = whole_seconds(ms)
    if seconds == 0:
        return "±0:00"
    sign = "+" if seconds > 0 else "-"
    return sign + format_clock_seconds(abs(seconds))


def format_tod(ms: int, seconds: bool = False) -> str:
    """A time of day, ``10:05`` (or ``10:05:30``); wraps past midnight."""
    total = (ms // MS_PER_S) % (24 * 3600)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if seconds:
        return f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{hours:02d}:{minutes:02d}"


def format_minutes(ms: int) -> str:
    """A length as a speaker is told it, in minutes: ``17`` (or ``17:30`` for a part minute)."""
    whole, rest = divmod(ms, 60_000)
    return str(whole) if rest == 0 else f"{whole}:{rest // 1000:02d}"


def spoken_length(ms: int, language: str) -> str:
    """``2분 10초`` / ``2 min 10 s``: a length for a sentence (whole seconds, sign dropped)."""
    seconds = abs(whole_seconds(ms))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    units = ("시간", "분", "초") if language.lower().startswith("ko") else (" h", " min", " s")
    parts = [f"{value}{unit}" for value, unit in zip((hours, minutes, secs), units, strict=True) if value]
    return " ".join(parts) or f"0{units[2]}"
