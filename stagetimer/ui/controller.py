"""The one tick source between the show and the three screens.

The controller owns the Show and a single single-shot precise timer. After
every publish it sleeps exactly until the next visible change the snapshot
announces (``next_change_ms``), counted from the instant the snapshot was
taken. There is no fixed poll: a paused
show wakes once a second for the time of day, a running one at each flip of
the countdown, and flashing is driven by the same timer.

Every operator action, from any key, button or (later) the journal replay and
a remote, enters through :meth:`Controller.apply`. In the app the controller
drives a core Session, which writes each command to the journal before the
controller publishes its effect; tests may hand it a bare Show.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    Signal,
)

from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.show.snapshot import Snapshot

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
#: The shortest sleep worth a system call while waiting.
MIN_SLEEP_NS = 20_000

#: Context under which the core's operator messages are translated.
CORE_CONTEXT = "ShowError"

#: The core's operator messages (stagetimer/core/show.py), listed here so
#: lupdate extracts them; a message not listed is shown as the core wrote it.
CORE_MESSAGES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ShowError", "No item is loaded: press Space to start the show"),
    QT_TRANSLATE_NOOP("ShowError", "The show is over: press ← to go back to the last item"),
    QT_TRANSLATE_NOOP("ShowError", "The agenda has no items"),
    QT_TRANSLATE_NOOP("ShowError", "The show is over: there is no next item"),
    QT_TRANSLATE_NOOP("ShowError", "This is the first item: there is no previous one"),
    QT_TRANSLATE_NOOP("ShowError", "Nothing to undo"),
)


class ShowRecord(Protocol):
    """A show behind a durable record (stagetimer.core.show.session.Session).

    ``apply`` writes the command down before it returns, so what the views are
    shown next has already been journaled. ``show`` is read afresh every time:
    starting fresh replaces the Show object.
    """

    @property
    def show(self) -> Show: ...

    def apply(self, command: Command) -> None: ...


class _Unrecorded:
    """A bare Show as a ShowRecord that records nothing (tests, screenshots)."""

    def __init__(self, show: Show) -> None:
        self.show = show

    def apply(self, command: Command) -> None:
        self.show.apply(command)


def fill_journal_failure(reason: str) -> str:
    """The operator's warning when a command was applied but could not be written down."""
    text = QCoreApplication.translate(
        "Controller", "Done, but the show journal could not be written (%1): a crash now would lose it"
    )
    return text.replace("%1", reason)


@dataclass(frozen=True)
class PublishTiming:
    """When a timer-driven publish happened against the boundary it waited for.

    Both are ``time.monotonic_ns()`` readings; the boundary is exact because
    the show's system clock counts whole milliseconds of that same clock.
    """

    boundary_ns: int
    woke_ns: int  # the tick began (the timer fired and the boundary was reached)
    published_ns: int  # every view has the new snapshot (not yet painted)

    @property
    def woke_late_ms(self) -> float:
        return (self.woke_ns - self.boundary_ns) / 1e6

    @property
    def late_ms(self) -> float:
        return (self.published_ns - self.boundary_ns) / 1e6


class Controller(QObject):
    """Applies commands to the show and publishes a fresh snapshot when it changes."""

    #: A new snapshot for every view (emitted on each tick and after each command).
    snapshot_changed = Signal(object)
    #: A command could not apply; the argument is a sentence for the operator.
    command_failed = Signal(str)
    #: A command applied successfully (the journal of issue 4 listens here).
    command_applied = Signal(object)

    def __init__(self, show: Show | ShowRecord, parent: QObject | None = None, measure: bool = False) -> None:
        super().__init__(parent)
        self._record: ShowRecord = _Unrecorded(show) if isinstance(show, Show) else show
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._snapshot = self.show.snapshot()
        self._due_ms = 0  # show ms of the boundary the timer waits for
        # Benchmark bookkeeping, off in normal use so a tick costs nothing extra.
        self._measure = measure
        self._offset_ms = self._monotonic_offset_ms() if measure else 0
        self._armed_boundary_ms: int | None = None
        self.timings: list[PublishTiming] = []

    # -- what views and windows read ------------------------------------------

    @property
    def show(self) -> Show:
        """The live show (a new object after the session starts fresh)."""
        return self._record.show

    @property
    def snapshot(self) -> Snapshot:
        """The last published snapshot (valid from construction on)."""
        return self._snapshot

    @property
    def timer(self) -> QTimer:
        """The display timer, exposed so tests can check how it is armed."""
        return self._timer

    @property
    def last_boundary_ns(self) -> int | None:
        """Measuring only: the boundary the latest timer publish was for."""
        return self.timings[-1].boundary_ns if self.timings else None

    # -- control --------------------------------------------------------------

    def start(self) -> None:
        """Publish the first snapshot and start ticking."""
        self.publish()

    def stop(self) -> None:
        """Stop ticking (the show's clock is unaffected: time keeps running)."""
        self._timer.stop()

    def apply(self, command: Command) -> bool:
        """Apply one operator command and republish at once.

        A command that cannot apply now is reported through ``command_failed``
        and leaves the show as it was; nothing an operator presses may stop
        the clock or close the app. Returns whether the command applied.
        """
        try:
            self._record.apply(command)
        except ValueError as error:
            self.command_failed.emit(QCoreApplication.translate(CORE_CONTEXT, str(error)))
            self.publish()
            return False
        except OSError as error:  # applied, but the journal could not be written
            log.exception("command %s applied but not journaled", command)
            self.command_failed.emit(fill_journal_failure(str(error)))
            self.publish()
            return False
        except Exception as error:  # a bug must not take the live show down with it
            log.exception("command %s failed unexpectedly", command)
            self.command_failed.emit(f"{command.action}: {error}")
            self.publish()
            return False
        self.command_applied.emit(command)
        self.publish()
        return True

    def publish(self) -> None:
        """Take a snapshot, arm the timer for its next change, tell every view."""
        show = self.show
        now = show.now_ms()
        snapshot = show.snapshot(now)
        self._snapshot = snapshot
        # Arm before emitting so the time views spend drawing cannot delay the
        # next tick, and count from the moment the snapshot was taken, not from
        # now: building it took a little of the wait already.
        spent_ms = int((show.now_ms() - now) / show.speed)
        self._timer.start(max(0, snapshot.next_change_ms - spent_ms + SLACK_MS))
        self._due_ms = now + round(snapshot.next_change_ms * show.speed)
        if self._measure:
            self._armed_boundary_ms = now + snapshot.next_change_ms + self._offset_ms
        self.snapshot_changed.emit(snapshot)

    # -- internals ------------------------------------------------------------

    def _on_timeout(self) -> None:
        self._wait_for_boundary()
        if self._measure and self._armed_boundary_ms is not None:
            woke_ns = time.monotonic_ns()
            boundary_ns = self._armed_boundary_ms * 1_000_000
            self.publish()
            self.timings.append(PublishTiming(boundary_ns, woke_ns, time.monotonic_ns()))
            return
        self.publish()

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

    def _monotonic_offset_ms(self) -> int:
        """How far the system's monotonic ms run ahead of the show's ms (speed 1 only).

        Measuring assumes the show reads ``time.monotonic_ns`` in whole ms, as
        SystemClock does; the pair of readings is retried until no millisecond
        ticked between them, so the offset is exact.
        """
        if self.show.speed != 1:
            raise ValueError("timing is measured at speed 1 only")
        while True:
            before = time.monotonic_ns() // 1_000_000
            show_ms = self.show.now_ms()
            after = time.monotonic_ns() // 1_000_000
            if before == after:
                return before - show_ms
