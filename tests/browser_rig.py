"""A real Chromium (Debian's, driven by Selenium) pointed at a show served on loopback.

Shared by the browser-view tests and ``tools/web_screenshots.py``. Every
wait is bounded; nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import JavascriptException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from tests.net_rig import Served

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Phone, tablet and full-HD, as the views are used.
SIZES = {"phone": (390, 844), "tablet": (1024, 768), "1080p": (1920, 1080)}


def browser_missing() -> str | None:
    """Why no browser test can run here, or None when Chromium and its driver are installed."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists() and shutil.which(path.name) is None:
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


def _binary(path: Path) -> str:
    return str(path) if path.exists() else str(shutil.which(path.name))


def make_driver() -> webdriver.Chrome:
    """Headless Chromium with its console log readable (no GPU, no sandbox: containers)."""
    options = webdriver.ChromeOptions()
    options.binary_location = _binary(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=ko-KR"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(_binary(CHROMEDRIVER)))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    return driver


def set_viewport(driver: webdriver.Chrome, width: int, height: int, mobile: bool = False) -> None:
    """The page's viewport exactly (a window size would include the browser's own frame)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def view_url(served: Served, view: str, token: str | None = "") -> str:
    """The view's link; ``token`` "" means the right one for the view, None means none at all."""
    if token == "":
        token = served.tokens.control if view == "remote" else served.tokens.viewer
    return f"{served.base}/view/{view}" + (f"?token={token}" if token is not None else "")


def open_view(driver: webdriver.Chrome, served: Served, view: str, token: str | None = "",
              synced: bool = True, timeout: float = 10.0) -> None:
    """Load a view and wait until it has a frame (and, by default, a clock estimate)."""
    driver.get(view_url(served, view, token))
    if synced:
        wait_js(driver, "return !!(window.stagetimerState && window.stagetimerState.frames > 0 &&"
                        " window.stagetimerState.syncRounds > 0)", timeout)


def wait_js(driver: webdriver.Chrome, script: str, timeout: float = 10.0) -> Any:
    """Wait (bounded) until ``script`` returns something truthy, and return it."""
    def probe(d: Any) -> Any:
        try:
            return d.execute_script(script)
        except JavascriptException:
            return False
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(probe)
    except TimeoutException:
        raise AssertionError(f"not true within {timeout} s: {script}") from None


def wait_until(condition: Callable[[], Any], timeout: float, message: str) -> Any:
    """Wait (bounded) for a Python-side condition."""
    try:
        return WebDriverWait(None, timeout, poll_frequency=0.05).until(lambda _: condition())
    except TimeoutException:
        raise AssertionError(f"not within {timeout} s: {message}") from None


def text_of(driver: webdriver.Chrome, element_id: str) -> str:
    return str(driver.execute_script(
        "var n = document.getElementById(arguments[0]); return n ? n.textContent : null;", element_id) or "")


def page_text(driver: webdriver.Chrome) -> str:
    return str(driver.execute_script("return document.body.innerText"))


def colour_of(driver: webdriver.Chrome, css: str) -> str:
    """The computed colour of the first element matching ``css`` ("rgb(r, g, b)")."""
    return str(driver.execute_script(
        "var n = document.querySelector(arguments[0]); return n ? getComputedStyle(n).color : null;", css))
