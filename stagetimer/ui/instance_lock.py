"""One app per show record: a second StageTimer on the same agenda is refused.

Two apps writing one journal would interleave their commands, and a restart
would replay both shows as one. A double-clicked launcher is the usual way
to get there, so the second app says which process holds the show and exits.
QLockFile writes the holder's pid and host; a lock left by a killed app is
stale (its process is gone) and is taken over, so crash recovery still works.
A folder where no lock can be made at all (read-only, no permission) is not
"held by another app": that is an OSError, and the show runs unrecorded.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "stagetimer.lock"


@dataclass(frozen=True)
class LockRefused:
    """Who holds the show, in words for the second app's one-line refusal."""

    state_dir: Path
    pid: int
    host: str

    def message(self) -> str:
        holder = f"process {self.pid} on {self.host}" if self.pid > 0 else "another process"
        return (
            f"this agenda's show is already running in another StageTimer ({holder}); "
            f"use that window, or close it first (show record: {self.state_dir})"
        )


def acquire_show_lock(state_dir: Path) -> QLockFile | LockRefused:
    """The held lock (keep it alive as long as the show runs), or who holds it.

    Raises OSError when the folder cannot hold a lock file at all: nobody
    holds the show then, the folder is just not writable.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(state_dir / LOCK_NAME))
    # The show runs for hours: a lock is never stale for its age, only when
    # the process that wrote it no longer exists.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.PermissionError:
        raise PermissionError(errno.EACCES, "Permission denied", str(state_dir))
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise OSError(f"cannot make a lock file in {state_dir}")
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname), or None when unreadable
    if isinstance(info, tuple) and len(info) >= 2:
        return LockRefused(state_dir, int(info[0]), str(info[1]))
    return LockRefused(state_dir, -1, "")
