"""Transition events: a whole day on a fake clock, with every event at its exact time.

Cues (sound, automatic messages, web push) will subscribe to these, so the
times must be exact to the millisecond whatever the tick rate, a replay
after a crash must not announce the past again, and the display timer must
wake for a crossing that falls between two displayed seconds.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer.core.agenda.model import Agenda, Thresholds
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import Event, EventKind
from stagetimer.core.show.session import Session
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import format_tod, parse_time_of_day

SEC = 1_000
K = EventKind


def day_agenda() -> Agenda:
    return make_agenda(
        [("opening", "remarks", "5m"), ("talk", "talk", "10m"), ("gap", "talk", "3m"),
         ("break", "break", "10m"), ("panel", "panel", "20m", "10:30")],
        start="10:00",
    )


class Day:
    """A session on a fake clock; every event, from commands and from ticks, in the order announced."""

    def __init__(self, state_dir: Path, tick_ms: int) -> None:
        self.clock = FakeClock(tod_ms=parse_time_of_day("09:59"))
        self.session = Session.open(day_agenda(), state_dir, self.clock)
        self.tick_ms = tick_ms
        self.events: list[Event] = []

    def do(self, action: str, value: str | int | None = None) -> Day:
        outcome = self.session.apply(Command(action, value))
        assert outcome.applied, outcome
        self.events.extend(outcome.events)
        return self

    def wait(self, ms: int) -> Day:
        """Let time pass, ticking every ``tick_ms`` as the display timer would (any rate will do)."""
        while ms > 0:
            step = min(ms, self.tick_ms)
            self.clock.advance(step)
            ms -= step
            show = self.session.show
            self.events.extend(show.events_until(show.now_ms()))
        return self

    def log(self) -> list[tuple[str, str | None, str]]:
        return [(e.kind.value, e.item_id, format_tod(e.tod_ms, seconds=True)) for e in self.events]


def run_the_day(day: Day) -> Day:
    day.wait(MIN)  # doors: 10:00
    day.do("start").wait(5 * MIN + 20 * SEC)  # opening, 20 s over
    day.do("next_start").wait(4 * MIN)  # talk from 10:05:20
    day.do("pause").wait(30 * SEC).do("start")  # a microphone for 30 s
    day.do("message", "2분 남았습니다").wait(4 * MIN)
    day.do("add_time", MIN).wait(3 * MIN)  # out of warning, back in later
    day.do("next")  # gap loaded, never started ...
    day.do("next")  # ... and skipped
    day.do("start").wait(2 * MIN).do("blackout").do("blackout")
    day.do("next_start").wait(20 * MIN)  # the panel, started early, ends on its 0:00
    day.do("next")  # closing
    return day


EXPECTED = [
    ("item_loaded", "opening", "10:00:00"),
    ("item_started", "opening", "10:00:00"),
    ("entered_warning", "opening", "10:03:00"),
    ("entered_danger", "opening", "10:04:00"),
    ("entered_overtime", "opening", "10:05:00"),  # the first millisecond past zero: 10:05:00.001
    ("item_ended", "opening", "10:05:20"),
    ("item_loaded", "talk", "10:05:20"),
    ("item_started", "talk", "10:05:20"),
    ("item_paused", "talk", "10:09:20"),
    ("item_resumed", "talk", "10:09:50"),
    ("message_shown", "talk", "10:09:50"),
    ("entered_warning", "talk", "10:13:50"),  # 10 min of clock: 4 + (a 30 s pause) + 4 → 2 left at 10:13:50
    ("entered_warning", "talk", "10:14:50"),  # +1 min at 10:13:50 took it back out; 1 min later in again
    ("entered_danger", "talk", "10:15:50"),
    ("item_ended", "talk", "10:16:50"),  # at 0:00 exactly: not yet over time
    ("item_loaded", "gap", "10:16:50"),
    ("message_cleared", "talk", "10:16:50"),  # the message belonged to the talk
    ("item_skipped", "gap", "10:16:50"),
    ("item_loaded", "break", "10:16:50"),
    ("item_started", "break", "10:16:50"),
    ("blackout_on", None, "10:18:50"),
    ("blackout_off", None, "10:18:50"),
    ("item_ended", "break", "10:18:50"),
    ("item_loaded", "panel", "10:18:50"),
    ("item_started", "panel", "10:18:50"),
    ("entered_warning", "panel", "10:36:50"),
    ("entered_danger", "panel", "10:37:50"),
    ("item_ended", "panel", "10:38:50"),
]


@pytest.mark.parametrize("tick_ms", [1_000, 7_777, 60_000, 3_600_000])
def test_a_whole_day_announces_every_transition_at_its_exact_time(tmp_path: Path, tick_ms: int) -> None:
    day = run_the_day(Day(tmp_path, tick_ms))
    assert day.log() == EXPECTED


def test_crossings_carry_the_millisecond_not_the_tick(tmp_path: Path) -> None:
    day = run_the_day(Day(tmp_path, 60_000))
    overtime = next(e for e in day.events if e.kind is K.ENTERED_OVERTIME)
    started = next(e for e in day.events if e.kind is K.ITEM_STARTED)
    assert overtime.show_ms - started.show_ms == 5 * MIN + 1  # remaining < 0 from the 1st ms past zero
    assert [e.to_dict()["kind"] for e in day.events[:2]] == ["item_loaded", "item_started"]


def test_a_replay_after_a_crash_does_not_announce_the_past(tmp_path: Path) -> None:
    day = Day(tmp_path, 1_000)
    day.wait(MIN).do("start").wait(3 * MIN + 30 * SEC)  # opening in warning
    day.session.close()
    day.clock.advance(60 * SEC)  # the app is down while the opening enters danger
    again = Session.open(day_agenda(), tmp_path, day.clock)
    assert again.show.events_until(again.show.now_ms()) == []  # danger happened while down: history
    snap = again.snapshot()
    assert snap.phase == "danger"
    day.clock.advance(31 * SEC)
    overtime = again.show.events_until(again.show.now_ms())
    assert [(e.kind, format_tod(e.tod_ms, seconds=True)) for e in overtime] == [(K.ENTERED_OVERTIME, "10:05:00")]


def test_an_undo_and_a_return_announce_no_alarm_twice() -> None:
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(day_agenda(), clock)
    show.apply(Command("start"))
    clock.advance(4 * MIN + 30 * SEC)
    assert [e.kind for e in show.events_until(show.now_ms())] == [K.ENTERED_WARNING, K.ENTERED_DANGER]
    moved = show.apply(Command("next"))
    back = show.apply(Command("undo"))
    assert K.ITEM_LOADED in [e.kind for e in moved.events]
    assert [e.kind for e in back.events] == [K.ITEM_LOADED, K.ITEM_RESUMED, K.UNDONE]  # no second "danger"
    clock.advance(31 * SEC)
    assert [e.kind for e in show.events_until(show.now_ms())] == [K.ENTERED_OVERTIME]


def test_taking_a_minute_can_itself_enter_an_alarm() -> None:
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(day_agenda(), clock)
    show.apply(Command("start"))
    clock.advance(2 * MIN + 30 * SEC)  # 2:30 left: normal
    outcome = show.apply(Command("add_time", -MIN))
    assert [(e.kind, e.show_ms) for e in outcome.events] == [(K.ENTERED_WARNING, show.now_ms())]


def test_the_display_timer_wakes_for_a_crossing_between_two_seconds() -> None:
    odd = Thresholds(warning_ms=90_250, danger_ms=30_000)
    agenda = day_agenda()
    agenda = agenda.replace_items(tuple(dataclasses.replace(item, thresholds=odd) for item in agenda.items))
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(agenda, clock)
    show.apply(Command("start"))
    clock.advance(5 * MIN - 90_900)  # 1:30.900 left: the next displayed second is 900 ms away ...
    snap = show.snapshot()
    assert snap.phase == "normal"
    assert snap.next_change_ms == 650  # ... but warning begins at 1:30.250
    clock.advance(650)
    assert [e.kind for e in show.events_until(show.now_ms())] == [K.ENTERED_WARNING]
    assert show.snapshot().phase == "warning"
