"""What actually happened on stage, rebuilt from the show's journal.

The report replays the journal through the same replay the app recovers
with (``core.show.replay``), so the show's stage log — which item held the
stage, when, and whether its clock ran — and every item's over/under come
out exactly as the Control window showed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.accounting import MISKEY_MS, Segment
from stagetimer.core.show.replay import replay_journal
from stagetimer.core.show.snapshot import ItemView

__all__ = ["MISKEY_MS", "Segment", "Timeline", "replay"]


@dataclass(frozen=True)
class Timeline:
    """The replayed show: every item's segments and the state at the end."""

    segments: tuple[tuple[Segment, ...], ...]  # per agenda item
    stage: str  # welcome, live or closing at the end of the journal
    live_index: int | None  # the item on stage at the end, if it has started
    added_ms: tuple[int, ...]  # stage-manager adjustments per item (±1 min keys)
    as_of_tod_ms: int | None  # the time of day the replay ends at; None: nothing recorded
    notes: tuple[str, ...]
    views: tuple[ItemView, ...] = ()  # the Control window's rows at that time (over/under, status)
    replanned_ms: tuple[int | None, ...] = ()  # the planner's new length per item (None: as planned)


def replay(agenda: Agenda, records: list[dict[str, Any]], now_wall_ms: int | None = None) -> Timeline:
    """Replay the journal's checkpoints and commands into per-item segments.

    ``now_wall_ms`` extends the item still on stage up to that wall-clock
    instant (the show goes on while the report is written); without it the
    replay ends at the last record.
    """
    replayed = replay_journal(agenda, records, FakeClock())  # every command at its recorded show time
    show, last = replayed.show, replayed.last
    if show is None or last is None:
        return Timeline(tuple(() for _ in agenda.items), "welcome", None, tuple(0 for _ in agenda.items), None,
                        tuple(replayed.notes))
    end_show_ms = int(last["show_ms"])
    if now_wall_ms is not None:
        end_show_ms += int(max(0, now_wall_ms - int(last["wall_ms"])) * show.speed)
    end_tod = show.tod_ms(end_show_ms)
    log = show.log
    return Timeline(
        segments=tuple(log.segments(index, end_tod) for index in range(len(agenda.items))),
        stage=show.state.stage,
        live_index=log.open_index,
        added_ms=tuple(item.adjust_ms for item in show.state.items),
        as_of_tod_ms=end_tod,
        notes=tuple(replayed.notes),
        views=show.snapshot(end_show_ms).items,
        replanned_ms=tuple(item.replanned_ms for item in show.state.items),
    )
