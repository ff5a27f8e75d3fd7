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

A damaged journal loses only what is damaged: a record with a field of the
wrong kind is noted (with its line) and skipped; if no checkpoint can be
read, the show is rebuilt from the commands alone, anchored by their
wall-clock stamps.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.agenda.plain import agenda_from_dict
from stagetimer.core.clock import Clock
from stagetimer.core.show.commands import Command, ReloadAgenda
from stagetimer.core.show.journal import LINE_KEY
from stagetimer.core.show.show import Show
from stagetimer.core.show.state_io import checked_ms, state_from_dict

#: The rehearsal speeds a journal may hold (as ``--speed`` accepts them, with room).
SPEED_RANGE = (0.01, 1000.0)
#: Wall-clock stamps outside these years are damage (ms since the epoch).
WALL_RANGE = (946_684_800_000, 4_102_444_800_000)  # 2000-01-01 .. 2100-01-01


@dataclass
class Replayed:
    """The show as the journal leaves it (None if nothing was recorded) and what could not be used."""

    show: Show | None
    last: dict[str, Any] | None  # the last record applied (its stamps place the end of the replay)
    notes: list[str] = field(default_factory=list)


def where(record: dict[str, Any]) -> str:
    """``line 12`` of the journal, for a note."""
    line = record.get(LINE_KEY)
    return f"line {line}" if isinstance(line, int) else "a record"


def stamps_ok(record: dict[str, Any], notes: list[str]) -> bool:
    """Whether the record's show time and wall-clock stamp are usable (noted when not)."""
    show_ms, wall_ms = record.get("show_ms"), record.get("wall_ms")
    try:
        checked_ms(show_ms, "show_ms")
    except (TypeError, ValueError) as error:
        notes.append(f"{where(record)}: skipped a record with a damaged time ({error})")
        return False
    if isinstance(wall_ms, bool) or not isinstance(wall_ms, int) or not WALL_RANGE[0] <= wall_ms <= WALL_RANGE[1]:
        notes.append(f"{where(record)}: skipped a record with a damaged time (wall_ms is {wall_ms!r})")
        return False
    return True


def replay_journal(agenda: Agenda, records: list[dict[str, Any]], clock: Clock) -> Replayed:
    """Replay ``records`` (a journal's, in order) onto ``agenda``."""
    result = Replayed(None, None)
    in_force: dict[str, Agenda] = {}  # agenda data → Agenda, parsed once
    for record in records:
        kind = record.get("type")
        if kind not in ("checkpoint", "command") or not stamps_ok(record, result.notes):
            continue
        if kind == "checkpoint":
            recorded = _recorded_agenda(record, agenda, in_force, result.notes)
            show = _from_checkpoint(recorded, record, clock, result.show, result.notes)
            if show is None:
                continue
            result.show = show
        else:
            if result.show is None:
                result.show = _without_checkpoint(agenda, record, clock, result.notes)
            if not apply_recorded(result.show, record, result.notes):
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


def apply_recorded(show: Show, record: dict[str, Any], notes: list[str]) -> bool:
    """Apply a journaled command at its recorded show time.

    A command that no longer applies (the agenda was edited since) is noted
    and skipped: the rest of the record still counts.
    """
    try:
        command = Command.from_dict(record["command"])
    except (ValueError, KeyError, TypeError) as error:
        notes.append(f"{where(record)}: skipped a recorded command that could not be read ({error})")
        return False
    outcome = show.apply(command, now_ms=int(record["show_ms"]))
    if not outcome.applied:
        notes.append(f"{where(record)}: skipped a recorded command that no longer applies: "
                     f"{command.action} ({outcome.reason})")
        return False
    return True


def _recorded_agenda(
    record: dict[str, Any], agenda: Agenda, in_force: dict[str, Agenda], notes: list[str]
) -> Agenda:
    """The agenda a checkpoint was written with (``agenda`` when it carries none, or it cannot be read)."""
    data = record.get("agenda_data")
    if not isinstance(data, dict):
        return agenda
    try:
        key = json.dumps(data, sort_keys=True, ensure_ascii=False)
    except (ValueError, RecursionError):
        notes.append(f"{where(record)}: the checkpoint's agenda could not be read; the agenda file is used instead")
        return agenda
    if key not in in_force:
        try:
            in_force[key] = agenda_from_dict(data)
        except (KeyError, TypeError, ValueError, RecursionError) as error:
            notes.append(f"{where(record)}: the checkpoint's agenda could not be read ({error}); "
                         "the agenda file is used instead")
            in_force[key] = agenda
    return in_force[key]


def _speed(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"speed is {value!r}, not a number")
    if not SPEED_RANGE[0] <= value <= SPEED_RANGE[1]:
        raise ValueError(f"speed is {value}, outside {SPEED_RANGE[0]:g}–{SPEED_RANGE[1]:g}")
    return float(value)


def _from_checkpoint(
    agenda: Agenda, record: dict[str, Any], clock: Clock, show: Show | None, notes: list[str]
) -> Show | None:
    """The show as a checkpoint wrote it down (on the agenda then in force), its history carried on.

    None when the checkpoint is damaged: the replay goes on from what it had.
    """
    show_ms = int(record["show_ms"])
    try:
        speed = _speed(record.get("speed", 1.0))
        anchor = checked_ms(record.get("anchor_tod_ms"), "anchor_tod_ms")
        state = state_from_dict(record.get("state", {}), agenda)
    except (KeyError, TypeError, ValueError) as error:
        notes.append(f"{where(record)}: skipped a damaged checkpoint ({error})")
        return None
    if show is not None and show.agenda != agenda:  # a live edit: the history follows its items by id
        show.apply(ReloadAgenda(agenda), now_ms=show_ms)
    fresh = Show(agenda, clock, speed=speed, anchor_tod_ms=anchor)
    fresh.state = state
    if show is not None and show.agenda == agenda:
        fresh.adopt_history(show)  # time on stage, what Ctrl+Z can take back, alarms announced
    starts = [item.actual_start_ms for item in fresh.state.items]
    fresh.log.observe(fresh.state, fresh.tod_ms(show_ms), starts)
    fresh.settle(show_ms)  # what the clock did before this point is history
    fresh.rebase(show_ms)
    return fresh


def _without_checkpoint(agenda: Agenda, record: dict[str, Any], clock: Clock, notes: list[str]) -> Show:
    """No checkpoint could be read before this command: begin from its wall-clock stamp.

    The command's show time and its wall-clock stamp together give the
    anchor (the time of day at show time 0); the speed is taken as 1.
    """
    show_ms, wall_ms = int(record["show_ms"]), int(record["wall_ms"])
    notes.append(f"{where(record)}: no readable checkpoint before this command; the show is rebuilt "
                 "from the commands alone, timed by their wall-clock stamps")
    show = Show(agenda, clock, anchor_tod_ms=clock.tod_of_wall(wall_ms) - show_ms)
    show.settle(show_ms)
    return show
