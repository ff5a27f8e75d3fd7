"""The remote API as Companion and a script use it: every action by a plain GET, JSON answers.

Against a real server on loopback (port picked at run time) in front of a
real show on its own thread: each action changes the show as its key would,
a refusal is a non-2xx JSON answer with the core's reason code, and the
WebSocket pushes a view's frame when it changes, not every second.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest

from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.show.web_frames import AUDIENCE_VIEWS
from stagetimer.core.timefmt import parse_time_of_day
from tests.net_rig import Served, served
from tests.snapshots_factory import NOTE, fallback_agenda

#: The show's time of day when a test begins: before the forum's 10:00, so it is on time whenever the tests run
#: (on the machine's clock, a replan at 10:20 is refused "no_slack", not "on_time").
MORNING_MS = parse_time_of_day("09:30")


@pytest.fixture
def live() -> Any:
    with served(Show(fallback_agenda(), SystemClock(), anchor_tod_ms=MORNING_MS)) as s:
        yield s


def test_every_action_is_a_plain_get_with_the_control_token(live: Served) -> None:
    control = live.tokens.control
    show = live.port.show
    status, body = live.get("/api/v1/start", control)
    assert (status, body["effect"]) == (200, "started")
    assert show.snapshot().running
    status, body = live.get("/api/v1/pause", control)
    assert (status, body["ok"], body["effect"], body["source"]) == (200, True, "paused", "remote")
    assert live.get("/api/v1/toggle", control)[1]["effect"] == "resumed"
    before = show.snapshot().remaining_ms
    assert live.get("/api/v1/add?seconds=60", control)[1]["effect"] == "time_added"
    assert show.snapshot().remaining_ms > before + 59_000
    assert live.get("/api/v1/add?seconds=-60", control)[1]["effect"] == "time_taken"
    assert live.get("/api/v1/next", control)[1]["effect"] in ("loaded", "skipped")
    assert show.snapshot().current.index == 1  # type: ignore[union-attr]
    assert live.get("/api/v1/previous", control)[1]["effect"] == "back"
    assert live.get("/api/v1/goto/4", control)[1]["ok"]
    assert show.snapshot().current.index == 3  # type: ignore[union-attr]
    target = show.agenda.items[5].id
    assert live.get(f"/api/v1/goto/id/{target}", control)[1]["ok"]
    assert show.snapshot().current.id == target  # type: ignore[union-attr]
    assert live.get("/api/v1/reset", control)[1]["effect"] == "reset"
    assert live.get("/api/v1/message?text=" + quote("마무리 부탁드립니다"), control)[1]["effect"] == "message_shown"
    assert show.snapshot().message == "마무리 부탁드립니다"
    assert live.get("/api/v1/message/clear", control)[1]["effect"] == "message_cleared"
    assert live.get("/api/v1/blackout?on=1", control)[1]["effect"] == "blackout_on"
    assert live.get("/api/v1/blackout?on=1", control)[1]["effect"] == "blackout_on"  # twice: still on
    assert show.snapshot().blackout
    assert live.get("/api/v1/blackout?on=false", control)[1]["effect"] == "blackout_off"
    assert live.get("/api/v1/flash", control)[1]["effect"] == "flashing"
    assert live.get("/api/v1/undo", control)[1]["effect"] == "undone"
    assert show.snapshot().blackout  # the undo took back the last change: blackout off
    assert live.get("/api/v1/auto-replan?on=1", control)[1]["effect"] == "auto_replan_on"
    assert live.get("/api/v1/auto-replan?on=1", control)[1]["effect"] == "auto_replan_on"  # twice: still on
    assert show.snapshot().auto_replan
    assert live.get("/api/v1/auto-replan", control)[1]["effect"] == "auto_replan_off"  # no parameter: toggle
    assert live.get("/api/v1/replan", live.tokens.viewer)[0] == 403  # the viewer token presses nothing


def test_post_with_a_bearer_header_and_a_json_body_works_too(live: Served) -> None:
    headers = {"Authorization": f"Bearer {live.tokens.control}", "Content-Type": "application/json"}
    live.get("/api/v1/start", live.tokens.control)
    status, body = live.get("/api/v1/message", headers=headers, data=json.dumps({"text": "5분 남았습니다"}).encode(),
                            method="POST")
    assert (status, body["effect"]) == (200, "message_shown")
    assert live.port.show.snapshot().message == "5분 남았습니다"


@pytest.mark.parametrize(("path", "status", "reason"), [
    ("/api/v1/pause", 409, "no_item_loaded"),
    ("/api/v1/previous", 409, "no_previous"),
    ("/api/v1/message/clear", 409, "no_message"),
    ("/api/v1/goto/id/no-such-item", 409, "unknown_item"),
    ("/api/v1/goto/0", 404, "no_such_item"),
    ("/api/v1/goto/999", 404, "no_such_item"),
    ("/api/v1/goto/two", 400, "bad_parameter"),
    ("/api/v1/add", 400, "missing_parameter"),
    ("/api/v1/add?seconds=abc", 400, "bad_parameter"),
    ("/api/v1/add?seconds=1.5", 400, "bad_parameter"),
    ("/api/v1/add?seconds=0", 400, "bad_parameter"),
    ("/api/v1/add?seconds=99999999", 400, "bad_parameter"),
    ("/api/v1/message?text=", 400, "bad_parameter"),
    ("/api/v1/message?text=" + "x" * 300, 400, "bad_parameter"),
    ("/api/v1/message?text=a%00b", 400, "bad_parameter"),
    ("/api/v1/blackout?on=maybe", 400, "bad_parameter"),
    ("/api/v1/replan", 409, "on_time"),
    ("/api/v1/auto-replan?on=maybe", 400, "bad_parameter"),
    ("/api/v1/launch-rockets", 404, "unknown_action"),
])
def test_every_refusal_is_a_non_2xx_json_answer_with_its_reason_and_changes_nothing(
        live: Served, path: str, status: int, reason: str) -> None:
    before = live.port.show.state.copy()
    answer = live.get(path, live.tokens.control)
    assert answer[0] == status and answer[1]["reason"] == reason and answer[1]["ok"] is False
    assert answer[1].get("message") or answer[1].get("params") is not None
    assert live.port.show.state == before


def test_status_says_what_a_stream_deck_button_shows(live: Served) -> None:
    control = live.tokens.control
    live.get("/api/v1/start", control)
    status, body = live.get("/api/v1/status", control)
    agenda = live.port.show.agenda
    assert status == 200
    assert body["title"] == agenda.items[0].title and body["state"] == "running"
    assert body["phase"] == "normal" and body["next_item_id"] == agenda.items[1].id
    assert 0 < body["remaining_seconds"] <= agenda.items[0].duration_ms / 1000
    assert {"over_under_seconds", "projected_end", "countdown"} <= set(body)


def test_a_remote_command_is_journaled_with_its_source(tmp_path: Path) -> None:
    with served(state_dir=tmp_path) as live:
        live.get("/api/v1/start", live.tokens.control)
        live.get("/api/v1/next", live.tokens.control)
    records = [json.loads(line) for line in (tmp_path / "journal.jsonl").read_text().splitlines()]
    commands = [record["command"] for record in records if "command" in record]
    assert {"action": "start", "source": "remote"} in commands and {"action": "next", "source": "remote"} in commands


# -- the WebSocket ------------------------------------------------------------


async def _receive(ws: aiohttp.ClientWebSocketResponse, kind: str, timeout: float = 5.0) -> dict[str, Any]:
    """The next message of ``kind`` (others are skipped), within ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        message = await ws.receive_json(timeout=max(0.01, deadline - time.monotonic()))
        if message["type"] == kind:
            return message  # type: ignore[no-any-return]


