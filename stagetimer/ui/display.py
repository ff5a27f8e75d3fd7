"""Is there a screen Qt can open windows on? Decided without importing Qt.

Without a display Qt aborts inside ``QApplication`` with a long plugin error
that tells a stage manager nothing. Checking the environment first lets the
command print one plain sentence and exit with status 2 instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = "No display found: set DISPLAY or WAYLAND_DISPLAY, or run with QT_QPA_PLATFORM=offscreen."

#: Qt platform plugins that draw without a window system (no DISPLAY needed).
_HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay"})


def _platform_name(value: str) -> str:
    """``offscreen:configfile=x.json`` → ``offscreen``; a ``;`` list → its first entry."""
    return value.split(";", 1)[0].split(":", 1)[0].strip().lower()


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """One sentence saying why no window can open, or None when one can.

    Only X11/Wayland systems need a display named in the environment; Windows
    and macOS always have their own window system.
    """
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win32", "darwin")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and _platform_name(qpa) in _HEADLESS_PLATFORMS:
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY
