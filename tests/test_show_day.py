"""Whole-show timing: a simulated event day, long runs, wall-clock jumps."""

from __future__ import annotations

import dataclasses
import random

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import format_tod

TEN = 10 * 3_600_000
HOUR = 3_600_000


def forum_agenda():
    """The 2 December programme's shape: remarks, reports, five cases, break, forum at 11:30.

    Its break says ``min: 1m``: the day below is so late that it needs the break
    shorter than the 5-minute default floor to hold the forum's fixed start.
    """
    agenda = make_agenda(
        [
            ("opening", "remarks", "5m"),
            ("congrats", "remarks", "5m"),
            ("report", "talk", "10m"),
            ("roadmap", "talk", "10m"),
            ("kt", "talk", "10m"),
            ("kudo", "talk", "10m"),
            ("nia", "talk", "10m"),
            ("neubility", "talk", "10m"),
            ("aiforpet", "talk", "10m"),
            ("break", "break", "10m"),
            ("privacy", "panel", "20m", "11:30"),
            ("copyright", "panel", "20m"),
            ("barriers", "panel", "20m"),
        ],
        end="12:30",
    )
    items = tuple(dataclasses.replace(item, min_ms=MIN) if item.kind == "break" else item for item in agenda.items)
    return agenda.replace_items(items)


def run(show: Show, action: str, value: str | int | None = None) -> None:
    show.apply(Command(action, value))


def test_simulated_event_day() -> None:
    clock = FakeClock(tod_ms=TEN - 10 * MIN)
    show = Show(forum_agenda(), clock)
    assert show.snapshot().stage == "welcome"
    clock.advance(12 * MIN)  # the doors close late: 10:02
    assert show.snapshot().over_under_ms == 2 * MIN
    run(show, "start")  # opening remarks, 5 minutes, run 6
    clock.advance(6 * MIN)
    run(show, "next_start")  # congratulatory remarks, short by a minute
    clock.advance(4 * MIN)
    snap = show.snapshot()
    assert snap.countdown_text == "1:00" and snap.phase == "danger"
    run(show, "next")
    snap = show.snapshot()
    assert snap.items[0].over_under_ms == MIN and snap.items[1].over_under_ms == -MIN
    assert snap.over_under_ms == 2 * MIN  # 10:12 now, report planned 10:10–10:20
    run(show, "start")
    clock.advance(2 * MIN)
    run(show, "pause")  # a microphone fails for 90 seconds
    clock.advance(90_000)
    run(show, "start")
    clock.advance(8 * MIN)
    run(show, "next_start")  # roadmap: the speaker gets one more minute and uses it
    run(show, "add_time", MIN)
    clock.advance(11 * MIN)
    snap = show.snapshot()
    assert snap.remaining_ms == 0 and format_tod(snap.time_of_day_ms) == "10:34"
    run(show, "next_start")  # KT runs 3 minutes over
    clock.advance(13 * MIN)
    snap = show.snapshot()
    assert snap.phase == "overtime" and snap.countdown_text == "+3:00"
    run(show, "next_start")  # kudo: a mis-key to the next case, then back
    clock.advance(3_000)
    run(show, "next_start")
    clock.advance(2_000)
    run(show, "previous")
    snap = show.snapshot()
    assert snap.current.id == "kudo" and snap.elapsed_ms == 3_000 and snap.running
    clock.advance(10 * MIN - 5_000)  # kudo ends 10:00 after it began; its clock ran 9:58
    for _case in ("nia", "neubility", "aiforpet"):
        run(show, "next_start")
        clock.advance(10 * MIN)
    snap = show.snapshot()
    # 10:02 + 6 + 4 + 11.5 + 11 + 13 + 10 + 30 = 11:27:30; the break (min 1m) shrinks to 2:30.
    assert format_tod(snap.time_of_day_ms, seconds=True) == "11:27:30"
    run(show, "next_start")  # break
    snap = show.snapshot()
    assert snap.current.kind == "break" and snap.allotted_ms == 150_000
    assert format_tod(snap.resume_ms) == "11:30" and snap.over_under_ms == 0
    assert snap.next.fixed_start_ms == snap.next.projected_start_ms
    clock.advance(150_000)
    run(show, "next_start")  # forum at 11:30 sharp: the break absorbed all the drift
    snap = show.snapshot()
    assert snap.current.actual_start_ms == 11 * HOUR + 30 * MIN and snap.over_under_ms == 0
    assert format_tod(snap.projected_end_ms) == "12:30"
    clock.advance(20 * MIN)
    run(show, "next_start")
    clock.advance(20 * MIN)
    run(show, "next_start")
    clock.advance(22 * MIN)
    run(show, "next")
    snap = show.snapshot()
    assert snap.stage == "closing" and snap.over_under_ms == 2 * MIN
    assert format_tod(snap.projected_end_ms) == "12:32"
    report = {item.id: item.over_under_ms for item in snap.items}
    # Time on stage counts: the report's 90 s microphone pause took time out of the day.
    assert report["kt"] == 3 * MIN and report["barriers"] == 2 * MIN and report["report"] == 90_000
    # kudo's mis-keyed 2 s on nia went back to kudo: nia ran its own 10 minutes, and kudo 10 on stage.
    assert report["kudo"] == 0 and report["nia"] == 0


