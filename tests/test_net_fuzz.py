"""Property-based fuzzing of the network layer: whatever a client sends, a JSON answer with a reason.

One real show is served on loopback for the module; Hypothesis (derandomized, bounded) sends it
random paths, queries, bodies, headers and WebSocket messages, and OSC packets to the bridge. The
properties: every answer is JSON with ``ok`` and, when refused, a reason code (never a 500, never
an HTML or plain-text page, never a traceback in the log); the server keeps serving; and a request
that was not applied leaves the show's state and its journal byte-for-byte as they were.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.client
import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythonosc.osc_message_builder import OscMessageBuilder

from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.frames import build_frames
from stagetimer.core.show.show import Show
from stagetimer.net import server as server_module
from stagetimer.net.actions import ACTIONS, BadRequest, command_for
from stagetimer.net.guards import RateLimiter
from stagetimer.net.osc import OscBridge, OscSettings, _OneHandler, osc_params
from tests.net_rig import Served, served
from tests.snapshots_factory import fallback_agenda

#: Bounded and repeatable: the whole file runs in a few seconds.
FUZZ = settings(derandomize=True, max_examples=150, deadline=2000, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: The answers a request may get (never 500).
STATUSES = {200, 400, 401, 403, 404, 405, 409, 413, 429}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One journaled show for the module, without the per-address limit (the fuzzer is one address)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(server_module, "RateLimiter", lambda: RateLimiter(1e9, 1e9))
        with served(state_dir=tmp_path_factory.mktemp("fuzz")) as show:
            show.get("/api/v1/start", show.tokens.control)
            yield show


@pytest.fixture(autouse=True)
def no_tracebacks(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Nothing the fuzzer sends may make the server log an error (a handler's exception would)."""
    with caplog.at_level(logging.ERROR):
        yield
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, caplog.text


def strict_json(data: bytes | str) -> Any:
    """JSON as a browser's JSON.parse reads it: NaN and Infinity are not JSON."""
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} in an answer")
    return json.loads(data, parse_constant=refuse)


# -- strategies ------------------------------------------------------------------------------------------

ODD_TEXT = st.sampled_from(["", " ", "\t", "-0", "+0", "0", "1", "-1", "60", "1e3", "0x10", "nan", "NaN", "inf",
                            "-inf", "1.5", "١٢", "\uff11\uff12", "²", "9" * 10, "-" + "9" * 30, str(2 ** 63),
                            "true", "on",
                            "\u200b1", "1 ", "%00", "a\x00b", "null", "[]", "{}", "opening", "../..", "개회사"])
TEXT = st.one_of(ODD_TEXT, st.text(max_size=40), st.integers().map(str),
                 st.floats(allow_nan=True, allow_infinity=True).map(repr))
