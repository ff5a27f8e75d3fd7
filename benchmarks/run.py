"""How fast and how light the running app is: every figure of issue 13, with PASS or MISS.

Not a unit test: it measures real runs of the app (benchmarks/app_child.py,
one process each, because Qt reads the screens when it starts and rusage
must cover the app only) and prints what it ran on and a table against the
targets. Offscreen by default: three 1920×1080 screens
(benchmarks/three-1080p.json), no display needed. ``--platform xcb`` runs on
the X display in $DISPLAY (``make bench-x11`` starts an Xvfb for it); Qt sees
one X screen there, so the Presenter and Projector are made 1920×1080
ordinary windows on it.

* second flip → repaint done: for every flip of the displayed second, from
  the true boundary (the show's own monotonic clock) to the moment the
  Presenter's and the Projector's ``paintEvent`` returned. ``--runs N`` runs
  of ``--seconds`` each: the maximum must hold in every run.
* CPU: user + system seconds of the app per minute, while an item runs and
  on the idle welcome screen before it.
* peak RSS: ru_maxrss of the app, start-up included (highest over the runs).
* start-up: from spawning ``stagetimer agenda.yaml`` to all three windows'
  first paint (median of ``--starts``); ``stagetimer check agenda.yaml``
  from spawn to exit (median of as many).
* PySide6's floor (benchmarks/floor_child.py, spawned in turn with the
  app's start-ups): three empty 1080p windows' first paint and peak RSS, and
  the CPU of the least a three-window countdown can do (each window repaints
  its changed digits once a second); and how far the app is above each. No
  target: it says what share of a figure is the bindings and Qt on this
  machine, this minute.

Usage: python benchmarks/run.py [--runs 1] [--seconds 60] [--welcome 30] [--starts 10]
                                [--platform offscreen|xcb] [--interpreter-gc] [--net-clients N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from figures import Report, distribution

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).resolve().parent / "app_child.py"
FLOOR = Path(__file__).resolve().parent / "floor_child.py"
#: How long PySide6's floor counts down for its CPU figure (a rate: half a minute is enough).
FLOOR_SECONDS = 30.0


def spawn(arguments: list[str], timeout: float, child: Path = CHILD) -> tuple[dict[str, Any], int]:
    """Run the measured app (or the floor); its last stdout line is JSON. Returns it and when the spawn began."""
    # As the operator's shell has it: Qt picks its platform from the child's arguments, and Python keeps
    # its bytecode caches (an environment with PYTHONDONTWRITEBYTECODE recompiles every module each start).
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(ROOT)  # the checkout these benchmarks are in, whatever the venv has installed
    env["XDG_CONFIG_HOME"] = env["XDG_STATE_HOME"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "stagetimer-bench")
    started = time.monotonic_ns()
    result = subprocess.run([sys.executable, str(child), *arguments], capture_output=True, check=False, text=True,
                            env=env, timeout=timeout)
    if result.returncode != 0 or not result.stdout.strip():
        sys.exit(f"benchmark child {arguments} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1]), started


def time_check(repeats: int) -> tuple[list[float], list[float]]:
    """``stagetimer check agenda.yaml``, spawn to exit, as the operator types it; and its CPU seconds."""
    script = Path(sys.executable).with_name("stagetimer")  # the console script, as the operator types it
    command = [str(script)] if script.exists() else [sys.executable, "-m", "stagetimer"]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    times, cpu = [], []
    for _ in range(repeats):
        used = _children_cpu()
        began = time.monotonic()
        subprocess.run([*command, "check", str(ROOT / "agenda.yaml")], capture_output=True, check=True, env=env)
        times.append(time.monotonic() - began)
        cpu.append(_children_cpu() - used)
    return times, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def versions(platform_name: str) -> str:
    """What the figures were measured on: they mean nothing without it."""
    probe = subprocess.run(
        [sys.executable, "-c", "import PySide6, PySide6.QtCore as c; print(PySide6.__version__, c.qVersion())"],
        capture_output=True, text=True, check=True)
    pyside, qt = probe.stdout.split()
    server = ""
    if platform_name == "xcb":
        server = f", X server {os.environ.get('DISPLAY', '?')}" + (" (Xvfb)" if shutil.which("Xvfb") else "")
    return (f"Python {platform.python_version()}, PySide6 {pyside}, Qt {qt}; {platform.platform()}, "
            f"{os.cpu_count()} CPUs; Qt platform {platform_name}{server}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="one-minute runs of the countdown (default 1)")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each run (default 60)")
    parser.add_argument("--welcome", type=float, default=30.0, help="idle welcome screen before the first run")
    parser.add_argument("--starts", type=int, default=10, help="start-ups and checks to time (median; default 10)")
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    parser.add_argument("--interpreter-gc", action="store_true",
                        help="leave garbage collection to the interpreter (the app before issue 13)")
    parser.add_argument("--net-clients", type=int, default=0, help="serve the show to this many WebSocket views")
    parser.add_argument("--net-rate", type=float, default=20.0, help="remote commands a second with --net-clients")
    options = parser.parse_args()

    report = Report()
    print(f"StageTimer benchmark on {versions(options.platform)}")
    spawn(["startup", "--platform", options.platform], 60)  # once unmeasured: Python writes its bytecode caches
    spawn(["--platform", options.platform], 60, FLOOR)
    starts, start_cpu, floor_starts, floor_rss = [], [], [], []
    for _ in range(options.starts):  # the app and PySide6's floor in turn: a VM's slower minute hits both
        data, began = spawn(["startup", "--platform", options.platform], 60)
        starts.append((data["first_frame_ns"] - began) / 1e9)
        start_cpu.append(data["cpu_s"])
        floor, began = spawn(["--platform", options.platform], 60, FLOOR)
        floor_starts.append((floor["first_frame_ns"] - began) / 1e9)
        floor_rss.append(floor["rss_kb"] / 1024)
    checks, check_cpu = time_check(options.starts)
    runs = []
    for index in range(options.runs):
        arguments = ["run", "--platform", options.platform, "--seconds", str(options.seconds),
                     "--welcome", str(options.welcome if index == 0 else 0),
                     "--net-clients", str(options.net_clients), "--net-rate", str(options.net_rate)]
        if options.interpreter_gc:
            arguments.append("--interpreter-gc")
        run, _ = spawn(arguments, options.seconds + options.welcome + 180)
        runs.append(run)
        flips = run["paint_ms"]["presenter"] + run["paint_ms"]["projector"]
        print(f"  run {index + 1}: {run['ticks']} flips, repaint median {statistics.median(flips):.2f} ms, "
              f"max {max(flips):.2f} ms; CPU {run['cpu_s'] / run['seconds'] * 60:.3f} s/min; "
              f"{len(run['gc_pauses'])} collections, longest "
              f"{max((end - start for start, end, _ in run['gc_pauses']), default=0) / 1e6:.2f} ms", flush=True)
    floor_cpu = None
    if runs:
        report.add_runs(runs, options.seconds)
        floor_seconds = min(options.seconds, FLOOR_SECONDS)
        floor, _ = spawn(["--platform", options.platform, "--seconds", str(floor_seconds)], floor_seconds + 60, FLOOR)
        floor_cpu = floor["run_cpu_s_per_min"]
    report.add_startup(starts, checks, start_cpu, check_cpu)
    report.add_floor(floor_starts, floor_rss, starts, floor_cpu)
    print()
    print(report.table(options.platform, len(runs), len(starts)))
    if runs:
        print()
        print("second flip → repaint done, all runs:", distribution(report.all_flips))
        report.print_details(runs)
    return 0 if report.all_pass else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
