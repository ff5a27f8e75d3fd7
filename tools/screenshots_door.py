"""Screenshots of Control after the operator mistakes the door now catches.

    python -m tools.screenshots_door [OUTDIR]      (default: docs/screenshots)

The real app (build_app) on the bundled agenda, a fake clock and a throw-away
state folder; every action goes through Control's own trigger (what a key
press does), so the notice line says what the stage manager would read:

* ``control-undone-space.png`` — Space pressed by mistake before doors open,
  15 s later Ctrl+Z: the welcome screen is back, every time as planned;
* ``control-skipped.png`` — → pressed twice in quick succession: the second
  skipped 축사, which the table marks 건너뜀;
* ``control-message-next.png`` — a message to the opening speaker, then
  Shift+→: the next speaker's first second, with the message gone.

Also ``presenter-message-next.png``: that first second on the speaker's screen,
and ``control-clock-changed.png``: the show reopened after the system clock
jumped 5 minutes, a year after the agenda's date (the status line says both).

And ``control-auto-start-WxH.png`` (1920×1080, 1366×768): the bundled day with
``then: start`` on the break and ``ends_at: "12:30"`` on the last forum topic,
started 8 minutes late: the break shrank to its 5 minutes and, at its zero, the
clock started the forum by itself; the notice line says so, and the table shows
the last topic counting to 12:30 ("12:30까지 · 17m").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

MIN, SEC = 60_000, 1_000
SIZE = (1920, 1040)


def _stray_space(trigger: Callable[[str], None], demo: object) -> None:
    trigger("toggle")
    demo.wait(15 * SEC)  # type: ignore[attr-defined]
    trigger("undo")


def _two_nexts(trigger: Callable[[str], None], demo: object) -> None:
    demo.wait(4 * MIN + 48 * SEC)  # type: ignore[attr-defined]  # doors at 09:55:12: 10:00 sharp
    trigger("toggle")
    demo.wait(5 * MIN + 10 * SEC)  # type: ignore[attr-defined]
    trigger("next")
    demo.wait(2 * SEC)  # type: ignore[attr-defined]
    trigger("next")


def _message_then_next(trigger: Callable[[str], None], demo: object, send: Callable[[str], None]) -> None:
    demo.wait(4 * MIN + 48 * SEC)  # type: ignore[attr-defined]
    trigger("toggle")
    demo.wait(4 * MIN + 10 * SEC)  # type: ignore[attr-defined]
    send("마무리 부탁드립니다")
    demo.wait(50 * SEC)  # type: ignore[attr-defined]
    trigger("next_start")


def render(outdir: Path, language: str | None = None) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.ui.app import build_app
    from tools.demo_show import DemoShow

    QApplication.instance() or QApplication([])
    outdir.mkdir(parents=True, exist_ok=True)
    agenda_path = resources.bundled_agenda()
    agenda = load_agenda(agenda_path)
    options = argparse.Namespace(lang=language, speed=1.0, windowed=True, presenter_screen=None,
                                 projector_screen=None)
    written: list[Path] = []
    for name in ("undone-space", "skipped", "message-next"):
        with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as folder:
            demo = DemoShow(agenda)
            settings = QSettings(str(Path(folder) / "stagetimer.ini"), QSettings.Format.IniFormat)
            parts = build_app(agenda_path, agenda, options, settings=settings, clock=demo.clock,
                              state_dir=Path(folder) / "state")
            parts.bell.open_now()  # the cue indicator as the running app shows it after its first paint
            parts.control.resize(*SIZE)
            control = parts.control

            def trigger(action: str, control: object = control, parts: object = parts) -> None:
                control.trigger(action)  # type: ignore[attr-defined]
                parts.controller.publish()  # type: ignore[attr-defined]

            if name == "undone-space":
                _stray_space(trigger, demo)
            elif name == "skipped":
                _two_nexts(trigger, demo)
            else:
                _message_then_next(trigger, demo, control._send_message)
            parts.controller.publish()
            QCoreApplication.processEvents()
            path = outdir / f"control-{name}.png"
            control.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
            written.append(path)
            if name == "message-next":
                parts.presenter.resize(1920, 1080)
                path = outdir / "presenter-message-next.png"
                parts.presenter.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(
                    str(path), "PNG", 0)
                written.append(path)
            parts.abandon()
            parts.session.close()
            QCoreApplication.processEvents()
    return written


def render_clock_changed(outdir: Path) -> Path:
    """Control after a restart that found the wall clock 5 minutes ahead, on another day than the agenda's."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.clock import FakeClock
    from stagetimer.core.show.commands import Command
    from stagetimer.core.show.session import Session
    from stagetimer.ui.control.window import ControlWindow
    from stagetimer.ui.controller import Controller

    agenda = load_agenda(resources.bundled_agenda())
    clock = FakeClock(tod_ms=10 * 60 * MIN, wall_epoch_ms=1_764_633_600_000 + 364 * 86_400_000)
    with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as folder:
        session = Session.open(agenda, Path(folder), clock)
        session.apply(Command("start"))
        clock.advance(2 * MIN + 10 * SEC)
        session.close()
        clock.jump_wall(5 * MIN)  # NTP corrects the laptop while the app is down
        clock.advance(20 * SEC)
        session = Session.open(agenda, Path(folder), clock)
        controller = Controller(session)
        control = ControlWindow(controller)
        control.resize(*SIZE)
        controller.start()
        control.show_findings(session.findings)
        QCoreApplication.processEvents()
        path = outdir / "control-clock-changed.png"
        control.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
        controller.stop()
        control.deleteLater()
        session.close()
    return path


