"""The agenda as the stage manager reads it: planned, projected and actual, row by row.

A QAbstractTableModel over ``snapshot.items`` with a header row for each
section, and the QTableView that shows it. The table is refreshed once a
second, so the model keeps the text of every row and tells the view only
about the rows whose text or colour really changed; on most ticks that is
none at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from stagetimer.core.agenda.kind_words import kind_word
from stagetimer.core.show.snapshot import ClockState, ItemView, Snapshot
from stagetimer.core.timefmt import format_duration, format_offset, format_tod
from stagetimer.core.translatable import QT_TRANSLATE_NOOP
from stagetimer.ui.common.i18n import ui_language
from stagetimer.ui.control import style as style

CONTEXT = "AgendaTable"
#: The item id of a row (None on a section row).
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on a section header row.
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2

#: (key, header) of every column, left to right.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("planned", QT_TRANSLATE_NOOP("AgendaTable", "Planned")),
    ("projected", QT_TRANSLATE_NOOP("AgendaTable", "Projected")),
    ("duration", QT_TRANSLATE_NOOP("AgendaTable", "Length")),
    ("actual_start", QT_TRANSLATE_NOOP("AgendaTable", "Started")),
    ("actual_end", QT_TRANSLATE_NOOP("AgendaTable", "Ended")),
    ("over_under", QT_TRANSLATE_NOOP("AgendaTable", "+/−")),
    ("status", QT_TRANSLATE_NOOP("AgendaTable", "Status")),
    ("kind", QT_TRANSLATE_NOOP("AgendaTable", "Kind")),
    ("speaker", QT_TRANSLATE_NOOP("AgendaTable", "Speaker")),
    ("title", QT_TRANSLATE_NOOP("AgendaTable", "Title")),
)
#: The length of an item that counts to a clock time (``ends_at``): "→12:30", then how long it gets.
ENDS_AT = QT_TRANSLATE_NOOP("AgendaTable", "→%1")
COLUMN = {key: number for number, (key, _) in enumerate(COLUMNS)}

STATUS_TEXT = {
    "done": QT_TRANSLATE_NOOP("AgendaTable", "Done"),
    "skipped": QT_TRANSLATE_NOOP("AgendaTable", "Skipped"),
    "live": QT_TRANSLATE_NOOP("AgendaTable", "Live"),
    "paused": QT_TRANSLATE_NOOP("AgendaTable", "Paused"),
    "ready": QT_TRANSLATE_NOOP("AgendaTable", "Ready"),
    "next": QT_TRANSLATE_NOOP("AgendaTable", "Next"),
    "upcoming": QT_TRANSLATE_NOOP("AgendaTable", "Upcoming"),
}


def kind_text(kind: str) -> str:
    """The kind in the operator's language, from the one table the report reads too."""
    return kind_word(kind, ui_language())


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN = {"status": _CENTRE, "kind": _LEFT, "speaker": _LEFT, "title": _LEFT}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


#: The live row's word, by what its clock is doing.
LIVE_WORD = {ClockState.RUNNING: "live", ClockState.PAUSED: "paused", ClockState.READY: "ready"}


def status_key(item: ItemView, snapshot: Snapshot) -> str:
    """The status word of a row; the live row says whether its clock runs."""
    if item.status != "live":
        return item.status
    return LIVE_WORD.get(snapshot.clock_state, "live")


@dataclass(frozen=True)
class RowLook:
    """Everything a row shows. Two equal looks draw identically: nothing to repaint."""

    texts: tuple[str, ...]
    status: str
    phase: str  # the live row's phase, "" elsewhere
    over_under_ms: int | None
    projected_shift: int  # -1 projected earlier than planned, +1 later, 0 same (as shown)


