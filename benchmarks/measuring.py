"""The benchmark's controller: the product's Controller, timing every tick.

Kept out of the package on purpose (a tick in the app costs nothing extra):
``benchmarks/run.py`` hands this class to ``build_app(controller_class=...)``
and reads :attr:`MeasuringController.timings` afterwards.

For each timer-driven publish it records the boundary the timer waited for,
when the tick began (the timer fired and the boundary was reached) and when
``publish`` returned (every view has its frame, painted or not), all as
``time.monotonic_ns()`` readings. The boundary is exact because the show's
SystemClock counts whole milliseconds of that same clock: the two differ by a
constant number of ms, found once at construction.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject

from stagetimer.core.show.show import Show
from stagetimer.ui.controller import Controller, Door


@dataclass(frozen=True)
class PublishTiming:
    """When a timer-driven publish happened against the boundary it waited for."""

    boundary_ns: int
    woke_ns: int  # the tick began (the timer fired and the boundary was reached)
    published_ns: int  # every view has the new frame (not yet painted)
    flip: bool = True  # the presenter's displayed second changed (not a flash's half-period tick)
    cpu_ns: int = 0  # CPU time of the GUI thread from the tick's wake to the publish's return
    queued_ns: int = 0  # time the GUI thread was runnable but another thread or process had the CPU (schedstat)

    @property
    def cpu_ms(self) -> float:
        """Well below ``late_ms`` - ``woke_late_ms``: the thread waited (another process ran), not our code."""
        return self.cpu_ns / 1e6

    @property
    def queued_ms(self) -> float:
        return self.queued_ns / 1e6

    @property
    def woke_late_ms(self) -> float:
        return (self.woke_ns - self.boundary_ns) / 1e6

    @property
    def late_ms(self) -> float:
        return (self.published_ns - self.boundary_ns) / 1e6


class RunQueue:
    """How long the GUI thread has waited for a CPU while runnable, in all (Linux schedstat; 0 elsewhere).

    The file is opened once, by the GUI thread (``thread-self`` is resolved at
    open), and re-read in place: opening it twice a tick cost the app ~0.2 ms
    of CPU a tick that the CPU figure then counted as the app's.
    """

    def __init__(self) -> None:
        try:
            self._fd: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._fd = None

    def ns(self) -> int:
        if self._fd is None:
            return 0
        try:
            return int(os.pread(self._fd, 128, 0).split()[1])
        except (OSError, IndexError, ValueError):
            return 0


class MeasuringController(Controller):
    """A Controller that records a PublishTiming for every tick of its timer (speed 1 only)."""

    def __init__(self, door: Show | Door, parent: QObject | None = None) -> None:
        super().__init__(door, parent)
        self._offset_show = self.show
        self._offset_ms = self._monotonic_offset_ms()
        self.timings: list[PublishTiming] = []
        self._run_queue = RunQueue()  # constructed on the GUI thread

    @property
    def last_boundary_ns(self) -> int | None:
        """The boundary the latest timer publish was for."""
        return self.timings[-1].boundary_ns if self.timings else None

    def _on_timeout(self) -> None:
        if self.show is not self._offset_show:  # the session started fresh: a new origin
            self._offset_show = self.show
            self._offset_ms = self._monotonic_offset_ms()
        # tick() re-arms the timer and overwrites _due_ms: read it first.
        # At speed 1 it is exactly the old ``now + next_change_ms``.
        boundary_ns = (self._due_ms + self._offset_ms) * 1_000_000
        self._wait_for_boundary()
        woke_ns = time.monotonic_ns()
        cpu_ns = time.thread_time_ns()
        queued_ns = self._run_queue.ns()
        shown = self.frames.presenter.countdown_text
        getattr(self, "tick", self.publish)()  # before the clock-only ticks (issue 13) every tick published
        flip = self.frames.presenter.countdown_text != shown
        published_ns = time.monotonic_ns()
        self.timings.append(PublishTiming(boundary_ns, woke_ns, published_ns, flip,
                                          time.thread_time_ns() - cpu_ns, self._run_queue.ns() - queued_ns))

    def _monotonic_offset_ms(self) -> int:
        """How far the system's monotonic ms run ahead of the show's ms.

        Assumes the show reads ``time.monotonic_ns`` in whole ms, as SystemClock
        does; the pair of readings is retried until no millisecond ticked
        between them, so the offset is exact.
        """
        if self.show.speed != 1:
            raise ValueError("timing is measured at speed 1 only")
        while True:
            before = time.monotonic_ns() // 1_000_000
            show_ms = self.show.now_ms()
            after = time.monotonic_ns() // 1_000_000
            if before == after:
                return before - show_ms
