"""The one tick source between the show and every view.

The controller owns the show's door and a single single-shot precise timer.
After every publish it sleeps exactly until the next visible change or the
next transition the frame announces (``next_change_ms``), counted from the
instant the frame was taken. There is no fixed poll: a paused show wakes
once a second for the time of day, a running one at each flip of the
countdown and at the exact millisecond it enters warning, danger or
overtime; flashing is driven by the same timer. While a countdown runs, the
time of day's seconds between its flips tick Control's clock alone
(``clock_ticked``): no snapshot, no frames.

Every operator action, from any key, button or (next) a remote, enters
through :meth:`Controller.apply`, which hands it to the core's door (a
Session, which journals it, or a bare Show in tests) and publishes the
Outcome. The views get frames — one per audience — and decide nothing.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stagetimer.core.show.commands import AnyCommand
from stagetimer.core.show.events import Event
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.schedule import ms_to_tod_second
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Frames, Snapshot

log = logging.getLogger(__name__)

#: How the timer is armed against the announced boundary: 2 ms early. Qt's
#: timers count whole ms from the moment they are started, and the wake-up
#: itself takes a little: armed for the boundary exactly, a tick began 1.7 ms
#: after it (median, measured by benchmarks/run.py). Armed early, the tick
#: sleeps out the rest (``_wait_for_boundary``) and begins within ~0.2 ms of
#: the boundary, which is when the displayed second flips.
SLACK_MS = -2
#: The most a tick ever waits for its boundary: a clock that does not move (a
#: test's) or a late wake never holds it.
WAIT_CAP_NS = (-SLACK_MS + 1) * 1_000_000
#: After a tick that failed, the next one is tried this much later.
RETRY_MS = 250
#: The shortest sleep worth a system call while waiting.
MIN_SLEEP_NS = 20_000


class Door(Protocol):
    """The core's door: a Session (which journals) or a bare Show.

    ``show`` is read afresh every time: starting fresh replaces the Show.
    """

    @property
    def show(self) -> Show: ...

    def apply(self, command: AnyCommand) -> Outcome: ...


class _Unrecorded:
    """A bare Show as a door that records nothing (tests, screenshots)."""

    def __init__(self, show: Show) -> None:
        self.show = show

    def apply(self, command: AnyCommand) -> Outcome:
        return self.show.apply(command)


class Controller(QObject):
    """Applies commands through the core's door and publishes fresh frames when the show changes."""

    #: New frames for every view (on each tick and after each command): a Frames.
    frames_changed = Signal(object)
    #: The door's answer to a command, applied or refused: an Outcome.
    command_answered = Signal(object)
    #: Transitions, at their exact show time: a tuple of Event (after commands and on ticks).
    events_occurred = Signal(object)
    #: The time of day's second turned between two frames (a countdown runs): its ms, for Control's clock.
    clock_ticked = Signal(int)

    def __init__(self, door: Show | Door, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._door: Door = _Unrecorded(door) if isinstance(door, Show) else door
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._frames = build_frames(self.show.snapshot())
        self._due_ms = 0  # show ms of the boundary the timer waits for
        self._frame_due_ms = 0  # show ms at which the frames next change (later: a clock-only tick first)

    # -- what views and windows read ------------------------------------------

    @property
    def show(self) -> Show:
        """The live show (a new object after the session starts fresh)."""
        return self._door.show

    @property
    def snapshot(self) -> Snapshot:
        """The last published Control frame (valid from construction on)."""
        return self._frames.control

    @property
    def frames(self) -> Frames:
        """The last published frames, one per audience."""
        return self._frames

    @property
    def timer(self) -> QTimer:
        """The display timer, exposed so tests can check how it is armed."""
        return self._timer

    # -- control --------------------------------------------------------------

    def start(self) -> None:
        """Publish the first frames and start ticking."""
        self.show.settle(self.show.now_ms())  # what happened before we opened is not news
        self.publish()

    def stop(self) -> None:
        """Stop ticking (the show's clock is unaffected: time keeps running)."""
        self._timer.stop()

    def apply(self, command: AnyCommand) -> Outcome:
        """Apply one operator command through the door and republish at once.

        Nothing an operator presses may stop the clock or close the app: a bug
        in a command is logged and answered as a refusal (``internal_error``).
        """
        try:
            outcome = self._door.apply(command)
        except Exception as error:
            log.exception("command %s failed unexpectedly", command)
            outcome = Outcome(command.action, False, reason="internal_error",
                              params={"error": f"{type(error).__name__}: {error}"},
                              source=str(getattr(command, "source", "")))
        if outcome.journal_error:
            log.error("command %s applied but not journaled: %s", command, outcome.journal_error)
        self._announce(outcome.events)
        self.publish()
        self.command_answered.emit(outcome)
        return outcome

    def publish(self) -> None:
        """Take the frames, arm the timer for their next change, tell every view."""
        show = self.show
        now = show.now_ms()
        self._announce(tuple(show.events_until(now)))
        snapshot = show.snapshot(now)
        self._frames = build_frames(snapshot)
        # Arm before emitting so the time views spend drawing cannot delay the
        # next tick, and count from the moment the frame was taken, not from
        # now: building it took a little of the wait already.
        spent_ms = int((show.now_ms() - now) / show.speed)
        self._timer.start(max(0, snapshot.next_change_ms - spent_ms + SLACK_MS))
        self._due_ms = now + round(snapshot.next_change_ms * show.speed)
        self._frame_due_ms = now + round(snapshot.next_frame_change_ms * show.speed)
        self.frames_changed.emit(self._frames)

    def tick(self) -> None:
        """The boundary the timer was armed for: new frames, or only Control's clock if nothing else is due.

        While a countdown runs the core builds frames at its flips; the time of
        day's second between them changes Control's clock alone, so that tick
        builds no snapshot and repaints nothing else (half of all ticks).
        """
        show = self.show
        now = show.now_ms()
        if now >= self._frame_due_ms:
            self.publish()
            return
        tod = show.tod_ms(now)
        to_second = math.ceil(ms_to_tod_second(tod) / show.speed)
        to_frames = math.ceil((self._frame_due_ms - now) / show.speed)
        wait = min(to_second, to_frames)
        self._timer.start(max(0, wait + SLACK_MS))
        self._due_ms = now + round(wait * show.speed)
        self.clock_ticked.emit(tod)

    # -- internals ------------------------------------------------------------

    def _announce(self, events: tuple[Event, ...]) -> None:
        if events:
            self.events_occurred.emit(events)

    def _on_timeout(self) -> None:
        try:
            self._wait_for_boundary()
            self.tick()
        finally:
            # Whatever failed in this tick (it is in crash.log), the clock goes on: one tick later.
            if not self._timer.isActive():
                self._timer.start(RETRY_MS)

    def _wait_for_boundary(self) -> None:
        """Sleep until the show's clock reaches the boundary the timer was armed (early) for.

        The show's system clock counts whole ms of the monotonic clock, so one
        sleep to the start of the due millisecond usually does it; the loop
        only re-checks in case it does not.
        """
        show = self.show
        give_up = time.monotonic_ns() + WAIT_CAP_NS
        while True:
            now_ns = time.monotonic_ns()
            ahead_ms = self._due_ms - show.now_ms()
            if ahead_ms <= 0 or now_ns >= give_up:
                return
            due_ns = (now_ns // 1_000_000 + math.ceil(ahead_ms / show.speed)) * 1_000_000
            time.sleep(max(min(due_ns, give_up) - now_ns, MIN_SLEEP_NS) / 1e9)
