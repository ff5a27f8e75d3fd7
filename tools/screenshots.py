"""Render every stage window in every state to PNG files.

    python -m tools.screenshots [OUTDIR]      (default: docs/screenshots)

Each state is reached by driving the real show over the bundled agenda on a
fake clock (tools.demo_show), so the pictures are what the app
draws, in the agenda's language. Runs without a display (Qt's offscreen
platform) so it works on a build machine; the PNGs are for people to look
at, as a speaker five metres away and an audience member at the back would.
"""

from __future__ import annotations

import argparse
import functools
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
#: The Projector in every state the audience may meet, at the three screens it must suit, without
#: and with a logo (the neutral test logo of tests/fixtures: the bundled agenda names none).
PROJECTOR_MATRIX = (
    "welcome", "normal", "warning", "danger", "overtime", "message", "paused", "break", "closing",
    "projector-countdown-overtime",
)
PROJECTOR_SIZES = ((1366, 768), (1920, 1080), (3840, 2160))
TEST_LOGO = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "logo.svg"
#: The same Presenter at the smallest and the largest screen it must suit.
SCALING = (("normal", 1280, 720), ("warning", 3840, 2160))
#: The Presenter's review set (issue 11): every state a speaker meets, at a
#: 1366×768 laptop screen, a 1080p monitor and a 4K one, plus a speaker's note.
PRESENTER_REVIEW = (
    "welcome", "normal", "warning", "danger", "overtime", "message", "paused", "break", "closing", "presenter-note",
)
PRESENTER_SIZES = ((1366, 768), (1920, 1080), (3840, 2160))
#: The stage manager's window, in the real app (menus and all), on a 1920×1080
#: laptop or monitor less the desktop's panel and the title bar.
CONTROL_STATES = ("normal", "warning", "overtime", "paused", "message", "break")
CONTROL_SIZE = (1920, 1040)
#: ... and on the smallest laptop it must suit, 1366×768, the same way.
CONTROL_SCALING = (("normal", 1366, 738),)
#: Before the show, on time and late (issue 11: "시작까지 0:00" while Control said "+4:56 지연"),
#: at the smallest, the usual and the largest screen.
WELCOME_STATES = ("welcome", "welcome-late")
#: The planner (issue 12) in Control: (file name, state, the key action the stage manager then presses, if any),
#: each at the usual and the smallest laptop size. Pressed through the window, so its notice shows.
PLANNER_CONTROL = (
    ("replan-pending", "replan-pending", None),  # 13 minutes behind: the proposal line
    ("replan-applied", "replan-pending", "replan"),  # A: the notice, the new lengths in the table
    ("replan-auto", "replan-auto", "next"),  # automatic mode: moving on re-plans, and says so
)
#: The speaker of a re-planned slot before it starts ("준비 · 17분으로 조정").
PLANNER_PRESENTER = ("replan-ready",)
SIZES = ((1366, 768), (1920, 1080), (3840, 2160))


def _save(image: QImage, path: Path) -> None:
    """PNG at the strongest compression; true colour, so phase colours stay exact."""
    image.convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)


def _render(widget_factory: Callable[[], object], snapshot: object, width: int, height: int, path: Path) -> Path:
    widget = widget_factory()
    widget.resize(width, height)  # type: ignore[attr-defined]
    widget.show_frame(widget.frame_of(snapshot))  # type: ignore[attr-defined]
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    _save(image, path)
    widget.deleteLater()  # type: ignore[attr-defined]
    return path


