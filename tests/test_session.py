"""Journal, crash recovery and live reload of the core session, on a fake clock."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from agenda_factory import MIN, make_agenda

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, STATE_NAME, read_journal
from stagetimer.core.show.session import Session

TEN = 10 * 3_600_000


def agenda():
    return make_agenda([("a", "talk", "10m"), ("kt", "talk", "10m"), ("c", "talk", "10m")])


def crash_and_reopen(state_dir: Path, clock: FakeClock, down_ms: int) -> Session:
    """The process dies without closing anything; time passes; it starts again."""
    clock.advance(down_ms)
    return Session.open(agenda(), state_dir, clock)


def test_recovers_running_item_with_time_taken_from_the_wall_clock(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(4 * MIN)
    session.apply(Command("next_start"))
    session.apply(Command("add_time", MIN))
    clock.advance(3 * MIN + 456)
    expected = session.snapshot()
    clock.advance(0)
    again = crash_and_reopen(tmp_path, clock, 45_000)
    snap = again.snapshot()
    assert again.recovered
    assert snap.current.id == "kt" and snap.running
    assert snap.remaining_ms == expected.remaining_ms - 45_000
    assert snap.items[0].actual_end_ms == TEN + 4 * MIN


def test_recovered_show_is_the_same_show(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    for action, value, wait in [
        ("start", None, 61_000), ("pause", None, 5_000), ("start", None, 7_000),
        ("message", "1분 남았습니다", 2_000), ("next_start", None, 3_000), ("reset", None, 1_000),
        ("blackout", None, 0),
    ]:
        session.apply(Command(action, value))
        clock.advance(wait)
    again = crash_and_reopen(tmp_path, clock, 0)
    assert again.snapshot() == session.snapshot()
    assert again.snapshot().can_undo  # the reset can still be undone after the crash


def test_paused_item_stays_paused_across_a_restart(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(2 * MIN)
    session.apply(Command("pause"))
    again = crash_and_reopen(tmp_path, clock, 10 * MIN)
    snap = again.snapshot()
    assert snap.paused and not snap.running and snap.remaining_ms == 8 * MIN


def test_untouched_show_is_not_reported_as_recovered(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    Session.open(agenda(), tmp_path, clock)
    assert not crash_and_reopen(tmp_path, clock, 1_000).recovered


def test_torn_last_line_is_tolerated(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(MIN)
    with open(tmp_path / JOURNAL_NAME, "ab") as journal:
        journal.write(b'{"type":"command","wall_ms":17,"sho')  # power cut mid-write
    again = crash_and_reopen(tmp_path, clock, 1_000)
    assert again.snapshot().remaining_ms == 9 * MIN - 1_000
    assert any("unreadable" in note for note in again.notes)
    again.apply(Command("pause"))
    records = read_journal(tmp_path / JOURNAL_NAME)
    assert len(records.problems) == 1 and records.records[-1]["command"] == {"action": "pause"}


def test_every_applied_command_is_in_the_journal_and_state_file(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    actions = ["start", "pause", "start", "next_start", "next", "flash"]
    for action in actions:
        session.apply(Command(action))
        clock.advance(1_000)
    refused = session.apply(Command("goto", "nope"))  # refused: nothing recorded
    assert (refused.applied, refused.reason) == (False, "unknown_item")
    records = read_journal(tmp_path / JOURNAL_NAME).records
    assert [r["command"]["action"] for r in records if r["type"] == "command"] == actions
    started = [r["id"] for r in records if r["type"] == "item_started"]
    ended = [r["id"] for r in records if r["type"] == "item_ended"]
    assert started == ["a", "kt"] and ended == ["a", "kt"]
    state = json.loads((tmp_path / STATE_NAME).read_text(encoding="utf-8"))
    assert state["item_id"] == "c" and state["paused"]
    # "c" was loaded by next but never started: a monitor reads "ready", not a pause.
    assert state["state"] == "ready"


def test_reload_keeps_the_running_item_by_id(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("goto", "kt"))
    session.apply(Command("start"))
    clock.advance(3 * MIN)
    edited = make_agenda([("new", "talk", "5m"), ("kt", "talk", "15m"), ("c", "talk", "10m")])
    edited = edited.replace_items(tuple(dataclasses.replace(i, title="KT 발표") for i in edited.items))
    session.reload(edited)
    snap = session.snapshot()
    assert snap.current.id == "kt" and snap.current.title == "KT 발표" and snap.running
    assert snap.remaining_ms == 12 * MIN and snap.current.index == 1
    # A restart after the reload rebuilds the edited show.
    again = Session.open(edited, tmp_path, clock)
    assert again.snapshot() == session.snapshot()


def test_reload_that_removes_the_live_item_is_refused(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("goto", "kt"))
    session.apply(Command("start"))
    before = session.snapshot()
    refused = session.reload(make_agenda([("a", "talk", "10m"), ("c", "talk", "10m")]))
    assert (refused.applied, refused.reason, refused.params) == (False, "live_item_removed", {"item_id": "kt"})
    assert session.snapshot() == before


def test_start_fresh_archives_the_journal(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    again = crash_and_reopen(tmp_path, clock, 1_000)
    again.start_fresh()
    assert again.snapshot().stage == "welcome" and not again.recovered
    assert len(list(tmp_path.glob("journal-*.jsonl"))) == 1
    assert not crash_and_reopen(tmp_path, clock, 1_000).recovered


def test_read_only_session_writes_nothing(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    Session.open(agenda(), tmp_path, clock).apply(Command("start"))
    size = (tmp_path / JOURNAL_NAME).stat().st_size
    reader = Session.open(agenda(), tmp_path, clock, writable=False)
    assert reader.snapshot().running
    assert (tmp_path / JOURNAL_NAME).stat().st_size == size


def test_atomic_writes_are_readable_like_any_new_file(tmp_path: Path) -> None:
    # A report handed to the organiser must not come out private to the operator.
    from stagetimer.core.show.journal import atomic_write_text

    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "report.html", "<p>ok</p>")
    finally:
        os.umask(old)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "report.html").read_text() == "<p>ok</p>"
