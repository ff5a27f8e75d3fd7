"""Pure schedule arithmetic: phases, elastic breaks and projected times.

Kept apart from the state machine so the rules a stage manager relies on
("the forum still starts at 11:30 if the break can absorb the delay") read
as a few small functions with no hidden state.
"""

from __future__ import annotations

from collections.abc import Sequence

from stagetimer.core.agenda.model import Agenda, Item, Thresholds
from stagetimer.core.show.state import ShowState


def phase_for(remaining_ms: int, thresholds: Thresholds) -> str:
    """normal → warning → danger → overtime, as remaining time runs down."""
    if remaining_ms < 0:
        return "overtime"
    if remaining_ms <= thresholds.danger_ms:
        return "danger"
    if remaining_ms <= thresholds.warning_ms:
        return "warning"
    return "normal"


def break_target_ms(agenda: Agenda, index: int) -> int | None:
    """The fixed start a break runs up to, if the item after it has one."""
    item = agenda.items[index]
    if item.kind != "break" or index + 1 >= len(agenda.items):
        return None
    return agenda.items[index + 1].fixed_start_ms


def is_elastic(agenda: Agenda, index: int) -> bool:
    """Whether the item's length depends on when it starts (fixed, then, when it begins)."""
    return agenda.items[index].ends_at_ms is not None or break_target_ms(agenda, index) is not None


def base_allotted_ms(agenda: Agenda, index: int, start_tod_ms: int, replanned_ms: int | None = None) -> int:
    """Planned length of an item started at ``start_tod_ms``, before adjustments.

    A break followed by a fixed start stretches or shrinks so the programme
    resumes on time: that is where earlier drift is absorbed. An item with
    ``ends_at`` does the same towards its own clock time: its countdown
    reaches zero then, whenever it starts (never below its ``min``).
    ``replanned_ms`` is the planner's new length for the item
    (ItemState.replanned_ms), if any.
    """
    item = agenda.items[index]
    target = break_target_ms(agenda, index) if item.ends_at_ms is None else item.ends_at_ms
    if target is None:
        return item.duration_ms if replanned_ms is None else replanned_ms
    return max(target - start_tod_ms, item.floor_ms)  # never below its min (a break's default: 5 m)


def allotted_ms(agenda: Agenda, state: ShowState, index: int, tod_ms: int) -> int:
    """Planned length plus adjustments; an unstarted break is elastic from ``tod_ms``."""
    item_state = state.items[index]
    base = item_state.base_allotted_ms
    if base is None:
        base = base_allotted_ms(agenda, index, tod_ms, item_state.replanned_ms)
    return base + item_state.adjust_ms


def project_upcoming(
    agenda: Agenda,
    first_index: int,
    chain_tod_ms: int,
    adjust_ms: list[int],
    replanned_ms: Sequence[int | None] = (),
) -> tuple[list[int], list[int]]:
    """Chain items from ``first_index`` on, starting no earlier than ``chain_tod_ms``.

    Each item starts when the one before ends, or at its fixed start if that is
    later; an item never starts before its fixed start, so fixed starts absorb
    any time the show has gained or (through breaks) lost. ``replanned_ms``:
    each item's re-planned length (None: as planned), when the planner changed any.
    """
    starts: list[int] = []
    ends: list[int] = []
    chain = chain_tod_ms
    for index in range(first_index, len(agenda.items)):
        item: Item = agenda.items[index]
        start = chain if item.fixed_start_ms is None else max(chain, item.fixed_start_ms)
        replanned = replanned_ms[index] if replanned_ms else None
        end = start + base_allotted_ms(agenda, index, start, replanned) + adjust_ms[index]
        starts.append(start)
        ends.append(end)
        chain = end
    return starts, ends


def ms_to_tod_second(tod_ms: int) -> int:
    """Ms until the time of day's displayed second changes (1..1000)."""
    return 1000 - tod_ms % 1000


def ms_to_next_second(remaining_ms: int) -> int:
    """Ms until a running countdown's displayed whole second changes (1..1000)."""
    return (remaining_ms - 1) % 1000 + 1