def _ws_url(live: Served, view: str, token: str) -> str:
    return live.base.replace("http", "ws") + f"/api/v1/ws?view={view}&token={token}"


def test_a_view_gets_its_frame_at_once_then_only_when_it_changes(live: Served) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as session, \
                session.ws_connect(_ws_url(live, "presenter", live.tokens.viewer)) as ws:
            hello = await _receive(ws, "hello")
            assert hello["access"] == "viewer"
            first = await _receive(ws, "frame")
            assert first["frame"]["stage"] == "welcome"
            await asyncio.to_thread(live.get, "/api/v1/start", live.tokens.control)
            started = await _receive(ws, "frame")
            assert started["frame"]["current"]["title"] == live.port.show.agenda.items[0].title
            assert started["frame"]["countdown"]["running"]
            for _ in range(3):  # the app publishes every second; a running countdown sends nothing new
                await asyncio.to_thread(live.port.publish_now)
                await asyncio.sleep(0.4)
            with pytest.raises(asyncio.TimeoutError):
                await _receive(ws, "frame", timeout=0.3)
            await asyncio.to_thread(live.get, "/api/v1/message?text=hello", live.tokens.control)
            assert (await _receive(ws, "frame"))["frame"]["message"] == "hello"
    asyncio.run(scenario())


