"""The marker for source texts the Qt UI translates, without importing Qt.

The core writes its messages in English and marks each with
:func:`QT_TRANSLATE_NOOP`; pyside6-lupdate reads the source and finds the
marked literals, and the UI translates them when it shows them. It is a
module of its own, below ``agenda`` and ``timefmt``, so that both can mark
texts without importing each other.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for, hence not snake_case
    """Mark ``text`` for translation in ``context`` and return it unchanged.

    pyside6-lupdate reads the source and extracts the literal arguments of
    any call by this name, so the core's texts reach the catalogue without
    the core importing Qt. Both arguments must be string literals.
    """
    return text
