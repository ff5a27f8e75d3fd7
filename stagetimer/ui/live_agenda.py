"""Each valid edit of the agenda file goes live; a bad one is shown and changes nothing.

The watcher parses; the core's door applies (a ReloadAgenda command). It swaps the agenda in, keeping
every item's history by id, so the running item keeps its elapsed time and
the swap is journaled (a restart rebuilds the edited show). An edit that
removes the item on stage is refused like a bad file: moving the show to
another item behind the operator's back is the one thing it must not do.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from stagetimer.core.agenda.errors import AgendaError
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.commands import ReloadAgenda
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.agenda_watcher import AgendaWatcher
from stagetimer.ui.control.notices import refusal_text
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller

log = logging.getLogger(__name__)


class LiveAgenda(QObject):
    """Connects the agenda watcher to the core's door (through the controller) and Control's agenda panel."""

    def __init__(
        self, watcher: AgendaWatcher, controller: Controller, control: ControlWindow
    ) -> None:
        super().__init__(watcher)
        self._controller = controller
        self._control = control
        self.watcher = watcher
        watcher.agenda_loaded.connect(self.apply)
        watcher.agenda_rejected.connect(self.reject)

    def apply(self, agenda: Agenda) -> bool:
        """Make ``agenda`` the show's agenda through the door; False (with the reason shown) if refused."""
        outcome = self._controller.apply(ReloadAgenda(agenda))
        if not outcome.applied:  # the live item is not in the edited file
            log.info("agenda edit refused: %s %s", outcome.reason, outcome.params)
            text = refusal_text(outcome.reason, outcome.params)
            self.reject([AgendaError(str(self.watcher.path), 0, 0, text)])
            return False
        self._control.show_agenda_reloaded(format_tod(self._controller.snapshot.time_of_day_ms, seconds=True))
        return True

    def reject(self, errors: list[AgendaError]) -> None:
        """Show every error; the show and its agenda stay exactly as they were."""
        self._control.show_agenda_errors(errors)
