"""A careless or hostile client on the venue network: every odd request is a JSON refusal with a reason.

Each case was a 500 (plain text, a traceback in the log) or a silent oddity before; now each is
answered like every other refusal, and the show and its journal are byte-for-byte unchanged.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import struct
import time

import aiohttp
import pytest

from stagetimer.core.clock import SystemClock
from stagetimer.core.show.show import Show
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS
from stagetimer.net import api as api_module
from stagetimer.net import hub as hub_module
from stagetimer.net.guards import same_origin
from stagetimer.net.hub import Client, Hub
from stagetimer.net.tokens import Tokens
from tests.net_rig import Served, served
from tests.snapshots_factory import NOTE, fallback_agenda


def connected(live: Served, within_s: float = 3.0) -> int:
    """The clients still counted once the server has had a moment to see the last ones go (bounded)."""
    deadline = time.monotonic() + within_s
    while sum(live.server.counts().values()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return sum(live.server.counts().values())


JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize(("body", "headers", "reason"), [
    (b"[" * 5000, JSON, "bad_json"),  # nested past the recursion limit
    (b'{"seconds": NaN}', JSON, "bad_json"),  # not JSON, though Python's parser takes it
    (b'{"seconds": 60}\xff', JSON, "bad_json"),  # not UTF-8
    (b"text=\xff\xfe", FORM, "bad_body"),
    (b"garbage", {"Content-Type": "multipart/form-data; boundary=zz"}, "bad_body"),
    (b"garbage", {"Content-Type": "multipart/form-data"}, "bad_body"),
])
def test_a_body_that_cannot_be_read_is_a_400_with_a_reason(journaled: Served, body: bytes,
                                                          headers: dict[str, str], reason: str) -> None:
    before = journaled.record()
    status, answer = journaled.get("/api/v1/message", journaled.tokens.control, headers=headers, data=body)
    assert (status, answer["ok"], answer["reason"]) == (400, False, reason)
    assert journaled.record() == before


def test_a_json_body_is_utf8_whatever_charset_it_claims_and_an_empty_one_is_no_parameters(journaled: Served) -> None:
    control = journaled.tokens.control
    status, answer = journaled.get("/api/v1/add", control, data=b'{"seconds": 60}',
                                   headers={"Content-Type": "application/json; charset=no-such-codec"})
    assert (status, answer["effect"]) == (200, "time_added")
    status, answer = journaled.get("/api/v1/pause", control, data=b"", headers=JSON, method="POST")
    assert (status, answer["effect"]) == (200, "paused")
    status, answer = journaled.get("/api/v1/blackout", control, data=b'{"on": true}', headers=JSON)
    assert (status, answer["effect"]) == (200, "blackout_on")


@pytest.mark.parametrize("origin", ["http://[::1", "null", "http://127.0.0.1:1", "file://", "ws://127.0.0.1",
                                    "http://evil.example", "javascript:alert(1)", ""])
def test_an_origin_that_is_not_this_server_exactly_is_refused(journaled: Served, origin: str) -> None:
    before = journaled.record()
    status, answer = journaled.get("/api/v1/next", journaled.tokens.control, headers={"Origin": origin})
    assert (status, answer["reason"]) == (403, "origin_not_allowed")
    assert journaled.record() == before


def test_same_origin_is_host_and_port() -> None:
    assert same_origin("http://127.0.0.1:8080", "127.0.0.1:8080")
    assert same_origin("http://LOCALHOST:8080", "localhost:8080")
    assert same_origin("http://[::1]:8080", "[::1]:8080")
    assert same_origin("http://127.0.0.1", "127.0.0.1:80")
    assert not same_origin("http://127.0.0.1:3000", "127.0.0.1:8080")  # another program on this machine
    assert not same_origin("https://127.0.0.1", "127.0.0.1:80")
    assert not same_origin("http://127.0.0.1:8080", "127.0.0.1:bad")


def test_aiohttps_own_refusals_are_json_too(journaled: Served) -> None:
    status, answer = journaled.get("/static/")  # a folder: aiohttp says 403 in plain text
    assert (status, answer["reason"]) == (404, "not_found")
    status, answer = journaled.get("/static/..%2f..%2fserver.py")
    assert (status, answer["reason"]) == (404, "not_found")


# -- the WebSocket ------------------------------------------------------------------------------------


async def _until(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, object]:
    while True:
        message = await ws.receive_json(timeout=5)
        if message["type"] in (kind, "error"):
            return message  # type: ignore[no-any-return]


def test_odd_websocket_messages_are_each_answered_and_change_nothing(journaled: Served) -> None:
    url = f"{journaled.base}/api/v1/ws?view=remote&token={journaled.tokens.control}"
    before = journaled.record()

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
            await _until(ws, "frame")
            for text, reason in (("[" * 5000, "bad_json"), ('{"type": "ping", "id": NaN}', "bad_json"),
                                 ("[1, 2]", "bad_json"), ('"command"', "bad_json"), ("{}", "unknown_type")):
                await ws.send_str(text)
                reply = await _until(ws, "error")
                assert (reply["type"], reply["reason"]) == ("error", reason), text
            await ws.send_bytes(b'{"type": "ping"}')  # binary: answered, not ignored
            assert (await _until(ws, "error"))["reason"] == "bad_json"
            for message, reason in (({"action": ["next"]}, "unknown_action"), ({"action": None}, "unknown_action"),
                                    ({"action": "add", "params": [60]}, "bad_parameter"),
                                    ({"action": "add", "params": {"seconds": 1e308}}, "bad_parameter"),
                                    ({"action": "add", "params": {"seconds": [60]}}, "bad_parameter"),
                                    ({"action": "goto", "params": {"n": {"deep": 1}}}, "bad_parameter")):
                await ws.send_json({"type": "command", "id": {"a": [1]}, **message})
                reply = await _until(ws, "outcome")
                assert (reply["ok"], reply["reason"], reply["id"]) == (False, reason, None), message
            await ws.send_str('{"type": "ping", "id": ' + "[" * 500 + "]" * 500 + "}")
            assert (await _until(ws, "pong"))["id"] is None  # an id is echoed only when it is a short scalar
            await ws.send_json({"type": "ping", "id": "a-7"})
            assert (await _until(ws, "pong"))["id"] == "a-7"

    asyncio.run(scenario())
    assert journaled.record() == before
    assert connected(journaled) == 0


def test_an_oversized_or_flooding_websocket_client_is_cut_off_and_the_counts_return_to_zero(journaled: Served) -> None:
    url = f"{journaled.base}/api/v1/ws?view=presenter&token={journaled.tokens.viewer}"
    before = journaled.record()

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(url) as ws:
                await _until(ws, "frame")
                await ws.send_str("x" * 20_000)  # over MAX_BODY: the server closes with 1009
                closing = await ws.receive(timeout=5)
                assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            async with session.ws_connect(url) as ws:
                await _until(ws, "frame")
                for _ in range(200):  # bounded: the burst is 40
                    await ws.send_bytes(b"\x00")
                replies = [await ws.receive_json(timeout=5) for _ in range(200)]
                assert {reply["reason"] for reply in replies} == {"bad_json", "rate_limited"}
                assert sum(reply["reason"] == "rate_limited" for reply in replies) >= 100
            for _ in range(30):  # connect/disconnect churn, some dropped before reading anything
                async with session.ws_connect(url) as ws:
                    pass
        await asyncio.sleep(0.3)

    asyncio.run(scenario())
    assert connected(journaled) == 0
    assert journaled.record() == before


def _upgrade(token: str) -> bytes:
    return (f"GET /api/v1/ws?view=remote&token={token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()


def test_a_client_that_resets_mid_handshake_leaves_no_count_and_no_traceback(
        journaled: Served, caplog: pytest.LogCaptureFixture) -> None:
    port = journaled.server.address.port

    async def churn() -> None:
        for _ in range(30):
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(_upgrade(journaled.tokens.control))
            await writer.drain()
            writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.close()  # a reset, not a goodbye
        await asyncio.sleep(0.5)

    with caplog.at_level(logging.ERROR):
        asyncio.run(churn())
    assert connected(journaled) == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


# -- the hub: slow consumers -------------------------------------------------------------------------


class FakeSocket:
    """A client's WebSocket as the hub sees it: sends at once, or never (a client that stopped reading)."""

    def __init__(self, stuck: bool = False) -> None:
        self.stuck, self.closed, self.sent = stuck, False, 0

    async def send_frame(self, data: bytes, kind: object) -> None:
        if self.stuck:
            await asyncio.sleep(3600)
        self.sent += 1

    async def send_str(self, text: str) -> None:
        await self.send_frame(text.encode(), None)

    async def close(self, code: int = 1000, message: bytes = b"") -> None:
        if self.stuck:
            await asyncio.sleep(3600)  # never answers the close either
        self.closed = True


