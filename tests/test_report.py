"""The event report: a simulated event day through the real Session, then its numbers.

The day is driven with a fake clock exactly as a stage manager would drive
it (late doors, a pause for a dead microphone, a minute added, KT running
2:10 over, a double ``next`` taken back, a skipped case), and the report
must say who ran over and by how much, to the second.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer import resources
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.report.files import write_report
from stagetimer.core.report.html import report_html
from stagetimer.core.report.report import (
    DONE,
    LIVE,
    NOT_REACHED,
    SKIPPED,
    Report,
    build_report,
    report_language,
)
from stagetimer.core.report.svg import fit_text
from stagetimer.core.report.text import (
    offset,
    report_csv,
    spoken_length,
    summary_sentences,
)
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.session import Session
from stagetimer.core.timefmt import parse_time_of_day

SEC = 1_000
TITLES = {
    "opening": "개회사",
    "congrats": "축사",
    "report": "ICT 규제샌드박스 성과 보고",
    "roadmap": "AI분야 규제합리화 로드맵",
    "kt": "KT 발표",
    "kudo": "쿠도커뮤니케이션 발표",
    "nia": "한국지능정보사회진흥원 발표",
    "neubility": "뉴빌리티 발표",
    "aiforpet": "에이아이포펫 발표",
    "break": "휴식",
    "privacy": "개인정보 특례",
    "copyright": "저작물 공정 이용",
    "barriers": "AI 확산 저해 규제",
}


def forum_agenda(language: str = "ko") -> Agenda:
    """The 2 December programme's shape, with Korean titles."""
    agenda = make_agenda(
        [
            ("opening", "remarks", "5m"),
            ("congrats", "remarks", "5m"),
            ("report", "talk", "10m"),
            ("roadmap", "talk", "10m"),
            ("kt", "presentation", "10m"),
            ("kudo", "presentation", "10m"),
            ("nia", "presentation", "10m"),
            ("neubility", "presentation", "10m"),
            ("aiforpet", "presentation", "10m"),
            ("break", "break", "10m"),
            ("privacy", "panel", "20m", "11:30"),
            ("copyright", "panel", "20m"),
            ("barriers", "panel", "20m"),
        ],
        end="12:30",
    )
    items = tuple(
        dataclasses.replace(item, title=TITLES[item.id], speakers=(), organisation="KT" if item.id == "kt" else "")
        for item in agenda.items
    )
    event = dataclasses.replace(agenda.event, title="ICT 규제샌드박스 성과공유회", language=language,
                                date="2025-12-02", venue="엘타워 골드홀")
    return dataclasses.replace(agenda, items=items, event=event)


def tod(text: str) -> int:
    return parse_time_of_day(text)


class Day:
    """A session on a fake clock, driven command by command."""

    def __init__(self, state_dir: Path, agenda: Agenda | None = None, start: str = "09:55") -> None:
        self.agenda = agenda or forum_agenda()
        self.state_dir = state_dir
        self.clock = FakeClock(tod_ms=tod(start))
        self.session = Session.open(self.agenda, state_dir, self.clock)

    def do(self, action: str, value: str | int | None = None, then_wait: int = 0) -> Day:
        self.session.apply(Command(action, value))
        self.clock.advance(then_wait)
        return self

    def wait(self, ms: int) -> Day:
        self.clock.advance(ms)
        return self

    def report(self, live: bool = False) -> Report:
        records = read_journal(self.state_dir / JOURNAL_NAME).records
        return build_report(self.agenda, records, self.clock.wall_ms() if live else None)


def event_day(state_dir: Path, language: str = "ko") -> Day:
    """The whole simulated day, from late doors to closing at 12:25:45."""
    day = Day(state_dir, forum_agenda(language))
    day.wait(7 * MIN)  # doors close late: 10:02
    day.do("start", then_wait=6 * MIN)  # opening, 5 planned, 6 used
    day.do("next_start", then_wait=4 * MIN + 30 * SEC)  # congratulations, short by 30 s
    day.do("next_start", then_wait=2 * MIN)  # the report: microphone fails after 2 min
    day.do("pause", then_wait=90 * SEC)
    day.do("start", then_wait=8 * MIN)
    day.do("next_start").do("add_time", MIN, then_wait=11 * MIN)  # roadmap: a minute added, used
    day.do("next_start", then_wait=12 * MIN + 10 * SEC)  # KT: 2:10 over
    day.do("next_start", then_wait=9 * MIN)  # kudo
    day.do("next_start", then_wait=3 * SEC)  # nia ...
    day.do("next_start", then_wait=2 * SEC)  # ... next pressed once too often ...
    day.do("previous", then_wait=10 * MIN)  # ... and taken back
    day.do("next").do("next_start", then_wait=10 * MIN)  # neubility skipped (the speaker is absent)
    day.do("next_start", then_wait=8 * MIN)  # the break absorbs the delay
    day.do("next_start", then_wait=20 * MIN)  # forum from 11:24:15
    day.do("next_start", then_wait=20 * MIN + 30 * SEC)
    day.do("next_start", then_wait=21 * MIN)
    day.do("next")  # closing
    return day


