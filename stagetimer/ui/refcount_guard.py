"""A guard against a PySide6 6.12.0 reference-count bug on CPython before 3.12.

PySide6/shiboken6 6.12.0 returns ``None`` from void C++ methods
(``QPainter.setPen``, ``QWidget.update``, ...) without taking a reference
to it. From CPython 3.12 on ``None`` is immortal and that is harmless; on
3.10 and 3.11 every such call lowers ``None``'s count by one, and after a
few thousand calls (well under a minute of a running show with three
screens) the interpreter aborts with "Fatal Python error: none_dealloc".
PySide6 6.11.3 does not have the bug.

:func:`protect_none` gives ``None`` a reference count so large that the
leak cannot reach zero in any show (10^15 calls). It changes nothing where
it is not needed. The real fix is a PySide6 without the bug; this keeps a
live show safe until then.
"""

from __future__ import annotations

import ctypes
import platform
import sys

#: Added to None's reference count: a thousand years of ten thousand leaks a second.
HEADROOM = 10**15


def needs_guard() -> bool:
    """True on CPython before 3.12 (mortal None) with a PySide6 known to leak."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__.startswith("6.12.")


def protect_none() -> bool:
    """Raise None's reference count out of the leak's reach, once; True if it did."""
    if not needs_guard():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if count.value < HEADROOM:
        count.value += HEADROOM
    return True
