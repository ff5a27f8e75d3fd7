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

        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(15, 12, 11))
            font = QFont()
            font.setPixelSize(240)
            painter.setFont(font)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "12:34")
            painter.end()
            painted.add(self.number)
            if len(painted) == WINDOWS:
                usage = resource.getrusage(resource.RUSAGE_SELF)
                print(json.dumps({"first_frame_ns": time.monotonic_ns(), "rss_kb": usage.ru_maxrss,
                                  "cpu_s": usage.ru_utime + usage.ru_stime}), flush=True)
                QTimer.singleShot(0, app.quit)

    screens = app.screens()
    windows = []
    for number in range(WINDOWS):
        window = Screen(number)
        # Offscreen: one per screen of the layout. xcb (one X screen): ordinary 1920×1080 windows on it.
        window.setGeometry(screens[number].geometry() if len(screens) == WINDOWS else QRect(0, 0, 1920, 1080))
        window.show()
        windows.append(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
