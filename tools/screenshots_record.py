"""Screenshots of Control when the show's record speaks: after a crash, and after a bad agenda edit.

    python -m tools.screenshots_record [OUTDIR]      (default: docs/screenshots)

The real app (build_app) on a copy of the bundled agenda, a fake clock and
a temporary state folder. For ``control-recovered.png`` the morning runs
on time to the KT presentation, the app is abandoned 4:20 into it (as kill
-9 would leave it) and built again 40 s later. For
``control-agenda-errors.png`` the agenda file is edited with three
mistakes while KT runs. Both at 1920×1040, offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

KT = "case-kt"
MIN = 60_000
SIZE = (1920, 1040)


def _bad_edit(text: str) -> str:
    """A misspelt key, an unreadable duration and an unknown kind."""
    start = text.index(f"  - id: {KT}\n")
    end = text.index("\n\n", start)
    text = text[:start] + text[start:end].replace("duration: 10m", "duraton: 10m") + text[end:]
    start = text.index("  - id: case-kudo\n")
    end = text.index("\n\n", start)
    text = text[:start] + text[start:end].replace("duration: 10m", "duration: ten minutes") + text[end:]
    start = text.index("  - id: case-nia\n")
    end = text.index("\n\n", start)
    return text[:start] + text[start:end].replace("kind: presentation", "kind: presentaton") + text[end:]


def render(outdir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QImage

    from stagetimer import resources
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.clock import FakeClock
    from stagetimer.ui.app import AppParts, build_app

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="stagetimer-shots-") as temp:
        folder = Path(temp)
        agenda_path = folder / "agenda.yaml"
        shutil.copyfile(resources.bundled_agenda(), agenda_path)
        options = argparse.Namespace(lang=None, speed=1.0, windowed=True, presenter_screen=None,
                                     projector_screen=None)

        def build(state: str, clock: FakeClock) -> AppParts:
            settings = QSettings(str(folder / "stagetimer.ini"), QSettings.Format.IniFormat)
            parts = build_app(agenda_path, load_agenda(agenda_path), options, settings=settings, clock=clock,
                              state_dir=folder / state)
            parts.bell.open_now()  # the cue indicator as the running app shows it after its first paint
            return parts

        def grab(parts: AppParts, name: str) -> None:
            parts.control.resize(*SIZE)
            parts.controller.publish()
            QCoreApplication.processEvents()
            path = outdir / name
            parts.control.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
            written.append(path)

        def run_to_kt(parts: AppParts, clock: FakeClock) -> None:
            """On time from 10:00 (the reports a little long) to 4:20 into KT."""
            parts.control.trigger("toggle")
            for item in parts.session.agenda.items:
                if item.id == KT:
                    break
                clock.advance(item.duration_ms + (30_000 if item.kind == "talk" else 0))
                parts.control.trigger("next_start")
            clock.advance(4 * MIN + 20_000)

        clock = FakeClock(10 * 3_600_000)
        first = build("state", clock)
        run_to_kt(first, clock)
        first.abandon()  # abandoned mid-KT: all that is left is the journal
        clock.advance(40_000)
        recovered = build("state", clock)
        grab(recovered, "control-recovered.png")
        recovered.abandon()
        recovered.session.close()

        clock = FakeClock(10 * 3_600_000)  # another morning, a record of its own
        editing = build("state-edit", clock)
        run_to_kt(editing, clock)
        agenda_path.write_text(_bad_edit(agenda_path.read_text(encoding="utf-8")), encoding="utf-8")
        editing.live_agenda.watcher.check_now()
        editing.control.clear_notice()
        grab(editing, "control-agenda-errors.png")
        editing.abandon()
        editing.session.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots_record",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=Path("docs/screenshots"))
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - lives until the end
    for path in render(options.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
