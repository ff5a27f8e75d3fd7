"""Closing an app that a test built with build_app, as the app itself would on quit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from stagetimer.ui.app import AppParts
from stagetimer.ui.common.i18n import install_translator


def close_apps(qapp: QApplication, *apps: AppParts) -> None:
    """Stop each app's clock, close its journal and windows; English again for the next test."""
    for parts in apps:
        parts.crash_log.uninstall()
        parts.abandon()
        parts.session.close()
    install_translator(qapp, "en")
    QCoreApplication.processEvents()
