"""PySide6's import hook answers as before, without keeping every module's source (issue 13)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from stagetimer.ui import source_check

source_check.lighten()  # as the run command does before it imports the app


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "probe_uses_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "probe_plain.py").write_text("import json\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("probe_uses_qt", "probe_plain"):
        sys.modules.pop(name, None)


def test_the_hook_is_lightened() -> None:
    assert source_check.lighten()  # PySide6 6.7-6.11 all have the hook: if it moved, start-up got heavier


def test_modules_are_told_apart_as_shiboken_would(modules: Path) -> None:
    __import__("probe_uses_qt")  # through the import statement's hook, as modules are
    __import__("probe_plain")
    decided = sys.modules["PySide6.support.feature"].pyside_feature_dict
    assert decided["probe_uses_qt"] == 0  # may use a feature such as snake_case
    assert decided["probe_plain"] == -1  # ignored


def test_no_source_is_kept(modules: Path) -> None:
    __import__("probe_uses_qt")
    assert str(modules / "probe_uses_qt.py") not in linecache.cache
