"""The WebSocket clients of every view, and what is pushed to them.

Runs on the network thread's loop only. A view's frame is serialised once
per change and sent to all its clients; a frame equal to the last one sent
is not sent at all, so a running countdown costs no traffic (the browsers
count by themselves). A client that cannot keep up is dropped rather than
allowed to hold the others back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from stagetimer.core.show.events import Event
from stagetimer.core.show.snapshot import Frames
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS, VIEWS, view_frame

log = logging.getLogger(__name__)

#: A client that takes longer than this to accept one message is dropped.
SEND_TIMEOUT_S = 5.0
#: How long closing one client may take when the server stops or the tokens change.
CLOSE_TIMEOUT_S = 1.0
#: Below this much unsent a client's socket is never paused (asyncio's low-water mark): a write completes at once.
PROMPT_BACKLOG = 16 * 1024
#: A client with this much still unsent is not keeping up (a frame is ~1 KB): it is dropped, not waited for.
MAX_BACKLOG = 256 * 1024


@dataclass(eq=False)
class Client:
    """One connected browser or script."""

    ws: web.WebSocketResponse
    view: str  # one of VIEWS
    access: str  # "viewer" or "control"
    transport: asyncio.BaseTransport | None = None

    def backlog(self) -> int | None:
        """Bytes written to this client and not yet taken by the network (None: its socket is unknown)."""
        transport = self.transport
        return transport.get_write_buffer_size() if isinstance(transport, asyncio.WriteTransport) else None


class Hub:
    """Who is connected to which view, and the last frame each view was sent."""

    def __init__(self) -> None:
        self._clients: dict[str, set[Client]] = {view: set() for view in VIEWS}
        self._last: dict[str, str] = {}  # view -> the last frame message sent
        self._frames: Frames | None = None
        #: Clients per view, copied on every change: read from the Qt thread without a lock.
        self.counts: dict[str, int] = dict.fromkeys(VIEWS, 0)

    @property
    def frames(self) -> Frames | None:
        """The latest frames from the show (None until the first arrives)."""
        return self._frames

    def frame_message(self, view: str) -> str | None:
        """The view's current frame as the message a client receives."""
        if self._frames is None:
            return None
        if view not in self._last:
            self._last[view] = _message("frame", view=view, frame=view_frame(view, self._frames))
        return self._last[view]

    async def join(self, client: Client) -> None:
        self._clients[client.view].add(client)
        self._count()
        message = self.frame_message(client.view)
        if message is not None:
            await client.ws.send_str(message)

    def leave(self, client: Client) -> None:
        self._clients[client.view].discard(client)
        self._count()

    async def publish(self, frames: Frames) -> None:
        """New frames from the show: send each view whose frame changed to its clients."""
        self._frames = frames
        for view, clients in self._clients.items():
            if not clients:
                self._last.pop(view, None)  # built afresh for the next client
                continue
            message = _message("frame", view=view, frame=view_frame(view, frames))
            if message == self._last.get(view):
                continue
            self._last[view] = message
            await self._send_all(list(clients), message)

    async def announce(self, events: tuple[Event, ...]) -> None:
        """Transitions go to the operators' views only (they may name a message or an operator's undo).

        The view decides, not the token: a projector opened with the control token is still a projector.
        """
        message = _message("events", events=[event.to_dict() for event in events])
        await self._send_all([client for view, clients in self._clients.items() if view not in AUDIENCE_VIEWS
                              for client in clients if client.access == "control"], message)

    async def close_all(self) -> None:
        """Send every client away at once: one that never answers the close costs a second, not everyone's."""
        clients = [client for clients in self._clients.values() for client in clients]
        await asyncio.gather(*(self._close(client) for client in clients))

    async def _close(self, client: Client) -> None:
        self.leave(client)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.ws.close(code=1001, message=b"server stopping"), CLOSE_TIMEOUT_S)

    async def _send_all(self, clients: list[Client], message: str) -> None:
        """One encoding, then a write to each client's socket: a slow one holds back only itself.

        A client with little unsent takes the write at once (its socket is not paused, so the send
        never waits): those are written in turn, with no task per client — there are ~200 of them on
        every push. Only the few with a backlog get a send of their own, bounded by SEND_TIMEOUT_S.
        """
        data = message.encode("utf-8")
        behind = []
        for client in clients:
            if client.ws.closed:
                continue
            backlog = client.backlog()
            if backlog is None or backlog > PROMPT_BACKLOG:  # its send might wait: not in this loop
                behind.append(client)
                continue
            try:
                await client.ws.send_frame(data, WSMsgType.TEXT)
            except (ConnectionError, RuntimeError):
                await self._drop(client)
        if behind:
            await asyncio.gather(*(self._send(client, data) for client in behind))

    async def _send(self, client: Client, data: bytes) -> None:
        if client.ws.closed:
            return
        if (client.backlog() or 0) > MAX_BACKLOG:
            await self._drop(client)
            return
        try:
            await asyncio.wait_for(client.ws.send_frame(data, WSMsgType.TEXT), SEND_TIMEOUT_S)
        except (asyncio.TimeoutError, ConnectionError, RuntimeError):
            await self._drop(client)

    async def _drop(self, client: Client) -> None:
        log.info("dropped a %s client that could not keep up", client.view)
        self.leave(client)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.ws.close(), CLOSE_TIMEOUT_S)

    def _count(self) -> None:
        self.counts = {view: len(clients) for view, clients in self._clients.items()}


def _message(kind: str, **body: Any) -> str:
    return json.dumps({"type": kind, **body}, ensure_ascii=False, separators=(",", ":"))
