"""Browser frames: what each web view is sent, and that it can count down by itself.

A browser that counts locally must show what the Qt presenter shows at every
instant; it is sent a frame only when the frame changed, so a running show
must not change a frame every second; and no private field may reach a view
a viewer token opens.
"""

from __future__ import annotations

import json

import pytest

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Frames
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS, VIEWS, Countdown, view_frame
from stagetimer.core.timefmt import format_countdown
from tests.snapshots_factory import MESSAGE, NOTE, STATES, fallback_agenda, snapshot
from tests.test_frames import PRIVATE_KEYS, keys_of

#: Fields a phone in the audience must not learn (the presenter's tablet may show the message).
OPERATOR_ONLY = {"over_under_seconds", "item_over_under_seconds", "over_under_ms", "can_undo", "message_pinned"}


def web(view: str, frames: Frames) -> str:
    return json.dumps(view_frame(view, frames), ensure_ascii=False)


@pytest.fixture
def show(fake_clock: FakeClock) -> Show:
    return Show(fallback_agenda(), fake_clock)


def frames_of(show: Show) -> Frames:
    return build_frames(show.snapshot())


@pytest.mark.parametrize("state", STATES)
def test_no_viewer_view_carries_a_note_or_the_schedule_in_any_state(state: str) -> None:
    frames = build_frames(snapshot(state, current__note=NOTE, next__note=NOTE))
    for view in AUDIENCE_VIEWS:
        text = web(view, frames)
        assert NOTE not in text, view
        assert not keys_of(json.loads(text)) & (PRIVATE_KEYS | OPERATOR_ONLY), view
    assert NOTE not in web("remote", frames)  # the stage manager's phone has no room for notes either


def test_only_the_presenter_and_the_remote_receive_the_speakers_message() -> None:
    frames = build_frames(snapshot("message"))
    assert MESSAGE in web("presenter", frames) and MESSAGE in web("remote", frames)
    for view in ("projector", "backstage", "agenda"):
        assert MESSAGE not in web(view, frames), view


def test_a_running_show_changes_no_frame_from_second_to_second(show: Show, fake_clock: FakeClock) -> None:
    show.apply(Command("start"))
    fake_clock.advance(1_234)
    before = {view: web(view, frames_of(show)) for view in VIEWS}
    for _ in range(20):
        fake_clock.advance(1_000)
        assert {view: web(view, frames_of(show)) for view in VIEWS} == before


def test_a_paused_show_moves_the_projections_once_a_minute_not_once_a_second(show: Show,
                                                                            fake_clock: FakeClock) -> None:
    show.apply(Command("start"))
    show.apply(Command("pause"))
    seen = set()
    for _ in range(120):
        fake_clock.advance(1_000)
        seen.add(web("agenda", frames_of(show)))
    assert 2 <= len(seen) <= 3  # the projected starts slip by two minutes, shown to the minute


@pytest.mark.parametrize("speed", [1.0, 7.5])
def test_the_browser_countdown_reads_what_the_presenter_shows_at_every_instant(speed: float) -> None:
    clock = FakeClock()
    show = Show(fallback_agenda(), clock, speed=speed)
    presenter = frames_of(show)
    countdown = Countdown(**view_frame("presenter", presenter)["countdown"])
    pushed = view_frame("presenter", presenter)
    for step in (0, 1, 999, 1_000, 1_001, 37_500, 600_000):  # the welcome countdown, to doors open and late
        clock.advance(step)
        snap = show.snapshot()
        now = view_frame("presenter", frames_of(show))
        if now != pushed:  # the server pushes a changed frame (past the planned start: counting the lateness)
            pushed, countdown = now, Countdown(**now["countdown"])
        shown = build_frames(snap).presenter.countdown_text
        assert format_countdown(countdown.remaining_at(snap.time_of_day_ms)) == shown
    show.apply(Command("start"))
    countdown = Countdown(**view_frame("presenter", frames_of(show))["countdown"])
    for _ in range(400):  # through warning, danger and zero into overtime
        clock.advance(997)
        snap = show.snapshot()
        remaining = countdown.remaining_at(snap.time_of_day_ms)
        assert remaining == snap.remaining_ms
        assert format_countdown(remaining) == snap.countdown_text


