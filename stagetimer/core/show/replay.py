"""Rebuilding a show from its journal: one replay for crash recovery and the report.

Every checkpoint resets the state to what it wrote down; every command after
it is applied again through the door at its recorded show time. The stage
log runs through the whole journal, so time on stage and over/under come
out the same whether the app is running, was restarted, or is reporting
afterwards. Replaying announces nothing: past events are not news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.show.state_io import state_from_dict


@dataclass
class Replayed:
    """The show as the journal leaves it (None if nothing was recorded) and what could not be used."""

    show: Show | None
    last: dict[str, Any] | None  # the last record applied (its show_ms and wall_ms place the end)
    notes: list[str] = field(default_factory=list)


def replay_journal(agenda: Agenda, records: list[dict[str, Any]], clock: Clock) -> Replayed:
    """Replay ``records`` (a journal's, in order) onto ``agenda``."""
    result = Replayed(None, None)
    for record in records:
        show_ms, wall_ms = record.get("show_ms"), record.get("wall_ms")
        if not isinstance(show_ms, int) or not isinstance(wall_ms, int):
            continue
        kind = record.get("type")
        if kind == "checkpoint":
            result.show = _from_checkpoint(agenda, record, clock, result.show, result.notes)
        elif kind == "command" and result.show is not None:
            if not apply_recorded(result.show, record, result.notes):
                continue
        else:
            continue
        result.last = record
    return result


def apply_recorded(show: Show, record: dict[str, Any], notes: list[str]) -> bool:
    """Apply a journaled command at its recorded show time.

    A command that no longer applies (the agenda was edited since) is noted
    and skipped: the rest of the record still counts.
    """
    try:
        command = Command.from_dict(record["command"])
        outcome = show.apply(command, now_ms=int(record["show_ms"]))
    except (ValueError, KeyError, TypeError) as error:
        notes.append(f"Skipped a recorded command that could not be read: {error}")
        return False
    if not outcome.applied:
        notes.append(f"Skipped a recorded command that no longer applies: {command.action} ({outcome.reason})")
        return False
    return True


def _from_checkpoint(
    agenda: Agenda, record: dict[str, Any], clock: Clock, show: Show | None, notes: list[str]
) -> Show:
    """The show as a checkpoint wrote it down, with the stage log carried on."""
    show_ms = int(record["show_ms"])
    try:
        speed = float(record.get("speed", 1.0))
        anchor = int(record["anchor_tod_ms"])
        fresh = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor)
    except (KeyError, TypeError, ValueError) as error:
        notes.append(f"Ignored a checkpoint that could not be read: {error}")
        return show if show is not None else Show(agenda, clock)
    try:
        fresh.state = state_from_dict(record.get("state", {}), agenda)
    except (ValueError, TypeError, KeyError) as error:
        notes.append(f"A checkpoint does not fit this agenda ({error}); the replay goes on without it.")
        if show is not None:
            fresh.state = show.state
    if show is not None:
        # One history through the whole journal: time on stage, and what Ctrl+Z can still take back.
        fresh.log = show.log
        fresh.adopt_undo(show)
    starts = [item.actual_start_ms for item in fresh.state.items]
    fresh.log.observe(fresh.state, fresh.tod_ms(show_ms), starts)
    fresh.settle(show_ms)  # what the clock did before this point is history
    fresh.rebase(show_ms)
    return fresh
