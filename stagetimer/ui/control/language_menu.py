"""The Language menu: the operator's UI language, switched while the show runs.

Only Control changes: the Presenter and the Projector speak the agenda's
language (their frames name it), whoever runs the desk. The choice is
remembered (QSettings) for the next start; ``--lang`` still wins over it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from stagetimer import resources
from stagetimer.ui.common.i18n import CATALOGUE, LANGUAGES, SETTINGS_KEY, normalise_language
from stagetimer.ui.common.retranslate import Catalogue, retranslate


class LanguageMenu(QMenu):
    """One checkable entry per language, each named in itself (한국어, English)."""

    #: The operator's language changed (its code, "ko" or "en").
    language_changed = Signal(str)

    def __init__(
        self,
        language: str,
        control: QWidget,
        install: Callable[[str], object],
        refresh: Callable[[], None],
        settings: QSettings,
    ) -> None:
        super().__init__(self._title(), control)
        self._control = control
        self._install = install
        self._refresh = refresh
        self._settings = settings
        self.language = normalise_language(language) or "en"
        self._catalogue: Catalogue | None = None
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_language: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, chosen=code: self.choose(chosen))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_language[code] = action

    def _title(self) -> str:
        """"Language" in the UI language, and in English beside any other: who opens it may not read it."""
        title = self.tr("&Language")
        return title if title == "&Language" else f"{title} · Language"

    def choose(self, language: str) -> None:
        """Speak ``language`` in Control from now on, and next time the app starts."""
        language = normalise_language(language) or "en"
        self._settings.setValue(SETTINGS_KEY, language)
        self.actions_by_language[language].setChecked(True)
        if language == self.language:
            return
        if self._catalogue is None:
            self._catalogue = Catalogue(resources.translations_dir() / f"{CATALOGUE}_ko.ts")
        retranslate(self._control, self._catalogue, lambda: self._install(language))
        self.language = language
        self.setTitle(self._title())
        self._refresh()  # every word drawn per frame (status, panels, table) in the new language
        self.language_changed.emit(language)
