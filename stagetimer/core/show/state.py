"""The mutable state of a show: what has happened to each item so far.

Only the Show changes it; everything else sees frozen snapshots. Kept in its
own module so checkpoints (show_state_io) can read it without the Show.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ItemState:
    """What has happened to one item so far. Times of day are show-anchored."""

    elapsed_ms: int = 0  # folded-in time of finished runs
    run_from_ms: int | None = None  # show ms when the current run began
    adjust_ms: int = 0
    actual_start_ms: int | None = None
    actual_end_ms: int | None = None
    base_allotted_ms: int | None = None  # an elastic break's length, fixed when it begins
    left_running: bool = False  # running when the operator moved on (for "previous")
    overtime_flash_from_ms: int | None = None  # show ms a command took it into overtime (flashes as at zero)
    replanned_ms: int | None = None  # the planner's new base length (before adjustments); None: as planned

    def elapsed_at(self, now_ms: int) -> int:
        if self.run_from_ms is None:
            return self.elapsed_ms
        return self.elapsed_ms + (now_ms - self.run_from_ms)

    def copy(self) -> ItemState:
        """An independent copy (every field is a number, a flag or None)."""
        return ItemState(**self.__dict__)

    def fold(self, now_ms: int) -> None:
        """Stop the clock, keeping the time run so far."""
        self.elapsed_ms = self.elapsed_at(now_ms)
        self.run_from_ms = None


@dataclass
class ShowState:
    """Everything that changes during a show; copied whole for undo."""

    stage: str = "welcome"
    index: int | None = None
    items: list[ItemState] = field(default_factory=list)
    message: str = ""
    message_at_ms: int = 0
    message_item: int | None = None  # the item on stage when the message was sent
    message_pinned: bool = False  # keep the message when the show moves to another item
    flash_from_ms: int | None = None
    blackout: bool = False
    projector_countdown: bool = False
    auto_replan: bool = False  # apply the planner's proposal at every item change (replan.py)

    def copy(self) -> ShowState:
        """An independent copy, for undo: cheap, as every command takes one."""
        fields = dict(self.__dict__)
        fields["items"] = [item.copy() for item in self.items]
        return ShowState(**fields)

    def moved_from(self, before: ShowState) -> bool:
        """Another item (or the welcome or closing screen) is on stage than in ``before``."""
        return (before.stage, before.index) != (self.stage, self.index)

    @property
    def untouched(self) -> bool:
        """Nothing has happened yet: the welcome screen of a new show."""
        fresh = ItemState()
        return self.stage == "welcome" and all(item == fresh for item in self.items)
