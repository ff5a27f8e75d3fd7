"""How closely a browser's countdown flips with the Qt Presenter's: the figure the README reports.

The real app (Qt's offscreen platform, three windows) serves the show on
loopback; Debian's Chromium opens /view/presenter through Selenium. For a
live countdown of SECONDS, both record each displayed second's flip on the
machine's wall clock:

* the Qt Presenter: when its paint of the new text returned;
* the browser: when its page put the new text in place
  (``window.stagetimerFlips``: ``performance.timeOrigin + performance.now()``).

Both clocks are this machine's, so the difference is the browser's error
after its NTP-style offset estimate, plus its own paint. Reports the median
and maximum difference over every second seen by both.

Usage: python benchmarks/browser_flip.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args()
    if not 5 <= options.seconds <= 600:
        parser.error("--seconds: 5 to 600")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.show.commands import Command
    from stagetimer.resources import bundled_agenda
    from stagetimer.ui.app import build_app
    from stagetimer.ui.common.refcount_guard import protect_none
    from tests.browser_rig import browser_missing, make_driver

    missing = browser_missing()
    if missing:
        sys.exit(f"browser_flip: {missing}")
    protect_none()
    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="stagetimer-flip-"))
    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)
    args = argparse.Namespace(speed=1.0, lang=None, windowed=False, presenter_screen=None, projector_screen=None)
    parts = build_app(bundled_agenda(), load_agenda(bundled_agenda()), args, settings=settings,
                      state_dir=folder / "state")
    qt_flips: dict[str, float] = {}

    class PaintWatch(QObject):
        """The wall-clock time each new countdown text was painted on the Qt Presenter."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                parts.presenter.paintEvent(event)
                text = parts.controller.frames.presenter.countdown_text
                qt_flips.setdefault(text, time.time() * 1000)
                return True
            return False

    watch = PaintWatch()
    parts.presenter.installEventFilter(watch)
    if not parts.serving.start("127.0.0.1", 0):
        sys.exit(f"browser_flip: cannot serve: {parts.serving.error}")
    url = f"{parts.serving.server.address.base_url()}/view/presenter?token={parts.serving.tokens.viewer}"
    result: dict[str, Any] = {}
    done = threading.Event()

    def browse() -> None:
        driver = make_driver()
        try:
            driver.get(url)
            time.sleep(3.0)  # the page's clock sync (eight pings) settles
            time.sleep(options.seconds)
            result["flips"] = driver.execute_script("return window.stagetimerFlips.slice();")
            result["state"] = driver.execute_script("return window.stagetimerState;")
        except Exception as error:  # noqa: BLE001 - reported, then the app is closed
            result["error"] = f"{type(error).__name__}: {error}"
        finally:
            driver.quit()
            done.set()

    def quit_when_done() -> None:  # Qt's own thread ends its loop (a timer cannot be armed from the browser's)
        if done.is_set():
            app.exit(0)  # not quit(): that asks the close guard, which asks the operator

    poll = QTimer()
    poll.timeout.connect(quit_when_done)
    poll.start(200)
    parts.controller.apply(Command("start"))
    threading.Thread(target=browse, daemon=True).start()
    app.exec()
    parts.serving.shut_down()
    if "error" in result:
        sys.exit(f"browser_flip: {result['error']}")
    differences = [flip["at"] - qt_flips[flip["text"]] for flip in result["flips"] if flip["text"] in qt_flips]
    differences = differences[1:]  # the first flip may precede the page's full clock sync
    if not differences:
        sys.exit("browser_flip: no second was seen by both")
    magnitudes = [abs(value) for value in differences]
    print(f"browser vs Qt Presenter, second flips over {options.seconds:.0f} s: {len(differences)} seconds compared")
    print(f"  difference (browser − Qt), median   {statistics.median(differences):+.1f} ms")
    print(f"  |difference|, median / maximum      {statistics.median(magnitudes):.1f} / {max(magnitudes):.1f} ms"
          f"   target ≤ 50 ms  {'yes' if max(magnitudes) <= 50 else 'NO'}")
    state = result.get("state") or {}
    print(f"  the page's clock: offset estimate {state.get('offset')}, rtt {state.get('rtt')}")
    return 0 if max(magnitudes) <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
