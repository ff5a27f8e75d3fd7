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
