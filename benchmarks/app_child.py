"""The measured app, in a process of its own: ``benchmarks/run.py`` spawns this and reads one JSON line.

Two modes:

* ``startup``: the real command, ``stagetimer AGENDA`` (``cli.main.main``),
  with ``exec_app`` wrapped so that each window's first paint is timed; it
  prints when all three had painted and exits. Everything the command does
  before a window opens (argument parsing, the agenda check, the display
  check, the show lock, the imports) is inside the figure.
* ``run``: ``build_app`` with the benchmark's MeasuringController, the same
  garbage-collection policy ``exec_app`` installs, then the welcome screen
  idle for ``--welcome`` seconds (CPU only) and the first item as a live
  countdown for ``--seconds`` with the projector's small countdown on, so all
  three windows change every second.

Paints are timed by an event filter that runs the watched view's
``paintEvent`` itself and notes when it returned; collector pauses through
``gc.callbacks``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = Path(__file__).resolve().parent / "three-1080p.json"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class GcPauses:
    """Every cyclic collection: (start ns, end ns, generation), from gc.callbacks."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, int, int]] = []
        self._began = 0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        now = time.monotonic_ns()
        if phase == "start":
            self._began = now
        else:
            self.pauses.append((self._began, now, info["generation"]))


def paint_clock(views: dict[Any, str]) -> Any:
    from PySide6.QtCore import QEvent, QObject

    class PaintClock(QObject):
        """Paints a watched view itself, so it knows when the paint has finished."""

        def __init__(self) -> None:
            super().__init__()
            self.painted: dict[str, list[int]] = {name: [] for name in views.values()}
            self.cost_ns: dict[str, int] = {name: 0 for name in views.values()}

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() != QEvent.Type.Paint or watched not in views:
                return False
            began = time.monotonic_ns()
            watched.paintEvent(event)  # inside Qt's paint: the painter may draw
            done = time.monotonic_ns()
            name = views[watched]
            self.painted[name].append(done)
            self.cost_ns[name] += done - began
            return True

    clock = PaintClock()
    for widget in views:
        widget.installEventFilter(clock)
        widget.update()
    return clock


def watched_views(parts: Any) -> dict[Any, str]:
    views = {parts.presenter: "presenter", parts.projector: "projector", parts.control: "control"}
    for attribute in ("presenter_thumbnail", "projector_thumbnail"):  # Control's live thumbnails paint too
        thumbnail = getattr(parts.control, attribute, None)
        if thumbnail is not None:
            views[thumbnail] = attribute.replace("_", " ")
    return views


def startup(platform: str) -> int:
    """The real command; prints the monotonic ns at which all three windows had painted."""
    from stagetimer.cli.main import main

    state = tempfile.mkdtemp(prefix="stagetimer-bench-")

    def timed_exec(parts: Any) -> int:
        from PySide6.QtCore import QTimer

        clock = paint_clock(watched_views(parts))

        def first_frames() -> None:
            if all(clock.painted[name] for name in ("presenter", "projector", "control")):
                print(json.dumps({"first_frame_ns": max(clock.painted[name][0]
                                                        for name in ("presenter", "projector", "control")),
                                  "cpu_s": cpu_seconds()}))
                parts.abandon()
                parts.app.exit(0)
            else:
                QTimer.singleShot(1, first_frames)

        QTimer.singleShot(0, first_frames)
        return real_exec(parts)

    # Wrapped when the command itself imports the app, not before: importing it here first would
    # load Qt before the command turns collection off and lightens PySide6's import hook.
    def wrap(app_module: Any) -> None:
        nonlocal real_exec
        real_exec = app_module.exec_app
        app_module.exec_app = timed_exec

    real_exec: Any = None
    sys.meta_path.insert(0, _OnImport("stagetimer.ui.app", wrap))
    return main([str(ROOT / "agenda.yaml"), "--state-dir", state])