def render_all(outdir: Path, language: str | None = None) -> list[Path]:
    """Write every screenshot into ``outdir``; returns the files written."""
    from PySide6.QtWidgets import QApplication

    from stagetimer.ui.common import fonts
    from stagetimer.ui.common.i18n import choose_language, install_translator
    from stagetimer.ui.common.refcount_guard import protect_none
    from stagetimer.ui.stage.presenter import PresenterView
    from stagetimer.ui.stage.projector import ProjectorView
    from tools.demo_show import bundled_agenda, demo_show

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
    for state in PRESENTER_REVIEW:
        snapshot = demo_show(state, agenda).snapshot()
        for width, height in PRESENTER_SIZES:
            name = f"presenter-{state.removeprefix('presenter-')}-{width}x{height}.png"
            written.append(_render(PresenterView, snapshot, width, height, outdir / name))
    for state in PROJECTOR_STATES:
        snapshot = demo_show(state, agenda).snapshot()
        name = f"projector-{state.removeprefix('projector-')}.png"
        written.append(_render(ProjectorView, snapshot, 1920, 1080, outdir / name))
    for state in PROJECTOR_MATRIX:
        snapshot = demo_show(state, agenda).snapshot()
        for (width, height), logo in ((size, logo) for size in PROJECTOR_SIZES for logo in ("", str(TEST_LOGO))):
            name = f"projector-{state.removeprefix('projector-')}-{width}x{height}{'-logo' if logo else ''}.png"
            factory = functools.partial(ProjectorView, logo_path=logo)
            written.append(_render(factory, snapshot, width, height, outdir / name))
    shots = [(state, *CONTROL_SIZE, f"control-{state}.png") for state in CONTROL_STATES]
    shots += [
        (state, width, height, f"control-{state}-{width}x{height}.png") for state, width, height in CONTROL_SCALING
    ]
    for state, width, height, name in shots:
        written.append(_render_control(state, width, height, outdir / name, language))
    for state in WELCOME_STATES:
        snapshot = demo_show(state, agenda).snapshot()
        for width, height in SIZES:
            for view, who in ((PresenterView, "presenter"), (ProjectorView, "projector")):
                name = f"{who}-{state}-{width}x{height}.png"
                written.append(_render(view, snapshot, width, height, outdir / name))
    written += render_languages(outdir)
    written += render_planner(outdir, language)
    written += render_cues(outdir)
    return written


def render_planner(outdir: Path, language: str | None = None) -> list[Path]:
    """The planner's screens: Control's proposal line, after A, in automatic mode; the re-planned presenter."""
    from stagetimer.ui.stage.presenter import PresenterView
    from tools.demo_show import bundled_agenda, demo_show

    written = []
    for name, state, press in PLANNER_CONTROL:
        for width, height, suffix in ((*CONTROL_SIZE, ""), (1366, 738, "-1366x738")):
            path = outdir / f"control-{name}{suffix}.png"
            written.append(_render_control(state, width, height, path, language, press=press))
    for state in PLANNER_PRESENTER:
        snapshot = demo_show(state, bundled_agenda()).snapshot()
        for width, height in ((1920, 1080), (1366, 768)):
            path = outdir / f"presenter-{state}-{width}x{height}.png"
            written.append(_render(PresenterView, snapshot, width, height, path))
    return written


def render_cues(outdir: Path) -> list[Path]:
    """Issue 12's cues: the presenter with the agenda's automatic message, Control's cue indicator on and muted."""
    from stagetimer.ui.stage.presenter import PresenterView
    from tools.demo_show import bundled_agenda, demo_show

    def muted(parts: object) -> QImage:
        parts.control.trigger("mute_cues")  # type: ignore[attr-defined]  # S
        parts.control.clear_notice()  # type: ignore[attr-defined]  # the indicator alone says it
        return parts.control.grab().toImage()  # type: ignore[attr-defined]

    snapshot = demo_show("auto-message", bundled_agenda()).snapshot()
    written = [_render(PresenterView, snapshot, 1920, 1080, outdir / "presenter-auto-message.png")]
    overtime = demo_show("overtime", bundled_agenda()).snapshot()  # the zero message stays while it runs over
    written.append(_render(PresenterView, overtime, 1920, 1080, outdir / "presenter-auto-zero.png"))
    written.append(_render_control("auto-message", 1920, 1040, outdir / "control-cues-on.png", None))
    written.append(_render_control("auto-message", 1920, 1040, outdir / "control-cues-muted.png", None, muted))
    written.append(_render_control("auto-message", 1366, 738, outdir / "control-cues-muted-1366x738.png", None, muted))
    return written