def test_a_client_that_never_reads_holds_back_only_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_module, "SEND_TIMEOUT_S", 0.3)
    monkeypatch.setattr(hub_module, "CLOSE_TIMEOUT_S", 0.2)
    hub = Hub()
    stuck = [FakeSocket(stuck=True) for _ in range(5)]
    fine = [FakeSocket() for _ in range(50)]

    async def scenario() -> float:
        for ws in stuck + fine:
            await hub.join(Client(ws, "remote", "control"))  # type: ignore[arg-type]
        started = time.monotonic()
        task = asyncio.ensure_future(hub.announce(()))
        await asyncio.sleep(0.05)
        assert all(ws.sent == 1 for ws in fine)  # sent at once, not after the stuck ones time out
        await asyncio.wait_for(task, 5)
        return time.monotonic() - started

    took = asyncio.run(scenario())
    assert took < 1.5  # five stuck clients cost one timeout together, not five in a row
    assert hub.counts["remote"] == 50


def test_sending_everyone_away_is_bounded_by_one_close_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_module, "CLOSE_TIMEOUT_S", 0.2)
    hub = Hub()

    async def scenario() -> float:
        for index in range(20):
            await hub.join(Client(FakeSocket(stuck=index % 2 == 0), "presenter", "viewer"))  # type: ignore[arg-type]
        started = time.monotonic()
        await hub.close_all()
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 1.0
    assert hub.counts["presenter"] == 0


