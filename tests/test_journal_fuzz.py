"""Damaged journals, generated: whatever a crash, a disk or a hand-edit leaves, the show opens.

Hypothesis takes a real day's journal and damages it — lines dropped,
repeated, swapped or cut short, fields replaced by any JSON value — and the
property is: Session.open and the report never raise, the show that comes
out can be drawn and driven, and every skipped line is noted with where.
Seeded and bounded, so CI stays quick.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from agenda_factory import MIN, make_agenda
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stagetimer.core.clock import FakeClock
from stagetimer.core.report.report import build_report
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.session import Session
from stagetimer.core.timefmt import parse_time_of_day


def agenda():
    return make_agenda([("a", "talk", "5m"), ("b", "talk", "3m"), ("brk", "break", "5m"), ("c", "panel", "10m")])


def day_journal() -> list[str]:
    """The lines of a short real day: starts, a pause, ±1 minute, a message, a skip, an undo."""
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(tod_ms=parse_time_of_day("09:59"))
        session = Session.open(agenda(), Path(folder), clock)
        for action, value, wait in [("start", None, MIN), ("pause", None, 20_000), ("start", None, 4 * MIN),
                                    ("add_time", MIN, 0), ("message", "마무리", 30_000), ("next_start", None, MIN),
                                    ("next", None, 0), ("undo", None, 5_000), ("next", None, 0), ("start", None, 0)]:
            session.apply(Command(action, value))
            clock.advance(wait)
        session.close()
        return (Path(folder) / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()


LINES = day_journal()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def damaged_journals(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "repeat", "swap", "cut", "field", "garbage"]))
        if how == "drop":
            del lines[where]
        elif how == "repeat":
            lines.insert(where, lines[where])
        elif how == "swap" and where + 1 < len(lines):
            lines[where], lines[where + 1] = lines[where + 1], lines[where]
        elif how == "cut":
            lines[where] = lines[where][: draw(st.integers(0, len(lines[where])))]
        elif how == "field":
            try:
                record = json.loads(lines[where])
            except ValueError:
                continue  # already damaged beyond reading
            if not isinstance(record, dict):
                continue
            key = draw(st.sampled_from([*sorted(record), "state", "command"]))
            record[key] = draw(JSON_VALUES)
            lines[where] = json.dumps(record, ensure_ascii=False)
        else:
            lines[where] = draw(st.text(max_size=40))
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_journals(), st.sampled_from([0, 10_000, 3 * 3_600_000]))
def test_any_damaged_journal_opens_and_says_what_it_skipped(text: str, later: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        state_dir = Path(folder)
        (state_dir / JOURNAL_NAME).write_text(text, encoding="utf-8")
        clock = FakeClock(tod_ms=parse_time_of_day("10:07"))
        clock.advance(later)
        session = Session.open(agenda(), state_dir, clock)
        snap = session.snapshot()  # the show that came out can be drawn ...
        assert snap.stage in ("welcome", "live", "closing")
        for action in ("toggle", "next", "undo", "previous"):  # ... and driven
            session.apply(Command(action))
        for note in session.notes:
            assert "line" in note or JOURNAL_NAME in note, note
        records = read_journal(state_dir / JOURNAL_NAME).records
        report = build_report(agenda(), records, clock.wall_ms())
        assert len(report.items) == len(agenda().items)
        session.close()
