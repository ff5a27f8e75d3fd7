"""Operator commands: the one door through which anything changes the show.

Keys, buttons, the journal's replay after a crash and, next, the network
remote all build a :class:`Command` and hand it to ``Session.apply`` (or, with
no record, ``Show.apply``), which answers with an
:class:`~stagetimer.core.show.outcome.Outcome`. A command is plain data and
round-trips through JSON unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stagetimer.core.agenda.limits import WORD, unshowable
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.timefmt import MS_PER_DAY

#: One minute, the step of the ± keys.
MINUTE_MS = 60_000

#: Every action the show understands, with the type of its value.
ACTIONS: dict[str, type | None] = {
    "start": None,  # start the loaded item, or the first one from the welcome screen
    "pause": None,
    "toggle": None,  # start or pause (Space)
    "next": None,  # end the current item, load the next ready to start
    "next_start": None,  # end the current item, start the next at once
    "previous": None,  # back to the previous item, exactly where it was
    "goto": str,  # load an item by id
    "add_time": int,  # ms, negative to take time away
    "reset": None,  # the current item back to its full time, stopped
    "undo": None,  # take back the last change to the show
    "message": str,  # text for the speaker; "" clears
    "clear_message": None,
    "pin_message": None,  # keep (or stop keeping) the message when the item changes
    "flash": None,  # flash the presenter screen
    "blackout": None,  # toggle the projector blackout
    "blackout_on": None,  # black out the projector (a remote's absolute setting: pressing twice is harmless)
    "blackout_off": None,
    "projector_countdown": None,  # toggle the small countdown on the projector
    "replan": None,  # apply the planner's proposal: shorten what is left so the day ends on time (replan.py)
    "auto_replan": None,  # toggle automatic mode: the proposal is applied at every item change
    "auto_replan_on": None,  # (a remote's absolute settings, as for the blackout)
    "auto_replan_off": None,
}

#: The longest message a speaker can read in passing (the message dialog allows less).
MESSAGE_MAX = 200
#: One step of time added or taken away is at most a day (an item lasts at most a day).
ADD_MAX_MS = MS_PER_DAY

#: Where a command may come from besides this machine's keys and buttons ("").
SOURCES = ("remote", "osc")

#: Commands that change nothing worth taking back: Ctrl+Z skips over them.
NOT_UNDOABLE = frozenset({"undo", "flash"})


@dataclass(frozen=True)
class Command:
    """One operator action, e.g. ``Command("add_time", 60_000)``; ``source`` says who sent it, if not the keys."""

    action: str
    value: str | int | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.source and self.source not in SOURCES:
            raise ValueError(f"unknown command source {self.source!r}; known: {', '.join(SOURCES)}")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown command {self.action!r}; known: {', '.join(ACTIONS)}")
        expected = ACTIONS[self.action]
        if expected is None:
            if self.value is not None:
                raise ValueError(f"command {self.action!r} takes no value")
        elif not isinstance(self.value, expected) or isinstance(self.value, bool):
            raise ValueError(f"command {self.action!r} needs a {expected.__name__} value")
        elif isinstance(self.value, int) and abs(self.value) > ADD_MAX_MS:
            raise ValueError(f"command {self.action!r}: {self.value} ms is more than a day")
        elif isinstance(self.value, str):
            _check_text(self.action, self.value)

    @property
    def undoable(self) -> bool:
        return self.action not in NOT_UNDOABLE

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": self.action}
        if self.value is not None:
            data["value"] = self.value
        if self.source:
            data["source"] = self.source
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Command:
        return cls(str(data["action"]), data.get("value"), str(data.get("source", "")))


def _check_text(action: str, text: str) -> None:
    """A command's text is what a screen can show: not too long, no control or direction characters."""
    longest = MESSAGE_MAX if action == "message" else WORD
    if len(text) > longest:
        raise ValueError(f"command {action!r}: the text is {len(text)} characters, more than {longest}")
    found = unshowable(text.replace("\n", " "))
    if found is not None:
        raise ValueError(f"command {action!r}: the text contains U+{ord(found[1]):04X} at character {found[0] + 1}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"command {action!r}: the text is not valid Unicode ({error.reason})") from None


@dataclass(frozen=True)
class ReloadAgenda:
    """Swap in an edited agenda file, keeping each item's history by id.

    Not JSON: the journal records the new agenda's source in a checkpoint.
    """

    agenda: Agenda

    action = "reload"

    @property
    def undoable(self) -> bool:
        return False


@dataclass(frozen=True)
class StartFresh:
    """End the recorded show and begin the day again from the welcome screen.

    The Session archives the journal first. ``anchor_tod_ms`` anchors the new
    show (None: now; a rehearsal passes a moment just before the planned start).
    """

    anchor_tod_ms: int | None = None

    action = "start_fresh"

    @property
    def undoable(self) -> bool:
        return False


#: What the door accepts.
AnyCommand = Command | ReloadAgenda | StartFresh
