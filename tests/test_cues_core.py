"""Cues and automatic messages in the core: the agenda's blocks, and the presenter frame on a fake clock.

The sound for the stage manager follows the show's ENTERED_* events (their
exact times are tested in test_events.py); what is tested here is what the
agenda may say and what the speaker's screen shows at each instant — a pure
function of the countdown, so a replay shows exactly the same.
"""

from __future__ import annotations

import dataclasses

import pytest
from agenda_factory import MIN, make_agenda

from stagetimer.core.agenda.errors import AgendaInvalid
from stagetimer.core.agenda.loader import parse_agenda
from stagetimer.core.agenda.model import DEFAULT_CUES, Agenda, PerPhase, Thresholds
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import EventKind
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.show import Show
from stagetimer.core.show.web_frames import view_frame
from stagetimer.core.timefmt import parse_time_of_day

SEC = 1_000
HEAD = "event: {title: T, start: \"10:00\"}\nitems:\n  - {id: a, title: A, duration: 5m}\n"
MESSAGES = PerPhase(warning="2분 남았습니다", danger="1분 남았습니다", zero="마무리 부탁드립니다")


def load(extra: str) -> Agenda:
    return parse_agenda((HEAD + extra).encode(), "day.yaml")


def errors(extra: str) -> list[str]:
    with pytest.raises(AgendaInvalid) as caught:
        load(extra)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(("text", "cues"), [
    ("", PerPhase()),
    ("cues: off\n", PerPhase()),
    ("cues: on\n", DEFAULT_CUES),
    ("cues: {warning: pip, zero: gong}\n", PerPhase(warning="pip", zero="gong")),
    ("cues: {warning: chime, danger: off, zero: double}\n", PerPhase(warning="chime", zero="double")),
])
def test_cues_are_off_unless_the_agenda_asks(text: str, cues: PerPhase) -> None:
    assert load(text).cues == cues


def test_an_unknown_sound_is_located_and_the_known_ones_listed() -> None:
    [error] = errors("cues:\n  warning: chime\n  zero: gnog\n")
    assert error.startswith("day.yaml:6:9: unknown sound 'gnog' for the zero cue")
    assert "chime, double, gong, pip, off" in error and "did you mean 'gong'?" in error


def test_every_mistake_in_cues_and_messages_is_reported_at_once() -> None:
    found = errors("cues: {warnin: chime}\nmessages: {zero: [a, b], later: x}\n")
    assert [error.split(": ", 1)[0] for error in found] == ["day.yaml:4:8", "day.yaml:5:18", "day.yaml:5:26"]
    assert "did you mean 'warning'?" in found[0]
    assert errors("cues: loud\n")[0].startswith("day.yaml:4:7: 'loud' is not a way to set cues")


def test_messages_are_read_in_the_agendas_words() -> None:
    agenda = load("messages:\n  warning: 2분 남았습니다\n  zero: \"마무리 부탁드립니다\"\n")
    assert agenda.messages == PerPhase(warning="2분 남았습니다", zero="마무리 부탁드립니다")
    assert agenda.cues == PerPhase()


def day(messages: PerPhase = MESSAGES, thresholds: Thresholds = Thresholds()) -> tuple[Show, FakeClock]:
    agenda = make_agenda([("talk", "talk", "5m"), ("next", "talk", "5m")], thresholds=thresholds)
    agenda = dataclasses.replace(agenda, messages=messages, cues=DEFAULT_CUES)
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    return Show(agenda, clock), clock


def presenter_message(show: Show) -> tuple[str, bool]:
    frame = build_frames(show.snapshot()).presenter
    return frame.message, frame.message_auto


def test_warning_and_danger_messages_show_for_ten_seconds_of_the_countdown() -> None:
    show, clock = day()
    show.apply(Command("next"))
    show.apply(Command("start"))
    clock.advance(3 * MIN - 1)  # 2:00.001 left
    assert presenter_message(show) == ("", False)
    clock.advance(1)  # warning entered
    assert presenter_message(show) == ("2분 남았습니다", True)
    show.apply(Command("pause"))
    clock.advance(MIN)  # a pause holds the message as it holds the clock
    assert presenter_message(show) == ("2분 남았습니다", True)
    show.apply(Command("toggle"))
    clock.advance(10 * SEC - 1)
    assert presenter_message(show)[0] == "2분 남았습니다"
    clock.advance(1)
    assert presenter_message(show) == ("", False)
    clock.advance(50 * SEC)  # 1:00 left: danger
    assert presenter_message(show)[0] == "1분 남았습니다"
    clock.advance(10 * SEC)
    assert presenter_message(show)[0] == ""


