"""The assembled app on its show record: journaled before shown, recovered after a crash, started fresh.

The real build_app on the bundled agenda and a fake clock. A "crash" is the
first app abandoned without closing anything (its journal is fsynced line
by line, so that is all kill -9 leaves behind); the second app is built on
the same state directory as a restart would be.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.journal import JOURNAL_NAME, STATE_NAME, read_journal
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.ui.app import AppParts, build_app
from tests.app_teardown import close_apps

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MIN = 60_000
#: 10:25 on the event day: the show runs on the day's clock.
TEN_25 = (10 * 60 + 25) * 60_000
KT = "case-kt"

Build = Callable[..., AppParts]


def _options(**overrides: object) -> argparse.Namespace:
    values = {"lang": "en", "speed": 1.0, "windowed": True, "presenter_screen": None, "projector_screen": None}
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TEN_25)


@pytest.fixture
def build(qapp: QApplication, tmp_path: Path, clock: FakeClock, bundled_agenda_path: Path) -> Iterator[Build]:
    """build_app on the bundled agenda, a shared fake clock and ``tmp_path/state``."""
    built: list[AppParts] = []

    def make(state_dir: Path | None = None, **overrides: object) -> AppParts:
        settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
        parts = build_app(
            bundled_agenda_path, load_agenda(bundled_agenda_path), _options(**overrides), settings=settings,
            clock=clock, state_dir=state_dir or tmp_path / "state",
        )
        built.append(parts)
        return parts

    yield make
    close_apps(qapp, *built)


def commands_on_disk(parts: AppParts) -> list[dict]:
    return [r["command"] for r in read_journal(parts.state_dir / JOURNAL_NAME).records if r["type"] == "command"]


def press(parts: AppParts, action: str) -> None:
    """A live key, as Control's key router hands it on."""
    parts.control.trigger(action)


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()
    QCoreApplication.processEvents()


# -- journaled before shown ---------------------------------------------------------


def test_every_key_is_on_disk_before_any_screen_shows_it(build: Build) -> None:
    parts = build()
    seen_on_disk: list[int] = []
    # The first view to hear of a change checks the journal at that moment.
    parts.controller.frames_changed.connect(lambda _frames: seen_on_disk.append(len(commands_on_disk(parts))))
    parts.control.go_to(KT)
    for action in ("toggle", "add_minute", "toggle", "blackout"):
        press(parts, action)
    assert commands_on_disk(parts) == [
        {"action": "goto", "value": KT}, {"action": "toggle"}, {"action": "add_time", "value": MIN},
        {"action": "toggle"}, {"action": "blackout"},
    ]
    assert seen_on_disk == [1, 2, 3, 4, 5]
    state = json.loads((parts.state_dir / STATE_NAME).read_text(encoding="utf-8"))
    assert state["item_id"] == KT and state["paused"]


def test_a_refused_key_is_not_recorded(build: Build) -> None:
    parts = build()
    press(parts, "previous")  # nothing before the welcome screen
    assert "first item" in parts.control.notice()
    assert commands_on_disk(parts) == []


# -- recovery ----------------------------------------------------------------------------


def test_after_a_crash_the_app_resumes_kt_running_with_the_time_the_wall_clock_says(
    build: Build, clock: FakeClock
) -> None:
    first = build()
    first.control.go_to(KT)
    press(first, "toggle")
    clock.advance(3 * MIN)
    first.abandon()
    clock.advance(45_000)  # down for 45 s

    again = build()
    snap: Snapshot = again.controller.snapshot
    assert again.session.recovered
    assert snap.current.id == KT and snap.running
    assert snap.remaining_ms == 10 * MIN - 3 * MIN - 45_000
    assert again.presenter.frame.countdown_text == snap.countdown_text  # the speaker sees it too
    badge = again.control.status_line.recovered_label
    assert badge.isVisibleTo(again.control)
    assert badge.text() == "RECOVERED 10:28:45 · Ctrl+N starts fresh"
    assert "실시간 통화기반 보이스피싱 탐지 서비스" in again.control.notice() and "6:15" in again.control.notice()


def test_a_paused_item_comes_back_paused(build: Build, clock: FakeClock) -> None:
    first = build()
    first.control.go_to(KT)
    press(first, "toggle")
    clock.advance(2 * MIN)
    press(first, "toggle")
    first.abandon()
    clock.advance(10 * MIN)

    snap = build().controller.snapshot
    assert snap.current.id == KT and snap.paused and snap.remaining_ms == 8 * MIN


def test_a_new_show_is_not_announced_as_recovered(build: Build) -> None:
    parts = build()
    assert not parts.session.recovered
    assert not parts.control.status_line.recovered_label.isVisibleTo(parts.control)


# -- start fresh -------------------------------------------------------------------------


def _recovered(build: Build, clock: FakeClock) -> AppParts:
    first = build()
    first.control.go_to(KT)
    press(first, "toggle")
    clock.advance(MIN)
    first.abandon()
    return build()


