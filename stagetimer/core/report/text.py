"""The report's words and numbers, in Korean or English, and its CSV.

The report is read after the event by people who were not at the control
desk, often forwarded as a file, so its labels follow the agenda's language
rather than the Qt UI's (core has no Qt translator). Every figure is
formatted here once, so the CSV, the HTML table, the chart and the summary
sentences agree to the second.
"""

from __future__ import annotations

import csv
import io

from stagetimer.core.agenda.kind_words import kind_word
from stagetimer.core.report.report import (
    DONE,
    LIVE,
    NOT_REACHED,
    NOTES_SHOWN,
    SKIPPED,
    ItemReport,
    Report,
)
from stagetimer.core.timefmt import (
    format_clock_seconds,
    format_offset,
    format_tod,
    spoken_length,
    whole_seconds,
)

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Event report",
        "number": "#",
        "id": "id",
        "item": "Item",
        "items": "Item by item",
        "title": "title",
        "speaker": "Speaker",
        "organisation": "organisation",
        "kind": "kind",
        "status": "Status",
        "planned_start": "Planned start",
        "actual_start": "Actual start",
        "start_offset": "Start late/early",
        "planned_end": "Planned end",
        "actual_end": "Actual end",
        "planned_length": "Planned length",
        "replanned_length": "Re-planned",
        "recovered": "Recovered by re-planning",
        "recovered_detail": "{count} items shortened",
        "recovered_detail_one": "1 item shortened",
        "actual_length": "Actual length",
        "paused": "Paused",
        "added": "Time added",
        "over_under": "Over/under",
        "total": "Total",
        "planned": "Planned",
        "actual": "Actual",
        "timeline": "Timeline: planned against actual",
        "summary": "Summary",
        "biggest": "Longest overrun",
        "event_start": "Start",
        "event_end": "End",
        "event_length": "Total length",
        "as_of": "Figures as of {time}",
        "in_seconds": " (s)",
        "paused_note": "paused {len}",
        "added_note": "{len} added",
        "still_on": "still on",
        "planned_end_line": "planned end {time}",
        "actual_end_line": "actual end {time}",
        "seconds_note": "Lengths include pauses. Over/under: actual length minus planned length.",
        "dropped": "{count} journal lines or records could not be used and are left out of this report:",
        "dropped_one": "1 journal line or record could not be used and is left out of this report:",
        "more": "… and {count} more",
        "rehearsal": "Rehearsal ×{speed}",
        "rehearsal_note": "Not the event: a rehearsal with the show clock at {speed} times real time; "
                          "every time is the rehearsal clock's.",
        "rehearsal_run": "Rehearsed on {date}",
        "event_planned": "Event planned for {date}",
        DONE: "done",
        LIVE: "live",
        SKIPPED: "skipped",
        NOT_REACHED: "not reached",
    },
    "ko": {
        "report": "행사 결과 보고서",
        "number": "순서",
        "id": "ID",
        "item": "항목",
        "items": "항목별 결과",
        "title": "제목",
        "speaker": "발표자",
        "organisation": "소속",
        "kind": "종류",
        "status": "상태",
        "planned_start": "계획 시작",
        "actual_start": "실제 시작",
        "start_offset": "시작 지연/앞당김",
        "planned_end": "계획 종료",
        "actual_end": "실제 종료",
        "planned_length": "계획 길이",
        "replanned_length": "조정 길이",
        "recovered": "일정 조정으로 확보",
        "recovered_detail": "{count}개 항목 단축",
        "recovered_detail_one": "1개 항목 단축",
        "actual_length": "실제 길이",
        "paused": "일시정지",
        "added": "추가 시간",
        "over_under": "초과/단축",
        "total": "합계",
        "planned": "계획",
        "actual": "실제",
        "timeline": "시간표: 계획 대비 실제",
        "summary": "요약",
        "biggest": "최대 초과",
        "event_start": "시작",
        "event_end": "종료",
        "event_length": "총 길이",
        "as_of": "{time} 기준",
        "in_seconds": "(초)",
        "paused_note": "일시정지 {len}",
        "added_note": "{len} 추가",
        "still_on": "진행 중",
        "planned_end_line": "계획 종료 {time}",
        "actual_end_line": "실제 종료 {time}",
        "seconds_note": "길이는 일시정지를 포함합니다. 초과/단축 = 실제 길이 − 계획 길이.",
        "dropped": "진행 기록 중 {count}줄(또는 기록)을 쓸 수 없어 이 보고서에서 뺐습니다:",
        "dropped_one": "진행 기록 중 1줄(또는 기록)을 쓸 수 없어 이 보고서에서 뺐습니다:",
        "more": "… 외 {count}건",
        "rehearsal": "리허설 ×{speed}",
        "rehearsal_note": "실제 행사 기록이 아닙니다: 진행 시계를 {speed}배속으로 돌린 리허설이며, "
                          "모든 시각은 리허설 시계 기준입니다.",
        "rehearsal_run": "리허설 실행일 {date}",
        "event_planned": "행사 예정일 {date}",
        DONE: "완료",
        LIVE: "진행 중",
        SKIPPED: "건너뜀",
        NOT_REACHED: "미진행",
    },
}



