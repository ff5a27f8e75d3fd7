"""What happens at zero (``then:`` and ``grace:``), and items that end at a clock time (``ends_at:``).

``then`` is read at the top of the agenda (the default for every item) and
on an item (its own); ``grace`` only means something where the item's
``then`` is ``load``, so anywhere else it is an error rather than a setting
that silently does nothing. An ``ends_at`` item's length follows from its
start, so it has no ``duration``; its planned length (``ends_at`` − planned
start) must be above zero, which only the planning of the whole list can
tell (``check_ends_at``).
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from stagetimer.core.agenda.block_reader import BlockReader, KeyMap
from stagetimer.core.agenda.errors import Phrase, did_you_mean, one_of
from stagetimer.core.agenda.limits import WORD
from stagetimer.core.agenda.model import THEN_CHOICES
from stagetimer.core.timefmt import format_duration, format_tod
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: The keys this module reads, wherever they stand.
AT_ZERO_KEYS = ("then", "grace")


@dataclass(frozen=True)
class AtZero:
    """What happens when the countdown reaches zero: ``then`` (THEN_CHOICES) and the grace of a ``load``."""

    then: str = "hold"
    grace_ms: int = 0


#: Today's behaviour, the default: the item stays on stage and counts overtime.
HOLD = AtZero()


def read_at_zero(b: BlockReader, keys: KeyMap, default: AtZero) -> AtZero:
    """``then`` and ``grace`` from ``keys`` (over ``default``), each mistake located."""
    then = default.then
    if "then" in keys:
        node = keys["then"][1]
        value = b.r.text(node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "then")), WORD)
        if value is not None and value not in THEN_CHOICES:
            unknown = QT_TRANSLATE_NOOP("AgendaErrors", "unknown 'then' '{then}': what happens at zero")
            b.r.error(node, Phrase.of(unknown, then=value), one_of(THEN_CHOICES), did_you_mean(value, THEN_CHOICES))
        elif value is not None:
            then = value
    grace = default.grace_ms if then == "load" else 0
    if "grace" in keys:
        node = keys["grace"][1]
        value_ms = b.duration(node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "grace")), allow_zero=True)
        if value_ms is not None and then != "load":
            only = QT_TRANSLATE_NOOP("AgendaErrors", "'grace' applies to 'then: load' only (here 'then' is {then})")
            wanted = QT_TRANSLATE_NOOP("AgendaErrors", "then: load with grace: 30s, or no grace")
            b.r.error(node, Phrase.of(only, then=then), Phrase.of(wanted))
        elif value_ms is not None:
            grace = value_ms
    return AtZero(then, grace)


def read_ends_at(b: BlockReader, keys: KeyMap, item_id: str) -> int | None:
    """The item's ``ends_at`` time of day; given with a ``duration`` it is an error (which would win?)."""
    node = keys["ends_at"][1]
    value = b.time(node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "ends_at")))
    if value is not None and "duration" in keys:
        both = QT_TRANSLATE_NOOP(
            "AgendaErrors", "item '{id}' has both 'duration' and 'ends_at': its length follows from 'ends_at'"
        )
        one = QT_TRANSLATE_NOOP("AgendaErrors", "one of them (min: for the shortest it may become)")
        b.r.error(keys["ends_at"][0], Phrase.of(both, id=item_id), Phrase.of(one))
        return None
    return value


def check_ends_at(
    b: BlockReader, node: Node, item_id: str, ends_at: int, begin: int, event_start: int, min_ms: int | None
) -> int | None:
    """The planned length of an item that ends at ``ends_at`` and is planned to begin at ``begin``.

    None, with a located error, when it would end at or before it begins
    (or before the event starts), or its ``min`` is longer than that length.
    """
    at = format_tod(ends_at)
    if ends_at <= event_start:
        early = QT_TRANSLATE_NOOP("AgendaErrors", "item '{id}' ends at {time}, before the event starts at {start}")
        b.r.error(node, Phrase.of(early, id=item_id, time=at, start=format_tod(event_start)), _LATER)
        return None
    if ends_at <= begin:
        early = QT_TRANSLATE_NOOP("AgendaErrors", "item '{id}' ends at {time}, not after its planned start {start}")
        b.r.error(node, Phrase.of(early, id=item_id, time=at, start=format_tod(begin)), _LATER)
        return None
    length = ends_at - begin
    if min_ms is not None and min_ms > length:
        longer = QT_TRANSLATE_NOOP(
            "AgendaErrors", "item '{id}' may shrink to {min}, which is longer than its planned {length} (to {time})"
        )
        b.r.error(node, Phrase.of(longer, id=item_id, min=format_duration(min_ms),
                                  length=format_duration(length), time=at))
        return None
    return length


_LATER = Phrase.of(
    QT_TRANSLATE_NOOP("AgendaErrors", "an end after the item's planned start, such as ends_at: \"12:30\"")
)