KEYS = st.one_of(st.sampled_from(["seconds", "n", "id", "text", "on", "token", "view", "action"]), st.text(max_size=8))
SEGMENT = st.one_of(st.sampled_from([*ACTIONS, "goto/id", "status", "ws", "..", ".", "", "%2e%2e", "%2F", "%zz",
                                     "%00", "%ff", "next%20", "NEXT"]), st.text(max_size=12), ODD_TEXT)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, str, dict[str, str], bytes | None]:
    """A method, a path with its query, headers and a body: one careless or hostile request."""
    segments = draw(st.lists(SEGMENT, min_size=1, max_size=4))
    path = "/api/v1/" + "/".join(quote(segment, safe="%/.") for segment in segments)
    if draw(st.integers(0, 20)) == 0:
        path += "/" + "a" * draw(st.integers(100, 3000))
    query = draw(st.lists(st.tuples(KEYS, TEXT), max_size=4))
    headers: dict[str, str] = {}
    token = draw(st.sampled_from(["control", "control", "control", "viewer", "none", "both", "header"]))
    if token in ("control", "both"):
        query.append(("token", "{control}"))
    if token == "viewer":
        query.append(("token", "{viewer}"))
    if token in ("both", "header"):
        headers["Authorization"] = draw(st.sampled_from(["Bearer {control}", "bearer {viewer}", "Basic {control}",
                                                         "Bearer", "Bearer  {control} ", "{control}"]))
    if query:
        path += "?" + urlencode(query)
    method = draw(st.sampled_from(["GET", "GET", "POST", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"]))
    body: bytes | None = None
    if method == "POST":
        kind = draw(st.sampled_from(["json", "form", "bytes", "none", "multipart"]))
        if kind == "json":
            headers["Content-Type"] = draw(st.sampled_from(["application/json", "application/json; charset=latin-1",
                                                            "application/json; charset=bogus"]))
            value = draw(st.one_of(JSON_VALUES, st.dictionaries(KEYS, JSON_VALUES, max_size=4)))
            body = json.dumps(value).encode()
            if draw(st.booleans()):
                body = draw(st.sampled_from([b"[" * 3000, b'{"seconds": NaN}', b"{", b"", b"\xff\xfe{}", body[:-1]]))
        elif kind == "form":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = draw(st.one_of(st.just(urlencode(draw(st.lists(st.tuples(KEYS, TEXT), max_size=4))).encode()),
                                  st.binary(max_size=40)))
        elif kind == "multipart":
            headers["Content-Type"] = draw(st.sampled_from(["multipart/form-data", "multipart/form-data; boundary=x"]))
            body = draw(st.binary(max_size=60))
        elif kind == "bytes":
            headers["Content-Type"] = draw(st.sampled_from(["text/plain", "application/octet-stream", "", "a/b; c"]))
            body = draw(st.binary(max_size=60))
    return method, path, headers, body


def send(live: Served, method: str, path: str, headers: dict[str, str], body: bytes | None,
         ) -> tuple[int, str, bytes]:
    """One raw request (no client-side redirects or parsing): status, Content-Type and body."""
    tokens = {"{control}": live.tokens.control, "{viewer}": live.tokens.viewer}
    for name, token in tokens.items():
        path = path.replace(quote(name, safe=""), token).replace(name, token)
        headers = {key: value.replace(name, token) for key, value in headers.items()}
    connection = http.client.HTTPConnection("127.0.0.1", live.server.address.port, timeout=10)
    try:
        raw_headers = {key: value.encode("utf-8") for key, value in headers.items()}  # a careless client's bytes
        connection.request(method, path, body=body, headers=raw_headers)  # type: ignore[arg-type]
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


# -- HTTP ------------------------------------------------------------------------------------------------


@settings(FUZZ, max_examples=300)
@given(request=requests())
def test_every_http_answer_is_json_with_a_reason_and_a_refusal_changes_nothing(
        live: Served, request: tuple[str, str, dict[str, str], bytes | None]) -> None:
    method, path, headers, body = request
    before = live.record()
    status, content_type, data = send(live, method, path, headers, body)
    assert status in STATUSES, (status, data[:200])
    if method == "HEAD":
        assert content_type.startswith("application/json")
        return
    assert content_type.startswith("application/json"), (status, content_type, data[:200])
    answer = strict_json(data)
    assert isinstance(answer, dict) and isinstance(answer.get("ok"), bool)
    if status == 200:
        assert answer["ok"] is True
    else:
        assert answer["ok"] is False and isinstance(answer.get("reason"), str) and answer["reason"]
        assert "Traceback" not in data.decode("utf-8", "replace")
        assert live.record() == before, (status, answer)


@FUZZ
@given(host=st.one_of(
    st.sampled_from(["localhost.", "LOCALHOST", "localhost:0", "localhost:99999", "[::1]", "[::1]:8080", "::1",
                     "[::ffff:127.0.0.1]", "127.0.0.1:", "127.0.0.1:-1", "127.1", "0x7f.0.0.1", "2130706433",
                     "[fe80::1%25eth0]", "evil.example", "127.0.0.1.nip.io", "localhost.evil.com", "", " ",
                     "\uff2c\uff2f\uff23\uff21\uff2c\uff28\uff2f\uff33\uff34",  # LOCALHOST, full width
                     "xn--lcalhost-5za", "[", "]:80", "127.0.0.1 evil.example"]),
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=30)))
def test_any_host_header_is_allowed_or_refused_with_a_reason(live: Served, host: str) -> None:
    before = live.record()
    status, content_type, data = send(live, "GET", "/api/v1/next?token={control}", {"Host": host}, None)
    assert content_type.startswith("application/json"), (host, status, data[:200])
    answer = strict_json(data)
    assert status in STATUSES and (status == 200) == answer["ok"]
    if status != 200:
        assert answer["reason"] in ("host_not_allowed", "origin_not_allowed", "unauthorized") or status == 409
        assert live.record() == before


def test_a_token_in_the_query_wins_over_the_header_and_the_first_of_two_counts(live: Served) -> None:
    control, viewer = live.tokens.control, live.tokens.viewer
    path = "/api/v1/status"
    assert send(live, "GET", f"{path}?token={control}", {"Authorization": f"Bearer {viewer}"}, None)[0] == 200
    assert send(live, "GET", f"{path}?token={viewer}", {"Authorization": f"Bearer {control}"}, None)[0] == 403
    assert send(live, "GET", f"{path}?token={control}&token={viewer}", {}, None)[0] == 200
    assert send(live, "GET", f"{path}?token={viewer}&token={control}", {}, None)[0] == 403
    assert send(live, "GET", path, {"Authorization": f"Basic {control}"}, None)[0] == 401  # only Bearer
    assert send(live, "GET", path, {"Authorization": f"BEARER   {control}  "}, None)[0] == 200


# -- the WebSocket ---------------------------------------------------------------------------------------

WS_MESSAGES = st.one_of(
    st.fixed_dictionaries({"type": st.sampled_from(["ping", "command", "Command", "", "frame"])},
                          optional={"id": JSON_VALUES, "action": st.one_of(st.sampled_from(list(ACTIONS)), JSON_VALUES),
                                    "params": st.one_of(st.dictionaries(KEYS, JSON_VALUES, max_size=3), JSON_VALUES)}
                          ).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.sampled_from(["[" * 3000, '{"type": "ping", "id": NaN}', '{"type": "ping", "id": 1e999}', "", "{", "\x00",
                     '{"type": "ping", "id": ' + "9" * 5000 + "}"]),
    st.text(max_size=50),
    st.binary(max_size=50),
)


@FUZZ
@given(messages=st.lists(WS_MESSAGES, min_size=1, max_size=5), control=st.booleans())
def test_every_websocket_message_gets_one_json_answer_and_a_refusal_changes_nothing(
        live: Served, messages: list[str | bytes], control: bool) -> None:
    view, token = ("remote", live.tokens.control) if control else ("presenter", live.tokens.viewer)
    url = f"{live.base}/api/v1/ws?view={view}&token={token}"

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
            for message in messages:
                before = live.record()
                await (ws.send_bytes(message) if isinstance(message, bytes) else ws.send_str(message))
                while True:
                    received = await ws.receive(timeout=5)
                    assert received.type == aiohttp.WSMsgType.TEXT, (message, received)
                    reply = strict_json(received.data)
                    assert isinstance(reply, dict)
                    if reply["type"] not in ("hello", "frame", "events"):
                        break
                assert reply["type"] in ("pong", "outcome", "error"), reply
                if reply["type"] == "pong":
                    assert reply["id"] is None or isinstance(reply["id"], (str, int, float))
                    continue
                assert reply.get("ok") is not True or control
                if reply.get("ok") is not True:
                    assert isinstance(reply["reason"], str) and reply["reason"]
                    assert live.record() == before, (message, reply)

    asyncio.run(scenario())


# -- OSC -------------------------------------------------------------------------------------------------

OSC_ARGS = st.lists(st.one_of(st.integers(-2 ** 31, 2 ** 31 - 1), st.floats(width=32), st.text(max_size=20),
                              st.booleans(), st.none(), st.binary(min_size=1, max_size=8)), max_size=3)


@FUZZ
@given(action=st.one_of(st.sampled_from([*ACTIONS, "refresh", "", "GOTO", "goto/1"]), st.text(max_size=10)),
       args=OSC_ARGS)
def test_osc_arguments_become_a_command_or_a_bad_request_never_an_exception(action: str, args: list[Any]) -> None:
    items = _ITEMS
    try:
        command = command_for(action, osc_params(action, args, items), items, source="osc")
    except BadRequest as error:
        assert error.reason and error.message
    else:
        assert isinstance(command, Command)


class _Door:
    def __init__(self) -> None:
        self.commands: list[Command] = []

    def submit(self, command: Command) -> Any:
        self.commands.append(command)
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        future.cancel()
        return future


@FUZZ
@given(address=st.one_of(st.sampled_from([f"/stagetimer/{name}" for name in ACTIONS] + ["/stagetimer/*", "/",
                                                                                       "/stagetimer/refresh"]),
                         st.text(min_size=1, max_size=20).map(lambda text: "/" + text.replace("\x00", ""))),
       args=OSC_ARGS, bundle=st.booleans(), damage=st.integers(0, 3), cut=st.integers(0, 64))
def test_any_osc_packet_is_taken_or_refused_and_nothing_escapes(address: str, args: list[Any], bundle: bool,
                                                                 damage: int, cut: int) -> None:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    data = builder.build().dgram
    if bundle:
        data = b"#bundle\x00" + b"\x00" * 8 + len(data).to_bytes(4, "big") + data
    if damage == 1:
        data = data[:cut]
    elif damage == 2:
        data = data[:cut] + b"\xff" + data[cut:]
    door = _Door()

    async def scenario() -> None:
        bridge = OscBridge(OscSettings(port=0), door)
        handler = _OneHandler(bridge._on_message, bridge._on_bad_packet)
        handler.call_handlers_for_packet(data, ("127.0.0.1", 9))
        await asyncio.sleep(0)
        bridge.close()

    asyncio.run(scenario())
    assert all(isinstance(command, Command) and command.source == "osc" for command in door.commands)
    assert len(door.commands) <= 1


def _items() -> tuple[Any, ...]:
    return tuple(build_frames(Show(fallback_agenda(), SystemClock()).snapshot()).control.items)


_ITEMS = _items()
