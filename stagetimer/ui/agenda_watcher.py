"""Watches the agenda file and hands over each edit, parsed, within a second.

Editors rarely write a file in place: most write a new file and rename it
over the old one, which makes the watched inode vanish and QFileSystemWatcher
forget the path. So the directory is watched too, the path is added again
after every change, and changes are debounced (an editor's save is several
events) before the file is read. A save that leaves the bytes as they were
(or a change to some other file in the folder) is ignored.

The watcher only parses; what an edit does to the running show is for the
app to decide (stagetimer.ui.live_agenda).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QCryptographicHash, QFileSystemWatcher, QObject, QTimer, Signal

from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import NotAnAgendaFile, load_agenda, read_agenda_bytes
from stagetimer.core.agenda.model import Agenda

log = logging.getLogger(__name__)

#: Quiet time after the last file event before the file is read.
DEBOUNCE_MS = 200

AgendaLoader = Callable[[Path], Agenda]


def internal_error(path: Path, error: Exception) -> AgendaError:
    """A loader bug as one line of the error panel: the file, that it is not the file's fault, what failed."""
    text = QCoreApplication.translate(
        "AgendaWatcher",
        "StageTimer could not check this edit (internal error: %1); the last good agenda stays. "
        "Please report it with the log",
    ).replace("%1", type(error).__name__)
    return AgendaError(str(path), 1, 1, text)


def load_with_core_loader(path: Path) -> Agenda:
    """The real loader."""
    return load_agenda(path)


class AgendaWatcher(QObject):
    """Emits ``agenda_loaded`` for each valid edit and ``agenda_rejected`` with every error."""

    #: A changed agenda file parsed cleanly (argument: the Agenda).
    agenda_loaded = Signal(object)
    #: A changed agenda file has errors (argument: list[AgendaError], all of them).
    agenda_rejected = Signal(list)

    def __init__(
        self,
        path: Path,
        load: AgendaLoader = load_with_core_loader,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path).absolute()
        self._load = load
        self._last_digest = self._digest()  # the agenda the app started with
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.check_now)
        self._watch()

    def watched(self) -> list[str]:
        """The paths the system is watching now (the file and its folder)."""
        return self._watcher.files() + self._watcher.directories()

    def check_now(self) -> None:
        """Read the file if it changed and emit what it holds."""
        self._watch()  # an editor's rename made the watcher drop the file
        digest = self._digest()
        if digest == self._last_digest:
            return
        self._last_digest = digest
        if digest is None:
            text = QCoreApplication.translate(
                "AgendaWatcher", "The agenda file was removed or cannot be read; the last good agenda stays"
            )
            self.agenda_rejected.emit([AgendaError(str(self.path), 0, 0, text)])
            return
        try:
            agenda = self._load(self.path)
        except AgendaInvalid as invalid:
            self.agenda_rejected.emit(list(invalid.errors))
            return
        except NotAnAgendaFile as refused:  # a folder or a FIFO put in its place
            self.agenda_rejected.emit([refused.error])
            return
        except OSError as error:  # gone again between the read above and the loader's
            self.agenda_rejected.emit([AgendaError(str(self.path), 0, 0, str(error.strerror or error))])
            return
        except Exception as error:  # a loader bug must not end the show
            log.exception("loading %s failed unexpectedly", self.path)
            self.agenda_rejected.emit([internal_error(self.path, error)])
            return
        self.agenda_loaded.emit(agenda)

    # -- internals ------------------------------------------------------------

    def _on_event(self, _path: str) -> None:
        self._debounce.start()  # restarts: the last event of a save counts

    def _watch(self) -> None:
        """Watch the folder always, the file whenever it exists."""
        folder = str(self.path.parent)
        if folder not in self._watcher.directories() and self.path.parent.is_dir():
            self._watcher.addPath(folder)
        if str(self.path) not in self._watcher.files() and self.path.is_file():
            self._watcher.addPath(str(self.path))

    def _digest(self) -> str | None:
        """What the file holds now, or None if it is gone; never blocks (a FIFO is not opened).

        Qt's SHA-256, not ``hashlib``'s: that would load OpenSSL's libcrypto
        (3.4 MB resident) into the running show for this alone.
        """
        try:
            digest = QCryptographicHash.hash(read_agenda_bytes(self.path), QCryptographicHash.Algorithm.Sha256)
            return bytes(digest.toHex().data()).decode("ascii")
        except NotAnAgendaFile as refused:  # the loader says why, in the user's language
            return f"refused: {refused.error.message}"
        except AgendaInvalid as invalid:  # too big: the loader says so
            return f"refused: {invalid}"
        except OSError:
            return None