def row_look(item: ItemView, snapshot: Snapshot) -> RowLook:
    """The text and colour cues of one agenda row."""
    status = status_key(item, snapshot)
    planned = format_tod(item.planned_start_ms)
    done = item.status in ("done", "skipped")
    projected = "" if done else format_tod(item.projected_start_ms)
    shift = 0
    if projected and projected != planned:
        shift = 1 if item.projected_start_ms > item.planned_start_ms else -1
    duration = format_duration(item.planned_duration_ms)
    if item.allotted_ms != item.planned_duration_ms and not done:
        duration += " → " + format_duration(item.allotted_ms)  # ±1 min, or an elastic break
    if item.ends_at_ms is not None and not done:  # it counts to a clock time: that, then how long it gets
        to = translate(ENDS_AT).replace("%1", format_tod(item.ends_at_ms))
        duration = f"{to} · {format_duration(item.allotted_ms)}"
    over_under = item.over_under_ms  # the core's one figure (None: it never held the stage)
    people = item.speaker_text
    if item.organisation:
        people = f"{people} · {item.organisation}" if people else item.organisation
    texts = (
        planned,
        projected,
        duration,
        "" if item.actual_start_ms is None else format_tod(item.actual_start_ms),
        "" if item.actual_end_ms is None else format_tod(item.actual_end_ms),
        "" if over_under is None else format_offset(over_under),
        translate(STATUS_TEXT[status]),
        kind_text(item.kind),
        people,
        item.title,
    )
    phase = snapshot.phase if item.status == "live" else ""
    return RowLook(texts, status, phase, over_under, shift)


def changed_columns(old: RowLook, new: RowLook) -> tuple[int, int]:
    """The first and last column that draw differently: the whole row if a row-wide cue changed.

    In overtime the live row's +/− and an elastic break's length change every
    second; repainting those two cells instead of two whole rows is most of
    the table's cost in that phase.
    """
    if (old.status, old.phase, old.projected_shift) != (new.status, new.phase, new.projected_shift):
        return 0, len(COLUMNS) - 1
    pairs = enumerate(zip(old.texts, new.texts, strict=True))
    columns = [number for number, (before, after) in pairs if before != after]
    if old.over_under_ms != new.over_under_ms:
        columns.append(COLUMN["over_under"])  # its colour follows the figure
    return min(columns), max(columns)


@dataclass(frozen=True)
class Row:
    """A line of the table: a section header (title) or an agenda item (its index)."""

    section_title: str | None = None
    item_index: int | None = None


def layout_rows(items: tuple[ItemView, ...]) -> tuple[Row, ...]:
    """Items in order, with a header wherever the section changes."""
    rows: list[Row] = []
    section: str | None = None
    for item in items:
        if item.section_id != section:
            section = item.section_id
            if item.section_title:
                rows.append(Row(section_title=item.section_title))
        rows.append(Row(item_index=item.index))
    return tuple(rows)


