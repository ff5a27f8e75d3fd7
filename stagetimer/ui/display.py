"""Is there a screen Qt can open windows on? Decided without importing Qt.

Without a display Qt aborts inside ``QApplication`` with a long plugin error
that tells a stage manager nothing. Checking the environment first lets the
command print one plain sentence and exit with status 2 instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

NO_DISPLAY = "No display found: set DISPLAY or WAYLAND_DISPLAY, or run with QT_QPA_PLATFORM=offscreen."

#: Qt platform plugins that draw without a window system (no DISPLAY needed).
_HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay"})


#: What Qt's X11 plugin (xcb) loads, and the Debian/Ubuntu package of each.
#: A desktop has them all; a minimal install often lacks a few, and then Qt
#: aborts with "Could not load the Qt platform plugin" and a core dump.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_x11_libraries(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The Debian packages whose libraries Qt's X11 plugin would fail to load."""
    return [package for library, package in XCB_LIBRARIES.items() if not loadable(library)]


def _uses_x11(env: Mapping[str, str]) -> bool:
    """Qt will use its xcb plugin: asked to, or X11 is the only display there is."""
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa:
        return _platform_name(qpa) == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _platform_name(value: str) -> str:
    """``offscreen:configfile=x.json`` → ``offscreen``; a ``;`` list → its first entry."""
    return value.split(";", 1)[0].split(":", 1)[0].strip().lower()


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loadable: Callable[[str], bool] = _loadable,
) -> str | None:
    """One sentence saying why no window can open, or None when one can.

    Only X11/Wayland systems need a display named in the environment; Windows
    and macOS always have their own window system. On X11 the libraries
    Qt's plugin needs are checked too, so a missing one is named instead
    of Qt aborting.
    """
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win32", "darwin")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and _platform_name(qpa) in _HEADLESS_PLATFORMS:
        return None
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY
    if _uses_x11(env) and system.startswith("linux"):
        missing = missing_x11_libraries(loadable)
        if missing:
            return (
                "Qt cannot open windows on this X11 display: system libraries are missing "
                f"(on Debian/Ubuntu: sudo apt-get install {' '.join(missing)})."
            )
    return None