@pytest.fixture
def day(tmp_path: Path) -> Day:
    return event_day(tmp_path)


def by_id(report: Report) -> dict[str, object]:
    return {item.id: item for item in report.items}


# ---------------------------------------------------------------- the numbers


def test_actual_starts_lengths_and_over_under_of_the_day(day: Day) -> None:
    items = by_id(day.report())
    expected = {
        # id: (actual start, actual length, over/under)
        "opening": ("10:02:00", 6 * MIN, MIN),
        "congrats": ("10:08:00", 4 * MIN + 30 * SEC, -30 * SEC),
        "report": ("10:12:30", 11 * MIN + 30 * SEC, 90 * SEC),
        "roadmap": ("10:24:00", 11 * MIN, MIN),
        "kt": ("10:35:00", 12 * MIN + 10 * SEC, 2 * MIN + 10 * SEC),
        "kudo": ("10:47:10", 9 * MIN, -MIN),
        # The double "next" is not nia's end: the 2 s on neubility were still nia.
        "nia": ("10:56:10", 10 * MIN + 5 * SEC, 5 * SEC),
        "aiforpet": ("11:06:15", 10 * MIN, 0),
        "break": ("11:16:15", 8 * MIN, -2 * MIN),
        "privacy": ("11:24:15", 20 * MIN, 0),
        "copyright": ("11:44:15", 20 * MIN + 30 * SEC, 30 * SEC),
        "barriers": ("12:04:45", 21 * MIN, MIN),
    }
    for item_id, (start, length, over) in expected.items():
        item = items[item_id]
        figures = (item.actual_start_ms, item.actual_duration_ms, item.over_under_ms)
        assert figures == (tod(start), length, over), item_id
        assert item.status == DONE
        assert item.actual_end_ms == tod(start) + length
    assert items["kt"].start_offset_ms == 5 * MIN  # planned 10:30, started 10:35
    assert items["privacy"].start_offset_ms == -5 * MIN - 45 * SEC  # the forum began early


def test_pauses_and_added_time_are_accounted_for(day: Day) -> None:
    items = by_id(day.report())
    assert items["report"].paused_ms == 90 * SEC
    assert [s.running for s in items["report"].segments] == [True, False, True]
    assert items["roadmap"].added_ms == MIN
    assert all(items[i].paused_ms == 0 for i in ("opening", "kt", "nia"))


def test_skipped_item_has_no_actual_times(day: Day) -> None:
    neubility = by_id(day.report())["neubility"]
    assert neubility.status == SKIPPED
    assert (neubility.actual_start_ms, neubility.actual_end_ms, neubility.over_under_ms) == (None, None, None)


def test_totals_of_the_day(day: Day) -> None:
    report = day.report()
    assert report.finished
    assert report.actual_start_ms == tod("10:02:00") and report.start_offset_ms == 2 * MIN
    assert report.actual_end_ms == tod("12:25:45") and report.end_offset_ms == -(4 * MIN + 15 * SEC)
    assert report.planned_total_ms == 150 * MIN
    assert report.actual_total_ms == sum(i.actual_duration_ms or 0 for i in report.items) == 143 * MIN + 45 * SEC
    assert report.over_under_total_ms == 3 * MIN + 45 * SEC
    assert report.paused_total_ms == 90 * SEC


def test_overruns_longest_first(day: Day) -> None:
    over = [(item.id, item.over_under_ms) for item in day.report().overruns]
    assert over == [
        ("kt", 130 * SEC), ("report", 90 * SEC), ("opening", MIN), ("roadmap", MIN),
        ("barriers", MIN), ("copyright", 30 * SEC), ("nia", 5 * SEC),
    ]


