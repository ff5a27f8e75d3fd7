"""Editing the agenda file while KT presents: good edits go live, bad ones are listed, the show runs on.

The real app on a copy of the bundled agenda, a fake clock for the show and
real file-system events for the edits: the test waits for the watcher's
signal (never for a fixed time), then looks at what Control and the
speaker's screen show.
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import load_agenda, parse_agenda
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import FakeClock
from stagetimer.ui.agenda_watcher import AgendaWatcher
from stagetimer.ui.app import AppParts, build_app
from stagetimer.ui.control.agenda_status import error_line
from tests.app_teardown import close_apps

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MIN = 60_000
TEN_25 = (10 * 60 + 25) * 60_000
KT = "case-kt"
KT_TITLE = "실시간 통화기반 보이스피싱 탐지 서비스"
#: How long a file event may take to arrive on a busy machine (not a timing assertion).
EVENT_TIMEOUT_MS = 10_000

CONGRATS_BLOCK = """  - id: congrats
    kind: remarks
    title: 축사
    organisation: 과학기술정보통신부
    duration: 5m
    thresholds: {warning: 1m, danger: 30s}

"""
NEW_ITEM = """  - id: video
    kind: other
    title: 개회 영상
    duration: 3m

"""


@pytest.fixture
def agenda_file(tmp_path: Path, bundled_agenda_path: Path) -> Path:
    path = tmp_path / "event" / "agenda.yaml"
    path.parent.mkdir()
    shutil.copyfile(bundled_agenda_path, path)
    return path


@pytest.fixture
def app(qapp: QApplication, tmp_path: Path, agenda_file: Path) -> Iterator[tuple[AppParts, FakeClock]]:
    """The real app with KT three minutes into its ten."""
    clock = FakeClock(TEN_25)
    options = argparse.Namespace(lang="en", speed=1.0, windowed=True, presenter_screen=None, projector_screen=None)
    settings = QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)
    parts = build_app(agenda_file, load_agenda(agenda_file), options, settings=settings, clock=clock,
                      state_dir=tmp_path / "state")
    parts.control.go_to(KT)
    parts.control.trigger("toggle")
    clock.advance(3 * MIN)
    parts.controller.publish()
    yield parts, clock
    close_apps(qapp, parts)


def edit(path: Path, change: Callable[[str], str], atomic: bool = False) -> None:
    """Change the file as an editor would: in place, or a new file renamed over it."""
    text = change(path.read_text(encoding="utf-8"))
    if atomic:
        temp = path.with_name(".agenda.yaml.swp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    else:
        path.write_text(text, encoding="utf-8")


def kt_block(text: str) -> tuple[int, int]:
    start = text.index(f"  - id: {KT}\n")
    return start, text.index("\n\n", start)


def in_block(text: str, item_id: str, old: str, new: str) -> str:
    """Replace ``old`` with ``new`` inside one item's block of the YAML."""
    start = text.index(f"  - id: {item_id}\n")
    end = text.index("\n\n", start)
    assert old in text[start:end]
    return text[:start] + text[start:end].replace(old, new) + text[end:]


def change_kt(text: str, old: str, new: str) -> str:
    return in_block(text, KT, old, new)


def good_edit(text: str) -> str:
    """New KT title and speaker, 15 minutes instead of 10, remarks removed, a video added."""
    text = change_kt(text, KT_TITLE, "보이스피싱 탐지 (수정)")
    text = change_kt(text, "organisation: KT", "speaker: 김케이\n    organisation: KT")
    text = change_kt(text, "duration: 10m", "duration: 15m")
    text = text.replace(CONGRATS_BLOCK, "")
    return text.replace("items:\n", "items:\n" + NEW_ITEM)


def bad_edit(text: str) -> str:
    """A misspelt key in KT and a duration nobody can read in the next item."""
    text = change_kt(text, "duration: 10m", "duraton: 15m")
    return in_block(text, "case-kudo", "duration: 10m", "duration: ten minutes")


