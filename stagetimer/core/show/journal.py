"""Durable files of a show: the append-only journal and the current-state file.

The journal is JSON lines, each flushed and fsynced before the command's
effect is shown, so a power cut loses nothing that was applied. A torn last
line (the crash hit mid-write) is skipped, never fatal. The state file is a
small summary for scripts, replaced atomically so a reader never sees half.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

JOURNAL_NAME = "journal.jsonl"
#: The key read_journal adds to each record: its line number in the file.
LINE_KEY = "_line"
STATE_NAME = "state.json"


class JournalWriter:
    """Appends records to the journal, one fsynced line each."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file: BinaryIO = open(path, "ab")  # noqa: SIM115 - kept open for the show
        if path.stat().st_size:
            self._terminate_torn_line()

    def _terminate_torn_line(self) -> None:
        """A crash mid-line leaves no newline: start ours on a fresh line."""
        with open(self.path, "rb") as reader:
            reader.seek(-1, os.SEEK_END)
            if reader.read(1) != b"\n":
                self._file.write(b"\n")

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._file.write(line.encode("utf-8"))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()


@dataclass
class JournalContents:
    """The records that could be read, and a note for each line that could not."""

    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_journal(path: Path) -> JournalContents:
    """Every readable record in order; bad lines are reported, not raised."""
    contents = JournalContents()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return contents
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            contents.problems.append(f"{path}:{number}: skipped an unreadable line ({error})")
            continue
        if not isinstance(record, dict) or "type" not in record:
            contents.problems.append(f"{path}:{number}: skipped an unreadable line (not a journal record)")
            continue
        record[LINE_KEY] = number  # where it came from, for any note about it (never written back)
        contents.records.append(record)
    return contents


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` so that ``path`` holds either the old or the new whole file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report is meant to be shared,
        # so give it the permissions any new file of this user would get.
        os.chmod(temp, 0o666 & ~_current_umask())
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _current_umask() -> int:
    """The process umask (reading it means setting it, so it is put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
