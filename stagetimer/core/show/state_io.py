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
        "auto_replan": state.auto_replan,
    }


#: The largest time a record may hold (ms): beyond a year, it is damage, not a show.
LIMIT_MS = 366 * 24 * 3_600_000
#: ItemState fields that hold a time (ms); the others are flags.
_TIME_FIELDS = {"elapsed_ms", "run_from_ms", "adjust_ms", "actual_start_ms", "actual_end_ms",
                "base_allotted_ms", "overtime_flash_from_ms", "replanned_ms"}
_OPTIONAL = {"run_from_ms", "actual_start_ms", "actual_end_ms", "base_allotted_ms", "overtime_flash_from_ms",
             "replanned_ms"}


def checked_ms(value: Any, what: str, optional: bool = False) -> int | None:
    """``value`` if it is a whole number of ms within ±LIMIT_MS (or None where allowed).

    TypeError for a value of the wrong kind, ValueError for one out of range.

    JSON brings strings, floats, NaN, Infinity and booleans where a number
    belongs when a journal is damaged or hand-edited: each is refused here,
    by name, rather than failing later in the middle of a tick.
    """
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} is {value!r}, not a whole number of milliseconds")
    if abs(value) > LIMIT_MS:
        raise ValueError(f"{what} is {value} ms, beyond any show")
    return value


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} is {value!r}, not true or false")
    return value


def _item_state(raw: Any, item_id: str) -> ItemState:
    if not isinstance(raw, dict):
        raise TypeError(f"item {item_id!r} is {raw!r}, not a record")
    values: dict[str, Any] = {}
    for name in _ITEM_FIELDS:
        if name not in raw:
            continue
        what = f"item {item_id!r} {name}"
        if name in _TIME_FIELDS:
            values[name] = checked_ms(raw[name], what, name in _OPTIONAL)
        else:
            values[name] = _flag(raw[name], what)
    return ItemState(**values)


def state_from_dict(data: dict[str, Any], agenda: Agenda) -> ShowState:
    """Rebuild a state for ``agenda``; items no longer in it are dropped.

    Raises ValueError when the item that was live is not in the agenda, since
    silently moving the show to another item is the one thing it must not do;
    TypeError or ValueError when a field is not what it should be (a damaged record).
    """
    if not isinstance(data, dict):
        raise TypeError(f"the state is {data!r}, not a record")
    records = data.get("items", {})
    if not isinstance(records, dict):
        raise TypeError(f"the items are {records!r}, not a record")
    items = []
    for item in agenda.items:
        raw = records.get(item.id)
        record = _item_state(raw, item.id) if raw else ItemState()
        if record.replanned_ms is not None and record.replanned_ms > item.duration_ms:
            record.replanned_ms = None  # an edit made the item shorter than the plan: the file's length stands
        items.append(record)
    stage = data.get("stage", "welcome")
    if stage not in ("welcome", "live", "closing"):
        raise ValueError(f"unknown stage {stage!r}")
    index = None
    if stage == "live":
        index = agenda.index_of(str(data.get("current")))
        if index is None:
            raise ValueError(f"the live item {data.get('current')!r} is not in the agenda")
    message = data.get("message", "")
    if not isinstance(message, str):
        raise TypeError(f"the message is {message!r}, not text")
    return ShowState(
        stage=stage,
        index=index,
        items=items,
        message=message,
        message_at_ms=checked_ms(data.get("message_at_ms", 0), "message_at_ms") or 0,
        message_item=agenda.index_of(str(data["message_item"])) if data.get("message_item") else None,
        message_pinned=_flag(data.get("message_pinned", False), "message_pinned"),
        flash_from_ms=checked_ms(data.get("flash_from_ms"), "flash_from_ms", optional=True),
        blackout=_flag(data.get("blackout", False), "blackout"),
        projector_countdown=_flag(data.get("projector_countdown", False), "projector_countdown"),
        auto_replan=_flag(data.get("auto_replan", False), "auto_replan"),
    )
