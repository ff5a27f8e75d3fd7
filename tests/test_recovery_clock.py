"""Recovery that a wall-clock step, a suspend, a reboot or a damaged journal cannot fool.

The countdown is measured on a monotonic clock that counts through suspend;
every journal record carries it and the boot's identity, so a restart in
the same boot resumes from the monotonic delta whatever the wall clock did,
and Control is told when the two disagree. A damaged journal loses only
what is damaged, and says where.
"""

from __future__ import annotations

import json
import math
import shutil
import sys
import time
from pathlib import Path

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer import resources
from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock, SystemClock
from stagetimer.core.report.report import build_report
from stagetimer.core.show import journal as journal_module
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, JournalUnreadable, read_journal
from stagetimer.core.show.session import STALE_MS, Session, summarize
from stagetimer.core.show.show import Show
from stagetimer.core.show.status import status_dict
from stagetimer.core.timefmt import parse_time_of_day

SEC = 1_000
FIXTURE = Path(__file__).parent / "fixtures" / "journal-0.1"


def agenda():
    return make_agenda([("a", "talk", "10m"), ("b", "talk", "10m"), ("c", "talk", "5m")])


def running(tmp_path: Path) -> tuple[Session, FakeClock]:
    """a started at 10:00 and 4 minutes in; the app is then killed (the journal stays as written)."""
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(4 * MIN)
    session.close()
    return session, clock


def codes(session: Session) -> list[str]:
    return [finding.code for finding in session.findings]


@pytest.mark.parametrize("step", [5 * MIN, -3_600_000])
def test_a_wall_clock_step_before_a_crash_moves_no_countdown(tmp_path: Path, step: int) -> None:
    _, clock = running(tmp_path)
    clock.jump_wall(step)  # NTP corrects the laptop, or a user sets the clock
    clock.advance(30 * SEC)  # the app is down for 30 s
    again = Session.open(agenda(), tmp_path, clock)
    assert again.snapshot().remaining_ms == 6 * MIN - 30 * SEC  # exactly: not 5 min short, no lost downtime
    assert codes(again) == ["clock_changed"] and again.findings[0].params["delta_ms"] == step
    assert again.snapshot().clock_step_ms == step  # and Control keeps saying so while it runs


