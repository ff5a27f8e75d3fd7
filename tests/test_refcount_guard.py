"""The guard that keeps PySide6 6.12's None/True leaks from aborting a long show."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stagetimer.ui.common import refcount_guard

# Far more void Qt calls and signal emits than None and True have references
# (a few thousand at start-up): without the guard, PySide6 6.12 on Python 3.11
# aborts with none_dealloc / bool_dealloc long before the loop ends.
SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from stagetimer.ui.common.refcount_guard import protect_none
app = QApplication([])
protect_none()

class Ticker(QObject):
    ticked = Signal(int)

ticker = Ticker()
ticker.ticked.connect(lambda value: None)
widget = QWidget()
for number in range(300_000):
    widget.update()
    ticker.ticked.emit(number)
print("survived")
"""


def test_a_long_run_of_void_qt_calls_and_emits_does_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, check=False, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_the_guard_only_acts_where_the_singletons_are_mortal_and_pyside_leaks() -> None:
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    expected = sys.version_info < (3, 12) and (major, minor) >= (6, 12)
    assert refcount_guard.needs_guard() == expected
    assert refcount_guard.protect_none() == expected
    if expected:
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > refcount_guard.HEADROOM


@pytest.mark.parametrize(("text", "version"), [("6.12.0", (6, 12)), ("6.11.3", (6, 11)), ("6.8.2.1", (6, 8)),
                                               ("6.13.0a1", (6, 13))])
def test_pyside_versions_are_compared_as_numbers(text: str, version: tuple[int, int]) -> None:
    assert refcount_guard._version(text) == version
