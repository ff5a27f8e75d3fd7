"""The stage manager's cues: a sound when the show enters warning, danger or zero.

The bell decides nothing about time. It listens to the controller's
``events_occurred`` — the core's ENTERED_WARNING / ENTERED_DANGER /
ENTERED_OVERTIME, announced by the tick that wakes at their exact
millisecond — and plays the sound the agenda's ``cues:`` names for that
moment. Muting (Control's S key) is the operator's preference for their own
ears, not a show command: it changes nothing on any screen, is not journaled,
and a restart comes back unmuted, so a forgotten mute cannot outlive the day.

The audio device is opened once, the first time a frame says the agenda has
cues, with the sounds decoded; an agenda without cues never loads the audio
library at all. It is opened OPEN_DELAY_MS after that frame: not inside the
tick, and at start-up after the three windows' first paint (opening took
15 ms of the GUI thread with no sound card, more with PulseAudio, and it was
all before the first paint).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from stagetimer.core.agenda.model import SOUNDS
from stagetimer.core.show.events import Event, EventKind
from stagetimer.core.show.snapshot import Frames
from stagetimer.ui.controller import Controller
from stagetimer.ui.cues.output import SoundOutput, open_output
from stagetimer.ui.cues.sounds import RATE, load

log = logging.getLogger(__name__)

#: The phase each event enters, as the agenda's ``cues`` names its moments (overtime: zero).
EVENT_PHASES = {
    EventKind.ENTERED_WARNING: "warning",
    EventKind.ENTERED_DANGER: "danger",
    EventKind.ENTERED_OVERTIME: "overtime",
}
#: A cue announced this long (show ms) after its transition is not played: after a stall
#: (a suspended laptop), a gong for a zero long past would only mislead.
STALE_MS = 2_000
#: How long after the first frame with cues the device is opened. The three windows' first paints
#: end about 60 ms after the event loop starts (offscreen, a 2-vCPU VM: four times that). A transition
#: within this quarter second of a (re)start goes unheard, as any cue does while no device is open.
OPEN_DELAY_MS = 250

#: What the Control indicator shows.
OFF, ON, MUTED, SILENT = "off", "on", "muted", "silent"


def open_default_output() -> SoundOutput | None:
    """The system's output device with every cue sound decoded, or None when it cannot be opened."""
    return open_output({name: load(name) for name in SOUNDS}, RATE)


class CueBell(QObject):
    """Plays the agenda's cue for each phase event, unless muted or the agenda has none."""

    #: The indicator's state changed: OFF, ON, MUTED or SILENT (no device), a str.
    state_changed = Signal(str)

    def __init__(self, controller: Controller, opener: Callable[[], SoundOutput | None] = open_default_output,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._opener = opener
        self._output: SoundOutput | None = None
        self._opening = False
        self._tried = False
        self._muted = False
        self._state = OFF
        controller.events_occurred.connect(self._ring)
        controller.frames_changed.connect(self._follow)
        self._follow(controller.frames)

    @property
    def state(self) -> str:
        return self._state

    @property
    def muted(self) -> bool:
        return self._muted

    def toggle_mute(self) -> None:
        """S in Control: silence the cues for the stage manager, or bring them back."""
        self._muted = not self._muted
        self._update()

    def close(self) -> None:
        if self._output is not None:
            self._output.close()
            self._output = None

    def _follow(self, frames: Frames) -> None:
        """Open the device the first time the agenda has cues (a reload may turn them on)."""
        if frames.control.cues.any and not self._tried and not self._opening:
            self._opening = True
            QTimer.singleShot(OPEN_DELAY_MS, self._open)  # not in this tick, nor before the first paint
        self._update()

    def open_now(self) -> None:
        """Open the device now if it is due to open: for the screenshot tools, which draw the
        windows right after building them and have no first paint to wait for."""
        self._open()

    def _open(self) -> None:
        if not self._opening:
            return  # not due, or opened already (open_now before the timer)
        self._tried, self._opening = True, False
        self._output = self._opener()
        self._update()

    def _ring(self, events: tuple[Event, ...]) -> None:
        cues = self._controller.snapshot.cues
        now = self._controller.show.now_ms()
        for event in events:
            phase = EVENT_PHASES.get(event.kind)
            if phase is None or self._muted or self._output is None:
                continue
            name = cues.at(phase)
            if name and now - event.show_ms <= STALE_MS:
                self._output.play(name)

    def _update(self) -> None:
        if not self._controller.snapshot.cues.any or not self._tried:
            state = OFF  # until the device is opened (a moment after the first frame), nothing to mute
        elif self._output is None:
            state = SILENT
        else:
            state = MUTED if self._muted else ON
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
