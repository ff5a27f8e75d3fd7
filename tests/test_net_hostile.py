"""A careless or hostile client on the venue network: every odd request is a JSON refusal with a reason.

Each case was a 500 (plain text, a traceback in the log) or a silent oddity before; now each is
answered like every other refusal, and the show and its journal are byte-for-byte unchanged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from stagetimer.net.guards import same_origin
from tests.net_rig import Served, served


@pytest.fixture
def journaled(tmp_path: Path) -> Iterator[Served]:
    with served(state_dir=tmp_path) as live:
        live.get("/api/v1/start", live.tokens.control)
        yield live


def record(live: Served) -> tuple[object, bytes]:
    """The show's state and its journal, to prove a refused request changed neither."""
    journal = live.port.door.state_dir / "journal.jsonl"  # type: ignore[union-attr]
    return live.port.show.state.copy(), journal.read_bytes()


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
    before = record(journaled)
    status, answer = journaled.get("/api/v1/message", journaled.tokens.control, headers=headers, data=body)
    assert (status, answer["ok"], answer["reason"]) == (400, False, reason)
    assert record(journaled) == before


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
    before = record(journaled)
    status, answer = journaled.get("/api/v1/next", journaled.tokens.control, headers={"Origin": origin})
    assert (status, answer["reason"]) == (403, "origin_not_allowed")
    assert record(journaled) == before


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
