"""stagetimer/core must never load Qt.

The core is the part that runs in tests with a fake clock, in ``stagetimer
check`` on a machine without a display, and later behind a browser view or a
remote API. One stray ``import PySide6`` would tie all of that to Qt, so it is
checked twice: by reading the source, and by importing every core module.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "stagetimer" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "stagetimer.ui")
_IMPORT_FUNCTIONS = ("import_module", "__import__")


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def qt_imports(source: str, filename: str = "<source>", package: str = "stagetimer.core") -> list[str]:
    """``file:line: module`` for every import of Qt (or of the Qt UI) in the source.

    ``package`` is the package the source belongs to, to resolve ``from ..ui import x``.
    """
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = importlib.util.resolve_name("." * node.level + base, package)
            modules = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _IMPORT_FUNCTIONS and node.args and isinstance(node.args[0], ast.Constant):
                modules = [str(node.args[0].value)]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            # A module name in a string (importlib, lazy loaders) is an import waiting to happen.
            and node.value.startswith(("PySide6", "shiboken6"))
            and node.value.replace(".", "").isidentifier()
        ):
            modules = [node.value]
        found.extend(f"{filename}:{node.lineno}: {module}" for module in modules if _forbidden(module))
    return list(dict.fromkeys(found))  # a string argument to import_module is seen twice


def core_sources() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_checker_catches_every_way_of_importing_qt() -> None:
    # Without this the scan below could pass by finding nothing at all.
    source = "\n".join(
        [
            "import os",
            "import PySide6",
            "from PySide6.QtCore import QTimer",
            "from shiboken6 import isValid",
            "import importlib; importlib.import_module('PySide6.QtGui')",
            "__import__('shiboken6')",
            "from stagetimer.ui import app",
            "LAZY = 'PySide6.QtWidgets'",
            "from stagetimer.core import model",
            "TEXT = 'PySide6 is the Qt binding'",
            "from ..ui.app import run_app",
            "from . import timefmt",
        ]
    )
    lines = sorted({int(hit.split(":")[1]) for hit in qt_imports(source)})
    assert lines == [2, 3, 4, 5, 6, 7, 8, 11]


def test_core_sources_exist() -> None:
    names = {path.name for path in core_sources()}
    assert {"model.py", "timefmt.py", "clock.py", "show.py"} <= names


def test_no_core_source_imports_qt() -> None:
    hits: list[str] = []
    for path in core_sources():
        package = ".".join(path.parent.relative_to(REPO).parts)
        hits += qt_imports(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)), package)
    assert hits == [], "core must stay Qt-free:\n" + "\n".join(hits)


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for path in core_sources()
    ]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, text=True, cwd=REPO, env=env, timeout=60
    )
    if result.returncode != 0:
        pytest.fail(f"importing the core failed:\n{result.stderr}")
    assert json.loads(result.stdout) == []
