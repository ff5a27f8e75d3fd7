"""Rebuilding a show from its journal: one replay for crash recovery and the report.

Every checkpoint resets the state to what it wrote down; every command after
it is applied again through the door at its recorded show time, on the
agenda that was in force then (each checkpoint carries it: ``next`` after a
live edit means the next item of the edited agenda). The stage log, the undo
history and the alarms announced run through the whole journal, so time on
stage and over/under come out the same whether the app is running, was
restarted, or is reporting afterwards; at the end the show moves onto the
agenda file as it is now, by item id. Replaying announces nothing: past
events are not news.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.agenda.plain import agenda_from_dict
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import Command, ReloadAgenda
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
    in_force: dict[str, Agenda] = {}  # agenda data → Agenda, parsed once
    for record in records:
        show_ms, wall_ms = record.get("show_ms"), record.get("wall_ms")
        if not isinstance(show_ms, int) or not isinstance(wall_ms, int):
            continue
        kind = record.get("type")
        if kind == "checkpoint":
            recorded = _recorded_agenda(record, agenda, in_force, result.notes)
            result.show = _from_checkpoint(recorded, record, clock, result.show, result.notes)
        elif kind == "command" and result.show is not None:
            if not apply_recorded(result.show, record, result.notes):
                continue
        else:
            continue
        result.last = record
    show, last = result.show, result.last
    if show is not None and last is not None and show.agenda != agenda:
        # The file was edited since the last checkpoint: carry the show over by item id, as a live edit would.
        outcome = show.apply(ReloadAgenda(agenda), now_ms=int(last["show_ms"]))
        if not outcome.applied:
            result.notes.append(f"The recorded show cannot go on with the agenda file as it is now "
                                f"({outcome.reason} {outcome.params}); starting fresh.")
            result.show = None
    return result


def _recorded_agenda(
    record: dict[str, Any], agenda: Agenda, in_force: dict[str, Agenda], notes: list[str]
) -> Agenda:
    """The agenda a checkpoint was written with (``agenda`` when it carries none, or it cannot be read)."""
    data = record.get("agenda_data")
    if not isinstance(data, dict):
        return agenda
    key = json.dumps(data, sort_keys=True, ensure_ascii=False)
    if key not in in_force:
        try:
            in_force[key] = agenda_from_dict(data)
        except (KeyError, TypeError, ValueError) as error:
            notes.append(f"A checkpoint's agenda could not be read ({error}); the agenda file is used instead.")
            in_force[key] = agenda
    return in_force[key]


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
    """The show as a checkpoint wrote it down (on the agenda then in force), its history carried on."""
    show_ms = int(record["show_ms"])
    try:
        speed = float(record.get("speed", 1.0))
        anchor = int(record["anchor_tod_ms"])
        fresh = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor)
    except (KeyError, TypeError, ValueError) as error:
        notes.append(f"Ignored a checkpoint that could not be read: {error}")
        return show if show is not None else Show(agenda, clock)
    if show is not None and show.agenda != agenda:  # a live edit: the history follows its items by id
        show.apply(ReloadAgenda(agenda), now_ms=show_ms)
    try:
        fresh.state = state_from_dict(record.get("state", {}), agenda)
    except (ValueError, TypeError, KeyError) as error:
        notes.append(f"A checkpoint does not fit this agenda ({error}); the replay goes on without it.")
        if show is not None and show.agenda == agenda:
            fresh.state = show.state
    if show is not None and show.agenda == agenda:
        fresh.adopt_history(show)  # time on stage, what Ctrl+Z can take back, alarms announced
    starts = [item.actual_start_ms for item in fresh.state.items]
    fresh.log.observe(fresh.state, fresh.tod_ms(show_ms), starts)
    fresh.settle(show_ms)  # what the clock did before this point is history
    fresh.rebase(show_ms)
    return fresh
