"""The links people are handed, and where the show last served: one place for the app and ``stagetimer urls``.

Every audience view gets a link with the viewer token only (a projector
link passed around the venue opens no door); the remote and the API get the
control token. The address the show last served on is kept beside the
tokens in the show's state folder (``network.json``), so the links printed
on a headless box are the ones the running app hands out, and the app
serves again after a restart exactly where it did before.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from pathlib import Path

from stagetimer.core.show.journal import atomic_write_text
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS
from stagetimer.net.tokens import Tokens

#: The file in the show's state folder (next to network-tokens.json).
NETWORK_FILE = "network.json"
#: Where a show that never served is served: loopback only, a port Companion users know.
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8080
#: The remote API's versioned root (net/api.py's routes).
API_ROOT = "/api/v1"
#: The OSC port asked for when none is named (net/osc.py's DEFAULT_PORT; Companion's own OSC listener is 12321).
OSC_DEFAULT_PORT = 9000


@dataclass(frozen=True)
class Link:
    """One labelled URL; ``control`` when it carries the control token (keep it to the crew)."""

    name: str  # presenter, projector, backstage, agenda, remote, companion
    url: str
    control: bool = False


def base_url(host: str, port: int) -> str:
    """``http://host:port`` as a browser on another machine types it (all-interfaces → loopback)."""
    name = host or DEFAULT_HOST
    if name in ("0.0.0.0", "::"):
        name = DEFAULT_HOST
    if ":" in name:
        name = f"[{name}]"
    return f"http://{name}:{port}"


def view_links(base: str, tokens: Tokens) -> list[Link]:
    """Every view's link, the remote's, and a whole command URL for Companion (the token as ``?token=``).

    Companion's Generic HTTP module sends a URL per button: the ``next`` one
    is copied and its action word changed (``pause``, ``add?seconds=60``…).
    """
    links = [Link(view, f"{base}/view/{view}?token={tokens.viewer}") for view in AUDIENCE_VIEWS]
    links.append(Link("remote", f"{base}/view/remote?token={tokens.control}", control=True))
    links.append(Link("companion", f"{api_base(base)}next?token={tokens.control}", control=True))
    return links


def api_base(base: str) -> str:
    """The remote API's root, to which Companion appends each action."""
    return f"{base}{API_ROOT}/"


@dataclass(frozen=True)
class OscRecord:
    """OSC beside the HTTP server: off unless turned on, where it listens, where feedback goes."""

    on: bool = False
    port: int = OSC_DEFAULT_PORT  # 0 (tests): any free port
    host: str | None = None  # None: the HTTP server's address
    feedback_host: str | None = None  # no feedback unless both are given
    feedback_port: int | None = None

    def listen_host(self, http_host: str) -> str:
        return self.host if self.host is not None else http_host

    @property
    def feedback(self) -> tuple[str, int] | None:
        if self.feedback_host is None or self.feedback_port is None:
            return None
        return self.feedback_host, self.feedback_port


@dataclass(frozen=True)
class ServeRecord:
    """Where the show serves (or last served), and whether it was serving when the app last ran."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    serving: bool = False
    osc: OscRecord = field(default_factory=OscRecord)


def parse_address(text: str, default_host: str | None = DEFAULT_HOST) -> tuple[str, int]:
    """``[HOST:]PORT`` as typed after --serve, --osc or in the OSC feedback field; ValueError says why.

    HOST is an IP address (``[::1]`` for IPv6) or ``localhost``; a name would be
    looked up at every start and could point anywhere. PORT is 1 to 65535.
    With ``default_host`` None the host must be given.
    """
    host, separator, port_text = text.strip().rpartition(":")
    if not separator:
        if default_host is None:
            raise ValueError(f"{text!r}: give the host and the port, e.g. 192.168.0.20:12321")
        host = default_host
    elif host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif ":" in host:
        raise ValueError(f"{text!r}: write an IPv6 address in brackets, e.g. [::1]:8080")
    if not (port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536):
        raise ValueError(f"{text!r}: the port must be a number from 1 to 65535")
    if host == "localhost":
        host = DEFAULT_HOST
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"{text!r}: {host!r} is not an IP address; use 127.0.0.1 (this computer), "
                         f"0.0.0.0 (every network) or one of this computer's addresses") from None
    return host, int(port_text)


def format_address(host: str, port: int) -> str:
    """``host:port`` as parse_address reads it back (IPv6 in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def load_serve_record(state_dir: Path) -> ServeRecord:
    """The show's last serving address; the defaults when it never served or the file is damaged.

    A file from before OSC (no "osc" key) loads with OSC off; a damaged OSC part turns OSC off only.
    """
    try:
        data = json.loads((state_dir / NETWORK_FILE).read_text(encoding="utf-8"))
        host, port, serving = data["host"], data["port"], data.get("serving", False)
        if isinstance(host, str) and host and _port(port):
            return ServeRecord(host, port, serving is True, _osc_record(data.get("osc")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return ServeRecord()


def _port(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 65536


def _osc_record(data: object) -> OscRecord:
    if not isinstance(data, dict):
        return OscRecord()
    port, host = data.get("port", OSC_DEFAULT_PORT), data.get("host")
    feedback_host, feedback_port = data.get("feedback_host"), data.get("feedback_port")
    if not _port(port) or not (host is None or (isinstance(host, str) and host)):
        return OscRecord()
    if not (isinstance(feedback_host, str) and feedback_host and _port(feedback_port)):
        feedback_host = feedback_port = None
    return OscRecord(data.get("on") is True, port, host, feedback_host, feedback_port)


def save_serve_record(state_dir: Path, record: ServeRecord) -> None:
    """Remember it for the next start and for ``stagetimer urls``; raises OSError when it cannot."""
    osc = record.osc
    data = {"host": record.host, "port": record.port, "serving": record.serving,
            "osc": {"on": osc.on, "port": osc.port, "host": osc.host,
                    "feedback_host": osc.feedback_host, "feedback_port": osc.feedback_port}}
    atomic_write_text(state_dir / NETWORK_FILE, json.dumps(data, indent=2) + "\n")
