"""The Network menu and window: serving on and off, remembered per show, links, counts, failures, new tokens."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
from PySide6.QtWidgets import QApplication, QMessageBox

from stagetimer.net.links import NETWORK_FILE, load_serve_record
from tests.app_teardown import close_apps
from tests.network_app import POOL

WAIT_MS = 10_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serving_is_off_by_default_and_the_menu_turns_it_on_and_off(whole_app) -> None:
    parts = whole_app()
    menu = parts.network_menu
    assert not parts.serving.running and not menu.serve_action.isChecked()
    assert menu.title() == "네트워크(&N)"

    parts.serving.record = parts.serving.record.__class__("127.0.0.1", _free_port(), False)
    menu.serve_action.trigger()
    assert parts.serving.running and menu.serve_action.isChecked()
    assert "서비스 중" in parts.control.notice()
    assert load_serve_record(parts.state_dir).serving  # remembered for the next start

    menu.serve_action.trigger()
    assert not parts.serving.running and not menu.serve_action.isChecked()
    assert not load_serve_record(parts.state_dir).serving


def test_a_show_that_was_serving_serves_again_after_a_restart(whole_app, qapp) -> None:
    first = whole_app()
    port = _free_port()
    assert first.serving.start("127.0.0.1", port)
    first.serving.shut_down()  # the app closes (or crashes) while serving
    close_apps(qapp, first)

    second = whole_app()
    assert second.serving.running and second.serving.port == port


def test_a_port_in_use_is_said_in_korean_and_the_show_goes_on(whole_app) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        parts = whole_app(serve=("127.0.0.1", port))
        window = parts.network_menu.open_window()

        assert not parts.serving.running
        assert f"포트 {port}" in window.status.text() and "다른 프로그램" in window.status.text()
        assert "다른 프로그램" in parts.control.notice()
        assert any("already in use" in note for note in parts.notes)
        assert parts.controller.timer.isActive()  # the display clock never noticed


def test_the_window_shows_each_views_link_with_the_right_token_and_the_connected_count(qtbot, whole_app) -> None:
    parts = whole_app(serve=("127.0.0.1", 0))
    window = parts.network_menu.open_window()
    tokens = parts.serving.tokens
    cards = window.cards
    assert set(cards) == {"presenter", "projector", "backstage", "agenda", "remote", "companion"}
    for name in ("presenter", "projector", "backstage", "agenda"):
        assert cards[name].url.endswith(f"/view/{name}?token={tokens.viewer}")
        assert tokens.control not in cards[name].url
    assert cards["remote"].url.endswith(f"?token={tokens.control}")
    assert not cards["presenter"].qr.pixmap().isNull()
    assert cards["presenter"].clients.text() == "0대 접속"

    url = f"ws://127.0.0.1:{parts.serving.port}/api/v1/ws?view=projector&token={tokens.viewer}"
    stop = asyncio.Event()

    async def watch() -> None:
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
            while not stop.is_set():
                try:
                    await asyncio.wait_for(ws.receive(), 0.1)
                except asyncio.TimeoutError:
                    continue

    loop = asyncio.new_event_loop()
    client = POOL.submit(loop.run_until_complete, watch())
    try:
        def counted() -> bool:
            parts.controller.publish()  # what the display tick does once a second
            return cards["projector"].clients.text() == "1대 접속"

        qtbot.waitUntil(counted, timeout=WAIT_MS)
    finally:
        loop.call_soon_threadsafe(stop.set)
        client.result(timeout=10)
        loop.close()


def test_copy_puts_the_link_on_the_clipboard(whole_app) -> None:
    parts = whole_app(serve=("127.0.0.1", 0))
    card = parts.network_menu.open_window().cards["agenda"]
    card.copy_button.click()
    assert QApplication.clipboard().text() == card.url


def test_new_tokens_are_asked_for_first_then_every_link_changes(qtbot, whole_app) -> None:
    parts = whole_app(serve=("127.0.0.1", 0))
    window = parts.network_menu.open_window()
    old = parts.serving.tokens

    window.ask_new_tokens().done(QMessageBox.StandardButton.No)
    assert parts.serving.tokens == old

    window.ask_new_tokens().done(QMessageBox.StandardButton.Yes)
    new = parts.serving.tokens
    assert new.viewer != old.viewer and new.control != old.control
    assert window.cards["presenter"].url.endswith(new.viewer)
    assert parts.serving.server is not None and parts.serving.server.tokens == new


def test_start_and_stop_from_the_window_on_the_chosen_port(whole_app) -> None:
    parts = whole_app()
    window = parts.network_menu.open_window()
    port = _free_port()
    window.port_box.setValue(port)
    window.start_button.click()
    assert parts.serving.running and parts.serving.port == port and parts.serving.host == "127.0.0.1"
    assert not window.port_box.isEnabled()
    window.start_button.click()
    assert not parts.serving.running and window.port_box.isEnabled()
    assert (parts.state_dir / NETWORK_FILE).is_file()


def test_the_osc_warning_has_its_place(whole_app) -> None:
    window = whole_app().network_menu.open_window()
    window.show_osc(9000)
    assert window.osc_warning.isVisible() and "암호" in window.osc_warning.text()
    window.show_osc(None)
    assert not window.osc_warning.isVisible()
