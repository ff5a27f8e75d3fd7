"""An agenda as plain JSON data, and back: what the journal keeps of the agenda in force.

The journal replays positional commands (next, previous) on the agenda that
was in force when they were pressed; after a live edit that is no longer the
file on disk. So every checkpoint carries the agenda itself, and a replay
switches agendas where the show did.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from stagetimer.core.agenda.model import Agenda, Event, Item, Section, Thresholds


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """JSON-ready form (tuples become lists)."""
    return dataclasses.asdict(agenda)


def agenda_from_dict(data: dict[str, Any]) -> Agenda:
    """The agenda ``agenda_to_dict`` wrote. Raises KeyError, TypeError or ValueError on damaged data."""
    agenda = _build(data)
    _check_kinds(agenda)
    return agenda


def _build(data: dict[str, Any]) -> Agenda:
    items = tuple(
        Item(**{**raw, "thresholds": Thresholds(**raw["thresholds"]), "speakers": tuple(raw.get("speakers", ()))})
        for raw in data["items"]
    )
    return Agenda(
        event=Event(**data["event"]),
        thresholds=Thresholds(**data["thresholds"]),
        sections=tuple(Section(**raw) for raw in data["sections"]),
        items=items,
        source=str(data.get("source", "")),
    )


def _check_kinds(agenda: Agenda) -> None:
    """Every field of the kind its dataclass declares (a damaged journal brings strings for numbers)."""
    things: list[Event | Thresholds | Section | Item] = [
        agenda.event, agenda.thresholds, *agenda.sections, *agenda.items, *(item.thresholds for item in agenda.items)
    ]
    for thing in things:
        for spec in dataclasses.fields(thing):
            value = getattr(thing, spec.name)
            kind = str(spec.type)
            if kind == "int" and (isinstance(value, bool) or not isinstance(value, int) or abs(value) > _LIMIT):
                raise TypeError(f"{spec.name} is {value!r}, not a whole number")
            if kind == "int | None" and value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"{spec.name} is {value!r}, not a whole number")
            if kind == "str" and not isinstance(value, str):
                raise TypeError(f"{spec.name} is {value!r}, not text")
            if kind == "tuple[str, ...]" and not all(isinstance(part, str) for part in value):
                raise TypeError(f"{spec.name} holds {value!r}, not text")


#: No time in an agenda is beyond a year (ms).
_LIMIT = 366 * 86_400_000
