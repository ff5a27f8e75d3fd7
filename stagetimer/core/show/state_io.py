"""The show's state as plain data, keyed by item id.

Used for checkpoints in the journal (crash recovery) and for live agenda
reloads: because items are matched by their stable id, an item that was
renamed, moved or re-timed in the file keeps what already happened to it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.state import ItemState, ShowState

_ITEM_FIELDS = tuple(field.name for field in dataclasses.fields(ItemState))


def state_to_dict(state: ShowState, agenda: Agenda) -> dict[str, Any]:
    """JSON-ready form of ``state``; untouched items are left out."""
    fresh = ItemState()
    items = {
        agenda.items[index].id: dataclasses.asdict(record)
        for index, record in enumerate(state.items)
        if record != fresh
    }
    return {
        "stage": state.stage,
        "current": None if state.index is None else agenda.items[state.index].id,
        "items": items,
        "message": state.message,
        "message_at_ms": state.message_at_ms,
        "message_item": None if state.message_item is None else agenda.items[state.message_item].id,
        "message_pinned": state.message_pinned,
        "flash_from_ms": state.flash_from_ms,
        "blackout": state.blackout,
        "projector_countdown": state.projector_countdown,
    }


def state_from_dict(data: dict[str, Any], agenda: Agenda) -> ShowState:
    """Rebuild a state for ``agenda``; items no longer in it are dropped.

    Raises ValueError when the item that was live is not in the agenda, since
    silently moving the show to another item is the one thing it must not do.
    """
    records = data.get("items", {})
    items = []
    for item in agenda.items:
        raw = records.get(item.id)
        items.append(ItemState(**{k: raw[k] for k in _ITEM_FIELDS if k in raw}) if raw else ItemState())
    stage = data.get("stage", "welcome")
    if stage not in ("welcome", "live", "closing"):
        raise ValueError(f"unknown stage {stage!r}")
    index = None
    if stage == "live":
        index = agenda.index_of(str(data.get("current")))
        if index is None:
            raise ValueError(f"the live item {data.get('current')!r} is not in the agenda")
    return ShowState(
        stage=stage,
        index=index,
        items=items,
        message=str(data.get("message", "")),
        message_at_ms=int(data.get("message_at_ms", 0)),
        message_item=agenda.index_of(str(data["message_item"])) if data.get("message_item") else None,
        message_pinned=bool(data.get("message_pinned", False)),
        flash_from_ms=data.get("flash_from_ms"),
        blackout=bool(data.get("blackout", False)),
        projector_countdown=bool(data.get("projector_countdown", False)),
    )
