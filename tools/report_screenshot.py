"""Screenshot of the event report of a simulated day, for docs/screenshots/report.png.

Runs the bundled agenda through the real Session on a fake clock — doors
closing late, a microphone failure, a minute added, KT running 2:10 over, a
double ``next`` taken back, an absent speaker skipped, the break absorbing
the delay — writes the report with ``write_report`` exactly as the app and
``stagetimer report`` do, and photographs the HTML with headless Chromium
(Debian's ``chromium`` package). The page carries its own font, so Korean
renders although this machine has no Korean system font.

    python tools/report_screenshot.py [--out docs/screenshots/report.png] [--example docs/report-example.html]
    python tools/report_screenshot.py --day late --out docs/screenshots/report-replanned.png

``--day late`` is issue 12's day instead: 개회사 starts 7 minutes late, three
presentations run 2 minutes over each, and the planner (automatic mode)
shortens the forum so the day still ends at 12:30.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from stagetimer import resources  # noqa: E402
from stagetimer.core.agenda.loader import load_agenda  # noqa: E402
from stagetimer.core.agenda.model import Agenda  # noqa: E402
from stagetimer.core.clock import FakeClock  # noqa: E402
from stagetimer.core.report.files import write_report  # noqa: E402
from stagetimer.core.show.commands import Command  # noqa: E402
from stagetimer.core.show.session import Session  # noqa: E402

MIN = 60_000
SEC = 1_000
WINDOW = (1400, 1960)  # wide enough for the table, tall enough for the whole page
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1",
)


def simulate_day(agenda: Agenda, state_dir: Path) -> FakeClock:
    """Drive the whole event day through the Session; returns the clock at closing."""
    clock = FakeClock(tod_ms=agenda.items[0].planned_start_ms - 5 * MIN)
    session = Session.open(agenda, state_dir, clock)

    def do(action: str, value: str | int | None = None, then_wait: int = 0) -> None:
        session.apply(Command(action, value))
        clock.advance(then_wait)

    clock.advance(7 * MIN)  # doors close late
    do("start", then_wait=6 * MIN)  # opening remarks run a minute long
    do("next_start", then_wait=4 * MIN + 30 * SEC)  # congratulations, 30 s short
    do("next_start", then_wait=2 * MIN)  # a microphone fails ...
    do("pause", then_wait=90 * SEC)  # ... for 90 seconds
    do("start", then_wait=8 * MIN)
    do("next_start")
    do("add_time", MIN, then_wait=11 * MIN)  # the roadmap gets a minute more, and uses it
    do("next_start", then_wait=12 * MIN + 10 * SEC)  # KT: 2:10 over
    do("next_start", then_wait=9 * MIN)
    do("next_start", then_wait=3 * SEC)
    do("next_start", then_wait=2 * SEC)  # next pressed once too often ...
    do("previous", then_wait=10 * MIN)  # ... and taken back
    do("next")  # 뉴빌리티's speaker is absent: skipped
    do("next_start", then_wait=10 * MIN)
    do("next_start", then_wait=8 * MIN)  # the break absorbs the delay
    do("next_start", then_wait=20 * MIN)
    do("next_start", then_wait=20 * MIN + 30 * SEC)
    do("next_start", then_wait=21 * MIN)
    do("next")  # closing
    session.close()
    return clock


def simulate_late_day(agenda: Agenda, state_dir: Path) -> FakeClock:
    """The late day with the planner in automatic mode; returns the clock at closing."""
    clock = FakeClock(tod_ms=agenda.items[0].planned_start_ms - 10 * MIN)
    session = Session.open(agenda, state_dir, clock)
    session.apply(Command("auto_replan"))
    clock.advance(17 * MIN)  # 개회사 starts 7 minutes late
    for item in agenda.items:
        session.apply(Command("start"))
        over = 2 * MIN if item.id in ("case-kt", "case-kudo", "case-nia") else 0
        clock.advance(session.show.snapshot().allotted_ms + over)
        session.apply(Command("next"))
    session.close()
    return clock


def screenshot(html: Path, png: Path, window: tuple[int, int] = WINDOW) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={window[0]},{window[1]}",
             f"--screenshot={png}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "report.png")
    parser.add_argument("--example", type=Path, default=None,
                        help="also keep the HTML here (without the embedded font, to keep it small)")
    parser.add_argument("--lang", choices=("ko", "en"), default=None)
    parser.add_argument("--day", choices=("usual", "late"), default="usual",
                        help="late: the day re-planned by the planner (issue 12's scenario)")
    options = parser.parse_args()
    agenda = load_agenda(resources.bundled_agenda())
    with tempfile.TemporaryDirectory() as work:
        state_dir = Path(work) / "state"
        clock = (simulate_late_day if options.day == "late" else simulate_day)(agenda, state_dir)
        _, html = write_report(agenda, state_dir, Path(work), options.lang, now_wall_ms=clock.wall_ms(),
                               fonts_dir=resources.fonts_dir())
        screenshot(html, options.out)
        if options.example is not None:
            # With its font, cut to its characters (about 150 kB): the example reads right anywhere.
            write_report(agenda, state_dir, Path(work) / "example", options.lang,
                         now_wall_ms=clock.wall_ms(), fonts_dir=resources.fonts_dir())
            options.example.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(work) / "example" / "report.html", options.example)
    print(options.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
