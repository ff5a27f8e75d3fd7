"""The show's state as a small JSON document for scripts and monitoring."""

from __future__ import annotations

import json
from typing import Any

from stagetimer.core.show.snapshot import ClockState, Snapshot
from stagetimer.core.timefmt import format_tod


def status_dict(snapshot: Snapshot) -> dict[str, Any]:
    """What ``stagetimer status`` prints: enough to page someone, nothing more."""
    current = snapshot.current
    return {
        "stage": snapshot.stage,
        "item_id": current.id if current else None,
        "title": current.title if current else None,
        "speaker": current.speaker_text if current else None,
        "state": _state(snapshot),
        "running": snapshot.running,
        "paused": snapshot.paused,
        "remaining_seconds": round(snapshot.remaining_ms / 1000, 3) if current else None,
        "countdown": snapshot.countdown_text or None,
        "phase": snapshot.phase,
        "over_under_seconds": round(snapshot.over_under_ms / 1000, 3),
        "item_over_under_seconds": _seconds(current.over_under_ms) if current else None,
        "next_item_id": snapshot.next.id if snapshot.next else None,
        "time_of_day": format_tod(snapshot.time_of_day_ms, seconds=True),
        "projected_end": format_tod(snapshot.projected_end_ms),
        "planned_end": format_tod(snapshot.planned_end_ms),
    }


def _state(snapshot: Snapshot) -> str:
    """running / paused / ready while an item is loaded; before the first and after the last, say so.

    "ready" is an item loaded (after next) whose clock was never started:
    a monitor must not page anyone about a pause nobody made.
    """
    return {ClockState.NOT_STARTED: "not started", ClockState.FINISHED: "finished"}.get(
        snapshot.clock_state, snapshot.clock_state.value
    )


def _seconds(ms: int | None) -> float | None:
    return None if ms is None else round(ms / 1000, 3)


def status_json(snapshot: Snapshot) -> str:
    return json.dumps(status_dict(snapshot), ensure_ascii=False, indent=2)
