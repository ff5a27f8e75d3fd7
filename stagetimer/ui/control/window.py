"""The stage manager's window: the whole agenda, the live item, and every live action on one key.

Everything the operator does goes through :meth:`ControlWindow.trigger`,
named after an entry of the key table (stagetimer.ui.control.keys): a key in any of
the three windows, a button and a double-click all end there, and from
there in ``controller.apply``. Nothing the operator presses may stop the
show or hide it behind a modal box: a command that cannot apply leaves the
show as it was and says why in the notice line, which clears itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.core.show.commands import Command
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.timefmt import format_countdown
from stagetimer.ui.common import fonts
from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_status import AgendaStatusPanel
from stagetimer.ui.control.agenda_table import AgendaTableModel
from stagetimer.ui.control.agenda_view import AgendaTableView
from stagetimer.ui.control.buttons import ButtonPanel, KeyLegend
from stagetimer.ui.control.keys import ACTIONS_BY_NAME, MINUTE_MS, KeyRouter
from stagetimer.ui.control.message_dialog import MessageDialog
from stagetimer.ui.control.panels import (
    CurrentPanel,
    MessageBar,
    StatusLine,
    fill,
    set_colour,
    set_text,
)
from stagetimer.ui.controller import Controller
from stagetimer.ui.stage.presenter import PresenterView
from stagetimer.ui.stage.projector import ProjectorView

#: Thumbnails of the stage screens: 16:9, small enough for a 1366×768 laptop.
THUMB_WIDTH, THUMB_HEIGHT = 320, 180
#: How long a notice stays (real time; the show's speed does not matter here).
NOTICE_MS = 7_000


class ControlWindow(QMainWindow):
    """Agenda table, current item, status line, thumbnails, buttons and key legend."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("StageTimer — Control"))
        # The bundled font even if the app has not made it the default (Korean must never be
        # boxes), sized in pixels so a laptop's DPI setting cannot push it past 1366×768.
        self.setStyleSheet(style.stylesheet(fonts.family()))
        self.message_dialog: MessageDialog | None = None
        self._failed = False

        central = QWidget()
        central.setObjectName("controlCentral")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 8)
        outer.setSpacing(6)

        self.status_line = StatusLine()
        outer.addWidget(self.status_line)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.current_panel = CurrentPanel()
        top.addWidget(self.current_panel, 1)
        self.presenter_thumbnail = PresenterView()
        self.projector_thumbnail = ProjectorView()
        self.presenter_caption = QLabel(self.tr("Presenter screen"))
        self.projector_caption = QLabel(self.tr("Projector screen"))
        for caption, view in ((self.presenter_caption, self.presenter_thumbnail),
                              (self.projector_caption, self.projector_thumbnail)):
            top.addLayout(self._thumbnail_column(caption, view))
        outer.addLayout(top)

        # The speaker's message and the notice line share a row: both are read in passing.
        messages = QHBoxLayout()
        messages.setSpacing(8)
        self.message_bar = MessageBar()
        self.message_bar.clear_button.clicked.connect(lambda: self.trigger("clear_message"))
        messages.addWidget(self.message_bar, 1)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setIndent(10)
        self.notice_label.setMinimumWidth(200)
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        messages.addWidget(self.notice_label, 1)
        outer.addLayout(messages)

        # Hidden until the agenda file is edited: "reloaded", or every error of a bad edit.
        self.agenda_status = AgendaStatusPanel()
        outer.addWidget(self.agenda_status)

        middle = QHBoxLayout()
        middle.setSpacing(8)
        self.model = AgendaTableModel(self)
        self.table = AgendaTableView(self.model)
        self.table.item_chosen.connect(self.go_to)
        middle.addWidget(self.table, 1)
        self.legend = KeyLegend()
        middle.addWidget(self.legend)
        outer.addLayout(middle, 1)

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.clear_notice)
        #: The item a "Ready: … Space starts it" notice is about, until it starts.
        self._ready_item: str | None = None

        self.button_panel = ButtonPanel(self.trigger)
        self.buttons = self.button_panel.buttons
        outer.addWidget(self.button_panel)

        # Our keys reach us before the table (which wants Space and arrows) sees them.
        self.key_router = KeyRouter(self.trigger, self)
        self.installEventFilter(self.key_router)
        self.table.installEventFilter(self.key_router)
        self.table.setFocus()

        controller.snapshot_changed.connect(self.show_snapshot)
        controller.command_failed.connect(self._on_command_failed)
        self.resize(1366, 740)
        self.show_snapshot(controller.snapshot)

    # -- the snapshot ---------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot:
        return self.controller.snapshot

    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw one snapshot everywhere in the window (called every second)."""
        self.status_line.show_snapshot(snap)
        self.current_panel.show_snapshot(snap)
        self.message_bar.show_snapshot(snap)
        self.button_panel.show_snapshot(snap)
        self.model.set_snapshot(snap)
        self.presenter_thumbnail.show_snapshot(snap)
        self.projector_thumbnail.show_snapshot(snap)
        ready = self._ready_item
        if ready is not None and (snap.running or snap.current is None or snap.current.id != ready):
            self.clear_notice()  # "Space starts it" is wrong once it has started, or another item is loaded
        projector = self.tr("Projector screen")
        if snap.blackout:
            projector = self.tr("Projector screen — BLACKOUT")
        set_text(self.projector_caption, projector)

    def show_recovered(self, text: str) -> None:
        """The status line's slot for a crash recovery notice (issue 4)."""
        self.status_line.show_recovered(text)

    # -- the agenda file --------------------------------------------------------

    def show_agenda_errors(self, errors: list[AgendaError]) -> None:
        """Every error of an edited agenda file, at its line:column; the show runs on."""
        self.agenda_status.show_errors(errors)

    def clear_agenda_errors(self) -> None:
        self.agenda_status.clear_errors()

    def show_agenda_reloaded(self, time_text: str) -> None:
        """A valid edit is live: one line says when ("Agenda reloaded 10:42:05")."""
        self.agenda_status.show_reloaded(time_text)

    def show_internal_error(self, text: str) -> None:
        """An uncaught exception was logged (stagetimer.ui.crash_log); the show goes on."""
        self.notify(text, warning=True)

    # -- notices ----------------------------------------------------------------

    def notify(self, text: str, warning: bool = False) -> None:
        """Say what just happened, or why it did not, without stopping anything."""
        self._ready_item = None
        set_text(self.notice_label, text)
        set_colour(self.notice_label, style.NOTICE_WARN if warning else style.NOTICE_INFO)
        self._notice_timer.start()

    def notice(self) -> str:
        return self.notice_label.text()

    def clear_notice(self) -> None:
        self._ready_item = None
        self.notice_label.clear()

    def _on_command_failed(self, reason: str) -> None:
        self._failed = True
        self.notify(reason, warning=True)

    # -- actions ------------------------------------------------------------------

    def trigger(self, name: str) -> None:
        """Do the live action ``name`` of the key table (key, button, any window)."""
        action = ACTIONS_BY_NAME[name]
        special = getattr(self, f"_do_{name}", None)
        if special is not None:
            special()
        elif action.command is not None:
            self.apply(action.command)

    def apply(self, command: Command) -> bool:
        """Hand a command to the controller; False if it could not apply (already said why)."""
        self._failed = False
        self.controller.apply(command)
        return not self._failed

    def go_to(self, item_id: str) -> None:
        """Load another item (G, Enter, double-click); a jump past the next one can be undone."""
        snap = self.snapshot
        target = next((item for item in snap.items if item.id == item_id), None)
        if target is None:
            self.notify(self.tr("That row is no longer in the agenda"), warning=True)
            return
        if snap.current is not None and snap.current.id == item_id:
            self.notify(fill(self.tr("%1 is already on stage"), target.title))
            return
        if snap.current is not None:
            origin = snap.current.index
        else:  # before the first item, or after the last
            origin = -1 if snap.stage == "welcome" else len(snap.items)
        if not self.apply(Command("goto", item_id)):
            return
        if abs(target.index - origin) > 1:
            self.notify(fill(self.tr("Jumped to %1 — Ctrl+Z to undo"), target.title))
        else:
            self.notify(fill(self.tr("Now at %1 — Space starts it"), target.title))

    def open_message_dialog(self) -> MessageDialog:
        """M: the message dialog, open without blocking the show."""
        if self.message_dialog is not None:  # M again: the same dialog, brought forward
            if QGuiApplication.platformName() != "offscreen":  # offscreen cannot raise, and says so
                self.message_dialog.raise_()
            self.message_dialog.activateWindow()
            return self.message_dialog
        dialog = MessageDialog(self.snapshot.message, self.snapshot.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.message_chosen.connect(self._send_message)
        dialog.rejected.connect(lambda: self.notify(self.tr("Message not sent")))
        dialog.finished.connect(self._message_dialog_closed)
        self.message_dialog = dialog
        dialog.open()
        return dialog

    def _message_dialog_closed(self) -> None:
        self.message_dialog = None
        self.activateWindow()

    def _send_message(self, text: str) -> None:
        had = bool(self.snapshot.message)
        if not text and not had:
            self.notify(self.tr("Empty message: nothing sent"))
            return
        if self.apply(Command("message", text)):
            self.notify(fill(self.tr("Message shown to the speaker: %1"), text) if text
                        else self.tr("Message cleared"))

    # Actions that need more than their command, or deserve a word afterwards.

    def _do_goto(self) -> None:
        item_id = self.table.selected_item_id()
        if item_id is None:
            self.notify(self.tr("Choose a row first (↑ ↓), then G or Enter"), warning=True)
            return
        self.go_to(item_id)

    def _do_message(self) -> None:
        self.open_message_dialog()

    def _do_clear_message(self) -> None:
        if not self.snapshot.message:
            self.notify(self.tr("There is no message to clear"))
            return
        if self.apply(Command("message", "")):
            self.notify(self.tr("Message cleared"))

    def _do_next(self) -> None:
        if self.apply(Command("next")):
            self._say_where_we_are(ready=True)

    def _do_next_start(self) -> None:
        if self.apply(Command("next_start")):
            self._say_where_we_are(ready=False)

    def _say_where_we_are(self, ready: bool) -> None:
        snap = self.snapshot
        if snap.stage == "closing":
            self.notify(self.tr("That was the last item: the show is over (← goes back)"))
        elif ready and snap.current is not None:
            self.notify(fill(self.tr("Ready: %1 — Space starts it"), snap.current.title))
            self._ready_item = snap.current.id
        else:
            self.clear_notice()

    def _do_previous(self) -> None:
        if self.apply(Command("previous")) and self.snapshot.current is not None:
            self.notify(fill(self.tr("Back to %1, where it was"), self.snapshot.current.title))

    def _do_add_minute(self) -> None:
        if self.apply(Command("add_time", MINUTE_MS)):
            self.notify(fill(self.tr("+1 minute: %1 left"), format_countdown(self.snapshot.remaining_ms)))

    def _do_take_minute(self) -> None:
        snap = self.snapshot
        if snap.current is not None and snap.allotted_ms < MINUTE_MS:
            refusal = self.tr("Cannot take a minute: this item has only %1 in all")
            self.notify(fill(refusal, format_countdown(snap.allotted_ms)), warning=True)
            return
        if not self.apply(Command("add_time", -MINUTE_MS)):
            return
        if self.snapshot.remaining_ms < 0:
            self.notify(self.tr("−1 minute: the speaker is now over time (+ gives it back)"), warning=True)
        else:
            self.notify(fill(self.tr("−1 minute: %1 left"), format_countdown(self.snapshot.remaining_ms)))

    def _do_reset(self) -> None:
        current = self.snapshot.current
        if self.apply(Command("reset")) and current is not None:
            self.notify(fill(self.tr("%1 reset to its full time, stopped — Ctrl+Z to undo"), current.title))

    def _do_undo(self) -> None:
        if self.apply(Command("undo")):
            current = self.snapshot.current
            self.notify(fill(self.tr("Undone: back to %1"), current.title) if current is not None
                        else self.tr("Undone"))

    def _do_blackout(self) -> None:
        if self.apply(Command("blackout")):
            self.notify(self.tr("Projector blacked out — B brings it back") if self.snapshot.blackout
                        else self.tr("Projector back on"))

    def _do_flash(self) -> None:
        if self.apply(Command("flash")):
            self.notify(self.tr("Flashing the presenter screen"))

    def _do_projector_countdown(self) -> None:
        if self.apply(Command("projector_countdown")):
            self.notify(self.tr("Countdown on the projector: on") if self.snapshot.projector_countdown
                        else self.tr("Countdown on the projector: off"))

    # -- layout helpers -----------------------------------------------------------

    def _thumbnail_column(self, caption: QLabel, view: QWidget) -> QVBoxLayout:
        caption.setObjectName("thumbCaption")
        view.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(caption)
        column.addWidget(view)
        column.addStretch(1)
        return column
