"""``stagetimer urls``: every link of the show, one per line, for a script, a chat or Companion.

The same links the Network window shows, read from the show's state folder
(its tokens, and where it last served), so they work on the running app's
server without opening a window, on a box with no display. A show that
never served gets its tokens made here, exactly as the app would make them.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import sys

from stagetimer.cli.common import EXIT_CANNOT_WRITE, EXIT_OK
from stagetimer.cli.status_report import journal_command, open_show

#: What a URL may name as its host (a hostname, or an IP address: checked separately).
_HOST_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")


def link_host(text: str) -> str:
    """``--host``: the address or name the links use (what a phone types), else a usage error."""
    bare = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if not (text.isascii() and _HOST_NAME.fullmatch(text)):
        raise argparse.ArgumentTypeError(f"{text!r} is not an address or a host name; e.g. 192.168.0.10")
    return text


def port_number(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 0 < int(text) < 65536):
        raise argparse.ArgumentTypeError(f"{text!r}: the port must be a number from 1 to 65535")
    return int(text)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", type=link_host, default=None, metavar="HOST",
                        help="the address the links name (default: where the show last served; for a show served "
                        "on every network, this computer's first network address)")
    parser.add_argument("--port", type=port_number, default=None, metavar="PORT",
                        help="the port the links name (default: where the show last served, else 8080)")


def run_urls(options: argparse.Namespace) -> int:
    """Print the labelled links; what they depend on goes to stderr, so stdout is only links."""
    from stagetimer.net.links import DEFAULT_HOST, api_base, base_url, format_address, load_serve_record, view_links
    from stagetimer.net.tokens import TOKENS_FILE, load_tokens

    opened = open_show(options)
    if isinstance(opened, int):
        return opened
    _agenda, state_dir = opened
    record = load_serve_record(state_dir)
    try:
        tokens = load_tokens(state_dir)
    except OSError as error:
        print(f"stagetimer: cannot keep the tokens in {state_dir / TOKENS_FILE} ({error.strerror or error})",
              file=sys.stderr)
        return EXIT_CANNOT_WRITE
    host = options.host or record.host
    if host in ("0.0.0.0", "::") and options.host is None:
        host = _first_lan_address() or DEFAULT_HOST
    base = base_url(host, options.port or record.port)
    links = view_links(base, tokens)
    names = [link.name for link in links] + (["osc-feedback"] if record.osc.on else [])
    width = max(len(name) for name in names) + 2
    for link in links:
        print(f"{link.name:<{width}}{link.url}")
    print(f"{'api':<{width}}{api_base(base)}")
    print(f"{'token':<{width}}{tokens.control}")
    osc = record.osc
    if osc.on:
        # Where Companion sends OSC: the links' host, unless OSC listens on this computer only.
        osc_host = host if osc.host is None or osc.host in ("0.0.0.0", "::") else osc.host
        print(f"{'osc':<{width}}{format_address(osc_host, osc.port)}")
        if osc.feedback is not None:
            print(f"{'osc-feedback':<{width}}{format_address(*osc.feedback)}")
        print("stagetimer: OSC (UDP) has no password: whoever can reach its port can control the show",
              file=sys.stderr)
    if not record.serving:
        print("stagetimer: the show is not serving now: start it with --serve or in the Network menu",
              file=sys.stderr)
    return EXIT_OK


def _first_lan_address() -> str | None:
    """This computer's first network address (QtNetwork needs no display)."""
    from stagetimer.ui.lan import lan_addresses

    found = lan_addresses()
    return found[0][0] if found else None


URLS_EPILOG = """\
Prints one labelled link per line: presenter, projector, backstage and agenda
(the browser views, with the viewer token: they show the show and change
nothing), remote (the phone remote, with the control token), companion (a
whole command URL for Companion's Generic HTTP module: change "next" to the
action), api (the API's base URL) and token (the control token, also accepted
as an "Authorization: Bearer" header). Keep the control links to the crew.
When the show has OSC on (--osc or the Network window), two more lines:
osc (where to send /stagetimer/next ... over UDP; no password) and, when
set, osc-feedback (where the live values are sent).

The host and port are where the show last served (the Network menu or
--serve), else 127.0.0.1:8080. The tokens are the show's own, kept
user-only in its state directory; a show that has none yet gets them now.

exit status: 0; 1 when the agenda has errors; 66 when the state directory
cannot be read; 73 when the tokens cannot be saved there.

examples:
  stagetimer urls
  stagetimer urls my-event.yaml --host 192.168.0.10 --port 8080
  stagetimer urls | grep projector
"""

URLS = journal_command(
    "urls",
    "print the show's links for browsers, the phone remote and Companion (with their tokens)",
    run_urls,
    URLS_EPILOG,
    options="[--host HOST] [--port PORT]",
    more_arguments=_arguments,
)
