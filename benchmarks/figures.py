"""The benchmark's table: every target of issue 13, its figure, PASS or MISS.

Kept apart from run.py (which spawns and collects) so the verdicts are in
one place; the targets are the issue's and are printed beside each figure.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

#: Issue 13's targets.
MAX_FLIP_MS = 16.0
MEDIAN_FLIP_MS = 3.0
RSS_MB = 90.0
STARTUP_S = 0.30
CHECK_S = 0.080
CPU_S_PER_MIN = 0.25


def distribution(values: list[float]) -> str:
    """Percentiles and a histogram of ms values, on one line."""
    if not values:
        return "no values"
    ordered = sorted(values)

    def pct(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    buckets = [(0, 1), (1, 2), (2, 3), (3, 5), (5, 8), (8, 16), (16, float("inf"))]
    counts = [sum(low <= value < high for value in values) for low, high in buckets]
    histogram = ", ".join(f"{low}–{high if high != float('inf') else ''} ms: {count}"
                          for (low, high), count in zip(buckets, counts, strict=True) if count)
    return (f"n={len(values)} p50 {pct(0.5):.2f} p90 {pct(0.9):.2f} p99 {pct(0.99):.2f} max {ordered[-1]:.2f} ms"
            f" [{histogram}]")


@dataclass
class Report:
    """The rows, filled from the runs and the start-ups."""

    rows: list[tuple[str, str, str, bool | None]] = field(default_factory=list)
    all_flips: list[float] = field(default_factory=list)
    #: The app's running CPU (s/min, median of the runs) and peak RSS (MB), for the floor's comparison.
    running_cpu: float | None = None
    peak_rss: float | None = None

    @property
    def all_pass(self) -> bool:
        return all(ok is not False for *_rest, ok in self.rows)

    def add(self, name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        self.rows.append((name, value, target, ok))

    def add_runs(self, runs: list[dict[str, Any]], seconds: float) -> None:
        maxima, medians, cpu = [], [], []
        for run in runs:
            flips = run["paint_ms"]["presenter"] + run["paint_ms"]["projector"]
            self.all_flips.extend(flips)
            maxima.append(max(flips))
            medians.append(statistics.median(flips))
            cpu.append(run["cpu_s"] / run["seconds"] * 60)
        median = statistics.median(self.all_flips)
        held = sum(value <= MAX_FLIP_MS for value in maxima)
        self.add("second flip → repaint done, median", f"{median:.2f} ms", f"≤ {MEDIAN_FLIP_MS:g} ms",
                 median <= MEDIAN_FLIP_MS)
        self.add("second flip → repaint done, max (runs held)", f"{max(maxima):.2f} ms ({held}/{len(runs)})",
                 f"≤ {MAX_FLIP_MS:g} ms", held == len(runs))
        if len(runs) > 1:
            self.add("  max per run, lowest–highest", f"{min(maxima):.2f}–{max(maxima):.2f} ms")
            self.add("  median per run, lowest–highest", f"{min(medians):.2f}–{max(medians):.2f} ms")
        running = self.running_cpu = statistics.median(cpu)
        spread = f" ({min(cpu):.3f}–{max(cpu):.3f})" if len(cpu) > 1 else ""
        self.add("CPU while an item runs, per minute", f"{running:.3f} s{spread}", f"≤ {CPU_S_PER_MIN:g} s",
                 running <= CPU_S_PER_MIN)
        first = runs[0]
        if first.get("welcome_s"):
            welcome = first["welcome_cpu_s"] / first["welcome_s"] * 60
            self.add("CPU on the idle welcome screen, per minute", f"{welcome:.3f} s", "≤ running",
                     welcome <= max(running, 0.0) * 1.05)
        rss = self.peak_rss = max(run["rss_kb"] for run in runs) / 1024
        self.add("peak RSS, three 1080p windows", f"{rss:.1f} MB", f"≤ {RSS_MB:g} MB", rss <= RSS_MB)

    def add_startup(self, starts: list[float], checks: list[float], start_cpu: list[float],
                    check_cpu: list[float]) -> None:
        startup = statistics.median(starts)
        self.add("spawn → first paint of all three windows", f"{startup:.3f} s ({min(starts):.2f}–{max(starts):.2f})",
                 f"≤ {STARTUP_S:.2f} s", startup <= STARTUP_S)
        self.add("  its CPU (user + system), median", f"{statistics.median(start_cpu):.3f} s")
        check = statistics.median(checks)
        self.add("stagetimer check agenda.yaml", f"{check * 1000:.0f} ms ({min(checks) * 1000:.0f}–"
                 f"{max(checks) * 1000:.0f})", f"≤ {CHECK_S * 1000:.0f} ms", check <= CHECK_S)
        self.add("  its CPU (user + system), median", f"{statistics.median(check_cpu) * 1000:.0f} ms")

    def add_floor(self, starts: list[float], rss: list[float], app_starts: list[float], cpu: float | None) -> None:
        """PySide6 alone (three empty 1080p windows; a bare countdown in them), and the app above it.

        After add_runs, whose figures it compares with (without runs, start-up alone).
        """
        floor = statistics.median(starts)
        self.add("PySide6 alone: spawn → first paint", f"{floor:.3f} s ({min(starts):.2f}–{max(starts):.2f})")
        self.add("  the app above it, median", f"+{statistics.median(app_starts) - floor:.3f} s")
        self.add("PySide6 alone: peak RSS", f"{max(rss):.1f} MB")
        if self.peak_rss is not None:
            self.add("  the app above it", f"+{self.peak_rss - max(rss):.1f} MB")
        if self.running_cpu is not None and cpu is not None:
            self.add("PySide6 alone: CPU of a bare countdown, /min", f"{cpu:.3f} s")
            self.add("  the app above it, median", f"+{self.running_cpu - cpu:.3f} s")

    def table(self, platform: str, runs: int, starts: int) -> str:
        lines = [f"{runs} run(s) on {platform}; start-up and check: median (lowest–highest) of {starts}",
                 f"{'metric':<46} {'value':>26}   {'target':<10} verdict", "-" * 96]
        for name, value, target, ok in self.rows:
            verdict = "" if ok is None else ("PASS" if ok else "MISS")
            lines.append(f"{name:<46} {value:>26}   {target:<10} {verdict}")
        return "\n".join(lines)

    def print_details(self, runs: list[dict[str, Any]]) -> None:
        """Where the time goes: the tick, each view's paint, the collector, the network."""
        wake = [value for run in runs for value in run["wake_ms"]]
        publish = [value for run in runs for value in run["publish_ms"]]
        print("boundary → tick began:", distribution(wake))
        print("boundary → snapshot published:", distribution(publish))
        seconds = sum(run["seconds"] for run in runs)
        for name in runs[0]["paint_cost_ms"]:
            if name == "control":
                continue  # the main window's own background; its children are not hooked
            cost = sum(run["paint_cost_ms"][name] for run in runs)
            count = sum(run["paints"][name] for run in runs)
            print(f"{name} paint: {cost / max(count, 1):.2f} ms each, {cost / seconds * 60 / 1000:.3f} s per minute")
        pauses = [pause for run in runs for pause in run["gc_pauses"]]
        by_generation = {gen: [(end - start) / 1e6 for start, end, g in pauses if g == gen] for gen in (0, 1, 2)}
        print("collector pauses while counting down:", "; ".join(
            f"generation {gen}: {len(times)}, longest {max(times, default=0):.2f} ms"
            for gen, times in by_generation.items()),
            "(policy: after publish)" if runs[0]["gc_policy"] else "(policy: the interpreter's)")
        late = in_pause = waited = 0
        for run in runs:
            for boundary, lag, wake, cpu, queued in zip(run["boundaries"], run["publish_ms"], run["wake_ms"],
                                                        run["tick_cpu_ms"], run["tick_queued_ms"], strict=True):
                if lag <= 8:
                    continue
                late += 1
                end = boundary + lag * 1e6
                pause = any(start < end and stop > boundary - 5e6 for start, stop, _ in run["gc_pauses"])
                in_pause += pause
                waited += queued > (lag - wake) / 2  # runnable, but the CPU was another's for most of it
                print(f"  late tick: woke {wake:.2f} ms, published {lag:.2f} ms; GUI thread on CPU {cpu:.2f} ms, "
                      f"waiting for a CPU {queued:.2f} ms{'; a collection ran' if pause else ''}")
        print(f"ticks published more than 8 ms late: {late}; with a collector pause inside them: {in_pause}; "
              f"where the GUI thread mostly waited for a CPU another process had: {waited}")
        queued = [value for run in runs for value in run["tick_queued_ms"]]
        print("GUI thread waiting for a CPU during a tick:", distribution(queued))
        cpu = [value for run in runs for value in run["tick_cpu_ms"]]
        print("GUI thread CPU per tick:", distribution(cpu))
        first = runs[0]
        if first.get("welcome_paints"):
            print(f"welcome screen, {first['welcome_s']:.0f} s: paints {first['welcome_paints']}, "
                  f"paint ms {({k: round(v, 1) for k, v in first['welcome_paint_ms'].items()})}")
        for run in runs:
            if run.get("net"):
                print("network:", run["net"])
