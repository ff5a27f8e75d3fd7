"""What ``stagetimer check`` prints: the planned timetable, or every error.

The stage manager runs ``check`` before the doors open to see the day as the
app will run it: every item's planned start and end, where the programme has
holes or collisions, and whether it ends when the event says it does. The
agenda is Korean and Hangul takes two columns in a terminal, so columns are
padded by display width, not by ``len``; otherwise every Korean row would
push the next column out of line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.core.agenda.model import Agenda, Item
from stagetimer.core.timefmt import format_duration, format_tod

INDENT = "  "
GUTTER = "  "
HEADINGS = ("planned", "length", "kind", "warn/danger", "presenter", "title")
#: Columns padded on the left (lengths line up on their unit).
RIGHT_ALIGNED = frozenset({1})
PRESENTER = HEADINGS.index("presenter")


# ---------------------------------------------------------------- display width


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters (Hangul, CJK) count two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue  # drawn over the character before it
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` display columns."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


# ---------------------------------------------------------------- the timetable


@dataclass(frozen=True)
class _Row:
    """One line of the table: an item, or a gap or overlap between two items."""

    cells: tuple[str, ...]
    section_id: str | None = None  # None: a gap/overlap line, which never opens a section
    remark: str = ""  # after the title, outside the grid


def _span(start_ms: int, end_ms: int) -> str:
    return f"{format_tod(start_ms)}–{format_tod(end_ms)}"


def _presenter(item: Item) -> str:
    return item.speaker_text or item.organisation


def _item_row(agenda: Agenda, index: int) -> _Row:
    item = agenda.items[index]
    following = agenda.items[index + 1] if index + 1 < len(agenda.items) else None
    remarks: list[str] = []
    if item.fixed_start_ms is not None:
        remarks.append("[fixed start]")
    if item.kind == "break" and following is not None and following.fixed_start_ms is not None:
        # schedule.base_allotted_ms: such a break absorbs drift during the show.
        remarks.append(f"[stretches or shrinks to end at {format_tod(following.fixed_start_ms)}]")
    if item.ends_at_ms is not None:
        remarks.append(f"[ends at {format_tod(item.ends_at_ms)} whenever it starts]")
    if item.then != "hold":
        grace = f" after {format_duration(item.grace_ms)}" if item.grace_ms else ""
        verb = "loads the next" if item.then == "load" else "starts the next"
        verb = "the closing screen" if following is None else verb
        remarks.append(f"[at zero: {verb}{grace}]")
    alerts = "/".join(format_duration(ms) if ms >= 0 else "-"  # a break's: none (model.NO_ALARMS)
                      for ms in (item.thresholds.warning_ms, item.thresholds.danger_ms))
    cells = (
        _span(item.planned_start_ms, item.planned_end_ms),
        format_duration(item.duration_ms),
        item.kind,
        alerts,
        _presenter(item),
        item.title,
    )
    return _Row(cells, item.section_id, " ".join(remarks))


def _between_row(agenda: Agenda, index: int, previous_end_ms: int) -> _Row | None:
    """A gap or overlap line before item ``index``, or None when it follows on exactly."""
    item = agenda.items[index]
    start = item.planned_start_ms
    if start == previous_end_ms:
        return None
    before = agenda.items[index - 1] if index > 0 else None
    if start > previous_end_ms:
        if before is None:
            why = f"the event starts {format_tod(previous_end_ms)}, the first item at {format_tod(start)}"
        elif before.kind == "break":
            why = f"nothing planned; the break before it stretches to {format_tod(start)} during the show"
        else:
            why = f"nothing planned before '{item.id}'"
        return _Row((_span(previous_end_ms, start), format_duration(start - previous_end_ms), "(gap)", "", why))
    assert before is not None  # the first item never starts before the event (the loader checks)
    if before.kind == "break":
        floor = format_duration(before.floor_ms)
        why = f"the break shrinks to end at {format_tod(start)} during the show (never below {floor})"
    else:
        why = f"'{before.id}' is still running when '{item.id}' is fixed to start"
    return _Row((_span(start, previous_end_ms), format_duration(previous_end_ms - start), "(OVERLAP)", "", why))


def _rows(agenda: Agenda) -> tuple[list[_Row], int, int]:
    """Every line of the table, with the total of gaps and of overlaps in ms."""
    rows: list[_Row] = []
    gaps = overlaps = 0
    chain = agenda.event.start_ms
    for index, item in enumerate(agenda.items):
        between = _between_row(agenda, index, chain)
        if between is not None:
            rows.append(between)
            if item.planned_start_ms > chain:
                gaps += item.planned_start_ms - chain
            else:
                overlaps += chain - item.planned_start_ms
        rows.append(_item_row(agenda, index))
        chain = max(chain, item.planned_end_ms) if index else item.planned_end_ms
    return rows, gaps, overlaps


def _table(agenda: Agenda, rows: list[_Row]) -> list[str]:
    # Gap/overlap lines carry their explanation in the presenter column and
    # let it run on, so they take part in the widths of the columns before it only.
    def width(col: int) -> int:
        cells = [row.cells[col] for row in rows if row.section_id is not None or col < PRESENTER]
        return max([display_width(HEADINGS[col])] + [display_width(cell) for cell in cells])

    widths = [width(col) for col in range(len(HEADINGS) - 1)]

    def line(cells: Sequence[str], remark: str = "") -> str:
        padded = [pad(cell, widths[col], col in RIGHT_ALIGNED) for col, cell in enumerate(cells[:-1])]
        text = INDENT + GUTTER.join([*padded, cells[-1]])
        return (text + GUTTER + remark if remark else text).rstrip()

    lines = [line(HEADINGS), line(["-" * width for width in widths] + ["-" * display_width(HEADINGS[-1])])]
    section = ""
    for row in rows:
        if row.section_id is not None and row.section_id != section:
            lines.append("")
            if row.section_id:
                title = agenda.section_title(row.section_id) or row.section_id
                lines.append(INDENT + title)
            section = row.section_id
        lines.append(line(row.cells, row.remark))
    return lines


def _end_sentence(agenda: Agenda, planned_end_ms: int) -> str:
    """The planned end against the event's end: the line a stage manager looks for first."""
    event_end = agenda.event.end_ms
    if planned_end_ms == event_end:
        return f"Ends {format_tod(event_end)} as planned."
    if planned_end_ms > event_end:
        return (
            f"Runs {format_duration(planned_end_ms - event_end)} past the event end {format_tod(event_end)} "
            f"(the last item ends {format_tod(planned_end_ms)})."
        )
    return (
        f"Ends {format_tod(planned_end_ms)}, {format_duration(event_end - planned_end_ms)} before "
        f"the event end {format_tod(event_end)}."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_check(agenda: Agenda) -> str:
    """The planned timetable of ``agenda`` with totals and the end against the event's end."""
    event = agenda.event
    facts = [fact for fact in (event.date, _span(event.start_ms, event.end_ms), event.venue, event.organiser) if fact]
    out = [event.title, ", ".join(facts), ""]
    if not agenda.items:
        return "\n".join([*out, "No items."])
    rows, gaps, overlaps = _rows(agenda)
    out += _table(agenda, rows)

    breaks = [item for item in agenda.items if item.kind == "break"]
    break_ms = sum(item.duration_ms for item in breaks)
    stage_ms = sum(item.duration_ms for item in agenda.items) - break_ms
    first_start = agenda.items[0].planned_start_ms
    planned_end = max(item.planned_end_ms for item in agenda.items)
    parts = [f"{format_duration(stage_ms)} on stage", f"{format_duration(break_ms)} of breaks"]
    if gaps:
        parts.append(f"{format_duration(gaps)} of gaps")
    if overlaps:
        parts.append(f"{format_duration(overlaps)} overlapping")
    counted = f"{_plural(len(agenda.items), 'item')} ({_plural(len(breaks), 'break')})"
    out += [
        "",
        f"{counted}, planned {_span(first_start, planned_end)} ({format_duration(planned_end - first_start)}): "
        + ", ".join(parts)
        + ".",
    ]
    if gaps or overlaps:
        count_gaps = sum(1 for row in rows if row.cells[2] == "(gap)")
        count_overlaps = sum(1 for row in rows if row.cells[2] == "(OVERLAP)")
        found = [_plural(n, word) for n, word in ((count_gaps, "gap"), (count_overlaps, "overlap")) if n]
        out.append(f"{' and '.join(found)} between items (see above).")
    else:
        out.append("No gaps or overlaps between items.")
    out.append(_end_sentence(agenda, planned_end))
    if agenda.source:
        out.append(f"{agenda.source}: no errors.")
    return "\n".join(out)


# ---------------------------------------------------------------- errors


def format_errors(errors: Sequence[AgendaError]) -> str:
    """Every error on its own line (``file:line:column: message; expected ...``) and a count."""
    if not errors:
        return "no errors"
    files = list(dict.fromkeys(error.file for error in errors))
    lines = [str(error) for error in errors]
    lines.append(f"{_plural(len(errors), 'error')} in {', '.join(files)}")
    return "\n".join(lines)
