"""YAML text → located nodes, with every alias remembered where it is written.

PyYAML's own composer forgets where an alias stood (``*name`` becomes the
anchored node itself), accepts an alias inside the block it names (a loop),
and its callers recurse over merges. So the events are composed here, without
recursion, and the result is checked before anything walks it:

- an alias inside its own anchor is a loop, refused at the alias;
- the values the document expands to are counted (shared nodes once each,
  so this is linear in the file); a file that expands to more than any
  agenda holds is an alias or merge bomb, refused once, at the alias that
  blows it up;
- merges (``<<: *defaults``) nested deeper than :data:`MAX_MERGE_DEPTH` are
  refused at the ``<<`` that goes too deep.

Nothing here recurses, so no file can raise RecursionError.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from stagetimer.core.agenda.errors import AgendaError, Phrase
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

try:  # the C parser is faster on big files; the pure one behaves the same
    SafeComposer: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeComposer = yaml.SafeLoader

MERGE_TAG = "tag:yaml.org,2002:merge"
NULL_TAG = "tag:yaml.org,2002:null"

#: Merges of merges: a real agenda has one or two levels (shared defaults).
MAX_MERGE_DEPTH = 20


@dataclass(frozen=True)
class AliasUse:
    """``*name`` where it is written, and the node it stands for."""

    anchor: str
    mark: Mark
    target: Node


@dataclass
class Composed:
    """The document's root (None for an empty file), its aliases, and any loop found."""

    root: Node | None = None
    aliases: list[AliasUse] = field(default_factory=list)
    loops: list[AliasUse] = field(default_factory=list)


def compose(text: str) -> Composed:
    """Compose the single document of ``text``. Raises yaml.YAMLError for syntax errors."""
    loader = SafeComposer(text)
    try:
        return _Composer(loader).run()
    finally:
        loader.dispose()


def _start(event: Event) -> Mark:
    """Where an event starts (libyaml's marks carry the same line and column as PyYAML's)."""
    return cast(Mark, event.start_mark)


def _end(event: Event) -> Mark:
    return cast(Mark, event.end_mark)


class _Composer:
    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.loader = loader
        #: The implicit tag of a plain value (``10`` is an int, ``~`` a null), as PyYAML's composer resolves it.
        self.resolve: Callable[[type[Node], str | None, object], str] = loader.resolve
        self.next_event: Callable[[], Event] = loader.get_event
        self.anchors: dict[str, Node] = {}
        self.open: list[CollectionNode] = []
        self.result = Composed()
        self.documents = 0
        self.first_document: Mark | None = None

    def run(self) -> Composed:
        while self.loader.check_event():
            self.event(self.next_event())
        return self.result

    def event(self, event: Event) -> None:
        if isinstance(event, DocumentStartEvent):
            if self.documents:
                raise ComposerError(
                    "expected a single document in the stream", self.first_document,
                    "but found another document", _start(event),
                )
            self.documents += 1
            self.first_document = _start(event)
            self.anchors = {}
        elif isinstance(event, AliasEvent):
            self.alias(event)
        elif isinstance(event, ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, _start(event), _end(event), style=event.style)
            self.add(node, event.anchor, _start(event))
        elif isinstance(event, CollectionStartEvent):
            self.start(event)
        elif isinstance(event, (SequenceEndEvent, yaml.MappingEndEvent)):
            closed = self.open.pop()
            closed.end_mark = _end(event)

    def start(self, event: CollectionStartEvent) -> None:
        kind: type[CollectionNode] = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(kind, None, event.implicit)
        node = kind(tag, [], _start(event), None, flow_style=event.flow_style)
        self.add(node, event.anchor, _start(event))
        self.open.append(node)

    def alias(self, event: AliasEvent) -> None:
        anchor = event.anchor
        if anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {anchor!r}", _start(event))
        target = self.anchors[anchor]
        use = AliasUse(anchor, _start(event), target)
        if any(node is target for node in self.open):
            # A loop: an agenda never needs one. A null stands in so composing can go on.
            self.result.loops.append(use)
            self.add(ScalarNode(NULL_TAG, "", _start(event), _end(event)), None, _start(event))
            return
        self.result.aliases.append(use)
        self.add(target, None, _start(event))

    def add(self, node: Node, anchor: str | None, mark: Mark) -> None:
        if anchor is not None:
            if anchor in self.anchors:
                raise ComposerError(
                    f"found duplicate anchor {anchor!r}; first occurrence", self.anchors[anchor].start_mark,
                    "second occurrence", mark,
                )
            self.anchors[anchor] = node
        if not self.open:
            self.result.root = node
            return
        parent = self.open[-1]
        if isinstance(parent, MappingNode):
            if parent.value and len(parent.value[-1]) == 1:
                parent.value[-1] = (parent.value[-1][0], node)
            else:
                parent.value.append((node,))  # the key, until its value arrives
        else:
            parent.value.append(node)


# ---------------------------------------------------------------- checks before the walk