def test_fixed_start_absorbs_a_gain_and_waits() -> None:
    clock = FakeClock(tod_ms=TEN)
    agenda = make_agenda([("a", "talk", "30m"), ("b", "talk", "20m", "11:00")])
    show = Show(agenda, clock)
    run(show, "start")
    clock.advance(20 * MIN)
    snap = show.snapshot()
    # a will end at 10:30 but b still starts at 11:00, so the show is on time.
    assert snap.items[1].projected_start_ms == 11 * HOUR and format_tod(snap.projected_end_ms) == "11:20"
    clock.advance(50 * MIN)  # a runs 40 minutes over: the gap absorbs 30 of them
    snap = show.snapshot()
    assert format_tod(snap.items[1].projected_start_ms) == "11:10"
    assert snap.over_under_ms == 40 * MIN


def test_three_hour_run_exact_to_the_millisecond() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(make_agenda([("long", "talk", "3h")]), clock)
    run(show, "start")
    rng = random.Random(7)
    total = 0
    while total < 3 * HOUR - 1:
        step = min(rng.randint(1, 997), 3 * HOUR - 1 - total)
        clock.advance(step)
        total += step
        show.snapshot()  # snapshots are pure reads: taking one must not disturb time
    snap = show.snapshot()
    assert snap.remaining_ms == 1 and snap.countdown_text == "0:01"
    clock.advance(1)
    snap = show.snapshot()
    assert snap.remaining_ms == 0 and snap.countdown_text == "0:00" and snap.elapsed_ms == 3 * HOUR


@pytest.mark.parametrize("jump", [HOUR, -HOUR])
def test_wall_clock_jump_changes_nothing(jump: int) -> None:
    clock = FakeClock(tod_ms=TEN)
    twin_clock = FakeClock(tod_ms=TEN)
    show, twin = Show(forum_agenda(), clock), Show(forum_agenda(), twin_clock)
    for each in (show, twin):
        run(each, "start")
    clock.advance(150_000)
    twin_clock.advance(150_000)
    clock.jump_wall(jump)  # NTP, DST or a user changes the clock mid-item
    for _ in range(200):
        clock.advance(1_000)
        twin_clock.advance(1_000)
        # Nothing moves; only Control is told that the system clock stepped, and by how much.
        assert show.snapshot().clock_step_ms == jump and twin.snapshot().clock_step_ms == 0
        assert dataclasses.replace(show.snapshot(), clock_step_ms=0) == twin.snapshot()
    run(show, "next_start")
    run(twin, "next_start")
    assert dataclasses.replace(show.snapshot(), clock_step_ms=0) == twin.snapshot()
