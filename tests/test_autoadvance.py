"""Clock-bound items (``ends_at``) and what happens at zero (``then: hold|load|start``), on a fake clock.

The stage manager relies on two promises here: an item that "ends at 12:30"
reaches zero at 12:30 whatever time it began, and an item that "starts the
next at zero" does so at that exact millisecond — live, after kill -9 and a
replay of the journal, and however long the app was closed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stagetimer.core.agenda.loader import parse_agenda
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.report.report import build_report
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import EventKind
from stagetimer.core.show.journal import JOURNAL_NAME, read_journal
from stagetimer.core.show.schedule import project_upcoming
from stagetimer.core.show.session import Session
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import parse_time_of_day

MIN = 60_000
TEN = 10 * 3_600_000


def agenda(items: str, head: str = "") -> Agenda:
    """An agenda from YAML item lines (indented four spaces), through the real loader."""
    text = f'event:\n  title: T\n  start: "10:00"\n{head}items:\n{items}'
    return parse_agenda(text.encode("utf-8"), "t.yaml")


CLOSING = agenda(
    """  - {id: a, title: A, duration: 10m}
  - {id: b, title: B, duration: 10m}
  - {id: closing, title: Closing, ends_at: "10:30", min: 3m}
"""
)


def kinds(events: list) -> list[str]:
    return [event.kind.value for event in events]


# ---------------------------------------------------------------- ends_at


@pytest.mark.parametrize("late_ms", [-4 * MIN, 0, 90_123, 6 * MIN])
def test_an_ends_at_item_reaches_zero_at_its_clock_time_whenever_it_starts(late_ms: int) -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(CLOSING, clock)
    show.apply(Command("goto", "closing"))
    clock.advance(20 * MIN + late_ms)  # its planned start is 10:20
    show.apply(Command("start"))
    start = show.tod_ms(show.now_ms())
    assert show.snapshot().remaining_ms == parse_time_of_day("10:30") - start
    clock.advance(parse_time_of_day("10:30") - start)
    snap = show.snapshot()
    assert snap.remaining_ms == 0 and snap.phase != "overtime"
    clock.advance(1)
    assert show.snapshot().phase == "overtime"


def test_an_ends_at_item_started_too_late_keeps_its_min() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(CLOSING, clock)
    show.apply(Command("goto", "closing"))
    clock.advance(29 * MIN)  # 10:29: one minute before its end, but it may not be shorter than 3
    show.apply(Command("start"))
    assert show.snapshot().remaining_ms == 3 * MIN
    clock.advance(5 * MIN)  # the time the countdown was set with does not move afterwards
    assert show.snapshot().remaining_ms == -2 * MIN


def test_projections_end_the_ends_at_item_at_its_clock_time() -> None:
    adjust = [0, 0, 0]
    for chain in (TEN, TEN + 7 * MIN):
        _, ends = project_upcoming(CLOSING, 0, chain, adjust)
        assert ends[-1] == parse_time_of_day("10:30")
    _, ends = project_upcoming(CLOSING, 0, TEN + 9 * MIN, adjust)  # the closing would be cut below its min
    assert ends[-1] == TEN + 9 * MIN + 20 * MIN + 3 * MIN


# ---------------------------------------------------------------- then: load / start


LOAD = agenda(
    """  - {id: a, title: A, duration: 5m, then: load, grace: 30s}
  - {id: b, title: B, duration: 5m}
"""
)


def test_then_load_makes_the_next_item_ready_at_zero_plus_grace_to_the_millisecond() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(LOAD, clock)
    show.apply(Command("start"))
    show.events_until(show.now_ms())
    clock.advance(5 * MIN + 30_000 - 1)
    assert show.snapshot().current.id == "a"
    assert show.next_transition_ms(show.now_ms()) == 1  # the display wakes at the instant
    clock.advance(1)
    snap = show.snapshot()
    assert snap.current.id == "b" and not snap.running and snap.items[1].actual_start_ms is None
    assert snap.items[0].actual_end_ms == TEN + 5 * MIN + 30_000
    events = show.events_until(show.now_ms())
    assert kinds(events) == ["entered_warning", "entered_danger", "entered_overtime",
                             "auto_advanced", "item_ended", "item_loaded"]
    auto = events[3]
    assert (auto.show_ms, auto.tod_ms, auto.item_id, auto.detail) == (
        5 * MIN + 30_000, TEN + 5 * MIN + 30_000, "a", "load")


START = agenda(
    """  - {id: break, kind: break, title: Break, duration: 10m, then: start}
  - {id: b, title: B, duration: 5m, then: start}
  - {id: c, title: C, duration: 5m}
