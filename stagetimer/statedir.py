"""Where a show's journal, state file and crash log live.

One directory per agenda file, under the platform's data directory as Qt
reports it (QStandardPaths: ~/.local/share, %LOCALAPPDATA%, ~/Library/...),
so two events prepared on one laptop never share a journal. Only QtCore is
used, which needs no display: ``stagetimer status`` works on a headless box.

The folder's hash is QtCore's SHA-1, not ``hashlib``'s: ``hashlib`` loads
OpenSSL's libcrypto (3.4 MB resident) into a running show that needs it for
nothing else. Both give the same digest, so every show's folder keeps its name.
"""

from __future__ import annotations

import re
from pathlib import Path

APP_DIR = "StageTimer"


def platform_data_dir() -> Path:
    """The per-user data directory, e.g. ~/.local/share/StageTimer on Linux."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base or Path.home()) / APP_DIR


def path_digest(text: str) -> str:
    """The SHA-1 of ``text`` (UTF-8) in hex, as ``hashlib.sha1(...).hexdigest()`` gives it."""
    from PySide6.QtCore import QCryptographicHash

    digest = QCryptographicHash.hash(text.encode("utf-8"), QCryptographicHash.Algorithm.Sha1)
    return bytes(digest.toHex().data()).decode("ascii")


def state_dir_for(agenda_path: Path, override: Path | None = None) -> Path:
    """``override`` as given, else a directory named after the agenda file.

    The name carries a short hash of the agenda's absolute path, so two
    ``agenda.yaml`` files in different folders stay apart.
    """
    if override is not None:
        return Path(override)
    resolved = str(Path(agenda_path).resolve())
    digest = path_digest(resolved)[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(agenda_path).stem).strip("-") or "agenda"
    return platform_data_dir() / "shows" / f"{stem}-{digest}"


def rehearsal_dir(state_dir: Path, speed: float) -> Path:
    """Where a show at ``speed`` keeps its record: ``state_dir`` itself at 1, else ``rehearsal-xN`` in it.

    A rehearsal's clock runs N times faster, so its record must never be
    resumed as, or reported as, the real show's.
    """
    return state_dir if speed == 1 else state_dir / f"rehearsal-x{speed:g}"