def test_a_valid_edit_goes_live_and_kt_keeps_its_elapsed_time(app, agenda_file: Path, qtbot) -> None:
    parts, _clock = app
    watcher = parts.live_agenda.watcher
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, good_edit)
    snap = parts.controller.snapshot
    assert snap.current.id == KT and snap.running
    assert snap.elapsed_ms == 3 * MIN and snap.remaining_ms == 12 * MIN  # 15 minutes now, 3 gone
    assert snap.current.title == "보이스피싱 탐지 (수정)" and snap.current.speaker_text == "김케이"
    ids = [item.id for item in snap.items]
    assert ids[:2] == ["video", "opening"] and "congrats" not in ids
    # What the people see: the speaker's screen and Control's own panel and table.
    assert parts.presenter.frame.current.title == "보이스피싱 탐지 (수정)"
    assert parts.control.current_panel.title_label.text() == "보이스피싱 탐지 (수정)"
    assert parts.control.model.row_of_item("congrats") == -1 and parts.control.model.row_of_item("video") >= 0
    panel = parts.control.agenda_status
    assert panel.isVisibleTo(parts.control) and panel.heading.text() == "Agenda reloaded 10:28:00"
    assert parts.controller.timer.isActive()
    # The edit is part of the record: a restart rebuilds the edited show.
    assert parts.session.agenda.items[0].id == "video"


def test_an_invalid_edit_lists_every_error_and_the_show_runs_on(app, agenda_file: Path, qtbot) -> None:
    parts, clock = app
    before, last_good = parts.controller.snapshot, parts.session.agenda
    watcher = parts.live_agenda.watcher
    with qtbot.waitSignal(watcher.agenda_rejected, timeout=EVENT_TIMEOUT_MS) as rejected:
        edit(agenda_file, bad_edit)
    with pytest.raises(AgendaInvalid) as invalid:
        parse_agenda(agenda_file.read_bytes(), str(agenda_file))
    expected = invalid.value.errors
    assert len(expected) >= 2 and rejected.args[0] == expected
    panel = parts.control.agenda_status
    assert panel.isVisibleTo(parts.control)
    assert panel.lines() == [error_line(error) for error in expected]
    assert all(line.split("  ")[0] == f"{e.line}:{e.column}" for line, e in zip(panel.lines(), expected, strict=True))
    assert any("did you mean 'duration'" in line for line in panel.lines())
    assert f"has {len(expected)} errors" in panel.heading.text()
    # Nothing about the show changed, and it keeps counting.
    assert parts.session.agenda is last_good and parts.controller.snapshot.items == before.items
    clock.advance(1_000)
    parts.controller.publish()
    assert parts.controller.snapshot.current.title == KT_TITLE
    assert parts.controller.snapshot.remaining_ms == before.remaining_ms - 1_000

    # Fixing the file clears the list and goes live.
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, lambda text: good_edit(bad_edit_undone(text)))
    assert panel.errors == [] and panel.heading.text().startswith("Agenda reloaded")
    assert not panel.error_list.isVisibleTo(parts.control)
    assert parts.controller.snapshot.remaining_ms == 15 * MIN - 3 * MIN - 1_000


def bad_edit_undone(text: str) -> str:
    text = change_kt(text, "duraton: 15m", "duration: 10m")
    return in_block(text, "case-kudo", "duration: ten minutes", "duration: 10m")


def test_editors_that_save_by_renaming_are_followed_edit_after_edit(app, agenda_file: Path, qtbot) -> None:
    parts, _clock = app
    watcher = parts.live_agenda.watcher
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, lambda text: change_kt(text, KT_TITLE, "첫 번째 수정"), atomic=True)
    assert parts.controller.snapshot.current.title == "첫 번째 수정"
    assert str(agenda_file) in watcher.watched()  # watching the new file, not the replaced one
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, lambda text: change_kt(text, "첫 번째 수정", "두 번째 수정"), atomic=True)
    assert parts.controller.snapshot.current.title == "두 번째 수정"


