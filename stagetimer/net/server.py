"""The show on the network: one aiohttp server on its own thread.

The show belongs to the Qt thread. Commands cross to it through the
:class:`ShowPort` (a queued signal on the Qt side) and come back as
Outcomes; frames, events and the show's clock cross the other way with
``call_soon_threadsafe``. The display tick never waits for the network:
publishing is one call that queues the frames and returns.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web

from stagetimer.core.clock import Clock, TimeBase
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import Event
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.snapshot import Frames
from stagetimer.net.api import Api
from stagetimer.net.guards import MAX_BODY, RateLimiter, guard_middleware
from stagetimer.net.hub import Hub
from stagetimer.net.osc import OscBridge, OscError, OscSettings
from stagetimer.net.tokens import Tokens

log = logging.getLogger(__name__)

#: Where the browser views' pages, script, style and fonts are.
STATIC_DIR = Path(__file__).with_name("static")
#: How long starting or stopping the server may take before it is called failed.
START_TIMEOUT_S = 10.0


class ShowPort(Protocol):
    """The show as the network thread reaches it: every call returns at once, the answer comes later."""

    def submit(self, command: Command) -> concurrent.futures.Future[Outcome]: ...

    def status(self) -> concurrent.futures.Future[dict[str, Any]]: ...


class ServerError(Exception):
    """The server could not start: one sentence for the stage manager."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    def base_url(self, host: str | None = None) -> str:
        name = host or self.host
        if name in ("0.0.0.0", "::", ""):
            name = "127.0.0.1"
        if ":" in name:
            name = f"[{name}]"
        return f"http://{name}:{self.port}"


class NetServer:
    """HTTP API, WebSocket pushes and the browser views on one port, run on a thread of their own."""

    def __init__(self, show: ShowPort, tokens: Tokens, clock: Clock, host: str = "127.0.0.1", port: int = 0,
                 static_dir: Path = STATIC_DIR, osc: OscSettings | None = None) -> None:
        self._show = show
        self._clock = clock
        self._host, self._port = host, port
        self._static = static_dir
        self.hub = Hub()
        self.api = Api(show, tokens, self.hub, self._server_ms)
        self._osc = OscBridge(osc, show) if osc is not None else None
        self._time_base: TimeBase | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._address: Address | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- from the Qt thread ---------------------------------------------------

    @property
    def address(self) -> Address:
        """Where it listens (the port as bound, when 0 was asked for)."""
        if self._address is None:
            raise RuntimeError("the server is not running")
        return self._address

    @property
    def osc_address(self) -> Address | None:
        """Where OSC listens (None when off or not running): Control says "OSC on at …"."""
        bound = self._osc.address if self._osc is not None and self.running else None
        return Address(*bound) if bound is not None else None

    @property
    def osc_feedback(self) -> Address | None:
        """Where OSC feedback is sent (None when none is configured)."""
        target = self._osc.settings.feedback if self._osc is not None else None
        return Address(*target) if target is not None else None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def tokens(self) -> Tokens:
        return self.api.tokens

    def counts(self) -> dict[str, int]:
        """Connected clients per view (a copy the network thread replaces on every change)."""
        return dict(self.hub.counts)

    def start(self) -> Address:
        """Bind and serve; raises ServerError with the reason when the address cannot be had.

        Again after stop(), on the port it had (the links handed out name it), even when 0 was asked for.
        """
        if self.running:
            return self.address
        if self._address is not None:
            self._port = self._address.port
        self._ready.clear()
        self._error = None
        self._address = None
        self._loop = None
        self._thread = threading.Thread(target=self._run, name="stagetimer-net", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            raise ServerError("the network server did not start in time")
        if self._error is not None:
            self._thread.join()
            if isinstance(self._error, OscError):
                raise ServerError(str(self._error)) from self._error
            raise ServerError(bind_problem(self._host, self._port, self._error)) from self._error
        return self.address

    def stop(self) -> None:
        """Close every connection and the port (the show is unaffected)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(START_TIMEOUT_S)

    def publish(self, frames: Frames, time_base: TimeBase) -> None:
        """New frames (and the clock they were read on): queued for the network thread, never waited for."""
        self._time_base = time_base
        self._call(self.hub.publish(frames))
        if self._osc is not None:
            self._call(self._osc.publish(frames))

    def announce(self, events: tuple[Event, ...]) -> None:
        self._call(self.hub.announce(events))

    def replace_tokens(self, tokens: Tokens) -> None:
        """New tokens: every client let in with the old ones is sent away."""
        self.api.tokens = tokens
        self._call(self.hub.close_all())

    # -- the network thread ---------------------------------------------------

    def _call(self, coroutine: Any) -> None:
        loop = self._loop
        if loop is None or loop.is_closed() or not self.running:
            coroutine.close()
            return
        try:
            asyncio.run_coroutine_threadsafe(coroutine, loop)
        except RuntimeError:  # the loop closed in between
            coroutine.close()

    def _server_ms(self) -> tuple[int, float] | None:
        """The show's time of day now and its speed, as the browsers' clocks are set by."""
        base = self._time_base
        if base is None:
            return None
        return base.tod_ms(self._clock.monotonic_ms()), base.speed

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._open())
        except (OSError, RuntimeError, OscError) as error:
            self._error = error
            loop.run_until_complete(self._close())  # what did open (the HTTP port, say) closes again
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._close())
            loop.close()

    async def _open(self) -> None:
        app = web.Application(middlewares=[guard_middleware(RateLimiter())], client_max_size=MAX_BODY)
        self.api.add_routes(app, self._static)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port, reuse_address=True)
        await site.start()
        server = site._server  # the asyncio server: the only place the bound port can be read
        sockets = getattr(server, "sockets", None) or ()
        port = sockets[0].getsockname()[1] if sockets else self._port
        self._address = Address(self._host, int(port))
        if self._osc is not None:
            await self._osc.open()

    async def _close(self) -> None:
        if self._osc is not None:
            self._osc.close()
        await self.hub.close_all()
        if self._runner is not None:
            await self._runner.cleanup()


def bind_problem(host: str, port: int, error: BaseException) -> str:
    """Why the address could not be had, in words a stage manager can act on."""
    code = getattr(error, "errno", None)
    if code == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use by another program: choose another port"
    if code == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this computer: choose one of its addresses, or 0.0.0.0 for all"
    if code == errno.EACCES:
        return f"port {port} needs administrator rights: choose a port above 1023"
    return f"cannot listen on {host}:{port}: {error}"
