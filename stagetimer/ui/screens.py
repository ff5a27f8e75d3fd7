"""Putting the stage windows on monitors, live, and keeping them there.

The rules live in stagetimer/ui/placement.py; this module carries them out
with Qt: full screen on a chosen QScreen, moves on the operator's word (from
the Screens menu, stagetimer/ui/screens_menu.py), each choice remembered per
screen name in QSettings, and recovery when a monitor is unplugged or
plugged in mid-show. Nothing
here touches the show or its clock, so a cable pulled out at 11:14 costs the
audience a window jump, never a second of the countdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import quote, unquote

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRect,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from stagetimer.ui.placement import (
    PRESENTER,
    PROJECTOR,
    ROLES,
    Placement,
    Rect,
    Remembered,
    plan_placement,
    rescue_screen,
    windowed_layout,
)

#: QSettings group holding, per screen name, which stage window it had last.
SETTINGS_GROUP = "screens"


def _leave_full_screen(window: QWidget) -> None:
    """Back to a normal window, with the platform's restore already applied."""
    if window.isFullScreen() or window.isMaximized():
        window.showNormal()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def show_full_screen_on(window: QWidget, screen: QScreen) -> None:
    """Full screen on exactly this screen, whatever screen the window was on before.

    Window managers will not move a full-screen window, so it goes back to
    normal first; the screen is set on the native window and the window given
    the screen's whole rectangle (some platforms place by position, some by
    screen). The restore from full screen is delivered asynchronously and,
    arriving after the move, would drag the window back to its old screen, so
    it is let through first.
    """
    _leave_full_screen(window)
    window.winId()  # creates the native window, so windowHandle() exists
    window.windowHandle().setScreen(screen)
    window.setGeometry(screen.geometry())
    window.setCursor(Qt.CursorShape.BlankCursor)  # no stray pointer on the audience's screen
    window.showFullScreen()


def show_windowed_on(window: QWidget, screen: QScreen, rect: Rect) -> None:
    """An ordinary window at ``rect`` on ``screen``."""
    _leave_full_screen(window)
    window.winId()
    window.windowHandle().setScreen(screen)
    window.setGeometry(QRect(*rect))
    window.unsetCursor()
    window.show()


def _to_rect(rect: QRect) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


class ScreenMemory:
    """The operator's choices per screen name, in QSettings (organisation "StageTimer").

    Names are percent-encoded as keys: a connector name may hold "/" which
    QSettings would read as a group separator.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def load(self) -> dict[str, Remembered]:
        settings = self._settings
        settings.beginGroup(SETTINGS_GROUP)
        try:
            memory: dict[str, Remembered] = {}
            for key in settings.childGroups():
                role = str(settings.value(f"{key}/role", ""))
                raw_seq = settings.value(f"{key}/seq", 0)
                try:
                    seq = int(raw_seq) if isinstance(raw_seq, (int, float, str)) else 0
                except ValueError:
                    seq = 0
                if role in ROLES:
                    memory[unquote(key)] = Remembered(role, seq)
            return memory
        finally:
            settings.endGroup()

    def remember(self, role: str, screen_name: str | None, present: list[str]) -> None:
        """``role`` is now on ``screen_name`` (None: an ordinary window).

        Screens present now that had this role lose it: the operator has just
        said where it goes. Absent screens keep theirs for another venue.
        """
        if screen_name == "":
            return  # an unnamed screen (a bare test platform) cannot be recognised again
        memory = self.load()
        for name in present:
            if name != screen_name and name in memory and memory[name].role == role:
                self._settings.remove(f"{SETTINGS_GROUP}/{quote(name, safe='')}")
        if screen_name is not None:
            seq = max((entry.seq for entry in memory.values()), default=0) + 1
            key = f"{SETTINGS_GROUP}/{quote(screen_name, safe='')}"
            self._settings.setValue(f"{key}/role", role)
            self._settings.setValue(f"{key}/seq", seq)
        self._settings.sync()


class LostScreen(NamedTuple):
    """A stage window that lost its monitor: which, the monitor's name, and where the window is now."""

    role: str
    screen: str
    now_on: str | None  # full screen on this monitor; None: an ordinary window on ``primary``
    primary: str


