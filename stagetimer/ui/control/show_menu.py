"""Control's "Show" menu: the show's record — recovered notice, start fresh, report, folder.

After a crash the app comes back on the recorded show and says so in the
status line, with the one key (Ctrl+N) that starts the day over instead.
Starting fresh discards nothing for good (the journal is archived beside
the new one) but it does end the show on the screens, so it is confirmed.
The report is written on a worker thread: embedding the font in the HTML
takes long enough to make the countdown miss a second.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from stagetimer import resources
from stagetimer.core.show.commands import StartFresh
from stagetimer.core.show.session import Session
from stagetimer.core.timefmt import format_countdown, format_tod
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller

log = logging.getLogger(__name__)

START_FRESH_KEY = "Ctrl+N"


class ShowMenu(QMenu):
    """Start fresh (Ctrl+N), write the report, open the show's folder."""

    #: The report is written (argument: (csv path, html path)) or failed (argument: the OSError).
    report_finished = Signal(object)

    def __init__(
        self,
        session: Session,
        controller: Controller,
        control: ControlWindow,
        *,
        language: str | None = None,
        fresh_anchor: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(self.tr("S&how"), control)
        self._session = session
        self._controller = controller
        self._control = control
        self._language = language
        self._fresh_anchor = fresh_anchor
        self.confirm_box: QMessageBox | None = None
        self.report_box: QMessageBox | None = None
        self.report_thread: threading.Thread | None = None

        self.start_fresh_action = QAction(self.tr("Start &fresh…"), self)
        self.start_fresh_action.setShortcut(QKeySequence(START_FRESH_KEY))
        self.start_fresh_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # any window
        self.start_fresh_action.triggered.connect(self.ask_start_fresh)
        self.report_action = QAction(self.tr("Write &report (CSV and HTML)"), self)
        self.report_action.triggered.connect(self.write_report)
        self.folder_action = QAction(self.tr("&Open the show folder"), self)
        self.folder_action.triggered.connect(lambda: self.open_folder(session.state_dir))
        for action in (self.start_fresh_action, self.report_action, self.folder_action):
            self.addAction(action)
        self.report_finished.connect(self._report_written)

    # -- recovery -----------------------------------------------------------------

    def announce_recovery(self) -> None:
        """Say that the show resumed from its record, and how to start over instead."""
        snap = self._controller.snapshot
        at = format_tod(snap.time_of_day_ms, seconds=True)
        badge = self.tr("RECOVERED %1 · %2 starts fresh").replace("%1", at).replace("%2", START_FRESH_KEY)
        self._control.show_recovered(badge)
        if snap.current is not None:
            state = self.tr("running") if snap.running else (self.tr("paused") if snap.paused else self.tr("ready"))
            text = self.tr("Resumed the recorded show: %1, %2 left, %3")
            text = text.replace("%1", snap.current.title).replace("%2", format_countdown(snap.remaining_ms))
            self._control.notify(text.replace("%3", state), warning=True)
        else:
            self._control.notify(self.tr("Resumed the recorded show"), warning=True)

    def ask_start_fresh(self) -> QMessageBox:
        """Ctrl+N: ask before ending the show on every screen (non-blocking: the clock goes on)."""
        if self.confirm_box is not None:
            self.confirm_box.activateWindow()
            return self.confirm_box
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Start fresh?"),
            self.tr("End the recorded show and go back to the welcome screen? Every screen shows the start of "
                    "the day again. The record so far is kept in the show folder as an archived journal."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._control,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)  # a stray Enter keeps the show
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._start_fresh_answered)
        self.confirm_box = box
        box.open()
        return box

    def _start_fresh_answered(self, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes:
            self.start_fresh()
        else:
            self._control.notify(self.tr("The recorded show goes on"))

    def start_fresh(self) -> None:
        """Archive the journal and start the day over, through the door; Control says how it went."""
        outcome = self._controller.apply(StartFresh(self._fresh_anchor()))
        if outcome.applied:
            self._control.show_recovered("")

    # -- report and folder ----------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Write the report in ``language`` from now on (the operator chose it in the Language menu)."""
        self._language = language

    def write_report(self) -> None:
        """Write report.csv and report.html into the show folder, off the GUI thread."""
        if self.report_thread is not None and self.report_thread.is_alive():
            self._control.notify(self.tr("The report is still being written"))
            return
        agenda, state_dir, language = self._session.agenda, self._session.state_dir, self._language

        def work() -> None:
            try:
                from stagetimer.core.report.files import write_report

                written = write_report(agenda, state_dir, language=language, fonts_dir=resources.fonts_dir())
                self.report_finished.emit(written)
            except Exception as error:
                log.exception("writing the report failed")
                self.report_finished.emit(error)

        self._control.notify(self.tr("Writing the report…"))
        self.report_thread = threading.Thread(target=work, name="report", daemon=True)
        self.report_thread.start()

    def _report_written(self, result: object) -> None:
        if isinstance(result, Exception):
            text = self.tr("Could not write the report: %1").replace("%1", str(result))
            self._control.notify(text, warning=True)
            return
        csv_path, html_path = cast("tuple[Path, Path]", result)
        self._control.notify(self.tr("Report written to %1").replace("%1", str(Path(html_path).parent)))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Report written"),
            self.tr("The report is in %1:\n%2\n%3").replace("%1", str(Path(html_path).parent))
            .replace("%2", Path(csv_path).name).replace("%3", Path(html_path).name),
            QMessageBox.StandardButton.Close,
            self._control,
        )
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: self.open_folder(Path(html_path).parent))
        box.setWindowModality(Qt.WindowModality.NonModal)  # the show stays in the operator's hands
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._report_box_closed)
        self.report_box = box
        box.show()

    def _report_box_closed(self) -> None:
        self.report_box = None

    def open_folder(self, folder: Path) -> bool:
        """Open ``folder`` in the system's file manager; say so if there is none."""
        folder.mkdir(parents=True, exist_ok=True)
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not opened:
            self._control.notify(self.tr("No file manager could open %1").replace("%1", str(folder)), warning=True)
        return opened
