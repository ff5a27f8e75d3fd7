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

from stagetimer.core.errors import AgendaError, AgendaInvalid, did_you_mean
from stagetimer.core.loader_items import DEFAULT_KIND, ITEM_KEYS, ItemReader
from stagetimer.core.model import Agenda, Event, Item, Section, Thresholds
from stagetimer.core.timefmt import format_tod, parse_duration, parse_time_of_day
from stagetimer.core.yaml_nodes import BudgetExceeded, NodeReader, compose, position

#: Larger than any real agenda by far; refused before reading so a wrong file is quick.
MAX_BYTES = 2 * 1024 * 1024

TOP_KEYS = ("event", "thresholds", "sections", "items")
EVENT_KEYS = ("title", "subtitle", "date", "venue", "organiser", "start", "end", "language")
THRESHOLD_KEYS = ("warning", "danger")
SECTION_KEYS = ("id", "title")
LANGUAGES = ("ko", "en")
__all__ = ["DEFAULT_KIND", "EVENT_KEYS", "ITEM_KEYS", "MAX_BYTES", "SECTION_KEYS", "THRESHOLD_KEYS", "TOP_KEYS", "load_agenda", "parse_agenda"]

_ID_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
DURATION_EXAMPLE = "a duration such as 10m, 90s, 1h30m or \"10:00\""
TIME_EXAMPLE = "a time of day such as \"09:30\""