"""
)


def test_then_start_starts_the_next_at_zero_without_overtime() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    assert show.next_transition_ms(show.now_ms()) == 10 * MIN  # a break has no alarms: zero is the next wake
    clock.advance(10 * MIN + 1234)
    snap = show.snapshot()
    assert snap.current.id == "b" and snap.running
    assert snap.items[1].actual_start_ms == TEN + 10 * MIN
    assert snap.remaining_ms == 5 * MIN - 1234
    events = show.events_until(show.now_ms())
    assert "entered_overtime" not in kinds(events)  # the break never went over: the forum started at zero
    assert kinds(events)[:4] == ["auto_advanced", "item_ended", "item_loaded", "item_started"]


def test_the_last_item_goes_to_the_closing_screen() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(agenda("  - {id: a, title: A, duration: 5m, then: start}\n"), clock)
    show.apply(Command("start"))
    clock.advance(5 * MIN)
    assert show.snapshot().stage == "closing"
    assert show.snapshot().items[0].actual_end_ms == TEN + 5 * MIN


def test_hold_is_the_default_and_the_agendas_then_applies_to_items_that_say_nothing() -> None:
    plain = agenda("  - {id: a, title: A, duration: 5m}\n  - {id: b, title: B, duration: 5m}\n")
    assert [item.then for item in plain.items] == ["hold", "hold"]
    loading = agenda("  - {id: a, title: A, duration: 5m}\n  - {id: b, title: B, duration: 5m, then: hold}\n",
                     head="then: load\ngrace: 20s\n")
    assert [(item.then, item.grace_ms) for item in loading.items] == [("load", 20_000), ("hold", 0)]
    clock = FakeClock(tod_ms=TEN)
    show = Show(plain, clock)
    show.apply(Command("start"))
    clock.advance(60 * MIN)
    assert show.snapshot().current.id == "a" and show.snapshot().remaining_ms == -55 * MIN


def test_a_long_gap_is_caught_up_in_order_at_the_exact_instants() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    show.events_until(show.now_ms())
    clock.advance(3 * 3_600_000)  # nobody looked for three hours
    snap = show.snapshot()
    assert snap.current.id == "c" and snap.running  # c holds (then: hold) until the stage manager moves on
    assert [(item.actual_start_ms, item.actual_end_ms) for item in snap.items] == [
        (TEN, TEN + 10 * MIN), (TEN + 10 * MIN, TEN + 15 * MIN), (TEN + 15 * MIN, None)]
    autos = [event for event in show.events_until(show.now_ms()) if event.kind is EventKind.AUTO_ADVANCED]
    assert [(event.item_id, event.show_ms) for event in autos] == [("break", 10 * MIN), ("b", 15 * MIN)]


# ---------------------------------------------------------------- commands around an automatic change


def test_undo_right_after_an_automatic_change_brings_the_speaker_back_holding() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    clock.advance(10 * MIN + 20_000)
    assert show.snapshot().current.id == "b"
    outcome = show.apply(Command("undo"))
    assert outcome.applied and outcome.params["action"] == "auto_advance"
    snap = show.snapshot()
    assert snap.current.id == "break" and snap.running and snap.remaining_ms == -20_000
    assert snap.items[1].actual_start_ms is None
    clock.advance(30 * MIN)  # it holds: it reached zero before it came back
    assert show.snapshot().current.id == "break"


def test_undo_after_a_later_command_takes_back_that_command_only() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    clock.advance(11 * MIN)
    show.apply(Command("add_time", MIN))
    show.apply(Command("undo"))
    snap = show.snapshot()
    assert snap.current.id == "b" and snap.running and snap.remaining_ms == 4 * MIN


def test_going_back_after_an_automatic_change_holds_the_item() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    clock.advance(10 * MIN + 90_000)  # b has run 1:30 (more than a mis-key)
    show.apply(Command("previous"))
    clock.advance(10 * MIN)
    snap = show.snapshot()
    assert snap.current.id == "break" and snap.running


def test_a_minute_taken_past_zero_moves_on_at_the_command_not_in_the_past() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    clock.advance(9 * MIN + 30_000)
    outcome = show.apply(Command("add_time", -MIN))
    snap = show.snapshot()
    assert snap.current.id == "b" and snap.items[1].actual_start_ms == TEN + 9 * MIN + 30_000
    assert "auto_advanced" in kinds(list(outcome.events))


def test_a_paused_item_does_not_move_on() -> None:
    clock = FakeClock(tod_ms=TEN)
    show = Show(START, clock)
    show.apply(Command("start"))
    clock.advance(5 * MIN)
    show.apply(Command("pause"))
    clock.advance(60 * MIN)
    assert show.snapshot().current.id == "break"
    show.apply(Command("start"))
    clock.advance(5 * MIN)
    assert show.snapshot().current.id == "b"
    assert show.snapshot().items[1].actual_start_ms == TEN + 70 * MIN


# ---------------------------------------------------------------- the record


def test_replay_after_kill_makes_the_same_changes(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(START, tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(12 * MIN)
    live = session.snapshot()
    assert live.current.id == "b"
    again = Session.open(START, tmp_path, clock)  # kill -9: nothing closed; the journal holds only "start"
    assert again.snapshot() == session.snapshot()
    clock.advance(40 * MIN)  # and it goes on after the restart, in step
    assert again.snapshot() == session.snapshot()


def test_the_app_closed_through_the_changes_reopens_where_the_clock_says(tmp_path: Path) -> None:
    clock = FakeClock(tod_ms=TEN)
    session = Session.open(START, tmp_path, clock)
    session.apply(Command("start"))
    clock.advance(2 * MIN)
    session.close()
    clock.advance(20 * MIN)  # closed from 10:02 to 10:22
    again = Session.open(START, tmp_path, clock)
    snap = again.snapshot()
    assert snap.current.id == "c" and snap.running
    assert snap.items[2].actual_start_ms == TEN + 15 * MIN
    assert again.show.events_until(again.show.now_ms()) == []  # what happened while closed is not news


# ---------------------------------------------------------------- any agenda, any keys


ITEM = st.tuples(
    st.sampled_from(["talk", "break"]),
    st.sampled_from(["1m", "2m", "3m30s"]),
    st.sampled_from(["start", "", "load", "hold"]),
    st.sampled_from(["15s", "", "0s", "90s"]),
)
ACTIONS = [  # the first of each list is what Hypothesis tries most: moving on, and long waits
    Command("next_start"), Command("toggle"), Command("next"), Command("previous"), Command("undo"),
    Command("reset"), Command("add_time", MIN), Command("add_time", -MIN), Command("goto", "i0"),
    Command("goto", "i2"), Command("message", "마무리"), Command("auto_replan"), Command("replan"),
]
WAITS = st.sampled_from([150_000, 20 * MIN, 61_000, 15_000, 999, 1, 0])


def generated(rows: list[tuple[str, str, str, str]], default: str, closing: bool) -> Agenda:
    lines = []
    for number, (kind, duration, then, grace) in enumerate(rows):
        extra = f", then: {then}" if then else ""
        effective = then or default
        if grace and effective == "load":
            extra += f", grace: {grace}"
        extra += ", min: 30s" if number % 2 else ""  # some may shrink when the planner runs
        lines.append(f"  - {{id: i{number}, kind: {kind}, title: I{number}, duration: {duration}{extra}}}\n")
    if closing:
        lines.append('  - {id: closing, title: Closing, ends_at: "12:00", min: 1m, then: start}\n')
    head = f"then: {default}\n" if default else ""
    return agenda("".join(lines), head=head)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(ITEM, min_size=3, max_size=5),
    st.sampled_from(["load", "start", ""]),
    st.booleans(),
    st.lists(st.tuples(st.sampled_from(ACTIONS), WAITS, st.booleans()), min_size=1, max_size=30),
)
def test_any_agenda_and_keys_replay_to_the_live_show(
    rows: list[tuple[str, str, str, str]], default: str, closing: bool, steps: list[tuple[Command, int, bool]]
) -> None:
    the_agenda = generated(rows, default, closing)
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        clock = FakeClock(tod_ms=parse_time_of_day("10:55"))
        watched = Session.open(the_agenda, Path(one), clock)  # looked at by the display on every tick
        unwatched = Session.open(the_agenda, Path(two), clock)  # nobody looks between commands
        heard: list = []
        for command, wait, look in [(Command("start"), 30_000, True), *steps]:
            heard.extend(watched.show.events_until(watched.show.now_ms()))
            outcome = watched.apply(command)
            heard.extend(outcome.events)
            other = unwatched.apply(command)  # the same answer (its events may hold alarms the other heard already)
            assert (other.applied, other.effect, other.reason, other.params) == (
                outcome.applied, outcome.effect, outcome.reason, outcome.params)
            between: list = []
            for _ in range(3 if look else 0):
                clock.advance(wait // 3)
                between.extend(watched.show.events_until(watched.show.now_ms()))
                watched.snapshot()
            clock.advance(wait - (3 * (wait // 3) if look else 0))
            between.extend(watched.show.events_until(watched.show.now_ms()))
            alarms = [(e.kind, e.item_id) for e in between if e.kind.value.startswith("entered_")]
            assert len(alarms) == len(set(alarms)), between  # no alarm twice between two keys
            heard.extend(between)
        live = watched.snapshot()
        hypothesis.event("automatic changes: " + str(min(3, sum(e.kind is EventKind.AUTO_ADVANCED for e in heard))))
        assert unwatched.snapshot() == live
        times = [event.show_ms for event in heard]
        assert times == sorted(times)  # nothing is announced out of order, or in the past
        records = read_journal(Path(one) / JOURNAL_NAME).records
        report = build_report(watched.agenda, records, clock.wall_ms())
        assert [i.over_under_ms for i in live.items] == [i.over_under_ms for i in report.items]
        watched.close()
        again = Session.open(the_agenda, Path(one), clock)
        assert again.snapshot() == live
        again.close()
        unwatched.close()


# ---------------------------------------------------------------- the planner


def test_the_planner_makes_an_ends_at_closing_a_deadline_for_the_items_before_it() -> None:
    from stagetimer.core.show.planner import plan_late

    day = agenda(
        """  - {id: a, title: A, duration: 20m, min: 15m}
  - {id: b, title: B, duration: 20m, min: 15m}
  - {id: closing, title: Closing, ends_at: "10:50", min: 5m}
