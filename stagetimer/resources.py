"""Where the bundled agenda, fonts, translations and schema are on this machine.

Two layouts must work. From a source checkout (or an editable install) the
files are the canonical ones at the repository root: ``agenda.yaml`` and
``assets/``. From an installed wheel there is no repository, so the build
(setup.py) copies them into ``stagetimer/_bundled/``. The JSON schema is
ordinary package data in both cases. Callers ask for paths here and never
work out either layout themselves.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_root(package_dir: Path = _PACKAGE_DIR) -> Path:
    """The directory holding ``agenda.yaml`` and ``assets/``.

    A checkout is recognised by its ``pyproject.toml`` and ``assets/`` next to
    the package; it wins over a stale ``_bundled`` left by a local build, so
    edits to the canonical files are always what runs.
    """
    checkout = package_dir.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "assets").is_dir():
        return checkout
    return package_dir / "_bundled"


def bundled_agenda() -> Path:
    """The agenda shipped with the app (the first event it runs)."""
    return data_root() / "agenda.yaml"


def assets_dir() -> Path:
    """Fonts and translations."""
    return data_root() / "assets"


def fonts_dir() -> Path:
    """The bundled OFL fonts, with their licence beside them."""
    return assets_dir() / "fonts"


def translations_dir() -> Path:
    """Compiled Qt translations (``.qm``) for the UI text."""
    return assets_dir() / "translations"


def schema_path() -> Path:
    """The agenda JSON Schema, for editors and for ``stagetimer check``."""
    return _PACKAGE_DIR / "schema" / "agenda.schema.json"
