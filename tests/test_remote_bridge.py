"""A command over HTTP reaches the show exactly as a key press does: on the Qt thread, journaled, undoable, said.

The real app (build_app) serves on 127.0.0.1 on a port picked at run time;
every request is made from a worker thread (tests/network_app.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.journal import JOURNAL_NAME
from stagetimer.ui.app import AppParts, build_app
from stagetimer.ui.remote_link import RemoteLink
from tests.app_teardown import close_apps
from tests.network_app import NINE, korean_agenda, options, request

WAIT_MS = 10_000


@pytest.fixture
def served(qapp: QApplication, tmp_path: Path) -> Iterator[AppParts]:
    """The Korean app serving on loopback, port chosen by the system."""
    settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
    parts = build_app(tmp_path / "agenda.yaml", korean_agenda(), options(serve=("127.0.0.1", 0)), settings=settings,
                      clock=FakeClock(NINE), state_dir=tmp_path / "state")
    assert parts.serving.running, parts.serving.error
    yield parts
    close_apps(qapp, parts)


def _url(parts: AppParts, path: str, token: str | None = None) -> str:
    token = parts.serving.tokens.control if token is None else token
    return f"http://127.0.0.1:{parts.serving.port}{path}?token={token}"


def _answer(qtbot, future):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(future.done, timeout=WAIT_MS)
    return future.result()


def test_a_remote_next_is_applied_on_the_qt_thread_journaled_said_and_undone_with_ctrl_z(qtbot, served) -> None:
    applied_on: list[threading.Thread] = []
    served.controller.command_answered.connect(lambda _outcome: applied_on.append(threading.current_thread()))

    status, body = _answer(qtbot, request(_url(served, "/api/v1/next"), "POST"))

    assert status == 200 and body["ok"] and body["source"] == "remote"
    assert applied_on == [threading.main_thread()]
    assert served.controller.snapshot.current is not None and served.controller.snapshot.current.id == "open"
    assert served.control.notice().startswith("원격: ")
    records = (served.state_dir / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    assert any(json.loads(line).get("command", {}).get("source") == "remote" for line in records if "next" in line)

    qtbot.keyClick(served.control, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert served.controller.snapshot.current is None  # back to the welcome screen
    assert not served.control.notice().startswith("원격")  # the undo was this computer's


def test_a_refusal_comes_back_as_409_with_its_reason_and_is_said_in_control(qtbot, served) -> None:
    status, body = _answer(qtbot, request(_url(served, "/api/v1/previous")))

    assert status == 409
    assert body["ok"] is False and body["reason"] == "no_previous"
    assert served.control.notice().startswith("원격: ")


def test_the_viewer_token_cannot_command_and_nothing_reaches_the_show(qtbot, served) -> None:
    answered: list[object] = []
    served.controller.command_answered.connect(answered.append)

    status, body = _answer(qtbot, request(_url(served, "/api/v1/next", served.serving.tokens.viewer)))

    assert status == 403 and body["reason"] == "forbidden"
    assert answered == [] and served.controller.snapshot.current is None


def test_the_status_is_read_on_the_qt_thread(qtbot, served) -> None:
    status, body = _answer(qtbot, request(_url(served, "/api/v1/status")))

    assert status == 200 and body["ok"] and body["state"] == "not started"


def test_a_command_whose_caller_gave_up_is_not_applied(qtbot, rig) -> None:
    link = RemoteLink(rig.controller)
    future = link.submit(Command("next", source="remote"))
    future.cancel()  # the API answered 503 "show busy": applying it later as well would do it twice
    qtbot.wait(50)
    assert rig.snap.current is None


def test_a_command_that_fails_inside_the_door_answers_internal_error_and_the_show_goes_on(qtbot, rig,
                                                                                        monkeypatch) -> None:
    link = RemoteLink(rig.controller)
    monkeypatch.setattr(rig.demo.show, "apply", lambda command: 1 / 0)
    future = link.submit(Command("next", source="remote"))
    qtbot.waitUntil(future.done, timeout=WAIT_MS)
    outcome = future.result()
    assert not outcome.applied and outcome.reason == "internal_error"
    assert rig.window.notice().startswith("Remote: ")


def test_osc_commands_are_said_as_osc(rig) -> None:
    rig.controller.apply(Command("next", source="osc"))
    assert rig.window.notice().startswith("OSC: ")
