"""Keep PySide6 6.12.0's reference leaks from aborting a test run (Python < 3.12).

``stagetimer.ui.refcount_guard.protect_none`` covers ``None``. The same
PySide6 also drops a reference to ``True`` on every ``Signal.emit()`` made
from Python (measured: one per emit), so a run with a few thousand emits —
every controller publish is one — ends in "Fatal Python error: bool_dealloc"
at interpreter exit, after every test passed. The Control window tests
publish a lot, so they guard the booleans the same way until refcount_guard
does it for the whole app (reported: the running app has the same leak).
"""

from __future__ import annotations

import ctypes
import sys

from stagetimer.ui import refcount_guard


def protect_booleans() -> None:
    """Give None, True and False reference counts no test run can exhaust."""
    refcount_guard.protect_none()
    if not refcount_guard.needs_guard():
        return
    for value in (True, False):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt is PyObject's first field
        if count.value < refcount_guard.HEADROOM:
            count.value += refcount_guard.HEADROOM
    assert sys.getrefcount(True) > refcount_guard.HEADROOM
