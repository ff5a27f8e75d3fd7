"""Windows on monitors: one, two and three screens, options, the menu, memory, unplugging.

Qt reads an offscreen screen layout (tests/qt/*.json) only when the
application starts, so each multi-monitor case runs tests/qt/place_windows.py
in a process of its own and reads where each window landed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from stagetimer.ui.control.screens_menu import ScreensMenu
from stagetimer.ui.placement import PRESENTER, PROJECTOR, Remembered
from stagetimer.ui.screens import ScreenMemory, ScreenPlacer

QT_DIR = Path(__file__).resolve().parent / "qt"
HELPER = QT_DIR / "place_windows.py"


def place(tmp_path: Path, layout: str, *args: str, settings: Path | None = None) -> list[dict]:
    """Run the helper on a layout; one report per step ("start" first)."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    settings_dir = settings or tmp_path / "settings"
    result = subprocess.run(
        [sys.executable, str(HELPER), str(QT_DIR / f"{layout}.json"), str(settings_dir), *args],
        capture_output=True, check=False,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "QWARN" not in result.stderr and "Warning" not in result.stderr, result.stderr
    reports = json.loads(result.stdout)
    reports[0]["stderr"] = result.stderr
    return reports


def where(report: dict) -> dict[str, tuple[str, bool]]:
    """role → (screen name, full screen?)"""
    return {role: (w["screen"], w["full_screen"]) for role, w in report["windows"].items()}


#: A window on the laptop screen, not full screen.
ON_LAPTOP = ("LAPTOP", False)


# -- start-up placement, in a process per layout ------------------------------------


def test_one_screen_opens_three_ordinary_windows_side_by_side(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "one-screen")
    assert where(start) == {"control": ON_LAPTOP, "presenter": ON_LAPTOP, "projector": ON_LAPTOP}
    control, presenter, projector = (start["windows"][r]["geometry"] for r in ("control", "presenter", "projector"))
    assert control[0] + control[2] <= presenter[0]  # the views do not hide the agenda
    assert presenter[1] + presenter[3] <= projector[1]


def test_two_screens_put_the_projector_full_screen_on_the_second(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "two-screens")
    assert where(start) == {"control": ON_LAPTOP, "presenter": ("LAPTOP", False), "projector": ("PROJECTOR", True)}
    assert start["windows"]["projector"]["geometry"] == [1920, 0, 1280, 720]


def test_three_screens_put_presenter_and_projector_on_the_non_primary_screens(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "three-screens")
    assert where(start) == {"control": ON_LAPTOP, "presenter": ("MONITOR", True), "projector": ("PROJECTOR", True)}
    assert start["windows"]["projector"]["geometry"] == [3840, 0, 3840, 2160]


def test_screens_chosen_on_the_command_line_by_name_and_index(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "three-screens", "--presenter-screen", "projector", "--projector-screen", "1")
    assert where(start)["presenter"] == ("PROJECTOR", True)
    assert where(start)["projector"] == ("MONITOR", True)


def test_a_mistyped_screen_is_reported_and_the_default_used(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "two-screens", "--projector-screen", "HDMI-2")
    assert where(start)["projector"] == ("PROJECTOR", True)
    assert "no such screen (screens: 0 LAPTOP, 1 PROJECTOR)" in start["stderr"]


def test_windowed_keeps_every_window_ordinary_even_with_three_screens(tmp_path: Path) -> None:
    (start,) = place(tmp_path, "three-screens", "--windowed")
    assert all(not full for _, full in where(start).values())
    assert {screen for screen, _ in where(start).values()} == {"LAPTOP"}


# -- unplugging and plugging back -------------------------------------------------


def test_unplugging_the_projector_moves_its_window_and_plugging_back_returns_it(tmp_path: Path) -> None:
    start, unplugged, replugged = place(tmp_path, "three-screens", "unplug:PROJECTOR", "replug:PROJECTOR")
    assert where(unplugged)["projector"] == ("LAPTOP", False)  # never on top of the speaker's monitor
    assert where(unplugged)["presenter"] == ("MONITOR", True)  # the other audience is undisturbed
    assert where(unplugged)["projector"][0] in unplugged["screens"]
    assert where(replugged) == where(start)


def test_an_orphan_prefers_a_free_secondary_screen(tmp_path: Path) -> None:
    _, moved, unplugged = place(tmp_path, "three-screens", "--windowed", "move:projector=PROJECTOR", "unplug:PROJECTOR")
    assert where(moved)["projector"] == ("PROJECTOR", True)
    # The presenter is an ordinary window, so MONITOR is free for the projector.
    assert where(unplugged)["projector"] == ("MONITOR", True)


def test_unplugging_the_only_second_screen_leaves_a_window_on_the_laptop(tmp_path: Path) -> None:
    _, unplugged = place(tmp_path, "two-screens", "unplug:PROJECTOR")
    assert where(unplugged) == {
        "control": ("LAPTOP", False),
        "presenter": ("LAPTOP", False),
        "projector": ("LAPTOP", False),
    }
    assert unplugged["windows"]["projector"]["visible"]


def test_the_real_app_opens_on_three_screens_and_survives_an_unplug(tmp_path: Path) -> None:
    start, running, unplugged = place(tmp_path, "three-screens", "--app", "command:start", "unplug:MONITOR")
    assert where(start) == {"control": ON_LAPTOP, "presenter": ("MONITOR", True), "projector": ("PROJECTOR", True)}
    assert running["clock"] == {"running": True, "ticking": True}
    assert where(unplugged)["presenter"] == ("LAPTOP", False)
    assert where(unplugged)["projector"] == ("PROJECTOR", True)
    assert unplugged["clock"] == {"running": True, "ticking": True}  # the speaker's clock never stopped


# -- the Screens menu's moves, remembered per screen name ----------------------------


def test_moving_onto_the_other_windows_screen_swaps_them(tmp_path: Path) -> None:
    _, moved = place(tmp_path, "three-screens", "move:projector=MONITOR")
    assert where(moved)["projector"] == ("MONITOR", True)
    assert where(moved)["presenter"] == ("PROJECTOR", True)


def test_a_menu_choice_is_remembered_at_the_next_start(tmp_path: Path) -> None:
    settings = tmp_path / "remembered"
    place(tmp_path, "three-screens", "move:projector=MONITOR", settings=settings)
    (start,) = place(tmp_path, "three-screens", settings=settings)
    assert where(start)["projector"] == ("MONITOR", True)
    assert where(start)["presenter"] == ("PROJECTOR", True)
    # A venue with only one of those screens still honours what it knows.
    (two,) = place(tmp_path, "two-screens", settings=settings)
    assert where(two)["presenter"] == ("PROJECTOR", True)
    assert where(two)["projector"] == ("LAPTOP", False)


def test_choosing_windowed_is_honoured_live(tmp_path: Path) -> None:
    _, moved = place(tmp_path, "two-screens", "move:projector=-")
    assert where(moved)["projector"] == ("LAPTOP", False)


# -- in process: the menu and the memory (one offscreen screen) ---------------------


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "stagetimer.ini"), QSettings.Format.IniFormat)


