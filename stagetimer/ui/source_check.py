"""PySide6's import hook without its copy of every module's source.

Once PySide6 is imported, shiboken replaces ``__import__``: for every Python
module imported after it, it asks whether the module mentions "PySide6"
(``from __feature__ import snake_case`` may switch such a module's names) by
``inspect.getsource(module)``. That reads each file through ``linecache``,
which keeps every line of every module for the life of the process. For the
app's ~170 modules this was 5.6 MB of the heap and 23 ms of start-up
(issue 13, measured with tracemalloc and a timer around the check).

:func:`lighten` gives the hook the same answer from the file's bytes, kept
nowhere; the run command calls it just before it imports the app. Where the
hook is not found (another PySide6 release), nothing changes: the app is
only heavier.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: What shiboken's check looks for in a module's source.
MARKER = b"PySide6"


def _uses_pyside(module: ModuleType) -> bool:
    """True if the module's source file mentions PySide6 (shiboken's own test, without linecache)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # shiboken's check finds no source for these either
    try:
        with open(path, "rb") as file:
            return MARKER in file.read()
    except OSError:
        return False


def lighten() -> bool:
    """Install the lighter check in PySide6's import hook; True if the hook was found."""
    import PySide6  # noqa: F401 - loads shiboken and its hook

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