def label(language: str, key: str) -> str:
    return LABELS.get(language, LABELS["en"]).get(key, LABELS["en"].get(key, key))


def kind_label(language: str, kind: str) -> str:
    """The kind as Control names it (one table: stagetimer.core.agenda.kind_words)."""
    return kind_word(kind, language)


def tod(ms: int | None, seconds: bool = True) -> str:
    return "" if ms is None else format_tod(ms, seconds=seconds)


def length(ms: int | None) -> str:
    """``10:00``, ``1:02:05``: a length as the countdowns show it."""
    return "" if ms is None else format_clock_seconds(abs(whole_seconds(ms)))


def offset(ms: int | None) -> str:
    """``+2:10`` over/late, ``-0:45`` under/early, ``±0:00`` on the second."""
    return "" if ms is None else format_offset(ms)


def item_name(item: ItemReport) -> str:
    """The title, with who gave it: "KT 발표 (홍길동)"."""
    return f"{item.title} ({item.who})" if item.who else item.title


def summary_sentences(report: Report, language: str) -> list[str]:
    """Who ran over and by how much, then how the day ended."""
    ko = language == "ko"
    lines: list[str] = rehearsal_lines(report, language)
    if not report.started:
        return [*lines, "아직 시작하지 않았습니다." if ko else "The show has not started yet."]
    over = report.overruns
    if not over:
        lines.append("시간을 초과한 항목이 없습니다." if ko else "No item ran over its planned length.")
    elif ko:
        parts = ", ".join(
            f"{item_name(item)} {spoken_length(item.over_under_ms or 0, language)} 초과{_so_far(item, language)}"
            for item in over
        )
        lines.append(f"시간 초과 {len(over)}건: {parts}.")
    else:
        parts = ", ".join(f"{item_name(item)} {offset(item.over_under_ms)}{_so_far(item, language)}" for item in over)
        noun = "item ran" if len(over) == 1 else "items ran"
        lines.append(f"{len(over)} {noun} over: {parts}.")
    paused = [item for item in over if item.paused_ms >= 1000]
    for item in paused:
        amount = spoken_length(item.paused_ms, language)
        lines.append(
            f"{item_name(item)}: 초과 시간에 일시정지 {amount} 포함." if ko
            else f"{item_name(item)}: the overrun includes {amount} paused."
        )
    lines.extend(replanned_sentences(report, language))
    if report.skipped:
        names = ", ".join(item_name(item) for item in report.skipped)
        lines.append(f"건너뛴 항목: {names}." if ko else f"Skipped: {names}.")
    lines.append(_end_sentence(report, language))
    return lines


def replanned_sentences(report: Report, language: str) -> list[str]:
    """What the planner did: which items it shortened, to what, and the time that won back for the day."""
    shortened = report.replanned
    if not shortened:
        return []
    total = spoken_length(report.recovered_total_ms, language)
    changes = ", ".join(
        f"{item.title} {length(item.planned_duration_ms)} → {length(item.replanned_ms)}" for item in shortened
    )
    if language == "ko":
        return [f"일정 조정으로 {len(shortened)}개 항목을 줄여 {total}을 확보했습니다: {changes}."]
    noun = "item" if len(shortened) == 1 else "items"
    return [f"Re-planning shortened {len(shortened)} {noun} and recovered {total}: {changes}."]


def speed_text(speed: float) -> str:
    """``60``, ``2.5``: a speed as the ``--speed`` option and the ``rehearsal-xN`` folder write it."""
    return f"{speed:g}"


def rehearsal_mark(report: Report, language: str) -> str:
    """``리허설 ×60`` / ``Rehearsal ×60`` for a rehearsal's report; empty for the real show."""
    return label(language, "rehearsal").format(speed=speed_text(report.speed)) if report.rehearsal else ""


