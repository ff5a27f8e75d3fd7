"""Starting the app: one recorded show, one controller, three windows on the right monitors.

``build_app`` assembles everything and returns the parts without entering the
event loop, so tests can build the real app offscreen and look at it;
``run_app`` is the command's entry point and adds the process-wide parts
(the crash hooks) and ``exec()``.

The show is opened through a core Session on the agenda's state directory:
every command is journaled before the screens show it, and starting the app
on the same agenda after a crash resumes the recorded show. A rehearsal at
``--speed N`` keeps its record in a subfolder of its own (``rehearsal-xN``):
its clock runs N times faster, so it must never be resumed as, or in place
of, the real show; it is recovered like the real show at its own speed.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTranslator
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.clock import Clock, SystemClock
from stagetimer.core.show.session import Session, summarize
from stagetimer.core.show.show import Show
from stagetimer.net.links import OscRecord
from stagetimer.statedir import rehearsal_dir, state_dir_for
from stagetimer.ui.agenda_watcher import (
    AgendaLoader,
    AgendaWatcher,
    load_with_core_loader,
)
from stagetimer.ui.common import fonts
from stagetimer.ui.common.i18n import SETTINGS_KEY, choose_language, install_translator
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.control.language_menu import LanguageMenu
from stagetimer.ui.control.network_menu import NetworkMenu
from stagetimer.ui.control.screens_menu import ScreensMenu
from stagetimer.ui.control.show_menu import ShowMenu
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from stagetimer.ui.crash_log import CRASH_LOG_NAME, CrashLog
from stagetimer.ui.cues.bell import CueBell
from stagetimer.ui.gc_policy import CollectAfterPublish
from stagetimer.ui.instance_lock import LockRefused, acquire_show_lock
from stagetimer.ui.live_agenda import LiveAgenda
from stagetimer.ui.placement import Placement
from stagetimer.ui.screens import ScreenPlacer
from stagetimer.ui.serving import Serving
from stagetimer.ui.stage.presenter import PresenterView
from stagetimer.ui.stage.projector import ProjectorView

ORGANISATION = "StageTimer"
APPLICATION = "StageTimer"
#: A rehearsal at speed N starts this long before the event's planned start,
#: so the welcome countdown is seen and the morning then runs through.
REHEARSAL_LEAD_MS = 60_000


@dataclass
class AppParts:
    """Everything build_app made, for run_app, the tests and the benchmark."""

    app: QApplication
    controller: Controller
    control: ControlWindow
    presenter: PresenterView
    projector: ProjectorView
    placer: ScreenPlacer
    screens_menu: ScreensMenu
    close_guard: CloseGuard
    translator: QTranslator | None
    language: str
    placement: Placement
    agenda_path: Path
    session: Session
    state_dir: Path
    crash_log: CrashLog
    live_agenda: LiveAgenda
    show_menu: ShowMenu
    #: The network server's life (off unless --serve or the show served when it last ran).
    serving: Serving
    network_menu: NetworkMenu
    #: The cues' sound (its device opens after the first paint: CueBell.OPEN_DELAY_MS).
    bell: CueBell
    #: The operator's language, switchable while the show runs (the stage screens keep the agenda's).
    language_menu: LanguageMenu
    #: Things the operator should know at start-up (also printed by run_app).
    notes: list[str]

    def abandon(self) -> None:
        """Stop the clock and close every window without asking; the journal stays as written.

        What kill -9 leaves on disk, and how the tests and the screenshot
        script put a built app away.
        """
        self.controller.stop()
        self.serving.shut_down()
        self.close_guard.quitting = True
        for window in (self.control, self.presenter, self.projector):
            window.close()
            window.deleteLater()


class CloseGuard(QObject):
    """Closing Control ends the app (after a confirmation while a show is live).

    The stage windows cannot be closed on their own by the window system: a
    stray Alt+F4 on the projector would blank the audience's screen mid-show.
    They close with Control, and the app quits when the last window is gone.
    """

    def __init__(self, controller: Controller, control: QWidget, stage: list[QWidget]) -> None:
        super().__init__(control)
        self._controller = controller
        self._control = control
        self._stage = stage
        self.quitting = False
        control.installEventFilter(self)
        for window in stage:
            window.installEventFilter(self)

    def confirm_quit(self) -> bool:
        """Ask before ending a live show (tests replace this)."""
        answer = QMessageBox.question(
            self._control,
            QCoreApplication.translate("App", "Quit StageTimer?"),
            QCoreApplication.translate(
                "App", "A show is running. Quit anyway? The presenter and projector screens will close."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Close or self.quitting:
            return False
        if watched is not self._control:
            # The window manager's close button or Alt+F4 is refused outright;
            # the app closing its windows on the way out (quit) goes through
            # Control, so a live show is confirmed once, there.
            if event.spontaneous() or not self._control.close():
                event.ignore()
                return True
            return False
        if self._controller.snapshot.stage == "live" and not self.confirm_quit():
            event.ignore()
            return True
        self.quitting = True
        self._controller.stop()
        for window in self._stage:
            window.close()
        return False


def _application(argv: list[str] | None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setQuitOnLastWindowClosed(True)
    return app


def _load_fonts(app: QApplication) -> None:
    """The bundled Pretendard for every widget: the machine may have no Hangul font at all."""
    fonts.load_fonts()
    base = QFont(app.font())
    base.setFamily(fonts.family())
    app.setFont(base)


def _speed(options: argparse.Namespace) -> float:
    return float(getattr(options, "speed", 1.0) or 1.0)


def rehearsal_anchor(agenda: Agenda, speed: float) -> int | None:
    """Where a new show's clock starts: now (None), or a rehearsal just before the planned start."""
    return None if speed == 1 else agenda.event.start_ms - REHEARSAL_LEAD_MS