def test_an_edit_that_removes_the_item_on_stage_is_refused(app, agenda_file: Path, qtbot) -> None:
    parts, _clock = app
    before = parts.controller.snapshot

    def remove_kt(text: str) -> str:
        start, end = kt_block(text)
        return text[:start] + text[end + 2:]

    watcher = parts.live_agenda.watcher
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, remove_kt)
    snap = parts.controller.snapshot
    assert snap.current.id == KT and snap.running and snap.items == before.items
    (line,) = parts.control.agenda_status.lines()
    assert f"'{KT}'" in line and "not in the edited agenda" in line


# -- the watcher on its own ----------------------------------------------------------------


def test_saving_the_same_bytes_again_reloads_nothing(agenda_file: Path, qtbot) -> None:
    loads: list[Path] = []

    def load(path: Path) -> Agenda:
        loads.append(path)
        return load_agenda(path)

    watcher = AgendaWatcher(agenda_file, load)
    agenda_file.write_bytes(agenda_file.read_bytes())
    watcher.check_now()
    assert loads == []


def test_a_deleted_agenda_file_is_an_error_not_a_crash(agenda_file: Path, qtbot) -> None:
    watcher = AgendaWatcher(agenda_file, load_agenda)
    with qtbot.waitSignal(watcher.agenda_rejected, timeout=EVENT_TIMEOUT_MS) as rejected:
        agenda_file.unlink()
    (error,) = rejected.args[0]
    assert isinstance(error, AgendaError) and "removed" in error.message


def test_a_loader_bug_is_reported_as_an_error(agenda_file: Path, qtbot) -> None:
    def broken(path: Path) -> Agenda:
        raise RuntimeError("loader bug")

    watcher = AgendaWatcher(agenda_file, broken)
    agenda_file.write_text("event: {}\n", encoding="utf-8")
    with qtbot.waitSignal(watcher.agenda_rejected, timeout=EVENT_TIMEOUT_MS) as rejected:
        watcher.check_now()
    (error,) = rejected.args[0]
    # Located (the file, line 1), in words, without the exception's own text.
    assert (error.line, error.column) == (1, 1) and "internal error: RuntimeError" in error.message
    assert "last good agenda stays" in error_line(error) and "loader bug" not in error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_put_in_place_of_the_agenda_is_refused_not_waited_on(agenda_file: Path, qtbot) -> None:
    """Issue 9: reading a FIFO blocked the GUI thread for good. It is refused, in words, at the file."""
    watcher = AgendaWatcher(agenda_file, load_agenda)
    agenda_file.unlink()
    os.mkfifo(agenda_file)
    with qtbot.waitSignal(watcher.agenda_rejected, timeout=EVENT_TIMEOUT_MS) as rejected:
        watcher.check_now()
    (error,) = rejected.args[0]
    assert "named pipe (FIFO)" in error.message and error.message_phrase is not None
    assert error_line(error).startswith("1:1  ")


def test_a_logo_named_by_an_edit_appears_and_a_missing_one_is_a_located_error(
    app, agenda_file: Path, qtbot
) -> None:
    """The bundled agenda names no logo: none on the projector; an edit naming one puts it there."""
    parts, _clock = app
    assert not parts.projector._logo.available and parts.projector.logo_error == ""
    watcher = parts.live_agenda.watcher
    with qtbot.waitSignal(watcher.agenda_rejected, timeout=EVENT_TIMEOUT_MS) as rejected:
        edit(agenda_file, lambda text: text.replace("  language: ko\n", "  language: ko\n  logo: brand/logo.svg\n"))
    (error,) = rejected.args[0]
    logo_line = agenda_file.read_text(encoding="utf-8").splitlines().index("  logo: brand/logo.svg") + 1
    assert "does not exist" in error.message and (error.line, error.column) == (logo_line, 9)
    assert not parts.projector._logo.available  # the show runs on as it was
    logo = agenda_file.parent / "brand" / "logo.svg"
    logo.parent.mkdir()
    shutil.copyfile(Path(__file__).parent / "fixtures" / "logo.svg", logo)
    with qtbot.waitSignal(watcher.agenda_loaded, timeout=EVENT_TIMEOUT_MS):
        edit(agenda_file, lambda text: text + "\n")
    assert parts.session.agenda.event.logo == str(logo)
    assert parts.projector._logo.available and parts.control.projector_thumbnail._logo.available
