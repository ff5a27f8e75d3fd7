"""The screenshot script renders every window in every state, as real PNGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tools.screenshots import (
    CONTROL_SCALING,
    CONTROL_SIZE,
    CONTROL_STATES,
    PRESENTER_STATES,
    PROJECTOR_STATES,
    SCALING,
)

ROOT = Path(__file__).resolve().parents[1]


def test_every_state_is_rendered_at_its_size(tmp_path: Path) -> None:
    # A subprocess: the script installs the agenda's UI language app-wide.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "tools.screenshots", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, check=False, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    expected = {f"presenter-{state}.png": (1920, 1080) for state in PRESENTER_STATES}
    expected |= {f"projector-{state.removeprefix('projector-')}.png": (1920, 1080) for state in PROJECTOR_STATES}
    expected |= {f"presenter-{state}-{w}x{h}.png": (w, h) for state, w, h in SCALING}
    expected |= {f"control-{state}.png": CONTROL_SIZE for state in CONTROL_STATES}
    expected |= {f"control-{state}-{w}x{h}.png": (w, h) for state, w, h in CONTROL_SCALING}
    written = {path.name for path in tmp_path.glob("*.png")}
    assert set(expected) <= written
    for name, (width, height) in expected.items():
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (width, height), name
        assert (tmp_path / name).stat().st_size < 400_000, f"{name} is too big for the docs"
    blackout = QImage(str(tmp_path / "projector-blackout.png")).convertToFormat(QImage.Format.Format_RGB888)
    assert set(bytes(blackout.constBits())) == {0}
