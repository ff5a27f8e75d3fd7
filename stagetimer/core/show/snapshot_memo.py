"""What a snapshot may take from the one before it: the rows that did not change, the same proposal.

The display timer asks for a snapshot twice a second (the countdown's second
and the time of day's), and between two of them usually only the live item's
clock has moved. Building every other row's view again and running the
planner again cost most of a snapshot (measured: ~55 % of its ~300 µs on the
bundled day). A memo keeps the last of each, keyed by everything it is
computed from, so an unchanged row is the very same object and the planner
runs only when its inputs change. It holds values only: a snapshot built with
a memo equals one built without (tests/test_snapshot_memo.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from stagetimer.core.agenda.model import Agenda

T = TypeVar("T")


class SnapshotMemo:
    """The last row views and the last proposal of one Show, for one agenda at a time."""

    def __init__(self) -> None:
        self._agenda: Agenda | None = None
        self._rows: dict[int, tuple[Hashable, object]] = {}
        self._plan: tuple[Hashable, object] | None = None

    def item_view(self, agenda: Agenda, index: int, key: Hashable, build: Callable[[], T]) -> T:
        """Row ``index``'s view: the last one if ``key`` (what the agenda does not fix) is unchanged."""
        self._use(agenda)
        found = self._rows.get(index)
        if found is not None and found[0] == key:
            return found[1]  # type: ignore[return-value]  # built by the same call site for this key
        view = build()
        self._rows[index] = (key, view)
        return view

    def planned(self, agenda: Agenda, key: Hashable, build: Callable[[], T]) -> T:
        """The planner's answer for inputs ``key``: the last one if they are unchanged."""
        self._use(agenda)
        if self._plan is not None and self._plan[0] == key:
            return self._plan[1]  # type: ignore[return-value]  # built by the same call site for this key
        value = build()
        self._plan = (key, value)
        return value

    def _use(self, agenda: Agenda) -> None:
        """Forget everything computed for another agenda (a reload, a fresh start)."""
        if agenda is not self._agenda:
            self._agenda = agenda
            self._rows.clear()
            self._plan = None
