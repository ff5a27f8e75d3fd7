"""Screenshots of the Network window and of Control after a remote command.

    python -m tools.screenshots_network [OUTDIR]      (default: docs/screenshots)

The real app (build_app) on the bundled agenda, a fake clock and a throw-away
state folder, serving on loopback:

* ``control-network.png`` — the Network window serving on 127.0.0.1: each
  view's link and QR code, the control links marked for the crew;
* ``control-network-port-in-use.png`` — the same window when the port is
  already taken by another program: the sentence says what to do;
* ``control-network-remote.png`` — Control after a phone remote pressed
  "next": the notice says 원격 first;
* ``control-network-osc.png`` — the window with OSC on (UDP 9000, feedback to
  Companion's OSC port 12321 on this computer): the no-password warning.

The tokens are made afresh for every run, so the links differ each time.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
from pathlib import Path

MIN, SEC = 60_000, 1_000
CONTROL_SIZE = (1920, 1040)


def _port(preferred: int = 8080, kind: int = socket.SOCK_STREAM) -> int:
    """8080 (9000 for OSC) as the docs say, unless this machine already uses it."""
    with socket.socket(socket.AF_INET, kind) as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def render(outdir: Path, language: str | None = None) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.show.commands import Command
    from stagetimer.ui.app import build_app
    from tools.demo_show import DemoShow

    QApplication.instance() or QApplication([])
    outdir.mkdir(parents=True, exist_ok=True)
    agenda_path = resources.bundled_agenda()
    agenda = load_agenda(agenda_path)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        QCoreApplication.processEvents()
        path = outdir / name
        widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
        written.append(path)

    for name in ("network", "network-port-in-use", "network-osc"):
        with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as folder, socket.socket() as taken:
            port = _port()
            if name == "network-port-in-use":
                taken.bind(("127.0.0.1", port))
                taken.listen()
            options = argparse.Namespace(lang=language, speed=1.0, windowed=True, presenter_screen=None,
                                         projector_screen=None, serve=("127.0.0.1", port), osc=None,
                                         osc_feedback=None)
            if name == "network-osc":
                options.osc = (None, _port(9000, socket.SOCK_DGRAM))
                options.osc_feedback = ("127.0.0.1", 12321)
            demo = DemoShow(agenda)
            settings = QSettings(str(Path(folder) / "stagetimer.ini"), QSettings.Format.IniFormat)
            parts = build_app(agenda_path, agenda, options, settings=settings, clock=demo.clock,
                              state_dir=Path(folder) / "state")
            parts.bell.open_now()  # the cue indicator as the running app shows it after its first paint
            window = parts.network_menu.open_window()
            window.adjustSize()
            save(window, f"control-{name}.png")
            if name == "network":
                window.hide()
                demo.wait(4 * MIN + 48 * SEC)
                parts.controller.apply(Command("next", source="remote"))
                parts.control.resize(*CONTROL_SIZE)
                save(parts.control, "control-network-remote.png")
            parts.abandon()
            parts.session.close()
            QCoreApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots_network",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default=None, help="UI language (default: the agenda's)")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render(options.outdir, options.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