def load_agenda(path: str | Path) -> Agenda:
    """Read and validate an agenda file. Raises AgendaInvalid or OSError."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:  # refused before reading: a wrong file must not stall the app
        raise AgendaInvalid([_too_big(str(path), size)])
    return parse_agenda(path.read_bytes(), str(path))


def parse_agenda(data: bytes, filename: str = "<agenda>") -> Agenda:
    """Validate agenda bytes; raise AgendaInvalid listing every problem."""
    if len(data) > MAX_BYTES:
        raise AgendaInvalid([_too_big(filename, len(data))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise AgendaInvalid([_not_utf8(filename, data, bad.start)]) from None
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as problem:
        raise AgendaInvalid([_yaml_error(filename, problem)]) from None
    except yaml.YAMLError as problem:  # pragma: no cover - every PyYAML error we know is marked
        raise AgendaInvalid([AgendaError(filename, 1, 1, f"not valid YAML: {problem}")]) from None
    if root is None:
        expected = "an agenda with 'event:' and 'items:' (see docs/agenda-format.md)"
        raise AgendaInvalid([AgendaError(filename, 1, 1, "the file is empty", expected)])
    reader = NodeReader.for_text(filename, text)
    try:
        agenda = _AgendaBuilder(reader).build(root, filename)
    except BudgetExceeded as bomb:
        line, column = position(bomb.node)
        message = "the file expands to far more values than an agenda has (anchors and aliases nested too deep)"
        raise AgendaInvalid([AgendaError(filename, line, column, message, "each alias used a few times")]) from None
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

    def keys_of(self, node: MappingNode, allowed: tuple[str, ...], where: str) -> KeyMap:
        found = KeyMap()
        for key, key_node, value_node in self.r.pairs(node):
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                if hint:
                    found.misspelt.add(hint.split("'")[1])
                self.r.error(key_node, f"unknown key '{key}' in {where}", "one of " + ", ".join(allowed), hint)
                continue
            found[key] = (key_node, value_node)
        return found

    def missing(self, keys: KeyMap, name: str, owner: Node, message: str, expected: str) -> bool:
        """Report a missing required key, unless a misspelling of it was already reported."""
        if name in keys:
            return False
        if name not in keys.misspelt:
            self.r.error(owner, message, expected)
        return True

    def build(self, root: Node, filename: str) -> Agenda | None:
        top = self.r.mapping(root, "the agenda")
        if top is None:
            return None
        keys = self.keys_of(top, TOP_KEYS, "the agenda")
        for required in ("event", "items"):
            self.missing(keys, required, root, f"the agenda has no '{required}:'", f"a top-level '{required}:' block")
        defaults = Thresholds()
        if "thresholds" in keys:
            defaults = self.thresholds(keys["thresholds"][1], defaults, "the default thresholds")
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
        block = self.r.mapping(node, "'event'")
        if block is None:
            return None
        keys = self.keys_of(block, EVENT_KEYS, "'event'")
        fields: dict[str, object] = {}
        for name in ("title", "subtitle", "date", "venue", "organiser"):
            if name in keys:
                fields[name] = self.r.text(keys[name][1], f"event {name}") or ""
        self.missing(keys, "title", node, "the event has no title", "title: the event's name")
        fields.setdefault("title", "")
        language = self.r.text(keys["language"][1], "event language") if "language" in keys else "en"
        if language is not None and language not in LANGUAGES:
            self.r.error(keys["language"][1], f"unknown language '{language}'", "ko or en")
        fields["language"] = language if language in LANGUAGES else "en"
        fields["start_ms"] = self.time(keys["start"][1], "event start") if "start" in keys else None
        self.missing(keys, "start", node, "the event has no start time", f"start: {TIME_EXAMPLE}")
        fields["end_ms"] = self.time(keys["end"][1], "event end") if "end" in keys else None
        start, end = fields["start_ms"], fields["end_ms"]
        if isinstance(start, int) and isinstance(end, int) and end <= start:
            self.r.error(keys["end"][1], f"the event ends at {format_tod(end)}, not after its start {format_tod(start)}")
        return fields

    def thresholds(self, node: Node, base: Thresholds, what: str) -> Thresholds:
        block = self.r.mapping(node, what)
        if block is None:
            return base
        keys = self.keys_of(block, THRESHOLD_KEYS, what)
        warning = self.duration(keys["warning"][1], "warning", allow_zero=True) if "warning" in keys else None
        danger = self.duration(keys["danger"][1], "danger", allow_zero=True) if "danger" in keys else None
        result = Thresholds(
            warning_ms=base.warning_ms if warning is None else warning,
            danger_ms=base.danger_ms if danger is None else danger,
        )
        if result.danger_ms > result.warning_ms and (warning is not None or danger is not None):
            self.r.error(
                node,
                f"danger ({result.danger_ms // 1000}s) comes before warning ({result.warning_ms // 1000}s)",
                "warning at least as long as danger, e.g. warning: 2m, danger: 1m",
            )
        return result

    def sections(self, node: Node) -> tuple[Section, ...]:
        result: list[Section] = []
        seen: dict[str, int] = {}
        for entry in self.r.sequence(node, "'sections'", "- id: forum\n    title: …"):
            block = self.r.mapping(entry, "a section")
            if block is None:
                continue
            keys = self.keys_of(block, SECTION_KEYS, "a section")
            section_id = self.ident(keys, entry, "section", seen)
            title = self.r.text(keys["title"][1], "section title") if "title" in keys else None
            self.missing(keys, "title", entry, "the section has no title", "title: …")
            if section_id is not None:
                result.append(Section(section_id, title or ""))
        return tuple(result)

    def items(
        self, entry: tuple[Node, Node], defaults: Thresholds, sections: tuple[Section, ...], start_ms: int | None
    ) -> tuple[Item, ...]:
        return ItemReader(self, defaults, sections, start_ms).read(entry)

    # -- values -------------------------------------------------------------

    def ident(self, keys: KeyMap, owner: Node, what: str, seen: dict[str, int]) -> str | None:
        if self.missing(keys, "id", owner, f"the {what} has no id", "id: a short name such as opening (letters, digits, - or _)"):
            return None
        node = keys["id"][1]
        value = self.r.text(node, f"{what} id")
        if value is None:
            return None
        if not _ID_FORM.match(value):
            self.r.error(node, f"'{value}' is not a usable id", "letters, digits, - and _ only, e.g. case-kt")
            return None
        if value in seen:
            self.r.error(node, f"duplicate {what} id '{value}'", hint=f"already used on line {seen[value]}")
            return None
        seen[value] = node.start_mark.line + 1
        return value

    def duration(self, node: Node, what: str, allow_zero: bool = False) -> int | None:
        raw = self.r.raw_scalar(node, what, DURATION_EXAMPLE)
        if raw is None:
            return None
        if isinstance(raw, str) and raw.startswith("-"):
            self.r.error(node, f"{what} cannot be negative (got '{raw}')", DURATION_EXAMPLE)
            return None
        try:
            value = parse_duration(raw)
        except ValueError as problem:
            detail = str(problem) if "order" in str(problem) else f"'{raw}' is not a duration"
            self.r.error(node, f"{what}: {detail}", DURATION_EXAMPLE)
            return None
        if value <= 0 and not allow_zero:
            self.r.error(node, f"{what} must be longer than zero (got '{raw}')", DURATION_EXAMPLE)
            return None
        return value

    def time(self, node: Node, what: str) -> int | None:
        raw = self.r.raw_scalar(node, what, TIME_EXAMPLE)
        if raw is None:
            return None
        try:
            return parse_time_of_day(raw)
        except ValueError:
            self.r.error(node, f"{what} '{raw}' is not a time of day", TIME_EXAMPLE)
            return None


def _too_big(filename: str, size: int) -> AgendaError:
    return AgendaError(
        filename,
        1,
        1,
        f"the file is {size / 1_000_000:.1f} MB, too large for an agenda",
        f"at most {MAX_BYTES // (1024 * 1024)} MB (is this the right file?)",
    )


def _not_utf8(filename: str, data: bytes, offset: int) -> AgendaError:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    message = f"byte 0x{data[offset]:02x} is not UTF-8 text"
    return AgendaError(filename, line, column, message, "the file saved as UTF-8 (not EUC-KR/CP949)")


def _yaml_error(filename: str, problem: yaml.MarkedYAMLError) -> AgendaError:
    mark = problem.problem_mark or problem.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = problem.problem or "not valid YAML"
    if problem.context:
        what = f"{problem.context}, {what}"
    if "\t" in what or "tab" in what:
        return AgendaError(filename, line, column, f"not valid YAML: {what}", "indentation with spaces, not tabs")
    return AgendaError(filename, line, column, f"not valid YAML: {what}", "check quotes, colons and indentation")
