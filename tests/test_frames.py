"""Frames per audience: what the speaker and the audience may see is cut in the core.

A private note, the over/under and the operator's controls must never reach a
stage frame, whatever state the show is in; the projector never learns of a
message, a pause or a flash. Checked on the serialised JSON, which is what a
browser view will receive.
"""

from __future__ import annotations

import json

import pytest

from stagetimer.core.show.frames import build_frames, presenter_frame, projector_frame
from stagetimer.core.show.snapshot import ClockState
from tests.snapshots_factory import MESSAGE, NOTE, STATES, snapshot

#: Fields only the stage manager sees.
PRIVATE_KEYS = {"note", "over_under_ms", "stage_ms", "can_undo", "projected_end_ms", "items", "speed",
                "elapsed_ms", "allotted_ms", "actual_start_ms", "actual_end_ms", "message_pinned"}
#: What the audience must not learn on top of that.
NOT_FOR_THE_AUDIENCE = {"message", "message_flash", "flash", "clock_state", "phase", "progress"}


def keys_of(value: object) -> set[str]:
    """Every key anywhere in a JSON document."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


@pytest.mark.parametrize("state", STATES)
def test_no_stage_frame_carries_a_private_field_in_any_state(state: str) -> None:
    snap = snapshot(state, current__note=NOTE, next__note=NOTE)
    frames = build_frames(snap)
    if snap.current is not None or snap.next is not None:  # the operator does see it
        assert NOTE in json.dumps(frames.control.to_dict(), ensure_ascii=False)
    for frame in (frames.presenter, frames.projector):
        text = json.dumps(frame.to_dict(), ensure_ascii=False)
        assert NOTE not in text
        assert not keys_of(json.loads(text)) & PRIVATE_KEYS
    projector = frames.projector.to_dict()
    assert not keys_of(projector) & NOT_FOR_THE_AUDIENCE


def test_the_projector_never_hears_of_a_message_a_pause_or_a_flash() -> None:
    plain = projector_frame(snapshot("normal"))
    busy = projector_frame(snapshot("normal", clock_state=ClockState.PAUSED, message=MESSAGE, message_flash=True,
                                    flash=True, over_under_ms=200_000, current__note=NOTE))
    assert busy == plain


def test_the_presenter_gets_the_message_and_its_clock_state_but_not_the_schedule() -> None:
    late = presenter_frame(snapshot("message", over_under_ms=200_000))
    on_time = presenter_frame(snapshot("message", over_under_ms=0))
    assert late == on_time and late.message == MESSAGE
    assert presenter_frame(snapshot("paused")).clock_state is ClockState.PAUSED


def test_audience_countdowns_follow_the_rules_of_the_screen() -> None:
    assert projector_frame(snapshot("normal")).countdown_text == ""  # a talk's clock is the speaker's
    assert projector_frame(snapshot("projector-countdown")).countdown_text == snapshot("normal").countdown_text
    assert projector_frame(snapshot("break")).countdown_text == snapshot("break").countdown_text
    assert projector_frame(snapshot("break", blackout=True)).countdown_text == ""
    welcome = snapshot("welcome")
    assert presenter_frame(welcome).countdown_text and projector_frame(welcome).countdown_text
    assert presenter_frame(snapshot("closing")).countdown_text == ""


def test_every_frame_is_json() -> None:
    frames = build_frames(snapshot("warning"))
    for frame in (frames.control, frames.presenter, frames.projector):
        data = frame.to_dict()
        assert json.loads(json.dumps(data)) == data
    assert frames.presenter.to_dict()["clock_state"] == "running"


#: A note for the speaker: the Presenter's, never the audience's.
SPEAKERS_NOTE = "발표 후 질의응답 5분"


def _noted(state: str) -> object:
    """The snapshot of ``state`` with a private note and a speaker's note on every item of the day."""
    import dataclasses

    snap = snapshot(state)
    items = tuple(dataclasses.replace(item, note=NOTE, presenter_note=SPEAKERS_NOTE) for item in snap.items)
    def same(item: object) -> object:
        return None if item is None else items[item.index]  # type: ignore[attr-defined]
    return dataclasses.replace(snap, items=items, current=same(snap.current), next=same(snap.next))


def test_a_break_lists_what_comes_after_it_without_a_note() -> None:
    snap = _noted("break")
    frame = projector_frame(snap)  # type: ignore[arg-type]
    after = snap.items[snap.current.index + 1:snap.current.index + 4]  # type: ignore[attr-defined]
    assert [item.title for item in frame.coming_up] == [item.title for item in after]
    assert [item.projected_start_ms for item in frame.coming_up] == [item.projected_start_ms for item in after]
    assert 2 <= len(frame.coming_up) <= 3
    text = json.dumps(frame.to_dict(), ensure_ascii=False)
    assert NOTE not in text and SPEAKERS_NOTE not in text
    assert not keys_of(json.loads(text)) & (PRIVATE_KEYS | NOT_FOR_THE_AUDIENCE | {"presenter_note"})


@pytest.mark.parametrize("state", [s for s in STATES if s != "break"])
def test_only_a_break_lists_what_comes_next(state: str) -> None:
    assert projector_frame(snapshot(state)).coming_up == ()


def test_the_audience_never_sees_the_speakers_overtime() -> None:
    # The optional countdown (C): gone at zero, never "+0:01".
    running_over = snapshot("overtime", projector_countdown=True)
    assert running_over.countdown_text.startswith("+")
    assert projector_frame(running_over).countdown_text == ""
    assert projector_frame(snapshot("projector-countdown", remaining_ms=0, countdown_text="0:00")).countdown_text == ""
    last_second = snapshot("projector-countdown", remaining_ms=400, countdown_text="0:01")
    assert projector_frame(last_second).countdown_text == "0:01"
    # A break that runs long stops at 0:00 (the face still says when the programme resumes).
    long_break = snapshot("break", remaining_ms=-65_000, countdown_text="+1:05")
    assert projector_frame(long_break).countdown_text == "0:00"
    # The speaker still sees it all.
    assert presenter_frame(running_over).countdown_text == running_over.countdown_text


def test_the_speakers_note_is_copied_to_the_presenter_alone_and_the_private_note_to_no_one() -> None:
    note = "질의응답은 사회자가 진행"
    frames = build_frames(snapshot("normal", current__presenter_note=note, current__note=NOTE,
                                   next__presenter_note="다음 연사의 메모"))
    assert frames.presenter.presenter_note == note  # the live item's, never the next one's
    presenter = json.dumps(frames.presenter.to_dict(), ensure_ascii=False)
    assert NOTE not in presenter and "다음 연사의 메모" not in presenter
    assert note not in json.dumps(frames.projector.to_dict(), ensure_ascii=False)
    assert presenter_frame(snapshot("welcome", next__presenter_note=note)).presenter_note == ""
