"""The links people are handed, and where the show last served: one place for the app and ``stagetimer urls``.

Every audience view gets a link with the viewer token only (a projector
link passed around the venue opens no door); the remote and the API get the
control token. The address the show last served on is kept beside the
tokens in the show's state folder (``network.json``), so the links printed
on a headless box are the ones the running app hands out, and the app
serves again after a restart exactly where it did before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
class ServeRecord:
    """Where the show serves (or last served), and whether it was serving when the app last ran."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    serving: bool = False


def load_serve_record(state_dir: Path) -> ServeRecord:
    """The show's last serving address; the defaults when it never served or the file is damaged."""
    try:
        data = json.loads((state_dir / NETWORK_FILE).read_text(encoding="utf-8"))
        host, port, serving = data["host"], data["port"], data.get("serving", False)
        if isinstance(host, str) and host and isinstance(port, int) and 0 < port < 65536:
            return ServeRecord(host, port, serving is True)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return ServeRecord()


def save_serve_record(state_dir: Path, record: ServeRecord) -> None:
    """Remember it for the next start and for ``stagetimer urls``; raises OSError when it cannot."""
    text = json.dumps({"host": record.host, "port": record.port, "serving": record.serving}, indent=2) + "\n"
    atomic_write_text(state_dir / NETWORK_FILE, text)
