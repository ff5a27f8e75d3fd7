"""A break's countdown stays calm, and a speaker's note reaches the Presenter only.

A break is not a talk running out of time: by default its countdown never
turns amber or red and no warning or danger is announced for it (a sound cue
or an automatic message would fire at coffee otherwise). An explicit
``thresholds`` on the break still applies. ``presenter_note`` is read from the
agenda, validated like ``note`` (with a located error), and copied into the
Presenter's frame while its item is live; the private ``note`` never is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stagetimer.core.agenda.errors import AgendaInvalid
from stagetimer.core.agenda.loader import parse_agenda
from stagetimer.core.agenda.model import NO_ALARMS, Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import Event, EventKind
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.session import Session
from stagetimer.core.timefmt import parse_time_of_day

SEC, MIN = 1_000, 60_000
PRIVATE = "마이크 2번 — 연사에게 보이면 안 됨"
FOR_THE_SPEAKER = "질의응답은 사회자가 진행합니다"


def agenda_text(break_thresholds: str = "") -> str:
    return f"""\
event: {{title: T, start: "10:00", language: ko}}
thresholds: {{warning: 2m, danger: 1m}}
items:
  - id: talk
    title: 발표
    duration: 5m
    note: {PRIVATE}
    presenter_note: {FOR_THE_SPEAKER}
  - id: coffee
    kind: break
    title: 휴식
    duration: 5m{break_thresholds}
  - id: after
    title: 다음 발표
    duration: 5m
"""


def load(text: str) -> Agenda:
    return parse_agenda(text.encode(), "agenda.yaml")


class Run:
    """A session on a fake clock, collecting every event and every phase it passes through."""

    def __init__(self, agenda: Agenda, state_dir: Path) -> None:
        self.clock = FakeClock(tod_ms=parse_time_of_day("10:00"))
        self.session = Session.open(agenda, state_dir, self.clock)
        self.events: list[Event] = []
        self.phases: list[str] = []

    def do(self, action: str) -> Run:
        outcome = self.session.apply(Command(action, None))
        assert outcome.applied, outcome
        self.events.extend(outcome.events)
        return self

    def wait(self, ms: int, tick_ms: int = SEC) -> Run:
        while ms > 0:
            step = min(ms, tick_ms)
            self.clock.advance(step)
            ms -= step
            show = self.session.show
            self.events.extend(show.events_until(show.now_ms()))
            self.phases.append(self.session.snapshot().phase)
        return self

    def alarms_for(self, item_id: str) -> list[EventKind]:
        alarming = (EventKind.ENTERED_WARNING, EventKind.ENTERED_DANGER, EventKind.ENTERED_OVERTIME)
        return [e.kind for e in self.events if e.item_id == item_id and e.kind in alarming]


def test_a_break_has_no_thresholds_unless_it_names_its_own() -> None:
    talk, coffee, _ = load(agenda_text()).items
    assert coffee.thresholds == NO_ALARMS and not coffee.thresholds.alarms
    assert talk.thresholds.alarms and talk.thresholds.warning_ms == 2 * MIN
    own = load(agenda_text("\n    thresholds: {warning: 1m, danger: 30s}")).items[1]
    assert (own.thresholds.warning_ms, own.thresholds.danger_ms) == (MIN, 30 * SEC)


def test_a_break_stays_normal_to_zero_and_announces_no_warning_or_danger(tmp_path: Path) -> None:
    run = Run(load(agenda_text()), tmp_path)
    run.do("start").wait(5 * MIN)  # the talk, to its 0:00: warning and danger on time
    assert run.alarms_for("talk") == [EventKind.ENTERED_WARNING, EventKind.ENTERED_DANGER]
    run.do("next_start")
    run.phases.clear()
    run.wait(5 * MIN)  # the whole break, second by second, to 0:00
    assert set(run.phases) == {"normal"}
    assert run.session.snapshot().phase == "normal" and run.session.snapshot().remaining_ms == 0
    run.wait(10 * SEC)  # past zero: over time like any item (the programme is late to resume)
    assert run.session.snapshot().phase == "overtime"
    assert run.alarms_for("coffee") == [EventKind.ENTERED_OVERTIME]


def test_a_break_with_its_own_thresholds_warns_like_a_talk(tmp_path: Path) -> None:
    run = Run(load(agenda_text("\n    thresholds: {warning: 1m, danger: 30s}")), tmp_path)
    run.do("start").do("next_start").wait(5 * MIN + SEC, tick_ms=7_777)
    assert run.alarms_for("coffee") == [EventKind.ENTERED_WARNING, EventKind.ENTERED_DANGER,
                                        EventKind.ENTERED_OVERTIME]


def test_the_speakers_note_reaches_the_presenter_and_the_private_note_does_not(tmp_path: Path) -> None:
    run = Run(load(agenda_text()), tmp_path)
    welcome = build_frames(run.session.snapshot())
    assert welcome.presenter.presenter_note == ""  # before the show: the event, not a talk's note
    frames = build_frames(run.do("start").session.snapshot())
    assert frames.presenter.presenter_note == FOR_THE_SPEAKER
    presenter = json.dumps(frames.presenter.to_dict(), ensure_ascii=False)
    projector = json.dumps(frames.projector.to_dict(), ensure_ascii=False)
    assert FOR_THE_SPEAKER in presenter and PRIVATE not in presenter
    assert FOR_THE_SPEAKER not in projector and PRIVATE not in projector
    assert build_frames(run.do("next_start").session.snapshot()).presenter.presenter_note == ""


@pytest.mark.parametrize(
    ("value", "column", "fragment"),
    [
        ("[a, b]", 21, "not a list"),
        ('"' + "가" * 201 + '"', 21, "200"),
        ('"bell\\a"', 21, "U+0007"),
    ],
)
def test_a_bad_presenter_note_is_a_located_error(value: str, column: int, fragment: str) -> None:
    text = f'event: {{title: T, start: "10:00"}}\nitems:\n  - id: a\n    title: A\n    duration: 5m\n' \
           f"    presenter_note: {value}\n"
    with pytest.raises(AgendaInvalid) as raised:
        load(text)
    (error,) = raised.value.errors
    assert (error.line, error.column) == (6, column), str(error)
    assert fragment in str(error) and "presenter note" in str(error)


def test_a_misspelt_presenter_note_is_caught() -> None:
    text = 'event: {title: T, start: "10:00"}\nitems:\n  - {id: a, title: A, duration: 5m, presenter_notes: x}\n'
    with pytest.raises(AgendaInvalid) as raised:
        load(text)
    assert "did you mean 'presenter_note'?" in str(raised.value.errors[0])
