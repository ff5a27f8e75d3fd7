"""The audience frames, cut from the Control frame field by field.

What the speaker and the audience may see is decided here, in the core, and
nowhere else: a Qt view or a browser paints its frame and cannot reach a
field that was not copied into it.
"""

from __future__ import annotations

from stagetimer.core.show.auto_message import auto_message
from stagetimer.core.show.snapshot import ClockState, Frames, PresenterFrame, ProjectorFrame, PublicItem, Snapshot
from stagetimer.core.timefmt import display_seconds, format_countdown

#: How many items a break's projector face lists as coming next.
COMING_UP = 3


def late_start(snap: Snapshot) -> bool:
    """Before the show, past its planned start: the welcome says how late, not "0:00 to go"."""
    return snap.stage == "welcome" and snap.welcome_remaining_ms == 0 and snap.over_under_ms > 0


def presenter_countdown(snap: Snapshot) -> str:
    """The speaker's big digits: the item's countdown, or before the show the time to its start.

    Once the planned start has passed without the show starting, the digits
    count the lateness ("+4:56"): Control's over/under, in the notation of
    overtime, so the speaker and the stage manager read one figure.
    """
    if snap.stage == "welcome":
        if late_start(snap):  # counted like overtime, so a browser counting alone reads the same
            return format_countdown(-snap.over_under_ms)
        return format_countdown(snap.welcome_remaining_ms)
    return snap.countdown_text if snap.stage == "live" else ""


def projector_countdown(snap: Snapshot) -> str:
    """The countdown the audience may see now ("" for none): a break's, the welcome's, or one switched on.

    The audience never sees overtime: how far a speaker runs over is between
    the speaker and the stage manager. A break's countdown stops at 0:00 (the
    face still says when the programme resumes); the optional countdown of a
    talk is gone once time is up, rather than counting "+0:01", "+0:02"….
    """
    if snap.blackout:
        return ""
    if snap.stage == "welcome":
        return format_countdown(snap.welcome_remaining_ms) if snap.welcome_remaining_ms > 0 else ""
    if snap.stage != "live" or snap.current is None:
        return ""
    time_up = display_seconds(snap.remaining_ms) <= 0
    if snap.current.kind == "break":
        return format_countdown(0) if time_up else snap.countdown_text
    if snap.projector_countdown and not time_up:
        return snap.countdown_text
    return ""


def coming_up(snap: Snapshot) -> tuple[PublicItem, ...]:
    """During a break, the first items after it as the audience may see them (copied field by field)."""
    current = snap.current
    if snap.stage != "live" or current is None or current.kind != "break":
        return ()
    after = snap.items[current.index + 1:current.index + 1 + COMING_UP]
    return tuple(public for public in map(PublicItem.of, after) if public is not None)


def presenter_frame(snap: Snapshot) -> PresenterFrame:
    automatic = "" if snap.message or snap.stage != "live" else auto_message(
        snap.phase_messages, snap.phase, snap.remaining_ms, snap.warning_ms, snap.danger_ms, snap.started)
    return PresenterFrame(
        stage=snap.stage,
        language=snap.language,
        late_start=late_start(snap),
        clock_state=snap.clock_state,
        time_of_day_ms=snap.time_of_day_ms,
        event_title=snap.event_title,
        venue=snap.venue,
        current=PublicItem.of(snap.current),
        next=PublicItem.of(snap.next),
        countdown_text=presenter_countdown(snap),
        phase=snap.phase,
        progress=snap.progress,
        flash=snap.flash,
        message=snap.message or automatic,
        message_flash=snap.message_flash,
        resume_ms=snap.resume_ms,
        presenter_note=presenter_note(snap),
        adjusted_ms=adjusted_ms(snap),
        message_auto=bool(automatic),
        cues=snap.cues,
    )


def adjusted_ms(snap: Snapshot) -> int | None:
    """The re-planned length of the item loaded but not yet started; None otherwise.

    The speaker learns before they begin that their slot was shortened; once
    it has started the line is gone (never a change of plan mid-talk).
    """
    current = snap.current
    if snap.stage != "live" or current is None or snap.clock_state is not ClockState.READY:
        return None
    return None if current.replanned_ms is None else current.allotted_ms


def presenter_note(snap: Snapshot) -> str:
    """The speaker's note for the item on stage: only while it is live (not before or after the show)."""
    if snap.stage != "live" or snap.current is None:
        return ""
    return snap.current.presenter_note


def projector_frame(snap: Snapshot) -> ProjectorFrame:
    return ProjectorFrame(
        stage=snap.stage,
        blackout=snap.blackout,
        event_title=snap.event_title,
        event_subtitle=snap.event_subtitle,
        event_date=snap.event_date,
        venue=snap.venue,
        language=snap.language,
        planned_start_ms=snap.planned_start_ms,
        doors_open=snap.stage == "welcome" and snap.welcome_remaining_ms == 0,
        current=PublicItem.of(snap.current),
        next=PublicItem.of(snap.next),
        countdown_text=projector_countdown(snap),
        small_countdown=snap.projector_countdown,
        resume_ms=snap.resume_ms,
        coming_up=coming_up(snap),
    )


def build_frames(snap: Snapshot) -> Frames:
    """Every audience's frame of one instant."""
    return Frames(control=snap, presenter=presenter_frame(snap), projector=projector_frame(snap))
