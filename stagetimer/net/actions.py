"""The remote API's actions: one table from a name and its parameters to a door command.

HTTP (``/api/v1/next``, ``/api/v1/add?seconds=60``), WebSocket commands and
OSC (``/stagetimer/next``) all name an action and give its parameters as
text; this turns them into the core's :class:`Command` or a located
:class:`BadRequest`. Every address accepted here either works or answers
why not: none is silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from stagetimer.core.show.commands import ADD_MAX_MS, Command
from stagetimer.core.show.snapshot import ItemView

#: What a remote command is recorded as (Control says "원격: …").
SOURCE = "remote"


class BadRequest(ValueError):
    """A request that names no action or gives it an unusable parameter; ``reason`` is a code."""

    def __init__(self, reason: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status


Params = Mapping[str, str]
Build = Callable[[Params, Sequence[ItemView], str], Command]


def _plain(action: str) -> Build:
    def build(params: Params, items: Sequence[ItemView], source: str) -> Command:
        return Command(action, source=source)
    return build


def _goto(params: Params, items: Sequence[ItemView], source: str) -> Command:
    if "id" in params:
        return Command("goto", _required(params, "id"), source=source)
    number = _integer(params, "n")
    if not 1 <= number <= len(items):
        raise BadRequest("no_such_item", f"there is no item {number}: the agenda has items 1 to {len(items)}", 404)
    return Command("goto", items[number - 1].id, source=source)


def _add(params: Params, items: Sequence[ItemView], source: str) -> Command:
    seconds = _integer(params, "seconds")
    if seconds == 0 or abs(seconds) * 1000 > ADD_MAX_MS:
        raise BadRequest("bad_parameter", f"seconds={seconds}: give a whole number of seconds, not 0, at most a day")
    return Command("add_time", seconds * 1000, source=source)


def _message(params: Params, items: Sequence[ItemView], source: str) -> Command:
    text = _required(params, "text").strip()
    if not text:
        raise BadRequest("bad_parameter", "text is empty: to clear the message use /message/clear")
    return Command("message", text, source=source)


def _blackout(params: Params, items: Sequence[ItemView], source: str) -> Command:
    if "on" not in params:
        return Command("blackout", source=source)  # no value: toggle, as the B key does
    return Command("blackout_on" if _boolean(params, "on") else "blackout_off", source=source)


def _auto_replan(params: Params, items: Sequence[ItemView], source: str) -> Command:
    if "on" not in params:
        return Command("auto_replan", source=source)  # no value: toggle, as Shift+A does
    return Command("auto_replan_on" if _boolean(params, "on") else "auto_replan_off", source=source)


#: Every action, by the name used in URLs, WebSocket commands and OSC addresses.
ACTIONS: dict[str, Build] = {
    "start": _plain("start"),
    "pause": _plain("pause"),
    "toggle": _plain("toggle"),
    "next": _plain("next"),
    "previous": _plain("previous"),
    "goto": _goto,
    "add": _add,
    "reset": _plain("reset"),
    "undo": _plain("undo"),
    "message": _message,
    "message/clear": _plain("clear_message"),
    "message/pin": _plain("pin_message"),
    "blackout": _blackout,
    "flash": _plain("flash"),
    "projector-countdown": _plain("projector_countdown"),
    "replan": _plain("replan"),  # apply the planner's proposal (A)
    "auto-replan": _auto_replan,  # ?on=1 / ?on=0, or toggle (Shift+A)
}


def command_for(action: str, params: Params, items: Sequence[ItemView], source: str = SOURCE) -> Command:
    """The door command for ``action`` with ``params`` (``items``: the agenda, for 1-based numbers)."""
    build = ACTIONS.get(action)
    if build is None:
        raise BadRequest("unknown_action", f"no action {action!r}; known: {', '.join(ACTIONS)}", 404)
    try:
        return build(params, items, source)
    except BadRequest:
        raise
    except ValueError as error:  # the core's own check of a value (a message too long, a control character)
        raise BadRequest("bad_parameter", str(error)) from None


def _required(params: Params, name: str) -> str:
    value = params.get(name)
    if value is None:
        raise BadRequest("missing_parameter", f"{name}= is missing")
    return value


def _integer(params: Params, name: str) -> int:
    text = _required(params, name).strip()
    body = text[1:] if text[:1] in "+-" else text
    if not body.isascii() or not body.isdigit() or len(body) > 9:
        raise BadRequest("bad_parameter", f"{name}={text!r} is not a whole number")
    return int(text)


_TRUE, _FALSE = ("1", "true", "on", "yes"), ("0", "false", "off", "no")


def _boolean(params: Params, name: str) -> bool:
    text = _required(params, name).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadRequest("bad_parameter", f"{name}={text!r}: give 1 or 0 (true/false, on/off)")
