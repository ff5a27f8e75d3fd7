"""PySide6 alone: what three 1080p windows cost before any of StageTimer runs.

``benchmarks/run.py`` spawns this between the app's own start-ups, on the
same platform, and prints its figures beside the app's. The app's targets
(≤ 0.30 s to the first paint, ≤ 90 MB) are absolute, but a shared VM's
speed moves every figure by a third from one day to the next; this floor,
measured in the same minute, says how much of a figure is PySide6 and Qt
and how much is the app.

The floor is the least a three-window PySide6 app can be: the bindings
imported (QtCore, QtGui, QtWidgets, as the app's widgets need them), one
QApplication, three 1920×1080 windows each filled dark with one line of
text in Qt's default font. It prints one JSON line when all three have
painted: the monotonic ns of that moment, its peak RSS and its CPU.

With ``--seconds`` it then counts down for that long, as little as a
three-window countdown can: a precise timer wakes once a second and each
window repaints the rectangle of the changed digits of its 240 px text;
the line printed at the end adds the CPU seconds per minute of that
(after a second to settle, as the app's run has).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

LAYOUT = Path(__file__).resolve().parent / "three-1080p.json"
WINDOWS = 3


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--seconds", type=float, default=0.0, help="then count down this long (CPU)")
    options = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = (f"offscreen:configfile={LAYOUT}" if options.platform == "offscreen"
                                     else options.platform)
    from PySide6.QtCore import QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    painted: set[int] = set()

    class Screen(QWidget):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number
            self.text = "12:34"

        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(15, 12, 11))
            font = QFont()
            font.setPixelSize(240)
            painter.setFont(font)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text)
            painter.end()
            if self.number not in painted:
                painted.add(self.number)
                if len(painted) == WINDOWS:
                    first_frames()

    result: dict[str, float] = {}

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def first_frames() -> None:
        result.update(first_frame_ns=time.monotonic_ns(), cpu_s=cpu(),
                      rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        if not options.seconds:
            print(json.dumps(result), flush=True)
            QTimer.singleShot(0, app.quit)
            return
        ticker.start(1000)
        QTimer.singleShot(1000, settled)

    def tick() -> None:
        seconds = 3600 - round(time.monotonic() - started)
        text = f"{seconds // 60}:{seconds % 60:02d}"
        for window in windows:
            window.text = text
            centre = window.rect().center()
            window.update(QRect(centre.x(), centre.y() - 130, 320, 260))  # the last two digits' box
        ticker.start(1000 - round((time.monotonic() - started) * 1000) % 1000)

    def settled() -> None:
        result["run_cpu0"], result["run_t0"] = cpu(), time.monotonic()
        QTimer.singleShot(round(options.seconds * 1000), finished)

    def finished() -> None:
        elapsed = time.monotonic() - result.pop("run_t0")
        result["run_cpu_s_per_min"] = (cpu() - result.pop("run_cpu0")) / elapsed * 60
        result["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(result), flush=True)
        app.quit()

    started = time.monotonic()
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setSingleShot(True)
    ticker.timeout.connect(tick)
    screens = app.screens()
    windows: list[Screen] = []
    for number in range(WINDOWS):
        window = Screen(number)
        # Offscreen: one per screen of the layout. xcb (one X screen): ordinary 1920×1080 windows on it.
        window.setGeometry(screens[number].geometry() if len(screens) == WINDOWS else QRect(0, 0, 1920, 1080))
        window.show()
        windows.append(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