def test_ping_answers_the_shows_time_of_day(live: Served) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as session, \
                session.ws_connect(_ws_url(live, "projector", live.tokens.viewer)) as ws:
            await ws.send_json({"type": "ping", "id": 7})
            pong = await _receive(ws, "pong")
            show = live.port.show
            assert pong["id"] == 7 and pong["speed"] == 1.0
            assert abs(pong["server_ms"] - show.tod_ms(show.now_ms())) < 200
    asyncio.run(scenario())


def test_the_remote_view_takes_commands_and_answers_each(live: Served) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as session, \
                session.ws_connect(_ws_url(live, "remote", live.tokens.control)) as ws:
            await ws.send_json({"type": "command", "id": 1, "action": "start"})
            seen: dict[str, dict[str, Any]] = {}
            while not {"outcome", "events"} <= set(seen):  # the events may come before the answer
                message = await ws.receive_json(timeout=5)
                seen[message["type"]] = message
            assert (seen["outcome"]["id"], seen["outcome"]["ok"], seen["outcome"]["effect"]) == (1, True, "started")
            assert any(event["kind"] == "item_started" for event in seen["events"]["events"])
            await ws.send_json({"type": "command", "id": 2, "action": "add", "params": {"seconds": "x"}})
            refused = await _receive(ws, "outcome")
            assert (refused["id"], refused["ok"], refused["reason"]) == (2, False, "bad_parameter")
    asyncio.run(scenario())
    assert live.port.show.snapshot().running


def test_no_viewer_ever_receives_a_note_the_schedule_or_an_operator_message() -> None:
    agenda = fallback_agenda()
    secret = dataclasses.replace(agenda, items=tuple(dataclasses.replace(item, note=f"{NOTE} {item.id}")
                                                     for item in agenda.items))
    received: dict[str, list[str]] = {view: [] for view in AUDIENCE_VIEWS}

    async def scenario(live: Served) -> None:
        async with aiohttp.ClientSession() as session:
            sockets = {view: await session.ws_connect(_ws_url(live, view, live.tokens.viewer))
                       for view in AUDIENCE_VIEWS}
            for path in ("start", "message?text=PRIVATE-TO-SPEAKER", "add?seconds=-240", "pause", "next",
                         "start", "flash", "blackout", "blackout", "goto/5", "next"):
                await asyncio.to_thread(live.get, f"/api/v1/{path}", live.tokens.control)
            await asyncio.sleep(0.3)
            for view, ws in sockets.items():
                while True:
                    try:
                        message = await ws.receive(timeout=0.2)
                    except asyncio.TimeoutError:
                        break
                    received[view].append(message.data)
                await ws.close()

    with served(Show(secret, SystemClock())) as live:
        asyncio.run(scenario(live))
    for view, messages in received.items():
        assert len(messages) >= 4, view
        text = "\n".join(messages)
        assert NOTE not in text and "over_under" not in text, view
        assert ("PRIVATE-TO-SPEAKER" in text) == (view == "presenter"), view
        assert '"type":"events"' not in text, view


def test_an_unknown_view_or_page_is_a_json_404(live: Served) -> None:
    assert live.get("/view/secret-notes")[0] == 404
    assert live.get("/api/v1/ws?view=control", live.tokens.control)[1]["reason"] == "unknown_view"


def test_a_show_command_still_goes_through_the_door_after_the_server_stops(live: Served) -> None:
    live.server.stop()
    assert live.port.submit(Command("start")).result(timeout=5).applied
