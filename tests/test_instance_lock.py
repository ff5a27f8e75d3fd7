"""Starting the app: a second StageTimer on the same show is refused, a killed
one's lock is taken over, and a failure while opening the windows is logged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from stagetimer.ui.app import EXIT_ALREADY_RUNNING
from tests.cli_runner import as_an_ordinary_user

ROOT = Path(__file__).parent.parent
AGENDA = ROOT / "agenda.yaml"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _start(state_dir: Path) -> subprocess.Popen[str]:
    """The real app, offscreen, once it says where its show record is (it then holds the lock)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "stagetimer", "--windowed", "--state-dir", str(state_dir), str(AGENDA)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "show record in" in line:
            return process
    process.kill()
    pytest.fail(f"the app did not start (exit {process.wait()})")


def _second(state_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "stagetimer", "--windowed", "--state-dir", str(state_dir), str(AGENDA)],
        capture_output=True, check=False, text=True, env=env, cwd=ROOT, timeout=60,
    )


def test_a_second_app_on_the_same_show_is_refused_until_the_first_is_killed(tmp_path: Path) -> None:
    first = _start(tmp_path)
    try:
        second = _second(tmp_path)
        assert second.returncode == EXIT_ALREADY_RUNNING
        assert f"process {first.pid}" in second.stderr and "already running" in second.stderr
        assert second.stderr.count("\n") == 1, "one sentence, no traceback"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    # kill -9 leaves the lock file behind; its process is gone, so the next app takes over.
    third = _start(tmp_path)
    third.terminate()
    third.wait(timeout=10)


def test_a_failure_while_opening_the_windows_is_logged_in_the_show_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Started from a desktop launcher, stderr is lost: the traceback must be in crash.log.
    from stagetimer.cli.main import build_run_parser
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.ui import app

    def broken_build(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no screens today")

    monkeypatch.setattr(app, "build_app", broken_build)
    options = build_run_parser().parse_args([str(AGENDA), "--state-dir", str(tmp_path), "--windowed"])
    assert app.run_app(AGENDA, load_agenda(AGENDA), options) == app.EXIT_START_FAILED
    log = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "RuntimeError: no screens today" in log and "broken_build" in log and "start-up" in log
    err = capsys.readouterr().err
    assert "could not open the windows" in err and str(tmp_path / "crash.log") in err
    # The lock is given back: the next start is not refused as "already running".
    from stagetimer.ui.instance_lock import acquire_show_lock

    assert not isinstance(acquire_show_lock(tmp_path), app.LockRefused)


# -- a read-only show folder -----------------------------------------------------------------

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file permissions as on Linux")
def test_a_read_only_show_folder_runs_the_show_unrecorded_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "stagetimer", "--windowed", "--state-dir", str(folder), str(AGENDA)]
    process = subprocess.Popen(
        as_an_ordinary_user(command),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    assert process.stderr is not None
    said: list[str] = []
    try:
        for line in process.stderr:
            said.append(line)
            if "show record in" in line:
                break
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=10)
        folder.chmod(0o755)
    text = "".join(said)
    assert "already running" not in text, text  # nothing else runs this show
    assert f"the show journal cannot be written ({folder}: Permission denied)" in text, text
    assert "a crash would lose the show" in text
    assert list(folder.iterdir()) == []  # and nothing was written there
