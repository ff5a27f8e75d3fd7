"""What the agenda loader reads in every block: keys, ids, durations, times, thresholds.

Shared by the loader (event, sections) and the item reader (items): each
value is checked where it stands and every problem is recorded, with the
"did you mean" for a misspelt key, so one run lists them all.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node

from stagetimer.core.agenda import limits
from stagetimer.core.agenda.errors import Phrase, closest, one_of, suggestion
from stagetimer.core.agenda.model import Thresholds
from stagetimer.core.agenda.yaml_nodes import NodeReader
from stagetimer.core.timefmt import TOO_LONG, UNIT_ORDER, parse_duration, parse_time_of_day
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

THRESHOLD_KEYS = ("warning", "danger")

_ID_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
DURATION_EXAMPLE = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a duration such as 10m, 90s, 1h30m or \"10:00\""))
TIME_EXAMPLE = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a time of day such as \"09:30\""))
#: What ``ident`` says about a section's or an item's id: missing, the value, a duplicate.
ID_WORDS = {
    "section": (
        QT_TRANSLATE_NOOP("AgendaErrors", "the section has no id"),
        QT_TRANSLATE_NOOP("AgendaErrors", "section id"),
        QT_TRANSLATE_NOOP("AgendaErrors", "duplicate section id '{id}'"),
    ),
    "item": (
        QT_TRANSLATE_NOOP("AgendaErrors", "the item has no id"),
        QT_TRANSLATE_NOOP("AgendaErrors", "item id"),
        QT_TRANSLATE_NOOP("AgendaErrors", "duplicate item id '{id}'"),
    ),
}


class KeyMap(dict[str, tuple[Node, Node]]):
    """The keys found in one block, and the required ones a typo stands in for."""

    def __init__(self) -> None:
        super().__init__()
        self.misspelt: set[str] = set()


class BlockReader:
    """Reads the values of one agenda document, recording errors instead of stopping."""

    def __init__(self, reader: NodeReader) -> None:
        self.r = reader

    def keys_of(self, node: MappingNode, allowed: tuple[str, ...], where: Phrase) -> KeyMap:
        found = KeyMap()
        for key, key_node, value_node in self.r.pairs(node):
            if key not in allowed:
                near = closest(key, allowed)
                if near:
                    found.misspelt.add(near)
                unknown = QT_TRANSLATE_NOOP("AgendaErrors", "unknown key '{key}' in {where}")
                self.r.error(key_node, Phrase.of(unknown, key=key, where=where), one_of(allowed), suggestion(near))
                continue
            found[key] = (key_node, value_node)
        return found

    def missing(self, keys: KeyMap, name: str, owner: Node, message: Phrase, expected: Phrase | str) -> bool:
        """Report a missing required key, unless a misspelling of it was already reported."""
        if name in keys:
            return False
        if name not in keys.misspelt:
            self.r.error(owner, message, expected)
        return True

    def thresholds(self, node: Node, base: Thresholds, what: Phrase) -> Thresholds:
        block = self.r.mapping(node, what)
        if block is None:
            return base
        keys = self.keys_of(block, THRESHOLD_KEYS, what)
        warning_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "warning"))
        danger_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "danger"))
        warning = self.duration(keys["warning"][1], warning_words, allow_zero=True) if "warning" in keys else None
        danger = self.duration(keys["danger"][1], danger_words, allow_zero=True) if "danger" in keys else None
        result = Thresholds(
            warning_ms=base.warning_ms if warning is None else warning,
            danger_ms=base.danger_ms if danger is None else danger,
        )
        if result.danger_ms > result.warning_ms and (warning is not None or danger is not None):
            order = QT_TRANSLATE_NOOP("AgendaErrors", "danger ({danger}s) comes before warning ({warning}s)")
            longer = QT_TRANSLATE_NOOP(
                "AgendaErrors", "warning at least as long as danger, e.g. warning: 2m, danger: 1m"
            )
            self.r.error(
                node,
                Phrase.of(order, danger=result.danger_ms // 1000, warning=result.warning_ms // 1000),
                Phrase.of(longer),
            )
        return result

    def ident(self, keys: KeyMap, owner: Node, what: str, seen: dict[str, int]) -> str | None:
        """The id of a section or an item (``what``), checked for form and uniqueness."""
        no_id, id_words, duplicate = ID_WORDS[what]
        form = QT_TRANSLATE_NOOP("AgendaErrors", "id: a short name such as opening (letters, digits, - or _)")
        if self.missing(keys, "id", owner, Phrase.of(no_id), Phrase.of(form)):
            return None
        node = keys["id"][1]
        value = self.r.text(node, Phrase.of(id_words), limits.WORD)
        if value is None:
            return None
        if not _ID_FORM.match(value):
            self.r.error(
                node,
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'{id}' is not a usable id"), id=value),
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "letters, digits, - and _ only, e.g. case-kt")),
            )
            return None
        if value in seen:
            used = QT_TRANSLATE_NOOP("AgendaErrors", "already used on line {line}")
            self.r.error(node, Phrase.of(duplicate, id=value), hint=Phrase.of(used, line=seen[value]))
            return None
        seen[value] = node.start_mark.line + 1
        return value

    def duration(self, node: Node, what: Phrase, allow_zero: bool = False) -> int | None:
        raw = self.r.raw_scalar(node, what, DURATION_EXAMPLE)
        if raw is None:
            return None
        if isinstance(raw, str) and raw.startswith("-"):
            negative = QT_TRANSLATE_NOOP("AgendaErrors", "{what} cannot be negative (got '{raw}')")
            self.r.error(node, Phrase.of(negative, what=what, raw=raw), DURATION_EXAMPLE)
            return None
        try:
            value = parse_duration(raw)
        except ValueError as problem:
            detail = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'{raw}' is not a duration"), raw=raw)
            if str(problem) in (UNIT_ORDER, TOO_LONG):
                detail = Phrase.of(str(problem))
            unreadable = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "{what}: {detail}"), what=what, detail=detail)
            self.r.error(node, unreadable, DURATION_EXAMPLE)
            return None
        if value > limits.MAX_DURATION_MS:
            day = QT_TRANSLATE_NOOP("AgendaErrors", "{what} '{raw}' is longer than 24 hours")
            at_most = QT_TRANSLATE_NOOP("AgendaErrors", "at most 24h, one day (is the unit right? 90m, not 90h)")
            self.r.error(node, Phrase.of(day, what=what, raw=raw), Phrase.of(at_most))
            return None
        if value <= 0 and not allow_zero:
            zero = QT_TRANSLATE_NOOP("AgendaErrors", "{what} must be longer than zero (got '{raw}')")
            self.r.error(node, Phrase.of(zero, what=what, raw=raw), DURATION_EXAMPLE)
            return None
        return value

    def time(self, node: Node, what: Phrase) -> int | None:
        raw = self.r.raw_scalar(node, what, TIME_EXAMPLE)
        if raw is None:
            return None
        try:
            return parse_time_of_day(raw)
        except ValueError:
            not_time = QT_TRANSLATE_NOOP("AgendaErrors", "{what} '{raw}' is not a time of day")
            self.r.error(node, Phrase.of(not_time, what=what, raw=raw), TIME_EXAMPLE)
            return None