def test_the_report_says_who_ran_over_and_by_how_much(day: Day) -> None:
    ko = summary_sentences(day.report(), "ko")
    assert ko[0].startswith("시간 초과 7건: KT 발표 (KT) 2분 10초 초과, ICT 규제샌드박스 성과 보고 1분 30초 초과,")
    assert "ICT 규제샌드박스 성과 보고: 초과 시간에 일시정지 1분 30초 포함." in ko
    assert "건너뛴 항목: 뉴빌리티 발표." in ko
    assert ko[-1] == "행사는 계획(12:30)보다 4분 15초 이른 12:25:45에 끝났습니다."
    en = summary_sentences(day.report(), "en")
    assert en[0].startswith("7 items ran over: KT 발표 (KT) +2:10, ICT 규제샌드박스 성과 보고 +1:30,")
    assert en[-1] == "The event ended at 12:25:45, 4 min 15 s earlier than planned (12:30)."


# ---------------------------------------------------------------- what the operator did


def test_a_reset_false_start_does_not_count(tmp_path: Path) -> None:
    day = Day(tmp_path, make_agenda([("a", "talk", "10m"), ("b", "talk", "10m")]), start="10:00")
    day.do("start", then_wait=30 * SEC).do("reset", then_wait=MIN)
    day.do("start", then_wait=10 * MIN).do("next")
    a = by_id(day.report())["a"]
    assert a.actual_start_ms == tod("10:01:30") and a.actual_duration_ms == 10 * MIN


def test_an_undone_reset_keeps_the_time_already_run(tmp_path: Path) -> None:
    day = Day(tmp_path, make_agenda([("a", "talk", "10m"), ("b", "talk", "10m")]), start="10:00")
    day.do("start", then_wait=4 * MIN).do("reset").do("undo", then_wait=6 * MIN).do("next")
    a = by_id(day.report())["a"]
    assert a.actual_start_ms == tod("10:00") and a.actual_duration_ms == 10 * MIN


def test_going_back_for_questions_counts_for_both_speakers(tmp_path: Path) -> None:
    day = Day(tmp_path, make_agenda([("a", "talk", "10m"), ("b", "talk", "10m"), ("c", "talk", "5m")]),
              start="10:00")
    day.do("start", then_wait=10 * MIN).do("next_start", then_wait=3 * MIN)
    day.do("previous", then_wait=2 * MIN)  # a question for the first speaker
    day.do("next").do("start", then_wait=7 * MIN).do("next")
    items = by_id(day.report())
    assert items["a"].actual_duration_ms == 12 * MIN and items["a"].actual_end_ms == tod("10:15")
    assert items["b"].actual_start_ms == tod("10:10") and items["b"].actual_duration_ms == 10 * MIN
    assert items["b"].actual_end_ms == tod("10:22")
    assert items["c"].status == NOT_REACHED


def test_live_report_counts_the_item_on_stage_so_far(tmp_path: Path) -> None:
    day = Day(tmp_path)
    day.wait(5 * MIN).do("start", then_wait=5 * MIN).do("next_start", then_wait=7 * MIN)
    report = day.report(live=True)
    congrats = by_id(report)["congrats"]
    assert congrats.status == LIVE and congrats.actual_duration_ms == 7 * MIN and congrats.actual_end_ms is None
    assert report.actual_end_ms is None and not report.finished
    assert by_id(report)["report"].status == NOT_REACHED
    sentences = summary_sentences(report, "ko")
    assert sentences[-1] == "행사가 진행 중입니다 (10:12:00 기준)."
    assert [item.id for item in report.overruns] == ["congrats"]  # 7 of 5 minutes so far
    assert "축사 2분 초과 (진행 중)" in sentences[0]


def test_a_restart_mid_show_changes_nothing_in_the_report(tmp_path: Path) -> None:
    straight = event_day(tmp_path / "straight").report()
    day = Day(tmp_path / "crashed")
    day.wait(7 * MIN).do("start", then_wait=6 * MIN).do("next_start", then_wait=2 * MIN)
    # The app is killed and started again 30 s later; the show went on meanwhile.
    day.wait(30 * SEC)
    day.session = Session.open(day.agenda, day.state_dir, day.clock)
    day.wait(2 * MIN).do("next")
    congrats = by_id(day.report())["congrats"]
    assert congrats.actual_duration_ms == 4 * MIN + 30 * SEC
    assert by_id(straight)["congrats"].actual_duration_ms == congrats.actual_duration_ms


