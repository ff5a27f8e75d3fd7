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


def test_the_speakers_note_is_copied_to_the_presenter_alone_and_the_private_note_to_no_one() -> None:
    note = "질의응답은 사회자가 진행"
    frames = build_frames(snapshot("normal", current__presenter_note=note, current__note=NOTE,
                                   next__presenter_note="다음 연사의 메모"))
    assert frames.presenter.presenter_note == note  # the live item's, never the next one's
    presenter = json.dumps(frames.presenter.to_dict(), ensure_ascii=False)
    assert NOTE not in presenter and "다음 연사의 메모" not in presenter
    assert note not in json.dumps(frames.projector.to_dict(), ensure_ascii=False)
    assert presenter_frame(snapshot("welcome", next__presenter_note=note)).presenter_note == ""
