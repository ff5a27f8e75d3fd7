"""What ``stagetimer plan`` prints: the re-planned timetable, old → new lengths and the new end.

The organiser rehearses "what if we start 13 minutes late" the day before:
the table is ``check``'s (same columns padded for Hangul), with the new times
beside the planned ones, each length that changes as ``20m → 17m``, and the
sentences a stage manager reads first — how late, what is recovered, the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.report.checktable import GUTTER, INDENT, display_width, pad
from stagetimer.core.show.planner import Plan, PlanRow
from stagetimer.core.timefmt import format_duration, format_tod

HEADINGS = ("planned", "re-planned", "length", "kind", "title")
RIGHT_ALIGNED = frozenset({2})


def _span(start_ms: int, end_ms: int) -> str:
    return f"{format_tod(start_ms)}–{format_tod(end_ms)}"


def _length(row: PlanRow) -> str:
    if row.new_ms == row.old_ms:
        return format_duration(row.old_ms)
    return f"{format_duration(row.old_ms)} → {format_duration(row.new_ms)}"


def _remark(agenda: Agenda, row: PlanRow) -> str:
    item = agenda.items[row.index]
    remarks: list[str] = []
    if item.fixed_start_ms is not None:
        late = row.start_ms - item.fixed_start_ms
        remarks.append(f"[fixed start {format_tod(item.fixed_start_ms)}, {format_duration(late)} late]" if late > 0
                       else "[fixed start]")
    if row.absorbs and item.ends_at_ms is not None:
        remarks.append(f"[ends at {format_tod(item.ends_at_ms)}, never below its min]")
    elif row.absorbs:
        remarks.append("[break: ends at the fixed start, never below its min]")
    elif row.shrunk:
        remarks.append(f"[shortened; min {format_duration(row.floor_ms)}]")
    return " ".join(remarks)


def _table(agenda: Agenda, plan: Plan) -> list[str]:
    rows: list[tuple[Sequence[str], str]] = []
    for row in plan.rows:
        item = agenda.items[row.index]
        cells = (_span(item.planned_start_ms, item.planned_end_ms), _span(row.start_ms, row.end_ms),
                 _length(row), item.kind, item.title)
        rows.append((cells, _remark(agenda, row)))
    widths = [max([display_width(HEADINGS[col])] + [display_width(cells[col]) for cells, _ in rows])
              for col in range(len(HEADINGS) - 1)]

    def line(cells: Sequence[str], remark: str = "") -> str:
        padded = [pad(cell, widths[col], col in RIGHT_ALIGNED) for col, cell in enumerate(cells[:-1])]
        text = INDENT + GUTTER.join([*padded, cells[-1]])
        return (text + GUTTER + remark if remark else text).rstrip()

    rules = ["-" * width for width in widths] + ["-" * display_width(HEADINGS[-1])]
    return [line(HEADINGS), line(rules)] + [line(cells, remark) for cells, remark in rows]


def _verdict(plan: Plan) -> list[str]:
    """The sentences under the table: how late without the plan, what it recovers, the new end."""
    by = format_tod(plan.finish_by_ms)
    out: list[str] = []
    for deadline in plan.deadlines:
        if deadline.item_id and deadline.over_ms:
            out.append(f"'{deadline.item_id}' starts {format_duration(deadline.over_ms)} after its fixed start "
                       f"{format_tod(deadline.at_ms)}: the items before it cannot shrink enough.")
    if not plan.shortfall_ms:
        out.append(f"Ends {format_tod(plan.end_ms)}, by {by}: nothing needs to shrink.")
        return out
    out.append(f"Without changes the day ends {format_tod(plan.projected_end_ms)}, "
               f"{format_duration(plan.shortfall_ms)} past {by}.")
    count = len(plan.changes)
    items = "1 item" if count == 1 else f"{count} items"
    recovered = f"Shortening {items} recovers {format_duration(plan.recovered_ms)}" if count else "Nothing can shrink"
    if plan.on_time:
        out.append(f"{recovered}: the day ends {format_tod(plan.end_ms)}, on time.")
    else:
        out.append(f"{recovered}; even at every min the day ends {format_tod(plan.end_ms)}: "
                   f"{format_duration(plan.over_ms)} short.")
    return out


def format_plan(agenda: Agenda, plan: Plan, late_ms: int) -> str:
    """The whole printout of ``stagetimer plan``."""
    event = agenda.event
    out = [event.title]
    if plan.rows:
        first = agenda.items[plan.rows[0].index]
        starts = format_tod(plan.rows[0].start_ms)
        out.append(f"If '{first.id}' starts {format_duration(late_ms)} late ({starts} instead of "
                   f"{format_tod(first.planned_start_ms)}); the day must end by {format_tod(plan.finish_by_ms)}.")
    out += ["", *_table(agenda, plan), "", *_verdict(plan)]
    return "\n".join(out)
