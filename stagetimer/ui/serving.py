"""Serving the show on the network: on, off, where, with which tokens — for the menu, the dialog and --serve.

One object per app owns the server's life; the Network menu and window only
ask it and listen to ``changed``. A server that cannot start (the port is
taken, the address is not this computer's) is one sentence in ``error``,
never an exception: the show on the Qt thread goes on whatever the network
does. Where it serves and whether it was serving is remembered in the show's
state folder (net/links.py), so a restart after a crash serves the same
links again and ``stagetimer urls`` prints them.
"""

from __future__ import annotations

import errno
import logging
import socket
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from stagetimer.net.links import (
    Link,
    OscRecord,
    ServeRecord,
    base_url,
    load_serve_record,
    save_serve_record,
    view_links,
)
from stagetimer.net.tokens import Tokens, load_tokens, regenerate_tokens
from stagetimer.ui.controller import Controller
from stagetimer.ui.remote_link import RemoteLink

if TYPE_CHECKING:  # the server (aiohttp, python-osc: a quarter of a second) is imported when first started
    from stagetimer.net.osc import OscSettings
    from stagetimer.net.server import Address, NetServer, ServerError

log = logging.getLogger(__name__)


class Serving(QObject):
    """The network server of one show: start, stop, new tokens, and what to tell the stage manager."""

    #: Started, stopped, failed or given new tokens: the menu and the window redraw.
    changed = Signal()

    def __init__(self, controller: Controller, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._state_dir = state_dir
        self.link = RemoteLink(controller, self)
        self.server: NetServer | None = None
        self.record = load_serve_record(state_dir)
        #: Why the last start failed, in English for stderr and logs ("" when it did not), and its kind
        #: for the stage manager's words: "in_use", "not_here", "denied" or "other" (ui/control/network_words.py).
        self.error = ""
        self.error_kind = ""
        #: Why OSC is not on although asked for ("" when it is, or was not asked for), and its kind: as for
        #: ``error_kind``, or "feedback_unknown". The HTTP server then serves without it: the views stay up.
        self.osc_error = ""
        self.osc_error_kind = ""
        #: Why the tokens could not be saved in the show folder ("" when they are kept).
        self.tokens_unsaved = ""
        self._tokens: Tokens | None = None

    # -- what the menu and window read ---------------------------------------------------

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def host(self) -> str:
        """The address it listens on (or will): 127.0.0.1, 0.0.0.0 or one of this computer's."""
        return self.record.host

    @property
    def port(self) -> int:
        return self.server.address.port if self.running and self.server is not None else self.record.port

    @property
    def osc(self) -> OscRecord:
        """The OSC choice: on or off, its port, where it listens and sends feedback (as remembered)."""
        return self.record.osc

    @property
    def osc_address(self) -> Address | None:
        """Where OSC listens now (None: off, failed or not serving)."""
        return self.server.osc_address if self.running and self.server is not None else None

    @property
    def osc_feedback(self) -> Address | None:
        """Where OSC feedback goes now (None: no feedback, or OSC is not on)."""
        if self.osc_address is None or self.server is None:
            return None
        return self.server.osc_feedback

    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = self._load_tokens()
        return self._tokens

    def links(self, host: str | None = None) -> list[Link]:
        """Every view's link as reached at ``host`` (default: the address it listens on)."""
        return view_links(base_url(host or self.host, self.port), self.tokens)

    def counts(self) -> dict[str, int]:
        """Connected clients per view (all zero while not serving)."""
        return self.server.counts() if self.running and self.server is not None else {}

    # -- start and stop -------------------------------------------------------------------

    def start(self, host: str | None = None, port: int | None = None, osc: OscRecord | None = None) -> bool:
        """Serve on ``host:port`` (default: where it last served); False with ``error`` set when it cannot.

        ``osc`` (default: as remembered) adds OSC beside it. When OSC cannot start (its port is taken, say)
        the HTTP server serves without it and ``osc_error`` says why: the views and the remote stay up.
        """
        self._close()
        host = host if host is not None else self.record.host
        port = port if port is not None else self.record.port
        osc = osc if osc is not None else self.record.osc
        self.osc_error = self.osc_error_kind = ""
        from stagetimer.net.osc import OscError
        from stagetimer.net.server import NetServer, ServerError

        settings = _osc_settings(osc, host)
        server = NetServer(self.link, self.tokens, self._controller.show.clock, host=host, port=port, osc=settings)
        try:
            address = server.start()
        except ServerError as error:
            if settings is None or not isinstance(error.__cause__, OscError):
                return self._failed(error, ServeRecord(host, port, False, osc))
            self.osc_error, self.osc_error_kind = str(error), _osc_kind(error.__cause__)
            log.warning("OSC not started: %s", error)
            server = NetServer(self.link, self.tokens, self._controller.show.clock, host=host, port=port)
            try:
                address = server.start()
            except ServerError as again:
                return self._failed(again, ServeRecord(host, port, False, osc))
        self.server, self.error, self.error_kind = server, "", ""
        self.link.attach(server)
        bound = server.osc_address
        if osc.port == 0 and bound is not None:
            osc = replace(osc, port=bound.port)
        # Port 0 (tests) picks a free port each time: remember the one asked for, not the one given.
        self._remember(ServeRecord(host, port if port else address.port, True, osc))
        self.changed.emit()
        return True

    def _failed(self, error: ServerError, record: ServeRecord) -> bool:
        self.error, self.error_kind = str(error), _kind(error.__cause__)
        self.record = record
        log.warning("network server not started: %s", error)
        self.changed.emit()
        return False

    def stop(self) -> None:
        """Close every connection and the port, and remember it is off; the show is unaffected."""
        self._close()
        self.error = self.error_kind = self.osc_error = self.osc_error_kind = ""
        if self.record.serving:
            self._remember(replace(self.record, serving=False))
        self.changed.emit()

    def remember_osc(self, osc: OscRecord) -> None:
        """Keep an OSC choice for the next start without starting anything."""
        self._remember(replace(self.record, osc=osc))

    def shut_down(self) -> None:
        """The app is closing: stop serving but remember that it was on, to serve again next time."""
        self._close()

    def _close(self) -> None:
        server, self.server = self.server, None
        self.link.attach(None)
        if server is not None:
            server.stop()

    def new_tokens(self) -> None:
        """New viewer and control tokens: every old link and remote stops working, everyone is disconnected."""
        try:
            self._tokens = regenerate_tokens(self._state_dir)
            self.tokens_unsaved = ""
        except OSError as error:
            self._tokens = Tokens.new()
            self.tokens_unsaved = error.strerror or str(error)
        if self.server is not None:
            self.server.replace_tokens(self._tokens)
        self.changed.emit()

    # -- internals ------------------------------------------------------------------------------

    def _load_tokens(self) -> Tokens:
        try:
            return load_tokens(self._state_dir)
        except OSError as error:  # an unwritable show folder: links that last until the app closes
            self.tokens_unsaved = error.strerror or str(error)
            return Tokens.new()

    def _remember(self, record: ServeRecord) -> None:
        self.record = record
        try:
            save_serve_record(self._state_dir, record)
        except OSError as error:
            log.warning("cannot remember the network address in %s: %s", self._state_dir, error)


def _kind(cause: BaseException | None) -> str:
    """What kind of failure a bind error is, so Control can say it in the operator's language."""
    code = getattr(cause, "errno", None)
    kinds = {errno.EADDRINUSE: "in_use", errno.EADDRNOTAVAIL: "not_here", errno.EACCES: "denied"}
    return kinds.get(code, "other") if isinstance(code, int) else "other"


def _osc_settings(osc: OscRecord, http_host: str) -> OscSettings | None:
    """What NetServer is given for OSC (None: off)."""
    if not osc.on:
        return None
    from stagetimer.net.osc import OscSettings

    target = osc.feedback
    return OscSettings(osc.port, osc.listen_host(http_host), *(target or (None, None)))


def _osc_kind(error: BaseException) -> str:
    """What kind of failure OSC's is: a feedback host that cannot be found, or its port's bind error."""
    cause = error.__cause__
    if isinstance(cause, socket.gaierror):
        return "feedback_unknown"
    return _kind(cause)
