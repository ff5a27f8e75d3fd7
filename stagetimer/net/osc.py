"""OSC in and out: python-osc on the network thread's loop, through the one action table and the door.

In: one UDP port, off unless the stage manager turns it on. ``/stagetimer/<action>``
names an action of :data:`~stagetimer.net.actions.ACTIONS` and its arguments
become that action's parameters; the command goes through the ShowPort like
any key (journaled, undoable, recorded with source ``"osc"``). Addresses are
matched exactly, never as OSC patterns: ``/stagetimer/*`` would otherwise press
every button at once. An address or argument that cannot work is never
silently dropped (Ontime's #1255): it is logged and, when feedback is on,
answered with ``/stagetimer/error <reason> <message>``; a command the show
took is answered ``/stagetimer/ok <action>``.

Out: feedback to one host:port — the live values a Companion page shows
(remaining, countdown, phase, title, next, state, over/under), each sent when
it changes. OSC has no authentication: whoever can reach the port can press
the buttons, which is why it is off by default and on loopback unless told.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import logging
import math
import socket
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pythonosc.dispatcher import Dispatcher, Handler
from pythonosc.osc_packet import OscPacket, ParseError
from pythonosc.osc_server import AsyncIOOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import presenter_countdown
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.snapshot import Frames, ItemView, Snapshot
from stagetimer.core.show.web_frames import view_frame
from stagetimer.core.timefmt import display_seconds
from stagetimer.net.actions import ACTIONS, BadRequest, command_for
from stagetimer.net.api import SHOW_TIMEOUT_S
from stagetimer.net.guards import RateLimiter

log = logging.getLogger(__name__)

#: Every address starts with this; the rest is the action's name (``/stagetimer/message/clear``).
PREFIX = "/stagetimer/"
#: The port asked for when the stage manager turns OSC on without naming one.
DEFAULT_PORT = 9000
#: What a command is recorded as.
SOURCE = "osc"
#: Not a show command: send every feedback value now (after Companion restarts, say).
REFRESH = "refresh"
#: The feedback addresses, in the order a full refresh sends them.
FEEDBACK = ("remaining", "countdown", "phase", "title", "next", "state", "over_under")
#: Answers to commands.
OK, ERROR = PREFIX + "ok", PREFIX + "error"
#: Addresses this server sends: one arriving here means feedback was pointed at the listen port. (``next``
#: is also an action; its feedback carries a title, which that action refuses as an argument.)
_OWN = frozenset({OK, ERROR, *(PREFIX + name for name in FEEDBACK if name not in ACTIONS)})
#: The one parameter each action with an argument takes (goto's depends on the argument's type).
_ARGUMENT = {"goto": "n", "add": "seconds", "message": "text", "blackout": "on", "auto-replan": "on"}


@dataclass(frozen=True)
class OscSettings:
    """Where OSC listens and where its feedback goes (no feedback unless a port is given)."""

    port: int = DEFAULT_PORT  # 0: any free port (read it back from NetServer.osc_address)
    host: str = "127.0.0.1"
    feedback_host: str | None = None  # 127.0.0.1 when only the port is given
    feedback_port: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ValueError(f"OSC port {self.port}: give a port from 1 to 65535")
        if self.feedback_port is None and self.feedback_host is not None:
            raise ValueError("OSC feedback: give the port to send to as well as the host")
        if self.feedback_port is not None and not 1 <= self.feedback_port <= 65535:
            raise ValueError(f"OSC feedback port {self.feedback_port}: give a port from 1 to 65535")

    @property
    def feedback(self) -> tuple[str, int] | None:
        if self.feedback_port is None:
            return None
        return self.feedback_host or "127.0.0.1", self.feedback_port


class OscError(Exception):
    """OSC could not start: one sentence for the stage manager."""


class Door(Protocol):
    def submit(self, command: Command) -> concurrent.futures.Future[Outcome]: ...


def osc_params(action: str, args: Sequence[Any], items: Sequence[ItemView]) -> dict[str, str]:
    """The action's parameters as command_for takes them, from the message's arguments (BadRequest if unusable)."""
    if action not in ACTIONS:
        raise BadRequest("unknown_address", f"no such address; known: {PREFIX}{{{','.join(ACTIONS)}}}")
    name = _ARGUMENT.get(action)
    if name is None or len(args) > 1:
        if args:
            takes = "no argument" if name is None else "one argument"
            raise BadRequest("bad_argument", f"takes {takes}; it was sent {_shown(args)}")
        return {}
    if not args:
        if action in ("blackout", "auto-replan"):
            return {}  # no argument: toggle, as the B key (Shift+A) does
        raise BadRequest("bad_argument", f"needs an argument ({name})")
    value = args[0]
    if action == "message":
        if not isinstance(value, str):
            raise BadRequest("bad_argument", f"takes the text as a string; it was sent {_shown(args)}")
        return {"text": value}
    if action in ("blackout", "auto-replan") and isinstance(value, bool):
        return {"on": "1" if value else "0"}
    if isinstance(value, str):
        if action == "goto" and not _number_not_id(value, items):
            return {"id": value}
        return {name: value}
    whole = _whole(value)
    if whole is None:
        raise BadRequest("bad_argument", f"takes a whole number; it was sent {_shown(args)}")
    return {name: str(whole)}


def _number_not_id(text: str, items: Sequence[ItemView]) -> bool:
    """A string of digits that is no item's id is an item number (Companion sends strings unless told)."""
    return text.isascii() and text.isdigit() and all(item.id != text for item in items)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _shown(args: Sequence[Any]) -> str:
    return " ".join(repr(arg) for arg in args)[:80] or "nothing"


