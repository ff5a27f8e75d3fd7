"""Turns the show's state at one instant into a frozen Snapshot.

All the arithmetic a screen would otherwise do happens here once: remaining
time, phase, projected times, over/under, flashing, and when the next
visible change is due so the display timer can sleep until exactly then.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import CLOCK_STEP_MS
from stagetimer.core.show.accounting import StageLog
from stagetimer.core.show.auto_message import auto_message_wakes, with_time_left
from stagetimer.core.show.replan import current_proposal
from stagetimer.core.show.schedule import (
    allotted_ms,
    ms_to_next_second,
    ms_to_tod_second,
    phase_for,
    project_upcoming,
)
from stagetimer.core.show.snapshot import ClockState, ItemView, Snapshot
from stagetimer.core.show.snapshot_memo import SnapshotMemo
from stagetimer.core.show.state import ShowState
from stagetimer.core.timefmt import MS_PER_DAY, format_countdown

#: How long a manual flash (F) and the arrival flash of a message last, in show ms.
FLASH_MS = 3_000
MESSAGE_FLASH_MS = 3_000
#: Entering overtime flashes the presenter screen this long, then it stays steady red.
OVERTIME_FLASH_MS = 10_000
HALF_DAY = MS_PER_DAY // 2


class _Moment:
    """The show's inputs at one instant, read by every helper below."""

    def __init__(self, agenda: Agenda, state: ShowState, log: StageLog, now: int, tod: int, speed: float) -> None:
        self.agenda, self.state, self.log = agenda, state, log
        self.now, self.tod, self.speed = now, tod, speed

    def allotted(self, index: int) -> int:
        return allotted_ms(self.agenda, self.state, index, self.tod)


def _projection(m: _Moment) -> tuple[list[int], list[int]]:
    """Projected start and end of every item, as times of day."""
    agenda, state, tod = m.agenda, m.state, m.tod
    count = len(agenda.items)
    starts = [item.planned_start_ms for item in agenda.items]
    ends = [item.planned_end_ms for item in agenda.items]
    adjust = [item_state.adjust_ms for item_state in state.items]
    # Items already behind us keep what actually happened.
    past = count if state.stage == "closing" else (state.index or 0)
    for index in range(past):
        record = state.items[index]
        if record.actual_start_ms is not None:
            starts[index] = record.actual_start_ms
            end = record.actual_end_ms
            ends[index] = end if end is not None else record.actual_start_ms + record.elapsed_ms
    if state.stage == "closing":
        return starts, ends
    if state.stage == "welcome":
        # The show cannot begin before its planned start, whatever the clock says.
        first, chain = 0, max(tod, agenda.items[0].planned_start_ms) if agenda.items else tod
    else:
        current = state.index or 0
        record = state.items[current]
        remaining = m.allotted(current) - record.elapsed_at(m.now)
        starts[current] = record.actual_start_ms if record.actual_start_ms is not None else tod
        ends[current] = tod + max(remaining, 0)
        first, chain = current + 1, ends[current]
    if first < count:
        tail_starts, tail_ends = project_upcoming(
            agenda, first, chain, adjust, [record.replanned_ms for record in state.items])
        starts[first:] = tail_starts
        ends[first:] = tail_ends
    return starts, ends


def _status(m: _Moment, index: int, ran: bool) -> str:
    """The row's status; ``ran``: the item has held the stage (time on stage is known)."""
    state = m.state
    if state.stage == "welcome":
        return "next" if index == 0 else "upcoming"
    current = len(state.items) if state.stage == "closing" else (state.index or 0)
    if index == current:
        return "live"
    if index < current:
        # Passed over without ever holding the stage (→ → on an item that never started).
        return "done" if ran else "skipped"
    if ran:  # it held the stage before the show went back to an earlier item
        return "done"
    return "next" if index == current + 1 else "upcoming"


