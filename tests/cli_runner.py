"""Running ``python -m stagetimer`` as a user would, with this checkout on the path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Line 3 starts with a tab, which YAML forbids: a syntax error with a known line.
BROKEN_AGENDA = "event:\n  title: Broken\n\tstart: '10:00'\n"


#: Run before exec'ing the real command, in a fresh single-threaded Python: root
#: loses the capabilities that ignore file permissions (dropped from the bounding
#: set, they are gone from the program exec'd next), so a 0555 folder is
#: read-only to the command, as it is to any user's own app. Tests often run as
#: root in CI containers, where every folder is writable.
_DROP_AND_EXEC = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")
os.execv(sys.argv[1], sys.argv[1:])
"""


def as_an_ordinary_user(command: list[str]) -> list[str]:
    """``command`` meeting file permissions as an ordinary user does (unchanged when not root)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return command
    return [sys.executable, "-c", _DROP_AND_EXEC, *command]


def stagetimer(
    *args: str, cwd: Path = REPO, env_update: dict[str, str] | None = None, env_drop: tuple[str, ...] = (),
    ordinary_user: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m stagetimer ARGS`` with this checkout on the path (``ordinary_user``: see above)."""
    env = {key: value for key, value in os.environ.items() if key not in env_drop}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(env_update or {})
    return subprocess.run(
        (as_an_ordinary_user if ordinary_user else list)([sys.executable, "-m", "stagetimer", *args]),
        capture_output=True, check=False,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=120,
    )
