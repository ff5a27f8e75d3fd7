"""OSC in and out against a served show: real packets over loopback, ports picked at run time, bounded waits."""

from __future__ import annotations

import json
import logging
import queue
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import ThreadingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME
from stagetimer.core.show.session import Session
from stagetimer.core.show.show import Show
from stagetimer.net.actions import BadRequest
from stagetimer.net.osc import OscSettings, osc_params
from stagetimer.net.server import NetServer, ServerError
from stagetimer.net.tokens import Tokens
from tests.net_rig import ThreadPort
from tests.snapshots_factory import fallback_agenda

#: The longest any one packet or answer may take on loopback.
WAIT_S = 5.0

Message = tuple[str, tuple[Any, ...]]


class Listener:
    """A feedback target: a python-osc server on loopback that keeps every message it gets."""

    def __init__(self) -> None:
        self.messages: queue.Queue[Message] = queue.Queue()
        dispatcher = Dispatcher()
        dispatcher.set_default_handler(lambda address, *args: self.messages.put((address, args)))
        self.server = ThreadingOSCUDPServer(("127.0.0.1", 0), dispatcher)
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def expect(self, address: str, *args: Any) -> tuple[Any, ...]:
        """The next message to ``address`` (whose first arguments are ``args``, when given); others are skipped."""
        return self.until(address, *args)[-1][1]

    def until(self, address: str, *args: Any) -> list[Message]:
        """Every message up to and including the next one to ``address`` (starting with ``args``)."""
        deadline = time.monotonic() + WAIT_S
        seen: list[Message] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                got, values = self.messages.get(timeout=left)
            except queue.Empty:
                break
            seen.append((got, values))
            if got == address and values[:len(args)] == args:
                return seen
        raise AssertionError(f"no {address} {args} within {WAIT_S} s; got {seen}")

    def drain(self) -> list[Message]:
        time.sleep(0.2)  # what is on its way arrives
        found = []
        while not self.messages.empty():
            found.append(self.messages.get())
        return found

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class OscShow:
    server: NetServer
    port: ThreadPort
    feedback: Listener
    client: SimpleUDPClient

    @property
    def show(self) -> Show:
        return self.port.show

    def send(self, address: str, *args: Any) -> None:
        self.client.send_message(address, list(args))

    def sent_by_osc(self) -> list[Command]:
        return [command for command in self.port.applied if command.source == "osc"]


@contextmanager
def osc_show(clock: FakeClock | None = None, feedback: bool = True, state_dir: Path | None = None) -> Iterator[OscShow]:
    """The bundled day served with OSC on a free loopback port, its feedback to a listener of ours."""
    show = Show(fallback_agenda(), clock or FakeClock())
    listener = Listener()
    port = ThreadPort(show, state_dir)
    settings = OscSettings(port=0, feedback_port=listener.port if feedback else None)
    server = NetServer(port, Tokens.new(), show.clock, port=0, osc=settings)
    port.server = server
    server.start()
    port.publish_now()  # the first frames
    address = server.osc_address
    assert address is not None
    client = SimpleUDPClient("127.0.0.1", address.port)
    try:
        yield OscShow(server, port, listener, client)
    finally:
        client.close()
        server.stop()
        port.close()
        listener.close()
        if isinstance(port.door, Session):
            port.door.close()


@pytest.fixture
def served_osc() -> Iterator[OscShow]:
    with osc_show() as served:
        yield served


# -- in -----------------------------------------------------------------------


def test_a_start_over_osc_goes_through_the_door_as_osc(served_osc: OscShow) -> None:
    served_osc.send("/stagetimer/start")
    assert served_osc.feedback.expect("/stagetimer/ok") == ("start",)
    assert served_osc.show.snapshot().running
    assert [(c.action, c.source) for c in served_osc.sent_by_osc()] == [("start", "osc")]
    assert served_osc.show.snapshot().can_undo  # journaled like a key: undoable


