"""Builds small agendas in code, so core tests do not depend on the YAML loader."""

from __future__ import annotations

from stagetimer.core.agenda.model import Agenda, Event, Item, Section, Thresholds
from stagetimer.core.timefmt import parse_duration, parse_time_of_day

MIN = 60_000


def make_agenda(
    rows: list[tuple[str, str, str] | tuple[str, str, str, str]],
    start: str = "10:00",
    end: str | None = None,
    thresholds: Thresholds = Thresholds(),
) -> Agenda:
    """Rows are (id, kind, duration) or (id, kind, duration, fixed start)."""
    items: list[Item] = []
    chain = parse_time_of_day(start)
    for row in rows:
        item_id, kind, duration = row[0], row[1], row[2]
        fixed = parse_time_of_day(row[3]) if len(row) > 3 else None
        begin = chain if fixed is None else fixed
        length = parse_duration(duration)
        items.append(
            Item(
                id=item_id,
                kind=kind,
                title=item_id.upper(),
                duration_ms=length,
                planned_start_ms=begin,
                thresholds=thresholds,
                speakers=(f"Speaker {item_id}",),
                fixed_start_ms=fixed,
            )
        )
        chain = begin + length
    event = Event(
        title="Test event",
        start_ms=parse_time_of_day(start),
        end_ms=parse_time_of_day(end) if end else chain,
    )
    return Agenda(event=event, thresholds=thresholds, sections=(Section("s", "Section"),), items=tuple(items))
