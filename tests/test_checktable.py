"""``stagetimer check``'s table: the day as the app will run it, readable in a terminal.

The stage manager reads this before doors open: a wrong planned time, a hole
or collision in the programme that goes unmentioned, or columns knocked out
of line by Hangul would all mislead them.
"""

from __future__ import annotations

import dataclasses
import re

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.core.agenda.model import Agenda, Section, Thresholds
from stagetimer.core.report.checktable import display_width, format_check, format_errors
from tests.agenda_factory import make_agenda


def with_details(agenda: Agenda, **by_id: dict[str, object]) -> Agenda:
    """The agenda with some items' fields replaced (titles, organisations, sections)."""
    items = tuple(dataclasses.replace(item, **by_id.get(item.id.replace("-", "_"), {})) for item in agenda.items)
    return agenda.replace_items(items)


def item_lines(text: str) -> list[str]:
    """The table rows for items and gaps (they start with a planned time)."""
    return [line for line in text.splitlines() if re.match(r"  \d\d:\d\d–", line)]


def row_of(text: str, title: str) -> str:
    (line,) = [line for line in item_lines(text) if title in line]
    return line


FORUM_DAY = [
    ("opening", "remarks", "5m"),
    ("congrats", "remarks", "5m"),
    ("report", "talk", "10m"),
    ("break", "break", "10m"),
    ("forum", "panel", "20m", "10:30"),
]


def forum_day(end: str | None = None) -> Agenda:
    agenda = make_agenda(FORUM_DAY, end=end)
    sections = (Section("results", "① 성과 공유회"), Section("forum", "② 전문가 포럼"))
    agenda = dataclasses.replace(agenda, sections=sections)
    return with_details(
        agenda,
        opening={"title": "개회사", "speakers": (), "organisation": "NIPA"},
        congrats={"title": "축사", "speakers": (), "organisation": "과학기술정보통신부"},
        report={"title": "ICT규제샌드박스 소개 및 성과 보고", "section_id": "results"},
        forum={"title": "개인정보 규제 특례", "speakers": ("송도영 변호사",), "section_id": "forum"},
    )


# ---------------------------------------------------------------- the table


def test_every_item_shows_its_planned_start_end_and_length() -> None:
    text = format_check(forum_day())
    assert row_of(text, "개회사").startswith("  10:00–10:05      5m  remarks")
    assert row_of(text, "축사").startswith("  10:05–10:10      5m  remarks")
    assert row_of(text, "성과 보고").startswith("  10:10–10:20     10m  talk")
    assert row_of(text, "BREAK").startswith("  10:20–10:30     10m  break")
    assert row_of(text, "개인정보").startswith("  10:30–10:50     20m  panel")


def test_presenter_is_the_speaker_or_else_the_organisation() -> None:
    text = format_check(forum_day())
    assert "NIPA" in row_of(text, "개회사")
    assert "과학기술정보통신부" in row_of(text, "축사")
    assert "송도영 변호사" in row_of(text, "개인정보")
    assert "Speaker report" in row_of(text, "성과 보고")


def test_thresholds_show_per_item() -> None:
    agenda = make_agenda([("a", "talk", "10m")])
    tight = with_details(agenda, a={"thresholds": Thresholds(warning_ms=60_000, danger_ms=30_000)})
    assert "  2m/1m  " in row_of(format_check(agenda), "A")
    assert "  1m/30s  " in row_of(format_check(tight), "A")


def test_sections_head_their_items_once() -> None:
    lines = format_check(forum_day()).splitlines()
    assert lines.count("  ① 성과 공유회") == 1 and lines.count("  ② 전문가 포럼") == 1
    first, second = lines.index("  ① 성과 공유회"), lines.index("  ② 전문가 포럼")
    assert "성과 보고" in lines[first + 1]
    assert "개인정보" in lines[second + 1]
    # The break belongs to no section: a blank line closes ①, no heading opens another.
    assert lines[lines.index(row_of("\n".join(lines), "BREAK")) - 1] == ""


def test_header_names_the_event_and_its_times() -> None:
    agenda = forum_day()
    event = dataclasses.replace(agenda.event, title="규제 개선 포럼", date="2025-12-02", venue="엘타워 골드홀")
    lines = format_check(dataclasses.replace(agenda, event=event)).splitlines()
    assert lines[0] == "규제 개선 포럼"
    assert lines[1] == "2025-12-02, 10:00–10:50, 엘타워 골드홀"


def test_fixed_start_and_elastic_break_are_marked() -> None:
    text = format_check(forum_day())
    assert row_of(text, "개인정보").endswith("[fixed start]")
    assert row_of(text, "BREAK").endswith("[stretches or shrinks to end at 10:30]")
    assert "[" not in row_of(text, "축사")


# ---------------------------------------------------------------- totals and the end


def test_totals_count_items_breaks_and_time() -> None:
    text = format_check(forum_day())
    assert "5 items (1 break), planned 10:00–10:50 (50m): 40m on stage, 10m of breaks." in text
    assert "No gaps or overlaps between items." in text


def test_end_matches_the_event_end() -> None:
    assert format_check(forum_day(end="10:50")).splitlines()[-1] == "Ends 10:50 as planned."


def test_end_past_the_event_end_says_by_how_much() -> None:
    text = format_check(forum_day(end="10:45"))
    assert "Runs 5m past the event end 10:45 (the last item ends 10:50)." in text


