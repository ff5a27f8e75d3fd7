"""Build step that puts the bundled agenda and assets inside the package.

The canonical ``agenda.yaml`` and ``assets/`` live at the top of the
repository, where people edit them. An installed wheel has no repository
around it, so the build copies them into ``stagetimer/_bundled/``;
``stagetimer.resources`` looks there when it is not running from a checkout.
Everything else about the package is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import FileError

ROOT = Path(__file__).resolve().parent
BUNDLED = ("agenda.yaml", "assets")


def _wanted(path: Path) -> bool:
    """Skip editor and OS litter (dotfiles, caches) so the wheel holds only real assets."""
    return not any(part.startswith(".") or part == "__pycache__" for part in path.parts)


class BuildPyWithBundled(build_py):
    """``build_py`` that also copies the bundled agenda and assets into the build dir."""

    def run(self) -> None:
        super().run()
        # An editable install runs from the checkout, where the files already are.
        if not getattr(self, "editable_mode", False):
            self._copy_bundled()

    def _bundled_target(self) -> Path:
        return Path(self.build_lib) / "stagetimer" / "_bundled"

    def _bundled_sources(self) -> list[Path]:
        """Every file to bundle, relative to the repository root."""
        files: list[Path] = []
        for name in BUNDLED:
            source = ROOT / name
            if source.is_file():
                files.append(Path(name))
            elif source.is_dir():
                files.extend(
                    path.relative_to(ROOT)
                    for path in sorted(source.rglob("*"))
                    if path.is_file() and _wanted(path.relative_to(ROOT))
                )
            else:
                # A wheel without its agenda or fonts would start and then fail on stage.
                raise FileError(f"cannot bundle {source}: it does not exist")
        return files

    def _copy_bundled(self) -> None:
        target = self._bundled_target()
        if target.exists():
            shutil.rmtree(target)  # no stale files from an earlier build
        for relative in self._bundled_sources():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / relative, destination)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            target = self._bundled_target()
            outputs.extend(str(target / relative) for relative in self._bundled_sources())
        return outputs


setup(cmdclass={"build_py": BuildPyWithBundled})
