"""What each browser view is sent: its audience frame, with the countdown as a clock it runs itself.

A browser counts down locally and is sent a view's frame only when that
frame changed, so nothing that moves every second may be in it: the
countdown's text, the progress and the time of day become a
:class:`Countdown` (one reading, and whether it runs), and projected times
are cut to the minute they are shown with. What a view may see is decided
as for the Qt screens: each frame is copied from an audience frame or, for
the new views, field by field from the Control frame — never a note, an
over/under or a message outside the presenter's and the remote's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from stagetimer.core.show.snapshot import Frames, ItemView, PublicItem, Snapshot
from stagetimer.core.show.status import status_dict
from stagetimer.core.timefmt import MS_PER_MIN

#: The views a viewer token opens; the remote needs the control token.
AUDIENCE_VIEWS = ("presenter", "projector", "backstage", "agenda")
VIEWS = (*AUDIENCE_VIEWS, "remote")
#: How many items after the next one the green room sees.
BACKSTAGE_UPCOMING = 4
#: Fields of the frames that change with every tick: a browser works them out from the Countdown.
_TICKING = ("time_of_day_ms", "countdown_text", "progress")
#: Fields of the status document that a remote works out itself (or asks for).
_STATUS_TICKING = ("remaining_seconds", "countdown", "time_of_day")


@dataclass(frozen=True)
class Countdown:
    """A countdown a browser runs by itself between frames.

    While it runs it is the instant it reads 0:00 (``zero_at_ms``, the
    show's time of day), which stays put from tick to tick; stopped, it is
    what it reads (``remaining_ms``). The display rounds up (``0:00`` is
    the moment time is up) and the phase follows the thresholds exactly as
    ``phase_for`` does.
    """

    running: bool
    zero_at_ms: int | None  # running: the show's time of day at which it reads 0:00
    remaining_ms: int | None  # stopped: what it reads
    length_ms: int  # the slot as it now stands (added time included), for the progress bar (0: no bar)
    warning_ms: int
    danger_ms: int
    floor_zero: bool  # stops at 0:00 (the welcome countdown) instead of running into overtime

    def remaining_at(self, tod_ms: int) -> int:
        """What it reads at the show's time of day ``tod_ms`` (what a browser computes)."""
        remaining = self.zero_at_ms - tod_ms if self.zero_at_ms is not None else self.remaining_ms or 0
        return max(0, remaining) if self.floor_zero else remaining


def item_countdown(snap: Snapshot) -> Countdown | None:
    """The loaded item's countdown, or None when no item is on stage."""
    if snap.current is None:
        return None
    running = snap.running
    return Countdown(running, snap.time_of_day_ms + snap.remaining_ms if running else None,
                     None if running else snap.remaining_ms, snap.allotted_ms,
                     snap.warning_ms, snap.danger_ms, floor_zero=False)


def welcome_countdown(snap: Snapshot, count_up: bool = False) -> Countdown:
    """Before the show: the time to its planned start, which stops at zero.

    ``count_up``: past the planned start, go on counting the lateness (+m:ss),
    as the speaker's screen does (frames.late_start).
    """
    first_start = snap.items[0].planned_start_ms if snap.items else snap.planned_start_ms
    return Countdown(True, first_start, None, 0, 0, 0, floor_zero=not count_up)


def _stage_countdown(snap: Snapshot) -> Countdown | None:
    return welcome_countdown(snap) if snap.stage == "welcome" else item_countdown(snap)


def to_minute(ms: int | None) -> int | None:
    """A time of day as it is shown (hh:mm): a projection moving by the second changes no frame."""
    return None if ms is None else ms - ms % MS_PER_MIN


def _public(item: PublicItem | ItemView | None) -> dict[str, Any] | None:
    public = item if isinstance(item, PublicItem) or item is None else PublicItem.of(item)
    if public is None:
        return None
    data = asdict(public)
    data["speakers"] = list(public.speakers)
    data["projected_start_ms"] = to_minute(public.projected_start_ms)
    return data


def _countdown(countdown: Countdown | None) -> dict[str, Any] | None:
    return None if countdown is None else asdict(countdown)


def _without(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in names}


def presenter_countdown(frames: Frames) -> Countdown | None:
    """The speaker's: the item's, or the welcome's, counting the lateness once the start has passed."""
    if frames.control.stage == "welcome":
        return welcome_countdown(frames.control, count_up=frames.presenter.late_start)
    return item_countdown(frames.control)


def presenter_view(frames: Frames) -> dict[str, Any]:
    """The lectern tablet: the presenter frame, counting by itself."""
    data = _without(frames.presenter.to_dict(), _TICKING)
    data.update(current=_public(frames.presenter.current), next=_public(frames.presenter.next),
                resume_ms=to_minute(frames.presenter.resume_ms), countdown=_countdown(presenter_countdown(frames)))
    return data


def projector_view(frames: Frames) -> dict[str, Any]:
    """The audience's screen: a countdown only when the projector shows one."""
    projector = frames.projector
    data = _without(projector.to_dict(), _TICKING)
    shown = _stage_countdown(frames.control) if projector.countdown_text else None
    if shown is not None:  # the audience never sees overtime: the browser's count stops at 0:00 too
        shown = replace(shown, floor_zero=True)
    data.update(current=_public(projector.current), next=_public(projector.next),
                coming_up=[_public(item) for item in projector.coming_up],
                resume_ms=to_minute(projector.resume_ms), countdown=_countdown(shown))
    return data


def backstage_view(frames: Frames) -> dict[str, Any]:
    """The green room: who is on with the time left, who is next and when, the few items after."""
    snap = frames.control
    after = 1 if snap.stage == "welcome" else (snap.current.index + 2 if snap.current is not None else len(snap.items))
    return {
        "event_title": snap.event_title,
        "venue": snap.venue,
        "language": snap.language,
        "stage": snap.stage,
        "clock_state": snap.clock_state.value,
        "phase": snap.phase,
        "current": _public(snap.current),
        "next": _public(snap.next),
        "upcoming": [_public(item) for item in snap.items[after:after + BACKSTAGE_UPCOMING]],
        "resume_ms": to_minute(snap.resume_ms),
        "countdown": _countdown(_stage_countdown(snap)),
    }


def agenda_view(frames: Frames) -> dict[str, Any]:
    """The day for phones: every item, planned and projected, the live one marked."""
    snap = frames.control
    rows = []
    for item in snap.items:
        row = _public(item)
        assert row is not None
        row.update(planned_start_ms=item.planned_start_ms, planned_duration_ms=item.planned_duration_ms,
                   status=item.status)
        rows.append(row)
    return {
        "event_title": snap.event_title,
        "event_subtitle": snap.event_subtitle,
        "event_date": snap.event_date,
        "venue": snap.venue,
        "language": snap.language,
        "stage": snap.stage,
        "live_id": snap.current.id if snap.current is not None else None,
        "rows": rows,
    }


def remote_view(frames: Frames) -> dict[str, Any]:
    """The stage manager's phone (control token): the status, the countdown and what the buttons act on."""
    snap = frames.control
    data = _without(status_dict(snap), _STATUS_TICKING)
    data["over_under_seconds"] = round(snap.over_under_ms / 1000)
    item_over_under = data.get("item_over_under_seconds")
    if item_over_under is not None:
        data["item_over_under_seconds"] = round(item_over_under)
    data.update(
        event_title=snap.event_title,
        language=snap.language,
        next_title=snap.next.title if snap.next is not None else None,
        message=snap.message,
        message_pinned=snap.message_pinned,
        blackout=snap.blackout,
        can_undo=snap.can_undo,
        countdown=_countdown(_stage_countdown(snap)),
    )
    return data


_BUILDERS = {
    "presenter": presenter_view,
    "projector": projector_view,
    "backstage": backstage_view,
    "agenda": agenda_view,
    "remote": remote_view,
}


def view_frame(view: str, frames: Frames) -> dict[str, Any]:
    """One browser view's frame (``view`` one of VIEWS)."""
    return _BUILDERS[view](frames)
