"""Shared test set-up: headless Qt, a hand-driven clock, the bundled agenda."""

from __future__ import annotations

import gc
import os

# Before anything imports Qt: every test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Cues play to miniaudio's null device: tests never sound on (or wait for) the machine's audio.
os.environ.setdefault("STAGETIMER_AUDIO_BACKEND", "null")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from stagetimer import resources
from stagetimer.core.clock import FakeClock
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.gc_policy import generation_due

# A test session makes far more void Qt calls and signal emits than None and True
# have references; with PySide6 6.12 on Python < 3.12 it would abort at exit.
protect_none()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """Cyclic garbage is collected between tests, on the main thread, never by the interpreter at random.

    A collection that the interpreter starts on a worker thread (the report's,
    the network's) finalises whatever Qt objects earlier tests left in cycles
    there, and one of their timers later fired at freed memory:
    test_control_repaint then test_app_session's report test
    crashed with SIGSEGV in QTimerInfoList::activateTimers. The running app
    is safe by its own policy (ui/gc_policy.py: collections only on the GUI
    thread); the tests follow the same rule, at the interpreter's thresholds.
    """
    gc.disable()
    yield
    thresholds = gc.get_threshold()
    if gc.get_count()[0] >= thresholds[0]:
        gc.collect(generation_due(thresholds))
    gc.disable()  # a test of the app's policy may have turned collection back on


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock at 09:00 on the event day that moves only when the test says so."""
    return FakeClock()


@pytest.fixture
def bundled_agenda_path() -> Path:
    """The agenda the app ships with (the 2 December 2025 forum)."""
    return resources.bundled_agenda()


@pytest.fixture
def broken_agenda(tmp_path: Path) -> Path:
    """An agenda file with a YAML syntax error on line 3 (a tab)."""
    from tests.cli_runner import BROKEN_AGENDA

    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_AGENDA, encoding="utf-8")
    return path


@pytest.fixture
def rig(qtbot):  # type: ignore[no-untyped-def]
    """The Control window on the forum, with its controller and a fake clock (tests/control_rig.py)."""
    from tests.control_rig import make_rig

    yield from make_rig(qtbot)


@pytest.fixture
def whole_app(qapp: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Builds the whole app (Korean agenda, 09:00 on a fake clock) with the network options given; closes them after."""
    from PySide6.QtCore import QSettings

    from stagetimer.ui.app import build_app
    from tests.app_teardown import close_apps
    from tests.network_app import NINE, korean_agenda, options

    built: list[Any] = []

    def make(**overrides: object) -> Any:
        settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
        parts = build_app(tmp_path / "agenda.yaml", korean_agenda(), options(**overrides), settings=settings,
                          clock=FakeClock(NINE), state_dir=tmp_path / "state")
        built.append(parts)
        return parts

    yield make
    close_apps(qapp, *built)


@pytest.fixture
def journaled(tmp_path: Path) -> Iterator[Any]:
    """The bundled day served on loopback with a journal, its first item started (tests/net_rig.py)."""
    from tests.net_rig import served

    with served(state_dir=tmp_path) as live:
        live.get("/api/v1/start", live.tokens.control)
        yield live