def _item_views(m: _Moment, memo: SnapshotMemo | None) -> tuple[ItemView, ...]:
    agenda, state = m.agenda, m.state
    starts, ends = _projection(m)
    views = []
    for index, item in enumerate(agenda.items):
        record = state.items[index]
        elapsed = record.elapsed_at(m.now)
        live = state.index == index and state.stage == "live"
        # An upcoming break stretches to the fixed start after it, as projected.
        upcoming = record.actual_start_ms is None and not live
        allotted = ends[index] - starts[index] if upcoming else m.allotted(index)
        on_stage = m.log.stage_ms(index, m.tod)
        over_under = None
        if on_stage is not None:
            # The one over/under of an item: its time on stage (pauses included, as they
            # took time out of the day), and while live the time it still has to run.
            length = on_stage + max(allotted - elapsed, 0) if live else on_stage
            over_under = length - item.duration_ms
        status = _status(m, index, on_stage is not None)
        # Everything of the row the agenda does not fix: equal, and the last view is this one.
        key = (status, starts[index], ends[index], allotted, elapsed, record.actual_start_ms, record.actual_end_ms,
               on_stage, over_under, record.replanned_ms)
        build = partial(_item_view, agenda, index, key)
        views.append(build() if memo is None else memo.item_view(agenda, index, key, build))
    return tuple(views)


def _item_view(agenda: Agenda, index: int, key: tuple[Any, ...]) -> ItemView:
    status, start, end, allotted, elapsed, actual_start, actual_end, on_stage, over_under, replanned = key
    item = agenda.items[index]
    return ItemView(
        **agenda.item_identity(index),
        note=item.note,
        status=status,
        planned_start_ms=item.planned_start_ms,
        planned_duration_ms=item.duration_ms,
        fixed_start_ms=item.fixed_start_ms,
        projected_start_ms=start,
        projected_end_ms=end,
        allotted_ms=allotted,
        elapsed_ms=elapsed,
        actual_start_ms=actual_start,
        actual_end_ms=actual_end,
        stage_ms=on_stage,
        over_under_ms=over_under,
        presenter_note=item.presenter_note,
        replanned_ms=replanned,
        ends_at_ms=item.ends_at_ms,
    )