def build_show(agenda: Agenda, options: argparse.Namespace, clock: Clock | None = None) -> Show:
    """The show, anchored to now, or at speed N to just before the planned start."""
    speed = _speed(options)
    return Show(agenda, clock or SystemClock(), speed=speed, anchor_tod_ms=rehearsal_anchor(agenda, speed))


def show_state_dir(agenda_path: Path, options: argparse.Namespace, state_dir: Path | None = None) -> Path:
    """The agenda's state directory (``--state-dir`` overrides); a rehearsal's own subfolder in it."""
    base = state_dir if state_dir is not None else state_dir_for(agenda_path, getattr(options, "state_dir", None))
    return rehearsal_dir(base, _speed(options))


def open_session(agenda: Agenda, options: argparse.Namespace, clock: Clock, state_dir: Path) -> tuple[Session, str]:
    """The recorded show (resumed if the journal holds one), and a warning if it cannot be recorded.

    An unwritable state directory (read-only, no permission, a file in its
    place) must not stop the show from running: it runs unrecorded, and
    Control says so for as long as it does. A show already recorded there is
    still resumed from it when it can be read.
    """
    speed = _speed(options)
    anchor = rehearsal_anchor(agenda, speed)
    resume = bool(getattr(options, "resume", False))
    try:
        return Session.open(agenda, state_dir, clock, speed=speed, anchor_tod_ms=anchor, resume_stale=resume), ""
    except OSError as error:
        reason = f"{state_dir}: {error.strerror or error}"
    try:
        return Session.open(agenda, state_dir, clock, speed=speed, anchor_tod_ms=anchor, writable=False,
                            resume_stale=resume), reason
    except OSError:
        return Session(build_show(agenda, options, clock), state_dir, writable=False), reason


