"""How fast and how light the running app is: the figures the README reports.

Not a unit test: it measures a real run and prints a table against the
targets of issue 3. Three windows at 1920×1080 (Qt's offscreen platform with
benchmarks/three-1080p.json, so no display is needed) run the bundled agenda's
first item as a live countdown, with the projector's small countdown on so
all three windows change every second.

* boundary → repaint: for every tick of the controller's timer, the time from
  the true boundary of the displayed second (computed from the show's own
  monotonic clock, exact to the nanosecond) to the moment each stage view's
  ``paintEvent`` *returned*, i.e. the frame was drawn — not merely scheduled.
  Only the first paint of each window after a tick counts. Reported for the
  full-screen Presenter and Projector; the publish itself is shown too.
* CPU: user + system seconds of the app process over the measured run,
  scaled to a minute (getrusage), and as a share of one core.
* peak RSS: ru_maxrss of the app process, start-up included.
* start-up: from just before the process is spawned to the moment all three
  windows have painted their first frame (median of several starts).

With ``--platform xcb`` the app runs on the X display in $DISPLAY instead
(Xvfb, or a real desktop): the pixels then really travel to an X server.
Qt sees one X screen there, so the Presenter and Projector are made
1920×1080 ordinary windows on it, as large as on their own monitors.

The ticks are timed by benchmarks/measuring.py's MeasuringController, which
``build_app`` is given as its ``controller_class``: the product's Controller
carries no timing of its own.

Usage: python benchmarks/run.py [--seconds 60] [--starts 5] [--platform offscreen|xcb]
Each measurement runs in a child process of its own (``--child``), because
Qt reads the screen layout when it starts and rusage must cover the app only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = Path(__file__).resolve().parent / "three-1080p.json"

TARGETS = {
    "median_ms": 5.0,
    "max_ms": 16.0,
    "cpu_percent": 1.0,
    "rss_mb": 200.0,
    "startup_s": 1.5,
}


# ---------------------------------------------------------------- the app, in a child process


def _child(mode: str, seconds: float, platform: str, net_clients: int = 0, net_rate: float = 0.0) -> int:
    """Build the real app and measure; prints one JSON object on stdout."""
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAYOUT}" if platform == "offscreen" else platform
    sys.path.insert(0, str(ROOT))
    import tempfile

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.measuring import MeasuringController
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.show.commands import Command
    from stagetimer.resources import bundled_agenda
    from stagetimer.ui.app import build_app
    from stagetimer.ui.common.refcount_guard import protect_none
    from stagetimer.ui.controller import Controller

    protect_none()  # before the first Qt call: PySide6 6.12 on Python < 3.12 leaks None and True

    class PaintClock(QObject):
        """Paints a watched view itself, so it knows when the paint has finished."""

        def __init__(self, names: dict[QWidget, str]) -> None:
            super().__init__()
            self.names = names
            self.painted: dict[str, list[int]] = {name: [] for name in names.values()}
            self.cost_ns: dict[str, int] = {name: 0 for name in names.values()}

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or watched not in self.names:
                return False
            began = time.monotonic_ns()
            watched.paintEvent(event)  # inside Qt's paint: the painter may draw
            done = time.monotonic_ns()
            name = self.names[watched]
            self.painted[name].append(done)
            self.cost_ns[name] += done - began
            return True

    app = QApplication([sys.argv[0]])
    settings_dir = tempfile.mkdtemp(prefix="stagetimer-bench-")
    settings = QSettings(os.path.join(settings_dir, "bench.ini"), QSettings.Format.IniFormat)
    agenda_path = bundled_agenda()
    options = argparse.Namespace(speed=1.0, lang=None, windowed=False, presenter_screen=None, projector_screen=None)
    # A show record of its own: never the user's real show, never the previous run's.
    state_dir = Path(settings_dir) / "state"
    # Start-ups time the product's own Controller; the run times every tick.
    controller_class = MeasuringController if mode == "run" else Controller
    parts = build_app(
        agenda_path, load_agenda(agenda_path), options, settings=settings, state_dir=state_dir,
        controller_class=controller_class,
    )
    if platform != "offscreen":  # one X screen: stage windows as large as their monitors would be
        for window in (parts.presenter, parts.projector):
            window.setGeometry(0, 0, 1920, 1080)
    views = {parts.presenter: "presenter", parts.projector: "projector", parts.control: "control"}
    # Control's live thumbnails are views too, and cost paint time every second.
    for attribute in ("presenter_thumbnail", "projector_thumbnail"):
        thumbnail = getattr(parts.control, attribute, None)
        if thumbnail is not None:
            views[thumbnail] = attribute.replace("_", " ")
    clock = PaintClock(views)
    for widget in views:
        widget.installEventFilter(clock)
        widget.update()

    if mode == "startup":

        def first_frames() -> None:
            windows = ("presenter", "projector", "control")
            if all(clock.painted[name] for name in windows):
                print(json.dumps({"first_frame_ns": max(clock.painted[name][0] for name in windows)}))
                app.exit(0)
            else:
                QTimer.singleShot(1, first_frames)

        QTimer.singleShot(0, first_frames)
        return app.exec()

    controller = parts.controller
    assert isinstance(controller, MeasuringController)
    window: dict[str, object] = {}

    load: dict[str, subprocess.Popen[str]] = {}

    def begin() -> None:
        if net_clients:
            _start_load(parts, load, net_clients, net_rate, seconds)
        controller.apply(Command("start"))
        # The audience's small countdown too, so all three windows tick.
        controller.apply(Command("projector_countdown"))
        controller.timings.clear()
        for times in clock.painted.values():
            times.clear()
        for name in clock.cost_ns:
            clock.cost_ns[name] = 0
        window["cpu0"] = _cpu_seconds()
        window["t0"] = time.monotonic()
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        elapsed = time.monotonic() - window["t0"]
        cpu = _cpu_seconds() - window["cpu0"]
        net = _finish_load(load, parts) if net_clients else None
        # Second flips only: a message's or a flash's half-period ticks change no digit.
        flips = [timing for timing in controller.timings if timing.flip]
        boundaries = [timing.boundary_ns for timing in flips]
        late: dict[str, list[float]] = {}
        for name in ("presenter", "projector"):
            late[name] = _first_paint_after(boundaries, clock.painted[name])
        print(
            json.dumps(
                {
                    "seconds": elapsed,
                    "cpu_s": cpu,
                    "ticks": len(boundaries),
                    "publish_ms": [timing.late_ms for timing in flips],
                    "wake_ms": [timing.woke_late_ms for timing in flips],
                    "paint_ms": late,
                    "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                    "paint_cost_ms": {name: ns / 1e6 for name, ns in clock.cost_ns.items()},
                    "paints": {name: len(times) for name, times in clock.painted.items()},
                    "net": net,
                }
            )
        )
        app.exit(0)

    QTimer.singleShot(1500, begin)  # let start-up settle first
    return app.exec()


def _start_load(parts: Any, load: dict[str, subprocess.Popen[str]], clients: int, rate: float,
                seconds: float) -> None:
    """Serve the show on loopback and start the clients' process (benchmarks/net_clients.py) against it."""
    serving = parts.serving
    if not serving.start("127.0.0.1", 0):
        sys.exit(f"benchmark: the network server did not start: {serving.error}")
    tokens = serving.tokens
    base = serving.server.address.base_url()
    # The clients ramp up (~5 s) and settle (2 s) first; the commands end before the measured run does.
    command_seconds = max(5.0, seconds - 15)
    load["clients"] = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "net_clients.py"), base, tokens.viewer, tokens.control,
         "--clients", str(clients), "--rate", str(rate), "--seconds", str(command_seconds)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish_load(load: dict[str, subprocess.Popen[str]], parts: Any) -> dict[str, Any]:
    process = load["clients"]
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    parts.serving.stop()
    if process.returncode != 0 or not out.strip():
        return {"error": err[-2000:]}
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _first_paint_after(boundaries: list[int], paints: list[int]) -> list[float]:
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


