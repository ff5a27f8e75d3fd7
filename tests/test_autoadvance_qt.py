"""The display wakes for an automatic change, and Control says what the clock did (fake clock, offscreen Qt)."""

from __future__ import annotations

import dataclasses

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import EventKind
from stagetimer.core.show.show import Show
from stagetimer.ui.control.agenda_table import COLUMN
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import SLACK_MS, Controller
from tests.test_autoadvance import CLOSING, MIN, START, TEN, agenda

LOAD_AFTER = agenda("  - {id: a, title: A, duration: 5m, then: load}\n  - {id: b, title: Bee, duration: 5m}\n")


def test_the_display_timer_is_armed_for_the_automatic_change_to_the_millisecond(qtbot) -> None:
    items = list(LOAD_AFTER.items)
    items[0] = dataclasses.replace(items[0], grace_ms=30_250)  # a grace off the second boundaries
    clock = FakeClock(tod_ms=TEN)
    controller = Controller(Show(LOAD_AFTER.replace_items(tuple(items)), clock))
    heard: list = []
    controller.events_occurred.connect(heard.extend)
    controller.start()
    controller.apply(Command("start"))
    clock.advance(5 * MIN + 30_000)
    controller.publish()
    assert controller.snapshot.next_change_ms == 250  # not the next second: the change itself
    assert controller.timer.interval() == 250 + SLACK_MS
    clock.advance(250)
    controller.publish()
    assert controller.snapshot.current.id == "b" and not controller.snapshot.running
    auto = [event for event in heard if event.kind is EventKind.AUTO_ADVANCED]
    assert [(event.item_id, event.show_ms) for event in auto] == [("a", 5 * MIN + 30_250)]
    controller.stop()


def test_control_says_the_clock_started_the_next_item(qtbot) -> None:
    clock = FakeClock(tod_ms=TEN)
    controller = Controller(Show(START, clock))
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    controller.apply(Command("start"))
    clock.advance(10 * MIN + 2_000)
    controller.publish()
    assert window.notice() == "Automatically started: B (Break reached zero; Ctrl+Z takes it back)"
    controller.apply(Command("undo"))
    assert window.notice() == "Undone: back to Break"
    controller.stop()


def test_control_says_the_next_is_ready_until_it_starts(qtbot) -> None:
    clock = FakeClock(tod_ms=TEN)
    controller = Controller(Show(LOAD_AFTER, clock))
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    controller.apply(Command("start"))
    clock.advance(5 * MIN)
    controller.publish()
    assert window.notice() == "Automatically ready: Bee, Space starts it (A reached zero; Ctrl+Z takes it back)"
    controller.apply(Command("start"))
    assert window.notice() == ""  # "Space starts it" is gone once it has
    controller.stop()


def test_the_table_shows_the_clock_time_an_item_counts_to(qtbot) -> None:
    clock = FakeClock(tod_ms=TEN)
    controller = Controller(Show(CLOSING, clock))
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, COLUMN["title"])) == "Closing")
    assert model.data(model.index(row, COLUMN["duration"])) == "→10:30 · 10m"
    clock.advance(7 * MIN)  # 7 minutes late before it started: it is projected to get 3 minutes (its min)
    controller.start()
    assert model.data(model.index(row, COLUMN["duration"])) == "→10:30 · 3m"
