"""``stagetimer status`` and ``stagetimer report`` as a script or a stage manager runs them.

The show is recorded by the real Session on a fake clock into a temporary
state directory, then the commands run as ``python -m stagetimer`` with
``--state-dir``, the same way a monitoring script would after the event.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from stagetimer import resources, statedir
from stagetimer.cli import main as cli
from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME
from stagetimer.core.show.session import Session
from tests.cli_runner import stagetimer

MIN = 60_000
SEC = 1_000


def clock_started_ago(ms: int) -> FakeClock:
    """A fake clock ``ms`` behind the real one: advanced by ``ms``, it reads the real time of day."""
    now = dt.datetime.now() - dt.timedelta(milliseconds=ms)
    tod = ((now.hour * 60 + now.minute) * 60 + now.second) * 1000 + now.microsecond // 1000
    return FakeClock(tod_ms=tod, wall_epoch_ms=int(now.timestamp() * 1000) - tod)


def ten_oclock_started_ago(ms: int) -> FakeClock:
    """A fake clock reading 10:00 on a day that began ``ms`` before the real now (a recent show)."""
    ten = 10 * 3_600_000
    return FakeClock(tod_ms=ten, wall_epoch_ms=int(dt.datetime.now().timestamp() * 1000) - ms - ten)


def bundled() -> Agenda:
    return load_agenda(resources.bundled_agenda())


def run_day(agenda: Agenda, state_dir: Path, clock: FakeClock) -> None:
    """The whole day: the KT case runs 2:10 over, 뉴빌리티 is skipped, the rest on time."""
    session = Session.open(agenda, state_dir, clock)
    session.apply(Command("start"))
    while session.snapshot().stage == "live":
        item = session.snapshot().current
        assert item is not None
        if item.id == "case-neubility":
            session.apply(Command("next_start"))  # the speaker is absent: skipped, never started
            continue
        clock.advance(item.planned_duration_ms + (130 * SEC if item.organisation == "KT" else 0))
        after = session.snapshot().next
        session.apply(Command("next" if after is None or after.id == "case-neubility" else "next_start"))
    session.close()


@pytest.fixture
def finished_show(tmp_path: Path) -> Path:
    state_dir = tmp_path / "state"
    run_day(bundled(), state_dir, ten_oclock_started_ago(3 * 3_600_000))  # ended half an hour ago
    return state_dir


# ---------------------------------------------------------------- help


def test_main_help_lists_status_and_report() -> None:
    result = stagetimer("--help")
    assert result.returncode == 0
    assert "stagetimer status [--state-dir DIR] [--speed N] [AGENDA]" in result.stdout
    assert "stagetimer report [--state-dir DIR] [--speed N] [--out DIR]" in result.stdout


@pytest.mark.parametrize("name", ["status", "report"])
def test_subcommand_help_explains_itself(name: str) -> None:
    result = stagetimer(name, "--help")
    assert result.returncode == 0
    for words in ("--state-dir", "AGENDA", "exit status", "examples:", "journal"):
        assert words in result.stdout, words
    if name == "report":
        assert "--out" in result.stdout and "--lang" in result.stdout and "report.csv" in result.stdout


# ---------------------------------------------------------------- status


def test_status_before_the_show_is_valid_json_saying_not_started(tmp_path: Path) -> None:
    state_dir = tmp_path / "nothing-yet"
    result = stagetimer("status", "--state-dir", str(state_dir))
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert (status["stage"], status["state"], status["item_id"]) == ("welcome", "not started", None)
    assert status["next_item_id"] == "opening" and status["planned_end"] == "12:30"
    assert not state_dir.exists()  # status only reads


def test_status_of_a_running_show(tmp_path: Path) -> None:
    clock = clock_started_ago(2 * MIN)
    session = Session.open(bundled(), tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(MIN)
    session.apply(Command("next_start"))  # congratulatory remarks, 5 minutes, running for a minute now
    clock.advance(MIN)
    size = (tmp_path / JOURNAL_NAME).stat().st_size
    status = json.loads(stagetimer("status", "--state-dir", str(tmp_path)).stdout)
    assert (status["item_id"], status["state"], status["running"]) == ("congrats", "running", True)
    assert status["title"] == "축사"
    # 4 minutes left when recorded, less the moment it took the command to start.
    assert 180 < status["remaining_seconds"] <= 4 * 60
    assert status["phase"] == "normal" and status["next_item_id"] == "sandbox-report"
    assert (tmp_path / JOURNAL_NAME).stat().st_size == size


def test_status_of_a_paused_show_and_of_a_finished_one(tmp_path: Path, finished_show: Path) -> None:
    clock = clock_started_ago(3 * MIN + 15 * SEC)
    session = Session.open(bundled(), tmp_path / "paused", clock)
    session.apply(Command("start"))
    clock.advance(3 * MIN + 15 * SEC)
    session.apply(Command("add_time", MIN))
    session.apply(Command("pause"))
    status = json.loads(stagetimer("status", "--state-dir", str(tmp_path / "paused")).stdout)
    assert (status["item_id"], status["state"], status["paused"]) == ("opening", "paused", True)
    assert status["remaining_seconds"] == 165.0 and status["countdown"] == "2:45"
    finished = json.loads(stagetimer("status", "--state-dir", str(finished_show)).stdout)
    assert (finished["stage"], finished["state"]) == ("closing", "finished")


def test_status_with_a_broken_agenda_exits_1_with_the_errors(broken_agenda: Path, tmp_path: Path) -> None:
    result = stagetimer("status", str(broken_agenda), "--state-dir", str(tmp_path))
    assert result.returncode == 1
    assert "broken.yaml:3" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- report


def test_report_after_the_event_says_who_ran_over(finished_show: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = stagetimer("report", "--state-dir", str(finished_show), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-2:] == [str(out / "report.csv"), str(out / "report.html")]
    assert lines[0] == "시간 초과 1건: 실시간 통화기반 보이스피싱 탐지 서비스 (KT) 2분 10초 초과."
    assert "건너뛴 항목: 영상정보 원본 데이터 활용 자율주행시스템 고도화 (뉴빌리티)." in lines
    rows = list(csv.reader(io.StringIO((out / "report.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(bundled().items) + 1
    kt = dict(zip(rows[0], next(row for row in rows if row[1] == "case-kt"), strict=True))
    assert (kt["실제 시작"], kt["실제 길이(초)"], kt["초과/단축(초)"]) == ("10:30:00", "730", "130")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "행사 결과 보고서" in page and "<svg" in page


def test_report_defaults_to_the_state_dir_and_speaks_english_on_request(finished_show: Path) -> None:
    result = stagetimer("report", "--state-dir", str(finished_show), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 item ran over: 실시간 통화기반 보이스피싱 탐지 서비스 (KT) +2:10.")
    assert (finished_show / "report.csv").read_text(encoding="utf-8-sig").startswith("#,id,title,")
    assert '<html lang="en">' in (finished_show / "report.html").read_text(encoding="utf-8")


def test_report_with_no_show_recorded_still_writes_and_says_so(tmp_path: Path) -> None:
    result = stagetimer("report", "--state-dir", str(tmp_path / "empty"))
    assert result.returncode == 0, result.stderr
    assert "no show recorded yet" in result.stderr
    assert result.stdout.splitlines()[0] == "아직 시작하지 않았습니다."
    assert (tmp_path / "empty" / "report.html").is_file()


def test_report_with_a_broken_agenda_writes_nothing(broken_agenda: Path, tmp_path: Path) -> None:
    result = stagetimer("report", str(broken_agenda), "--state-dir", str(tmp_path / "s"), "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "broken.yaml:3" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_report_that_cannot_be_written_exits_73(finished_show: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = stagetimer("report", "--state-dir", str(finished_show), "--out", str(blocker / "out"))
    assert result.returncode == 73  # EX_CANTCREAT: not 1, which means the agenda has errors
    assert "cannot write the report" in result.stderr and "Traceback" not in result.stderr


def test_report_says_which_journal_lines_it_dropped_without_printing_thousands(
    finished_show: Path, tmp_path: Path
) -> None:
    journal = finished_show / JOURNAL_NAME
    good = journal.read_text(encoding="utf-8").splitlines()
    damaged = good[:2] + ["{not json"] * 3000 + good[2:]
    journal.write_text("\n".join(damaged) + "\n", encoding="utf-8")
    result = stagetimer("report", "--state-dir", str(finished_show), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    err = result.stderr.splitlines()
    assert err[0] == "stagetimer: 3000 journal lines or records could not be used and are left out of this report:"
    assert err[1].startswith(f"  {journal}:3: skipped an unreadable line")
    assert err[5].startswith(f"  {journal}:7: ")
    assert err[6] == "  … and 2995 more" and len(err) == 7
    assert "KT" in result.stdout  # the good lines still make the report
    footer = (tmp_path / "out" / "report.html").read_text(encoding="utf-8").split("<footer>")[1]
    assert footer.count("skipped an unreadable line") == 5 and "외 2995건" in footer


def test_report_of_a_sound_journal_drops_nothing_and_says_nothing(finished_show: Path) -> None:
    result = stagetimer("report", "--state-dir", str(finished_show))
    assert result.returncode == 0 and result.stderr == ""


# ---------------------------------------------------------------- a rehearsal's report


@pytest.fixture
def rehearsed(tmp_path: Path) -> Path:
    """A rehearsal at --speed 60, recorded as the app records it: in rehearsal-x60, speed in the checkpoints."""
    state_dir = tmp_path / "state"
    agenda = bundled()
    clock = clock_started_ago(12 * SEC)  # today, whatever the agenda's date: a rehearsal runs on any day
    session = Session.open(agenda, state_dir / "rehearsal-x60", clock, speed=60.0,
                           anchor_tod_ms=agenda.event.start_ms - MIN)
    clock.advance(SEC)  # 1 s of real time is a minute of the rehearsal clock: the welcome countdown is over
    session.apply(Command("start"))
    clock.advance(11 * SEC)  # 개회사, 5 min planned, runs 11 rehearsal minutes
    session.apply(Command("next_start"))
    session.close()
    return state_dir


def test_a_rehearsal_report_says_rehearsal_everywhere_and_not_the_event_day(rehearsed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = stagetimer("report", "--state-dir", str(rehearsed), "--speed", "60", "--out", str(out))
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("리허설 ×60 — 실제 행사 기록이 아닙니다: 진행 시계를 60배속으로 돌린 리허설이며")
    assert "리허설 실행일 " in first
    rows = list(csv.reader(io.StringIO((out / "report.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == [first] and rows[1][:3] == ["순서", "ID", "제목"]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<title>리허설 ×60 · 행사 결과 보고서 — " in page
    assert '<p class="kicker">리허설 ×60 · 행사 결과 보고서</p>' in page
    assert '<div class="rehearsal-mark">리허설 ×60</div>' in page  # fixed: on every printed page
    assert '<text class="rehearsal"' in page  # and on the chart, which may be pasted on its own
    meta = page.split('<p class="meta">')[1].split("</p>")[0]
    assert meta.startswith("리허설 실행일 ") and "행사 예정일 2025년 12월 2일 (화)" in meta
    english = stagetimer("report", "--state-dir", str(rehearsed), "--speed", "60", "--lang", "en", "--out", str(out))
    assert english.stdout.startswith("Rehearsal ×60 — Not the event: a rehearsal with the show clock at 60 times")
    assert (out / "report.csv").read_text(encoding="utf-8-sig").startswith("Rehearsal ×60 — Not the event")


def test_the_real_show_report_says_nothing_of_rehearsals(finished_show: Path) -> None:
    result = stagetimer("report", "--state-dir", str(finished_show))
    assert "리허설" not in result.stdout
    page = (finished_show / "report.html").read_text(encoding="utf-8")
    assert "리허설" not in page and '<p class="meta">2025년 12월 2일 (화)' in page


def test_status_and_report_read_a_rehearsal_by_its_speed(rehearsed: Path) -> None:
    status = stagetimer("status", "--state-dir", str(rehearsed), "--speed", "60")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["item_id"] == "congrats"
    assert json.loads(stagetimer("status", "--state-dir", str(rehearsed)).stdout)["item_id"] is None  # the real show
    assert stagetimer("status", "--state-dir", str(rehearsed), "--speed", "1e9").returncode == 2


# ---------------------------------------------------------------- a state directory that cannot be read


def _one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 66, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize("command", ["status", "report"])
def test_a_file_as_the_state_dir_is_one_sentence_and_exit_66(command: str, tmp_path: Path) -> None:
    a_file = tmp_path / "journal-by-mistake.jsonl"
    a_file.write_text("{}\n", encoding="utf-8")
    said = _one_sentence(stagetimer(command, "--state-dir", str(a_file)))
    assert said == (
        f"stagetimer: the state directory {a_file} is a file, not a folder; give --state-dir the show's folder"
    )
    assert a_file.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize("command", ["status", "report"])
def test_a_state_dir_under_a_file_or_a_missing_folder_is_one_sentence(command: str, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    said = _one_sentence(stagetimer(command, "--state-dir", str(a_file / "state")))
    assert f"{a_file} is a file, not a folder" in said
    typo = tmp_path / "no-such-folder" / "state"
    said = _one_sentence(stagetimer(command, "--state-dir", str(typo)))
    assert said == f"stagetimer: the state directory {typo} does not exist, nor does {typo.parent}; check the path"
    assert not typo.parent.exists()  # nothing was created on the way


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file permissions as on Linux")
@pytest.mark.parametrize("command", ["status", "report"])
def test_a_state_dir_without_permission_is_one_sentence(command: str, finished_show: Path) -> None:
    finished_show.chmod(0)
    try:
        said = _one_sentence(stagetimer(command, "--state-dir", str(finished_show), ordinary_user=True))
    finally:
        finished_show.chmod(0o755)
    assert said == f"stagetimer: cannot read the state directory {finished_show} (Permission denied)"


# ---------------------------------------------------------------- finding the show like the app does


def test_agenda_and_state_dir_are_found_as_the_app_finds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No arguments: ./agenda.yaml, and the per-agenda directory under the data dir."""
    monkeypatch.setattr(statedir, "platform_data_dir", lambda: tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    local = tmp_path / "agenda.yaml"
    local.write_text(
        resources.bundled_agenda().read_text(encoding="utf-8").replace("title: 축사", "title: 축사 (대독)"),
        encoding="utf-8",
    )
    state_dir = statedir.state_dir_for(local)
    assert state_dir.is_relative_to(tmp_path / "data")
    run_day(load_agenda(local), state_dir, ten_oclock_started_ago(3 * 3_600_000))
    assert cli.main(["report"]) == 0
    assert (state_dir / "report.csv").is_file()
    assert "축사 (대독)" in (state_dir / "report.html").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["status"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["state"] == "finished" and status["state_dir"] == str(state_dir)


def test_status_of_a_show_last_recorded_over_six_hours_ago_is_not_resumed(tmp_path: Path) -> None:
    """As the app would (it archives such a journal), status does not report yesterday's show as live."""
    clock = clock_started_ago(7 * 3_600_000)
    session = Session.open(bundled(), tmp_path, clock)
    session.apply(Command("start"))
    session.close()
    status = json.loads(stagetimer("status", "--state-dir", str(tmp_path)).stdout)
    assert (status["stage"], status["state"]) == ("welcome", "not started")
    assert (tmp_path / JOURNAL_NAME).is_file() and not list(tmp_path.glob("journal-*.jsonl"))  # read-only
