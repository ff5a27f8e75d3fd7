"""The app finds its agenda, fonts, licence and schema both in a checkout and once installed.

A missing font means boxes instead of Hangul on stage; a missing agenda means
``stagetimer`` cannot start. The packaging tests build a real wheel from a copy
of the source tree and look inside it, and run the installed copy.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from stagetimer import resources

REPO = Path(__file__).resolve().parent.parent
FONTS = ("Pretendard-Regular.otf", "Pretendard-SemiBold.otf", "Pretendard-Bold.otf")
LICENCE = "OFL-Pretendard.txt"
# What a build needs from the source tree (README.md is the package's long description).
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "agenda.yaml", "assets", "stagetimer")
#: In every checkout beside the package, and never to be shipped in the wheel.
DEV_ONLY = ("tools", "tests", "benchmarks")


def test_checkout_uses_the_canonical_top_level_files() -> None:
    assert resources.data_root() == REPO
    assert resources.bundled_agenda() == REPO / "agenda.yaml"
    assert resources.bundled_agenda().is_file()
    assert resources.translations_dir() == REPO / "assets" / "translations"
    for name in (*FONTS, LICENCE):
        assert (resources.fonts_dir() / name).is_file(), name
    assert resources.schema_path() == REPO / "stagetimer" / "schema" / "agenda.schema.json"
    assert resources.schema_path().is_file()


def test_an_installed_package_looks_in_its_bundled_copy(tmp_path: Path) -> None:
    package_dir = tmp_path / "site-packages" / "stagetimer"
    package_dir.mkdir(parents=True)
    assert resources.data_root(package_dir) == package_dir / "_bundled"


def _setuptools_builds_wheels() -> bool:
    """True when this environment can build the wheel offline (no build isolation)."""
    try:
        import setuptools
    except ImportError:
        return False
    major, minor = (int(part) for part in re.findall(r"\d+", setuptools.__version__)[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a copy of the source tree (the checkout stays clean)."""
    source = tmp_path_factory.mktemp("source")
    for name in (*BUILD_INPUTS, *DEV_ONLY):  # the dev-only folders are there, as in a real checkout
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
        else:
            shutil.copy2(origin, source / name)
    out = tmp_path_factory.mktemp("wheelhouse")
    isolation = ["--no-build-isolation"] if _setuptools_builds_wheels() else []
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "--quiet"]
    command += ["--wheel-dir", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, check=False, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("stagetimer-*.whl")
    return built


@pytest.mark.packaging
def test_wheel_carries_agenda_fonts_licence_and_schema(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("stagetimer/_bundled/agenda.yaml") == (REPO / "agenda.yaml").read_bytes()
        for name in (*FONTS, LICENCE):
            path = f"stagetimer/_bundled/assets/fonts/{name}"
            assert archive.read(path) == (REPO / "assets" / "fonts" / name).read_bytes(), path
        assert "stagetimer/schema/agenda.schema.json" in names
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        assert "stagetimer = stagetimer.cli.main:main" in archive.read(entry_points).decode()
    assert not any(name.startswith(("tests/", "build/")) or "__pycache__" in name for name in names)


@pytest.mark.packaging
def test_wheel_ships_only_the_app(wheel: Path) -> None:
    """The package and its metadata: no tools/, tests/ or benchmarks/, though the source tree had them."""
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    dist_info = {top for top in tops if top.endswith(".dist-info")}
    assert len(dist_info) == 1 and tops - dist_info == {"stagetimer"}, sorted(tops)


@pytest.mark.packaging
def test_installed_wheel_finds_its_files_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True, check=False,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    script = (
        "import json, stagetimer, stagetimer.resources as r\n"
        "print(json.dumps({'package': stagetimer.__file__, 'agenda': str(r.bundled_agenda()),"
        " 'fonts': str(r.fonts_dir()), 'schema': str(r.schema_path()),"
        " 'translations': str(r.translations_dir())}))\n"
    )
    # Run from an empty directory with only the installed copy on the path.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, text=True, cwd=tmp_path, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    paths = {key: Path(value) for key, value in json.loads(result.stdout).items()}
    bundled = target / "stagetimer" / "_bundled"
    assert paths["package"].is_relative_to(target)
    assert paths["agenda"] == bundled / "agenda.yaml" and paths["agenda"].is_file()
    assert paths["fonts"] == bundled / "assets" / "fonts"
    assert all((paths["fonts"] / name).is_file() for name in (*FONTS, LICENCE))
    assert paths["schema"].is_file() and paths["schema"].is_relative_to(target)
    assert paths["translations"] == bundled / "assets" / "translations"