# ---------------------------------------------------------------- the parent: spawn, collect, print


def _spawn(mode: str, seconds: float, platform: str, net: tuple[int, float] = (0, 0.0)) -> tuple[dict, int]:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    started = time.monotonic_ns()
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--seconds", str(seconds),
         "--platform", platform, "--net-clients", str(net[0]), "--net-rate", str(net[1])],
        capture_output=True, check=False,
        text=True,
        env=env,
        timeout=seconds + 120,
    )
    if result.returncode != 0:
        sys.exit(f"benchmark child ({mode}) failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1]), started


def _print_net(net: dict[str, Any]) -> None:
    if "error" in net:
        print(f"network load failed: {net['error']}")
        return
    push, trip = net["push_latency_ms"], net["command_round_trip_ms"]
    print(_row("network: clients connected / asked", f"{net['connected']} / {net['clients']}", "", None))
    print(_row("network: commands sent / failures", f"{net['commands']} / {net['failure_count']}", "", None))
    print(_row("network: command → frame at a client, p50", f"{push['p50']:.2f} ms", "", None))
    print(_row("network: command → frame at a client, p99", f"{push['p99']:.2f} ms", "≤ 50 ms", push["p99"] <= 50))
    print(_row("network: command → frame at a client, max", f"{push['max']:.2f} ms", "", None))
    print(_row("network: command round trip, p50 / p99", f"{trip['p50']:.1f} / {trip['p99']:.1f} ms", "", None))


def _row(name: str, value: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("yes" if ok else "NO")
    return f"{name:<46} {value:>16}   {target:<10} {verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the measured run (default 60)")
    parser.add_argument("--starts", type=int, default=5, help="start-ups to time (median reported; default 5)")
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen",
                        help="offscreen: three 1080p screens, no display (default); xcb: the X display in $DISPLAY")
    parser.add_argument("--net-clients", type=int, default=0,
                        help="serve the show on loopback to this many WebSocket views (benchmarks/net_clients.py)")
    parser.add_argument("--net-rate", type=float, default=20.0, help="remote commands a second with --net-clients")
    parser.add_argument("--child", choices=("run", "startup"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        return _child(options.child, options.seconds, options.platform, options.net_clients, options.net_rate)

    startups = []
    for _ in range(options.starts):
        data, started = _spawn("startup", 10, options.platform)
        startups.append((data["first_frame_ns"] - started) / 1e9)
    run, _ = _spawn("run", options.seconds, options.platform, (options.net_clients, options.net_rate))

    paints = run["paint_ms"]["presenter"] + run["paint_ms"]["projector"]
    publish = run["publish_ms"]
    cpu_per_minute = run["cpu_s"] / run["seconds"] * 60
    cpu_percent = run["cpu_s"] / run["seconds"] * 100
    rss_mb = run["rss_kb"] / 1024
    startup = statistics.median(startups)
    figures = {
        "median_ms": statistics.median(paints) if paints else float("nan"),
        "max_ms": max(paints) if paints else float("nan"),
        "cpu_percent": cpu_percent,
        "rss_mb": rss_mb,
        "startup_s": startup,
    }
    print(
        f"StageTimer benchmark: three windows at 1920×1080 ({options.platform}), a live countdown for "
        f"{run['seconds']:.0f} s, {run['ticks']} ticks, {len(paints)} stage-window repaints"
    )
    print(_row("metric", "value", "target", None))
    print("-" * 82)
    median = figures["median_ms"]
    print(_row("boundary → repaint done, median", f"{median:.2f} ms", "≤ 5 ms", median <= 5))
    print(_row("boundary → repaint done, maximum", f"{figures['max_ms']:.2f} ms", "≤ 16 ms", figures["max_ms"] <= 16))
    if publish:
        wake = run["wake_ms"]
        print(_row("boundary → tick began, median", f"{statistics.median(wake):.2f} ms", "", None))
        print(_row("boundary → tick began, maximum", f"{max(wake):.2f} ms", "", None))
        print(_row("boundary → snapshot published, median", f"{statistics.median(publish):.2f} ms", "", None))
        print(_row("boundary → snapshot published, maximum", f"{max(publish):.2f} ms", "", None))
    for name, cost in run["paint_cost_ms"].items():
        if name == "control":
            continue  # the main window's own background; its children are not hooked
        count = run["paints"][name]
        per_paint = f"{cost / max(count, 1):.2f} ms"
        per_minute = f"{cost / run['seconds'] * 60 / 1000:.2f} s"
        print(_row(f"{name} paint: each / per minute", f"{per_paint} / {per_minute}", "", None))
    net = run.get("net")
    if net:
        _print_net(net)
    print(_row("CPU per minute of show", f"{cpu_per_minute:.2f} s", "≤ 0.6 s", cpu_percent <= 1))
    print(_row("CPU, share of one core", f"{cpu_percent:.2f} %", "≤ 1 %", cpu_percent <= 1))
    print(_row("peak RSS", f"{rss_mb:.0f} MB", "≤ 200 MB", rss_mb <= 200))
    print(
        _row(
            f"start-up to first frame (median of {len(startups)})",
            f"{startup:.2f} s",
            "≤ 1.5 s",
            startup <= 1.5,
        )
    )
    return 0 if all(figures[key] <= TARGETS[key] for key in TARGETS) else 1


if __name__ == "__main__":
    sys.exit(main())
