"""Uncaught exceptions: written to the show's state directory, shown, survived.

A bug in one slot must not end the morning. Qt hands an exception raised in
a Python slot to ``sys.excepthook`` and then carries on (the other slots of
the same signal still run, the display timer is already re-armed), so the
hook only has to write the traceback down and tell the operator. Exceptions
in other threads arrive through ``threading.excepthook`` and are passed to
the GUI thread by a queued signal. ``faulthandler`` covers what Python
cannot catch (a segfault in Qt): it writes every thread's stack to its own
file, kept open for the life of the process because it must not allocate
when the crash happens.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

CRASH_LOG_NAME = "crash.log"
FAULT_LOG_NAME = "faulthandler.log"

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _signature(info: ExcInfo) -> tuple[str, str, int]:
    """Same type raised from the same line: "the same error again"."""
    frames = traceback.extract_tb(info[2]) if info[2] is not None else []
    where = frames[-1] if frames else None
    return (info[0].__qualname__, where.filename if where else "", where.lineno or 0 if where else 0)


class CrashLog(QObject):
    """Catches uncaught exceptions while installed; one per app, never global state of its own."""

    #: An exception was written down; the argument is a sentence for the operator.
    #: Emitted from any thread: connect it to a QObject's method so it is queued.
    error_logged = Signal(str)

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = state_dir / CRASH_LOG_NAME
        self.fault_path = state_dir / FAULT_LOG_NAME
        self.count = 0
        self._seen: dict[tuple[str, str, int], int] = {}
        self._lock = threading.Lock()
        self._fault_file: IO[str] | None = None
        self._previous: tuple[Any, Any] | None = None

    # -- installing -------------------------------------------------------------

    @property
    def installed(self) -> bool:
        return self._previous is not None

    def install(self) -> None:
        """Take over sys.excepthook, threading.excepthook and faulthandler."""
        if self._previous is not None:
            return
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        try:
            self.fault_path.parent.mkdir(parents=True, exist_ok=True)
            self._fault_file = open(self.fault_path, "a", encoding="utf-8")  # noqa: SIM115 - open for life
            faulthandler.enable(file=self._fault_file, all_threads=True)
        except OSError as error:  # an unwritable state dir: faults go to stderr instead
            log.warning("faulthandler log %s unavailable (%s); using stderr", self.fault_path, error)
            faulthandler.enable(all_threads=True)

    def uninstall(self) -> None:
        """Give the hooks back (tests; the app keeps them until it exits)."""
        if self._previous is None:
            return
        sys.excepthook, threading.excepthook = self._previous
        self._previous = None
        faulthandler.disable()
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
        if sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)

    # -- recording ----------------------------------------------------------------

    def record(self, info: ExcInfo, where: str = "") -> bool:
        """Append the traceback to crash.log; False if the same error was already logged often.

        The same error is written in full the first time, then at the 2nd,
        4th, 8th... occurrence with its count: a slot failing on every tick
        for an hour leaves a dozen entries, not three thousand.
        """
        with self._lock:
            self.count += 1
            key = _signature(info)
            seen = self._seen.get(key, 0) + 1
            self._seen[key] = seen
        if seen & (seen - 1):  # not a power of two
            return False
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        heading = f"=== {stamp}  uncaught {info[0].__qualname__}" + (f" in {where}" if where else "")
        if seen > 1:
            heading += f"  (occurrence {seen} of this error)"
            body = "".join(traceback.format_exception_only(info[0], info[1]))
        else:
            body = "".join(traceback.format_exception(*info))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(heading + "\n" + body + "\n")
                out.flush()
        except OSError:  # nowhere to write: stderr still gets it below
            pass
        sys.stderr.write(heading + "\n" + body)
        return True

    def _on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](kind, value, tb)  # Ctrl+C in a terminal still ends the app
            return
        if self.record((kind, value, tb)):
            self.error_logged.emit(self._summary(value))

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        if self.record((args.exc_type, args.exc_value, args.exc_traceback), where=name):
            self.error_logged.emit(self._summary(args.exc_value))  # queued to the GUI thread

    def _summary(self, value: BaseException) -> str:
        error = f"{type(value).__name__}: {value}"
        error = error if len(error) <= 100 else error[:99] + "…"
        text = QCoreApplication.translate("CrashLog", "Internal error (%1), written to %2 — the show goes on")
        return text.replace("%1", error).replace("%2", str(self.path))