# -- the server's life ---------------------------------------------------------------------------------


def test_start_stop_start_on_the_same_port_with_clients_connected_and_publishing_after_stop() -> None:
    with served() as live:
        server, port = live.server, live.server.address.port
        url = f"{live.base}/api/v1/ws?view=presenter&token={live.tokens.viewer}"

        async def connect_and_wait_to_be_sent_away() -> aiohttp.WSMsgType:
            async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
                await _until(ws, "frame")
                await asyncio.get_running_loop().run_in_executor(None, server.stop)
                while True:
                    message = await ws.receive(timeout=5)
                    if message.type != aiohttp.WSMsgType.TEXT:
                        return message.type

        for _ in range(3):
            assert asyncio.run(connect_and_wait_to_be_sent_away()) in (aiohttp.WSMsgType.CLOSE,
                                                                       aiohttp.WSMsgType.CLOSED)
            assert not server.running
            live.port.publish_now()  # the display tick goes on: publishing to a stopped server is nothing
            server.announce(())
            assert server.start().port == port
            live.port.publish_now()
            assert live.get("/api/v1/status", live.tokens.control)[0] == 200
            assert connected(live) == 0
        assert server.start().port == port  # starting a running server is no second server


def test_new_tokens_send_connected_clients_away_and_keep_them_out() -> None:
    with served() as live:
        url = f"{live.base}/api/v1/ws?view=remote&token={live.tokens.control}"

        async def scenario() -> None:
            async with aiohttp.ClientSession() as session:
                async with session.ws_connect(url) as ws:
                    await _until(ws, "frame")
                    live.server.replace_tokens(Tokens.new())
                    while (await ws.receive(timeout=5)).type == aiohttp.WSMsgType.TEXT:
                        pass
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(url)
                assert refused.value.status == 401

        asyncio.run(scenario())
        assert connected(live) == 0
        assert live.get("/api/v1/next", live.tokens.control)[0] == 401


# -- private data --------------------------------------------------------------------------------------


def test_an_audience_view_opened_with_the_control_token_still_gets_no_operator_events() -> None:
    agenda = fallback_agenda()
    secret = dataclasses.replace(agenda, items=tuple(dataclasses.replace(item, note=f"{NOTE} {item.id}")
                                                     for item in agenda.items))
    with served(Show(secret, SystemClock())) as live:
        url = f"{live.base}/api/v1/ws?token={live.tokens.control}&view="

        async def scenario() -> dict[str, str]:
            received: dict[str, list[str]] = {}
            async with aiohttp.ClientSession() as session:
                sockets = {view: await session.ws_connect(url + view) for view in (*AUDIENCE_VIEWS, "remote")}
                for path in ("start", "message?text=PRIVATE-TO-SPEAKER", "add?seconds=-240", "undo", "next"):
                    await asyncio.to_thread(live.get, f"/api/v1/{path}", live.tokens.control)
                await asyncio.sleep(0.3)
                for view, ws in sockets.items():
                    received[view] = []
                    while True:
                        try:
                            received[view].append((await ws.receive(timeout=0.2)).data)
                        except asyncio.TimeoutError:
                            break
                    await ws.close()
            return {view: "\n".join(texts) for view, texts in received.items()}

        received = asyncio.run(scenario())
    assert '"type":"events"' in received["remote"]
    for view in AUDIENCE_VIEWS:
        assert '"type":"events"' not in received[view], view
        assert NOTE not in received[view] and "over_under" not in received[view], view
        assert ("PRIVATE-TO-SPEAKER" in received[view]) == (view == "presenter"), view


def test_websocket_clients_are_capped_and_a_closed_one_frees_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api_module, "MAX_WS_CLIENTS", 3)
    with served() as live:
        url = f"{live.base}/api/v1/ws?view=projector&token={live.tokens.viewer}"

        async def scenario() -> None:
            async with aiohttp.ClientSession() as session:
                sockets = [await session.ws_connect(url) for _ in range(3)]
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(url)
                assert refused.value.status == 503
                await sockets.pop().close()
                await asyncio.sleep(0.2)
                sockets.append(await session.ws_connect(url))
                for ws in sockets:
                    await ws.close()

        asyncio.run(scenario())
        assert connected(live) == 0
