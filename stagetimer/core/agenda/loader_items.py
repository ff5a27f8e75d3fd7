"""The ``items:`` list of an agenda: each slot checked, then planned in order.

Planned starts are chained from the event start; an item with a fixed
``start`` begins there instead. A fixed start earlier than the item before
it contradicts the order of the list and is an error; one that merely
overlaps the previous item's end is allowed (``stagetimer check`` shows it).
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node, SequenceNode

from stagetimer.core.agenda import limits
from stagetimer.core.agenda.block_reader import BlockReader, KeyMap
from stagetimer.core.agenda.errors import (
    Phrase,
    did_you_mean,
    one_of,
)
from stagetimer.core.agenda.loader_then import HOLD, AtZero, check_ends_at, read_at_zero, read_ends_at
from stagetimer.core.agenda.model import KINDS, NO_ALARMS, Item, Section, Thresholds
from stagetimer.core.timefmt import format_duration, format_tod
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

ITEM_KEYS = (
    "id",
    "kind",
    "title",
    "speaker",
    "speakers",
    "organisation",
    "duration",
    "section",
    "start",
    "thresholds",
    "note",
    "presenter_note",
    "min",
    "ends_at",
    "then",
    "grace",
)
DEFAULT_KIND = "talk"
AN_ITEM = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "an item"))
#: An item's text fields, as named in messages about their values.
ITEM_TEXTS = {
    "title": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title")),
    "speaker": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "speaker")),
    "organisation": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "organisation")),
    "note": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "note")),
    "presenter_note": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "presenter note")),
    "kind": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "kind")),
    "section": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "section")),
}
#: The longest each text may be (limits.py says why).
ITEM_LIMITS = {
    "title": limits.ITEM_TITLE,
    "speaker": limits.SPEAKER,
    "organisation": limits.ORGANISATION,
    "note": limits.NOTE,
    "presenter_note": limits.PRESENTER_NOTE,
    "kind": limits.WORD,
    "section": limits.WORD,
}


@dataclass
class _Draft:
    """An item read from the file, before its planned start is known."""

    node: Node
    fields: dict[str, object]
    duration_ms: int
    fixed_start_ms: int | None
    start_node: Node | None
    duration_node: Node
    ends_at_ms: int | None = None  # the item counts to this time of day; its duration comes from the plan


class ItemReader:
    """Reads every item, reporting all problems, and plans the sequence."""

    def __init__(
        self,
        builder: BlockReader,
        defaults: Thresholds,
        sections: tuple[Section, ...],
        start_ms: int | None,
        at_zero: AtZero = HOLD,
    ) -> None:
        self.b = builder
        self.at_zero = at_zero  # the agenda's ``then``/``grace``, for items that name none
        self.r = builder.r
        self.defaults = defaults
        self.section_ids = tuple(section.id for section in sections)
        self.start_ms = start_ms
        self.seen_ids: dict[str, int] = {}

    def read(self, entry: tuple[Node, Node]) -> tuple[Item, ...]:
        key_node, value_node = entry
        example = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "- id: opening\n    title: …\n    duration: 5m"))
        nodes = self.r.sequence(value_node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'items'")), example)
        if isinstance(value_node, SequenceNode) and not nodes:
            empty = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'items' is empty: there is nothing to run"))
            self.r.error(key_node, empty, example)
        drafts = [draft for node in nodes if (draft := self.item(node)) is not None]
        return self.plan(drafts)

    def item(self, node: Node) -> _Draft | None:
        block = self.r.mapping(node, AN_ITEM)
        if block is None:
            return None
        keys = self.b.keys_of(block, ITEM_KEYS, AN_ITEM)
        errors_before = len(self.r.errors)
        item_id = self.b.ident(keys, node, "item", self.seen_ids)
        fields: dict[str, object] = {"id": item_id, "line": node.start_mark.line + 1}
        fields["kind"] = self.kind(keys)
        fields["title"] = self.text(keys, "title") if "title" in keys else None
        no_title = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "item '{id}' has no title"), id=item_id or "?")
        audience = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title: what the audience sees"))
        self.b.missing(keys, "title", node, no_title, audience)
        fields["speakers"] = self.speakers(keys, node)
        for name in ("organisation", "note", "presenter_note"):
            fields[name] = (self.text(keys, name) or "") if name in keys else ""
        fields["section_id"] = self.section(keys)
        duration_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "duration"))
        duration = self.b.duration(keys["duration"][1], duration_words) if "duration" in keys else None
        ends_at = read_ends_at(self.b, keys, item_id or "?") if "ends_at" in keys else None
        no_duration = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "item '{id}' has no duration"), id=item_id or "?")
        if "ends_at" not in keys:
            self.b.missing(keys, "duration", node, no_duration, "duration: 10m")
        at_zero = read_at_zero(self.b, keys, self.at_zero)
        fields["then"], fields["grace_ms"], fields["ends_at_ms"] = at_zero.then, at_zero.grace_ms, ends_at
        fields["min_ms"] = self.shortest(keys, item_id or "?", duration) if "min" in keys else None
        start_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "start"))
        fixed = self.b.time(keys["start"][1], start_words) if "start" in keys else None
        # A break's thresholds are its own: none unless the item names some.
        thresholds = NO_ALARMS if fields["kind"] == "break" else self.defaults
        if "thresholds" in keys:
            own = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the item's thresholds"))
            thresholds = self.b.thresholds(keys["thresholds"][1], self.defaults, own)
        fields["thresholds"] = thresholds
        if len(self.r.errors) > errors_before or (duration is None and ends_at is None):
            return None
        start_node = keys["start"][1] if "start" in keys else None
        length_node = keys["duration"][1] if ends_at is None else keys["ends_at"][1]
        return _Draft(node, fields, duration or 0, fixed, start_node, length_node, ends_at)

    def shortest(self, keys: KeyMap, item_id: str, duration: int | None) -> int | None:
        """The item's ``min``: above zero and no longer than its duration, or a located error."""
        node = keys["min"][1]
        value = self.b.duration(node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "min")))
        if value is None or duration is None or value <= duration:
            return value
        longer = QT_TRANSLATE_NOOP(
            "AgendaErrors", "item '{id}' may shrink to {min}, which is longer than its duration {duration}"
        )
        self.r.error(
            node,
            Phrase.of(longer, id=item_id, min=format_duration(value), duration=format_duration(duration)),
            Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a min no longer than the duration, such as min: 15m")),
        )
        return None

    def text(self, keys: KeyMap, name: str) -> str | None:
        """The item's text field ``name`` (present in ``keys``), within its limit."""
        return self.r.text(keys[name][1], ITEM_TEXTS[name], ITEM_LIMITS[name])

    def kind(self, keys: KeyMap) -> str:
        if "kind" not in keys:
            return DEFAULT_KIND
        node = keys["kind"][1]
        value = self.text(keys, "kind")
        if value is None:
            return DEFAULT_KIND
        if value not in KINDS:
            unknown = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "unknown kind '{kind}'"), kind=value)
            self.r.error(node, unknown, one_of(KINDS), did_you_mean(value, KINDS))
            return DEFAULT_KIND
        return value

    def speakers(self, keys: KeyMap, node: Node) -> tuple[str, ...]:
        if "speaker" in keys and "speakers" in keys:
            self.r.error(
                keys["speakers"][0],
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "both 'speaker' and 'speakers' are given")),
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "one of them")),
            )
            return ()
        if "speaker" in keys:
            value = self.text(keys, "speaker")
            return (value,) if value else ()
        if "speakers" in keys:
            what = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'speakers'"))
            example = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "speakers: [name, name]"))
            names = self.r.sequence(keys["speakers"][1], what, example)
            a_speaker = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a speaker"))
            return tuple(name for entry in names if (name := self.r.text(entry, a_speaker, limits.SPEAKER)))
        return ()

    def section(self, keys: KeyMap) -> str:
        if "section" not in keys:
            return ""
        node = keys["section"][1]
        value = self.text(keys, "section")
        if value is None:
            return ""
        if value not in self.section_ids:
            known = one_of(self.section_ids)
            if not self.section_ids:
                known = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a section defined under 'sections:'"))
            unknown = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "no section has the id '{id}'"), id=value)
            self.r.error(node, unknown, known, did_you_mean(value, self.section_ids))
            return ""
        return value

    def plan(self, drafts: list[_Draft]) -> tuple[Item, ...]:
        """Planned starts: chained, except where a fixed start says otherwise."""
        if self.start_ms is None:
            return ()
        items: list[Item] = []
        chain = self.start_ms
        for draft in drafts:
            begin = chain
            if draft.fixed_start_ms is not None:
                begin = draft.fixed_start_ms
                self.check_order(draft, items)
            if draft.ends_at_ms is not None:
                length = check_ends_at(self.b, draft.duration_node, str(draft.fields["id"]), draft.ends_at_ms,
                                       begin, self.start_ms, draft.fields["min_ms"])  # type: ignore[arg-type]
                if length is None:
                    continue
                draft.duration_ms = length
            if begin + draft.duration_ms > limits.DAY_END_MS:
                self.past_midnight(draft, begin)
                break  # every later item would cross it too: one error, where it happens
            item = Item(
                duration_ms=draft.duration_ms,
                planned_start_ms=begin,
                fixed_start_ms=draft.fixed_start_ms,
                **draft.fields,  # type: ignore[arg-type]
            )
            items.append(item)
            chain = item.planned_end_ms
        return tuple(items)

    def past_midnight(self, draft: _Draft, begin: int) -> None:
        """The item that would run past midnight, blamed at its duration.

        Every start before it ends by midnight and a fixed start is a time of
        day, so ``begin`` is before midnight: the length is what crosses it.
        """
        crosses = QT_TRANSLATE_NOOP(
            "AgendaErrors",
            "item '{id}' starts {start} and lasts {length}: it would run past midnight, to {end} the next day",
        )
        within = QT_TRANSLATE_NOOP("AgendaErrors", "a programme that ends by midnight (StageTimer runs one day)")
        start = format_tod(begin) if begin < limits.DAY_END_MS else "24:00"
        self.r.error(
            draft.duration_node,
            Phrase.of(crosses, id=str(draft.fields["id"]), start=start,
                      length=format_duration(draft.duration_ms), end=format_tod(begin + draft.duration_ms)),
            Phrase.of(within),
        )

    def check_order(self, draft: _Draft, before: list[Item]) -> None:
        fixed = draft.fixed_start_ms
        assert fixed is not None and self.start_ms is not None
        start_node = draft.start_node or draft.node
        item_id, at = str(draft.fields["id"]), format_tod(fixed)
        if fixed < self.start_ms:
            early = QT_TRANSLATE_NOOP(
                "AgendaErrors", "item '{id}' is fixed at {time}, before the event starts at {event_start}"
            )
            self.r.error(
                start_node,
                Phrase.of(early, id=item_id, time=at, event_start=format_tod(self.start_ms)),
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a start time within the event")),
            )
        elif before and fixed < before[-1].planned_start_ms:
            previous = before[-1]
            early = QT_TRANSLATE_NOOP(
                "AgendaErrors",
                "item '{id}' is fixed at {time}, before the item above it ('{previous}', line {line}) "
                "starts at {previous_start}",
            )
            self.r.error(
                start_node,
                Phrase.of(
                    early,
                    id=item_id,
                    time=at,
                    previous=previous.id,
                    line=previous.line,
                    previous_start=format_tod(previous.planned_start_ms),
                ),
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "items listed in the order they happen")),
            )