def clock_bound_agenda() -> object:
    """The bundled day, with the break starting the forum at zero and the last topic ending at 12:30."""
    import dataclasses

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.timefmt import parse_time_of_day

    agenda = load_agenda(resources.bundled_agenda())
    items = list(agenda.items)
    for index, item in enumerate(items):
        if item.kind == "break":
            items[index] = dataclasses.replace(item, then="start")
    last = items[-1]
    ends_at = parse_time_of_day("12:30")
    items[-1] = dataclasses.replace(last, ends_at_ms=ends_at, duration_ms=ends_at - last.planned_start_ms)
    return agenda.replace_items(tuple(items))


def render_auto_start(outdir: Path, sizes: tuple[tuple[int, int], ...] = ((1920, 1080), (1366, 768))) -> list[Path]:
    """Control 25 s after the clock started the forum at the break's zero (see the module's docstring)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from stagetimer import resources
    from stagetimer.ui.app import build_app
    from tools.demo_show import DemoShow

    QApplication.instance() or QApplication([])
    agenda = clock_bound_agenda()
    options = argparse.Namespace(lang=None, speed=1.0, windowed=True, presenter_screen=None, projector_screen=None)
    written = []
    for width, height in sizes:
        with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as folder:
            demo = DemoShow(agenda)  # type: ignore[arg-type]
            settings = QSettings(str(Path(folder) / "stagetimer.ini"), QSettings.Format.IniFormat)
            parts = build_app(resources.bundled_agenda(), agenda, options, settings=settings, clock=demo.clock,
                              state_dir=Path(folder) / "state")
            parts.control.resize(width, height)
            demo.show = parts.session  # type: ignore[assignment]  # journaled, as the app runs it
            demo.wait(4 * MIN + 48 * SEC + 8 * MIN)  # doors at 09:55:12; the day starts 8 minutes late
            demo.run_to(demo.index_of_break() or 0)
            parts.controller.publish()
            demo.wait(5 * MIN + 25 * SEC)  # the break's 5 minutes (its min), then 25 s of the forum
            parts.controller.publish()  # the display's tick: the clock's change is caught up and announced
            QCoreApplication.processEvents()  # laid out, as for the first paint; then the cue device opens
            parts.bell.open_now()
            QCoreApplication.processEvents()
            path = outdir / f"control-auto-start-{width}x{height}.png"
            parts.control.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
            written.append(path)
            parts.abandon()
            parts.session.close()
            QCoreApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots_door", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default=None, help="UI language (default: the agenda's)")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render(options.outdir, options.lang):
        print(path)
    print(render_clock_changed(options.outdir))
    for path in render_auto_start(options.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