def test_no_journal_yet(tmp_path: Path) -> None:
    report = build_report(forum_agenda(), [])
    assert report.stage == "welcome" and report.as_of_tod_ms is None
    assert {item.status for item in report.items} == {NOT_REACHED}
    assert summary_sentences(report, "ko") == ["아직 시작하지 않았습니다."]
    csv_path, html_path = write_report(forum_agenda(), tmp_path)
    assert "미진행" in csv_path.read_text(encoding="utf-8-sig")
    assert "<svg" in html_path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- formatting


def test_offsets_and_spoken_lengths() -> None:
    assert [offset(ms) for ms in (130_000, -45_000, 400, -499, 500, 3_725_000)] == [
        "+2:10", "-0:45", "±0:00", "±0:00", "+0:01", "+1:02:05"]
    assert spoken_length(130_000, "ko") == "2분 10초" and spoken_length(60_000, "ko") == "1분"
    assert spoken_length(3_605_000, "en") == "1 h 5 s"
    assert report_language(forum_agenda("ko")) == "ko" and report_language(forum_agenda("ko"), "en") == "en"
    assert report_language(forum_agenda("de")) == "en"


def test_fit_text_cuts_long_titles_with_an_ellipsis() -> None:
    assert fit_text("개회사", 13, 300) == "개회사"
    cut = fit_text("인공지능 기초 모형(AI파운데이션 모델) 개발을 위한 학습용 데이터 구축", 13, 200)
    assert cut.endswith("…") and len(cut) < 25


# ---------------------------------------------------------------- the CSV


def test_csv_opens_in_excel_with_korean(day: Day, tmp_path: Path) -> None:
    csv_path, _ = write_report(day.agenda, day.state_dir, tmp_path / "out")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:3] == ["순서", "ID", "제목"] and "초과/단축(초)" in header and "실제 시작" in header
    assert len(body) == 13 and all(len(row) == len(header) for row in rows)
    kt = dict(zip(header, body[4], strict=True))
    assert (kt["제목"], kt["실제 시작"], kt["실제 종료"]) == ("KT 발표", "10:35:00", "10:47:10")
    figures = (kt["실제 길이(초)"], kt["초과/단축(초)"], kt["시작 지연/앞당김(초)"], kt["상태"])
    assert figures == ("730", "130", "300", "완료")
    assert dict(zip(header, body[7], strict=True))["상태"] == "건너뜀"
    assert dict(zip(header, total, strict=True))["초과/단축(초)"] == "225" and total[2] == "합계"


def test_csv_in_english_and_safe_from_formulas(tmp_path: Path) -> None:
    agenda = forum_agenda("en")
    first = dataclasses.replace(agenda.items[0], title="=HYPERLINK(\"http://x\")")
    agenda = agenda.replace_items((first, *agenda.items[1:]))
    rows = list(csv.reader(io.StringIO(report_csv(build_report(agenda, []), "en"))))
    assert rows[0][:3] == ["#", "id", "title"] and "over/under (s)".lower() in [c.lower() for c in rows[0]]
    assert rows[1][2].startswith("'=")


# ---------------------------------------------------------------- the HTML page


def test_html_has_one_planned_and_one_actual_bar_per_started_item(day: Day) -> None:
    report = day.report()
    page = report_html(report, "ko")
    assert page.count('<rect class="planned"') == 13
    actual_groups = re.findall(r'<g class="row" data-item="([^"]+)">.*?</g>', page)
    assert len(actual_groups) == 13
    assert page.count('<g class="actual">') == 12  # every item but the skipped one
    assert 'data-item="neubility">' in page and "건너뜀" in page
    for tick in ("10:00", "10:30", "11:00", "12:00", "12:30"):
        assert f">{tick}</text>" in page
    assert "실제 종료 12:25:45" in page and "계획 종료 12:30" in page


def test_html_is_in_the_agenda_language_and_self_contained(day: Day) -> None:
    page = report_html(day.report(), "ko")
    assert '<html lang="ko">' in page
    for words in ("계획 시작", "실제 시작", "초과/단축", "합계", "2025년 12월 2일 (화)", "엘타워 골드홀",
                  "KT 발표 (KT) 2분 10초 초과"):
        assert words in page, words
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert re.findall(r'(?:src|href)="(?!#)', page) == []
    assert "Pretendard, 'Noto Sans KR'" in page
    english = report_html(event_day(day.state_dir.parent / "en", "en").report(), "en")
    assert "Planned start" in english and "Tuesday 2 December 2025" in english and "계획 시작" not in english


