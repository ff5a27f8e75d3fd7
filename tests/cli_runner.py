"""Running ``python -m stagetimer`` as a user would, with this checkout on the path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Line 3 starts with a tab, which YAML forbids: a syntax error with a known line.
BROKEN_AGENDA = "event:\n  title: Broken\n\tstart: '10:00'\n"


def stagetimer(
    *args: str, cwd: Path = REPO, env_update: dict[str, str] | None = None, env_drop: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m stagetimer ARGS`` with this checkout on the path."""
    env = {key: value for key, value in os.environ.items() if key not in env_drop}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(env_update or {})
    return subprocess.run(
        [sys.executable, "-m", "stagetimer", *args],
        capture_output=True, check=False,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=120,
    )
