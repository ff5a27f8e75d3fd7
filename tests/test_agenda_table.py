"""The agenda table: what each row says, how it is coloured, and what it repaints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_table import (
    COLUMN,
    COLUMNS,
    ITEM_ID_ROLE,
    AgendaTableModel,
)
from stagetimer.ui.control.agenda_view import AgendaTableView
from tests.agenda_factory import make_agenda
from tools.demo_show import DemoShow, fallback_agenda

MIN = 60_000
SEC = 1_000
DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FONT = Qt.ItemDataRole.FontRole


@pytest.fixture
def demo() -> DemoShow:
    """The 2 December forum on a fake clock, doors open at 09:55."""
    return DemoShow(fallback_agenda())


@pytest.fixture
def model(qapp: QApplication) -> Iterator[AgendaTableModel]:
    table_model = AgendaTableModel()
    yield table_model
    table_model.deleteLater()


def cell(model: AgendaTableModel, item_id: str, column: str, role: int = DISPLAY) -> object:
    return model.data(model.index(model.row_of_item(item_id), COLUMN[column]), role)


def row_texts(model: AgendaTableModel, item_id: str) -> dict[str, str]:
    return {key: cell(model, item_id, key) for key, _ in COLUMNS}  # type: ignore[misc]


def fed(model: AgendaTableModel, snapshot: Snapshot) -> AgendaTableModel:
    model.set_snapshot(snapshot)
    return model


def shown_view(qtbot, model: AgendaTableModel, width: int, height: int) -> AgendaTableView:
    """The table view of ``model``, ``width`` x ``height``, on screen."""
    view = AgendaTableView(model)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


# -- rows ---------------------------------------------------------------------------


def test_each_section_has_a_header_row_spanning_the_table(qtbot, model: AgendaTableModel, demo: DemoShow) -> None:
    fed(model, demo.snapshot())
    view = AgendaTableView(model)
    qtbot.addWidget(view)
    assert model.rowCount() == 13 + 2
    assert model.section_rows() == [0, 11]
    assert model.data(model.index(0, 0)) == "① ICT 규제샌드박스 성과 공유회"
    assert model.data(model.index(11, 0)) == "② 규제 개선 전문가 포럼"
    assert view.columnSpan(0, 0) == len(COLUMNS) and view.columnSpan(11, 0) == len(COLUMNS)
    # The cursor and a double-click skip section headers.
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    assert model.item_id(1) == "opening" and model.item_id(11) is None
    assert model.data(model.index(12, 0), ITEM_ID_ROLE) == "forum-privacy"


def test_done_live_next_and_upcoming_rows_say_what_happened_and_what_is_planned(
    model: AgendaTableModel, demo: DemoShow
) -> None:
    demo.run_to(2).wait(3 * MIN)  # opening and congratulations ran to time; the report is live
    fed(model, demo.snapshot())
    assert row_texts(model, "opening") == {
        "planned": "10:00", "projected": "", "duration": "5m", "actual_start": "10:00", "actual_end": "10:05",
        "over_under": "±0:00", "status": "Done", "kind": "remarks", "speaker": "한국정보통신산업진흥원(NIPA)",
        "title": "개회사",
    }
    live = row_texts(model, "sandbox-report")
    assert (live["status"], live["actual_start"], live["actual_end"], live["projected"]) == (
        "Live", "10:10", "", "10:10")
    upcoming = row_texts(model, "ai-roadmap")
    assert (upcoming["status"], upcoming["projected"], upcoming["actual_start"], upcoming["over_under"]) == (
        "Next", "10:20", "", "")
    assert cell(model, "kt", "status") == "Upcoming"
    assert cell(model, "forum-privacy", "speaker") == "송도영 변호사"


def test_an_overrun_shows_plus_in_red_and_pushes_later_rows_in_red(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.wait(4 * MIN + 48 * SEC).do("start").wait(7 * MIN).do("next_start")  # 5-min opening took 7
    fed(model, demo.snapshot())
    assert cell(model, "opening", "over_under") == "+2:00"
    assert cell(model, "opening", "over_under", FOREGROUND) == style.BEHIND
    assert cell(model, "sandbox-report", "planned") == "10:10"
    assert cell(model, "sandbox-report", "projected") == "10:12"
    assert cell(model, "sandbox-report", "projected", FOREGROUND) == style.BEHIND
    assert cell(model, "sandbox-report", "projected", FONT).bold()
    # A row running to plan is not highlighted.
    assert cell(model, "forum-privacy", "projected") == "11:30"  # the break absorbs it: a fixed start
    assert cell(model, "forum-privacy", "projected", FOREGROUND) == style.TEXT


def test_an_early_finish_shows_minus_in_green(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.wait(4 * MIN + 48 * SEC).do("start").wait(4 * MIN).do("next_start")
    fed(model, demo.snapshot())
    assert cell(model, "opening", "over_under") == "-1:00"
    assert cell(model, "opening", "over_under", FOREGROUND) == style.AHEAD
    assert cell(model, "sandbox-report", "projected") == "10:09"
    assert cell(model, "sandbox-report", "projected", FOREGROUND) == style.AHEAD


def test_the_live_row_says_paused_or_ready_when_its_clock_is_stopped(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.run_to(1).wait(MIN).do("pause")
    assert cell(fed(model, demo.snapshot()), "congrats", "status") == "Paused"
    demo.do("next")
    assert cell(fed(model, demo.snapshot()), "sandbox-report", "status") == "Ready"


def test_added_time_shows_in_the_length(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.run_to(2).do("add_time", MIN)
    assert cell(fed(model, demo.snapshot()), "sandbox-report", "duration") == "10m → 11m"


def test_the_live_row_is_tinted_in_its_phase_colour_and_done_rows_are_dimmed(
    model: AgendaTableModel, demo: DemoShow
) -> None:
    demo.into_item(4, remaining_ms=90 * SEC)  # KT, in warning
    fed(model, demo.snapshot())
    assert cell(model, "kt", "title", BACKGROUND) == style.live_row_colour("warning")
    assert cell(model, "kt", "title", FONT).bold()
    assert cell(model, "opening", "title", FOREGROUND) == style.DONE
    assert cell(model, "opening", "title", BACKGROUND) is None
    assert cell(model, "cudo", "title", FOREGROUND) == style.TEXT
    demo.wait(2 * MIN)
    assert cell(fed(model, demo.snapshot()), "kt", "title", BACKGROUND) == style.live_row_colour("overtime")


def test_on_screen_the_live_row_keeps_its_colour_under_the_cursor(
    qtbot, model: AgendaTableModel, demo: DemoShow
) -> None:
    demo.into_item(4, remaining_ms=90 * SEC)
    fed(model, demo.snapshot())
    view = shown_view(qtbot, model, 1400, 500)
    live_row = model.row_of_item("kt")
    assert view.currentIndex().row() == live_row  # the cursor follows the live row
    rect = view.visualRect(model.index(live_row, COLUMN["actual_end"]))  # an empty cell: no text
    image = view.viewport().grab().toImage()
    assert QColor(image.pixel(rect.center())) == style.live_row_colour("warning")
    # Other rows are untinted: a done row's empty corner is the same colour as an upcoming one's.
    done = view.visualRect(model.index(model.row_of_item("opening"), COLUMN["actual_end"]))
    upcoming = view.visualRect(model.index(model.row_of_item("cudo"), COLUMN["actual_end"]))
    assert image.pixel(done.left() + 5, done.top() + 5) == image.pixel(upcoming.left() + 5, upcoming.top() + 5)
    assert QColor(image.pixel(done.left() + 5, done.top() + 5)) != style.live_row_colour("warning")


# -- updates ------------------------------------------------------------------------


def changed_rows(model: AgendaTableModel, snapshot: Snapshot) -> set[int]:
    rows: set[int] = set()

    def record(top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        rows.update(range(top_left.row(), bottom_right.row() + 1))

    model.dataChanged.connect(record)
    model.set_snapshot(snapshot)
    model.dataChanged.disconnect(record)
    return rows


def test_a_tick_that_changes_nothing_visible_repaints_no_row(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.into_item(3, remaining_ms=5 * MIN)
    fed(model, demo.snapshot())
    demo.wait(SEC)  # the countdown moved; no text or colour of the table did
    assert changed_rows(model, demo.snapshot()) == set()


def test_a_tick_in_overtime_repaints_only_the_rows_that_changed(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.into_item(3, remaining_ms=-30 * SEC)
    fed(model, demo.snapshot())
    demo.wait(SEC)
    rows = changed_rows(model, demo.snapshot())
    live = model.row_of_item("ai-roadmap")
    assert live in rows  # its +/− grew by a second
    assert all(row >= live for row in rows)  # nothing already done is touched
    assert cell(model, "ai-roadmap", "over_under") == "+0:31"


def test_a_tick_in_overtime_repaints_single_cells_not_whole_rows(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.into_item(3, remaining_ms=-30 * SEC)
    fed(model, demo.snapshot())
    demo.wait(SEC)
    spans: list[tuple[int, int, int]] = []

    def record(top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        spans.append((top_left.row(), top_left.column(), bottom_right.column()))

    model.dataChanged.connect(record)
    model.set_snapshot(demo.snapshot())
    model.dataChanged.disconnect(record)
    over_under, duration = COLUMN["over_under"], COLUMN["duration"]
    # The speaker's +/− grew by a second and the break after shrank by one: two cells, nothing else.
    assert sorted(spans) == sorted([(model.row_of_item("ai-roadmap"), over_under, over_under),
                                    (model.row_of_item("break"), duration, duration)])


def test_a_new_agenda_rebuilds_the_rows(qtbot, model: AgendaTableModel, demo: DemoShow) -> None:
    fed(model, demo.snapshot())
    other = DemoShow(make_agenda([("a", "talk", "5m"), ("b", "talk", "5m")]))
    with qtbot.waitSignal(model.rows_rebuilt):
        model.set_snapshot(other.snapshot())
    assert model.rowCount() == 2  # two items, no section titles: no header rows
    assert model.item_id(0) == "a" and model.section_rows() == []


# -- the view -----------------------------------------------------------------------


def test_the_table_scrolls_to_keep_the_live_row_in_sight(qtbot, model: AgendaTableModel, demo: DemoShow) -> None:
    fed(model, demo.snapshot())
    view = shown_view(qtbot, model, 900, 6 * style.ROW_HEIGHT)
    demo.run_to(12)  # the last forum topic, far below the first rows
    model.set_snapshot(demo.snapshot())
    live = view.visualRect(model.index(model.row_of_item("forum-ai"), 0))
    assert view.viewport().rect().contains(live)


def test_a_double_click_on_a_row_asks_to_go_there(qtbot, model: AgendaTableModel, demo: DemoShow) -> None:
    fed(model, demo.snapshot())
    view = shown_view(qtbot, model, 1200, 600)
    chosen: list[str] = []
    view.item_chosen.connect(chosen.append)
    kt = view.visualRect(model.index(model.row_of_item("kt"), COLUMN["title"])).center()
    header = view.visualRect(model.index(0, 0)).center()
    for position in (kt, header):  # a double-click is a click, then a second press
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert chosen == ["kt"]


def test_an_item_begun_and_stepped_back_over_shows_no_over_under(model: AgendaTableModel, demo: DemoShow) -> None:
    demo.run_to(2).wait(3 * SEC).do("previous")  # the report started by mistake, then ←
    fed(model, demo.snapshot())
    assert cell(model, "sandbox-report", "status") == "Next"
    # A start stepped back over within a minute was a mis-key (the report's rule, now everywhere):
    # it never happened, so no start time and not "9:57 early"; the item waits with its full time.
    assert cell(model, "sandbox-report", "actual_start") == ""
    assert cell(model, "sandbox-report", "over_under") == ""


def test_a_tick_looks_again_only_at_the_live_row_and_a_new_language_at_all(
        model: AgendaTableModel, demo: DemoShow, monkeypatch) -> None:
    """The core lends unchanged rows as the same objects; the table re-reads only the live one each second.

    A language switch changes no row the core builds, so the looks must be made again for it all the same.
    """
    from stagetimer.ui.control import agenda_table

    demo.into_item(3, remaining_ms=5 * MIN)
    fed(model, demo.snapshot())
    looked: list[str] = []
    real = agenda_table.row_look
    monkeypatch.setattr(agenda_table, "row_look", lambda item, snap: looked.append(item.id) or real(item, snap))
    demo.wait(SEC)
    model.set_snapshot(demo.snapshot())
    assert looked == ["ai-roadmap"]
    looked.clear()
    monkeypatch.setattr(agenda_table, "ui_language", lambda: "ko")
    demo.wait(SEC)
    model.set_snapshot(demo.snapshot())
    assert len(looked) == len(demo.snapshot().items)