def feedback_values(frames: Frames, remote: dict[str, Any] | None = None) -> dict[str, str | int]:
    """What the feedback says, by address: the remote's state (its frame, if built already) and the countdown."""
    remote = view_frame("remote", frames) if remote is None else remote
    seconds, text = reading(frames.control)
    return {
        "remaining": seconds,
        "countdown": text,
        "phase": remote["phase"],
        "title": remote["title"] or "",
        "next": remote["next_title"] or "",
        "state": remote["state"],
        "over_under": int(remote["over_under_seconds"]),
    }


def reading(snap: Snapshot) -> tuple[int, str]:
    """The countdown as the speaker sees it: whole seconds (negative in overtime) and text ("" when none)."""
    text = presenter_countdown(snap)
    if not text:
        return 0, ""
    return display_seconds(snap.welcome_remaining_ms if snap.stage == "welcome" else snap.remaining_ms), text


class _OneHandler(Dispatcher):
    """Every message to one handler, never scheduled by its time tag (that would stall the loop)."""

    def __init__(self, handler: Callable[..., None], bad_packet: Callable[[tuple[str, int], str], None]) -> None:
        super().__init__(strict_timing=False)
        self._handler = Handler(handler, [], True)  # True: the sender's address first
        self._bad_packet = bad_packet

    def handlers_for_address(self, address_pattern: str) -> Generator[Handler, None, None]:
        yield self._handler

    def call_handlers_for_packet(self, data: bytes, client_address: tuple[str, int]) -> list[Any]:
        try:
            OscPacket(data)
        except (ParseError, ValueError, IndexError) as error:  # python-osc would drop it without a word
            self._bad_packet(client_address, f"not an OSC packet ({error})"[:160])
            return []
        return super().call_handlers_for_packet(data, client_address)


