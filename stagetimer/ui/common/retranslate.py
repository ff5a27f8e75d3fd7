"""Re-wording a live window when the operator switches the UI language.

Control's widgets take their words when they are built. Rather than every
panel keeping a list of its labels' source strings (and every new panel
forgetting one), the switch reads the words now on screen, finds which
catalogue entry each one is (the ``.ts`` holds the English source and its
translation side by side) and puts that entry in the new language. Texts
that are not catalogue entries (agenda titles, times, text with figures
filled in) are left alone: the next frame repaints those in the new language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget

Entry = tuple[str, str]  # (context, English source)


class Catalogue:
    """Every (context, source) of a ``.ts`` file, found by its English or its translated text."""

    def __init__(self, ts_path: Path) -> None:
        # Imported here: a catalogue is read only when the operator switches language, and the
        # XML parser is not needed for a show's start (~2.5 ms of import).
        import xml.etree.ElementTree as ET

        self._by_text: dict[str, list[Entry]] = {}
        try:
            root = ET.parse(ts_path).getroot()
        except (OSError, ET.ParseError):
            return  # no catalogue: English only, nothing to re-word
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.findtext("translation") or ""
                for text in {source, translation} - {""}:
                    self._by_text.setdefault(text, []).append((name, source))

    def entries(self, text: str) -> list[Entry]:
        """The catalogue entries that read ``text`` in some language (most often one)."""
        return self._by_text.get(text, [])

    def reword(self, text: str, preferred: tuple[str, ...] = ()) -> str | None:
        """``text`` as the installed translator says its entry now (None: not a catalogue text).

        One English word can sit in several contexts; the widget's own class
        names (``preferred``) pick among them, else the first.
        """
        if not text:
            return None
        found = self.entries(text)
        if not found:
            return None
        context, source = next((entry for entry in found if entry[0] in preferred), found[0])
        return QCoreApplication.translate(context, source)


def _contexts(obj: QObject) -> tuple[str, ...]:
    """The class names from ``obj`` up its parents: the translation contexts it was likely worded in."""
    names: list[str] = []
    current: QObject | None = obj
    while current is not None:
        names.extend(cls.__name__ for cls in type(current).__mro__[:2])
        current = current.parent()
    return tuple(names)


def _texts(root: QWidget) -> Iterator[tuple[QObject, Callable[[], str], Callable[[str], None]]]:
    """Every visible word-bearing property under ``root``: (object, getter, setter)."""
    objects: list[QObject] = [root, *root.findChildren(QObject)]
    for obj in objects:
        if isinstance(obj, QWidget):
            yield obj, obj.windowTitle, obj.setWindowTitle
            yield obj, obj.toolTip, obj.setToolTip
        if isinstance(obj, (QLabel, QAbstractButton)):
            yield obj, obj.text, obj.setText
        elif isinstance(obj, QMenu):
            yield obj, obj.title, obj.setTitle
        elif isinstance(obj, QAction):
            yield obj, obj.text, obj.setText


def retranslate(root: QWidget, catalogue: Catalogue, install: Callable[[], object]) -> int:
    """Read ``root``'s words, run ``install`` (the new translator), and re-word them; how many changed."""
    found = [(obj, setter, text) for obj, getter, setter in _texts(root) if (text := getter())]
    install()
    changed = 0
    for obj, setter, text in found:
        new = catalogue.reword(text, _contexts(obj))
        if new is not None and new != text:
            setter(new)
            changed += 1
    return changed
