"""Reading YAML as located nodes instead of Python objects.

The loader needs the line and column of every value to report errors
where they are, and it must never be made to expand an alias bomb: PyYAML's
constructor would build exponentially many objects. Here the document is
only composed (linear in the file's size) and then walked with a budget of
visits, so anchors for shared settings work and a "billion laughs" file is
refused after a bounded amount of work.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stagetimer.core.agenda.errors import AgendaError, Phrase, Text
from stagetimer.core.agenda.file_errors import CONTROL_NAMES
from stagetimer.core.agenda.limits import LONGEST_NUMBER, MAX_TEXT, unshowable
from stagetimer.core.agenda.yaml_compose import MERGE_TAG, NULL_TAG
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: Node visits allowed per byte of YAML. Every value a file really holds takes
#: a few bytes and is visited about twice, so only aliases can exceed this.
VISITS_PER_BYTE = 2
MIN_VISIT_BUDGET = 100_000

STR_TAG = "tag:yaml.org,2002:str"


class BudgetExceeded(Exception):
    """The document expands to more values than any agenda has (an alias bomb)."""

    def __init__(self, node: Node) -> None:
        super().__init__("too many values")
        self.node = node


@dataclass
class NodeReader:
    """Walks composed nodes, collecting errors with their position."""

    filename: str
    budget: int = MIN_VISIT_BUDGET
    errors: list[AgendaError] = field(default_factory=list)
    visits: int = 0

    @classmethod
    def for_text(cls, filename: str, text: str) -> NodeReader:
        """A reader whose visit budget fits the size of the document."""
        return cls(filename, budget=max(MIN_VISIT_BUDGET, VISITS_PER_BYTE * len(text)))

    # -- positions and errors ---------------------------------------------

    def error(self, node: Node | None, message: Text, expected: Text = "", hint: Text = "") -> None:
        """Record an error at ``node``; phrases keep it translatable for the screens."""
        line, column = position(node)
        self.errors.append(AgendaError.of(self.filename, line, column, message, expected, hint))

    def visit(self, node: Node) -> None:
        self.visits += 1
        if self.visits > self.budget:
            raise BudgetExceeded(node)

    # -- shapes -------------------------------------------------------------

    def pairs(self, node: MappingNode) -> Iterator[tuple[str, ScalarNode, Node]]:
        """Key text, key node and value node of a mapping, merges applied.

        A duplicate key is an error (YAML keeps the last silently, so a
        second ``duration:`` would quietly win); keys that are not plain
        text are reported and skipped.
        """
        seen: dict[str, int] = {}
        for key_node, value_node in self._merged(node):
            self.visit(key_node)
            if not isinstance(key_node, ScalarNode) or key_node.tag == NULL_TAG:
                self.error(
                    key_node,
                    Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a key must be a plain name")),
                    Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "e.g. title:")),
                )
                continue
            key = key_node.value
            if key in seen:
                twice = QT_TRANSLATE_NOOP("AgendaErrors", "key '{key}' appears twice in the same block")
                first = QT_TRANSLATE_NOOP("AgendaErrors", "first on line {line}")
                self.error(key_node, Phrase.of(twice, key=key), hint=Phrase.of(first, line=seen[key]))
                continue
            seen[key] = key_node.start_mark.line + 1
            yield key, key_node, value_node

    def _merged(self, node: MappingNode) -> list[tuple[Node, Node]]:
        """``<<: *defaults`` expanded; explicit keys win over merged ones."""
        explicit = [(k, v) for k, v in node.value if k.tag != MERGE_TAG]
        merged: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != MERGE_TAG:
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                self.visit(source)
                if not isinstance(source, MappingNode):
                    self.error(
                        source,
                        Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'<<' must merge a mapping")),
                        Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "<<: *name where &name marks a mapping")),
                    )
                    continue
                merged.extend(self._merged(source))
        names = {k.value for k, _ in explicit if isinstance(k, ScalarNode)}
        first: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in merged:
            if isinstance(key_node, ScalarNode) and key_node.value not in names:
                first.setdefault(key_node.value, (key_node, value_node))
        return list(first.values()) + explicit

    def mapping(self, node: Node, what: Phrase) -> MappingNode | None:
        self.visit(node)
        if isinstance(node, MappingNode):
            return node
        template = QT_TRANSLATE_NOOP("AgendaErrors", "{what} must be a block of 'key: value' lines, not {got}")
        self.error(node, Phrase.of(template, what=what, got=describe(node)), "key: value")
        return None

    def sequence(self, node: Node, what: Phrase, example: Text) -> list[Node]:
        self.visit(node)
        if isinstance(node, SequenceNode):
            return list(node.value)
        template = QT_TRANSLATE_NOOP("AgendaErrors", "{what} must be a list, not {got}")
        self.error(node, Phrase.of(template, what=what, got=describe(node)), example)
        return []

    def text(self, node: Node, what: Phrase, limit: int = MAX_TEXT) -> str | None:
        """A scalar as the text the user typed (``2025`` stays ``"2025"``).

        Text a screen cannot show is an error where it is written: longer
        than ``limit`` characters, or holding a control character (BEL,
        ESC…; line breaks are fine) or a bidirectional override that would
        reorder what the audience reads.
        """
        self.visit(node)
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
            typed: str = node.value
            value = typed.strip() if node.tag != STR_TAG else typed
            return value if self.showable(node, what, value, limit) else None
        if isinstance(node, ScalarNode):
            self.error(
                node,
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "{what} is empty"), what=what),
                Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a value after the colon")),
            )
        else:
            same_line = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "text on the same line"))
            self.error(node, single_value(what, node), same_line)
        return None

    def showable(self, node: Node, what: Phrase, value: str, limit: int) -> bool:
        """False (after reporting it) for text too long or with characters a screen must not get."""
        if len(value) > limit:
            long = QT_TRANSLATE_NOOP("AgendaErrors", "{what} is {count} characters long")
            at_most = QT_TRANSLATE_NOOP("AgendaErrors", "at most {limit} characters (more does not fit a screen)")
            self.error(node, Phrase.of(long, what=what, count=f"{len(value):,}"), Phrase.of(at_most, limit=limit))
            return False
        found = unshowable(value)
        if found is None:
            return True
        index, char = found
        name = unicodedata.name(char, "") or CONTROL_NAMES.get(char, "control character")
        bad = QT_TRANSLATE_NOOP("AgendaErrors", "{what} contains U+{code} ({name}) at character {index}")
        plain = QT_TRANSLATE_NOOP(
            "AgendaErrors", "plain text: no control characters or direction overrides (line breaks are fine)"
        )
        self.error(node, Phrase.of(bad, what=what, code=f"{ord(char):04X}", name=name, index=index + 1),
                   Phrase.of(plain))
        return False

    def raw_scalar(self, node: Node, what: Phrase, expected: Phrase) -> str | int | None:
        """A duration or time: unquoted whole numbers as int, anything else as typed.

        YAML 1.1 reads ``10:00`` unquoted as the base-60 integer 600; the
        text as written is kept so ``10:00`` means ten minutes, as it reads.
        """
        self.visit(node)
        if not isinstance(node, ScalarNode) or node.tag == NULL_TAG:
            self.error(node, single_value(what, node), expected)
            return None
        written: str = node.value
        number = written.strip()
        if node.tag == "tag:yaml.org,2002:int" and number.isascii() and number.isdigit():
            # A number too long to be a duration stays text, which the parsers refuse in words.
            return int(number) if len(number) <= LONGEST_NUMBER else number
        return number


def position(node: Node | None) -> tuple[int, int]:
    """1-based line and column of a node (1:1 when there is none)."""
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def describe(node: Node) -> Phrase:
    """What the user wrote, in words, for "must be X, not Y" messages."""
    if isinstance(node, MappingNode):
        return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a block of keys"))
    if isinstance(node, SequenceNode):
        return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a list"))
    if node.tag == NULL_TAG:
        return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "nothing"))
    return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'{value}'"), value=node.value)


def single_value(what: Phrase, node: Node) -> Phrase:
    """``event end must be a single value, not a list``."""
    template = QT_TRANSLATE_NOOP("AgendaErrors", "{what} must be a single value, not {got}")
    return Phrase.of(template, what=what, got=describe(node))