def build_app(
    agenda_path: Path,
    agenda: Agenda,
    options: argparse.Namespace,
    *,
    settings: QSettings | None = None,
    clock: Clock | None = None,
    argv: list[str] | None = None,
    state_dir: Path | None = None,
    load_agenda: AgendaLoader = load_with_core_loader,
    controller_class: type[Controller] = Controller,
) -> AppParts:
    """Assemble the running app: fonts and language first, then the recorded show and its windows.

    ``state_dir`` overrides ``--state-dir`` and the per-agenda default (tests
    pass a temporary folder); ``load_agenda`` parses the agenda file again
    when it is edited; ``controller_class`` lets the benchmark time the ticks.
    """
    protect_none()  # a show makes millions of void Qt calls: see refcount_guard
    app = _application(argv)
    _load_fonts(app)
    # Control speaks the operator's language (--lang, else the one last chosen in the menu, else
    # the agenda's); the stage screens speak the agenda's whatever this is (ui/common/i18n.py).
    settings = settings if settings is not None else QSettings()
    remembered = settings.value(SETTINGS_KEY)
    language = choose_language(getattr(options, "lang", None), agenda.event.language,
                               remembered if isinstance(remembered, str) else None)
    translator = install_translator(app, language)

    folder = show_state_dir(agenda_path, options, state_dir)
    session, unrecorded = open_session(agenda, options, clock or SystemClock(), folder)
    notes = list(session.notes)
    crash_log = CrashLog(folder, parent=app)
    controller = controller_class(session, parent=app)
    # The network is handed each frame first: queuing it for the network thread
    # takes microseconds, and the browsers then need not wait for the windows' paint.
    serving = Serving(controller, folder, parent=app)

    # The stage views are connected before Control: slots run in connection
    # order, and paint_now draws them before Control's slot runs, so on each
    # tick the speaker's and the audience's screens are repainted first and
    # the operator's busier window after them.
    presenter = PresenterView()
    presenter.setWindowTitle(QCoreApplication.translate("App", "StageTimer — Presenter"))
    projector = ProjectorView()
    projector.setWindowTitle(QCoreApplication.translate("App", "StageTimer — Projector"))
    controller.frames_changed.connect(lambda frames: presenter.show_frame(frames.presenter))
    controller.frames_changed.connect(lambda frames: projector.show_frame(frames.projector))
    controller.frames_changed.connect(lambda _frames: paint_now((presenter, projector)))
    control = ControlWindow(controller)
    _install_keys(control, [presenter, projector])
    bell = CueBell(controller, parent=app)  # sounds at warning, danger and zero, if the agenda has cues
    app.aboutToQuit.connect(bell.close)
    control.attach_cues(bell)

    placer = ScreenPlacer(app, control, {"presenter": presenter, "projector": projector}, settings)
    screens_menu = ScreensMenu(placer, control)
    # A stage screen unplugged: Control's red alarm says which, and where its window went, until it is back.
    placer.placement_changed.connect(lambda: control.show_screen_alarm(placer.lost_screens()))
    show_menu = ShowMenu(
        session, controller, control, language=language,
        fresh_anchor=lambda: rehearsal_anchor(session.agenda, session.speed),
    )
    control.menuBar().addMenu(show_menu)
    control.menuBar().addMenu(screens_menu)
    network_menu = NetworkMenu(serving, controller, control)
    control.menuBar().addMenu(network_menu)
    language_menu = LanguageMenu(language, control, lambda chosen: install_translator(app, chosen), controller.publish,
                                 settings)
    control.menuBar().addMenu(language_menu)
    language_menu.language_changed.connect(show_menu.set_language)
    close_guard = CloseGuard(controller, control, [presenter, projector])
    crash_log.error_logged.connect(control.show_internal_error)
    live_agenda = LiveAgenda(AgendaWatcher(agenda_path, load_agenda, parent=app), controller, control)
    _show_logo(session, projector, control, notes)
    live_agenda.watcher.agenda_loaded.connect(  # after LiveAgenda.apply: the agenda the show now has
        lambda _agenda: _show_logo(session, projector, control, None))

    controller.start()  # every window has its first snapshot before it is shown
    placement = placer.place_initial(
        getattr(options, "presenter_screen", None),
        getattr(options, "projector_screen", None),
        bool(getattr(options, "windowed", False)),
    )
    if QGuiApplication.platformName() != "offscreen":  # offscreen cannot raise, and says so
        control.raise_()
    control.activateWindow()  # the operator's keys go to Control from the first second
    # First among the notes (a damaged journal's many lines must not hide it); recovery's notice says more.
    notes[:0] = serve_on_start(serving, getattr(options, "serve", None), getattr(options, "osc", None),
                               getattr(options, "osc_feedback", None))
    if session.recovered:
        show_menu.announce_recovery()
    if unrecorded:  # the badge says what matters more now: nothing from here on is kept
        control.show_recovered(QCoreApplication.translate("App", "NOT RECORDED: the show journal cannot be written"))
        notes.append(f"the show journal cannot be written ({unrecorded}); a crash would lose the show")
    control.show_findings(session.findings)  # a clock step, a reboot, an old record archived, damage
    return AppParts(
        app=app,
        controller=controller,
        control=control,
        presenter=presenter,
        projector=projector,
        placer=placer,
        screens_menu=screens_menu,
        close_guard=close_guard,
        translator=translator,
        language=language,
        placement=placement,
        agenda_path=agenda_path,
        session=session,
        state_dir=folder,
        crash_log=crash_log,
        live_agenda=live_agenda,
        show_menu=show_menu,
        serving=serving,
        network_menu=network_menu,
        bell=bell,
        language_menu=language_menu,
        notes=notes,
    )


def _show_logo(session: Session, projector: ProjectorView, control: ControlWindow, notes: list[str] | None) -> None:
    """The agenda's logo on the projector and its thumbnail; if Qt cannot draw it, Control says so."""
    logo = session.agenda.event.logo
    for view in (projector, control.projector_thumbnail):
        view.set_logo(logo)
    if projector.logo_error:
        control.notify(projector.logo_error, warning=True)
        if notes is not None:
            notes.append(f"the logo {logo} cannot be drawn; the projector shows none")


