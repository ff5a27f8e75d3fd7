"""The event's logo file (``event.logo``): checked where it is named, before the show starts.

The logo is the only file an agenda points to, and it goes on every projector
screen of a government event: a typo in its path, a JPEG renamed ``.png`` or a
200 MB scan must be a located error when the agenda is checked, not a blank
corner discovered in front of the audience. The core looks at the path, the
suffix, the size and the file's first bytes (a PNG's signature, an SVG's
``<svg`` element); decoding the picture is the screen's job, and it says so if
that fails at run time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from yaml.nodes import Node

from stagetimer.core.agenda.errors import Phrase
from stagetimer.core.agenda.yaml_nodes import NodeReader
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: A logo larger than this is surely the wrong file (a print-resolution scan, a video).
MAX_LOGO_BYTES = 5 * 1024 * 1024
#: Longest path the field may hold (characters).
MAX_PATH_CHARS = 500
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: How much of an SVG is read to find its root element (past an XML declaration, comments, a doctype).
SVG_HEAD_BYTES = 64 * 1024

LOGO_WORDS = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "event logo"))
SVG_OR_PNG = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "an SVG or PNG file, its path relative to the agenda file"))


def logo_path(reader: NodeReader, node: Node, agenda_file: str) -> str:
    """The absolute path of the logo named at ``node``, or "" (with an error recorded) if it is unusable."""
    text = reader.text(node, LOGO_WORDS, MAX_PATH_CHARS)
    if not text:
        if text == "":
            reader.error(node, Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the event logo is empty")), SVG_OR_PNG)
        return ""
    suffix = Path(text).suffix.lower()
    if suffix not in (".svg", ".png"):
        wrong = QT_TRANSLATE_NOOP("AgendaErrors", "logo '{path}' is not an .svg or .png file")
        reader.error(node, Phrase.of(wrong, path=text), SVG_OR_PNG)
        return ""
    path = (Path(agenda_file).parent / text).absolute()
    problem = _file_problem(path, suffix)
    if problem is not None:
        reader.error(node, Phrase.of(problem, path=text, folder=str(path.parent),
                                     limit=MAX_LOGO_BYTES // (1024 * 1024)), SVG_OR_PNG)
        return ""
    return str(path)


def _file_problem(path: Path, suffix: str) -> str | None:
    """What is wrong with the file at ``path`` (an untranslated template), or None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' does not exist (looked in {folder})")
    except OSError:
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' cannot be read")
    if not stat.S_ISREG(mode):  # a folder, or a FIFO that would block the read below
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo '{path}' is not a file")
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_LOGO_BYTES:
                return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' is larger than {limit} MB")
            head = file.read(SVG_HEAD_BYTES)
    except OSError:
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' cannot be read")
    if suffix == ".png" and not head.startswith(PNG_SIGNATURE):
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' is not a PNG image")
    if suffix == ".svg" and not is_svg_head(head):
        return QT_TRANSLATE_NOOP("AgendaErrors", "logo file '{path}' is not an SVG image")
    return None


def is_svg_head(head: bytes) -> bool:
    """True if ``head`` is UTF-8 text whose first element is ``<svg`` (after a declaration, comments, a doctype)."""
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as cut:
        if cut.start < len(head) - 3:  # not just a character cut at the end of the head
            return False
        text = head[: cut.start].decode("utf-8-sig")
    rest = text.lstrip()
    while rest.startswith("<?") or rest.startswith("<!"):
        if rest.startswith("<!--"):
            end = rest.find("-->") + 3
        elif rest.startswith("<!DOCTYPE") and "[" in rest.split(">", 1)[0]:
            end = rest.find("]>") + 2  # a doctype with an internal subset
        else:
            end = rest.find(">") + 1
        if end <= 0:
            return False
        rest = rest[end:].lstrip()
    return rest.startswith("<svg") and (len(rest) == 4 or rest[4] in " \t\r\n>/")