class _OnImport:
    """A meta-path finder that calls ``then(module)`` once the module ``name`` has been executed."""

    def __init__(self, name: str, then: Any) -> None:
        self._name, self._then = name, then

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self._name:
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        assert spec is not None and spec.loader is not None
        loader, then = spec.loader, self._then
        real = loader.exec_module

        def exec_module(module: Any) -> None:
            real(module)
            then(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def run(platform: str, seconds: float, welcome: float, net: tuple[int, float], interpreter_gc: bool = False) -> int:
    """Welcome screen idle, then a live countdown; prints the measurements."""
    try:  # as the run command does before it imports the app (absent before issue 13)
        from stagetimer.ui import source_check

        source_check.lighten()
    except ImportError:
        pass
    gc.disable()  # as the run command does before Qt (exec_app's policy takes over; --interpreter-gc: on again)
    from PySide6.QtCore import QSettings, QTimer

    from benchmarks.measuring import MeasuringController
    from benchmarks.net_load import finish_load, start_load
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.show.commands import Command
    from stagetimer.ui import app as app_module
    from stagetimer.ui.app import build_app

    folder = tempfile.mkdtemp(prefix="stagetimer-bench-")
    settings = QSettings(os.path.join(folder, "bench.ini"), QSettings.Format.IniFormat)
    agenda_path = ROOT / "agenda.yaml"
    options = argparse.Namespace(speed=1.0, lang=None, windowed=False, presenter_screen=None, projector_screen=None)
    parts = build_app(agenda_path, load_agenda(agenda_path), options, settings=settings,
                      state_dir=Path(folder) / "state", controller_class=MeasuringController)
    app = parts.app
    if platform != "offscreen":  # one X screen: stage windows as large as their monitors would be
        for window in (parts.presenter, parts.projector):
            window.setGeometry(0, 0, 1920, 1080)
    clock = paint_clock(watched_views(parts))
    controller = parts.controller
    assert isinstance(controller, MeasuringController)
    install = getattr(app_module, "collect_after_publish", None)  # absent before issue 13
    policy = None if interpreter_gc or install is None else install(parts)  # what exec_app does
    if policy is None:
        gc.enable()
    pauses = GcPauses()
    result: dict[str, Any] = {}
    load: dict[str, Any] = {}

    def idle() -> None:
        for times in clock.painted.values():
            times.clear()
        for name in clock.cost_ns:
            clock.cost_ns[name] = 0
        result["welcome_cpu0"], result["welcome_t0"] = cpu_seconds(), time.monotonic()
        QTimer.singleShot(int(welcome * 1000), begin)

    def begin() -> None:
        result["welcome_cpu_s"] = cpu_seconds() - result.pop("welcome_cpu0")
        result["welcome_paints"] = {name: len(times) for name, times in clock.painted.items()}
        result["welcome_paint_ms"] = {name: ns / 1e6 for name, ns in clock.cost_ns.items()}
        result["welcome_s"] = time.monotonic() - result.pop("welcome_t0")
        if net[0]:
            start_load(parts, load, net[0], net[1], seconds)
        controller.apply(Command("start"))
        controller.apply(Command("projector_countdown"))  # the audience's small countdown too
        controller.timings.clear()
        pauses.pauses.clear()
        for times in clock.painted.values():
            times.clear()
        for name in clock.cost_ns:
            clock.cost_ns[name] = 0
        result["cpu0"], result["t0"] = cpu_seconds(), time.monotonic()
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        elapsed = time.monotonic() - result.pop("t0")
        cpu = cpu_seconds() - result.pop("cpu0")
        flips = [timing for timing in controller.timings if timing.flip]  # a flash's half-ticks change no digit
        boundaries = [timing.boundary_ns for timing in flips]
        result.update(
            seconds=elapsed, cpu_s=cpu, ticks=len(boundaries),
            boundaries=boundaries,
            publish_ms=[timing.late_ms for timing in flips],
            wake_ms=[timing.woke_late_ms for timing in flips],
            tick_cpu_ms=[timing.cpu_ms for timing in flips],
            tick_queued_ms=[timing.queued_ms for timing in flips],
            paint_ms={name: first_paint_after(boundaries, clock.painted[name]) for name in ("presenter", "projector")},
            rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            paint_cost_ms={name: ns / 1e6 for name, ns in clock.cost_ns.items()},
            paints={name: len(times) for name, times in clock.painted.items()},
            gc_pauses=pauses.pauses,
            gc_policy=policy is not None,
            net=finish_load(load, parts) if net[0] else None,
        )
        print(json.dumps(result))
        app.exit(0)

    QTimer.singleShot(1500, idle)  # let start-up settle first
    return app.exec()


def first_paint_after(boundaries: list[int], paints: list[int]) -> list[float]:
    """For each boundary, ms to the first paint after it (and before the next boundary)."""
    result: list[float] = []
    index = 0
    for position, boundary in enumerate(boundaries):
        limit = boundaries[position + 1] if position + 1 < len(boundaries) else None
        while index < len(paints) and paints[index] < boundary:
            index += 1
        if index < len(paints) and (limit is None or paints[index] < limit):
            result.append((paints[index] - boundary) / 1e6)
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("startup", "run"))
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--welcome", type=float, default=0.0)
    parser.add_argument("--net-clients", type=int, default=0)
    parser.add_argument("--net-rate", type=float, default=20.0)
    parser.add_argument("--interpreter-gc", action="store_true", help="leave collection to the interpreter (before)")
    options = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = (f"offscreen:configfile={LAYOUT}" if options.platform == "offscreen"
                                     else options.platform)
    sys.path.insert(0, str(ROOT))
    if options.mode == "startup":
        return startup(options.platform)
    return run(options.platform, options.seconds, options.welcome, (options.net_clients, options.net_rate),
               options.interpreter_gc)


if __name__ == "__main__":
    sys.exit(main())
