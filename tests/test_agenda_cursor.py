"""The table's cursor row stays readable: an outline, never Qt's highlight fill."""

from __future__ import annotations

from PySide6.QtGui import QColor

from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_table import COLUMN, AgendaTableModel
from stagetimer.ui.control.agenda_view import AgendaTableView
from tools.demo_show import DemoShow, fallback_agenda


def test_the_cursor_on_a_done_row_is_an_outline_not_a_highlight_bar(qtbot) -> None:
    # After the last item the cursor rests on it, a done row with dimmed text and
    # no tint of its own: the table's selection fill used to show through as a
    # bright bar that made the row unreadable (seen under Xvfb at the closing).
    demo = DemoShow(fallback_agenda())
    demo.run_to(len(demo.agenda.items) - 1).do("next")
    assert demo.snapshot().stage == "closing"
    model = AgendaTableModel()
    model.set_snapshot(demo.snapshot())
    view = AgendaTableView(model)
    qtbot.addWidget(view)
    view.resize(1400, 600)
    view.show()
    qtbot.waitExposed(view)
    last = model.row_of_item(demo.agenda.items[-1].id)
    view.select_row(last)
    assert view.currentIndex().row() == last
    image = view.viewport().grab().toImage()
    cursor = view.visualRect(model.index(last, COLUMN["actual_end"]))
    plain = view.visualRect(model.index(model.row_of_item(demo.agenda.items[0].id), COLUMN["projected"]))
    inside = QColor(image.pixel(cursor.center().x(), cursor.top() + 6))
    assert inside == QColor(image.pixel(plain.center().x(), plain.top() + 6)), "the cursor row is filled"
    assert inside != style.ACCENT
    # ...and the outline is there, in the accent colour.
    assert QColor(image.pixel(cursor.center().x(), cursor.top() + 1)) == style.ACCENT
