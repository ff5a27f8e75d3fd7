"""Control's Network window: where the show is served, every view's link and QR code, who is connected.

Non-modal, like every window beside Control: the show stays in the
operator's hands while links are handed out. Nothing here runs a timer of
its own: the connected counts are read on the display tick Control already
gets (``frames_changed``), once a second at most. A server that fails to
start says why in the window; the show never notices.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stagetimer.net.links import OscRecord, format_address, parse_address
from stagetimer.ui.control import network_words as words
from stagetimer.ui.control import style
from stagetimer.ui.control.network_links import LinkCard
from stagetimer.ui.controller import Controller
from stagetimer.ui.serving import Serving

#: Ports a user can serve on without administrator rights.
MIN_PORT, MAX_PORT = 1024, 65535
COLUMNS = 3
#: The colours of a failure and of OSC's no-password warning.
FAILED, WARNING = "#ff6b6b", "#f0b429"


class NetworkWindow(QDialog):
    """Start or stop serving, on which address and port; the links, their QR codes and client counts."""

    def __init__(self, serving: Serving, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkWindow")
        self.setWindowTitle(self.tr("Network — links for browsers and Companion"))
        self.setModal(False)
        self._serving = serving
        self.confirm_box: QMessageBox | None = None
        self.setStyleSheet(_sheet())

        self.host_box = QComboBox()
        self.port_box = QSpinBox()
        self.port_box.setRange(MIN_PORT, MAX_PORT)
        self.port_box.setMinimumWidth(70)
        self.port_box.setValue(max(MIN_PORT, serving.record.port))
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)
        self.tokens_button = QPushButton(self.tr("New tokens…"))
        self.tokens_button.clicked.connect(self.ask_new_tokens)
        self.fill_hosts()

        osc = serving.osc
        self.osc_check = QCheckBox(self.tr("OSC commands (UDP)"))
        self.osc_check.setChecked(osc.on)
        self.osc_check.setToolTip(self.tr("For Companion's Generic OSC: /stagetimer/next and the other actions. "
                                          "OSC has no password. Applies when serving starts."))
        self.osc_check.toggled.connect(self._osc_enabled)
        self.osc_port_box = QSpinBox()
        self.osc_port_box.setRange(MIN_PORT, MAX_PORT)
        self.osc_port_box.setMinimumWidth(70)
        self.osc_port_box.setValue(max(MIN_PORT, osc.port))
        self.osc_host_box = QComboBox()
        self.osc_host_box.addItem(self.tr("Same address as above"), None)
        self.osc_host_box.addItem(self.tr("This computer only (127.0.0.1)"), words.LOOPBACK)
        if osc.host is not None and osc.host != words.LOOPBACK:  # asked for with --osc: keep it visible
            self.osc_host_box.addItem(osc.host, osc.host)
        self.osc_host_box.setCurrentIndex(max(0, self.osc_host_box.findData(osc.host)) if osc.host else 0)
        self.osc_feedback_edit = QLineEdit(format_address(*osc.feedback) if osc.feedback else "")
        self.osc_feedback_edit.setObjectName("oscFeedback")
        self.osc_feedback_edit.setPlaceholderText(self.tr("none, or e.g. 192.168.0.20:12321"))
        self.osc_feedback_edit.setToolTip(self.tr("Where the live values go (remaining, countdown, title …): "
                                                  "Companion's computer and its OSC port"))

        self.status = QLabel()
        self.status.setObjectName("networkStatus")
        self.status.setWordWrap(True)
        #: OSC has no authentication: when the OSC settings land in the server, say so here (show_osc).
        self.osc_warning = QLabel()
        self.osc_warning.setObjectName("oscWarning")
        self.osc_warning.setWordWrap(True)
        self.osc_warning.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Address")))
        form.addWidget(self.host_box, 1)
        form.addWidget(QLabel(self.tr("Port")))
        form.addWidget(self.port_box)
        form.addWidget(self.start_button)
        form.addWidget(self.tokens_button)

        osc_row = QHBoxLayout()
        osc_row.addWidget(self.osc_check)
        osc_row.addWidget(QLabel(self.tr("Port")))
        osc_row.addWidget(self.osc_port_box)
        osc_row.addWidget(QLabel(self.tr("Listen on")))
        osc_row.addWidget(self.osc_host_box, 1)
        osc_row.addWidget(QLabel(self.tr("Feedback to")))
        osc_row.addWidget(self.osc_feedback_edit, 1)

        self.cards: dict[str, LinkCard] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, link in enumerate(serving.links(words.link_host(serving))):
            card = LinkCard(link, self)
            self.cards[link.name] = card
            grid.addWidget(card, index // COLUMNS, index % COLUMNS)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(osc_row)
        layout.addWidget(self.status)
        layout.addWidget(self.osc_warning)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        hint = QLabel(self.tr("View links carry the viewer token: they show the show and change nothing. "
                               "New tokens turn every old link off."))
        hint.setWordWrap(True)
        hint.setObjectName("networkHint")
        layout.addWidget(hint)

        serving.changed.connect(self.refresh)
        controller.frames_changed.connect(self._on_tick)
        self.refresh()

    # -- what it shows ---------------------------------------------------------------------

    def fill_hosts(self) -> None:
        """Loopback, all networks and this computer's addresses now (a cable plugged in adds one)."""
        current = self._serving.host
        self.host_box.clear()
        for address, label in words.host_choices():
            self.host_box.addItem(label, address)
        index = self.host_box.findData(current)
        if index < 0:  # an address this computer no longer has: keep it visible, it is what was asked for
            self.host_box.addItem(current, current)
            index = self.host_box.count() - 1
        self.host_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """Redraw from the server's state: started, stopped, failed or new tokens."""
        serving = self._serving
        running = serving.running
        self.start_button.setText(self.tr("Stop serving") if running else self.tr("Start serving"))
        self.host_box.setEnabled(not running)
        self.port_box.setEnabled(not running)
        if running:
            self.port_box.setValue(serving.port)
        self.osc_check.setEnabled(not running)
        self._osc_enabled(self.osc_check.isChecked())
        failed = bool(serving.error) and not running
        self._say(words.status_text(serving), failed)
        address, target = serving.osc_address, serving.osc_feedback
        if address is not None:
            self.osc_port_box.setValue(address.port)
        self.show_osc(address.port if address is not None else None,
                      format_address(target.host, target.port) if target is not None else "")
        if serving.osc_error:
            self.osc_warning.setText(words.osc_error_text(serving))
            self.osc_warning.setStyleSheet(f"color: {FAILED}; font-weight: 600;")
            self.osc_warning.show()
        note = words.tokens_note(serving)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        for link in serving.links(words.link_host(serving)):
            card = self.cards[link.name]
            card.set_link(link)
            card.setEnabled(running)
        self.show_counts()

    def show_counts(self) -> None:
        counts = self._serving.counts() if self._serving.running else {}
        for name, card in self.cards.items():
            card.set_clients(counts.get(name) if name in counts else None)

    def show_osc(self, port: int | None, feedback: str = "") -> None:
        """OSC on ``port`` (None: off). OSC has no password: anyone on the network can send commands."""
        if port is None:
            self.osc_warning.hide()
            return
        text = self.tr("OSC is on (UDP port %1): OSC has no password — anyone on this "
                       "network can control the show").replace("%1", str(port))
        if feedback:
            text += "\n" + self.tr("OSC feedback goes to %1").replace("%1", feedback)
        self.osc_warning.setText(text)
        self.osc_warning.setStyleSheet(f"color: {WARNING};")
        self.osc_warning.show()

    def osc_choice(self) -> OscRecord:
        """The OSC row as a choice for Serving.start; ValueError when the feedback target is not HOST:PORT."""
        text = self.osc_feedback_edit.text().strip()
        target = parse_address(text) if text else None
        return OscRecord(self.osc_check.isChecked(), self.osc_port_box.value(), self.osc_host_box.currentData(),
                         *(target or (None, None)))

    def _osc_enabled(self, on: bool) -> None:
        editable = on and not self._serving.running
        for widget in (self.osc_port_box, self.osc_host_box, self.osc_feedback_edit):
            widget.setEnabled(editable)

    def _say(self, text: str, failed: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {FAILED}; font-weight: 600;" if failed else "font-weight: 600;")

    def _on_tick(self, _frames: object) -> None:
        if self.isVisible():
            self.show_counts()

    # -- what it does ------------------------------------------------------------------------

    def toggle(self) -> None:
        """Start serving on the chosen address and port, or stop."""
        if self._serving.running:
            self._serving.stop()
            return
        try:
            osc = self.osc_choice()
        except ValueError:
            self._say(self.tr("OSC feedback: write the host and port, e.g. 192.168.0.20:12321, or leave it "
                              "empty"), failed=True)
            self.osc_feedback_edit.setFocus()
            return
        self._serving.start(str(self.host_box.currentData()), self.port_box.value(), osc)

    def ask_new_tokens(self) -> QMessageBox:
        """Confirm first: new tokens disconnect every browser and remote (non-blocking: the clock goes on)."""
        if self.confirm_box is not None:
            return self.confirm_box
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("New tokens?"),
            self.tr("Every link and remote handed out so far stops working, and every connected browser is "
                     "disconnected. Hand out the new links afterwards."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._tokens_answered)
        self.confirm_box = box
        box.open()
        return box

    def _tokens_answered(self, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes:
            self._serving.new_tokens()


def _sheet() -> str:
    """Fields in Control's console colours; the address locked while serving is still read easily."""
    field = f"background: {style.FIELD.name()}; color: {style.TEXT.name()}; border: 1px solid {style.BORDER.name()};"
    return f"""
QPlainTextEdit, QComboBox, QSpinBox, QLineEdit {{ {field} border-radius: 5px; padding: 2px 4px; }}
QComboBox:disabled, QSpinBox:disabled, QLineEdit:disabled {{
    color: {style.TEXT.name()}; background: {style.PANEL.name()}; }}
QComboBox QAbstractItemView {{ {field} selection-background-color: {style.HOVER.name()}; }}
QFrame#linkCard {{ background: {style.PANEL.name()}; border: 1px solid {style.BORDER.name()}; border-radius: 6px; }}
QLineEdit#oscFeedback {{ font-size: {style.BASE_PX}px; }}
QSpinBox QLineEdit {{ padding: 0; border: none; background: transparent; font-size: {style.BASE_PX}px; }}
QLabel:disabled {{ color: {style.DONE.name()}; }}
"""