""",
        head="",
    )
    on_time = plan_late(day, 0)
    assert [row.new_ms for row in on_time.rows] == [20 * MIN, 20 * MIN, 10 * MIN] and on_time.on_time
    late = plan_late(day, 8 * MIN)  # a and b must end by 10:45 (10:50 less the closing's 5 minutes)
    assert [row.new_ms for row in late.rows] == [18 * MIN, 19 * MIN, 5 * MIN]
    assert late.rows[-1].end_ms == parse_time_of_day("10:50") and late.on_time
    assert late.rows[-1].absorbs and not late.rows[-1].shrunk  # it shrinks by itself, as a break before a fixed start
    hopeless = plan_late(day, 20 * MIN)  # even at every min (15 + 15 + 5) the closing ends late
    assert [row.new_ms for row in hopeless.rows] == [15 * MIN, 15 * MIN, 5 * MIN]
    assert hopeless.end_ms == parse_time_of_day("10:55") and not hopeless.on_time


def test_in_the_planners_automatic_mode_an_automatic_change_re_plans_as_a_key_would(tmp_path: Path) -> None:
    day = agenda(
        """  - {id: a, title: A, duration: 10m, then: start}
  - {id: b, title: B, duration: 20m, min: 15m}
  - {id: c, title: C, duration: 20m, min: 15m}
""",
        head="",
    )
    clock = FakeClock(tod_ms=TEN + 6 * MIN)  # six minutes late: the day (10:00–10:50) must recover them
    session = Session.open(day, tmp_path, clock)
    session.apply(Command("auto_replan"))
    session.apply(Command("start"))
    clock.advance(10 * MIN + 5_000)  # a reached zero: b started by itself, and the plan was applied then
    snap = session.snapshot()
    assert snap.current.id == "b" and snap.items[1].actual_start_ms == TEN + 16 * MIN
    assert [session.show.state.items[i].replanned_ms for i in (1, 2)] == [17 * MIN, 17 * MIN]
    assert snap.remaining_ms == 17 * MIN - 5_000
    again = Session.open(day, tmp_path, clock)
    assert again.snapshot() == snap