def test_ctrl_n_asks_and_yes_starts_the_day_fresh_keeping_the_old_record(build: Build, clock: FakeClock) -> None:
    parts = _recovered(build, clock)
    parts.show_menu.start_fresh_action.trigger()
    box = parts.show_menu.confirm_box
    assert box is not None and box.isVisible()
    assert parts.controller.snapshot.running  # the clock runs while the question is open
    answer(box, QMessageBox.StandardButton.Yes)

    snap = parts.controller.snapshot
    assert snap.stage == "welcome"
    assert all(item.actual_start_ms is None for item in snap.items)  # KT has not started in the new day
    assert not parts.control.status_line.recovered_label.isVisibleTo(parts.control)
    assert len(list(parts.state_dir.glob("journal-*.jsonl"))) == 1  # the record is archived, not deleted
    assert commands_on_disk(parts) == []
    # And a restart now opens the fresh show, not the old one.
    parts.abandon()
    assert not build().session.recovered


def test_starting_fresh_twice_in_a_second_keeps_both_records(build: Build, clock: FakeClock) -> None:
    parts = _recovered(build, clock)
    parts.show_menu.start_fresh()
    press(parts, "toggle")
    parts.show_menu.start_fresh()
    archived = [read_journal(path).records for path in parts.state_dir.glob("journal-*.jsonl")]
    assert sorted(sum(r["type"] == "command" for r in records) for records in archived) == [1, 2]


def test_ctrl_n_answered_no_leaves_the_show_alone(build: Build, clock: FakeClock) -> None:
    parts = _recovered(build, clock)
    box = parts.show_menu.ask_start_fresh()
    answer(box, QMessageBox.StandardButton.No)
    assert parts.controller.snapshot.current.id == KT and parts.controller.snapshot.running
    assert parts.control.status_line.recovered_label.isVisibleTo(parts.control)
    assert not list(parts.state_dir.glob("journal-*.jsonl"))


def test_the_start_fresh_key_is_in_the_show_menu(build: Build) -> None:
    parts = build()
    assert parts.show_menu.menuAction() in parts.control.menuBar().actions()
    assert parts.show_menu.start_fresh_action.shortcut().toString() == "Ctrl+N"


# -- rehearsals and unwritable folders --------------------------------------------------------


def test_a_rehearsal_keeps_its_own_record_apart_from_the_real_show(build: Build, tmp_path: Path) -> None:
    real = build()
    real.control.go_to(KT)
    real.abandon()
    rehearsal = build(speed=60.0)
    assert rehearsal.state_dir == tmp_path / "state" / "rehearsal-x60"
    assert not rehearsal.session.recovered and rehearsal.controller.snapshot.stage == "welcome"
    press(rehearsal, "toggle")
    rehearsal.abandon()
    assert build(speed=60.0).controller.snapshot.current.id == "opening"  # a rehearsal recovers too
    assert build().controller.snapshot.current.id == KT  # and the real show is as it was


def test_a_rehearsal_started_fresh_begins_a_minute_before_the_planned_start(build: Build, clock: FakeClock) -> None:
    parts = build(speed=60.0)
    press(parts, "toggle")
    clock.advance(MIN)
    parts.show_menu.start_fresh()
    assert parts.controller.snapshot.welcome_remaining_ms == MIN


def test_an_unwritable_state_folder_runs_the_show_and_says_it_is_not_recorded(build: Build, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state folder should be")
    parts = build(state_dir=blocked)
    badge = parts.control.status_line.recovered_label
    assert badge.isVisibleTo(parts.control) and "NOT RECORDED" in badge.text()
    assert any("cannot be written" in note for note in parts.notes)
    press(parts, "toggle")
    assert parts.controller.snapshot.running


def test_a_show_recorded_in_a_folder_that_became_read_only_is_resumed_unrecorded(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build()
    first.control.go_to(KT)
    first.abandon()
    before = (tmp_path / "state" / JOURNAL_NAME).read_bytes()

    def read_only(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("stagetimer.core.show.session.JournalWriter", read_only)
    parts = build()
    assert parts.controller.snapshot.current.id == KT  # the record is read, not lost
    badge = parts.control.status_line.recovered_label
    assert badge.isVisibleTo(parts.control) and "NOT RECORDED" in badge.text()
    assert any("cannot be written" in note and "Permission denied" in note for note in parts.notes)
    press(parts, "toggle")
    assert parts.controller.snapshot.running
    assert (tmp_path / "state" / JOURNAL_NAME).read_bytes() == before


# -- report ---------------------------------------------------------------------------------


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_the_report_menu_item_writes_csv_and_html_and_offers_the_folder(
    build: Build, clock: FakeClock, qtbot
) -> None:
    pytest.importorskip("stagetimer.core.report.report")
    parts = build()
    parts.control.go_to(KT)
    press(parts, "toggle")
    clock.advance(11 * MIN)
    press(parts, "next")
    with qtbot.waitSignal(parts.show_menu.report_finished, timeout=30_000):
        parts.show_menu.report_action.trigger()
    csv_path, html_path = parts.state_dir / "report.csv", parts.state_dir / "report.html"
    assert csv_path.is_file() and html_path.is_file()
    assert str(parts.state_dir) in parts.control.notice()
    box = parts.show_menu.report_box
    assert box is not None and box.isVisible() and not box.isModal()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        next(b for b in box.buttons() if b.text() == "Open folder").click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in catcher.opened] == [parts.state_dir]
    box.close()


@pytest.mark.parametrize("window", ["control", "presenter"])
def test_ctrl_n_pressed_in_any_window_opens_the_question(build: Build, qtbot, window: str) -> None:
    parts = build()
    target = getattr(parts, window)
    target.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is target, timeout=5_000)
    focus = parts.control.table if window == "control" else target
    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    box = parts.show_menu.confirm_box
    assert box is not None and box.isVisible()
    answer(box, QMessageBox.StandardButton.No)
