"""Closing an app that a test built with build_app, as the app itself would on quit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from stagetimer.ui.app import AppParts
from stagetimer.ui.i18n import install_translator


def abandon(parts: AppParts) -> None:
    """The app is gone (as after kill -9): its windows close, its journal stays as written."""
    parts.controller.stop()
    parts.close_guard.quitting = True  # let the windows close without asking
    for window in (parts.control, parts.presenter, parts.projector):
        window.close()
        window.deleteLater()


def close_apps(qapp: QApplication, *apps: AppParts) -> None:
    """Stop each app's clock, close its journal and windows; English again for the next test."""
    for parts in apps:
        parts.crash_log.uninstall()
        abandon(parts)
        parts.session.close()
    install_translator(qapp, "en")
    QCoreApplication.processEvents()