def serve_on_start(serving: Serving, serve: tuple[str, int] | None, osc: tuple[str | None, int] | str | None = None,
                   feedback: tuple[str, int] | None = None) -> list[str]:
    """Serve as ``--serve``/``--osc`` ask, or as the show did when the app last ran; what to print about it.

    ``osc``: (host or None, port) turns OSC on (feedback to ``feedback``, else none), "off" turns it off,
    None keeps what the show remembers. OSC runs beside the HTTP server, so --osc alone serves too.
    """
    choice = None
    if isinstance(osc, tuple):
        choice = OscRecord(True, osc[1], osc[0], *(feedback or (None, None)))
    elif osc is not None:
        choice = dataclasses.replace(serving.record.osc, on=False)
    if serve is None and choice is None and not serving.record.serving:
        return []
    if choice is not None and not choice.on and serve is None and not serving.record.serving:
        serving.remember_osc(choice)  # --osc off on a show that is not serving: nothing to start
        return []
    host, port = serve or (None, None)
    if not serving.start(host, port, choice):
        return [f"not serving on the network: {serving.error}"]
    notes = [f"serving the show on {serving.host}:{serving.port} (links: Network menu, or 'stagetimer urls')"]
    address, target = serving.osc_address, serving.osc_feedback
    if address is not None:
        to = f", feedback to {target.host}:{target.port}" if target is not None else ""
        notes.append(f"OSC on UDP {address.host}:{address.port}{to}; OSC has no password")
    elif serving.osc_error:
        notes.append(f"OSC is not on: {serving.osc_error}")
    return notes


def paint_now(windows: tuple[QWidget, ...]) -> None:
    """Draw what the windows have marked for repainting now, not after the rest of the tick.

    Without this their paint waits until every other slot of the tick (the
    whole Control window) has run: measured, about 1.5 ms later on stage.
    """
    for window in windows:
        QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)


def _install_keys(control: ControlWindow, stage_windows: list[QWidget]) -> None:
    """Live keys work whichever window has focus (the router is the Control window's)."""
    try:
        from stagetimer.ui.control import keys
    except ImportError:  # the key map lands with the control window
        return
    for window in stage_windows:
        keys.install_key_router(window, control)


#: Exit status when another StageTimer already runs this agenda's show.
EXIT_ALREADY_RUNNING = 3
#: Exit status when the app failed while opening its windows (a bug: see crash.log).
EXIT_START_FAILED = 70


def run_app(agenda_path: Path, agenda: Agenda, options: argparse.Namespace) -> int:
    """Open the three screens and run until the Control window is closed.

    Only one app may run a show record: a second one would write the same
    journal. It is refused before any window opens.
    """
    folder = show_state_dir(agenda_path, options)
    try:
        lock = acquire_show_lock(folder)
    except OSError:
        # An unwritable folder (read-only, say) is held by nobody: the show runs
        # unrecorded, and build_app says so in Control.
        lock = None
    if isinstance(lock, LockRefused):
        print(f"stagetimer: {lock.message()}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    try:
        try:
            parts = build_app(agenda_path, agenda, options)
        except Exception as error:  # noqa: BLE001 - whatever failed, it goes to crash.log with one sentence
            # The crash hooks are not installed yet: a launcher's stderr goes nowhere,
            # so the traceback goes to the show's crash.log like any later one.
            CrashLog(folder).record(sys.exc_info(), where="start-up")  # type: ignore[arg-type]
            print(f"stagetimer: could not open the windows ({type(error).__name__}: {error}); "
                  f"the details are in {folder / CRASH_LOG_NAME}", file=sys.stderr)
            return EXIT_START_FAILED
        return exec_app(parts)
    finally:
        if lock is not None:
            lock.unlock()


def collect_after_publish(parts: AppParts) -> CollectAfterPublish:
    """The running app's garbage collection: start-up frozen, cycles collected only just after a publish."""
    return CollectAfterPublish(parts.controller)


def exec_app(parts: AppParts) -> int:
    """The process-wide part of running: crash hooks, notes on stderr, the event loop, the journal closed."""
    parts.crash_log.install()
    collection = collect_after_publish(parts)  # no collector pause before a second flips (gc_policy)
    for note in [*parts.placement.notes, *summarize(parts.notes)]:
        print(f"stagetimer: {note}", file=sys.stderr)
    print(f"stagetimer: show record in {parts.state_dir}", file=sys.stderr)
    try:
        return parts.app.exec()
    finally:
        collection.stop()
        parts.serving.shut_down()
        parts.session.close()
