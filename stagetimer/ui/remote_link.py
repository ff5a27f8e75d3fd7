"""The show as the network thread reaches it: commands in through a queued signal, frames out.

The show belongs to the Qt thread and the server runs on its own. A command
from a browser or Companion crosses as a queued signal, so it is applied by
the same :meth:`Controller.apply` a key press uses (journaled, undoable,
said in Control's notice), in turn with the ticks, never concurrently with
them. Frames and events go the other way as calls that queue and return:
the display tick never waits for a socket.
"""

from __future__ import annotations

import concurrent.futures
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import Event
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.snapshot import Frames
from stagetimer.core.show.status import status_dict
from stagetimer.ui.controller import Controller

if TYPE_CHECKING:  # imported when the server starts (ui/serving.py), not with the app
    from stagetimer.net.server import NetServer

log = logging.getLogger(__name__)


class RemoteLink(QObject):
    """A ``net.server.ShowPort`` on the Qt thread, and the path of frames and events to the server."""

    #: A command from the network, with the future its caller waits on: (Command, Future[Outcome]).
    command_arrived = Signal(object)
    #: The network asked for the show's status: a Future[dict].
    status_requested = Signal(object)

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._server: NetServer | None = None
        # Queued even when emitted from this thread: a command never runs inside another's slot.
        self.command_arrived.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        self.status_requested.connect(self._status, Qt.ConnectionType.QueuedConnection)
        controller.frames_changed.connect(self._publish)
        controller.events_occurred.connect(self._announce)

    def attach(self, server: NetServer | None) -> None:
        """Publish to ``server`` from now on (None: to nobody), starting with the frames of this moment."""
        self._server = server
        if server is not None:
            self._publish(self._controller.frames)

    # -- called from the network thread -----------------------------------------------

    def submit(self, command: Command) -> concurrent.futures.Future[Outcome]:
        future: concurrent.futures.Future[Outcome] = concurrent.futures.Future()
        self.command_arrived.emit((command, future))
        return future

    def status(self) -> concurrent.futures.Future[dict[str, Any]]:
        future: concurrent.futures.Future[dict[str, Any]] = concurrent.futures.Future()
        self.status_requested.emit(future)
        return future

    # -- on the Qt thread ------------------------------------------------------------------

    def _apply(self, arrived: tuple[Command, concurrent.futures.Future[Outcome]]) -> None:
        command, future = arrived
        # A caller that gave up (the API answered 503 "show busy") may send it again:
        # applying the stale one as well would do it twice.
        if not future.set_running_or_notify_cancel():
            log.info("a remote %s arrived after its caller gave up: not applied", command.action)
            return
        try:
            outcome = self._controller.apply(command)  # never raises: a bug is an internal_error outcome
        except Exception as error:
            log.exception("remote command %s failed", command)
            future.set_exception(error)
            return
        future.set_result(outcome)

    def _status(self, future: concurrent.futures.Future[dict[str, Any]]) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(status_dict(self._controller.show.snapshot()))
        except Exception as error:
            log.exception("the status for the network failed")
            future.set_exception(error)

    def _publish(self, frames: Frames) -> None:
        server = self._server
        if server is not None:
            server.publish(frames, self._controller.show.time_base)

    def _announce(self, events: tuple[Event, ...]) -> None:
        server = self._server
        if server is not None:
            server.announce(events)