class AgendaTableModel(QAbstractTableModel):
    """The agenda rows of the latest snapshot, with their status, times and colours."""

    #: The row to keep in sight moved (argument: the row, -1 for none): the live item,
    #: else the first item before the show and the last one after it.
    focus_row_changed = Signal(int)
    #: Rows were rebuilt (a new agenda): spans must be laid out again.
    rows_rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Row, ...] = ()
        self._structure: tuple[tuple[str, str, str], ...] = ()
        self._looks: list[RowLook] = []
        #: Per item index: the ItemView, the clock, phase and language its look was made for, and the look.
        self._look_memo: dict[int, tuple[ItemView, tuple[object, ...], RowLook]] = {}
        self._row_of_item: dict[int, int] = {}
        self._ids: list[str] = []
        self._live_row = -1
        self._focus_row = -1
        self._bold = QFont()
        self._bold.setBold(True)

    # -- feeding --------------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot) -> None:
        """Take a new snapshot; repaint only the cells whose look changed."""
        structure = tuple((item.id, item.section_id, item.section_title) for item in snapshot.items)
        language = ui_language()
        looks = [self._look(index, item, snapshot, language) for index, item in enumerate(snapshot.items)]
        if structure != self._structure:
            self.beginResetModel()
            self._structure = structure
            self._rows = layout_rows(snapshot.items)
            self._row_of_item = {row.item_index: number for number, row in enumerate(self._rows)
                                 if row.item_index is not None}
            self._ids = [item.id for item in snapshot.items]
            self._looks = list(looks)
            self.endResetModel()
            self.rows_rebuilt.emit()
        else:
            spans = [(self._row_of_item[index], *changed_columns(self._looks[index], look))
                     for index, look in enumerate(looks) if look != self._looks[index]]
            self._looks = list(looks)
            for row, first, last in spans:
                self.dataChanged.emit(self.index(row, first), self.index(row, last))
        live = snapshot.current.index if snapshot.current is not None else -1
        self._live_row = self._row_of_item.get(live, -1)
        focus = live
        if focus < 0 and snapshot.items:
            focus = 0 if snapshot.stage == "welcome" else len(snapshot.items) - 1
        focus_row = self._row_of_item.get(focus, -1)
        if focus_row != self._focus_row:
            self._focus_row = focus_row
            self.focus_row_changed.emit(focus_row)

    def _look(self, index: int, item: ItemView, snapshot: Snapshot, language: str) -> RowLook:
        """row_look(), or the row's last look when nothing it reads has changed.

        The core lends a row that did not change as the very same ItemView
        (core/show/snapshot_memo.py), so on most ticks only the live row is
        looked at again; the live row's look also reads the clock and the phase,
        and every look the operator's language.
        """
        live = item.status == "live"
        context = (snapshot.clock_state if live else None, snapshot.phase if live else "", language)
        found = self._look_memo.get(index)
        if found is not None and found[0] is item and found[1] == context:
            return found[2]
        look = row_look(item, snapshot)
        self._look_memo[index] = (item, context, look)
        return look

    # -- reading --------------------------------------------------------------

    @property
    def live_row(self) -> int:
        return self._live_row

    @property
    def focus_row(self) -> int:
        return self._focus_row

    def row_of_item(self, item_id: str) -> int:
        """The table row of an item id, or -1."""
        try:
            return self._row_of_item[self._ids.index(item_id)]
        except ValueError:
            return -1

    def item_id(self, row: int) -> str | None:
        if 0 <= row < len(self._rows) and self._rows[row].item_index is not None:
            return self._ids[self._rows[row].item_index]  # type: ignore[index]
        return None

    def is_section(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].section_title is not None

    def section_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.section_title is not None]

    def look(self, row: int) -> RowLook | None:
        if 0 <= row < len(self._rows) and self._rows[row].item_index is not None:
            return self._looks[self._rows[row].item_index]  # type: ignore[index]
        return None

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.is_section(index.row()):
            return Qt.ItemFlag.NoItemFlags  # arrows and clicks skip section headers
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(COLUMNS[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(COLUMNS[section][0], _RIGHT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if row.section_title is not None:
            return self._section_data(row.section_title, index.column(), role)
        look = self._looks[row.item_index]  # type: ignore[index]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return look.texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(look, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return style.live_row_colour(look.phase) if look.phase else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if look.phase or (key == "projected" and look.projected_shift) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(key, _RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "speaker"):
            return look.texts[index.column()]
        if role == ITEM_ID_ROLE:
            return self._ids[row.item_index]  # type: ignore[index]
        if role == SECTION_ROLE:
            return False
        return None

    def _section_data(self, title: str, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return title
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(style.SECTION)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(style.ACCENT)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == SECTION_ROLE:
            return True
        return None

    def _foreground(self, look: RowLook, key: str) -> QColor:
        if key == "over_under" and look.over_under_ms is not None:
            return style.offset_colour(look.over_under_ms)
        if look.status in ("done", "skipped"):
            return QColor(style.DONE)
        if key == "projected" and look.projected_shift:
            return QColor(style.BEHIND if look.projected_shift > 0 else style.AHEAD)
        if key == "kind" and not look.phase:
            return QColor(style.MUTED)  # a quiet column: it rarely decides anything
        return QColor(style.TEXT)
