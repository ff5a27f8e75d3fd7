"""Control's "Network" menu: serve the show to browsers and Companion, or stop; open the links window.

Serving is off until the stage manager turns it on (here, or ``--serve``),
and loopback until they choose another address in the Network window. The
menu says where it serves, and Control's notice says every start, stop and
failure, so nobody has to open a window to know the show is on the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from stagetimer.ui.control import network_words as words
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from stagetimer.ui.serving import Serving

if TYPE_CHECKING:  # built when first opened: its QR codes and cards are not start-up work
    from stagetimer.ui.control.network_window import NetworkWindow


class NetworkMenu(QMenu):
    """Serve on/off (remembered per show), where it listens, and the Network window."""

    def __init__(self, serving: Serving, controller: Controller, control: ControlWindow) -> None:
        super().__init__(self.tr("&Network"), control)
        self._serving = serving
        self._controller = controller
        self._control = control
        self.network_window: NetworkWindow | None = None

        self.serve_action = QAction(self.tr("&Serve to browsers and Companion"), self)
        self.serve_action.setCheckable(True)
        self.serve_action.triggered.connect(self.set_serving)
        self.where_action = QAction(self)
        self.where_action.setEnabled(False)  # information, not a command
        self.links_action = QAction(self.tr("&Links and QR codes…"), self)
        self.links_action.triggered.connect(self.open_window)
        self.addAction(self.serve_action)
        self.addAction(self.where_action)
        self.addSeparator()
        self.addAction(self.links_action)
        serving.changed.connect(self._changed)
        self._show_state()

    def set_serving(self, on: bool) -> None:
        """Start serving where it served last (loopback the first time), or stop."""
        if on:
            self._serving.start()
        else:
            self._serving.stop()

    def open_window(self) -> NetworkWindow:
        """The Network window (the same one again if it is open)."""
        if self.network_window is None:
            from stagetimer.ui.control.network_window import NetworkWindow

            self.network_window = NetworkWindow(self._serving, self._controller, self._control)
        self.network_window.fill_hosts()
        self.network_window.refresh()
        self.network_window.show()
        self.network_window.activateWindow()
        return self.network_window

    def _changed(self) -> None:
        self._show_state()
        serving = self._serving
        failed = (bool(serving.error) and not serving.running) or bool(serving.osc_error)
        self._control.notify(words.notice_text(serving), warning=failed)

    def _show_state(self) -> None:
        serving = self._serving
        self.serve_action.setChecked(serving.running)
        if serving.running:
            where = self.tr("Listening on %1:%2").replace("%1", serving.host).replace("%2", str(serving.port))
            osc = words.osc_line(serving)
            self.where_action.setText(f"{where} · {osc}" if osc else where)
        else:
            self.where_action.setText(self.tr("Not serving"))
