"""One link in the Network window: what it is for, how many are connected, its QR code, copy.

A stage manager hands links out at the door: held up to a phone (the QR
code) or pasted into a chat or Companion (Copy). The control links are
marked so they are not handed to the audience by mistake.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextOption
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from stagetimer.net.links import Link
from stagetimer.ui.common.qr import qr_pixmap
from stagetimer.ui.control import network_words as words

#: The QR code's side: readable by a phone at arm's length from a laptop screen.
QR_PX = 168
#: The URL is shown whole, broken anywhere over this many lines (a cut-off token cannot be read out).
URL_LINES = 3


class LinkCard(QFrame):
    """A view's link: title, connected clients, QR code, the URL and a Copy button."""

    def __init__(self, link: Link, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = link.name
        self.url = ""
        self.title = QLabel(words.view_name(link.name))
        self.title.setStyleSheet("font-weight: 600;")
        self.clients = QLabel()
        self.qr = QLabel()
        self.qr.setFixedSize(QR_PX, QR_PX)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QPlainTextEdit()
        self.field.setReadOnly(True)
        self.field.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.field.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.field.setFixedHeight(QFontMetrics(self.field.font()).lineSpacing() * URL_LINES + 12)
        self.field.setMinimumWidth(260)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the show's
        self.copy_button.clicked.connect(self.copy)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clients)
        bottom = QHBoxLayout()
        bottom.addWidget(self.field, 1)
        bottom.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        if link.control:
            crew = QLabel(self.tr("Control token: for the crew only"))
            crew.setObjectName("crewOnly")
            crew.setStyleSheet("color: #f0b429;")
            layout.addWidget(crew)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(bottom)
        self.set_link(link)
        self.set_clients(None)

    def set_link(self, link: Link) -> None:
        """A new URL (another host, port or tokens): a new QR code."""
        if link.url == self.url:
            return
        self.url = link.url
        self.field.setPlainText(link.url)
        self.qr.setPixmap(qr_pixmap(link.url, QR_PX))

    def set_clients(self, count: int | None) -> None:
        """How many browsers have this view open (None: not serving, or not counted for this link)."""
        if count is None:
            self.clients.setText("")
        else:
            self.clients.setText(self.tr("%1 connected").replace("%1", str(count)))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
        self.copy_button.setText(self.tr("Copied"))