def children(node: Node) -> list[Node]:
    """The nodes directly under ``node`` (a mapping's keys and values)."""
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def expanded_sizes(root: Node, cap: int) -> dict[int, int]:
    """How many values each node stands for once every alias is expanded (saturating at ``cap``).

    Post-order over the composed graph, each node computed once: linear in
    the file, whatever the aliases would multiply it to.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if id(node) in sizes:
            continue
        below = children(node)
        if ready or not below:
            sizes[id(node)] = min(cap, 1 + sum(sizes[id(child)] for child in below))
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in below if id(child) not in sizes)
    return sizes


def blown_up_alias(composed: Composed, budget: int) -> tuple[AliasUse, int] | None:
    """The alias that makes the document expand past ``budget`` values, if any, and its size."""
    if composed.root is None or not composed.aliases:
        return None
    sizes = expanded_sizes(composed.root, budget + 1)
    if sizes[id(composed.root)] <= budget:
        return None
    for use in composed.aliases:  # one alias that is a bomb on its own
        if sizes[id(use.target)] > budget:
            return use, sizes[id(use.target)]
    running = 0
    for use in composed.aliases:  # else the one at which the copies add up
        running += sizes[id(use.target)]
        if running > budget:
            return use, running
    return composed.aliases[-1], running


def merge_sources(node: MappingNode) -> list[Node]:
    """What the ``<<`` keys of a mapping merge in (one mapping or a list of them)."""
    sources: list[Node] = []
    for key, value in node.value:
        if key.tag == MERGE_TAG:
            sources.extend(value.value if isinstance(value, SequenceNode) else [value])
    return sources


def merge_depths(root: Node) -> dict[int, int]:
    """How deep merges nest under each mapping: 0 without ``<<``, else 1 + the deepest it merges."""
    depth: dict[int, int] = {}
    for top in all_nodes(root):
        stack: list[tuple[Node, bool]] = [(top, False)]
        while stack:
            node, ready = stack.pop()
            if id(node) in depth or not isinstance(node, MappingNode):
                continue
            below = [source for source in merge_sources(node) if isinstance(source, MappingNode)]
            if ready or not below:
                depth[id(node)] = 1 + max((depth[id(s)] for s in below), default=-1) if below else 0
                continue
            stack.append((node, True))
            stack.extend((source, False) for source in below if id(source) not in depth)
    return depth


def too_deep_merge(root: Node, limit: int = MAX_MERGE_DEPTH) -> tuple[Node, int] | None:
    """The first ``<<`` key (in file order) under which merges nest more than ``limit`` deep."""
    depth = merge_depths(root)
    deep = [node for node in all_nodes(root) if isinstance(node, MappingNode) and depth[id(node)] > limit]
    if not deep:
        return None
    first = min(deep, key=lambda node: (node.start_mark.line, node.start_mark.column))
    merge_key = next(key for key, _ in first.value if key.tag == MERGE_TAG)
    return merge_key, depth[id(first)]


def all_nodes(root: Node) -> list[Node]:
    """Every node of the document once, however many aliases share it."""
    seen: set[int] = set()
    order: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(children(node))
    return order


# ---------------------------------------------------------------- the errors


def _at(filename: str, mark: Mark, message: Phrase, expected: Phrase) -> AgendaError:
    return AgendaError.of(filename, mark.line + 1, mark.column + 1, message, expected)


def structure_errors(filename: str, composed: Composed, budget: int) -> list[AgendaError]:
    """Loops, a bomb and merges nested too deep: each refuses the file before it is read."""
    errors = []
    for use in composed.loops:
        loop = QT_TRANSLATE_NOOP(
            "AgendaErrors", "the alias *{anchor} is used inside the block &{anchor} marks (a loop)"
        )
        outside = QT_TRANSLATE_NOOP("AgendaErrors", "an alias to an anchor defined before and outside this block")
        errors.append(_at(filename, use.mark, Phrase.of(loop, anchor=use.anchor), Phrase.of(outside)))
    if errors or composed.root is None:
        return errors
    deep = too_deep_merge(composed.root)
    if deep is not None:
        key, levels = deep
        message = QT_TRANSLATE_NOOP("AgendaErrors", "'<<' merges are nested {depth} deep here")
        expected = QT_TRANSLATE_NOOP("AgendaErrors", "merges nested at most {limit} deep")
        errors.append(_at(filename, key.start_mark, Phrase.of(message, depth=levels),
                          Phrase.of(expected, limit=MAX_MERGE_DEPTH)))
        return errors
    bomb = blown_up_alias(composed, budget)
    if bomb is not None:
        use, _size = bomb
        message = QT_TRANSLATE_NOOP(
            "AgendaErrors",
            "the alias *{anchor} makes the file expand to more than {limit} values "
            "(an alias bomb: anchors and aliases nested too deep)",
        )
        expected = QT_TRANSLATE_NOOP("AgendaErrors", "each alias used a few times")
        errors.append(_at(filename, use.mark, Phrase.of(message, anchor=use.anchor, limit=f"{budget:,}"),
                          Phrase.of(expected)))
    return errors
