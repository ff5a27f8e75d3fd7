"""The browser views in a real Chromium, against a real show served on loopback.

What a person would see: the title, the countdown reading what the show
reads, the phase colours, the message on the lectern and never on the
projector, the agenda, the remote's buttons acting on the show, the sentence
for a bad link, and the clock counting through a lost connection.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stagetimer.core.agenda.model import DEFAULT_CUES, PerPhase
from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import MS_PER_H, format_countdown, format_tod
from stagetimer.net.server import STATIC_DIR, NetServer
from tests.browser_rig import (
    browser_missing,
    colour_of,
    make_driver,
    open_view,
    page_text,
    set_viewport,
    text_of,
    wait_js,
    wait_until,
)
from tests.net_rig import Served, served
from tests.snapshots_factory import fallback_agenda

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=browser_missing() or "")

WHITE, AMBER, RED = "rgb(244, 245, 247)", "rgb(255, 176, 32)", "rgb(255, 59, 48)"
ACCESS_KO = "접속 키가 없거나 만료되었습니다"
ACCESS_EN = "access key is missing or out of date"


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    chrome = make_driver()
    set_viewport(chrome, 1280, 720)
    try:
        yield chrome
    finally:
        chrome.quit()


@pytest.fixture
def show() -> Iterator[Served]:
    with served() as s:
        yield s


def do(s: Served, action: str, value: Any = None) -> Any:
    return s.port.submit(Command(action, value)).result(timeout=5)


def on_show(s: Served, read: Any) -> Any:
    """Read the show on its own thread (as the app's Qt thread would)."""
    return s.port._thread.submit(lambda: read(s.port.show)).result(timeout=5)


def remaining_ms(s: Served) -> int:
    return int(on_show(s, lambda show: show.snapshot().remaining_ms))


def test_the_page_formats_every_countdown_as_python_does(driver: Any, show: Served) -> None:
    open_view(driver, show, "presenter")
    values: list[int] = []
    for second in range(-4000, 4001, 7):
        values.extend((second * 1000 - 1, second * 1000, second * 1000 + 1, second * 1000 + 500))
    for hours in range(0, 4):
        for base in (hours * MS_PER_H, -hours * MS_PER_H, hours * MS_PER_H + 59 * 60_000 + 59_000):
            values.extend(base + delta for delta in (-1001, -1000, -999, -1, 0, 1, 999, 1000, 1001))
    values.extend((-4_000_000, 4_000_000, -1, 0, 1, -999, -1000, -1001, 999, 1000, 1001, 3_599_999, 3_600_000,
                   3_600_001, -3_599_001, -3_600_000))
    shown = driver.execute_script("return arguments[0].map(StageTimer.formatCountdown)", values)
    wrong = [(v, s, format_countdown(v)) for v, s in zip(values, shown, strict=True) if s != format_countdown(v)]
    assert not wrong, wrong[:10]
    tods = [0, 59_999, 60_000, 36_000_000, 86_399_999, 86_400_000, 90_000_000, -60_000]
    shown_tods = driver.execute_script("return arguments[0].map(StageTimer.formatTod)", tods)
    assert shown_tods == [format_tod(t) for t in tods]


def test_presenter_shows_the_title_and_the_shows_countdown(driver: Any, show: Served) -> None:
    do(show, "start")
    open_view(driver, show, "presenter")
    wait_js(driver, "return document.getElementById('title').textContent === '개회사'")
    assert driver.execute_script("return document.documentElement.lang") == "ko"
    for _ in range(3):
        before = remaining_ms(show)
        text = text_of(driver, "digits")
        after = remaining_ms(show)
        # The page flips by its own clock, a few ms after the show's boundary (benchmarks/browser_flip.py):
        # read just after one, it may still show the second before. More than 100 ms behind is a fault.
        assert text in {format_countdown(before + 100), format_countdown(before), format_countdown(after)}, (
            text, before, after)
        time.sleep(0.35)
    assert "축사" in text_of(driver, "next-text")
    assert colour_of(driver, "#digits") == WHITE
    # The time of day is the show's.
    tod = on_show(show, lambda s: s.snapshot().time_of_day_ms)
    assert text_of(driver, "tod") in {format_tod(tod), format_tod(tod + 60_000)}


def test_the_digits_change_colour_with_the_phase(driver: Any, show: Served) -> None:
    do(show, "start")
    open_view(driver, show, "presenter")
    wait_js(driver, f"return getComputedStyle(document.getElementById('digits')).color === '{WHITE}'")
    do(show, "add_time", -200_000)  # 5:00 → under 2:00: warning
    wait_js(driver, f"return getComputedStyle(document.getElementById('digits')).color === '{AMBER}'", 5)
    do(show, "add_time", -60_000)  # under 1:00: danger
    wait_js(driver, f"return getComputedStyle(document.getElementById('digits')).color === '{RED}'", 5)
    assert driver.execute_script("return StageTimer.reading().phase") == "danger"
    left = remaining_ms(show)
    do(show, "add_time", -(left // 1000 - 1) * 1000)  # about a second left: overtime by the page's own clock
    wait_js(driver, "return StageTimer.reading().phase === 'overtime' && "
                    "document.getElementById('digits').textContent.charAt(0) === '+'", 6)
    assert colour_of(driver, "#digits") == RED
    assert text_of(driver, "badge") == "시간 종료"


def test_a_message_reaches_the_presenter_and_never_the_projector(driver: Any, show: Served) -> None:
    do(show, "start")
    do(show, "message", "마무리 부탁드립니다")
    open_view(driver, show, "presenter")
    wait_js(driver, "return document.getElementById('message-text').textContent === '마무리 부탁드립니다' && "
                    "!document.getElementById('message').hidden")
    open_view(driver, show, "projector")
    wait_js(driver, "return document.body.innerText.indexOf('개회사') >= 0")
    assert "마무리" not in page_text(driver)
    assert "마무리" not in str(driver.execute_script("return JSON.stringify(StageTimer.frame())"))


def test_the_agenda_lists_every_item_and_marks_the_live_one(driver: Any, show: Served) -> None:
    do(show, "start")
    do(show, "add_time", 120_000)  # the day now runs two minutes longer than planned
    open_view(driver, show, "agenda")
    items = on_show(show, lambda s: s.snapshot().items)
    titles = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.a-row .a-title'), "
        "function (n) { return n.textContent; })")
    assert titles == [item.title for item in items]
    live = driver.execute_script("return document.querySelector('.a-row.status-live .a-title').textContent")
    assert live == items[0].title
    # A later row shows its planned time and, as it moved, the projected one.
    row = driver.execute_script("return document.querySelectorAll('.a-row')[2].querySelector('.a-when').textContent")
    assert row == f"{format_tod(items[2].planned_start_ms)} → {format_tod(items[2].projected_start_ms)}"


def test_the_remote_drives_the_show_and_says_what_happened(driver: Any, show: Served) -> None:
    open_view(driver, show, "remote")
    driver.find_element("css selector", "[data-action='toggle']").click()
    wait_until(lambda: on_show(show, lambda s: s.snapshot().running), 5, "the show started")
    wait_js(driver, "return document.querySelector('.r-outcome').textContent.indexOf('시작했습니다') >= 0", 5)
    wait_js(driver, "return document.querySelector('.r-title').textContent === '개회사'", 5)
    driver.find_element("css selector", "[data-action='next']").click()
    wait_until(lambda: on_show(show, lambda s: s.snapshot().current.id) == "congrats", 5, "next item")
    wait_js(driver, "return document.querySelector('.r-title').textContent === '축사'", 5)
    driver.find_element("css selector", "[data-action='add:60']").click()
    wait_until(lambda: on_show(show, lambda s: s.snapshot().allotted_ms) == 360_000, 5, "a minute added")
    driver.find_element("css selector", ".r-preset").click()
    wait_until(lambda: on_show(show, lambda s: s.snapshot().message) == "5분 남았습니다", 5, "message sent")
    # A refusal is said in words, not as a code.
    driver.find_element("css selector", "[data-action='message/clear']").click()
    driver.find_element("css selector", "[data-action='message/clear']").click()
    wait_js(driver, "return document.querySelector('.r-outcome').textContent.indexOf('지울 메시지가 없습니다') >= 0", 5)
    buttons = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('button'), "
        "function (b) { var r = b.getBoundingClientRect(); return Math.min(r.width, r.height); })")
    assert min(buttons) >= 44


@pytest.mark.parametrize("token", [None, "not-a-token"])
def test_a_link_without_a_valid_key_says_so(driver: Any, show: Served, token: str | None) -> None:
    open_view(driver, show, "presenter", token=token, synced=False)
    wait_js(driver, "return !document.getElementById('status').hidden", 8)
    sentence = text_of(driver, "status")
    assert ACCESS_KO in sentence and ACCESS_EN in sentence  # no frame, so no language: both
    assert "QR" in sentence


def test_the_remote_with_a_viewer_key_is_refused_in_words(driver: Any, show: Served) -> None:
    open_view(driver, show, "remote", token=show.tokens.viewer, synced=False)
    wait_js(driver, "return window.stagetimerState.refused === 'forbidden'", 8)
    assert "무대 감독" in text_of(driver, "status")
    assert driver.execute_script("return document.querySelector('[data-action=next]').disabled")


def test_offline_keeps_counting_and_comes_back(driver: Any, show: Served) -> None:
    do(show, "start")
    open_view(driver, show, "presenter")
    port = show.server.address.port
    show.server.stop()
    wait_js(driver, "return document.getElementById('status').textContent.indexOf('연결 끊김') >= 0", 8)
    assert driver.execute_script("return window.stagetimerState.offline") is True
    # Still counting, on its own clock.
    first = text_of(driver, "digits")
    wait_js(driver, f"return document.getElementById('digits').textContent !== '{first}'", 3)
    replacement = NetServer(show.port, show.tokens, show.port.show.clock, host="127.0.0.1", port=port)
    show.port.server = replacement
    replacement.start()
    try:
        do(show, "add_time", 60_000)  # publishes the frames to the new server
        wait_js(driver, "return window.stagetimerState.connected && !window.stagetimerState.offline", 20)
        wait_js(driver, "return document.getElementById('status').hidden", 3)
        # It took the fresh frame: the added minute shows.
        wait_js(driver, "return StageTimer.frame().countdown.length_ms === 360000", 5)
        assert driver.execute_script("return window.stagetimerState.reconnects") >= 1
        before = remaining_ms(show)
        text = text_of(driver, "digits")
        assert text in {format_countdown(before), format_countdown(remaining_ms(show))}
    finally:
        replacement.stop()


def test_korean_renders_with_the_bundled_font_and_no_console_errors(driver: Any, show: Served) -> None:
    do(show, "start")
    driver.get_log("browser")  # what earlier tests left
    for view in ("presenter", "projector", "backstage", "agenda", "remote"):
        open_view(driver, show, view)
        wait_js(driver, "return document.fonts.status === 'loaded'", 10)
        loaded = driver.execute_script(
            "var out = []; document.fonts.forEach(function (f) {"
            " if (f.status === 'loaded') { out.push(f.family + f.weight); } }); return out;")
        assert any("Pretendard" in face for face in loaded), (view, loaded)
        assert driver.execute_script("return document.fonts.check('600 40px Pretendard', '개회사')")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def test_the_second_flips_on_the_boundary(driver: Any, show: Served) -> None:
    """Each displayed second changes within a few ms of the show's true boundary (loose bound: shared CI)."""
    do(show, "start")
    open_view(driver, show, "presenter")
    wait_js(driver, "return window.stagetimerFlips.length >= 3", 6)
    zero_at = driver.execute_script("return StageTimer.frame().countdown.zero_at_ms")

    def anchor(s: Any) -> tuple[float, int]:
        return time.time() * 1000, s.time_base.tod_ms(s.clock.monotonic_ms())

    epoch_now, tod_now = on_show(show, anchor)
    flips = driver.execute_script("return window.stagetimerFlips.slice()")
    lateness = []
    for flip in flips:
        seconds = int(flip["text"].split(":")[0]) * 60 + int(flip["text"].split(":")[1])
        boundary = epoch_now + (zero_at - seconds * 1000 - tod_now)
        lateness.append(flip["at"] - boundary)
    assert abs(statistics.median(lateness)) < 50, lateness
    assert max(abs(x) for x in lateness) < 250, lateness


def test_a_flash_inverts_the_presenter(driver: Any, show: Served) -> None:
    do(show, "start")
    open_view(driver, show, "presenter")
    wait_js(driver, "return document.body.className === 'presenter'", 5)  # the rig's opening flash is over
    # The app republishes as a flash ends (its tick); here the frame with the flash over is published by hand.
    wait_until(lambda: not on_show(show, lambda s: s.snapshot().flash), 5, "the opening flash ended")
    show.port._thread.submit(show.port.publish).result(timeout=5)
    do(show, "flash")
    wait_js(driver, "return document.body.className.indexOf('flash') >= 0", 5)
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == WHITE
    wait_js(driver, "return document.body.className === 'presenter'", 5)  # and it ends by itself


def test_the_index_lists_every_view_with_the_same_key(driver: Any, show: Served) -> None:
    driver.get(f"{show.base}/?token={show.tokens.viewer}")
    links = wait_js(driver, "var a = document.querySelectorAll('a.i-link'); return a.length === 5 && "
                            "Array.prototype.map.call(a, function (n) { return n.getAttribute('href'); })", 5)
    assert links == [f"/view/{view}?token={show.tokens.viewer}"
                     for view in ("presenter", "projector", "backstage", "agenda", "remote")]


def test_the_pages_would_pass_a_self_only_content_security_policy() -> None:
    """No inline script or style, no event-handler attribute, nothing fetched from another site."""
    static = Path(STATIC_DIR)
    for page in sorted(static.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page.name
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", html, re.IGNORECASE), page.name
    for source in sorted([*static.glob("*.html"), *static.glob("*.js"), *static.glob("*.css")]):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE), source.name
        assert "eval(" not in text and "new Function" not in text, source.name
    fonts = {path.name for path in (static / "fonts").iterdir()}
    assert {"Pretendard-Regular.woff2", "Pretendard-SemiBold.woff2", "Pretendard-Bold.woff2",
            "OFL-Pretendard.txt"} <= fonts


def test_an_english_agenda_reads_in_english(driver: Any) -> None:
    from stagetimer.core.clock import SystemClock
    from stagetimer.core.show.show import Show
    from tests.agenda_factory import make_agenda

    with served(Show(make_agenda([("intro", "talk", "10m"), ("close", "talk", "5m")]), SystemClock())) as s:
        do(s, "start")
        do(s, "pause")
        open_view(driver, s, "presenter")
        wait_js(driver, "return document.getElementById('badge').textContent === 'PAUSED'", 5)
        assert driver.execute_script("return document.documentElement.lang") == "en"
        assert text_of(driver, "next-label").startswith("NEXT · ")
        assert "paused" in str(driver.execute_script("return document.getElementById('digits').className"))
        s.server.stop()
        wait_js(driver, "return document.getElementById('status').textContent.indexOf('offline') === 0", 8)


def test_past_the_planned_start_the_browser_presenter_says_how_late_like_the_qt_one(driver: Any) -> None:
    from tools.demo_show import demo_show

    show = demo_show("welcome-late").show  # the bundled Korean day, 4:56 past 10:00, not started
    with served(show) as s:
        open_view(driver, s, "presenter")
        wait_js(driver, "return document.getElementById('badge').textContent === '시작 지연'", 5)
        assert re.fullmatch(r"\+(4:5[6-9]|5:0\d)", text_of(driver, "digits")), text_of(driver, "digits")


def test_the_projector_lists_what_comes_after_a_break(driver: Any, show: Served) -> None:
    do(show, "goto", "break")
    do(show, "start")
    open_view(driver, show, "projector")
    wait_js(driver, "return document.querySelectorAll('.j-coming-row').length >= 2")
    text = page_text(driver)
    assert "이어서" in text and "휴식" in text
    coming = on_show(show, lambda s: s.snapshot().items[s.snapshot().current.index + 1:][:3])
    for item in coming:
        assert item.title in text and format_tod(item.projected_start_ms) in text


def test_the_projector_countdown_stops_at_zero_and_goes(driver: Any, show: Served) -> None:
    do(show, "start")
    do(show, "projector_countdown")
    open_view(driver, show, "projector")
    wait_js(driver, "return !!document.querySelector('.j-small-countdown .digits')")
    left = remaining_ms(show)
    do(show, "add_time", -(left // 1000 - 1) * 1000)  # about a second left
    # The speaker's clock runs on into overtime; the audience's never shows a "+".
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        shown = driver.execute_script(
            "var d = document.querySelector('.j-small-countdown .digits'); return d ? d.textContent : ''")
        assert not str(shown).startswith("+")
        time.sleep(0.1)
    assert remaining_ms(show) < 0
    show.port.publish_now()  # the app's tick at the transition into overtime publishes the frames
    wait_js(driver, "return !document.querySelector('.j-small-countdown .digits')", 5)


@pytest.fixture
def cued() -> Iterator[Served]:
    """The bundled day with cues and automatic messages on."""
    agenda = dataclasses.replace(fallback_agenda(), cues=DEFAULT_CUES,
                                 messages=PerPhase(warning="2분 남았습니다", zero="마무리 부탁드립니다"))
    with served(Show(agenda, SystemClock())) as s:
        yield s


def test_the_presenters_sound_is_off_until_tapped_then_rings_at_each_phase_rise(driver: Any, cued: Served) -> None:
    show = cued
    do(show, "start")
    open_view(driver, show, "presenter")
    wait_js(driver, "return document.getElementById('sound').textContent === '신호음 꺼짐 · 눌러서 켜기'")
    assert driver.execute_script("return document.getElementById('sound').getAttribute('aria-pressed')") == "false"
    do(show, "add_time", -200_000)  # warning, while the sound is off: nothing
    wait_js(driver, "return StageTimer.frame().phase === 'warning'", 5)
    assert driver.execute_script("return StageTimer.cues.played.length") == 0
    driver.find_element("id", "sound").click()  # the stage manager's tap (a real gesture for the page)
    wait_js(driver, "return StageTimer.cues.enabled() && StageTimer.cues.loaded() === 4", 5)
    assert text_of(driver, "sound") == "신호음 켜짐"
    do(show, "add_time", -60_000)  # the frame's phase rises to danger: the agenda's danger sound
    wait_js(driver, "return StageTimer.cues.played.join() === 'double'", 5)
    do(show, "add_time", 30_000)  # back down, then up again by the same step: a rise again
    wait_js(driver, "return StageTimer.frame().phase === 'warning'", 5)
    do(show, "add_time", -30_000)
    wait_js(driver, "return StageTimer.cues.played.join() === 'double,double'", 5)


def test_the_automatic_message_reaches_the_presenter_view_and_an_operators_replaces_it(
        driver: Any, cued: Served) -> None:
    do(cued, "start")
    open_view(driver, cued, "presenter")
    do(cued, "add_time", -180_000)  # 2:00 left: warning, and its automatic message
    wait_js(driver, "return document.getElementById('message-text').textContent === '2분 남았습니다' && "
                    "!document.getElementById('message').hidden", 5)
    do(cued, "message", "박수 부탁드립니다")
    wait_js(driver, "return document.getElementById('message-text').textContent === '박수 부탁드립니다'", 5)
    open_view(driver, cued, "projector")
    wait_js(driver, "return document.body.innerText.indexOf('개회사') >= 0")
    assert "2분" not in str(driver.execute_script("return JSON.stringify(StageTimer.frame())"))
