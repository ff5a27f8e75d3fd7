"""What stands between a venue network and the show: host names, origins, sizes, rates.

Every request passes these middlewares before any handler sees it:

* the Host header must be this machine as an address or its own name —
  a web page on a domain that rebinds to 127.0.0.1 (DNS rebinding) is
  refused, so a visitor's browser cannot be turned against the show;
* a browser's Origin, when sent, must be the same host (no cross-site
  WebSocket or request; no CORS header is ever sent);
* each client address has a token bucket: a flood gets 429 and costs
  the show nothing;
* bodies are capped by the application (``client_max_size``).

Refusals are JSON with a reason code, like every other API answer.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

log = logging.getLogger(__name__)

#: Requests a client address may make per second, and the burst it may save up.
RATE_PER_S = 50.0
BURST = 100.0
#: Client addresses remembered at once (a flood of spoofed sources cannot grow the table without bound).
MAX_CLIENTS = 4096
#: The largest request body accepted (no action needs more than a message).
MAX_BODY = 16 * 1024
#: The reason code of an HTTP error raised below the handlers (aiohttp's own), by status.
HTTP_REASONS = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                413: "too_large", 414: "too_large", 431: "too_large"}
#: Headers on every answer: no sniffing, no framing by other sites, no token leaking in a Referer.
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    # The views' pages load only their own script, style and fonts, and talk only to this server.
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                               "frame-ancestors 'none'",
}


def error_response(status: int, reason: str, message: str, **extra: Any) -> web.Response:
    """A refusal as the API answers it: ``{"ok": false, "reason": code, "message": words}``."""
    return web.json_response({"ok": False, "reason": reason, "message": message, **extra}, status=status,
                             headers={"Cache-Control": "no-store"})


def same_origin(origin: str, host: str) -> bool:
    """Whether a browser's Origin names this server as the Host header does (scheme's default port included).

    An Origin that cannot be read at all (``http://[::1``, ``null``) is another site's.
    """
    try:
        parts = urlsplit(origin.strip())
        origin_port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
        here = urlsplit("//" + host.strip())
        host_port = here.port or origin_port
    except ValueError:
        return False
    if not parts.hostname or parts.scheme.lower() not in ("http", "https"):
        return False
    return _host_name(parts.netloc) == _host_name(host) and origin_port == host_port


def _host_name(host: str) -> str:
    """``[::1]:8080`` → ``::1``; ``Example.local:80`` → ``example.local``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host: str | None) -> bool:
    """An IP address, ``localhost``, or this machine's own name: never a name someone else's DNS controls."""
    if not host:
        return False
    name = _host_name(host)
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return name in own_names()
    return True


@cache
def own_names() -> frozenset[str]:
    """This machine's names (looked up once: a DNS query per request would stall the loop)."""
    own = socket.gethostname().lower()
    return frozenset({"localhost", own, own + ".local", socket.getfqdn().lower()})


class RateLimiter:
    """A token bucket per client address."""

    def __init__(self, rate_per_s: float = RATE_PER_S, burst: float = BURST) -> None:
        self.rate, self.burst = rate_per_s, burst
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (tokens, at)

    def allow(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        tokens, at = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if len(self._buckets) >= MAX_CLIENTS and client not in self._buckets:
            self._forget_full(now)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return False
        self._buckets[client] = (tokens - 1, now)
        return True

    def _forget_full(self, now: float) -> None:
        """Drop the clients whose buckets have filled up again (they have been quiet)."""
        refill = self.burst / self.rate
        self._buckets = {key: value for key, value in self._buckets.items() if now - value[1] < refill}
        if len(self._buckets) >= MAX_CLIENTS:
            self._buckets.clear()


def guard_middleware(limiter: RateLimiter) -> Middleware:
    """Host, Origin and rate checks, then the safe headers on whatever the handler answers."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not host_allowed(request.host if "Host" in request.headers else None):
            return error_response(403, "host_not_allowed",
                                  "this server answers only to its own address (Host header refused)")
        origin = request.headers.get("Origin")
        if origin is not None and not same_origin(origin, request.host):
            return error_response(403, "origin_not_allowed", "requests from other sites are refused")
        if not limiter.allow(request.remote or "?"):
            return error_response(429, "rate_limited", "too many requests from this address: slow down",
                                  retry_after_s=1)
        try:
            response = await handler(request)
        except web.HTTPException as error:
            response = http_error(request, error)
        except ConnectionError:  # the client went away: nobody to answer, nothing to log
            raise
        except Exception:  # a bug: logged, answered as JSON like every refusal, and the server goes on
            log.exception("%s %s failed", request.method, request.path)
            response = error_response(500, "internal_error", "the server failed on this request (logged); "
                                                             "the show is unaffected")
        for name, value in SAFE_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return guard


def http_error(request: web.Request, error: web.HTTPException) -> web.StreamResponse:
    """aiohttp's own refusals (no route, wrong method, body too large, a static folder) as JSON with a reason."""
    status = error.status
    if status < 400:
        return error  # a redirect: it is the answer
    if status in (413, 414, 431):
        return error_response(status, "too_large", f"the request is larger than {MAX_BODY} bytes")
    if status == 405:
        return error_response(405, "method_not_allowed", f"{request.method} is not accepted here")
    if status in (403, 404):
        return error_response(404, "not_found", f"nothing at {request.path}")
    return error_response(status, HTTP_REASONS.get(status, "bad_request"), error.reason or "refused")
