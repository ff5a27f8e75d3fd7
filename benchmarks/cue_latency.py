"""How soon a cue's sound reaches the audio device after the transition it announces.

Not a unit test: it measures the product's own path end to end. A real
Controller on the system clock runs a day of short items (3 s each, warning
at 2 s left, danger at 1 s, cues on: chime, double, gong), so every item
gives three cues; after each zero the next item is started (Shift+→'s
command). The product's CueBell plays them through the product's
MiniaudioOutput, opened once before the run; the output's ``on_audible`` hook
fires in the audio thread when the first period holding the new sound is
handed to the device.

For each cue it reports, from the transition's true instant (the event's
show ms, which the core computes exactly from the running clock):

* → play(): the tick woke, the core announced the event, the bell asked the output;
* → handed to the device: the first non-silent frames given to the audio API.

What it cannot see is the time the audio API and the hardware then take
(PulseAudio's buffer, a USB DAC's): that depends on the machine, not on us.

Usage: python benchmarks/cue_latency.py [--items 8] [--backend pulseaudio|alsa|null|…]
With no --backend, miniaudio's default order for this system is tried, then
the null backend (a device that consumes samples on its own clock, as a card
would) when there is no sound card.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stagetimer.core.agenda.model import DEFAULT_CUES, SOUNDS, Agenda, Event, Item, Thresholds
from stagetimer.core.clock import SystemClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.events import EventKind
from stagetimer.core.show.show import Show
from stagetimer.ui.controller import Controller
from stagetimer.ui.cues.bell import CueBell
from stagetimer.ui.cues.output import MiniaudioOutput
from stagetimer.ui.cues.sounds import RATE, load

TARGET_MS = 100.0
ITEM_MS = 3_000
#: PulseAudio starts pulling a new stream after a second or two: the app opens its device at start-up.
WARM_UP_S = 2.5


def short_day(count: int, start_tod: int) -> Agenda:
    items = tuple(
        Item(id=f"t{n}", kind="talk", title=f"Talk {n}", duration_ms=ITEM_MS, planned_start_ms=start_tod + n * ITEM_MS,
             thresholds=Thresholds(warning_ms=2_000, danger_ms=1_000))
        for n in range(count))
    event = Event(title="Cue latency", start_ms=start_tod, end_ms=start_tod + count * ITEM_MS)
    return Agenda(event=event, thresholds=Thresholds(), sections=(), items=items, cues=DEFAULT_CUES)


class Timed:
    """The product's output, with each play() and each first handed period stamped."""

    def __init__(self, show: Show, backends: list[str] | None) -> None:
        self.show = show
        self.asked: list[tuple[int, float]] = []  # (show ms, perf_counter) at play()
        self.heard: list[float] = []  # perf_counter when first handed to the device
        self.output = MiniaudioOutput({name: load(name) for name in SOUNDS}, RATE, backends=backends,
                                      on_audible=lambda _name, at: self.heard.append(at))

    def play(self, name: str) -> None:
        self.asked.append((self.show.now_ms(), time.perf_counter()))
        self.output.play(name)

    def close(self) -> None:
        self.output.close()


def open_timed(show: Show, backend: str | None) -> Timed:
    if backend:
        return Timed(show, [backend])
    try:
        return Timed(show, None)
    except OSError as error:  # no sound card here
        print(f"(no system audio device: {error}; using miniaudio's null backend)")
        return Timed(show, ["null"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=8, help="3-second items to run, three cues each (default 8)")
    parser.add_argument("--backend", help="a miniaudio backend (pulseaudio, alsa, wasapi, coreaudio, null…)")
    options = parser.parse_args()
    app = QApplication(sys.argv[:1])
    clock = SystemClock()
    show = Show(short_day(options.items, clock.local_tod_ms()), clock)
    controller = Controller(show)
    timed = open_timed(show, options.backend)
    time.sleep(WARM_UP_S)
    bell = CueBell(controller, opener=lambda: timed)
    transitions: list[int] = []

    def on_events(events: tuple) -> None:
        for event in events:
            if event.kind in (EventKind.ENTERED_WARNING, EventKind.ENTERED_DANGER, EventKind.ENTERED_OVERTIME):
                transitions.append(event.show_ms)
            if event.kind is EventKind.ENTERED_OVERTIME:
                last = event.item_id == show.agenda.items[-1].id
                QTimer.singleShot(600, app.quit if last else lambda: controller.apply(Command("next_start")))

    controller.events_occurred.connect(on_events)
    controller.start()
    QTimer.singleShot(50, lambda: controller.apply(Command("next_start")))
    QTimer.singleShot(int(options.items * (ITEM_MS + 1_500) + 5_000), app.quit)  # bounded, whatever happens
    app.exec()
    time.sleep(0.2)
    bell.close()
    count = min(len(transitions), len(timed.asked), len(timed.heard))
    dispatch = [timed.asked[n][0] - transitions[n] for n in range(count)]
    handed = [dispatch[n] + (timed.heard[n] - timed.asked[n][1]) * 1000 for n in range(count)]
    print(f"Cue latency: {count} cues over {options.items} items, backend {timed.output.backend}, "
          f"period {RATE * 10 // 1000} frames")
    print(f"{'transition →':34} {'median':>9} {'max':>9}   target")
    print("-" * 66)
    if not count:
        print("no cues measured")
        return 1
    print(f"{'play() asked (tick + core + bell)':34} {statistics.median(dispatch):7.1f}ms {max(dispatch):7.1f}ms")
    print(f"{'first sound frames handed to device':34} {statistics.median(handed):7.1f}ms {max(handed):7.1f}ms"
          f"   ≤ {TARGET_MS:.0f} ms {'ok' if max(handed) <= TARGET_MS else 'MISSED'}")
    return 0 if count >= 3 * options.items and max(handed) <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