def test_memory_round_trips_names_that_qsettings_would_split(settings: QSettings) -> None:
    memory = ScreenMemory(settings)
    memory.remember(PROJECTOR, "DP-1/2", present=["eDP-1", "DP-1/2"])
    memory.remember(PRESENTER, "HDMI 1", present=["eDP-1", "DP-1/2", "HDMI 1"])
    assert memory.load() == {"DP-1/2": Remembered(PROJECTOR, 1), "HDMI 1": Remembered(PRESENTER, 2)}


def test_a_new_choice_forgets_the_old_one_on_screens_present_but_not_on_absent_ones(settings: QSettings) -> None:
    memory = ScreenMemory(settings)
    memory.remember(PROJECTOR, "VENUE-A", present=["LAPTOP", "VENUE-A"])
    memory.remember(PROJECTOR, "HDMI-1", present=["LAPTOP", "HDMI-1"])
    memory.remember(PROJECTOR, "DP-1", present=["LAPTOP", "HDMI-1", "DP-1"])
    assert memory.load() == {"VENUE-A": Remembered(PROJECTOR, 1), "DP-1": Remembered(PROJECTOR, 3)}


def test_the_menu_lists_each_screen_with_its_size_and_ticks_where_windows_are(qtbot, settings: QSettings) -> None:
    app = QApplication.instance()
    control, presenter, projector = QWidget(), QWidget(), QWidget()
    for widget in (control, presenter, projector):
        qtbot.addWidget(widget)
    placer = ScreenPlacer(app, control, {PRESENTER: presenter, PROJECTOR: projector}, settings)
    placer.place_initial()
    menu = ScreensMenu(placer)
    qtbot.addWidget(menu)
    screen = app.primaryScreen()
    size = screen.geometry().size()
    labels = [action.text() for action in menu.projector_menu.actions() if not action.isSeparator()]
    assert labels[0].startswith(f"0  {screen.name()} — {size.width()}×{size.height()}")
    assert labels[-1] == "Windowed"
    checked = [action.text() for action in menu.projector_menu.actions() if action.isChecked()]
    assert checked == ["Windowed"]

    menu.projector_menu.actions()[0].trigger()
    assert projector.isFullScreen() and projector.screen() is screen
    assert projector.cursor().shape() == Qt.CursorShape.BlankCursor  # no pointer over the audience
    assert placer.current(PROJECTOR) == screen.name()
    checked = [action.data() for action in menu.projector_menu.actions() if action.isChecked()]
    assert checked == [screen.name()]


def test_an_unplugged_stage_screen_raises_a_red_alarm_in_control_until_it_is_back(tmp_path: Path) -> None:
    # The offscreen platform cannot remove a screen at run time: the step emits
    # QGuiApplication.screenRemoved for it, which is what Qt does when a cable is pulled.
    start, unplugged, replugged = place(tmp_path, "three-screens", "--app", "signal-unplug:PROJECTOR",
                                        "replug:PROJECTOR")
    assert start["alarm"] == ""
    assert unplugged["alarm"] == (
        "Screen \u201cPROJECTOR\u201d disconnected: the Projector window is now a window on LAPTOP")
    assert where(unplugged)["projector"] == ("LAPTOP", False)
    assert replugged["alarm"] == ""
    assert where(replugged)["projector"] == ("PROJECTOR", True)