def test_an_osc_command_is_journaled_with_its_source(tmp_path: Path) -> None:
    with osc_show(state_dir=tmp_path) as served:
        served.send("/stagetimer/start")
        served.feedback.expect("/stagetimer/ok", "start")
        served.send("/stagetimer/add", -60)
        served.feedback.expect("/stagetimer/ok", "add")
    records = [json.loads(line) for line in (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()]
    commands = [record["command"] for record in records if "command" in record]
    assert {"action": "start", "source": "osc"} in commands
    assert {"action": "add_time", "value": -60_000, "source": "osc"} in commands


@pytest.mark.parametrize(("address", "args", "command"), [
    ("/stagetimer/toggle", (), Command("toggle", source="osc")),
    ("/stagetimer/next", (), Command("next", source="osc")),
    ("/stagetimer/goto", (3,), Command("goto", "sandbox-report", source="osc")),
    ("/stagetimer/goto", (3.0,), Command("goto", "sandbox-report", source="osc")),
    ("/stagetimer/goto", ("3",), Command("goto", "sandbox-report", source="osc")),  # digits that are no id
    ("/stagetimer/goto", ("sandbox-report",), Command("goto", "sandbox-report", source="osc")),
    ("/stagetimer/add", (60,), Command("add_time", 60_000, source="osc")),
    ("/stagetimer/add", (-60.0,), Command("add_time", -60_000, source="osc")),
    ("/stagetimer/add", ("-60",), Command("add_time", -60_000, source="osc")),
    ("/stagetimer/message", ("마무리해 주세요",), Command("message", "마무리해 주세요", source="osc")),
    ("/stagetimer/blackout", (), Command("blackout", source="osc")),
    ("/stagetimer/blackout", (True,), Command("blackout_on", source="osc")),
    ("/stagetimer/blackout", (False,), Command("blackout_off", source="osc")),
    ("/stagetimer/blackout", (1,), Command("blackout_on", source="osc")),
    ("/stagetimer/blackout", (0.0,), Command("blackout_off", source="osc")),
    ("/stagetimer/blackout", ("true",), Command("blackout_on", source="osc")),
    ("/stagetimer/flash", (), Command("flash", source="osc")),
])
def test_each_address_and_argument_type_makes_its_command(served_osc: OscShow, address: str, args: tuple[Any, ...],
                                                          command: Command) -> None:
    served_osc.send("/stagetimer/start")
    served_osc.feedback.expect("/stagetimer/ok", "start")
    served_osc.send(address, *args)
    served_osc.feedback.expect("/stagetimer/ok", address.removeprefix("/stagetimer/"))
    assert served_osc.sent_by_osc()[-1] == command


def test_a_day_of_osc_changes_the_show(served_osc: OscShow) -> None:
    send, ok = served_osc.send, served_osc.feedback.expect
    send("/stagetimer/start")
    ok("/stagetimer/ok", "start")
    send("/stagetimer/add", 60)
    ok("/stagetimer/ok", "add")
    snap = served_osc.show.snapshot()
    assert snap.allotted_ms == snap.current.planned_duration_ms + 60_000  # type: ignore[union-attr]
    send("/stagetimer/message", "1분 남았습니다")
    ok("/stagetimer/ok", "message")
    assert served_osc.show.snapshot().message == "1분 남았습니다"
    send("/stagetimer/message/clear")
    ok("/stagetimer/ok", "message/clear")
    assert served_osc.show.snapshot().message == ""
    send("/stagetimer/blackout", 1)
    ok("/stagetimer/ok", "blackout")
    assert served_osc.show.snapshot().blackout
    send("/stagetimer/pause")
    ok("/stagetimer/ok", "pause")
    assert served_osc.show.snapshot().paused
    send("/stagetimer/next")
    ok("/stagetimer/ok", "next")
    assert served_osc.show.snapshot().current.index == 1  # type: ignore[union-attr]
    send("/stagetimer/undo")
    ok("/stagetimer/ok", "undo")
    assert served_osc.show.snapshot().current.index == 0  # type: ignore[union-attr]
    send("/stagetimer/reset")
    ok("/stagetimer/ok", "reset")
    send("/stagetimer/goto", 5)
    ok("/stagetimer/ok", "goto")
    assert served_osc.show.snapshot().current.index == 4  # type: ignore[union-attr]


@pytest.mark.parametrize(("address", "args", "reason"), [
    ("/stagetimer/nope", (), "unknown_address"),
    ("/stagetimer/*", (), "unknown_address"),  # a pattern presses no button, let alone all of them
    ("/stagetimer/{start,next}", (), "unknown_address"),
    ("/ontime/start", (), "unknown_address"),
    ("/stagetimer/start", (3,), "bad_argument"),  # Ontime's #1255: answered, not silently ignored
    ("/stagetimer/next", (1.0,), "bad_argument"),
    ("/stagetimer/add", (), "bad_argument"),
    ("/stagetimer/add", (1.5,), "bad_argument"),
    ("/stagetimer/add", (0,), "bad_argument"),
    ("/stagetimer/add", (True,), "bad_argument"),
    ("/stagetimer/add", ("a minute",), "bad_argument"),
    ("/stagetimer/add", (60, 1), "bad_argument"),
    ("/stagetimer/goto", (99,), "no_such_item"),
    ("/stagetimer/goto", (0,), "no_such_item"),
    ("/stagetimer/goto", (True,), "bad_argument"),
    ("/stagetimer/message", (5,), "bad_argument"),
    ("/stagetimer/message", ("   ",), "bad_argument"),
    ("/stagetimer/message", ("x" * 201,), "bad_argument"),
    ("/stagetimer/blackout", (2,), "bad_argument"),
    ("/stagetimer/blackout", ("maybe",), "bad_argument"),
])
def test_a_bad_address_or_argument_changes_nothing_and_says_why(served_osc: OscShow, address: str,
                                                                args: tuple[Any, ...], reason: str,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    before = served_osc.show.snapshot()
    applied = len(served_osc.port.applied)
    with caplog.at_level(logging.WARNING, logger="stagetimer.net.osc"):
        served_osc.send(address, *args)
        _, message = served_osc.feedback.expect("/stagetimer/error", reason)
    assert address in message
    assert len(served_osc.port.applied) == applied  # it never reached the door
    after = served_osc.show.snapshot()
    assert (after.current, after.running, after.message, after.blackout, after.allotted_ms) == \
           (before.current, before.running, before.message, before.blackout, before.allotted_ms)
    assert any(reason in record.getMessage() and address in record.getMessage() for record in caplog.records)


def test_a_refusal_by_the_show_is_answered_with_its_reason(served_osc: OscShow) -> None:
    served_osc.send("/stagetimer/start")
    served_osc.feedback.expect("/stagetimer/ok", "start")
    served_osc.send("/stagetimer/previous")  # the first item has none
    _, message = served_osc.feedback.expect("/stagetimer/error", "no_previous")
    assert "/stagetimer/previous" in message


def test_a_packet_that_is_not_osc_is_answered(served_osc: OscShow) -> None:
    address = served_osc.server.osc_address
    assert address is not None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(b"not osc at all", ("127.0.0.1", address.port))
    served_osc.feedback.expect("/stagetimer/error", "bad_packet")
    served_osc.send("/stagetimer/start")  # and the port still works
    served_osc.feedback.expect("/stagetimer/ok", "start")


def test_own_feedback_arriving_is_not_answered(served_osc: OscShow, caplog: pytest.LogCaptureFixture) -> None:
    """Feedback pointed at the OSC port by mistake must not answer itself for ever."""
    with caplog.at_level(logging.WARNING, logger="stagetimer.net.osc"):
        served_osc.send("/stagetimer/error", "x", "y")
        served_osc.send("/stagetimer/refresh")  # a marker that the first was handled
        served_osc.feedback.expect("/stagetimer/ok", "refresh")
    assert not [m for m in served_osc.feedback.drain() if m[0] == "/stagetimer/error"]
    assert any("own feedback" in record.getMessage() for record in caplog.records)


def test_without_feedback_a_bad_message_is_still_logged(caplog: pytest.LogCaptureFixture) -> None:
    with osc_show(feedback=False) as served, caplog.at_level(logging.WARNING, logger="stagetimer.net.osc"):
        served.send("/stagetimer/start", 3)
        deadline = time.monotonic() + WAIT_S
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.02)
        assert served.server.osc_feedback is None
    assert any("bad_argument" in record.getMessage() for record in caplog.records)
    assert not served.sent_by_osc()


# -- out ----------------------------------------------------------------------


def test_feedback_after_a_start(served_osc: OscShow) -> None:
    served_osc.send("/stagetimer/start")
    expect = served_osc.feedback.expect
    assert expect("/stagetimer/remaining", 300) == (300,)  # the opening remarks: 5 minutes
    assert expect("/stagetimer/countdown") == ("5:00",)
    assert expect("/stagetimer/phase") == ("normal",)
    assert expect("/stagetimer/title") == ("개회사",)
    assert expect("/stagetimer/next") == ("축사",)
    assert expect("/stagetimer/state") == ("running",)
    assert isinstance(expect("/stagetimer/over_under")[0], int)
    expect("/stagetimer/ok", "start")


def test_the_countdown_is_sent_at_each_flip_and_only_then() -> None:
    clock = FakeClock()
    with osc_show(clock) as served:
        served.send("/stagetimer/start")
        served.feedback.expect("/stagetimer/ok", "start")
        served.feedback.drain()
        clock.advance(400)
        served.port.publish()  # the same countdown text: nothing to say
        assert not [m for m in served.feedback.drain() if m[0] in ("/stagetimer/remaining", "/stagetimer/countdown")]
        clock.advance(600)
        served.port.publish()
        served.feedback.expect("/stagetimer/remaining", 299)
        served.feedback.expect("/stagetimer/countdown", "4:59")
        clock.advance(5 * 60_000)
        served.port.publish()
        served.feedback.expect("/stagetimer/remaining", -1)  # overtime counts up
        served.feedback.expect("/stagetimer/countdown", "+0:01")
        served.feedback.expect("/stagetimer/phase", "overtime")


def test_refresh_sends_every_value_again(served_osc: OscShow) -> None:
    served_osc.feedback.drain()
    served_osc.send("/stagetimer/refresh")
    names = [address for address, _ in served_osc.feedback.until("/stagetimer/ok", "refresh")]
    assert names == ["/stagetimer/remaining", "/stagetimer/countdown", "/stagetimer/phase", "/stagetimer/title",
                     "/stagetimer/next", "/stagetimer/state", "/stagetimer/over_under", "/stagetimer/ok"]


# -- settings and the port ---------------------------------------------------------


def test_osc_is_off_unless_asked_for() -> None:
    show = Show(fallback_agenda(), FakeClock())
    port = ThreadPort(show)
    server = NetServer(port, Tokens.new(), show.clock, port=0)
    server.start()
    try:
        assert server.osc_address is None
        assert server.osc_feedback is None
    finally:
        server.stop()
        port.close()


def test_a_taken_osc_port_is_one_sentence_and_frees_the_http_port() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        busy = taken.getsockname()[1]
        show = Show(fallback_agenda(), FakeClock())
        port = ThreadPort(show)
        server = NetServer(port, Tokens.new(), show.clock, port=0, osc=OscSettings(port=busy))
        try:
            with pytest.raises(ServerError, match=f"OSC port {busy} on 127.0.0.1 is already in use"):
                server.start()
            assert not server.running
        finally:
            port.close()


def test_an_unknown_feedback_host_is_one_sentence() -> None:
    show = Show(fallback_agenda(), FakeClock())
    port = ThreadPort(show)
    server = NetServer(port, Tokens.new(), show.clock, port=0,
                       osc=OscSettings(port=0, feedback_host="no-such-host.invalid", feedback_port=9001))
    try:
        with pytest.raises(ServerError, match=re.escape("feedback host 'no-such-host.invalid' is not known")):
            server.start()
    finally:
        port.close()


@pytest.mark.parametrize("settings", [
    {"port": 70000}, {"port": -1}, {"feedback_host": "127.0.0.1"}, {"feedback_port": 0},
])
def test_settings_out_of_range_are_refused(settings: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="OSC"):
        OscSettings(**settings)


def test_feedback_goes_to_loopback_when_only_its_port_is_given() -> None:
    assert OscSettings(feedback_port=9001).feedback == ("127.0.0.1", 9001)
    assert OscSettings().feedback is None


def test_arguments_become_the_text_parameters_of_the_action_table() -> None:
    items = Show(fallback_agenda(), FakeClock()).snapshot().items
    assert osc_params("add", [60], items) == {"seconds": "60"}
    assert osc_params("add", [-120.0], items) == {"seconds": "-120"}
    assert osc_params("goto", [2], items) == {"n": "2"}
    assert osc_params("goto", [items[1].id], items) == {"id": items[1].id}
    assert osc_params("blackout", [True], items) == {"on": "1"}
    assert osc_params("blackout", [], items) == {}
    assert osc_params("message", ["hi"], items) == {"text": "hi"}
    assert osc_params("replan", [], items) == {}
    assert osc_params("auto-replan", [False], items) == {"on": "0"}
    assert osc_params("auto-replan", [], items) == {}  # toggle, as Shift+A
    for action, args in [("add", [float("nan")]), ("add", [float("inf")]), ("add", [b"\x00"]), ("start", [None]),
                         ("replan", [1])]:
        with pytest.raises(BadRequest):
            osc_params(action, args, items)