def rehearsal_lines(report: Report, language: str) -> list[str]:
    """What a rehearsal's report says first: the mark and that it is not the event; nothing for the real show."""
    if not report.rehearsal:
        return []
    note = label(language, "rehearsal_note").format(speed=speed_text(report.speed))
    run = label(language, "rehearsal_run").format(date=report.run_date) if report.run_date else ""
    return [" — ".join(part for part in (rehearsal_mark(report, language), note, run) if part)]


def dropped_lines(report: Report, language: str) -> list[str]:
    """What the report left out: how many, then the first few ``file:line: why``; nothing when nothing was."""
    notes = report.notes
    if not notes:
        return []
    head = label(language, "dropped_one") if len(notes) == 1 else label(language, "dropped").format(count=len(notes))
    lines = [head, *notes[:NOTES_SHOWN]]
    if len(notes) > NOTES_SHOWN:
        lines.append(label(language, "more").format(count=len(notes) - NOTES_SHOWN))
    return lines


def _so_far(item: ItemReport, language: str) -> str:
    """Marks an overrun that is still growing: the item is on stage as the report is written."""
    return f" ({label(language, 'still_on')})" if item.status == LIVE else ""


def _end_sentence(report: Report, language: str) -> str:
    ko = language == "ko"
    planned = tod(report.planned_end_ms, seconds=False)
    if report.end_offset_ms is None:
        as_of = tod(report.as_of_tod_ms)
        return f"행사가 진행 중입니다 ({as_of} 기준)." if ko else f"The show is still on (as of {as_of})."
    end, delta = tod(report.actual_end_ms), report.end_offset_ms
    amount = spoken_length(delta, language)
    if whole_seconds(delta) == 0:
        return f"행사는 계획대로 {end}에 끝났습니다." if ko else f"The event ended on time at {end}."
    if ko:
        direction = "늦은" if delta > 0 else "이른"
        return f"행사는 계획({planned})보다 {amount} {direction} {end}에 끝났습니다."
    direction = "later" if delta > 0 else "earlier"
    return f"The event ended at {end}, {amount} {direction} than planned ({planned})."


CSV_COLUMNS = (
    "number", "id", "title", "speaker", "organisation", "kind", "status",
    "planned_start", "planned_end", "planned_length", "actual_start", "actual_end", "actual_length",
    "paused", "added", "start_offset", "over_under", "replanned_length",
)
#: Columns given in whole seconds (signed for offsets), so a spreadsheet can add them up.
SECONDS_COLUMNS = frozenset({
    "planned_length", "actual_length", "paused", "added", "start_offset", "over_under", "replanned_length",
})


def _cell(text: str) -> str:
    """Text a spreadsheet must not run as a formula (a title starting with = or +)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _seconds(ms: int | None) -> str:
    return "" if ms is None else str(whole_seconds(ms))


def report_csv(report: Report, language: str) -> str:
    """One row per item and a totals row; times HH:MM:SS, lengths and offsets in seconds."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if report.rehearsal:  # first, where a spreadsheet's reader looks: these figures are not the event's
        writer.writerow(rehearsal_lines(report, language))
    header = [label(language, key) + (label(language, "in_seconds") if key in SECONDS_COLUMNS else "")
              for key in CSV_COLUMNS]
    writer.writerow(header)
    for item in report.items:
        writer.writerow([
            item.index + 1, _cell(item.id), _cell(item.title), _cell(", ".join(item.speakers)),
            _cell(item.organisation),
            kind_label(language, item.kind), label(language, item.status),
            tod(item.planned_start_ms), tod(item.planned_end_ms), _seconds(item.planned_duration_ms),
            tod(item.actual_start_ms), tod(item.actual_end_ms), _seconds(item.actual_duration_ms),
            _seconds(item.paused_ms), _seconds(item.added_ms),
            _seconds(item.start_offset_ms), _seconds(item.over_under_ms), _seconds(item.replanned_ms),
        ])
    writer.writerow([
        "", "", label(language, "total"), "", "", "", "",
        tod(report.planned_start_ms), tod(report.planned_end_ms), _seconds(report.planned_total_ms),
        tod(report.actual_start_ms), tod(report.actual_end_ms), _seconds(report.actual_total_ms),
        _seconds(report.paused_total_ms), _seconds(report.added_total_ms),
        _seconds(report.start_offset_ms), _seconds(report.over_under_total_ms), "",
    ])
    return out.getvalue()
