"""The agenda the app ships with is the 2 December 2025 forum, row for row.

The rows below are the press release's detailed schedule (shared/seed,
2025-11-30): if a time, name or order drifts from it, the stage manager
would run the real event from a wrong plan. Names and titles are compared
verbatim because they are what the audience reads on the projector.
"""

from __future__ import annotations

import importlib.util
import itertools
import re

import pytest

from stagetimer import resources
from stagetimer.core.agenda.model import NO_ALARMS, Agenda, Thresholds
from stagetimer.core.report.checktable import display_width, format_check
from stagetimer.core.timefmt import format_tod

if importlib.util.find_spec("stagetimer.core.agenda.loader") is None:  # pragma: no cover - before the loader landed
    pytest.skip(
        "stagetimer.core.agenda.loader does not exist yet: nothing can load agenda.yaml", allow_module_level=True
    )

from stagetimer.core.agenda.loader import load_agenda

MIN = 60_000
REMARKS = Thresholds(warning_ms=1 * MIN, danger_ms=30_000)
DEFAULT = Thresholds(warning_ms=2 * MIN, danger_ms=1 * MIN)

#: id, planned start–end, kind, section, speaker, organisation, title — the press release's table.
TABLE = [
    ("opening", "10:00–10:05", "remarks", "", "", "NIPA", "개회사"),
    ("congrats", "10:05–10:10", "remarks", "", "", "과학기술정보통신부", "축사"),
    ("sandbox-report", "10:10–10:20", "talk", "sandbox", "", "과학기술정보통신부", "ICT규제샌드박스 소개 및 성과 보고"),
    ("ai-roadmap", "10:20–10:30", "talk", "sandbox", "", "한국행정연구원", "AI분야 규제합리화 로드맵"),
    ("case-kt", "10:30–10:40", "presentation", "sandbox", "", "KT", "실시간 통화기반 보이스피싱 탐지 서비스"),
    ("case-kudo", "10:40–10:50", "presentation", "sandbox", "", "쿠도커뮤니케이션",
     "재난 안전 관제를 위한 지능형 폐쇄회로 텔레비전<CCTV> 고도화"),
    ("case-nia", "10:50–11:00", "presentation", "sandbox", "", "한국지능정보사회진흥원",
     "인공지능 기초 모형(AI파운데이션 모델) 개발을 위한 학습용 데이터 구축"),
    ("case-neubility", "11:00–11:10", "presentation", "sandbox", "", "뉴빌리티",
     "영상정보 원본 데이터 활용 자율주행시스템 고도화"),
    ("case-aiforpet", "11:10–11:20", "presentation", "sandbox", "", "에이아이포펫",
     "인공지능 활용 수의사 반려동물 건강 상태 점검(모니터링) 서비스"),
    ("break", "11:20–11:30", "break", "", "", "", "휴식"),
    ("forum-privacy", "11:30–11:50", "panel", "forum", "송도영 변호사", "",
     "안전하게 개인정보를 활용하기 위한 규제 특례 적용 방안"),
    ("forum-copyright", "11:50–12:10", "panel", "forum", "김형지 변호사", "", "저작물의 공정 이용과 데이터 활성화"),
    ("forum-ai", "12:10–12:30", "panel", "forum", "김대중 이사", "", "AI 확산을 저해하는 규제에 대한 특례 적용 방안"),
]  # fmt: skip


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return load_agenda(resources.bundled_agenda())


def test_the_event_is_the_forum_at_the_l_tower(agenda: Agenda) -> None:
    event = agenda.event
    assert "ICT 규제샌드박스" in event.title and "토론회(포럼)" in event.title
    assert event.date == "2025-12-02"
    assert event.venue == "서울 엘타워 골드홀 (지하 1층)"
    assert event.organiser == "과학기술정보통신부"
    assert (format_tod(event.start_ms), format_tod(event.end_ms)) == ("10:00", "12:30")
    assert event.language == "ko"


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_every_row_of_the_press_release_table(agenda: Agenda, row: tuple[str, ...]) -> None:
    item_id, span, kind, section, speaker, organisation, title = row
    index = agenda.index_of(item_id)
    assert index is not None, f"no item '{item_id}'"
    item = agenda.items[index]
    assert f"{format_tod(item.planned_start_ms)}–{format_tod(item.planned_end_ms)}" == span
    assert (item.kind, item.section_id, item.title) == (kind, section, title)
    assert (item.speaker_text, item.organisation) == (speaker, organisation)


def test_items_run_in_the_press_release_order_and_fill_the_morning(agenda: Agenda) -> None:
    assert [item.id for item in agenda.items] == [row[0] for row in TABLE]
    assert sum(item.duration_ms for item in agenda.items) == 150 * MIN
    assert agenda.planned_end_ms == agenda.event.end_ms
    # Each item starts exactly when the one before ends: no holes, no collisions.
    for before, after in itertools.pairwise(agenda.items):
        assert after.planned_start_ms == before.planned_end_ms, after.id


def test_the_forum_is_fixed_at_11_30_after_the_break(agenda: Agenda) -> None:
    fixed = {item.id: format_tod(item.fixed_start_ms) for item in agenda.items if item.fixed_start_ms is not None}
    assert fixed == {"forum-privacy": "11:30"}
    index = agenda.index_of("break")
    assert index is not None and agenda.items[index + 1].id == "forum-privacy"


def test_remarks_warn_later_than_talks_and_the_break_not_at_all(agenda: Agenda) -> None:
    assert agenda.thresholds == DEFAULT
    expected = {"remarks": REMARKS, "break": NO_ALARMS}
    for item in agenda.items:
        assert item.thresholds == expected.get(item.kind, DEFAULT), item.id
    assert [item.id for item in agenda.items if item.kind == "remarks"] == ["opening", "congrats"]


def test_sections_are_the_two_parts_of_the_morning(agenda: Agenda) -> None:
    assert [(section.id, section.title) for section in agenda.sections] == [
        ("sandbox", "① ICT 규제샌드박스 성과 공유회"),
        ("forum", "② 규제 개선 전문가 포럼"),
    ]


def test_only_the_forum_names_people(agenda: Agenda) -> None:
    # The press release names no one for the remarks, reports or company talks:
    # the agenda must not make anyone up.
    named = {item.id: item.speakers for item in agenda.items if item.speakers}
    assert named == {
        "forum-privacy": ("송도영 변호사",),
        "forum-copyright": ("김형지 변호사",),
        "forum-ai": ("김대중 이사",),
    }


def test_notes_stay_private_and_short(agenda: Agenda) -> None:
    for item in agenda.items:
        assert "\n" not in item.note and len(item.note) < 120, item.id


def test_check_prints_the_day_as_planned(agenda: Agenda) -> None:
    text = format_check(agenda)
    rows = [line for line in text.splitlines() if re.match(r"  \d\d:\d\d–", line)]
    assert [line[2:13] for line in rows] == [row[1] for row in TABLE]
    for line, row in zip(rows, TABLE, strict=True):
        # The title starts in the same terminal column on every row, Hangul or not.
        assert display_width(line[: line.index(row[6])]) == display_width(rows[0][: rows[0].index("개회사")])
    assert "13 items (1 break), planned 10:00–12:30 (2h30m): 2h20m on stage, 10m of breaks." in text
    assert "No gaps or overlaps between items." in text
    assert "Ends 12:30 as planned." in text
