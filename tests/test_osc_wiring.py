"""OSC in the app: turned on in the Network window or with --osc, a real packet changes the show, feedback arrives.

Every wait is bounded (qtbot.waitUntil): the command crosses from the network
thread to the Qt thread and the feedback goes back out, so the Qt thread must
keep running while the test waits.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import ThreadingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from stagetimer.net import osc as net_osc
from stagetimer.net.links import (
    NETWORK_FILE,
    OSC_DEFAULT_PORT,
    OscRecord,
    ServeRecord,
    load_serve_record,
    save_serve_record,
)
from stagetimer.ui.app import AppParts
from tests.app_teardown import close_apps

WAIT_MS = 10_000


class Feedback:
    """A python-osc server on loopback standing in for Companion's OSC listener: keeps every message."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, tuple[Any, ...]]] = []
        dispatcher = Dispatcher()
        dispatcher.set_default_handler(lambda address, *args: self.messages.append((address, args)))
        self.server = ThreadingOSCUDPServer(("127.0.0.1", 0), dispatcher)
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def got(self, address: str) -> list[tuple[Any, ...]]:
        return [args for got, args in list(self.messages) if got == address]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feedback() -> Iterator[Feedback]:
    listener = Feedback()
    yield listener
    listener.close()


def _free_udp_port(kind: int = socket.SOCK_DGRAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _free_tcp_port() -> int:
    return _free_udp_port(socket.SOCK_STREAM)


def _send_next_and_see_it(qtbot, parts: AppParts, port: int) -> None:
    """A real OSC packet to /stagetimer/next: the show moves on, on the Qt thread, and Control says OSC did it."""
    assert parts.controller.snapshot.current is None  # the welcome screen
    client = SimpleUDPClient("127.0.0.1", port)
    try:
        client.send_message("/stagetimer/next", [])
        qtbot.waitUntil(lambda: parts.controller.snapshot.current is not None, timeout=WAIT_MS)
    finally:
        client.close()
    assert parts.controller.snapshot.current.id == "open"
    assert parts.control.notice().startswith("OSC: ")


def test_the_default_osc_port_is_the_servers(whole_app) -> None:
    assert OSC_DEFAULT_PORT == net_osc.DEFAULT_PORT == 9000
    parts = whole_app()
    assert not parts.serving.osc.on  # off until the stage manager turns it on
    window = parts.network_menu.open_window()
    assert not window.osc_check.isChecked() and window.osc_port_box.value() == 9000
    assert not window.osc_warning.isVisible()


def test_osc_on_from_the_window_takes_a_packet_sends_feedback_and_warns(qtbot, whole_app, feedback) -> None:
    parts = whole_app()
    window = parts.network_menu.open_window()
    port = _free_udp_port()
    window.port_box.setValue(_free_tcp_port())
    window.osc_check.setChecked(True)
    window.osc_port_box.setValue(port)
    window.osc_feedback_edit.setText(f"127.0.0.1:{feedback.port}")
    window.start_button.click()

    assert parts.serving.running and parts.serving.osc_address is not None
    assert parts.serving.osc_address.port == port and parts.serving.osc_address.host == "127.0.0.1"
    assert window.osc_warning.isVisible() and "암호" in window.osc_warning.text()
    assert f"127.0.0.1:{feedback.port}" in window.osc_warning.text()
    assert not window.osc_port_box.isEnabled() and not window.osc_check.isEnabled()  # locked while serving
    where = parts.network_menu.where_action.text()
    assert f"OSC UDP 127.0.0.1:{port}" in where and "암호 없음" in where
    assert f"OSC UDP 127.0.0.1:{port} (암호 없음)" in parts.control.notice()

    _send_next_and_see_it(qtbot, parts, port)

    def answered() -> bool:
        parts.controller.publish()  # what the display tick does
        return ("next",) in feedback.got("/stagetimer/ok") and bool(feedback.got("/stagetimer/title"))

    qtbot.waitUntil(answered, timeout=WAIT_MS)
    assert feedback.got("/stagetimer/phase")

    record = load_serve_record(parts.state_dir).osc
    assert record == OscRecord(True, port, None, "127.0.0.1", feedback.port)

    window.start_button.click()  # stop: OSC goes with the server, and is remembered as chosen
    assert parts.serving.osc_address is None and not window.osc_warning.isVisible()
    assert load_serve_record(parts.state_dir).osc.on


def test_a_feedback_target_that_is_not_host_port_is_said_before_anything_starts(whole_app) -> None:
    parts = whole_app()
    window = parts.network_menu.open_window()
    window.osc_check.setChecked(True)
    window.osc_feedback_edit.setText("companion.local")
    window.start_button.click()
    assert not parts.serving.running
    assert "OSC 피드백" in window.status.text()


def test_osc_on_from_the_command_line_is_remembered_across_a_restart(qtbot, whole_app, feedback, qapp) -> None:
    first = whole_app(serve=("127.0.0.1", 0), osc=(None, 0), osc_feedback=("127.0.0.1", feedback.port))
    address = first.serving.osc_address
    assert address is not None and address.host == "127.0.0.1"  # where HTTP listens
    assert any(note.startswith(f"OSC on UDP 127.0.0.1:{address.port}") and "no password" in note
               for note in first.notes)
    _send_next_and_see_it(qtbot, first, address.port)
    qtbot.waitUntil(lambda: ("next",) in feedback.got("/stagetimer/ok"), timeout=WAIT_MS)
    first.serving.shut_down()  # the app closes while serving
    close_apps(qapp, first)

    second = whole_app()  # no options: as the show last ran
    again = second.serving.osc_address
    assert again is not None and again.port == address.port  # the port it was given, not 0 again
    assert second.serving.osc_feedback is not None and second.serving.osc_feedback.port == feedback.port
    window = second.network_menu.open_window()
    assert window.osc_check.isChecked() and window.osc_warning.isVisible()


def test_osc_alone_serves_too_and_osc_off_turns_a_remembered_osc_off(whole_app, qapp, tmp_path) -> None:
    http, udp = _free_tcp_port(), _free_udp_port()
    save_serve_record(tmp_path / "state", ServeRecord("127.0.0.1", http, False))
    first = whole_app(osc=("127.0.0.1", udp))
    assert first.serving.running and first.serving.port == http  # where the show last served
    assert first.serving.osc_address is not None and first.serving.osc_address.port == udp
    assert first.serving.osc_feedback is None  # none asked for
    first.serving.shut_down()
    close_apps(qapp, first)

    second = whole_app(osc="off")
    assert second.serving.running and second.serving.osc_address is None
    assert not load_serve_record(second.state_dir).osc.on
    assert load_serve_record(second.state_dir).osc.port == udp  # kept for the next time it is turned on


def test_an_osc_port_in_use_is_said_in_korean_and_the_views_stay_served(whole_app) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        parts = whole_app(serve=("127.0.0.1", 0), osc=(None, port))
        window = parts.network_menu.open_window()

        assert parts.serving.running and parts.serving.osc_address is None  # HTTP serves without OSC
        assert parts.serving.osc_error_kind == "in_use"
        assert "already in use" in parts.serving.osc_error
        assert window.osc_warning.isVisible()
        assert f"UDP 포트 {port}" in window.osc_warning.text() and "다른 프로그램" in window.osc_warning.text()
        assert "OSC 꺼짐" in parts.control.notice()
        assert any(note.startswith("OSC is not on: ") for note in parts.notes)
        assert parts.controller.timer.isActive()  # the show goes on
        assert load_serve_record(parts.state_dir).osc.on  # still asked for: tried again next start


def test_a_network_file_from_before_osc_still_loads(tmp_path: Path) -> None:
    (tmp_path / NETWORK_FILE).write_text(json.dumps({"host": "0.0.0.0", "port": 8181, "serving": True}))
    assert load_serve_record(tmp_path) == ServeRecord("0.0.0.0", 8181, True, OscRecord())


@pytest.mark.parametrize("damaged", [{"on": True, "port": "9000"}, {"on": True, "port": 70000}, "on", [1],
                                     {"on": True, "host": 5}])
def test_a_damaged_osc_part_turns_osc_off_and_keeps_the_rest(tmp_path: Path, damaged: object) -> None:
    (tmp_path / NETWORK_FILE).write_text(json.dumps({"host": "127.0.0.1", "port": 8181, "serving": True,
                                                     "osc": damaged}))
    record = load_serve_record(tmp_path)
    assert record.port == 8181 and record.serving and record.osc == OscRecord()


def test_the_record_round_trips(tmp_path: Path) -> None:
    record = ServeRecord("192.168.0.10", 8080, True, OscRecord(True, 9100, "127.0.0.1", "192.168.0.20", 12321))
    save_serve_record(tmp_path, record)
    assert load_serve_record(tmp_path) == record