class OscBridge:
    """The OSC port and the feedback client, on the network thread's loop."""

    def __init__(self, settings: OscSettings, door: Door) -> None:
        self.settings = settings
        self._door = door
        self._frames: Frames | None = None
        self._transport: asyncio.DatagramTransport | None = None
        self._client: SimpleUDPClient | None = None
        self._sent: dict[str, str | int] = {}
        self._last_remote: dict[str, Any] | None = None
        self._send_failing = False
        self._flooded = False
        self._limiter = RateLimiter()
        self._tasks: set[asyncio.Task[None]] = set()
        #: Where it listens, once open (the port as bound).
        self.address: tuple[str, int] | None = None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        host, port = self.settings.host, self.settings.port
        target = self.settings.feedback
        if target is not None:
            try:
                found = await loop.getaddrinfo(target[0], target[1], type=socket.SOCK_DGRAM)
            except OSError as error:
                raise OscError(f"the OSC feedback host {target[0]!r} is not known here: give its IP address") from error
            self._client = SimpleUDPClient(str(found[0][4][0]), target[1])  # an address: no lookup, no wait
        server = AsyncIOOSCUDPServer((host, port), _OneHandler(self._on_message, self._on_bad_packet),
                                     loop)  # type: ignore[arg-type]  # typed as BaseEventLoop, any loop works
        try:
            transport, _ = await server.create_serve_endpoint()
        except OSError as error:
            self.close()
            raise OscError(_bind_problem(host, port, error)) from error
        self._transport = transport  # type: ignore[assignment]  # a datagram endpoint's transport
        self.address = host, int(transport.get_extra_info("sockname")[1])

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        if self._client is not None:
            self._client.close()
            self._client = None
        for task in list(self._tasks):
            task.cancel()

    async def publish(self, frames: Frames) -> None:
        """New frames: send the feedback values that changed (the countdown at each flip of its text)."""
        self._frames = frames
        if self._client is None:
            return
        remote = view_frame("remote", frames)
        if remote != self._last_remote or reading(frames.control)[1] != self._sent.get("countdown"):
            self._last_remote = remote
            self._feedback(feedback_values(frames, remote))

    # -- in --------------------------------------------------------------------

    def _on_message(self, sender: tuple[str, int], address: str, *args: Any) -> None:
        if not self._limiter.allow(sender[0]):
            if not self._flooded:  # once per flood, not once per message
                self._fail(sender, address, "rate_limited", "too many OSC messages from this address: slow down")
            self._flooded = True
            return
        self._flooded = False
        if address in _OWN:
            log.warning("OSC %s from %s:%s is this server's own feedback: is the feedback port the OSC port?",
                        address, *sender[:2])
            return  # answering it would go round for ever
        if address == PREFIX + REFRESH and not args:
            self._refresh()
            return
        action = address[len(PREFIX):] if address.startswith(PREFIX) else ""
        items = self._frames.control.items if self._frames is not None else ()
        try:
            command = command_for(action, osc_params(action, args, items), items, source=SOURCE)
        except BadRequest as error:
            reason = {"unknown_action": "unknown_address", "bad_parameter": "bad_argument",
                      "missing_parameter": "bad_argument"}.get(error.reason, error.reason)
            self._fail(sender, address, reason, f"{address}: {error.message}")
            return
        task = asyncio.get_running_loop().create_task(self._answer(sender, address, action, command))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, sender: tuple[str, int], address: str, action: str, command: Command) -> None:
        future = self._door.submit(command)
        try:
            outcome = await asyncio.wait_for(asyncio.wrap_future(future), SHOW_TIMEOUT_S)
        except asyncio.TimeoutError:
            self._fail(sender, address, "show_busy", "the show did not answer in time; the command may still apply")
            return
        if outcome.applied:
            log.info("OSC %s from %s:%s: %s", address, *sender[:2], outcome.effect)
            self._send(OK, action)
        else:
            self._fail(sender, address, outcome.reason, f"{address}: the show refused it ({outcome.reason})")

    def _on_bad_packet(self, sender: tuple[str, int], message: str) -> None:
        self._fail(sender, "(packet)", "bad_packet", message)

    def _fail(self, sender: tuple[str, int], address: str, reason: str, message: str) -> None:
        log.warning("OSC %s from %s:%s refused: %s: %s", address, *sender[:2], reason, message)
        self._send(ERROR, reason, message)

    # -- out -------------------------------------------------------------------

    def _refresh(self) -> None:
        if self._frames is not None:
            self._feedback(feedback_values(self._frames), every=True)
        self._send(OK, REFRESH)

    def _feedback(self, values: dict[str, str | int], every: bool = False) -> None:
        for name, value in values.items():
            if every or self._sent.get(name) != value:
                self._sent[name] = value
                self._send(PREFIX + name, value)

    def _send(self, address: str, *args: str | int) -> None:
        """One message to the feedback target; a UDP send never waits (the socket is non-blocking)."""
        client = self._client
        if client is None:
            return
        try:
            client.send_message(address, list(args))
        except OSError as error:
            if not self._send_failing:
                log.warning("OSC feedback to %s:%s failed: %s", *(self.settings.feedback or ("?", 0)), error)
            self._send_failing = True
        else:
            self._send_failing = False


def _bind_problem(host: str, port: int, error: OSError) -> str:
    """Why the OSC port could not be had, in words a stage manager can act on."""
    if error.errno == errno.EADDRINUSE:
        return f"OSC port {port} on {host} is already in use by another program: choose another OSC port"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"OSC: {host} is not an address of this computer: choose one of its addresses, or 0.0.0.0 for all"
    if error.errno == errno.EACCES:
        return f"OSC port {port} needs administrator rights: choose a port above 1023"
    return f"OSC cannot listen on {host}:{port}: {error}"
