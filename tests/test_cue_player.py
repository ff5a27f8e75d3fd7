"""The stage manager's cue bell: the right sound at the right transition, none when muted.

The bell is driven by the controller's events (the core's exact crossings);
a fake output records what it was asked to play, so no audio device is
needed. The sound files are checked against their recipe, and the real
miniaudio output is exercised once on its null device.
"""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import Qt

from stagetimer.core.agenda.model import DEFAULT_CUES, NO_ALARMS, SOUNDS, PerPhase
from stagetimer.core.clock import FakeClock
from stagetimer.core.show.commands import Command
from stagetimer.core.show.show import Show
from stagetimer.ui.control.window import ControlWindow
from stagetimer.ui.controller import Controller
from stagetimer.ui.cues.bell import MUTED, OFF, ON, OPEN_DELAY_MS, SILENT, CueBell
from stagetimer.ui.cues.output import MiniaudioOutput
from stagetimer.ui.cues.sounds import PEAK, RATE, load, synthesise, wav_bytes, wav_path
from tests.agenda_factory import MIN, make_agenda

SEC = 1_000


class FakeOutput:
    """Records what it was asked to play, and when (the show's ms)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.played: list[tuple[str, int]] = []
        self.closed = False

    def play(self, name: str) -> None:
        self.played.append((name, self.clock.monotonic_ms()))

    def close(self) -> None:
        self.closed = True


def rig(qtbot, cues: PerPhase = DEFAULT_CUES) -> tuple[Controller, CueBell, FakeOutput, FakeClock]:
    clock = FakeClock(tod_ms=10 * 3_600_000)
    agenda = make_agenda([("talk", "talk", "5m"), ("pause", "break", "10m")])
    talk, pause = agenda.items
    agenda = dataclasses.replace(agenda, items=(talk, dataclasses.replace(pause, thresholds=NO_ALARMS)), cues=cues)
    controller = Controller(Show(agenda, clock))
    output = FakeOutput(clock)
    bell = CueBell(controller, opener=lambda: output)
    controller.start()
    if cues.any:
        qtbot.waitUntil(lambda: bell.state != OFF, timeout=1000)  # opened a moment after the first frame
    return controller, bell, output, clock


def tick_to(controller: Controller, clock: FakeClock, ms: int) -> None:
    """Advance the fake clock and publish, as the controller's timer would at that instant."""
    clock.advance(ms)
    controller.publish()


def test_each_transition_plays_the_agendas_sound_at_its_millisecond(qtbot) -> None:
    controller, bell, output, clock = rig(qtbot)
    assert bell.state == ON
    controller.apply(Command("next"))
    controller.apply(Command("start"))
    start = clock.monotonic_ms()
    tick_to(controller, clock, 3 * MIN - 1)
    assert output.played == []
    tick_to(controller, clock, 1)
    tick_to(controller, clock, MIN)
    tick_to(controller, clock, MIN + 1)
    assert output.played == [("chime", start + 3 * MIN), ("double", start + 4 * MIN), ("gong", start + 5 * MIN + 1)]
    tick_to(controller, clock, MIN)  # overtime goes on: no second gong
    assert len(output.played) == 3


def test_a_break_sounds_only_at_zero(qtbot) -> None:
    controller, bell, output, clock = rig(qtbot)  # (named: a bell nobody holds is collected)
    controller.apply(Command("goto", "pause"))
    controller.apply(Command("start"))
    for _ in range(10):
        tick_to(controller, clock, MIN)
    tick_to(controller, clock, 1)
    assert [name for name, _ in output.played] == ["gong"]
    assert bell.state == ON


def test_muted_plays_nothing_and_unmuting_brings_the_next_cue_back(qtbot) -> None:
    controller, bell, output, clock = rig(qtbot)
    controller.apply(Command("next"))
    controller.apply(Command("start"))
    bell.toggle_mute()
    assert bell.state == MUTED
    tick_to(controller, clock, 3 * MIN)
    assert output.played == []
    bell.toggle_mute()
    tick_to(controller, clock, MIN)
    assert [name for name, _ in output.played] == ["double"]


def test_a_silent_moment_and_an_agenda_without_cues_play_nothing(qtbot) -> None:
    controller, bell, output, clock = rig(qtbot, PerPhase(zero="pip"))
    controller.apply(Command("next"))
    controller.apply(Command("start"))
    tick_to(controller, clock, 5 * MIN + 1)
    assert [name for name, _ in output.played] == ["pip"]
    controller, bell, output, clock = rig(qtbot, PerPhase())
    assert bell.state == OFF
    controller.apply(Command("next"))
    controller.apply(Command("start"))
    tick_to(controller, clock, 6 * MIN)
    assert output.played == []


def test_a_cue_long_past_is_not_played_after_a_stall(qtbot) -> None:
    controller, _, output, clock = rig(qtbot)
    controller.apply(Command("next"))
    controller.apply(Command("start"))
    tick_to(controller, clock, 3 * MIN + 10 * SEC)  # the laptop slept through warning
    assert output.played == []


