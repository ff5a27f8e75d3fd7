"""Agenda YAML → validated :class:`Agenda`, or every error with its place.

A stage manager edits this file under pressure, possibly minutes before
doors open: one run must list every mistake (file:line:column, what is
wrong, what was expected, "did you mean …?"), and no input — binary junk,
a 10 MB paste, an alias bomb — may produce a traceback or a hang.
"""

from __future__ import annotations

import datetime
import errno
import os
import stat
from pathlib import Path

import yaml
import yaml.reader
from yaml.nodes import Node

from stagetimer.core.agenda import limits
from stagetimer.core.agenda.block_reader import THRESHOLD_KEYS, BlockReader
from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid, Phrase
from stagetimer.core.agenda.file_errors import (
    alias_bomb,
    empty_file,
    not_a_file,
    not_utf8,
    not_yaml,
    too_big,
    unreadable_character,
    yaml_error,
)
from stagetimer.core.agenda.loader_items import DEFAULT_KIND, ITEM_KEYS, ItemReader
from stagetimer.core.agenda.loader_phases import read_cues, read_messages
from stagetimer.core.agenda.loader_then import HOLD, AtZero, read_at_zero
from stagetimer.core.agenda.logo_file import logo_path
from stagetimer.core.agenda.model import Agenda, Event, Item, PerPhase, Section, Thresholds
from stagetimer.core.agenda.yaml_compose import compose, structure_errors
from stagetimer.core.agenda.yaml_nodes import BudgetExceeded, NodeReader, position
from stagetimer.core.timefmt import format_tod
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: Larger than any real agenda by far; refused before reading so a wrong file is quick.
MAX_BYTES = 2 * 1024 * 1024

TOP_KEYS = ("event", "thresholds", "sections", "items", "then", "grace", "cues", "messages")
EVENT_KEYS = ("title", "subtitle", "date", "venue", "organiser", "start", "end", "hard_end", "language", "logo")
SECTION_KEYS = ("id", "title")
LANGUAGES = ("ko", "en")
#: The key tuples are the loader's vocabulary (the JSON schema test reads them here).
__all__ = [
    "DEFAULT_KIND",
    "EVENT_KEYS",
    "ITEM_KEYS",
    "MAX_BYTES",
    "SECTION_KEYS",
    "THRESHOLD_KEYS",
    "TOP_KEYS",
    "NotAnAgendaFile",
    "load_agenda",
    "parse_agenda",
    "read_agenda_bytes",
]

