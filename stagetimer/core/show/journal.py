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
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

JOURNAL_NAME = "journal.jsonl"
#: A day's journal is well under a megabyte; past this it is not a show's record.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
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


class JournalUnreadable(OSError):
    """The journal is not a file that can be read as one: a pipe, a device, a folder, or far too large."""


def read_journal(path: Path) -> JournalContents:
    """Every readable record in order; bad lines are reported, not raised.

    Raises JournalUnreadable when the path is not a regular file of a sane
    size (a named pipe would hang the reader, /dev/zero would fill memory).
    """
    contents = JournalContents()
    try:
        data = _read_regular(path)
    except FileNotFoundError:
        return contents
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        problem = ""
        try:
            record = json.loads(raw.decode("utf-8"))
            # A lone surrogate ("\ud800") reads, but could never be written back.
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except (ValueError, UnicodeError, RecursionError) as error:
            problem = str(error) if not isinstance(error, RecursionError) else "nested too deep"
        else:
            if not isinstance(record, dict) or "type" not in record:
                problem = "not a journal record"
        if problem:
            contents.problems.append(f"{path}:{number}: skipped an unreadable line ({problem[:200]})")
            continue
        record[LINE_KEY] = number  # where it came from, for any note about it (never written back)
        contents.records.append(record)
    return contents


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file no larger than MAX_JOURNAL_BYTES."""
    info = path.stat()  # FileNotFoundError: nothing recorded yet
    if not stat.S_ISREG(info.st_mode):
        raise JournalUnreadable(f"{path} is not a regular file")
    if info.st_size > MAX_JOURNAL_BYTES:
        raise JournalUnreadable(f"{path} is {info.st_size / 1e6:.0f} MB, more than any show records")
    # Non-blocking, and checked again once open: the path may have been swapped for a pipe meanwhile.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise JournalUnreadable(f"{path} is not a regular file")
        return handle.read(MAX_JOURNAL_BYTES + 1)[:MAX_JOURNAL_BYTES]


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", *, private: bool = False) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new whole file (``private``: user-only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report is meant to be shared,
        # so give it the permissions any new file of this user would get.
        os.chmod(temp, 0o600 if private else 0o666 & ~_current_umask())
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
