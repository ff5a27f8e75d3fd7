"""The ``stagetimer`` command as a stage manager meets it: help, check, and failing early.

Subprocess tests run ``python -m stagetimer`` exactly as a user would; the run
path is tested in-process with a stand-in for the Qt app, so no window opens.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from stagetimer import resources
from stagetimer.cli import main as cli
from stagetimer.ui.display import NO_DISPLAY, display_problem
from tests.cli_runner import REPO, stagetimer

OPTIONS = ("--lang", "--speed", "--presenter-screen", "--projector-screen", "--state-dir", "--windowed", "--version")
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


# ---------------------------------------------------------------- help and arguments


def test_help_lists_every_option_and_the_check_subcommand() -> None:
    result = stagetimer("--help")
    assert result.returncode == 0
    for option in OPTIONS:
        assert option in result.stdout, option
    # Nothing the parser accepts is left out of the help.
    for action in cli.build_run_parser()._actions:
        for option in action.option_strings:
            assert option in result.stdout, option
    assert "stagetimer check AGENDA" in result.stdout
    assert "examples:" in result.stdout


def test_check_help_explains_the_exit_status() -> None:
    result = stagetimer("check", "--help")
    assert result.returncode == 0
    assert "exit status" in result.stdout and "AGENDA" in result.stdout


@pytest.mark.parametrize("speed", ["0", "-1", "abc", "nan", "inf", "\u0661\u0660", "1_0"])
def test_speed_must_be_a_positive_number(speed: str) -> None:
    result = stagetimer(f"--speed={speed}")
    assert result.returncode == 2
    assert "--speed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("speed", ["0.00001", "5e-7", "0.09", "121", "1e9"])
def test_speed_outside_a_sane_range_is_a_usage_error(speed: str) -> None:
    # 5e-7 overflowed the display timer at start-up (exit 70); 1e9 burned 92 % of a core.
    result = stagetimer(f"--speed={speed}", "no-such-agenda.yaml")  # before the fix: exit 1, never a window
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (  # the usage, then one sentence
        f"stagetimer: error: argument --speed: must be from 0.1 to 120 (got {speed}); "
        "1 is real time, 60 runs a minute per second"
    )


@pytest.mark.parametrize("speed", ["0.1", "120"])
def test_speed_at_the_ends_of_the_range_is_accepted(speed: str) -> None:
    assert cli.build_run_parser().parse_args(["--speed", speed]).speed == float(speed)


def test_speed_and_screens_are_parsed() -> None:
    options = cli.build_run_parser().parse_args(
        ["a.yaml", "--speed", "2.5", "--presenter-screen", "1", "--projector-screen", "HDMI-2", "--windowed"]
    )
    assert options.agenda == Path("a.yaml")
    assert options.speed == 2.5
    assert (options.presenter_screen, options.projector_screen) == ("1", "HDMI-2")
    assert options.windowed is True
    assert cli.build_run_parser().parse_args([]).speed == 1.0


def test_version_answers_without_an_agenda() -> None:
    result = stagetimer("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("stagetimer ")


# ---------------------------------------------------------------- stagetimer check


def test_check_bundled_agenda_prints_the_timetable() -> None:
    result = stagetimer("check", "agenda.yaml")
    assert result.returncode == 0, result.stderr
    assert "개회사" in result.stdout
    assert "12:30" in result.stdout


def test_check_broken_agenda_exits_1_naming_file_and_line(broken_agenda: Path) -> None:
    result = stagetimer("check", broken_agenda.name, cwd=broken_agenda.parent)
    assert result.returncode == 1
    assert "broken.yaml:3" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_check_missing_file_exits_1_with_its_name(tmp_path: Path) -> None:
    result = stagetimer("check", "nowhere.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_prints_korean_even_to_a_console_without_hangul() -> None:
    # A Windows console redirected to a file, or a C locale, cannot encode Hangul.
    result = stagetimer("check", "agenda.yaml", env_update={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "12:30" in result.stdout


# ---------------------------------------------------------------- starting the show


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland only")
def test_no_display_exits_2_with_one_sentence_before_loading_qt() -> None:
    script = (
        "import sys\n"
        "from stagetimer.cli.main import main\n"
        "code = main(['agenda.yaml'])\n"
        "print('qt-loaded' if 'PySide6' in sys.modules else 'qt-not-loaded')\n"
        "sys.exit(code)\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in DISPLAY_VARIABLES}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, text=True, cwd=REPO, env=env, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY
    assert result.stdout.strip() == "qt-not-loaded"


def test_broken_agenda_is_reported_before_the_display_check(broken_agenda: Path) -> None:
    result = stagetimer(str(broken_agenda), env_drop=DISPLAY_VARIABLES)
    assert result.returncode == 1
    assert "broken.yaml:3" in result.stderr
    assert NO_DISPLAY not in result.stderr


class FakeApp:
    """Stands in for stagetimer.ui.app: records what the command hands to Qt."""

    def __init__(self) -> None:
        self.calls: list[tuple[Path, object, argparse.Namespace]] = []

    def run_app(self, agenda_path: Path, agenda: object, options: argparse.Namespace) -> int:
        self.calls.append((agenda_path, agenda, options))
        return 0


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> FakeApp:
    app = FakeApp()
    module = types.ModuleType("stagetimer.ui.app")
    module.run_app = app.run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "stagetimer.ui.app", module)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return app


def test_run_hands_the_validated_agenda_and_options_to_the_app(fake_app: FakeApp, bundled_agenda_path: Path) -> None:
    code = cli.main([str(bundled_agenda_path), "--speed", "60", "--windowed", "--lang", "en"])
    assert code == 0
    ((path, agenda, options),) = fake_app.calls
    assert path == bundled_agenda_path
    assert len(agenda.items) > 0  # type: ignore[attr-defined]
    assert (options.speed, options.windowed, options.lang) == (60.0, True, "en")


def test_run_without_agenda_prefers_the_one_in_the_current_directory(
    fake_app: FakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main([]) == 0
    assert fake_app.calls[-1][0] == resources.bundled_agenda()

    local = tmp_path / "agenda.yaml"
    local.write_bytes(resources.bundled_agenda().read_bytes())
    assert cli.main([]) == 0
    assert fake_app.calls[-1][0] == local


def test_run_with_a_broken_agenda_never_starts_the_app(fake_app: FakeApp, broken_agenda: Path) -> None:
    assert cli.main([str(broken_agenda)]) == 1
    assert fake_app.calls == []


# ---------------------------------------------------------------- display detection


@pytest.mark.parametrize(
    ("environ", "platform", "problem"),
    [
        ({}, "linux", NO_DISPLAY),
        ({"DISPLAY": ":0"}, "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=two-screens.json"}, "linux", None),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", None),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", NO_DISPLAY),
        ({"DISPLAY": ""}, "linux", NO_DISPLAY),
        ({}, "win32", None),
        ({}, "darwin", None),
    ],
)
def test_display_problem(environ: dict[str, str], platform: str, problem: str | None) -> None:
    assert display_problem(environ, platform, loadable=lambda name: True) == problem


def test_missing_x11_libraries_are_named_with_their_packages_instead_of_qt_aborting() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", loadable=lambda name: name not in absent)
    assert problem is not None and problem.count(".") == 1, "one sentence"
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in problem
    # Wayland, offscreen and other systems do not load the X11 plugin at all.
    nothing = lambda name: False  # noqa: E731
    assert display_problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}, "linux", loadable=nothing) is None
    assert display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", loadable=nothing) is None
    assert display_problem({}, "win32", loadable=nothing) is None
