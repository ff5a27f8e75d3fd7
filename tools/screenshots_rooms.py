"""Control in every state on the screens it meets in real rooms, and the unplugged-screen alarm.

Control scales with the screen it is on, so each size is rendered in a
process of its own whose offscreen platform has exactly that screen: a
1366×768 laptop, a 1920×1080 monitor and a 3840×2160 one. Control fills
the screen less a desktop panel (40 px) and its title bar (30 px), as a
maximised window would. The alarm is rendered on the three-screen layout
of ../shared/qt after the Projector's screen is pulled (Qt's
``screenRemoved``, which the offscreen platform cannot produce by itself).

Usage: python -m tools.screenshots_rooms [OUTDIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Every state the issue asks to see, in the order a show meets them.
STATES = ("welcome", "normal", "warning", "danger", "overtime", "message", "paused", "break", "closing")
SIZES = ((1366, 768), (1920, 1080), (3840, 2160))
#: A desktop panel and a window title bar: what a maximised Control does not get.
PANEL_PX, TITLE_PX = 40, 30
THREE_SCREENS = ROOT.parent / "shared" / "qt" / "three-screens.json"


def _layout(width: int, height: int, folder: Path) -> Path:
    path = folder / f"screen-{width}x{height}.json"
    screen = {"name": "LAPTOP", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}
    path.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                                "screens": [screen]}))
    return path


def _child(outdir: Path, width: int, height: int, alarm: bool) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from tools.screenshots import _render_control

    if alarm:
        def unplugged(parts: object) -> object:
            app = QGuiApplication.instance()
            assert isinstance(app, QGuiApplication)
            screen = next(screen for screen in app.screens() if screen.name() == "PROJECTOR")
            app.screenRemoved.emit(screen)
            QCoreApplication.processEvents()
            return parts.control.grab().toImage()  # type: ignore[attr-defined]

        print(_render_control("normal", width, height - PANEL_PX - TITLE_PX,
                              outdir / "control-unplugged-alarm-1920x1080.png", None, unplugged, windowed=False))
        return 0
    for state in STATES:
        path = outdir / f"control-{state}-{width}x{height}.png"
        print(_render_control(state, width, height - PANEL_PX - TITLE_PX, path, None))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots_rooms", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--child", nargs=3, type=int, metavar=("WIDTH", "HEIGHT", "ALARM"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    outdir = options.outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    if options.child:
        width, height, alarm = options.child
        return _child(outdir, width, height, bool(alarm))
    with tempfile.TemporaryDirectory(prefix="stagetimer-rooms-") as folder:
        runs = [(width, height, 0, _layout(width, height, Path(folder))) for width, height in SIZES]
        runs.append((1920, 1080, 1, THREE_SCREENS))
        for width, height, alarm, layout in runs:
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={layout}")
            command = [sys.executable, "-m", "tools.screenshots_rooms", str(outdir), "--child",
                       str(width), str(height), str(alarm)]
            result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                                    check=False)
            sys.stdout.write(result.stdout)
            if result.returncode != 0:
                sys.stderr.write(result.stderr)
                return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