def test_html_highlights_overruns(day: Day) -> None:
    page = report_html(day.report(), "ko")
    kt_row = re.search(r'<tr class="([^"]*)" data-item="kt">', page)
    kudo_row = re.search(r'<tr class="([^"]*)" data-item="kudo">', page)
    assert kt_row and "over" in kt_row.group(1).split()
    assert kudo_row and "over" not in kudo_row.group(1).split()


def test_html_escapes_agenda_text(tmp_path: Path) -> None:
    agenda = forum_agenda()
    nasty = dataclasses.replace(agenda.items[0], title="<script>alert(1)</script> & \"Q\"")
    agenda = agenda.replace_items((nasty, *agenda.items[1:]))
    day = Day(tmp_path, agenda)
    day.wait(5 * MIN).do("start", then_wait=7 * MIN).do("next")
    page = report_html(day.report(), "ko")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot;" in page


def test_html_embeds_the_fonts_the_caller_points_to(day: Day, tmp_path: Path) -> None:
    """The core reads no package assets: the page carries the fonts of the directory it is given."""
    page = report_html(day.report(), "ko", fonts_dir=resources.fonts_dir())
    assert page.count("@font-face") == 2 and "local('Pretendard Bold')" in page
    assert "@font-face" not in report_html(day.report(), "ko", fonts_dir=tmp_path)  # no fonts there: system fonts
    assert "@font-face" not in report_html(day.report(), "ko")


def test_write_report_defaults_to_the_state_dir_and_embeds_the_font(day: Day) -> None:
    csv_path, html_path = write_report(day.agenda, day.state_dir, now_wall_ms=day.clock.wall_ms(),
                                       fonts_dir=resources.fonts_dir())
    assert (csv_path, html_path) == (day.state_dir / "report.csv", day.state_dir / "report.html")
    page = html_path.read_text(encoding="utf-8")
    assert "@font-face" in page and "data:font/woff;base64," in page and "local('Pretendard Regular')" in page
    assert not list(day.state_dir.glob("*.tmp"))


def test_the_embedded_font_holds_every_character_of_the_page_and_little_else(day: Day) -> None:
    """The full font made report.html 4.2 MB; cut to the page's characters it is a small file that still says it all."""
    import base64
    import io
    import re

    from fontTools.ttLib import TTFont

    page = report_html(day.report(), "ko", fonts_dir=resources.fonts_dir())
    assert len(page.encode("utf-8")) < 400_000
    fonts = re.findall(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", page)
    assert len(fonts) == 2
    text = re.sub(r"data:font/woff;base64,[A-Za-z0-9+/=]+", "", page)
    wanted = {ord(char) for char in text if char.isprintable() and not char.isspace()}
    for data in fonts:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        covered = set(font.getBestCmap())
        assert wanted <= covered, sorted(chr(code) for code in wanted - covered)[:20]
        assert len(covered) < 1000  # the page's few hundred characters, not Pretendard's eleven thousand
        names = {record.nameID: record.toUnicode() for record in font["name"].names}
        assert "Pretendard" not in names[1]  # a modified version does not use the Reserved Font Name
        assert "Open Font License" in names[13]  # ...and carries its licence


def test_the_report_takes_the_rehearsal_speed_from_the_last_usable_checkpoint() -> None:
    from stagetimer.core.report.report import recorded_speed

    assert recorded_speed([]) == 1.0
    assert recorded_speed([{"type": "checkpoint", "speed": 60}, {"type": "command"}]) == 60.0
    damaged = [{"type": "checkpoint", "speed": 60}, {"type": "checkpoint", "speed": "fast"},
               {"type": "checkpoint", "speed": float("nan")}, {"type": "checkpoint", "speed": 0},
               {"type": "checkpoint", "speed": True}]
    assert recorded_speed(damaged) == 60.0
    report = build_report(forum_agenda(), [{"type": "checkpoint", "speed": 2.5, "wall_ms": 1e30}])
    assert report.rehearsal and report.run_date is None  # an absurd stamp gives no date, and no crash
