"""A guard against a PySide6 6.12 reference-count bug on CPython before 3.12.

PySide6/shiboken6 6.12.0 drops references it does not own:

* every void C++ method (``QPainter.setPen``, ``QWidget.update``,
  ``QLabel.setText``, ...) returns ``None`` without taking a reference to it;
* every ``Signal.emit()`` made from Python drops a reference to ``True``.

(Measured: exactly one per call, in both cases. PySide6 6.11.3 leaks neither.)
From CPython 3.12 on these singletons are immortal and the leak is harmless;
on 3.10 and 3.11 the counts fall by one per call, and after a few thousand
calls — well under a minute of a running show with three screens, or one
test session — the interpreter aborts with "Fatal Python error:
none_dealloc" (or ``bool_dealloc``).

Two defences, on purpose:

* pyproject.toml keeps PySide6 below 6.12 on Python < 3.12, so a fresh
  install never gets the leaking release there. That is the real fix.
* :func:`protect_none` gives ``None``, ``True`` and ``False`` reference
  counts no show can exhaust (10^15 leaks), for an environment that already
  has 6.12 (installed before the pin, or by hand). It changes nothing where
  it is not needed. The app, the screenshot script, the benchmark and the
  test session (tests/conftest.py) all call it before Qt does any work.
"""

from __future__ import annotations

import sys

#: Added to each singleton's reference count: a thousand years of ten thousand leaks a second.
HEADROOM = 10**15
#: The first PySide6 release measured to leak. No fixed release is known yet, so every later one is guarded.
FIRST_LEAKING = (6, 12)


def _version(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def needs_guard() -> bool:
    """True on CPython before 3.12 (mortal None and booleans) with a PySide6 known to leak."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return _version(PySide6.__version__) >= FIRST_LEAKING


def protect_none() -> bool:
    """Raise the counts of None, True and False out of the leak's reach, once; True if it did."""
    if not needs_guard():
        return False
    import ctypes  # only where the guard is needed: not a start-up cost everywhere

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is PyObject's first field
        if count.value < HEADROOM:
            count.value += HEADROOM
    return True