def test_the_device_opens_after_the_windows_first_paint_not_before(qtbot) -> None:
    # Opening a device blocked the GUI thread for 15 ms or more, all of it before the first paint.
    clock = FakeClock(tod_ms=10 * 3_600_000)
    agenda = dataclasses.replace(make_agenda([("talk", "talk", "5m")]), cues=DEFAULT_CUES)
    controller = Controller(Show(agenda, clock))
    opened: list[float] = []
    bell = CueBell(controller, opener=lambda: opened.append(time.monotonic()) or FakeOutput(clock))
    controller.start()
    qtbot.wait(100)  # the event loop runs: the windows' first paints end ~60 ms after it starts
    assert opened == [] and bell.state == OFF
    qtbot.waitUntil(lambda: bell.state == ON, timeout=OPEN_DELAY_MS + 2_000)
    assert len(opened) == 1


def test_open_now_opens_at_once_and_the_timer_does_not_open_again(qtbot) -> None:
    # The screenshot tools draw Control right after building it: the indicator must already say "on".
    clock = FakeClock(tod_ms=10 * 3_600_000)
    agenda = dataclasses.replace(make_agenda([("talk", "talk", "5m")]), cues=DEFAULT_CUES)
    controller = Controller(Show(agenda, clock))
    opened: list[FakeOutput] = []
    bell = CueBell(controller, opener=lambda: opened.append(FakeOutput(clock)) or opened[-1])
    controller.start()
    bell.open_now()
    assert bell.state == ON and len(opened) == 1
    qtbot.wait(OPEN_DELAY_MS + 100)
    assert len(opened) == 1


def test_no_device_says_so_and_the_show_goes_on(qtbot) -> None:
    clock = FakeClock(tod_ms=10 * 3_600_000)
    agenda = dataclasses.replace(make_agenda([("talk", "talk", "5m")]), cues=DEFAULT_CUES)
    controller = Controller(Show(agenda, clock))
    bell = CueBell(controller, opener=lambda: None)
    controller.start()
    qtbot.waitUntil(lambda: bell.state == SILENT, timeout=1000)
    controller.apply(Command("start"))
    tick_to(controller, clock, 5 * MIN + 1)
    assert controller.snapshot.phase == "overtime"


def test_s_in_control_mutes_the_cues_and_the_status_line_says_so(qtbot) -> None:
    controller, bell, _, _ = rig(qtbot)
    window = ControlWindow(controller)
    qtbot.addWidget(window)
    window.attach_cues(bell)
    label = window.status_line.cues_label
    assert not label.isHidden() and label.text() == "Cues on · S mutes"
    before = controller.snapshot
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    assert bell.muted and label.text() == "Cues muted · S"
    assert not controller.show.can_undo  # not a show command: nothing to undo, nothing journaled
    assert controller.snapshot.message == before.message and controller.snapshot.stage == before.stage
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    assert not bell.muted and label.text() == "Cues on · S mutes"


@pytest.mark.parametrize("name", SOUNDS)
def test_the_sound_files_are_the_recipes_and_never_clip(name: str) -> None:
    samples = synthesise(name)
    assert wav_path(name).read_bytes() == wav_bytes(samples), "run python -m tools.make_cue_sounds"
    assert load(name) == samples
    assert 0.1 * RATE <= len(samples) < RATE  # short
    assert max(abs(value) for value in samples) <= PEAK * 32767 + 1  # headroom: never clips
    assert samples[0] == 0 and abs(samples[-1]) < 50  # starts and ends without a click


def test_the_miniaudio_output_hands_a_sound_to_its_device_and_rests_between_cues() -> None:
    heard: list[tuple[str, float]] = []
    output = MiniaudioOutput({"pip": load("pip")}, RATE, backends=["null"],
                             on_audible=lambda name, at: heard.append((name, at)))
    try:
        asked = time.perf_counter()
        output.play("pip")
        output.play("nonsense")  # an unknown name is ignored, not raised in the audio thread
        deadline = asked + 2
        while not heard and time.perf_counter() < deadline:
            time.sleep(0.005)
        assert heard and heard[0][0] == "pip"
        stopped_by = time.perf_counter() + 4  # idle: the device stops (no callbacks, no CPU) ...
        while output.running and time.perf_counter() < stopped_by:
            time.sleep(0.02)
        assert not output.running
        asked = time.perf_counter()
        output.play("pip")  # ... and the next cue starts it again
        while len(heard) < 2 and time.perf_counter() < asked + 2:
            time.sleep(0.005)
        assert [name for name, _ in heard] == ["pip", "pip"]
    finally:
        output.close()


def test_the_agendas_messages_lead_the_message_dialogs_presets(qtbot) -> None:
    clock = FakeClock(tod_ms=10 * 3_600_000)
    messages = PerPhase(warning="2분 남았습니다", zero="마무리 부탁드립니다")
    agenda = dataclasses.replace(make_agenda([("talk", "talk", "5m")]), messages=messages)
    agenda = dataclasses.replace(agenda, event=dataclasses.replace(agenda.event, language="ko"))
    window = ControlWindow(Controller(Show(agenda, clock)))
    qtbot.addWidget(window)
    dialog = window.open_message_dialog()
    assert dialog.presets[:3] == ("2분 남았습니다", "마무리 부탁드립니다", "1분 남았습니다")  # not twice
    assert len(dialog.presets) == len(set(dialog.presets)) <= 9
    dialog.pick(1)
    assert dialog.text() == "2분 남았습니다"  # a preset: editable before Enter sends it
    dialog.reject()
