"""Control's "Screens" menu: either stage window onto any monitor, live.

Lists the screens there are right now (rebuilt when one is plugged in or
unplugged) by index, name and resolution, with a tick where each window is;
"Windowed" makes it an ordinary window on the Control screen.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from stagetimer.ui.placement import PRESENTER, PROJECTOR
from stagetimer.ui.screens import ScreenPlacer


class ScreensMenu(QMenu):
    """Control's "Screens" menu: put the Presenter or the Projector on any monitor, live."""

    def __init__(self, placer: ScreenPlacer, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Screens"), parent)
        self._placer = placer
        self.presenter_menu = self.addMenu(self.tr("&Presenter on"))
        self.projector_menu = self.addMenu(self.tr("P&rojector on"))
        self._submenus = {PRESENTER: self.presenter_menu, PROJECTOR: self.projector_menu}
        self.rebuild()
        placer.placement_changed.connect(self.rebuild)

    def rebuild(self) -> None:
        """List the screens there are now, with a tick where each window is."""
        primary = self._placer.primary_screen()
        for role, menu in self._submenus.items():
            menu.clear()
            group = QActionGroup(menu)
            group.setExclusive(True)
            for index, screen in enumerate(self._placer.screens()):
                size = screen.geometry().size()
                label = f"{index}  {screen.name()} — {size.width()}×{size.height()}"
                if screen is primary:
                    label += " " + self.tr("(control)")
                self._add(menu, group, label, role, screen.name())
            menu.addSeparator()
            self._add(menu, group, self.tr("Windowed"), role, None)

    def _add(self, menu: QMenu, group: QActionGroup, label: str, role: str, screen_name: str | None) -> None:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(self._placer.current(role) == screen_name)
        action.setData(screen_name)
        action.triggered.connect(lambda _checked=False, r=role, s=screen_name: self._placer.move(r, s))
        group.addAction(action)
        menu.addAction(action)
