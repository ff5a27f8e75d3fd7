"""A shared venue network: every way in without the right key is refused and changes nothing.

No token, the viewer token on a command, another site's Host or Origin, an
oversized body, a flood: each is answered with a JSON refusal, and the
show's state and journal are byte for byte what they were.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import stat
import time
from pathlib import Path

import aiohttp
import pytest

from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.net.actions import ACTIONS
from stagetimer.net.guards import BURST, MAX_BODY, RateLimiter, host_allowed
from stagetimer.net.server import NetServer, ServerError
from stagetimer.net.tokens import TOKENS_FILE, Tokens, load_tokens, regenerate_tokens
from tests.net_rig import Served, ThreadPort

#: Every action as a URL, with a valid parameter where it needs one.
ACTION_PATHS = [f"/api/v1/{name}" + {"goto": "/2", "add": "?seconds=60", "message": "?text=hi"}.get(name, "")
                for name in ACTIONS] + ["/api/v1/goto/id/opening", "/api/v1/status"]


@pytest.mark.parametrize("path", ACTION_PATHS)
def test_no_token_or_a_wrong_one_is_401_and_changes_nothing(journaled: Served, path: str) -> None:
    before = journaled.record()
    for token in (None, "", "not-a-token", journaled.tokens.control[:-1]):
        status, body = journaled.get(path, token)
        assert (status, body["reason"]) == (401, "unauthorized"), token
    status, body = journaled.get(path, headers={"Authorization": "Bearer wrong"})
    assert status == 401
    assert journaled.record() == before


@pytest.mark.parametrize("path", ACTION_PATHS)
def test_the_viewer_token_opens_no_command(journaled: Served, path: str) -> None:
    before = journaled.record()
    status, body = journaled.get(path, journaled.tokens.viewer)
    assert (status, body["reason"]) == (403, "forbidden")
    assert journaled.record() == before


@pytest.mark.parametrize("host", ["evil.example.com", "attacker.test:80", "127.0.0.1.nip.io", "localhost.evil.com"])
def test_a_name_someone_elses_dns_controls_is_refused_dns_rebinding(journaled: Served, host: str) -> None:
    before = journaled.record()
    for path in ("/api/v1/next", "/view/presenter", "/api/v1/ws?view=remote"):
        status, body = journaled.get(path, journaled.tokens.control, headers={"Host": host})
        assert (status, body["reason"]) == (403, "host_not_allowed"), path
    assert journaled.record() == before


def test_the_machines_own_addresses_and_names_are_allowed() -> None:
    for host in ("127.0.0.1:8080", "[::1]:8080", "localhost", "192.168.0.20:8080", "LOCALHOST:1"):
        assert host_allowed(host), host
    for host in (None, "", "example.com", "192.168.0.20.example.com"):
        assert not host_allowed(host), host


def test_another_sites_page_cannot_drive_the_show_origin(journaled: Served) -> None:
    before = journaled.record()
    status, body = journaled.get("/api/v1/next", journaled.tokens.control, headers={"Origin": "http://evil.example.com"})
    assert (status, body["reason"]) == (403, "origin_not_allowed")
    assert journaled.record() == before
    same = journaled.base
    assert journaled.get("/api/v1/status", journaled.tokens.control, headers={"Origin": same})[0] == 200


def test_no_answer_invites_other_sites_in_no_cors(journaled: Served) -> None:
    import urllib.request

    request = urllib.request.Request(f"{journaled.base}/api/v1/status?token={journaled.tokens.control}")
    with urllib.request.urlopen(request, timeout=5) as response:
        headers = {name.lower() for name in response.headers}
        assert not any(name.startswith("access-control-") for name in headers)
        assert response.headers["Referrer-Policy"] == "no-referrer"  # a view URL's token never leaks in a Referer


def test_an_oversized_body_is_413_and_changes_nothing(journaled: Served) -> None:
    before = journaled.record()
    status, body = journaled.get("/api/v1/message", journaled.tokens.control, data=b"text=" + b"x" * (MAX_BODY * 4),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"}, method="POST")
    assert (status, body["reason"]) == (413, "too_large")
    assert journaled.record() == before


def test_a_flood_is_throttled_and_the_show_goes_on(journaled: Served) -> None:
    before = journaled.record()
    deadline = time.monotonic() + 20  # bounded in count (below) and in time
    statuses: list[int] = []

    def hit(_: int) -> int:
        if time.monotonic() > deadline:
            return 0
        return journaled.get("/api/v1/next", "wrong-token")[0]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(hit, range(int(BURST) * 4)))
    assert statuses.count(429) > BURST  # most of the flood never reached a handler
    assert set(statuses) <= {401, 429, 0}
    assert journaled.record() == before
    time.sleep(1.0)  # the bucket refills: the stage manager's own remote works again
    assert journaled.get("/api/v1/pause", journaled.tokens.control)[1]["effect"] == "paused"


def test_the_rate_limiter_refills_and_forgets_quiet_clients() -> None:
    limiter = RateLimiter(rate_per_s=10, burst=5)
    assert [limiter.allow("a", now=0.0) for _ in range(6)] == [True] * 5 + [False]
    assert limiter.allow("b", now=0.0)  # one client's flood is not another's
    assert limiter.allow("a", now=0.15)  # 1.5 tokens back


def test_websocket_doors(journaled: Served) -> None:
    url = journaled.base.replace("http", "ws") + "/api/v1/ws"
    before = journaled.record()

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            for query, status in (("?view=presenter", 401), ("?view=presenter&token=bad", 401),
                                  (f"?view=remote&token={journaled.tokens.viewer}", 403)):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(url + query)
                assert refused.value.status == status, query
            async with session.ws_connect(f"{url}?view=presenter&token={journaled.tokens.viewer}") as ws:
                await ws.send_json({"type": "command", "id": 1, "action": "next"})
                while True:
                    reply = await ws.receive_json(timeout=5)
                    if reply["type"] == "outcome":
                        break
                assert (reply["ok"], reply["reason"]) == (False, "forbidden")
                await ws.send_str("not json{")
                assert (await ws.receive_json(timeout=5))["reason"] == "bad_json"

    asyncio.run(scenario())
    assert journaled.record() == before


def test_tokens_are_random_private_and_replaced_on_demand(tmp_path: Path) -> None:
    first = load_tokens(tmp_path)
    assert load_tokens(tmp_path) == first  # kept across restarts
    assert first.viewer != first.control and min(len(first.viewer), len(first.control)) >= 20
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / TOKENS_FILE).stat().st_mode) == 0o600
        (tmp_path / TOKENS_FILE).chmod(0o644)
        load_tokens(tmp_path)
        assert stat.S_IMODE((tmp_path / TOKENS_FILE).stat().st_mode) == 0o600
    second = regenerate_tokens(tmp_path)
    assert second != first and load_tokens(tmp_path) == second
    (tmp_path / TOKENS_FILE).write_text("{damaged")
    assert load_tokens(tmp_path) not in (first, second)


def test_new_tokens_turn_every_old_link_off(journaled: Served) -> None:
    old = journaled.tokens
    journaled.server.replace_tokens(Tokens.new())
    assert journaled.get("/api/v1/status", old.control)[0] == 401
    assert journaled.get("/api/v1/status", journaled.server.tokens.control)[0] == 200


def test_it_listens_on_loopback_unless_told_otherwise_and_says_why_it_cannot(journaled: Served) -> None:
    port = ThreadPort(journaled.port.show)
    try:
        assert NetServer(port, Tokens.new(), SystemClock())._host == "127.0.0.1"
        taken = NetServer(port, Tokens.new(), SystemClock(), port=journaled.server.address.port)
        with pytest.raises(ServerError, match="already in use"):
            taken.start()
        elsewhere = NetServer(port, Tokens.new(), SystemClock(), host="203.0.113.7")
        with pytest.raises(ServerError, match="not an address of this computer"):
            elsewhere.start()
    finally:
        port.close()
    assert journaled.port.submit(Command("pause")).result(timeout=5).applied  # the show never noticed