def test_a_paused_countdown_stands_still(show: Show, fake_clock: FakeClock) -> None:
    show.apply(Command("start"))
    fake_clock.advance(10_000)
    show.apply(Command("pause"))
    countdown = Countdown(**view_frame("presenter", frames_of(show))["countdown"])
    assert not countdown.running
    assert countdown.remaining_at(0) == countdown.remaining_at(10**8) == show.snapshot().remaining_ms


def test_the_projector_is_sent_a_countdown_only_when_the_audience_may_see_one() -> None:
    assert view_frame("projector", build_frames(snapshot("normal")))["countdown"] is None
    assert view_frame("projector", build_frames(snapshot("break")))["countdown"] is not None
    assert view_frame("projector", build_frames(snapshot("projector-countdown")))["countdown"] is not None
    assert view_frame("projector", build_frames(snapshot("break", blackout=True)))["countdown"] is None


def test_backstage_lists_who_is_on_who_is_next_and_a_few_after(show: Show) -> None:
    agenda: Agenda = show.agenda
    show.apply(Command("start"))
    frame = view_frame("backstage", frames_of(show))
    assert frame["current"]["id"] == agenda.items[0].id
    assert frame["next"]["id"] == agenda.items[1].id
    assert [item["id"] for item in frame["upcoming"]] == [item.id for item in agenda.items[2:6]]
    assert frame["countdown"]["running"]


def test_the_agenda_view_marks_the_live_item_and_keeps_every_row(show: Show, fake_clock: FakeClock) -> None:
    show.apply(Command("start"))
    fake_clock.advance(120_000)
    show.apply(Command("next_start"))
    frame = view_frame("agenda", frames_of(show))
    assert len(frame["rows"]) == len(show.agenda.items)
    assert frame["live_id"] == show.agenda.items[1].id
    assert [row["status"] for row in frame["rows"][:3]] == ["done", "live", "next"]


def test_a_remote_command_says_where_it_came_from_and_survives_the_journal(show: Show) -> None:
    command = Command("next", source="remote")
    assert Command.from_dict(json.loads(json.dumps(command.to_dict()))) == command
    outcome = show.apply(command)
    assert outcome.source == "remote" and outcome.to_dict()["source"] == "remote"
    assert show.apply(Command("undo")).source == ""
    with pytest.raises(ValueError, match="source"):
        Command("next", source="the internet")


def test_blackout_can_be_set_as_well_as_toggled(show: Show) -> None:
    for _ in range(2):  # pressing a remote's "on" twice leaves it on
        assert show.apply(Command("blackout_on")).effect == "blackout_on"
        assert show.snapshot().blackout
    assert show.apply(Command("blackout_off")).effect == "blackout_off"
    assert not show.snapshot().blackout


def test_the_browser_projector_never_counts_into_overtime() -> None:
    for state in ("projector-countdown", "break"):
        frames = build_frames(snapshot(state))
        countdown = view_frame("projector", frames)["countdown"]
        assert countdown is not None and countdown["floor_zero"] is True
        zero = countdown["zero_at_ms"]
        if zero is not None:  # a running clock: a browser a minute late still reads 0:00, not +1:00
            from stagetimer.core.show.web_frames import Countdown

            assert Countdown(**countdown).remaining_at(zero + 60_000) == 0
    assert view_frame("projector", build_frames(snapshot("overtime", projector_countdown=True)))["countdown"] is None


def test_the_browser_projector_lists_what_comes_after_a_break() -> None:
    frames = build_frames(snapshot("break"))
    listed = view_frame("projector", frames)["coming_up"]
    assert [row["title"] for row in listed] == [item.title for item in frames.projector.coming_up]
    assert all(row["projected_start_ms"] % 60_000 == 0 and "note" not in row for row in listed)
    assert view_frame("projector", build_frames(snapshot("normal")))["coming_up"] == []


def test_only_the_presenter_view_carries_the_speakers_note() -> None:
    note = "질의응답은 사회자가 진행"
    frames = build_frames(snapshot("normal", current__presenter_note=note, current__note=NOTE))
    assert view_frame("presenter", frames)["presenter_note"] == note
    assert NOTE not in web("presenter", frames)
    for view in ("projector", "backstage", "agenda"):
        assert note not in web(view, frames), view