def _half_period_flash(since_ms: int, length_ms: int, speed: float) -> tuple[bool, int | None]:
    """On/off in 500 ms (real) steps for ``length_ms`` of show time; and ms to the next step."""
    if since_ms < 0 or since_ms >= length_ms:
        return False, None
    step = 500 * speed
    on = int(since_ms // step) % 2 == 0
    to_next = min(step - since_ms % step, length_ms - since_ms)
    return on, max(1, math.ceil(to_next))


def _clock_step(tod: int, wall_tod_ms: int | None) -> int:
    """How far the wall clock has stepped from the show's own time of day (0 within CLOCK_STEP_MS)."""
    if wall_tod_ms is None:
        return 0
    drift = (wall_tod_ms - tod + HALF_DAY) % MS_PER_DAY - HALF_DAY
    return drift if abs(drift) > CLOCK_STEP_MS else 0


def _clock_state(state: ShowState, current: ItemView | None) -> ClockState:
    if state.stage == "welcome":
        return ClockState.NOT_STARTED
    if current is None:
        return ClockState.FINISHED
    if state.items[current.index].run_from_ms is not None:
        return ClockState.RUNNING
    return ClockState.PAUSED if current.actual_start_ms is not None else ClockState.READY


def build_snapshot(
    agenda: Agenda,
    state: ShowState,
    log: StageLog,
    now: int,
    tod: int,
    speed: float,
    can_undo: bool,
    next_transition_ms: int | None = None,
    today: str = "",
    wall_tod_ms: int | None = None,
    memo: SnapshotMemo | None = None,
) -> Snapshot:
    """The Control frame at show time ``now`` (time of day ``tod``).

    ``next_transition_ms`` is the show ms to the next transition the clock
    will cause by itself (a phase change): the display timer wakes for it too.
    ``today`` and ``wall_tod_ms`` are the machine's date and wall-clock time
    of day, for Control to say when either disagrees with the show. ``memo``
    (the Show's) lends the rows and the proposal that did not change.
    """
    m = _Moment(agenda, state, log, now, tod, speed)
    event = agenda.event
    items = _item_views(m, memo)
    wakes: list[int] = []  # when the frames change: anything shown but Control's seconds clock
    if next_transition_ms is not None:
        wakes.append(next_transition_ms)

    current = items[state.index] if state.stage == "live" and state.index is not None else None
    next_view = None
    if state.stage == "welcome" and items:
        next_view = items[0]
    elif current is not None and current.index + 1 < len(items):
        next_view = items[current.index + 1]

    clock_state = _clock_state(state, current)
    running = clock_state is ClockState.RUNNING
    remaining = elapsed = allotted = overtime = warning = danger = 0
    phase, countdown, progress = "idle", "", 0.0
    flash = False
    if current is not None:
        record = state.items[current.index]
        elapsed, allotted = current.elapsed_ms, current.allotted_ms
        remaining = allotted - elapsed
        thresholds = agenda.items[current.index].thresholds
        warning, danger = thresholds.warning_ms, thresholds.danger_ms
        phase = phase_for(remaining, thresholds)
        countdown = format_countdown(remaining)
        progress = 1.0 if allotted <= 0 else min(1.0, max(0.0, elapsed / allotted))
        overtime = max(0, -remaining)
        if running:
            wakes.append(ms_to_next_second(remaining))
            wakes.extend(auto_message_wakes(agenda.messages, phase, remaining, thresholds))
            if phase == "overtime":
                # Flashing from zero, or from the command that took it past zero (−1 minute, an edit).
                taken = record.overtime_flash_from_ms
                since = overtime if taken is None else min(overtime, max(0, now - taken))
                flash, wake = _half_period_flash(since, OVERTIME_FLASH_MS, speed)
                if wake:
                    wakes.append(wake)
    tod_second = ms_to_tod_second(tod)
    # While the countdown runs it flips every second, and every frame with it: the time of day's seconds
    # (Control's clock alone shows them) tick between without new frames (Controller.clock_ticked); the
    # stage screens' HH:MM still changes on its minute. In overtime the item's end is now, so the
    # over/under, the projected times and the planner move with the time of day's second: a frame, as it
    # is whenever the countdown does not run.
    clock_only = running and phase != "overtime"
    wakes.append(60_000 - tod % 60_000 if clock_only else tod_second)
    if state.flash_from_ms is not None:
        manual, wake = _half_period_flash(now - state.flash_from_ms, FLASH_MS, speed)
        flash = flash or manual
        if wake:
            wakes.append(wake)
    message_flash = False
    if state.message:
        message_flash, wake = _half_period_flash(now - state.message_at_ms, MESSAGE_FLASH_MS, speed)
        if wake:
            wakes.append(wake)

    if state.stage == "welcome":
        over_under = items[0].projected_start_ms - items[0].planned_start_ms if items else 0
    elif state.stage == "closing":
        over_under = items[-1].projected_end_ms - items[-1].planned_end_ms if items else 0
    else:
        assert current is not None
        over_under = current.projected_end_ms - current.planned_end_ms

    first_start = items[0].planned_start_ms if items else event.start_ms
    resume = current.projected_end_ms if current is not None and current.kind == "break" else None
    return Snapshot(
        event_title=event.title,
        event_subtitle=event.subtitle,
        event_date=event.date,
        venue=event.venue,
        language=event.language,
        planned_start_ms=event.start_ms,
        planned_end_ms=event.end_ms,
        stage=state.stage,
        clock_state=clock_state,
        time_of_day_ms=tod,
        items=items,
        current=current,
        next=next_view,
        remaining_ms=remaining,
        elapsed_ms=elapsed,
        allotted_ms=allotted,
        phase=phase,
        warning_ms=warning,
        danger_ms=danger,
        countdown_text=countdown,
        progress=progress,
        overtime_ms=overtime,
        over_under_ms=over_under,
        projected_end_ms=items[-1].projected_end_ms if items else event.end_ms,
        welcome_remaining_ms=max(0, first_start - tod),
        resume_ms=resume,
        message=state.message,
        message_pinned=state.message_pinned,
        message_flash=message_flash,
        flash=flash,
        blackout=state.blackout,
        projector_countdown=state.projector_countdown,
        can_undo=can_undo,
        speed=speed,
        today=today,
        clock_step_ms=_clock_step(tod, wall_tod_ms),
        next_change_ms=max(1, math.ceil(min(*wakes, tod_second) / speed)),
        next_frame_change_ms=max(1, math.ceil(min(wakes) / speed)),
        proposal=current_proposal(agenda, state, now, tod, memo),
        auto_replan=state.auto_replan,
        cues=agenda.cues,
        # {left} spoken for the item on stage (before the show: the agenda's default thresholds)
        phase_messages=with_time_left(agenda.messages, agenda.thresholds if current is None
                                      else agenda.items[current.index].thresholds, event.language),
    )
