"""Each tick repaints what changed on screen, and only that.

A running item ticks twice a second: the countdown's flip (show time) and the
operator's time of day (wall seconds). These tests watch the real Control
window, with its thumbnails, and the stage views through both kinds of tick:
the clock and the digits must repaint at their flip (a user would see a frozen
second otherwise), and the time of day's tick must not repaint the stage
screens or the status line's badges (what made it cost 3.7 ms of CPU a second).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from stagetimer.core.agenda.model import DEFAULT_CUES
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.core.timefmt import format_tod
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from stagetimer.ui.cues.bell import SILENT, CueBell
from stagetimer.ui.stage.presenter import PresenterView
from stagetimer.ui.stage.projector import ProjectorView
from tests.agenda_factory import make_agenda


class PaintCounter(QObject):
    """Counts the paint events each watched widget receives."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.names = {widget: name for name, widget in widgets.items()}
        self.counts: Counter[str] = Counter()
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.names:
            self.counts[self.names[watched]] += 1
        return False


def test_each_tick_repaints_the_second_that_flipped_and_nothing_else(qtbot) -> None:
    clock = FakeClock(tod_ms=10 * 3_600_000 + 400)  # the time of day flips 600 ms after each countdown flip
    agenda = dataclasses.replace(make_agenda([("talk", "talk", "5m")]), cues=DEFAULT_CUES)
    controller = Controller(Show(agenda, clock))
    presenter, projector = PresenterView(), ProjectorView()
    controller.frames_changed.connect(lambda frames: presenter.show_frame(frames.presenter))
    controller.frames_changed.connect(lambda frames: projector.show_frame(frames.projector))
    window = ControlWindow(controller)
    bell = CueBell(controller, opener=lambda: None)  # no sound device: the amber "no sound device" badge
    window.attach_cues(bell)
    for widget in (window, presenter, projector):
        qtbot.addWidget(widget)
        widget.show()
    presenter.resize(960, 540)
    projector.resize(960, 540)
    controller.start()
    qtbot.waitUntil(lambda: bell.state == SILENT, timeout=1000)
    controller.apply(Command("start"))
    controller.apply(Command("projector_countdown"))
    status = window.status_line
    counter = PaintCounter({
        "presenter": presenter, "projector": projector,
        "presenter thumbnail": window.presenter_thumbnail, "projector thumbnail": window.projector_thumbnail,
        "clock": status.clock_label, "cues badge": status.cues_label, "status line": status,
    })
    QApplication.processEvents()
    kinds = Counter[str]()
    for _ in range(12):
        before = controller.frames
        clock.advance(300)
        controller.publish()
        counter.counts.clear()
        QApplication.processEvents()
        after = controller.frames
        countdown = before.presenter.countdown_text != after.presenter.countdown_text
        tod = format_tod(before.control.time_of_day_ms, seconds=True) != format_tod(after.control.time_of_day_ms,
                                                                                    seconds=True)
        painted = counter.counts
        if countdown:
            kinds["countdown"] += 1
            for name in ("presenter", "projector", "presenter thumbnail", "projector thumbnail"):
                assert painted[name] >= 1, f"{name} did not repaint {after.presenter.countdown_text}"
        if tod:
            kinds["time of day"] += 1
            assert painted["clock"] >= 1, "Control's clock did not repaint its new second"
        if tod and not countdown:
            for name in ("presenter", "projector", "presenter thumbnail", "projector thumbnail"):
                assert painted[name] == 0, f"the time of day's tick repainted the {name}"
        if not countdown and not tod:
            assert not painted["clock"] and not painted["presenter"]
        assert painted["cues badge"] == 0 and painted["status line"] == 0, "an unchanged badge was repainted"
    assert kinds["countdown"] >= 3 and kinds["time of day"] >= 3  # both kinds of tick were seen
