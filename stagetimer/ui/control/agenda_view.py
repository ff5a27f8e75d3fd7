"""The agenda table on screen: section headers across the row, the live row in its phase colour.

The view keeps the live row in sight (it scrolls when the live item changes,
not every second, so a stage manager looking further down is not pulled
back), shows the row the cursor is on as an outline that never hides the
live row's colour, and reports a double-click on a row as a wish to go there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from stagetimer.ui.common import theme
from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_table import (
    COLUMN,
    COLUMNS,
    KIND_TEXT,
    STATUS_TEXT,
    AgendaTableModel,
    translate,
)

#: Sample texts the fixed columns must fit (tabular digits: any digits will do).
_SAMPLES = {
    "planned": ("00:00",),
    "projected": ("00:00",),
    "duration": ("10m → 11m", "10m → 10m30s"),  # ±1 min, or a break shrunk by an overrun
    "actual_start": ("00:00",),
    "actual_end": ("00:00",),
    "over_under": ("+10:00",),
}
_PADDING = 18
_SPEAKER_WIDTH = 170
#: The share of the table's width the title column keeps, at the least.
TITLE_SHARE = 0.4
#: Columns hidden, in this order, when the window is too narrow for TITLE_SHARE.
_DROPPABLE = ("kind", "actual_end", "actual_start", "duration")
#: Rows kept in sight above the live row when the table scrolls to it.
CONTEXT_ROWS = 2
#: Width of the live row's phase-coloured edge.
_LIVE_EDGE = 4


class RowDelegate(QStyledItemDelegate):
    """Paints a cell with the model's colours; the cursor row gets an outline, not a fill.

    Qt's selection fill would hide the live row's phase colour exactly when
    the stage manager's cursor sits on the live row, which is most of the time.
    """

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            # QTableView fills the selected row's panel with the highlight before
            # the delegate runs; a row with no tint of its own would show it
            # through as a blue bar with unreadable dimmed text (a done row).
            painter.fillRect(option.rect, option.palette.base())
        plain = QStyleOptionViewItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, index)
        model = index.model()
        look = model.look(index.row()) if isinstance(model, AgendaTableModel) else None
        rect: QRect = option.rect
        last = index.model().columnCount() - 1
        painter.save()
        if look is not None and look.phase and index.column() == 0:
            painter.fillRect(QRect(rect.left(), rect.top(), _LIVE_EDGE, rect.height()), theme.phase_colour(look.phase))
        if selected:
            painter.setPen(QPen(style.ACCENT, 2))
            inner = rect.adjusted(1, 1, -1, -1)
            # Top and bottom run the cell's full width so the outline has no notches between cells.
            painter.drawLine(rect.left(), inner.top(), rect.right() + 1, inner.top())
            painter.drawLine(rect.left(), inner.bottom(), rect.right() + 1, inner.bottom())
            if index.column() == 0:
                painter.drawLine(inner.topLeft(), inner.bottomLeft())
            if index.column() == last:
                painter.drawLine(inner.topRight(), inner.bottomRight())
        painter.restore()


class AgendaTableView(QTableView):
    """The agenda rows; keys are routed by the Control window, so none are added here."""

    #: The operator double-clicked an item row: go there (argument: the item id).
    item_chosen = Signal(str)

    def __init__(self, model: AgendaTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegate(RowDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No input method: with a Korean IME in Hangul mode the letter keys
        # (R, B, F, M…) would be composed into syllables instead of reaching us.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(style.ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        model.rows_rebuilt.connect(self._lay_out_sections)
        model.focus_row_changed.connect(self.follow)
        self.doubleClicked.connect(self._on_double_click)
        self._lay_out_sections()
        self.follow(model.focus_row)  # a model fed before the view existed

    # -- what the window asks ---------------------------------------------------

    def selected_item_id(self) -> str | None:
        """The item on the cursor row, if any."""
        index = self.currentIndex()
        return self._model.item_id(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if row < 0 or self._model.item_id(row) is None:
            return
        self.selectionModel().setCurrentIndex(
            self._model.index(row, 0),
            self.selectionModel().SelectionFlag.ClearAndSelect | self.selectionModel().SelectionFlag.Rows,
        )

    def follow(self, row: int) -> None:
        """Put the cursor on the new live row and scroll it into view, with what comes next."""
        if row < 0:
            return
        self.select_row(row)
        self.scroll_to_focus()

    def scroll_to_focus(self) -> None:
        """Show the live row near the top: two rows of what was, then what is coming."""
        row = self._model.focus_row
        if row >= 0:
            self.scrollTo(self._model.index(max(0, row - CONTEXT_ROWS), 0), QAbstractItemView.ScrollHint.PositionAtTop)

    # -- internals ----------------------------------------------------------------

    def _lay_out_sections(self) -> None:
        self.clearSpans()
        for row in self._model.section_rows():
            self.setSpan(row, 0, 1, len(COLUMNS))

    _scale = 1.0

    def set_scale(self, scale: float) -> None:
        """Rows and the speaker column at ``scale`` (the style sheet scales the font)."""
        self._scale = scale
        self.verticalHeader().setDefaultSectionSize(style.scaled(style.ROW_HEIGHT, scale))
        self._size_columns()

    def _fit_columns(self) -> None:
        """On a narrow window hide the columns a stage manager needs least, so the title keeps its room.

        The title must show at least TITLE_SHARE of the table's width; the
        kind, then the actual end and start go (in that order) until it does.
        """
        header = self.horizontalHeader()
        available = self.viewport().width()
        for key in _DROPPABLE:
            header.setSectionHidden(COLUMN[key], False)
        for key in _DROPPABLE:
            fixed = sum(header.sectionSize(n) for n in range(len(COLUMNS) - 1) if not header.isSectionHidden(n))
            if available - fixed >= available * TITLE_SHARE:
                break
            header.setSectionHidden(COLUMN[key], True)

    def _size_columns(self) -> None:
        """Fixed columns fit their widest possible text in this font and language, once."""
        bold = QFontMetrics(self._bold_font())
        header = self.horizontalHeader()
        texts = dict(_SAMPLES)
        texts["status"] = tuple(translate(text) for text in STATUS_TEXT.values())
        texts["kind"] = tuple(translate(text) for text in KIND_TEXT.values())
        for key, samples in texts.items():
            title = translate(COLUMNS[COLUMN[key]][1])
            width = max(bold.horizontalAdvance(text) for text in (*samples, title))
            header.resizeSection(COLUMN[key], width + _PADDING)
        header.resizeSection(COLUMN["speaker"], style.scaled(_SPEAKER_WIDTH, self._scale))
        self._fit_columns()

    def _bold_font(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def _on_double_click(self, index: QModelIndex) -> None:
        item_id = self._model.item_id(index.row())
        if item_id is not None:
            self.item_chosen.emit(item_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The first layout (and a smaller window) may leave the live row out of sight.
        super().resizeEvent(event)
        self._fit_columns()
        live = self._model.focus_row
        if live < 0:
            return
        # The live row and the next ones must stay in sight when the window shrinks.
        ahead = self._model.index(min(live + CONTEXT_ROWS, self._model.rowCount() - 1), 0)
        viewport = self.viewport().rect()
        if not (viewport.contains(self.visualRect(self._model.index(live, 0)))
                and viewport.contains(self.visualRect(ahead))):
            self.scroll_to_focus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._size_columns()
