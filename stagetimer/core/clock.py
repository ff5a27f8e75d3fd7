"""Clocks: where the show reads time from.

Two readings, never mixed: a monotonic one that measures how long things
take (it cannot jump, and it keeps counting while the laptop sleeps), and
the wall clock, read once to learn the time of day when the show is
anchored. A boot identity says whether two monotonic readings can be
compared at all (they can within one boot of the machine, never across).
The fake clock lets tests run a whole event day in microseconds, jump the
wall clock, suspend the machine and reboot it at will.
"""

from __future__ import annotations

import datetime as _dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from stagetimer.core.timefmt import MS_PER_DAY

#: The wall clock may disagree with the show's own time this much before Control says it changed.
CLOCK_STEP_MS = 2_000
#: Linux: a random id the kernel makes at every boot.
_BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")


class Clock(Protocol):
    """What the show needs from a clock."""

    def monotonic_ms(self) -> int:
        """Milliseconds from an arbitrary origin; never goes backwards; counts through suspend."""

    def wall_ms(self) -> int:
        """Milliseconds since the Unix epoch (may jump: NTP, DST, a user)."""

    def local_tod_ms(self) -> int:
        """Milliseconds since local midnight, from the wall clock."""

    def tod_of_wall(self, wall_ms: int) -> int:
        """The local time of day of a wall-clock reading (for records with no other anchor)."""

    def local_date(self) -> str:
        """Today's local date, ISO (``2025-12-02``)."""

    def boot_id(self) -> str:
        """Same string within one boot of the machine, another after a reboot ("" if unknown)."""


def _suspend_aware_clock() -> int | None:
    """The clock id of a monotonic clock that keeps counting through suspend, where there is one.

    Linux: CLOCK_BOOTTIME (CLOCK_MONOTONIC stops while suspended). macOS:
    CLOCK_MONOTONIC, which counts through sleep there (its uptime clocks do
    not). Windows: None, and time.monotonic, which counts through sleep.
    """
    if sys.platform.startswith("linux"):
        return getattr(time, "CLOCK_BOOTTIME", None)
    if sys.platform == "darwin":
        return getattr(time, "CLOCK_MONOTONIC", None)
    return None


class SystemClock:
    """The real clocks of this machine."""

    def __init__(self) -> None:
        self._clock_id = _suspend_aware_clock()
        self._boot_id: str | None = None

    def monotonic_ms(self) -> int:
        if self._clock_id is not None:
            return time.clock_gettime_ns(self._clock_id) // 1_000_000
        return time.monotonic_ns() // 1_000_000

    def wall_ms(self) -> int:
        return time.time_ns() // 1_000_000

    def local_tod_ms(self) -> int:
        now = _dt.datetime.now()
        return ((now.hour * 60 + now.minute) * 60 + now.second) * 1000 + now.microsecond // 1000

    def tod_of_wall(self, wall_ms: int) -> int:
        moment = _dt.datetime.fromtimestamp(wall_ms / 1000)
        return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * 1000 + moment.microsecond // 1000

    def local_date(self) -> str:
        return _dt.date.today().isoformat()

    def boot_id(self) -> str:
        if self._boot_id is None:
            try:
                self._boot_id = _BOOT_ID_FILE.read_text(encoding="ascii").strip()
            except OSError:
                self._boot_id = ""  # unknown: a restart falls back to the wall clock
        return self._boot_id


class FakeClock:
    """A clock tests move by hand. ``advance`` moves both readings together (``suspend`` too:
    the monotonic clock counts through sleep); ``jump_wall`` moves only the wall clock, as
    NTP or a user would; ``reboot`` starts a new boot, whose monotonic clock starts again."""

    def __init__(self, tod_ms: int = 9 * 3_600_000, wall_epoch_ms: int = 1_764_633_600_000) -> None:
        self._mono = 1_000_000
        self._midnight = wall_epoch_ms  # local midnight of the fake day (the fake zone is UTC)
        self._wall = wall_epoch_ms + tod_ms
        self._boot = 1

    def monotonic_ms(self) -> int:
        return self._mono

    def wall_ms(self) -> int:
        return self._wall

    def local_tod_ms(self) -> int:
        return self.tod_of_wall(self._wall)

    def tod_of_wall(self, wall_ms: int) -> int:
        return (wall_ms - self._midnight) % MS_PER_DAY

    def local_date(self) -> str:
        return _dt.datetime.fromtimestamp(self._wall / 1000, tz=_dt.timezone.utc).date().isoformat()

    def boot_id(self) -> str:
        return f"fake-boot-{self._boot}"

    def advance(self, ms: int) -> None:
        if ms < 0:
            raise ValueError("time does not run backwards on a monotonic clock")
        self._mono += ms
        self._wall += ms

    def suspend(self, ms: int) -> None:
        """The lid closed for ``ms``: a suspend-aware monotonic clock counts it, as the wall clock does."""
        self.advance(ms)

    def jump_wall(self, ms: int) -> None:
        self._wall += ms

    def reboot(self, down_ms: int) -> None:
        """The machine was off for ``down_ms``: a new boot, a monotonic clock that starts again."""
        self._boot += 1
        self._wall += down_ms
        self._mono = 1_000


@dataclass(frozen=True)
class TimeBase:
    """How a show turns a monotonic reading into show time: plain data, so another thread can read the clock.

    The network thread answers a browser's clock pings with the show's time
    of day; it reads the same monotonic clock through the show's current
    base, never the Show itself (which belongs to the Qt thread).
    """

    mono0_ms: int  # the monotonic reading at which show time was ``origin_ms``
    origin_ms: int
    anchor_tod_ms: int  # the time of day at show time 0
    speed: float

    def show_ms(self, mono_ms: int) -> int:
        """Show time at a monotonic reading: ms since the anchor, at rehearsal speed."""
        real = mono_ms - self.mono0_ms
        return self.origin_ms + (real if self.speed == 1 else int(real * self.speed))

    def tod_ms(self, mono_ms: int) -> int:
        """The show's time of day at a monotonic reading (not wrapped at midnight)."""
        return self.anchor_tod_ms + self.show_ms(mono_ms)
