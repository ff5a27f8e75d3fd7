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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from stagetimer.core.show.commands import Command
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS, VIEWS
from stagetimer.net.actions import ACTIONS, BadRequest, command_for
from stagetimer.net.guards import MAX_BODY, RateLimiter, error_response
from stagetimer.net.hub import Client, Hub
from stagetimer.net.tokens import Tokens

#: How long a command may wait for the show's thread before the caller is told it is busy.
SHOW_TIMEOUT_S = 5.0
#: Messages a WebSocket client may send per second (pings and commands), and its burst.
WS_RATE_PER_S, WS_BURST = 10.0, 40.0
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
        # No per-message compression: frames are ~1 KB, and compressing each for ~200 clients costs more.
        ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=MAX_BODY, compress=False)
        await ws.prepare(request)
        client = Client(ws, view, access, request.transport)
        await ws.send_str(_json({"type": "hello", "view": view, "access": access, "actions": list(ACTIONS)}))
        await self._hub.join(client)
        limiter = RateLimiter(WS_RATE_PER_S, WS_BURST)
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                if not limiter.allow("ws"):
                    await ws.send_str(_json({"type": "error", "reason": "rate_limited"}))
                    continue
                reply = await self._on_message(client, message.data)
                if reply is not None and not ws.closed:
                    await ws.send_str(_json(reply))
        finally:
            self._hub.leave(client)
        return ws

    async def _on_message(self, client: Client, text: str) -> dict[str, Any] | None:
        try:
            data = json.loads(text)
        except ValueError:
            return {"type": "error", "reason": "bad_json", "message": "send JSON objects"}
        if not isinstance(data, dict):
            return {"type": "error", "reason": "bad_json", "message": "send JSON objects"}
        kind = data.get("type")
        if kind == "ping":
            now = self._server_ms()
            return {"type": "pong", "id": data.get("id"), "server_ms": now[0] if now else None,
                    "speed": now[1] if now else 1.0}
        if kind != "command":
            return {"type": "error", "reason": "unknown_type", "message": "types: ping, command"}
        reply_id = data.get("id")
        if client.access != "control":
            return {"type": "outcome", "id": reply_id, "ok": False, "reason": "forbidden",
                    "message": "commands need the control token"}
        params = data.get("params") or {}
        if not isinstance(params, dict):
            params = {}
        try:
            command = command_for(str(data.get("action", "")), {str(k): str(v) for k, v in params.items()},
                                  self._items())
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
    """The query, and for a POST its JSON object or form body (as text values)."""
    params = {key: value for key, value in request.query.items() if key != "token"}
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise BadRequest("bad_json", "the body is not JSON") from None
            if not isinstance(body, dict):
                raise BadRequest("bad_json", "the body must be a JSON object")
            params.update({str(key): str(value) for key, value in body.items() if key != "token"})
        else:
            form = await request.post()
            params.update({str(key): str(value) for key, value in form.items() if key != "token"})
    return params


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
