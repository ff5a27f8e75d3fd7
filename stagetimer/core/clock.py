"""Clocks: where the show reads time from.

Two readings, never mixed: a monotonic one that measures how long things
take (it cannot jump), and the wall clock, read once to learn the time of
day when the show is anchored. The fake clock lets tests run a whole event
day in microseconds and jump the wall clock at will.
"""

from __future__ import annotations

import datetime as _dt
import time
from typing import Protocol

from stagetimer.core.timefmt import MS_PER_DAY


class Clock(Protocol):
    """What the show needs from a clock."""

    def monotonic_ms(self) -> int:
        """Milliseconds from an arbitrary origin; never goes backwards."""

    def wall_ms(self) -> int:
        """Milliseconds since the Unix epoch (may jump: NTP, DST, a user)."""

    def local_tod_ms(self) -> int:
        """Milliseconds since local midnight, from the wall clock."""


class SystemClock:
    """The real clocks of this machine."""

    def monotonic_ms(self) -> int:
        return time.monotonic_ns() // 1_000_000

    def wall_ms(self) -> int:
        return time.time_ns() // 1_000_000

    def local_tod_ms(self) -> int:
        now = _dt.datetime.now()
        return ((now.hour * 60 + now.minute) * 60 + now.second) * 1000 + now.microsecond // 1000


class FakeClock:
    """A clock tests move by hand. ``advance`` moves both readings together;
    ``jump_wall`` moves only the wall clock, as NTP or a user would."""

    def __init__(self, tod_ms: int = 9 * 3_600_000, wall_epoch_ms: int = 1_764_633_600_000) -> None:
        self._mono = 1_000_000
        self._midnight = wall_epoch_ms  # local midnight of the fake day
        self._wall = wall_epoch_ms + tod_ms

    def monotonic_ms(self) -> int:
        return self._mono

    def wall_ms(self) -> int:
        return self._wall

    def local_tod_ms(self) -> int:
        return (self._wall - self._midnight) % MS_PER_DAY

    def advance(self, ms: int) -> None:
        if ms < 0:
            raise ValueError("time does not run backwards on a monotonic clock")
        self._mono += ms
        self._wall += ms

    def jump_wall(self, ms: int) -> None:
        self._wall += ms
