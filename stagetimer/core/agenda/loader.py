"""Agenda YAML → validated :class:`Agenda`, or every error with its place.

A stage manager edits this file under pressure, possibly minutes before
doors open: one run must list every mistake (file:line:column, what is
wrong, what was expected, "did you mean …?"), and no input — binary junk,
a 10 MB paste, an alias bomb — may produce a traceback or a hang.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node

from stagetimer.core.agenda.errors import (
    AgendaError,
    AgendaInvalid,
    Phrase,
    closest,
    one_of,
    suggestion,
)
from stagetimer.core.agenda.file_errors import (
    alias_bomb,
    empty_file,
    not_utf8,
    not_yaml,
    too_big,
    yaml_error,
)
from stagetimer.core.agenda.loader_items import DEFAULT_KIND, ITEM_KEYS, ItemReader
from stagetimer.core.agenda.model import Agenda, Event, Item, Section, Thresholds
from stagetimer.core.agenda.yaml_nodes import (
    BudgetExceeded,
    NodeReader,
    compose,
    position,
)
from stagetimer.core.timefmt import (
    UNIT_ORDER,
    format_tod,
    parse_duration,
    parse_time_of_day,
)
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: Larger than any real agenda by far; refused before reading so a wrong file is quick.
MAX_BYTES = 2 * 1024 * 1024

TOP_KEYS = ("event", "thresholds", "sections", "items")
EVENT_KEYS = ("title", "subtitle", "date", "venue", "organiser", "start", "end", "language")
THRESHOLD_KEYS = ("warning", "danger")
SECTION_KEYS = ("id", "title")
LANGUAGES = ("ko", "en")
__all__ = ["DEFAULT_KIND", "EVENT_KEYS", "ITEM_KEYS", "MAX_BYTES", "SECTION_KEYS", "THRESHOLD_KEYS", "TOP_KEYS", "load_agenda", "parse_agenda"]

_ID_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
DURATION_EXAMPLE = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a duration such as 10m, 90s, 1h30m or \"10:00\""))
TIME_EXAMPLE = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a time of day such as \"09:30\""))
THE_AGENDA = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the agenda"))
#: The event's text fields, as named in messages about their values.
EVENT_TEXTS = {
    "title": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event title")),
    "subtitle": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event subtitle")),
    "date": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event date")),
    "venue": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event venue")),
    "organiser": Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event organiser")),
}
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


def load_agenda(path: str | Path) -> Agenda:
    """Read and validate an agenda file. Raises AgendaInvalid or OSError."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:  # refused before reading: a wrong file must not stall the app
        raise AgendaInvalid([too_big(str(path), size, MAX_BYTES)])
    return parse_agenda(path.read_bytes(), str(path))


