"""The ``items:`` list of an agenda: each slot checked, then planned in order.

Planned starts are chained from the event start; an item with a fixed
``start`` begins there instead. A fixed start earlier than the item before
it contradicts the order of the list and is an error; one that merely
overlaps the previous item's end is allowed (``stagetimer check`` shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yaml.nodes import Node, SequenceNode

from stagetimer.core.errors import did_you_mean
from stagetimer.core.model import KINDS, Item, Section, Thresholds
from stagetimer.core.timefmt import format_tod

if TYPE_CHECKING:
    from stagetimer.core.loader import KeyMap, _AgendaBuilder

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
)
DEFAULT_KIND = "talk"


@dataclass
class _Draft:
    """An item read from the file, before its planned start is known."""

    node: Node
    fields: dict[str, object]
    duration_ms: int
    fixed_start_ms: int | None
    start_node: Node | None


class ItemReader:
    """Reads every item, reporting all problems, and plans the sequence."""

    def __init__(
        self, builder: _AgendaBuilder, defaults: Thresholds, sections: tuple[Section, ...], start_ms: int | None
    ) -> None:
        self.b = builder
        self.r = builder.r
        self.defaults = defaults
        self.section_ids = tuple(section.id for section in sections)
        self.start_ms = start_ms
        self.seen_ids: dict[str, int] = {}

    def read(self, entry: tuple[Node, Node]) -> tuple[Item, ...]:
        key_node, value_node = entry
        example = "- id: opening\n    title: …\n    duration: 5m"
        nodes = self.r.sequence(value_node, "'items'", example)
        if isinstance(value_node, SequenceNode) and not nodes:
            self.r.error(key_node, "'items' is empty: there is nothing to run", example)
        drafts = [draft for node in nodes if (draft := self.item(node)) is not None]
        return self.plan(drafts)

    def item(self, node: Node) -> _Draft | None:
        block = self.r.mapping(node, "an item")
        if block is None:
            return None
        keys = self.b.keys_of(block, ITEM_KEYS, "an item")
        errors_before = len(self.r.errors)
        item_id = self.b.ident(keys, node, "item", self.seen_ids)
        fields: dict[str, object] = {"id": item_id, "line": node.start_mark.line + 1}
        fields["kind"] = self.kind(keys)
        fields["title"] = self.r.text(keys["title"][1], "title") if "title" in keys else None
        self.b.missing(keys, "title", node, f"item '{item_id or '?'}' has no title", "title: what the audience sees")
        fields["speakers"] = self.speakers(keys, node)
        for name in ("organisation", "note"):
            fields[name] = (self.r.text(keys[name][1], name) or "") if name in keys else ""
        fields["section_id"] = self.section(keys)
        duration = self.b.duration(keys["duration"][1], "duration") if "duration" in keys else None
        self.b.missing(keys, "duration", node, f"item '{item_id or '?'}' has no duration", "duration: 10m")
        fixed = self.b.time(keys["start"][1], "start") if "start" in keys else None
        thresholds = self.defaults
        if "thresholds" in keys:
            thresholds = self.b.thresholds(keys["thresholds"][1], self.defaults, "the item's thresholds")
        fields["thresholds"] = thresholds
        if len(self.r.errors) > errors_before or duration is None:
            return None
        return _Draft(node, fields, duration, fixed, keys["start"][1] if "start" in keys else None)

    def kind(self, keys: KeyMap) -> str:
        if "kind" not in keys:
            return DEFAULT_KIND
        node = keys["kind"][1]
        value = self.r.text(node, "kind")
        if value is None:
            return DEFAULT_KIND
        if value not in KINDS:
            self.r.error(node, f"unknown kind '{value}'", "one of " + ", ".join(KINDS), did_you_mean(value, KINDS))
            return DEFAULT_KIND
        return value

    def speakers(self, keys: KeyMap, node: Node) -> tuple[str, ...]:
        if "speaker" in keys and "speakers" in keys:
            self.r.error(keys["speakers"][0], "both 'speaker' and 'speakers' are given", "one of them")
            return ()
        if "speaker" in keys:
            value = self.r.text(keys["speaker"][1], "speaker")
            return (value,) if value else ()
        if "speakers" in keys:
            names = self.r.sequence(keys["speakers"][1], "'speakers'", "speakers: [name, name]")
            return tuple(name for entry in names if (name := self.r.text(entry, "a speaker")))
        return ()

    def section(self, keys: KeyMap) -> str:
        if "section" not in keys:
            return ""
        node = keys["section"][1]
        value = self.r.text(node, "section")
        if value is None:
            return ""
        if value not in self.section_ids:
            known = "one of " + ", ".join(self.section_ids) if self.section_ids else "a section defined under 'sections:'"
            self.r.error(node, f"no section has the id '{value}'", known, did_you_mean(value, self.section_ids))
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
            item = Item(
                duration_ms=draft.duration_ms,
                planned_start_ms=begin,
                fixed_start_ms=draft.fixed_start_ms,
                **draft.fields,  # type: ignore[arg-type]
            )
            items.append(item)
            chain = item.planned_end_ms
        return tuple(items)

    def check_order(self, draft: _Draft, before: list[Item]) -> None:
        fixed = draft.fixed_start_ms
        assert fixed is not None and self.start_ms is not None
        start_node = draft.start_node or draft.node
        if fixed < self.start_ms:
            self.r.error(
                start_node,
                f"item '{draft.fields['id']}' is fixed at {format_tod(fixed)}, before the event starts at "
                f"{format_tod(self.start_ms)}",
                "a start time within the event",
            )
        elif before and fixed < before[-1].planned_start_ms:
            previous = before[-1]
            self.r.error(
                start_node,
                f"item '{draft.fields['id']}' is fixed at {format_tod(fixed)}, before the item above it "
                f"('{previous.id}', line {previous.line}) starts at {format_tod(previous.planned_start_ms)}",
                "items listed in the order they happen",
            )
