"""Opens the stage windows on an offscreen multi-monitor layout and prints where they landed.

Qt reads the layout when the QApplication is created, so each layout needs a
process of its own: tests/test_screens.py runs this script and reads the JSON
it prints. Steps after start-up (``unplug:NAME``, ``replug:NAME``,
``move:ROLE=SCREEN``, and with ``--app`` ``command:ACTION``) are applied in order, and the placement is printed
after each one.

The offscreen platform cannot remove a screen at run time, so ``--unplug``
calls the placer's handler exactly as QGuiApplication.screenRemoved would,
with the remaining screens; the window really moves to another QScreen.

Usage: python tests/qt/place_windows.py LAYOUT.json SETTINGS_DIR [--app]
       [--presenter-screen X] [--projector-screen X] [--windowed] [STEP ...]
With --app the real app is built (bundled agenda, real windows, a running
controller); without it three plain widgets stand in for the windows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("layout", type=Path)
    parser.add_argument("settings_dir", type=Path)
    parser.add_argument("--app", action="store_true", help="build the real app (stagetimer.ui.app.build_app)")
    parser.add_argument("--presenter-screen", default=None)
    parser.add_argument("--projector-screen", default=None)
    parser.add_argument("--windowed", action="store_true")
    parser.add_argument("steps", nargs="*", help="unplug:NAME, replug:NAME or move:ROLE=SCREEN|-")
    options = parser.parse_intermixed_args()
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={options.layout}"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    # Never the real user's settings: everything under the test's directory.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(options.settings_dir))
    settings = QSettings(str(options.settings_dir / "stagetimer.ini"), QSettings.Format.IniFormat)

    if options.app:
        from stagetimer.core.agenda.loader import load_agenda
        from stagetimer.resources import bundled_agenda
        from stagetimer.ui.app import build_app

        agenda_path = bundled_agenda()
        options.speed, options.lang = 1.0, "en"
        state_dir = options.settings_dir / "state"  # never the user's show record
        parts = build_app(agenda_path, load_agenda(agenda_path), options, settings=settings, state_dir=state_dir)
        app, placer = parts.app, parts.placer
        windows = {"control": parts.control, "presenter": parts.presenter, "projector": parts.projector}
    else:
        from stagetimer.ui.screens import ScreenPlacer

        app = QApplication([])
        windows = {role: QWidget() for role in ("control", "presenter", "projector")}
        placer = ScreenPlacer(app, windows["control"], {r: windows[r] for r in ("presenter", "projector")}, settings)
        placement = placer.place_initial(options.presenter_screen, options.projector_screen, options.windowed)
        for note in placement.notes:
            print(note, file=sys.stderr)

    def report(step: str) -> dict:
        app.processEvents()
        clock = {}
        extra: dict[str, str] = {}
        if options.app:
            snapshot = parts.controller.snapshot
            clock = {"running": snapshot.running, "ticking": parts.controller.timer.isActive()}
            alarm = parts.control.screen_alarm
            extra["alarm"] = alarm.text() if alarm.isVisible() else ""
        return {
            **extra,
            "clock": clock,
            "step": step,
            "screens": [screen.name() for screen in app.screens()],
            "windows": {
                role: {
                    "screen": window.screen().name(),
                    "full_screen": window.isFullScreen(),
                    "visible": window.isVisible(),
                    "geometry": list(window.geometry().getRect()),
                }
                for role, window in windows.items()
            },
        }

    results = [report("start")]
    for step in options.steps:
        verb, _, arg = step.partition(":")
        if verb == "unplug":
            remaining = [name for name in placer.screen_names() if name != arg]
            placer.screen_lost(arg, remaining)
        elif verb == "signal-unplug":  # what QGuiApplication emits when a monitor goes (offscreen cannot)
            screen = next(screen for screen in app.screens() if screen.name() == arg)
            app.screenRemoved.emit(screen)
        elif verb == "replug":
            placer.screen_found(arg)
        elif verb == "command" and options.app:
            from stagetimer.core.show.commands import Command

            parts.controller.apply(Command(arg))
        elif verb == "move":
            role, _, screen = arg.partition("=")
            placer.move(role, None if screen == "-" else screen)
        else:
            parser.error(f"unknown step {step!r}")
        results.append(report(step))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
