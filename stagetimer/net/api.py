"""The routes: the versioned remote API, the WebSocket, and the browser views' pages.

Every command goes through the show's one door (the ShowPort) and is
answered with the door's Outcome as JSON: 200 when applied, 409 with the
refusal's reason code when the show refused it, 4xx with a reason code for
a request that never reached the show. Companion's Generic HTTP module
marks a button failed on any non-2xx answer, so nothing is ever "200, but".
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from stagetimer.core.show.commands import Command
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS, VIEWS
from stagetimer.net.actions import ACTIONS, BadRequest, command_for
from stagetimer.net.guards import MAX_BODY, RateLimiter, error_response
from stagetimer.net.hub import Client, Hub
from stagetimer.net.tokens import Tokens

log = logging.getLogger(__name__)

#: How long a command may wait for the show's thread before the caller is told it is busy.
SHOW_TIMEOUT_S = 5.0
#: Messages a WebSocket client may send per second (pings and commands), and its burst.
WS_RATE_PER_S, WS_BURST = 10.0, 40.0
#: WebSocket clients served at once (a conference has tens; a leaked viewer link must not open thousands).
MAX_WS_CLIENTS = 500
#: The show's clock for the browsers: (time of day in show ms, speed), or None before the first frame.
ServerClock = Callable[[], "tuple[int, float] | None"]


class Api:
    """The handlers, holding the tokens (which Control may replace while serving)."""

    def __init__(self, show: Any, tokens: Tokens, hub: Hub, server_ms: ServerClock) -> None:
        self._show = show
        self.tokens = tokens
        self._hub = hub
        self._server_ms = server_ms

    def add_routes(self, app: web.Application, static_dir: Path) -> None:
        self._static = static_dir
        app.router.add_get("/api/v1/status", self.status)
        app.router.add_get("/api/v1/ws", self.websocket)
        app.router.add_route("GET", "/api/v1/goto/id/{id}", self.goto_id)
        app.router.add_route("POST", "/api/v1/goto/id/{id}", self.goto_id)
        app.router.add_route("GET", "/api/v1/goto/{n}", self.goto_number)
        app.router.add_route("POST", "/api/v1/goto/{n}", self.goto_number)
        app.router.add_route("GET", "/api/v1/{action:.+}", self.action)
        app.router.add_route("POST", "/api/v1/{action:.+}", self.action)
        app.router.add_get("/view/{view}", self.view_page)
        app.router.add_get("/", self.index_page)
        app.router.add_static("/static/", static_dir, show_index=False, follow_symlinks=False)

    # -- access ---------------------------------------------------------------

    def _access(self, request: web.Request) -> str:
        offered = request.query.get("token")
        header = request.headers.get("Authorization", "")
        if offered is None and header.lower().startswith("bearer "):
            offered = header[7:].strip()
        return self.tokens.access(offered)

    def _refuse_control(self, request: web.Request) -> web.Response | None:
        """None when the request carries the control token, else the refusal to send."""
        access = self._access(request)
        if access == "control":
            return None
        if access == "viewer":
            return error_response(403, "forbidden", "the viewer token opens the views only: commands need the "
                                                    "control token")
        return error_response(401, "unauthorized", "give the control token as ?token= or an Authorization: Bearer "
                                                   "header", headers_hint="Authorization: Bearer <control token>")

    # -- commands -------------------------------------------------------------

    async def action(self, request: web.Request) -> web.Response:
        return await self._command(request, request.match_info["action"].rstrip("/"), {})

    async def goto_number(self, request: web.Request) -> web.Response:
        return await self._command(request, "goto", {"n": request.match_info["n"]})

    async def goto_id(self, request: web.Request) -> web.Response:
        return await self._command(request, "goto", {"id": request.match_info["id"]})

    async def _command(self, request: web.Request, action: str, extra: Mapping[str, str]) -> web.Response:
        refusal = self._refuse_control(request)
        if refusal is not None:
            return refusal
        try:
            params = {**await _params(request), **extra}
            command = command_for(action, params, self._items())
        except BadRequest as error:
            return error_response(error.status, error.reason, error.message,
                                  **({"known": list(ACTIONS)} if error.reason == "unknown_action" else {}))
        return await self._answer(command)

    async def _answer(self, command: Command) -> web.Response:
        outcome = await self._submit(command)
        if outcome is None:
            return error_response(503, "show_busy", "the show did not answer in time; the command may still apply")
        return web.json_response(outcome_body(outcome), status=200 if outcome.applied else 409,
                                 headers={"Cache-Control": "no-store"})

    async def _submit(self, command: Command) -> Outcome | None:
        future: concurrent.futures.Future[Outcome] = self._show.submit(command)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), SHOW_TIMEOUT_S)
        except asyncio.TimeoutError:
            return None

    def _items(self) -> tuple[Any, ...]:
        frames = self._hub.frames
        return frames.control.items if frames is not None else ()

    async def status(self, request: web.Request) -> web.Response:
        refusal = self._refuse_control(request)
        if refusal is not None:
            return refusal
        future: concurrent.futures.Future[dict[str, Any]] = self._show.status()
        try:
            data = await asyncio.wait_for(asyncio.wrap_future(future), SHOW_TIMEOUT_S)
        except asyncio.TimeoutError:
            return error_response(503, "show_busy", "the show did not answer in time")
        return web.json_response({"ok": True, **data}, headers={"Cache-Control": "no-store"},
                                 dumps=lambda value: json.dumps(value, ensure_ascii=False))

    # -- the WebSocket ----------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        view = request.query.get("view", "remote")
        if view not in VIEWS:
            return error_response(404, "unknown_view", f"no view {view!r}; views: {', '.join(VIEWS)}")
        access = self._access(request)
        if not access:
            return error_response(401, "unauthorized", "this link has no valid token: ask for a new one")
        if view not in AUDIENCE_VIEWS and access != "control":
            return error_response(403, "forbidden", f"the {view} view needs the control token")
        if sum(self._hub.counts.values()) >= MAX_WS_CLIENTS:
            return error_response(503, "too_many_clients", f"{MAX_WS_CLIENTS} views are connected already: "
                                                           "close one, or try again later")
        # No per-message compression: frames are ~1 KB, and compressing each for ~200 clients costs more.
        ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=MAX_BODY, compress=False)
        try:
            await ws.prepare(request)
        except ConnectionError:  # gone during the handshake: nothing to serve, nothing to log
            return web.Response(status=400)  # never sent: aiohttp finds the connection closed
        client = Client(ws, view, access, request.transport)
        limiter = RateLimiter(WS_RATE_PER_S, WS_BURST)
        try:  # from here on the client leaves the hub however the connection ends
            await ws.send_str(_json({"type": "hello", "view": view, "access": access, "actions": list(ACTIONS)}))
            await self._hub.join(client)
            async for message in ws:
                if not limiter.allow("ws"):
                    reply: dict[str, Any] | None = {"type": "error", "reason": "rate_limited"}
                elif message.type == WSMsgType.TEXT:
                    reply = await self._on_message_safely(client, message.data)
                elif message.type == WSMsgType.BINARY:
                    reply = {"type": "error", "reason": "bad_json", "message": "send JSON objects as text messages"}
                else:
                    continue
                if reply is not None and not ws.closed:
                    await ws.send_str(_json(reply))
        except (ConnectionError, RuntimeError):  # the client went away mid-send (aiohttp's errors are both)
            pass
        finally:
            self._hub.leave(client)
        return ws

    async def _on_message_safely(self, client: Client, text: str) -> dict[str, Any]:
        try:
            return await self._on_message(client, text)
        except Exception:  # a bug: logged and answered; the connection and the server go on
            log.exception("a WebSocket message from a %s client failed", client.view)
            return {"type": "error", "reason": "internal_error", "message": "the server failed on this message"}

    async def _on_message(self, client: Client, text: str) -> dict[str, Any]:
        data = parse_json(text)
        if not isinstance(data, dict):
            return {"type": "error", "reason": "bad_json", "message": "send JSON objects"}
        kind = data.get("type")
        if kind == "ping":
            now = self._server_ms()
            return {"type": "pong", "id": _reply_id(data.get("id")), "server_ms": now[0] if now else None,
                    "speed": now[1] if now else 1.0}
        if kind != "command":
            return {"type": "error", "reason": "unknown_type", "message": "types: ping, command"}
        reply_id = _reply_id(data.get("id"))
        if client.access != "control":
            return {"type": "outcome", "id": reply_id, "ok": False, "reason": "forbidden",
                    "message": "commands need the control token"}
        try:
            command = _ws_command(data, self._items())
        except BadRequest as error:
            return {"type": "outcome", "id": reply_id, "ok": False, "reason": error.reason, "message": error.message}
        outcome = await self._submit(command)
        if outcome is None:
            return {"type": "outcome", "id": reply_id, "ok": False, "reason": "show_busy"}
        return {"type": "outcome", "id": reply_id, **outcome_body(outcome)}

    # -- pages ----------------------------------------------------------------

    async def view_page(self, request: web.Request) -> web.StreamResponse:
        view = request.match_info["view"]
        page = self._static / f"{view}.html"
        if view not in VIEWS or not page.is_file():
            return error_response(404, "unknown_view", f"no view {view!r}; views: {', '.join(VIEWS)}")
        return web.FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def index_page(self, request: web.Request) -> web.StreamResponse:
        page = self._static / "index.html"
        if not page.is_file():
            return error_response(404, "not_found", "no index page")
        return web.FileResponse(page, headers={"Cache-Control": "no-cache"})


def outcome_body(outcome: Outcome) -> dict[str, Any]:
    """The door's answer as the API returns it: ``ok`` first, the Outcome's codes after."""
    return {"ok": outcome.applied, **outcome.to_dict()}


async def _params(request: web.Request) -> dict[str, str]:
    """The query, and for a POST its JSON object or form body (as text values).

    Whatever the body holds, it becomes parameters or a 400 with a reason: a body that cannot be
    decoded (not UTF-8, an unknown charset, nested past reason, a broken multipart) never reaches a
    handler as an exception.
    """
    params = {key: value for key, value in request.query.items() if key != "token"}
    if request.method == "POST" and request.can_read_body:
        params.update({key: value for key, value in (await _body(request)).items() if key != "token"})
    return params


async def _body(request: web.Request) -> dict[str, str]:
    if request.content_type == "application/json":
        raw = await request.read()  # at most MAX_BODY: larger raises the 413 the guard answers
        if not raw.strip():
            return {}  # an empty body is no parameters (Companion sends one with its JSON header)
        body = parse_json(raw)
        if body is None:
            raise BadRequest("bad_json", "the body is not JSON (UTF-8, nested at most a few levels)")
        if not isinstance(body, dict):
            raise BadRequest("bad_json", "the body must be a JSON object")
        return {str(key): _text(value) for key, value in body.items()}
    if request.content_type == "application/x-www-form-urlencoded":
        raw = await request.read()
        try:
            pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("bad_body", "the form body is not UTF-8 url-encoded text") from None
        return dict(pairs)
    if request.content_type == "multipart/form-data":
        try:
            form = await request.post()
        except web.HTTPException:
            raise
        except (ValueError, LookupError, AssertionError, UnicodeError, RecursionError):
            raise BadRequest("bad_body", "the multipart body cannot be read") from None
        return {str(key): value if isinstance(value, str) else "" for key, value in form.items()}
    return {}  # another type: its body names no parameters (the query still does)


def parse_json(raw: bytes | str) -> Any:
    """JSON text as Python (None when it is not JSON): UTF-8, finite numbers, nesting bounded by the recursion limit."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _ws_command(data: Mapping[str, Any], items: tuple[Any, ...]) -> Command:
    """A WebSocket command message's door command; BadRequest when its action or params are not usable."""
    action, params = data.get("action"), data.get("params")
    if not isinstance(action, str):
        raise BadRequest("unknown_action", f"action must be one of: {', '.join(ACTIONS)}", 404)
    if params is not None and not isinstance(params, dict):
        raise BadRequest("bad_parameter", "params must be a JSON object")
    return command_for(action, {str(key): _text(value) for key, value in (params or {}).items()}, items)


def _text(value: Any) -> str:
    """A JSON value as the text a parameter is (true → "true", as a query would say it)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _reply_id(value: Any) -> Any:
    """A WebSocket message's id as echoed back: a short string, a number or null (never a structure)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and abs(value) < 2 ** 53:
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    if isinstance(value, str) and len(value) <= 100:
        return value
    return None


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
