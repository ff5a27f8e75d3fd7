"""The guard that keeps PySide6 6.12.0's None leak from aborting a long show."""

from __future__ import annotations

import subprocess
import sys

from stagetimer.ui import refcount_guard

# Many more void Qt calls than None's own reference count (a few thousand at start-up).
SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget
from stagetimer.ui.refcount_guard import protect_none
app = QApplication([])
protect_none()
widget = QWidget()
for _ in range(300_000):
    widget.update()
print("survived")
"""


def test_a_long_run_of_void_qt_calls_does_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_the_guard_only_acts_where_none_is_mortal_and_pyside_leaks() -> None:
    import PySide6

    expected = sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")
    assert refcount_guard.needs_guard() == expected
    assert refcount_guard.protect_none() == expected
    if expected:
        assert sys.getrefcount(None) > refcount_guard.HEADROOM