def parse_agenda(data: bytes, filename: str = "<agenda>") -> Agenda:
    """Validate agenda bytes; raise AgendaInvalid listing every problem."""
    if len(data) > MAX_BYTES:
        raise AgendaInvalid([too_big(filename, len(data), MAX_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise AgendaInvalid([not_utf8(filename, data, bad.start)]) from None
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as problem:
        raise AgendaInvalid([yaml_error(filename, problem)]) from None
    except yaml.YAMLError as problem:  # pragma: no cover - every PyYAML error we know is marked
        raise AgendaInvalid([AgendaError.of(filename, 1, 1, not_yaml(str(problem)))]) from None
    if root is None:
        raise AgendaInvalid([empty_file(filename)])
    reader = NodeReader.for_text(filename, text)
    try:
        agenda = _AgendaBuilder(reader).build(root, filename)
    except BudgetExceeded as bomb:
        raise AgendaInvalid([alias_bomb(filename, *position(bomb.node))]) from None
    if reader.errors or agenda is None:
        raise AgendaInvalid(reader.errors)
    return agenda


class KeyMap(dict[str, tuple[Node, Node]]):
    """The keys found in one block, and the required ones a typo stands in for."""

    def __init__(self) -> None:
        super().__init__()
        self.misspelt: set[str] = set()


class _AgendaBuilder:
    """One pass over the document that collects errors instead of stopping."""

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

    def build(self, root: Node, filename: str) -> Agenda | None:
        top = self.r.mapping(root, THE_AGENDA)
        if top is None:
            return None
        keys = self.keys_of(top, TOP_KEYS, THE_AGENDA)
        for required in ("event", "items"):
            absent = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the agenda has no '{key}:'"), key=required)
            block = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a top-level '{key}:' block"), key=required)
            self.missing(keys, required, root, absent, block)
        defaults = Thresholds()
        if "thresholds" in keys:
            default_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the default thresholds"))
            defaults = self.thresholds(keys["thresholds"][1], defaults, default_words)
        sections = self.sections(keys["sections"][1]) if "sections" in keys else ()
        event_fields = self.event(keys["event"][1]) if "event" in keys else None
        start_ms = event_fields["start_ms"] if event_fields and isinstance(event_fields["start_ms"], int) else None
        items = self.items(keys["items"], defaults, sections, start_ms) if "items" in keys else ()
        if event_fields is None or start_ms is None:
            return None
        end_ms = event_fields.pop("end_ms")
        if end_ms is None:
            end_ms = items[-1].planned_end_ms if items else start_ms
        event = Event(end_ms=end_ms, **event_fields)  # type: ignore[arg-type]
        return Agenda(event=event, thresholds=defaults, sections=sections, items=items, source=filename)

    # -- blocks -------------------------------------------------------------

    def event(self, node: Node) -> dict[str, object] | None:
        where = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'event'"))
        block = self.r.mapping(node, where)
        if block is None:
            return None
        keys = self.keys_of(block, EVENT_KEYS, where)
        fields: dict[str, object] = {}
        for name, words in EVENT_TEXTS.items():
            if name in keys:
                fields[name] = self.r.text(keys[name][1], words) or ""
        no_title = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the event has no title"))
        name_it = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title: the event's name"))
        self.missing(keys, "title", node, no_title, name_it)
        fields.setdefault("title", "")
        language_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event language"))
        language = self.r.text(keys["language"][1], language_words) if "language" in keys else "en"
        if language is not None and language not in LANGUAGES:
            unknown = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "unknown language '{language}'"), language=language)
            self.r.error(keys["language"][1], unknown, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "ko or en")))
        fields["language"] = language if language in LANGUAGES else "en"
        start_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event start"))
        fields["start_ms"] = self.time(keys["start"][1], start_words) if "start" in keys else None
        no_start = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the event has no start time"))
        start_it = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "start: a time of day such as \"09:30\""))
        self.missing(keys, "start", node, no_start, start_it)
        end_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event end"))
        fields["end_ms"] = self.time(keys["end"][1], end_words) if "end" in keys else None
        start, end = fields["start_ms"], fields["end_ms"]
        if isinstance(start, int) and isinstance(end, int) and end <= start:
            too_early = QT_TRANSLATE_NOOP("AgendaErrors", "the event ends at {end}, not after its start {start}")
            self.r.error(keys["end"][1], Phrase.of(too_early, end=format_tod(end), start=format_tod(start)))
        return fields

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

    def sections(self, node: Node) -> tuple[Section, ...]:
        result: list[Section] = []
        seen: dict[str, int] = {}
        what = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'sections'"))
        example = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "- id: forum\n    title: …"))
        a_section = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "a section"))
        title_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "section title"))
        no_title = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the section has no title"))
        for entry in self.r.sequence(node, what, example):
            block = self.r.mapping(entry, a_section)
            if block is None:
                continue
            keys = self.keys_of(block, SECTION_KEYS, a_section)
            section_id = self.ident(keys, entry, "section", seen)
            title = self.r.text(keys["title"][1], title_words) if "title" in keys else None
            self.missing(keys, "title", entry, no_title, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title: …")))
            if section_id is not None:
                result.append(Section(section_id, title or ""))
        return tuple(result)

    def items(
        self, entry: tuple[Node, Node], defaults: Thresholds, sections: tuple[Section, ...], start_ms: int | None
    ) -> tuple[Item, ...]:
        return ItemReader(self, defaults, sections, start_ms).read(entry)

    # -- values -------------------------------------------------------------

    def ident(self, keys: KeyMap, owner: Node, what: str, seen: dict[str, int]) -> str | None:
        """The id of a section or an item (``what``), checked for form and uniqueness."""
        no_id, id_words, duplicate = ID_WORDS[what]
        form = QT_TRANSLATE_NOOP("AgendaErrors", "id: a short name such as opening (letters, digits, - or _)")
        if self.missing(keys, "id", owner, Phrase.of(no_id), Phrase.of(form)):
            return None
        node = keys["id"][1]
        value = self.r.text(node, Phrase.of(id_words))
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
            if str(problem) == UNIT_ORDER:
                detail = Phrase.of(UNIT_ORDER)
            unreadable = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "{what}: {detail}"), what=what, detail=detail)
            self.r.error(node, unreadable, DURATION_EXAMPLE)
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