def render_languages(outdir: Path) -> list[Path]:
    """An English-speaking stage manager at a Korean event: Control in English, the stage in Korean.

    Control (with its live thumbnails of the Presenter and the Projector) with
    ``--lang en`` late before the start, the Language menu open, and the same
    window right after choosing 한국어 in it.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QPainter

    def menu_open(parts: object) -> QImage:
        control, menu = parts.control, parts.language_menu  # type: ignore[attr-defined]
        image = control.grab().toImage()
        bar = control.menuBar()
        corner = bar.mapTo(control, bar.actionGeometry(menu.menuAction()).bottomLeft())
        menu.popup(control.mapToGlobal(corner))
        painter = QPainter(image)
        painter.drawImage(corner, menu.grab().toImage())
        painter.end()
        menu.hide()
        return image

    def switched(parts: object) -> QImage:
        parts.language_menu.choose("ko")  # type: ignore[attr-defined]
        QCoreApplication.processEvents()  # the layouts take the new words' widths, as the event loop would
        return parts.control.grab().toImage()  # type: ignore[attr-defined]

    written = []
    for width, height in ((1920, 1040), (1366, 738)):
        name = f"control-en-{width}x{height}.png"
        written.append(_render_control("welcome-late", width, height, outdir / name, "en"))
    written.append(_render_control("normal", 1920, 1040, outdir / "control-en-normal.png", "en"))
    written.append(_render_control("normal", 1920, 1040, outdir / "control-language-menu.png", "en", menu_open))
    written.append(_render_control("normal", 1920, 1040, outdir / "control-language-switched.png", "en", switched))
    return written


def _render_control(state: str, width: int, height: int, path: Path, language: str | None,
                    picture: Callable[[object], QImage] | None = None, windowed: bool = True,
                    press: str | None = None) -> Path:
    """The Control window as the app builds it (menu bar, notices, thumbnails), walked to ``state``.

    The real app on the bundled agenda with a fake clock and a throw-away
    state folder; the show is driven through the app's own session, so the
    table, the status line and the thumbnails are what the operator sees.
    """
    import tempfile

    from PySide6.QtCore import QCoreApplication, QSettings

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.ui.app import build_app
    from tools.demo_show import STATES, DemoShow

    agenda_path = resources.bundled_agenda()
    agenda = load_agenda(agenda_path)
    options = argparse.Namespace(lang=language, speed=1.0, windowed=windowed, presenter_screen=None,
                                 projector_screen=None)
    with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as folder:
        demo = DemoShow(agenda)
        settings = QSettings(str(Path(folder) / "stagetimer.ini"), QSettings.Format.IniFormat)
        parts = build_app(agenda_path, agenda, options, settings=settings, clock=demo.clock,
                          state_dir=Path(folder) / "state")
        demo.show = parts.session  # type: ignore[assignment]  # the same apply/snapshot, journaled
        STATES[state](demo)
        parts.control.resize(width, height)
        parts.controller.publish()
        parts.control.clear_notice()
        if press is not None:  # a key the stage manager presses now: its notice stays in the picture
            parts.control.trigger(press)
            parts.controller.publish()
        QCoreApplication.processEvents()  # the window laid out, as for its first paint; then, as in the
        parts.bell.open_now()  # running app, the cue device opens and the indicator says so
        QCoreApplication.processEvents()
        _save(picture(parts) if picture is not None else parts.control.grab().toImage(), path)
        parts.abandon()
        parts.session.close()
        QCoreApplication.processEvents()
    return path


def _planner_only(outdir: Path, language: str | None) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from stagetimer.ui.common import fonts
    from stagetimer.ui.common.i18n import choose_language, install_translator
    from tools.demo_show import bundled_agenda

    app = QApplication.instance() or QApplication([sys.argv[0]])
    fonts.load_fonts()
    base = app.font()
    base.setFamily(fonts.family())
    app.setFont(base)
    install_translator(app, choose_language(language, bundled_agenda().event.language))
    outdir.mkdir(parents=True, exist_ok=True)
    return render_planner(outdir, language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default=None, help="UI language (default: the agenda's)")
    parser.add_argument("--planner", action="store_true", help="only the planner's screenshots (issue 12)")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    paths = _planner_only(options.outdir, options.lang) if options.planner else render_all(options.outdir, options.lang)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
