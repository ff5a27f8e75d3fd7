"""What the door answers: a command applied (and what it did) or refused (and why).

Both are codes with parameters, never sentences: the Control window, the
command line and, next, the network API each turn them into words in their
own language. A refused command changed nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stagetimer.core.show.events import Event

#: Why a command was refused. Parameters in brackets.
REFUSALS = (
    "no_item_loaded",  # nothing is on stage: Space starts the show
    "show_over",  # after the last item: ← goes back
    "no_items",  # the agenda is empty
    "no_next",  # the show is over: there is no next item
    "no_previous",  # this is the first item
    "nothing_to_undo",
    "unknown_item",  # [item_id]
    "already_on_stage",  # [title]
    "too_short",  # [allotted_ms, delta_ms] taking time would leave the item less than nothing
    "too_long",  # [allotted_ms, delta_ms] adding time would make the item last more than a day
    "no_message",  # nothing to clear or pin
    "empty_message",  # nothing to send
    "live_item_removed",  # [item_id] an edited agenda lacks the item on stage
    "journal_failed",  # [reason] the archive could not be made
    "internal_error",  # [error] a bug; logged, and the show goes on
    "on_time",  # replan: the show meets its hard end and every fixed start, nothing to recover
    "no_slack",  # [over_ms] replan: late, but every item that may shrink is at its minimum
)

#: What an applied command did, for the operator's notice. Parameters in brackets.
EFFECTS = (
    "started",  # [title]
    "paused",  # [title]
    "resumed",  # [title]
    "loaded",  # [title] the next item is ready: Space starts it
    "skipped",  # [title, skipped] moved on from an item that never started
    "jumped",  # [title] far: Ctrl+Z goes back
    "back",  # [title] back to the previous item, where it was
    "closing",  # the last item ended: the show is over
    "time_added",  # [remaining_ms, delta_ms]
    "time_taken",  # [remaining_ms, delta_ms]; overtime when remaining_ms < 0
    "reset",  # [title]
    "undone",  # [action, title] the action taken back; title of the item now on stage ("" for none)
    "message_shown",  # [text]
    "message_cleared",
    "message_pinned",
    "message_unpinned",
    "flashing",
    "blackout_on",
    "blackout_off",
    "countdown_on",
    "countdown_off",
    "reloaded",
    "started_fresh",
    "replanned",  # [recovered_ms, items, over_ms, shortfall_ms, end_ms, rows] (replan.apply_plan)
    "auto_replan_on",
    "auto_replan_off",
)
# An item change in automatic mode that re-planned adds "auto_replan" (replanned's params) to its params.


class Refused(Exception):
    """Raised inside the show when a command cannot apply; the door turns it into an Outcome."""

    def __init__(self, reason: str, **params: Any) -> None:
        assert reason in REFUSALS, reason
        super().__init__(reason)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class Outcome:
    """The door's answer to one command.

    ``effect`` (applied) or ``reason`` (refused) is a code from EFFECTS or
    REFUSALS, with ``params``. ``also`` lists side effects the operator must
    hear about (``message_cleared`` when moving on cleared the speaker's
    message). ``events`` are the transitions it caused, at their show time.
    ``journal_error`` is set when the command applied but the record could
    not be written (a crash now would lose it).
    """

    action: str
    applied: bool
    effect: str = ""
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    also: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    journal_error: str = ""
    source: str = ""  # where the command came from: "" (this machine), or one of commands.SOURCES

    @classmethod
    def refused(cls, action: str, refusal: Refused) -> Outcome:
        return cls(action, False, reason=refusal.reason, params=dict(refusal.params))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: what a remote caller gets back."""
        data: dict[str, Any] = {"action": self.action, "applied": self.applied}
        if self.applied:
            data["effect"] = self.effect
        else:
            data["reason"] = self.reason
        data["params"] = dict(self.params)
        if self.also:
            data["also"] = list(self.also)
        data["events"] = [event.to_dict() for event in self.events]
        if self.journal_error:
            data["journal_error"] = self.journal_error
        if self.source:
            data["source"] = self.source
        return data
