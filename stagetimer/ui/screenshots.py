"""Render every stage window in every state to PNG files.

    python -m stagetimer.ui.screenshots [OUTDIR]      (default: docs/screenshots)

Each state is reached by driving the real show over the bundled agenda on a
fake clock (stagetimer.ui.demo_show), so the pictures are what the app
draws, in the agenda's language. Runs without a display (Qt's offscreen
platform) so it works on a build machine; the PNGs are for people to look
at, as a speaker five metres away and an audience member at the back would.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

#: Presenter states, each at 1920×1080.
PRESENTER_STATES = (
    "welcome", "ready", "normal", "warning", "danger", "overtime-flash", "overtime",
    "paused", "message-flash", "message", "flash", "break", "closing",
)
#: Projector states, each at 1920×1080. Paused, message and flash are there to
#: show that the audience sees none of them.
PROJECTOR_STATES = (
    "welcome", "normal", "projector-countdown", "paused", "message-flash", "overtime",
    "break", "closing", "blackout",
)
#: The same Presenter at the smallest and the largest screen it must suit.
SCALING = (("normal", 1280, 720), ("warning", 3840, 2160))
CONTROL_STATES = ("normal", "break")


def _save(image: QImage, path: Path) -> None:
    """PNG at the strongest compression; true colour, so phase colours stay exact."""
    image.convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)


def _render(widget_factory: Callable[[], object], snapshot: object, width: int, height: int, path: Path) -> Path:
    widget = widget_factory()
    widget.resize(width, height)  # type: ignore[attr-defined]
    widget.show_snapshot(snapshot)  # type: ignore[attr-defined]
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    _save(image, path)
    widget.deleteLater()  # type: ignore[attr-defined]
    return path


def render_all(outdir: Path, language: str | None = None) -> list[Path]:
    """Write every screenshot into ``outdir``; returns the files written."""
    from stagetimer.ui import fonts
    from stagetimer.ui.demo_show import bundled_agenda, demo_show
    from stagetimer.ui.i18n import choose_language, install_translator
    from stagetimer.ui.presenter import PresenterView
    from stagetimer.ui.projector import ProjectorView
    from PySide6.QtWidgets import QApplication

    from stagetimer.ui.refcount_guard import protect_none

    protect_none()  # dozens of full-screen paints: past PySide6 6.12.0's None leak limit
    app = QApplication.instance() or QApplication([sys.argv[0]])
    fonts.load_fonts()
    base = app.font()
    base.setFamily(fonts.family())
    app.setFont(base)
    agenda = bundled_agenda()
    install_translator(app, choose_language(language, agenda.event.language))
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for state in PRESENTER_STATES:
        snapshot = demo_show(state, agenda).snapshot()
        written.append(_render(PresenterView, snapshot, 1920, 1080, outdir / f"presenter-{state}.png"))
    for state, width, height in SCALING:
        snapshot = demo_show(state, agenda).snapshot()
        name = f"presenter-{state}-{width}x{height}.png"
        written.append(_render(PresenterView, snapshot, width, height, outdir / name))
    for state in PROJECTOR_STATES:
        snapshot = demo_show(state, agenda).snapshot()
        name = f"projector-{state.removeprefix('projector-')}.png"
        written.append(_render(ProjectorView, snapshot, 1920, 1080, outdir / name))
    written.extend(_render_control(outdir, agenda))
    return written


def _render_control(outdir: Path, agenda: object) -> list[Path]:
    """The Control window too, once it exists (it lands separately)."""
    if importlib.util.find_spec("stagetimer.ui.control") is None:
        return []
    from stagetimer.ui.control import ControlWindow
    from stagetimer.ui.controller import Controller
    from stagetimer.ui.demo_show import demo_show

    written = []
    for state in CONTROL_STATES:
        demo = demo_show(state, agenda)  # type: ignore[arg-type]
        controller = Controller(demo.show)
        window = ControlWindow(controller)
        window.resize(1600, 1000)
        controller.publish()
        controller.stop()
        path = outdir / f"control-{state}.png"
        _save(window.grab().toImage(), path)
        written.append(path)
        window.deleteLater()
        controller.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stagetimer.ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default=None, help="UI language (default: the agenda's)")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    for path in render_all(options.outdir, options.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