class ScreenPlacer(QObject):
    """Owns where the Presenter and Projector windows are, and keeps them on a live screen."""

    #: The placement or the set of screens changed (the menu redraws its ticks).
    placement_changed = Signal()

    def __init__(
        self,
        app: QGuiApplication,
        control: QWidget,
        stage_windows: Mapping[str, QWidget],
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._control = control
        self._windows = dict(stage_windows)
        self._memory = ScreenMemory(settings)
        self._current: dict[str, str | None] = {role: None for role in ROLES}
        self._pinned: set[str] = set()  # roles the operator placed (option or menu)
        self._orphaned: dict[str, str] = {}  # role → name of the screen that went away
        self._windowed_only = False
        app.screenAdded.connect(self._on_screen_added)
        app.screenRemoved.connect(self._on_screen_removed)

    # -- reading ----------------------------------------------------------------

    def screens(self) -> list[QScreen]:
        return list(self._app.screens())

    def screen_names(self) -> list[str]:
        return [screen.name() for screen in self.screens()]

    def current(self, role: str) -> str | None:
        """The screen ``role`` is full screen on, or None for an ordinary window."""
        return self._current[role]

    def window(self, role: str) -> QWidget:
        return self._windows[role]

    def lost_screens(self) -> list[LostScreen]:
        """Stage windows whose screen went away and has not come back, and where each is now.

        Control shows these as a red alarm until the screen returns (or the
        operator puts the window somewhere on purpose): a pulled cable must
        never go unnoticed while the audience looks at a dark wall.
        """
        primary = self._app.primaryScreen()
        primary_name = primary.name() if primary is not None else ""
        return [
            LostScreen(role, lost, self._current[role], primary_name)
            for role, lost in self._orphaned.items()
        ]

    # -- placing ----------------------------------------------------------------

    def place_initial(
        self,
        presenter_choice: str | None = None,
        projector_choice: str | None = None,
        windowed: bool = False,
    ) -> Placement:
        """Open all three windows where the rules say; returns the decision (with notes)."""
        primary = self._app.primaryScreen()
        self._windowed_only = windowed
        placement = plan_placement(
            self.screen_names(),
            primary.name(),
            presenter_choice=presenter_choice,
            projector_choice=projector_choice,
            remembered=self._memory.load(),
            windowed=windowed,
        )
        choices = ((PRESENTER, presenter_choice), (PROJECTOR, projector_choice))
        self._pinned = {role for role, choice in choices if choice}
        for role in ROLES:
            self._current[role] = placement.screen_for(role)
        self._apply(control=True)
        return placement

    def move(self, role: str, screen_name: str | None) -> None:
        """The operator puts ``role`` on a screen (None: an ordinary window); remembered.

        If the other stage window is on that screen the two swap, rather than
        one hiding the other.
        """
        other = PROJECTOR if role == PRESENTER else PRESENTER
        present = self.screen_names()
        if screen_name is not None and screen_name not in present:
            return  # the screen went away while the menu was open
        moved: tuple[str, ...] = (role,)
        if screen_name is not None and self._current[other] == screen_name:
            self._current[other] = self._current[role]
            self._memory.remember(other, self._current[other], present)
            self._pinned.add(other)
            self._orphaned.pop(other, None)
            moved = (role, other)
        self._current[role] = screen_name
        self._memory.remember(role, screen_name, present)
        self._pinned.add(role)
        self._orphaned.pop(role, None)
        self._apply(moved)

    def _screen(self, name: str | None) -> QScreen | None:
        for screen in self.screens():
            if screen.name() == name:
                return screen
        return None

    def primary_screen(self) -> QScreen:
        return self._app.primaryScreen()

    def _apply(self, roles: tuple[str, ...] = ROLES, control: bool = False) -> None:
        """Show ``roles`` where ``_current`` says (ordinary windows tile the primary).

        The Control window is placed only at start-up: after that it is the
        operator's, and moving a stage window must not resize it.
        """
        primary = self._app.primaryScreen()
        layout = windowed_layout(_to_rect(primary.availableGeometry()))
        for role in roles:
            screen = self._screen(self._current[role])
            if screen is None:
                self._current[role] = None
                show_windowed_on(self._windows[role], primary, layout[role])
            else:
                show_full_screen_on(self._windows[role], screen)
        if control:
            if all(self._current[role] is not None for role in ROLES):
                show_windowed_on(self._control, primary, _to_rect(primary.availableGeometry()))
            else:
                show_windowed_on(self._control, primary, layout["control"])
        self.placement_changed.emit()

    # -- monitors coming and going -------------------------------------------

    def _on_screen_removed(self, screen: QScreen) -> None:
        remaining = [other.name() for other in self.screens() if other is not screen]
        self.screen_lost(screen.name(), remaining)

    def screen_lost(self, name: str, remaining: list[str]) -> None:
        """Move whatever was full screen on ``name`` to a screen that is still there.

        Qt would otherwise drop it on the primary, on top of the Control window.
        """
        primary = self._app.primaryScreen()
        primary_name = primary.name() if primary is not None else ""
        orphans: list[str] = []
        for role in ROLES:
            if self._current[role] != name:
                continue
            taken = {self._current[other] for other in ROLES if other != role}
            self._orphaned[role] = name
            self._current[role] = rescue_screen(remaining, primary_name, taken)
            orphans.append(role)
        if orphans:
            self._apply(tuple(orphans))
        else:
            self.placement_changed.emit()

    def _on_screen_added(self, screen: QScreen) -> None:
        self.screen_found(screen.name())

    def screen_found(self, name: str) -> None:
        """A monitor came (back): return a window it lost, or place by the usual rules.

        Only windows that are ordinary windows by default move; one the
        operator placed stays where it is, and ``--windowed`` moves nothing.
        """
        if self._windowed_only:
            self.placement_changed.emit()
            return
        moved: list[str] = []
        for role, lost in list(self._orphaned.items()):
            if lost == name and name not in self._current.values():
                del self._orphaned[role]
                self._current[role] = name
                moved.append(role)
        if not moved:
            primary = self._app.primaryScreen()
            plan = plan_placement(self.screen_names(), primary.name(), remembered=self._memory.load())
            for role in ROLES:
                target = plan.screen_for(role)
                free = target not in self._current.values()
                if self._current[role] is None and role not in self._pinned and target == name and free:
                    self._current[role] = name
                    moved.append(role)
        if moved:
            self._apply(tuple(moved))
        else:
            self.placement_changed.emit()
