"""The assembled app: built offscreen exactly as ``stagetimer`` builds it, minus exec()."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.ui.app import REHEARSAL_LEAD_MS, AppParts, build_app
from tests.agenda_factory import make_agenda
from tests.app_teardown import close_apps

NINE = 9 * 3_600_000


def _agenda(language: str = "ko") -> Agenda:
    agenda = make_agenda([("open", "remarks", "5m"), ("talk", "talk", "10m"), ("rest", "break", "10m")])
    return dataclasses.replace(agenda, event=dataclasses.replace(agenda.event, language=language, title="포럼"))


def _options(**overrides: object) -> argparse.Namespace:
    values = {"lang": None, "speed": 1.0, "windowed": False, "presenter_screen": None, "projector_screen": None}
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.fixture
def build(qapp: QApplication, tmp_path: Path) -> Iterator:
    """build_app with a fake clock at 09:00 and settings in a temporary file."""
    built: list[AppParts] = []

    def make(agenda: Agenda | None = None, **overrides: object) -> AppParts:
        settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
        parts = build_app(
            tmp_path / "agenda.yaml", agenda or _agenda(), _options(**overrides), settings=settings,
            clock=FakeClock(NINE), state_dir=tmp_path / "state",  # never the user's own show record
        )
        built.append(parts)
        return parts

    yield make
    close_apps(qapp, *built)


def test_three_windows_open_with_the_first_snapshot_and_the_clock_ticking(build) -> None:
    parts = build()
    for window in (parts.control, parts.presenter, parts.projector):
        assert window.isVisible()
    assert parts.controller.snapshot.stage == "welcome"
    assert parts.controller.timer.isActive()
    # One offscreen screen: a rehearsal, all ordinary windows.
    assert not parts.presenter.isFullScreen() and not parts.projector.isFullScreen()


def test_the_screens_menu_is_in_the_control_menu_bar(build) -> None:
    parts = build(lang="en")
    titles = [action.text() for action in parts.control.menuBar().actions()]
    assert "&Screens" in titles
    assert parts.screens_menu.menuAction() in parts.control.menuBar().actions()


def test_a_korean_agenda_gets_korean_window_titles(build) -> None:
    parts = build()
    assert parts.language == "ko" and parts.translator is not None
    assert parts.presenter.windowTitle() == "StageTimer — 발표자 화면"
    assert parts.projector.windowTitle() == "StageTimer — 프로젝터 화면"


def test_lang_en_overrides_the_agendas_korean(build) -> None:
    parts = build(lang="en")
    assert parts.language == "en" and parts.translator is None
    assert parts.presenter.windowTitle() == "StageTimer — Presenter"


def test_the_bundled_font_is_the_application_font(build) -> None:
    from stagetimer.ui.common import fonts

    build()
    assert QApplication.font().family() == fonts.family()


def test_a_rehearsal_at_speed_starts_a_minute_before_the_planned_start(build) -> None:
    agenda = _agenda()
    parts = build(agenda, speed=60.0)
    snapshot = parts.controller.snapshot
    assert snapshot.time_of_day_ms == agenda.event.start_ms - REHEARSAL_LEAD_MS
    assert snapshot.welcome_remaining_ms == REHEARSAL_LEAD_MS
    assert snapshot.speed == 60.0


def test_real_time_runs_on_the_clock_of_the_day(build) -> None:
    parts = build()
    assert parts.controller.snapshot.time_of_day_ms == NINE


def test_a_command_reaches_every_view(build, qtbot) -> None:
    parts = build()
    received: list[object] = []
    parts.controller.frames_changed.connect(received.append)
    parts.controller.apply(Command("start"))
    assert received and received[-1].control.running and received[-1].presenter.started
    assert parts.controller.snapshot.current.id == "open"


def test_each_second_the_stage_screens_are_drawn_before_the_control_window_updates(build) -> None:
    parts = build()
    parts.controller.apply(Command("start"))
    QCoreApplication.processEvents()
    control_countdown = parts.control.current_panel.countdown_label
    seen_by_stage: list[tuple[str, str]] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                seen_by_stage.append((watched.objectName(), control_countdown.text()))
            return False

    spy = PaintSpy()
    for name, window in (("presenter", parts.presenter), ("projector", parts.projector)):
        window.setObjectName(name)
        window.installEventFilter(spy)
    parts.controller.apply(Command("projector_countdown"))  # the audience's countdown ticks too
    QCoreApplication.processEvents()
    seen_by_stage.clear()
    before = control_countdown.text()
    parts.controller.show.clock.advance(1000)  # type: ignore[attr-defined]
    parts.controller.publish()  # what the timer does on the second's boundary
    # Both stage screens were drawn within the tick, while Control still showed the old second.
    assert {name for name, _ in seen_by_stage} == {"presenter", "projector"}
    assert all(text == before for _, text in seen_by_stage)
    assert control_countdown.text() != before


# -- closing ----------------------------------------------------------------------


class _WindowManagerClose(QCloseEvent):
    """A close from the window manager (Alt+F4, the title bar's ×), which Qt marks spontaneous."""

    def spontaneous(self) -> bool:
        return True


def test_alt_f4_on_a_stage_window_is_refused(build) -> None:
    parts = build()
    event = _WindowManagerClose()
    assert parts.close_guard.eventFilter(parts.projector, event)  # handled: not passed on
    assert not event.isAccepted()
    assert parts.projector.isVisible() and parts.control.isVisible()


def test_quitting_the_app_during_a_show_asks_once_and_can_be_refused(build) -> None:
    parts = build()
    parts.controller.apply(Command("start"))
    asked: list[bool] = []
    parts.close_guard.confirm_quit = lambda: asked.append(True) or False
    # Qt's quit closes every window, in any order: a stage window may be first.
    assert not parts.presenter.close()
    assert asked == [True]
    assert parts.presenter.isVisible() and parts.control.isVisible()


def test_closing_control_during_a_show_asks_first_and_can_be_refused(build) -> None:
    parts = build()
    parts.controller.apply(Command("start"))
    asked: list[bool] = []
    parts.close_guard.confirm_quit = lambda: asked.append(True) or False
    assert not parts.control.close()
    assert asked == [True]
    assert parts.control.isVisible() and parts.presenter.isVisible()
    assert parts.controller.timer.isActive()  # the show goes on


def test_closing_control_before_the_show_closes_everything_without_asking(build) -> None:
    parts = build()
    parts.close_guard.confirm_quit = lambda: pytest.fail("nothing is running: no question")
    assert parts.control.close()
    assert not parts.presenter.isVisible() and not parts.projector.isVisible()
    assert not parts.controller.timer.isActive()