THE_AGENDA = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the agenda"))
#: The event's text fields, as named in messages about their values.
EVENT_TEXTS = {
    "title": (Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event title")), limits.EVENT_TITLE),
    "subtitle": (Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event subtitle")), limits.EVENT_SUBTITLE),
    "date": (Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event date")), limits.DATE),
    "venue": (Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event venue")), limits.VENUE),
    "organiser": (Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event organiser")), limits.ORGANISER),
}


def is_iso_date(text: str) -> bool:
    """``2025-12-02``: four-digit year, month and day, a real calendar date."""
    if not (len(text) == 10 and text.isascii() and text[4] == text[7] == "-"):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class NotAnAgendaFile(OSError):
    """The path is a folder, a named pipe, a device or a socket: refused before it is read.

    Reading a FIFO would wait for a writer forever (``check`` and the app
    would hang), so the path is looked at before it is opened, and opened
    without waiting. ``error`` says the same as a translatable AgendaError.
    """

    def __init__(self, error: AgendaError) -> None:
        super().__init__(errno.EINVAL, error.message)
        self.error = error


def read_agenda_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES.

    Raises NotAnAgendaFile for anything but a regular file, AgendaInvalid
    when it is too big, and OSError when it cannot be read. Never blocks: a
    FIFO is refused by its stat, and the file is opened with O_NONBLOCK where
    the platform has it, then checked again by its descriptor (it may have
    been swapped in between).
    """
    name = str(path)
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotAnAgendaFile(not_a_file(name, mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotAnAgendaFile(not_a_file(name, info.st_mode))
        if info.st_size > MAX_BYTES:  # refused before reading: a wrong file must not stall the app
            raise AgendaInvalid([too_big(name, info.st_size, MAX_BYTES)])
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # grew while being read
        raise AgendaInvalid([too_big(name, len(data), MAX_BYTES)])
    return data


def load_agenda(path: str | Path) -> Agenda:
    """Read and validate an agenda file. Raises AgendaInvalid, NotAnAgendaFile or OSError."""
    return parse_agenda(read_agenda_bytes(path), str(path))


def parse_agenda(data: bytes, filename: str = "<agenda>") -> Agenda:
    """Validate agenda bytes; raise AgendaInvalid listing every problem."""
    if len(data) > MAX_BYTES:
        raise AgendaInvalid([too_big(filename, len(data), MAX_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise AgendaInvalid([not_utf8(filename, data, bad.start)]) from None
    try:
        composed = compose(text)
    except yaml.MarkedYAMLError as problem:
        raise AgendaInvalid([yaml_error(filename, problem, text)]) from None
    except yaml.reader.ReaderError as problem:
        raise AgendaInvalid([unreadable_character(filename, text, problem)]) from None
    except yaml.YAMLError as problem:  # pragma: no cover - every PyYAML error we know is marked
        raise AgendaInvalid([AgendaError.of(filename, 1, 1, not_yaml(str(problem)))]) from None
    root = composed.root
    if root is None:
        raise AgendaInvalid([empty_file(filename)])
    reader = NodeReader.for_text(filename, text)
    broken = structure_errors(filename, composed, reader.budget)
    if broken:
        raise AgendaInvalid(broken)
    try:
        agenda = _AgendaBuilder(reader).build(root, filename)
    except BudgetExceeded as bomb:
        raise AgendaInvalid([alias_bomb(filename, *position(bomb.node))]) from None
    if reader.errors or agenda is None:
        raise AgendaInvalid(reader.errors)
    return agenda


class _AgendaBuilder(BlockReader):
    """One pass over the document that collects errors instead of stopping."""

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
        at_zero = read_at_zero(self, keys, HOLD)  # every item's ``then``, unless it names its own
        items = self.items(keys["items"], defaults, sections, start_ms, at_zero) if "items" in keys else ()
        cues = read_cues(self, keys["cues"][1]) if "cues" in keys else PerPhase()
        messages = read_messages(self, keys["messages"][1]) if "messages" in keys else PerPhase()
        if event_fields is None or start_ms is None:
            return None
        end_ms = event_fields.pop("end_ms")
        if end_ms is None:
            end_ms = items[-1].planned_end_ms if items else start_ms
        event = Event(end_ms=end_ms, **event_fields)  # type: ignore[arg-type]
        return Agenda(event=event, thresholds=defaults, sections=sections, items=items, source=filename,
                      cues=cues, messages=messages)

    # -- blocks -------------------------------------------------------------

    def event(self, node: Node) -> dict[str, object] | None:
        where = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'event'"))
        block = self.r.mapping(node, where)
        if block is None:
            return None
        keys = self.keys_of(block, EVENT_KEYS, where)
        fields: dict[str, object] = {}
        for name, (words, limit) in EVENT_TEXTS.items():
            if name in keys:
                fields[name] = self.r.text(keys[name][1], words, limit) or ""
        if fields.get("date") and not is_iso_date(str(fields["date"])):
            # Control compares it with today, and the report prints it: it must be a date.
            not_a_date = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event date '{date}' is not a date"),
                                   date=str(fields["date"]))
            a_date = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", 'a date such as "2025-12-02"'))
            self.r.error(keys["date"][1], not_a_date, a_date)
            fields["date"] = ""
        no_title = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the event has no title"))
        name_it = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title: the event's name"))
        self.missing(keys, "title", node, no_title, name_it)
        fields.setdefault("title", "")
        language_words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event language"))
        language = self.r.text(keys["language"][1], language_words, limits.WORD) if "language" in keys else "en"
        if language is not None and language not in LANGUAGES:
            unknown = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "unknown language '{language}'"), language=language)
            self.r.error(keys["language"][1], unknown, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "ko or en")))
        fields["language"] = language if language in LANGUAGES else "en"
        if "logo" in keys:  # a file beside the agenda: checked now, not found missing in front of the audience
            fields["logo"] = logo_path(self.r, keys["logo"][1], self.r.filename)
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
        fields["hard_end_ms"] = self.hard_end(keys["hard_end"][1], start, end) if "hard_end" in keys else None
        return fields

    def hard_end(self, node: Node, start: object, end: object) -> int | None:
        """When the venue must be empty: a time of day, after the start and not before the planned end."""
        words = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event hard end"))
        hard = self.time(node, words)
        if hard is None:
            return None
        if isinstance(end, int) and hard < end:
            early = QT_TRANSLATE_NOOP("AgendaErrors", "the hard end {hard_end} is before the event's end {end}")
            later = QT_TRANSLATE_NOOP("AgendaErrors", "a hard end at or after the end (the latest the day may run)")
            self.r.error(node, Phrase.of(early, hard_end=format_tod(hard), end=format_tod(end)), Phrase.of(later))
            return None
        if isinstance(start, int) and hard <= start:
            too_early = QT_TRANSLATE_NOOP("AgendaErrors", "the hard end {hard_end} is not after the start {start}")
            self.r.error(node, Phrase.of(too_early, hard_end=format_tod(hard), start=format_tod(start)))
            return None
        return hard

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
            title = self.r.text(keys["title"][1], title_words, limits.SECTION_TITLE) if "title" in keys else None
            self.missing(keys, "title", entry, no_title, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "title: …")))
            if section_id is not None:
                result.append(Section(section_id, title or ""))
        return tuple(result)

    def items(
        self,
        entry: tuple[Node, Node],
        defaults: Thresholds,
        sections: tuple[Section, ...],
        start_ms: int | None,
        at_zero: AtZero = HOLD,
    ) -> tuple[Item, ...]:
        return ItemReader(self, defaults, sections, start_ms, at_zero).read(entry)
