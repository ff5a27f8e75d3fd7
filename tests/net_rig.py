"""A show served on loopback without Qt: the network layer against a real Show on a thread of its own.

The app runs the show on the Qt thread and crosses to it with a queued
signal; here one worker thread plays that part, so the server's threads and
futures are exercised exactly as in the app.
"""

from __future__ import annotations

import concurrent.futures
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.session import JOURNAL_NAME, Session
from stagetimer.core.show.show import Show
from stagetimer.core.show.status import status_dict
from stagetimer.net.server import NetServer
from stagetimer.net.tokens import Tokens
from tests.snapshots_factory import fallback_agenda


class ThreadPort:
    """The ShowPort: every command runs on the show's own thread, then the frames are published.

    With a state folder the door is a Session, which journals every command as the app's does.
    """

    def __init__(self, show: Show, state_dir: Path | None = None) -> None:
        self.door: Show | Session = show if state_dir is None else Session(show, state_dir)
        self.server: NetServer | None = None
        self.applied: list[Command] = []
        self._thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="show")
        self.lock = threading.Lock()

    def submit(self, command: Command) -> concurrent.futures.Future[Outcome]:
        return self._thread.submit(self._apply, command)

    def status(self) -> concurrent.futures.Future[dict[str, Any]]:
        return self._thread.submit(lambda: status_dict(self.show.snapshot()))

    def publish_now(self) -> None:
        """Publish the frames as the app's display tick does (on the show's thread)."""
        self._thread.submit(self.publish).result()

    def publish(self) -> None:
        if self.server is not None:
            self.server.publish(build_frames(self.show.snapshot()), self.show.time_base)

    @property
    def show(self) -> Show:
        return self.door.show if isinstance(self.door, Session) else self.door

    def _apply(self, command: Command) -> Outcome:
        outcome = self.door.apply(command)
        self.applied.append(command)
        self.publish()
        if outcome.events and self.server is not None:
            self.server.announce(outcome.events)
        return outcome

    def close(self) -> None:
        self._thread.shutdown(wait=True)


@dataclass
class Served:
    server: NetServer
    port: ThreadPort
    tokens: Tokens

    @property
    def base(self) -> str:
        return self.server.address.base_url()

    def record(self) -> tuple[object, bytes]:
        """The show's state and its journal, to prove a refused request changed neither (a journaled show)."""
        door = self.port.door
        if not isinstance(door, Session):
            raise TypeError("record() needs a show served with a state folder (served(state_dir=...))")
        return self.port.show.state.copy(), (door.state_dir / JOURNAL_NAME).read_bytes()

    def get(self, path: str, token: str | None = None, headers: dict[str, str] | None = None,
            data: bytes | None = None, method: str | None = None) -> tuple[int, dict[str, Any]]:
        """One request; the status and the JSON answer (errors included)."""
        url = self.base + path
        if token is not None:
            url += ("&" if "?" in url else "?") + "token=" + token
        request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            body = error.read()
            try:
                return error.code, json.loads(body or b"{}")
            except ValueError:
                return error.code, {"raw": body.decode("utf-8", "replace")}


@contextmanager
def served(show: Show | None = None, host: str = "127.0.0.1", state_dir: Path | None = None) -> Iterator[Served]:
    """The bundled day's show (a fresh one unless given), served on a port picked at run time."""
    show = show or Show(fallback_agenda(), SystemClock())
    port = ThreadPort(show, state_dir)
    tokens = Tokens.new()
    server = NetServer(port, tokens, show.clock, host=host, port=0)
    port.server = server
    server.start()
    port.publish_now()
    try:
        yield Served(server, port, tokens)
    finally:
        server.stop()
        port.close()
        if isinstance(port.door, Session):
            port.door.close()
