"""The report of a re-planned day: planned, re-planned and actual, and what re-planning won back.

The bundled forum runs 13 minutes late (개회사 at 10:07, three presentations
2 minutes over each) with the planner in automatic mode, journaled through
a real Session; the report is then rebuilt from the journal alone, as the
organiser gets it after the event.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.report.html import report_html
from stagetimer.core.report.report import Report, build_report
from stagetimer.core.report.text import report_csv, summary_sentences
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.session import Session
from stagetimer.core.timefmt import format_tod

REPO = Path(__file__).resolve().parent.parent
MIN = 60_000
TEN = 10 * 3_600_000
#: Minutes each item actually runs where it is not its allotted time: three presentations 2 minutes over.
OVER = {"case-kt": 12, "case-kudo": 12, "case-nia": 12}
FORUM = {"forum-privacy": 17, "forum-copyright": 17, "forum-ai": 18}


def late_day(state_dir: Path, *, replan: bool) -> Report:
    """The late day through a journaled Session (planner automatic or off); its report from the journal."""
    agenda = load_agenda(REPO / "agenda.yaml")
    clock = FakeClock(tod_ms=TEN - 10 * MIN)
    session = Session.open(agenda, state_dir, clock)
    if replan:
        assert session.apply(Command("auto_replan")).applied
    clock.advance(17 * MIN)  # 개회사 at 10:07
    assert session.apply(Command("start")).applied
    for index, item in enumerate(agenda.items):
        if index > 0:
            assert session.apply(Command("start")).applied
        minutes = OVER.get(item.id)
        clock.advance(minutes * MIN if minutes is not None else session.show.snapshot().allotted_ms)
        assert session.apply(Command("next")).applied
    records = read_journal(state_dir / JOURNAL_NAME).records
    return build_report(agenda, records)


@pytest.fixture(scope="module")
def replanned(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return late_day(tmp_path_factory.mktemp("replanned"), replan=True)


def test_each_item_has_its_planned_replanned_and_actual_length(replanned: Report) -> None:
    rows = {item.id: item for item in replanned.items}
    for item_id, minutes in FORUM.items():
        row = rows[item_id]
        assert (row.planned_duration_ms, row.replanned_ms, row.actual_duration_ms) == (20 * MIN, minutes * MIN,
                                                                                      minutes * MIN)
    assert rows["case-kt"].replanned_ms is None  # it ran over; the planner never touched it
    assert rows["break"].replanned_ms is None  # the break shrank by itself before the fixed start
    assert format_tod(replanned.actual_end_ms or 0, seconds=False) == "12:30"


def test_the_day_says_how_much_re_planning_recovered(replanned: Report) -> None:
    assert replanned.recovered_total_ms == 8 * MIN
    assert [item.id for item in replanned.replanned] == list(FORUM)
    sentences = " ".join(summary_sentences(replanned, "ko"))
    assert "일정 조정으로 3개 항목을 줄여 8분을 확보했습니다" in sentences
    assert "20:00 → 17:00" in sentences and "20:00 → 18:00" in sentences
    english = " ".join(summary_sentences(replanned, "en"))
    assert "Re-planning shortened 3 items and recovered 8 min" in english


def test_csv_has_the_replanned_length_in_seconds(replanned: Report) -> None:
    rows = list(csv.reader(io.StringIO(report_csv(replanned, "en"))))
    header = rows[0]
    column = header.index("Re-planned (s)")
    by_id = {row[1]: row for row in rows[1:-1]}
    assert [by_id[item_id][column] for item_id in FORUM] == ["1020", "1020", "1080"]
    assert by_id["case-kt"][column] == ""  # kept its length: an empty cell, not 0


def test_html_shows_the_replanned_column_and_the_recovered_card(replanned: Report) -> None:
    page = report_html(replanned, "ko")
    assert "<th class=\"replanned_length\">조정 길이</th>" in page
    assert page.count('<td class="replanned">17:00</td>') == 2
    assert page.count('<td class="replanned">18:00</td>') == 1
    assert "일정 조정으로 확보" in page and "3개 항목 단축" in page


def test_a_day_not_replanned_has_no_replanned_column(tmp_path: Path) -> None:
    report = late_day(tmp_path, replan=False)
    assert report.recovered_total_ms == 0 and not report.replanned
    page = report_html(report, "ko")
    assert "조정 길이" not in page and "일정 조정으로 확보" not in page
    assert not any("일정 조정" in line for line in summary_sentences(report, "ko"))
    assert format_tod(report.actual_end_ms or 0, seconds=False) == "12:38"  # 8 minutes late without the planner
