"""Named moments of a real show, for the screenshots and the view tests.

Every state a stage screen can be in (welcome, normal, warning, danger,
overtime, paused, a message, a break, closing, blackout…) is reached by
driving the real :class:`~stagetimer.core.show.show.Show` over the bundled
agenda with a :class:`~stagetimer.core.clock.FakeClock`: the pictures then
show what the app really produces, not a hand-made imitation of it.

If the agenda loader or the bundled file is not available (a partial
checkout), an agenda built in code from the same press release is used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from stagetimer import resources
from stagetimer.core.agenda.model import Agenda, Event, Item, Section, Thresholds
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot

MIN = 60_000
SEC = 1_000
#: The longest talk title of the bundled agenda wraps on every screen; live states use it.
MESSAGE = "마무리 부탁드립니다"


def fallback_agenda() -> Agenda:
    """The 2 December 2025 forum (shared/seed press release), built in code."""
    thresholds = Thresholds()
    start = 10 * 60 * MIN
    rows: list[tuple[str, str, str, tuple[str, ...], str, str, int, int | None]] = [
        ("opening", "remarks", "개회사", (), "한국정보통신산업진흥원(NIPA)", "results", 5, None),
        ("congrats", "remarks", "축사", (), "과학기술정보통신부", "results", 5, None),
        ("sandbox-report", "talk", "ICT 규제샌드박스 소개 및 성과 보고", (), "과학기술정보통신부", "results", 10, None),
        ("ai-roadmap", "talk", "AI분야 규제합리화 로드맵", (), "한국행정연구원", "results", 10, None),
        ("kt", "presentation", "실시간 통화기반 보이스피싱 탐지 서비스", (), "KT", "results", 10, None),
        ("cudo", "presentation", "재난 안전 관제를 위한 지능형 CCTV 고도화",
         (), "쿠도커뮤니케이션", "results", 10, None),
        ("nia", "presentation", "AI 파운데이션 모델 개발을 위한 학습용 데이터 구축",
         (), "한국지능정보사회진흥원", "results", 10, None),
        ("neubility", "presentation", "영상정보 원본 데이터 활용 자율주행시스템 고도화",
         (), "뉴빌리티", "results", 10, None),
        ("aiforpet", "presentation", "AI 활용 수의사 반려동물 건강 상태 모니터링 서비스",
         (), "에이아이포펫", "results", 10, None),
        ("break", "break", "휴식", (), "", "results", 10, None),
        ("forum-privacy", "panel", "안전하게 개인정보를 활용하기 위한 규제 특례 적용 방안",
         ("송도영 변호사",), "", "forum", 20, start + 90 * MIN),
        ("forum-copyright", "panel", "저작물의 공정 이용과 데이터 활성화", ("김형지 변호사",), "", "forum", 20, None),
        ("forum-ai", "panel", "AI 확산을 저해하는 규제에 대한 특례 적용 방안", ("김대중 이사",), "", "forum", 20, None),
    ]
    items: list[Item] = []
    chain = start
    for item_id, kind, title, speakers, organisation, section, minutes, fixed in rows:
        begin = chain if fixed is None else fixed
        items.append(
            Item(item_id, kind, title, minutes * MIN, begin, thresholds, speakers, organisation, section, fixed,
                 note="무대 메모: 마이크 2번 확인")
        )
        chain = begin + minutes * MIN
    event = Event(
        title="ICT 규제샌드박스 성과공유회 및 AI 규제 개선 포럼",
        start_ms=start,
        end_ms=start + 150 * MIN,
        date="2025-12-02",
        subtitle="인공지능 시대에 걸맞은 규제 개선, 규제샌드박스로 설계한다",
        venue="서울 엘타워 골드홀 (지하 1층)",
        organiser="과학기술정보통신부",
        language="ko",
    )
    sections = (Section("results", "① ICT 규제샌드박스 성과 공유회"), Section("forum", "② 규제 개선 전문가 포럼"))
    return Agenda(event=event, thresholds=thresholds, sections=sections, items=tuple(items))


def bundled_agenda() -> Agenda:
    """The agenda the app ships with, through the real loader when it is there."""
    try:
        from stagetimer.core.agenda.loader import load_agenda
    except ImportError:
        return fallback_agenda()
    path = resources.bundled_agenda()
    if not path.is_file():
        return fallback_agenda()
    return load_agenda(path)


class DemoShow:
    """A Show on a fake clock, with helpers to walk it to a named moment."""

    def __init__(self, agenda: Agenda | None = None) -> None:
        self.agenda = agenda if agenda is not None else bundled_agenda()
        start = self.agenda.items[0].planned_start_ms if self.agenda.items else self.agenda.event.start_ms
        self.clock = FakeClock(tod_ms=start - 4 * MIN - 48 * SEC)  # the doors are open
        self.show = Show(self.agenda, self.clock)

    def do(self, action: str, value: str | int | None = None) -> DemoShow:
        self.show.apply(Command(action, value))
        return self

    def wait(self, ms: int) -> DemoShow:
        self.clock.advance(ms)
        return self

    def snapshot(self) -> Snapshot:
        return self.show.snapshot()

    def index_of_longest_title(self) -> int:
        """The talk whose title is longest: the one most likely to overflow."""
        talks = [item for item in self.agenda.items if item.kind != "break"]
        return self.agenda.items.index(max(talks, key=lambda item: len(item.title)))

    def index_of_break(self) -> int | None:
        return next((i for i, item in enumerate(self.agenda.items) if item.kind == "break"), None)

    def run_to(self, index: int) -> DemoShow:
        """Start the show on time and run every item before ``index`` to its planned length."""
        first = self.agenda.items[0].planned_start_ms
        self.wait(max(0, first - self.snapshot().time_of_day_ms))
        self.do("start")
        for item in self.agenda.items[:index]:
            self.wait(item.duration_ms)
            self.do("next_start")
        return self

    def into_item(self, index: int, remaining_ms: int) -> DemoShow:
        """Run to ``index`` and on until its countdown shows ``remaining_ms``."""
        self.run_to(index)
        return self.wait(self.snapshot().allotted_ms - remaining_ms)


def _talk(remaining_ms: int) -> Callable[[DemoShow], DemoShow]:
    return lambda demo: demo.into_item(demo.index_of_longest_title(), remaining_ms)


def _break(demo: DemoShow) -> DemoShow:
    index = demo.index_of_break()
    if index is None:
        raise LookupError("the agenda has no break")
    demo.run_to(index)
    return demo.wait(2 * MIN + 30 * SEC)


#: The speaker's note the "presenter-note" moment adds (the bundled agenda has none).
DEMO_NOTE = "질의응답은 사회자가 진행합니다 · 시연 영상은 슬라이드 12"


def _with_note(demo: DemoShow) -> DemoShow:
    """The normal moment, with a ``presenter_note`` on the item on stage."""
    index = demo.index_of_longest_title()
    items = list(demo.agenda.items)
    items[index] = dataclasses.replace(items[index], presenter_note=DEMO_NOTE)
    demo.agenda = demo.agenda.replace_items(tuple(items))
    demo.show = Show(demo.agenda, demo.clock)
    return _talk(6 * MIN + 40 * SEC)(demo)


#: The done-when day of issue 12: 개회사 starts 7 minutes late, three presentations run 2 minutes over.
LATE_START_MS = 7 * MIN
OVERRUNS = {"case-kt": 12 * MIN, "case-kudo": 12 * MIN, "case-nia": 12 * MIN}


def _late_day(until: str, replan: bool = False, auto: bool = False, ready: bool = False,
              into_ms: int = 0) -> Callable[[DemoShow], DemoShow]:
    """Walk the late day to item ``until`` (running ``into_ms``, or only loaded when ``ready``).

    ``replan``: the stage manager presses A at every item change; ``auto``:
    automatic mode is on from the start. Items run their (re-planned) length,
    except the three presentations of OVERRUNS.
    """
    def walk(demo: DemoShow) -> DemoShow:
        first = demo.agenda.items[0].planned_start_ms
        demo.wait(max(0, first - demo.snapshot().time_of_day_ms) + LATE_START_MS)
        if auto:
            demo.do("auto_replan_on")
        demo.do("start")
        for item in demo.agenda.items:
            if item.id == until:
                break
            demo.wait(OVERRUNS.get(item.id, demo.snapshot().allotted_ms))
            last = demo.agenda.items[demo.agenda.items.index(item) + 1].id == until
            demo.do("next" if ready and last else "next_start")
            if replan:
                demo.do("replan")
        return demo.wait(into_ms)
    return walk


def _closing(demo: DemoShow) -> DemoShow:
    demo.run_to(len(demo.agenda.items) - 1)
    return demo.wait(demo.agenda.items[-1].duration_ms + 45 * SEC).do("next")


#: Every named moment: how to reach it from the doors opening.
STATES: dict[str, Callable[[DemoShow], DemoShow]] = {
    "welcome": lambda demo: demo,
    # The planned start has passed and the show has not started: 4:56 late.
    "welcome-late": lambda demo: demo.wait(demo.snapshot().welcome_remaining_ms + 4 * MIN + 56 * SEC),
    "ready": lambda demo: _talk(6 * MIN)(demo).do("next"),
    "normal": _talk(6 * MIN + 40 * SEC),
    "warning": _talk(1 * MIN + 45 * SEC),
    # 3 s after the countdown turned amber: the agenda's automatic warning message is up (10 s).
    "auto-message": _talk(2 * MIN - 3 * SEC),
    "danger": _talk(42 * SEC),
    "overtime-flash": _talk(-(2 * SEC + 200)),
    "overtime": _talk(-(1 * MIN + 25 * SEC)),
    "presenter-note": _with_note,
    "paused": lambda demo: _talk(6 * MIN + 40 * SEC)(demo).do("pause"),
    "message-flash": lambda demo: _talk(1 * MIN + 10 * SEC)(demo).do("message", MESSAGE),
    "message": lambda demo: _talk(1 * MIN + 10 * SEC)(demo).do("message", MESSAGE).wait(4 * SEC),
    "flash": lambda demo: _talk(6 * MIN + 40 * SEC)(demo).do("flash"),
    "break": _break,
    "closing": _closing,
    "blackout": lambda demo: _talk(6 * MIN + 40 * SEC)(demo).do("blackout"),
    "projector-countdown": lambda demo: _talk(6 * MIN + 40 * SEC)(demo).do("projector_countdown"),
    # The audience's countdown switched on while the speaker runs over: the audience sees no "+".
    "projector-countdown-overtime": lambda demo: _talk(-(1 * MIN + 25 * SEC))(demo).do("projector_countdown"),
    # The planner (issue 12) on the late day: a proposal pending 13 minutes behind, nothing applied yet…
    "replan-pending": _late_day("case-neubility", into_ms=3 * MIN),
    # … automatic mode on, the third presentation running over (the next change re-plans) …
    "replan-auto": _late_day("case-nia", auto=True, into_ms=12 * MIN),
    # … and, re-planned at every change, the first forum topic loaded: the speaker sees "17분으로 조정".
    "replan-ready": _late_day("forum-privacy", replan=True, ready=True),
}


def demo_show(state: str, agenda: Agenda | None = None) -> DemoShow:
    """A show walked to ``state`` (one of STATES)."""
    return STATES[state](DemoShow(agenda))


def snapshot_for(state: str, agenda: Agenda | None = None) -> Snapshot:
    """The snapshot the screens would draw at ``state``."""
    return demo_show(state, agenda).snapshot()