def test_the_zero_message_stays_while_the_item_runs_over_and_goes_with_it() -> None:
    show, clock = day()
    show.apply(Command("next"))
    show.apply(Command("start"))
    clock.advance(5 * MIN + 1)
    assert presenter_message(show)[0] == "마무리 부탁드립니다"
    clock.advance(30 * SEC - 1)  # +0:30
    assert presenter_message(show)[0] == "마무리 부탁드립니다"
    show.apply(Command("add_time", MIN))  # back in the danger phase, long after it was entered
    assert presenter_message(show)[0] == ""
    show.apply(Command("add_time", -MIN))
    show.apply(Command("next"))
    assert presenter_message(show)[0] == ""


def test_the_operators_message_comes_first_and_the_projector_sees_neither() -> None:
    show, clock = day()
    show.apply(Command("next"))
    show.apply(Command("start"))
    clock.advance(3 * MIN)
    show.apply(Command("message", "박수 부탁드립니다"))
    assert presenter_message(show) == ("박수 부탁드립니다", False)
    show.apply(Command("clear_message"))
    frames = build_frames(show.snapshot())
    assert frames.presenter.message == "2분 남았습니다"
    assert "2분" not in str(frames.projector.to_dict())
    for view in ("projector", "backstage", "agenda"):
        assert "2분" not in str(view_frame(view, frames)), view
    assert view_frame("presenter", frames)["message"] == "2분 남았습니다"
    assert view_frame("presenter", frames)["cues"] == {"warning": "chime", "danger": "double", "zero": "gong"}


def test_a_loaded_item_never_started_shows_no_message() -> None:
    show, _ = day(thresholds=Thresholds(warning_ms=6 * MIN, danger_ms=MIN))  # the whole slot is "warning"
    show.apply(Command("next"))
    assert show.snapshot().phase == "warning"
    assert presenter_message(show)[0] == ""


def test_no_messages_configured_means_none_ever() -> None:
    show, clock = day(messages=PerPhase())
    show.apply(Command("next"))
    show.apply(Command("start"))
    for _ in range(7):
        clock.advance(MIN)
        assert presenter_message(show)[0] == ""


def test_the_display_timer_wakes_when_an_odd_thresholds_message_ends() -> None:
    show, clock = day(thresholds=Thresholds(warning_ms=90_250, danger_ms=30_000))
    show.apply(Command("next"))
    show.apply(Command("start"))
    clock.advance(5 * MIN - 90_250)
    assert [e.kind for e in show.events_until(show.now_ms())] == [EventKind.ENTERED_WARNING]
    clock.advance(9_500)  # 1:20.750 left: the next displayed second is 750 ms away ...
    assert show.snapshot().next_change_ms == 500  # ... the message ends at 1:20.250
    clock.advance(500)
    assert presenter_message(show)[0] == ""


def test_left_in_a_message_is_each_items_own_time_left() -> None:
    """The bundled day's one text, "{left} 남았습니다", fits a 1-minute remark and a 2-minute talk alike."""
    from pathlib import Path

    from stagetimer.core.agenda.loader import load_agenda

    agenda = load_agenda(Path(__file__).resolve().parent.parent / "agenda.yaml")
    assert agenda.messages.warning == "{left} 남았습니다"
    clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
    show = Show(agenda, clock)
    show.apply(Command("start"))  # 개회사: 5 minutes, warning at 1 minute
    clock.advance(4 * MIN)
    assert presenter_message(show) == ("1분 남았습니다", True)
    show.apply(Command("next_start"))  # 축사
    show.apply(Command("next_start"))  # a talk: 10 minutes, warning at 2 minutes
    clock.advance(8 * MIN)
    assert presenter_message(show) == ("2분 남았습니다", True)
    assert view_frame("presenter", build_frames(show.snapshot()))["message"] == "2분 남았습니다"


def test_left_is_spoken_in_the_agendas_language() -> None:
    show, clock = day(PerPhase(warning="{left} left", danger="Only {left}!"), Thresholds(90 * SEC, 30 * SEC))
    show.apply(Command("next"))
    show.apply(Command("start"))
    clock.advance(5 * MIN - 90 * SEC)
    assert presenter_message(show)[0] == "1 min 30 s left"
    clock.advance(MIN)
    assert presenter_message(show)[0] == "Only 30 s!"