def test_end_before_the_event_end_says_by_how_much() -> None:
    text = format_check(forum_day(end="11:00"))
    assert "Ends 10:50, 10m before the event end 11:00." in text


def test_a_loaded_agenda_names_its_file_as_valid() -> None:
    agenda = dataclasses.replace(forum_day(), source="agenda.yaml")
    assert format_check(agenda).splitlines()[-1] == "agenda.yaml: no errors."


# ---------------------------------------------------------------- gaps and overlaps


def test_gap_before_a_fixed_start_is_shown_where_it_is() -> None:
    text = format_check(make_agenda([("a", "talk", "10m"), ("b", "talk", "10m", "10:15")]))
    lines = item_lines(text)
    assert lines[1].startswith("  10:10–10:15      5m  (gap)")
    assert "nothing planned before 'b'" in lines[1]
    assert lines[2].startswith("  10:15–10:25     10m  talk ")
    assert "planned 10:00–10:25 (25m): 20m on stage, 0m of breaks, 5m of gaps." in text
    assert "1 gap between items (see above)." in text


def test_overlap_with_a_fixed_start_is_shown_where_it_is() -> None:
    text = format_check(make_agenda([("a", "talk", "20m"), ("b", "talk", "10m", "10:15")]))
    lines = item_lines(text)
    assert lines[1].startswith("  10:15–10:20      5m  (OVERLAP)")
    assert "'a' is still running when 'b' is fixed to start" in lines[1]
    assert "5m overlapping" in text
    assert "1 overlap between items (see above)." in text


def test_gaps_and_overlaps_are_counted_together() -> None:
    rows = [("a", "talk", "10m"), ("b", "talk", "10m", "10:15"), ("c", "talk", "10m", "10:20")]
    text = format_check(make_agenda(rows))
    assert "1 gap and 1 overlap between items (see above)." in text
    assert "5m of gaps, 5m overlapping" in text


def test_break_before_a_fixed_start_explains_how_the_show_absorbs_it() -> None:
    gap = format_check(make_agenda([("a", "talk", "10m"), ("b", "break", "10m"), ("c", "talk", "5m", "10:25")]))
    assert "the break before it stretches to 10:25 during the show" in gap
    over = format_check(make_agenda([("a", "talk", "10m"), ("b", "break", "10m"), ("c", "talk", "5m", "10:15")]))
    assert "the break shrinks to end at 10:15 during the show (never below 5m)" in over


def test_a_first_item_after_the_event_start_leaves_a_gap() -> None:
    agenda = make_agenda([("a", "talk", "10m", "10:05")])
    agenda = dataclasses.replace(agenda, event=dataclasses.replace(agenda.event, start_ms=10 * 3_600_000))
    lines = item_lines(format_check(agenda))
    assert lines[0].startswith("  10:00–10:05      5m  (gap)")
    assert "the event starts 10:00, the first item at 10:05" in lines[0]


# ---------------------------------------------------------------- alignment


def test_hangul_counts_two_columns() -> None:
    assert display_width("개회사") == 6
    assert display_width("KT 발표") == 7
    assert display_width("ＡＢ") == 4  # noqa: RUF001 - full-width Latin letters are what this line tests
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_columns_line_up_in_display_width_whatever_the_script() -> None:
    text = format_check(forum_day())
    rows = [line for line in item_lines(text) if "(gap)" not in line]
    agenda = forum_day()
    presenters = ["NIPA", "과학기술정보통신부", "Speaker report", "Speaker break", "송도영 변호사"]
    titles = [item.title for item in agenda.items]
    # Where the presenter and the title begin, in terminal columns, is the same on every row.
    presenter_at = {display_width(row[: row.index(name)]) for row, name in zip(rows, presenters, strict=True)}
    title_at = {
        display_width(row[: row.index(title, row.index(name) + len(name))])
        for row, name, title in zip(rows, presenters, titles, strict=True)
    }
    assert len(presenter_at) == 1 and len(title_at) == 1
    heading = next(line for line in text.splitlines() if line.startswith("  planned"))
    assert display_width(heading[: heading.index("presenter")]) in presenter_at
    assert display_width(heading[: heading.index("title")]) in title_at


def test_no_line_ends_in_spaces() -> None:
    assert all(line == line.rstrip() for line in format_check(forum_day()).splitlines())


# ---------------------------------------------------------------- errors


def test_errors_one_per_line_then_the_count() -> None:
    errors = [
        AgendaError("agenda.yaml", 12, 5, "unknown key 'duraton' in an item", "one of id, kind, duration",
                    "did you mean 'duration'?"),
        AgendaError("agenda.yaml", 20, 15, "duration: 'ten' is not a duration", "a duration such as 10m"),
    ]  # fmt: skip
    assert format_errors(errors).splitlines() == [
        "agenda.yaml:12:5: unknown key 'duraton' in an item; expected one of id, kind, duration "
        "(did you mean 'duration'?)",
        "agenda.yaml:20:15: duration: 'ten' is not a duration; expected a duration such as 10m",
        "2 errors in agenda.yaml",
    ]


def test_one_error_is_counted_in_the_singular() -> None:
    text = format_errors([AgendaError("my event.yaml", 3, 1, "not valid YAML: found a tab")])
    assert text.splitlines() == ["my event.yaml:3:1: not valid YAML: found a tab", "1 error in my event.yaml"]
