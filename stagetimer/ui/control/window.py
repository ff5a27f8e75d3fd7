"""The stage manager's window: the whole agenda, the live item, and every live action on one key.

Everything the operator does goes through :meth:`ControlWindow.trigger`,
named after an entry of the key table (stagetimer.ui.control.keys): a key in any of
the three windows, a button and a double-click all end there, and from
there in ``controller.apply``. Nothing the operator presses may stop the
show or hide it behind a modal box: a command that cannot apply leaves the
show as it was and says why in the notice line, which clears itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.core.show.commands import AnyCommand, Command
from stagetimer.core.show.events import Event
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.session import Finding
from stagetimer.core.show.snapshot import Frames, Snapshot
from stagetimer.ui.common import fonts
from stagetimer.ui.common.steady_text import set_steady_text
from stagetimer.ui.control import style as style
from stagetimer.ui.control.agenda_status import AgendaStatusPanel
from stagetimer.ui.control.agenda_table import AgendaTableModel
from stagetimer.ui.control.agenda_view import AgendaTableView
from stagetimer.ui.control.buttons import ButtonPanel
from stagetimer.ui.control.elided import ElidedLabel
from stagetimer.ui.control.keys import ACTIONS_BY_NAME, KeyRouter
from stagetimer.ui.control.message_dialog import MessageDialog
from stagetimer.ui.control.notices import auto_notice, finding_text, notice_for
from stagetimer.ui.control.panels import (
    CurrentPanel,
    MessageBar,
    StatusLine,
    set_colour,
    set_text,
)
from stagetimer.ui.control.proposal_bar import ProposalBar
from stagetimer.ui.control.screen_alarm import ScreenAlarm
from stagetimer.ui.control.thumbnails import ThumbnailFrame
from stagetimer.ui.controller import Controller
from stagetimer.ui.cues.bell import CueBell
from stagetimer.ui.screens import LostScreen
from stagetimer.ui.stage.presenter import PresenterView
from stagetimer.ui.stage.projector import ProjectorView

#: How long a notice stays (real time; the show's speed does not matter here).
NOTICE_MS = 7_000


class ControlWindow(QMainWindow):
    """Agenda table, current item, status line, screen alarm, thumbnails and the key buttons."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("StageTimer — Control"))
        # The bundled font even if the app has not made it the default (Korean must never be
        # boxes), sized in pixels so a laptop's DPI setting cannot push it past 1366×768.
        self.setStyleSheet(style.stylesheet(fonts.family()))
        self.message_dialog: MessageDialog | None = None
        self.cues: CueBell | None = None  # attach_cues: the app's bell (none in most tests)

        central = QWidget()
        central.setObjectName("controlCentral")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 8)
        outer.setSpacing(6)

        self.status_line = StatusLine()
        outer.addWidget(self.status_line)

        # A stage screen unplugged: red, under the clock, until the screen is back.
        self.screen_alarm = ScreenAlarm()
        outer.addWidget(self.screen_alarm)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.current_panel = CurrentPanel()
        top.addWidget(self.current_panel, 3)
        self.presenter_thumbnail = PresenterView()
        self.projector_thumbnail = ProjectorView()
        self.presenter_caption = ElidedLabel(self.tr("Presenter screen"))
        self.projector_caption = ElidedLabel(self.tr("Projector screen"))
        self.thumbnail_frames: list[ThumbnailFrame] = []
        for caption, view in ((self.presenter_caption, self.presenter_thumbnail),
                              (self.projector_caption, self.projector_thumbnail)):
            top.addLayout(self._thumbnail_column(caption, view), 1)
        outer.addLayout(top)

        # The speaker's message and the notice line share a row: both are read in passing.
        messages = QHBoxLayout()
        messages.setSpacing(8)
        self.message_bar = MessageBar()
        self.message_bar.clear_button.clicked.connect(lambda: self.trigger("clear_message"))
        messages.addWidget(self.message_bar, 3)  # the message and its buttons need more room than a notice
        # Any length of notice fits: it ends in "…" (full text as a tooltip), the window never widens.
        self.notice_label = ElidedLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setIndent(10)
        messages.addWidget(self.notice_label, 2)
        outer.addLayout(messages)

        # The planner's proposal, when the day runs past its hard end or a fixed start (A applies it).
        self.proposal_bar = ProposalBar()
        outer.addWidget(self.proposal_bar)

        # Hidden until the agenda file is edited: "reloaded", or every error of a bad edit.
        self.agenda_status = AgendaStatusPanel()
        outer.addWidget(self.agenda_status)

        # The table has the width to itself: the title column gets what the fixed columns leave.
        self.model = AgendaTableModel(self)
        self.table = AgendaTableView(self.model)
        self.table.item_chosen.connect(self.go_to)
        outer.addWidget(self.table, 1)

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.clear_notice)
        #: The item a "Ready: … Space starts it" notice is about, until it starts.
        self._ready_item: str | None = None

        self.button_panel = ButtonPanel(self.trigger)
        self.buttons = self.button_panel.buttons
        self.message_bar.add_button(self.buttons["pin_message"])
        self.proposal_bar.add_button(self.buttons["replan"])
        self.proposal_bar.add_button(self.buttons["auto_replan"])
        outer.addWidget(self.button_panel)
        self.scale = 1.0

        # Our keys reach us before the table (which wants Space and arrows) sees them.
        self.key_router = KeyRouter(self.trigger, self)
        self.installEventFilter(self.key_router)
        self.table.installEventFilter(self.key_router)
        self.table.setFocus()

        controller.frames_changed.connect(self.show_frames)
        controller.clock_ticked.connect(self.status_line.show_clock)
        controller.command_answered.connect(self.show_outcome)
        controller.events_occurred.connect(self.show_events)
        self.resize(1366, 740)
        self.show_frames(controller.frames)

    # -- the screen it is on -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self.property("screenWatched"):
            self.setProperty("screenWatched", True)
            handle.screenChanged.connect(self._screen_changed)
        self._screen_changed(self.screen())

    def _screen_changed(self, screen: QScreen | None) -> None:
        if screen is not None:
            self.fit_screen(screen.availableGeometry().size())

    def fit_screen(self, size: QSize) -> None:
        """Draw for a screen of ``size``: the same window, scaled up on a large screen (4K: ×2).

        Only a change of screen changes Control's sizes; no text it shows ever does.
        """
        self.set_scale(style.scale_for(size.width(), size.height()))

    def set_scale(self, scale: float) -> None:
        """Every size of the window at ``scale`` (1: a 1080p or smaller screen)."""
        if scale == self.scale:
            return
        self.scale = scale
        self.setStyleSheet(style.stylesheet(fonts.family(), scale))
        self.current_panel.set_scale(scale)
        self.message_bar.set_scale(scale)
        self.table.set_scale(scale)
        for frame in self.thumbnail_frames:
            frame.set_scale(scale)
        for button in self.buttons.values():
            button.setMinimumHeight(style.scaled(30, scale))
        for label in (self.status_line.clock_label, self.status_line.offset_label):
            set_steady_text(label, "")  # measured again at the new size by the next frame
        self.show_frames(self.controller.frames)

    def show_screen_alarm(self, lost: Sequence[LostScreen]) -> None:
        """A stage screen is gone (or all are back): the red alarm line says which and where its window is."""
        self.screen_alarm.show_lost(lost)

    # -- the snapshot ---------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot:
        return self.controller.snapshot

    def show_frames(self, frames: Frames) -> None:
        """Draw one instant everywhere in the window (called every second).

        The thumbnails paint the stage screens' own frames: exactly what the
        speaker and the audience see, and nothing more.
        """
        snap = frames.control
        self.status_line.show_snapshot(snap)
        self.current_panel.show_snapshot(snap)
        self.message_bar.show_snapshot(snap)
        self.proposal_bar.show_snapshot(snap)
        self.button_panel.show_snapshot(snap)
        self.model.set_snapshot(snap)
        self.presenter_thumbnail.show_frame(frames.presenter)
        self.projector_thumbnail.show_frame(frames.projector)
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

    def show_findings(self, findings: list[Finding]) -> None:
        """What the opening of the show found (a clock step, a reboot, an archived record, damage), said once."""
        texts = [finding_text(finding) for finding in findings]
        if texts:
            current = self.notice()
            self.notify(" · ".join([current, *texts] if current else texts), warning=True)

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

    # -- actions ------------------------------------------------------------------

    def trigger(self, name: str) -> None:
        """Do the live action ``name`` of the key table (key, button, any window)."""
        action = ACTIONS_BY_NAME[name]
        if name == "goto":
            self._go_to_selected()
        elif name == "message":
            self.open_message_dialog()
        elif name == "mute_cues":
            self._toggle_cues()
        elif action.command is not None:
            self.apply(action.command)

    def attach_cues(self, bell: CueBell) -> None:
        """The cue bell S mutes, and whose state the status line shows."""
        self.cues = bell
        bell.state_changed.connect(self.status_line.show_cues)
        self.status_line.show_cues(bell.state)

    def _toggle_cues(self) -> None:
        if self.cues is None or self.cues.state == "off":
            self.notify(self.tr("This agenda has no cues to mute."))
            return
        self.cues.toggle_mute()
        self.notify(self.tr("Cues muted (S brings them back).") if self.cues.muted else self.tr("Cues on."))

    def apply(self, command: AnyCommand) -> bool:
        """Hand a command to the core's door and say what it did; False if it was refused."""
        return self.controller.apply(command).applied

    def show_outcome(self, outcome: Outcome) -> None:
        """The door's answer in the notice line: what happened, or why nothing did."""
        notice = notice_for(outcome)
        if notice is None:
            if outcome.applied and outcome.effect in ("started", "resumed"):
                self.clear_notice()  # "Space starts it" is wrong once it has started
            return
        self.notify(notice.text, warning=notice.warning)
        if notice.ready_item is not None and self.snapshot.current is not None:
            self._ready_item = self.snapshot.current.id

    def show_events(self, events: tuple[Event, ...]) -> None:
        """The clock moved the show on by itself (``then: load/start``): the notice line says so."""
        notice = auto_notice(events, self.controller.show.agenda)
        if notice is not None:
            self.notify(notice.text)
            self._ready_item = notice.ready_item  # "Space starts it" goes once that item starts

    def go_to(self, item_id: str) -> None:
        """Load another item (G, Enter, double-click); the core says whether it can be undone."""
        self.apply(Command("goto", item_id))

    def _go_to_selected(self) -> None:
        item_id = self.table.selected_item_id()
        if item_id is None:
            self.notify(self.tr("Choose a row first (↑ ↓), then G or Enter"), warning=True)
            return
        self.go_to(item_id)

    def open_message_dialog(self) -> MessageDialog:
        """M: the message dialog, open without blocking the show."""
        if self.message_dialog is not None:  # M again: the same dialog, brought forward
            if QGuiApplication.platformName() != "offscreen":  # offscreen cannot raise, and says so
                self.message_dialog.raise_()
            self.message_dialog.activateWindow()
            return self.message_dialog
        automatic = self.snapshot.phase_messages  # the agenda's messages: editable presets here
        dialog = MessageDialog(self.snapshot.message, self.snapshot.language, self,
                               agenda_presets=(automatic.warning, automatic.danger, automatic.zero))
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
        try:
            command = Command("message", text)
        except ValueError as error:  # the dialog caps the length; anything else it let through is said here
            self.notify(str(error), warning=True)
            return
        self.apply(command)

    # -- layout helpers -----------------------------------------------------------

    def _thumbnail_column(self, caption: QLabel, view: QWidget) -> QVBoxLayout:
        caption.setObjectName("thumbCaption")
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frame = ThumbnailFrame(view)  # 16:9 in whatever room the window has (never fixed at 320×180)
        self.thumbnail_frames.append(frame)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(caption)
        column.addWidget(frame, 1)
        return column
