"""A bug during the show is written to crash.log, shown in Control, and the clock keeps going."""

from __future__ import annotations

import argparse
import faulthandler
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.snapshot import Frames
from stagetimer.ui.app import AppParts, build_app
from stagetimer.ui.crash_log import CRASH_LOG_NAME, FAULT_LOG_NAME, CrashLog
from tests.agenda_factory import make_agenda
from tests.app_teardown import close_apps

ROOT = Path(__file__).resolve().parents[1]

# Our hook, not pytest-qt's, must see these exceptions: that is what is tested.
pytestmark = [
    pytest.mark.qt_no_exception_capture,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def app(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[AppParts, FakeClock]]:
    clock = FakeClock()
    options = argparse.Namespace(lang="en", speed=1.0, windowed=True, presenter_screen=None, projector_screen=None)
    agenda = make_agenda([("a", "talk", "10m"), ("b", "talk", "10m")], start="09:00")
    settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
    parts = build_app(tmp_path / "agenda.yaml", agenda, options, settings=settings, clock=clock,
                      state_dir=tmp_path / "state")
    parts.crash_log.install()
    yield parts, clock
    close_apps(qapp, parts)


class FaultyView:
    """A view with a bug that shows only once the countdown passes 9:58."""

    def __init__(self) -> None:
        self.calls = 0

    def show_frames(self, frames: Frames) -> None:
        self.calls += 1
        snap = frames.control
        if snap.running and snap.remaining_ms < 9 * 60_000 + 58_000:
            raise ZeroDivisionError("a bug in a view")


def test_a_failing_slot_is_logged_and_shown_and_the_show_goes_on(app, qtbot) -> None:
    parts, clock = app
    faulty = FaultyView()
    parts.controller.frames_changed.connect(faulty.show_frames)
    parts.controller.apply(Command("start"))
    clock.advance(3_000)
    parts.controller.publish()  # the tick on which the bug fires

    log = (parts.state_dir / CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "uncaught ZeroDivisionError" in log and "a bug in a view" in log and "show_frames" in log
    notice = parts.control.notice()
    assert "ZeroDivisionError" in notice and str(parts.state_dir / CRASH_LOG_NAME) in notice
    # The show did not stop: the timer is armed, the other screens got that very snapshot,
    # and the next tick reaches them too.
    assert parts.controller.timer.isActive()
    assert parts.presenter.frame.countdown_text == "9:57"
    clock.advance(1_000)
    parts.controller.publish()
    assert parts.presenter.frame.countdown_text == "9:56"
    assert parts.controller.snapshot.running


def _fail_every_tick() -> None:
    raise ValueError("every tick")


def test_the_same_error_every_second_does_not_flood_the_log(app) -> None:
    parts, _clock = app
    for _ in range(100):
        try:
            _fail_every_tick()
        except ValueError:
            sys.excepthook(*sys.exc_info())
    log = (parts.state_dir / CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert log.count("uncaught ValueError") == 7  # 1st, 2nd, 4th ... 64th
    assert "occurrence 64 of this error" in log
    assert parts.crash_log.count == 100


def test_an_exception_in_another_thread_reaches_control_through_the_event_loop(app, qtbot) -> None:
    parts, _clock = app

    def worker() -> None:
        raise OSError("disk went away")

    with qtbot.waitSignal(parts.crash_log.error_logged, timeout=5_000):
        thread = threading.Thread(target=worker, name="report-writer")
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: "OSError" in parts.control.notice(), timeout=5_000)
    log = (parts.state_dir / CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "in report-writer" in log and "disk went away" in log


def test_install_and_uninstall_put_the_hooks_back(tmp_path: Path, qapp: QApplication) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash_log = CrashLog(tmp_path)
    crash_log.install()
    assert sys.excepthook != before[0] and faulthandler.is_enabled()
    assert (tmp_path / FAULT_LOG_NAME).exists()
    crash_log.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_hard_crash_leaves_every_threads_stack_in_faulthandler_log(tmp_path: Path) -> None:
    script = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from stagetimer.ui.crash_log import CrashLog\n"
        "app = QCoreApplication([])\n"
        "CrashLog(Path(sys.argv[1])).install()\n"
        "faulthandler._sigsegv()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-c", script, str(tmp_path)]
    result = subprocess.run(command, env=env, capture_output=True, check=False, timeout=60)
    assert result.returncode != 0
    text = (tmp_path / FAULT_LOG_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