def test_a_small_disagreement_is_not_news(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.jump_wall(1_500)
    clock.advance(10 * SEC)
    assert codes(Session.open(agenda(), tmp_path, clock)) == []


def test_after_a_reboot_the_wall_clock_measures_the_downtime_and_control_is_told(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.reboot(down_ms=90 * SEC)
    again = Session.open(agenda(), tmp_path, clock)
    assert again.snapshot().remaining_ms == 6 * MIN - 90 * SEC
    assert codes(again) == ["rebooted"]


def test_a_suspended_laptop_keeps_counting(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    session = Session.open(agenda(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(MIN)
    clock.suspend(2 * MIN)  # the lid closed mid-talk: the speaker went on
    assert session.snapshot().remaining_ms == 7 * MIN
    session.close()
    clock.suspend(MIN)  # and closed again after a crash
    assert Session.open(agenda(), tmp_path, clock).snapshot().remaining_ms == 6 * MIN


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux's")
def test_the_system_clock_counts_through_suspend_on_linux() -> None:
    clock = SystemClock()
    boottime = time.clock_gettime_ns(time.CLOCK_BOOTTIME) // 1_000_000
    assert abs(clock.monotonic_ms() - boottime) <= 5
    assert clock.boot_id() == Path("/proc/sys/kernel/random/boot_id").read_text().strip()


def test_status_agrees_with_the_app_while_the_wall_clock_is_off(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.jump_wall(5 * MIN)
    clock.advance(20 * SEC)
    status = status_dict(Session.open(agenda(), tmp_path, clock, writable=False).snapshot())
    app = Session.open(agenda(), tmp_path, clock).snapshot()
    assert status["remaining_seconds"] == app.remaining_ms / 1000 == 5 * 60 + 40


def test_a_journal_of_the_previous_release_is_still_recovered(tmp_path: Path) -> None:
    shutil.copy(FIXTURE / JOURNAL_NAME, tmp_path / JOURNAL_NAME)
    records = read_journal(tmp_path / JOURNAL_NAME).records
    assert "mono_ms" not in records[-1] and "agenda_data" not in records[0]  # truly the old format
    clock = FakeClock(tod_ms=parse_time_of_day("10:09:50") + 30 * SEC)  # 30 s after its last record
    session = Session.open(load_agenda(resources.bundled_agenda()), tmp_path, clock)
    snap = session.snapshot()
    assert session.recovered and snap.current is not None and snap.current.id == "congrats" and snap.running
    assert snap.remaining_ms == 5 * MIN - (3 * MIN + 20 * SEC + 30 * SEC)  # 2 min, pause, 1 min 20 s, down 30 s
    assert snap.message == "마무리 부탁드립니다" and codes(session) == ["wall_clock_only"]


def damaged(tmp_path: Path, change) -> Session:
    """A recorded show whose records were damaged by ``change``, reopened 10 s later."""
    _, clock = running(tmp_path)
    path = tmp_path / JOURNAL_NAME
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    change(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    clock.advance(10 * SEC)
    return Session.open(agenda(), tmp_path, clock)


@pytest.mark.parametrize("field, value", [
    ("anchor_tod_ms", None), ("anchor_tod_ms", "36000000"), ("anchor_tod_ms", math.nan),
    ("speed", math.inf), ("speed", 0), ("speed", "1"), ("state", {"items": {"a": {"elapsed_ms": "x"}}}),
    ("state", {"stage": "live", "current": "a", "items": {"a": {"run_from_ms": 1e30}}}),
])
def test_a_damaged_checkpoint_loses_only_itself(tmp_path: Path, field: str, value: object) -> None:
    def change(records: list[dict]) -> None:
        records.append({**records[0], "show_ms": records[-1]["show_ms"], "wall_ms": records[-1]["wall_ms"],
                        "reason": "recovered"})  # a later checkpoint, damaged
        if value is None:
            del records[-1][field]
        else:
            records[-1][field] = value
    session = damaged(tmp_path, change)
    assert session.recovered and session.snapshot().remaining_ms == 6 * MIN - 10 * SEC
    assert codes(session)[:1] == ["journal_damaged"]
    assert any(note.startswith("line ") and "damaged checkpoint" in note for note in session.notes)


def test_a_corrupt_first_checkpoint_does_not_abandon_the_commands_after_it(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    path = tmp_path / JOURNAL_NAME
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("{not json\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    clock.advance(10 * SEC)
    session = Session.open(agenda(), tmp_path, clock)
    snap = session.snapshot()
    assert session.recovered and snap.current is not None and snap.current.id == "a"
    assert snap.remaining_ms == 6 * MIN - 10 * SEC and snap.current.actual_start_ms == parse_time_of_day("10:00")
    assert any("rebuilt from the commands alone" in note for note in session.notes)
    assert any(":1: skipped an unreadable line" in note for note in session.notes)


def test_an_absurd_timestamp_is_skipped_and_the_report_stays_quick(tmp_path: Path) -> None:
    def change(records: list[dict]) -> None:
        command = next(r for r in records if r["type"] == "command")
        records.append({**command, "show_ms": 10**20})
        records.append({**command, "wall_ms": 10**30})
    session = damaged(tmp_path, change)
    assert session.snapshot().remaining_ms == 6 * MIN - 10 * SEC
    assert sum("damaged time" in note for note in session.notes) == 2
    started = time.perf_counter()
    report = build_report(agenda(), read_journal(tmp_path / JOURNAL_NAME).records)
    assert time.perf_counter() - started < 5 and len(report.notes) == 2


def test_hundreds_of_thousands_of_damaged_lines_are_summed_up(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    with open(tmp_path / JOURNAL_NAME, "a", encoding="utf-8") as journal:
        journal.write("garbage\n" * 200_000)
    session = Session.open(agenda(), tmp_path, clock)
    assert session.findings[0].params["count"] == 200_000
    assert len(summarize(session.notes)) == 6 and summarize(session.notes)[-1] == "… and 199995 more"


def test_a_record_over_six_hours_old_is_archived_not_resumed(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.advance(STALE_MS + MIN)  # a try-out at midnight, opened again the next morning
    session = Session.open(agenda(), tmp_path, clock)
    assert not session.recovered and session.snapshot().stage == "welcome"
    (finding,) = [f for f in session.findings if f.code == "archived_stale"]
    archive = tmp_path / finding.params["archive"]
    assert archive.is_file() and archive.name.startswith("journal-")
    assert '"start"' in archive.read_text(encoding="utf-8")


def test_control_knows_the_date_of_the_agenda_is_not_today() -> None:
    clock = FakeClock(wall_epoch_ms=1_764_633_600_000 + 3 * 86_400_000)  # three days after the event
    snap = Show(load_agenda(resources.bundled_agenda()), clock).snapshot()
    assert (snap.event_date, snap.today) == ("2025-12-02", "2025-12-05")


# -- more of the same kind (found by a hostile run) ------------------------------------------------


def test_a_journal_that_is_a_pipe_is_set_aside_not_waited_on(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / JOURNAL_NAME)
    clock = FakeClock()
    with pytest.raises(JournalUnreadable):
        Session.open(agenda(), tmp_path, clock, writable=False)  # status: one sentence, from the CLI
    session = Session.open(agenda(), tmp_path, clock)  # the app: set aside, a new show begins
    (finding,) = [f for f in session.findings if f.code == "journal_unreadable"]
    assert (tmp_path / finding.params["archive"]).exists() and (tmp_path / JOURNAL_NAME).is_file()


def test_a_journal_far_too_large_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    running(tmp_path)
    monkeypatch.setattr(journal_module, "MAX_JOURNAL_BYTES", 100)
    with pytest.raises(JournalUnreadable, match="MB"):
        read_journal(tmp_path / JOURNAL_NAME)


@pytest.mark.parametrize("line", [
    "[" * 100_000 + "]" * 100_000,
    '{"type":"command","wall_ms":1764669600000,"show_ms":1,"command":{"action":"message","value":"\\ud800"}}',
])
def test_lines_that_read_but_could_never_be_written_back_are_skipped(tmp_path: Path, line: str) -> None:
    _, clock = running(tmp_path)
    with open(tmp_path / JOURNAL_NAME, "a", encoding="utf-8") as journal:
        journal.write(line + "\n")
    session = Session.open(agenda(), tmp_path, clock)  # and writes its checkpoint without failing
    assert session.recovered and any("skipped an unreadable line" in note for note in session.notes)


@pytest.mark.parametrize("command", [
    {"action": "add_time", "value": 10**400}, {"action": "add_time", "value": 10**15},
    {"action": "message", "value": "x" * 100_000}, {"action": "message", "value": "bell\u0007"},
    {"action": "goto", "value": "\u202eid"},
])
def test_commands_with_absurd_values_are_skipped_where_they_stand(tmp_path: Path, command: dict) -> None:
    def change(records: list[dict]) -> None:
        last = next(r for r in reversed(records) if r["type"] == "command")
        records.append({**last, "command": command})
    session = damaged(tmp_path, change)
    snap = session.snapshot()
    assert snap.remaining_ms == 6 * MIN - 10 * SEC and snap.message == ""
    assert any("could not be read" in note for note in session.notes)


def test_adding_past_a_day_is_refused(tmp_path: Path) -> None:
    show = Show(agenda(), FakeClock())
    show.apply(Command("start"))
    for _ in range(23):
        assert show.apply(Command("add_time", 3_600_000)).applied
    refused = show.apply(Command("add_time", 3_600_000))
    assert (refused.applied, refused.reason) == (False, "too_long")


def test_a_checkpoint_carrying_a_damaged_agenda_uses_the_file(tmp_path: Path) -> None:
    def change(records: list[dict]) -> None:
        records[0]["agenda_data"]["items"][0]["duration_ms"] = "abc"
        records[0]["agenda_data"]["thresholds"] = {"warning_ms": None, "danger_ms": "x"}
    session = damaged(tmp_path, change)
    assert session.recovered and session.snapshot().remaining_ms == 6 * MIN - 10 * SEC
    assert any("checkpoint's agenda could not be read" in note for note in session.notes)


def test_an_old_record_resumes_when_asked(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.advance(STALE_MS + MIN)
    session = Session.open(agenda(), tmp_path, clock, resume_stale=True)  # --resume
    assert session.recovered and session.snapshot().current is not None


def test_a_record_dated_after_now_counts_no_downtime_and_says_why(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.reboot(down_ms=0)
    clock.jump_wall(-2 * 3_600_000)  # the new boot's wall clock is two hours behind the record
    session = Session.open(agenda(), tmp_path, clock)
    # Resumed as the last record left it (the start, 4 minutes before the crash): the gap cannot be known.
    assert session.snapshot().remaining_ms == 10 * MIN and session.snapshot().running
    assert "clock_behind" in codes(session)


def test_a_state_file_that_cannot_be_written_costs_the_show_nothing(tmp_path: Path) -> None:
    (tmp_path / "state.json").mkdir()
    session = Session.open(agenda(), tmp_path, FakeClock())
    assert session.apply(Command("start")).applied and not session.apply(Command("pause")).journal_error
    assert any("state.json cannot be written" in note for note in session.notes)
    assert len(read_journal(tmp_path / JOURNAL_NAME).records) >= 3  # the journal is kept as usual


def test_a_record_dated_far_after_now_is_archived_like_an_old_one(tmp_path: Path) -> None:
    _, clock = running(tmp_path)
    clock.reboot(down_ms=0)
    clock.jump_wall(-(STALE_MS + 10 * MIN))  # back past the last record by more than the stale limit
    session = Session.open(agenda(), tmp_path, clock)
    assert not session.recovered and {"clock_behind", "archived_stale"} <= set(codes(session))
