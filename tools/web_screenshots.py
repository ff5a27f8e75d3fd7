"""Screenshots of the browser views, served by the real network layer and drawn by a real Chromium.

    .venv/bin/python -m tools.web_screenshots [--out docs/screenshots]

Every view at phone (390×844), tablet (1024×768) and full HD (1920×1080) in
the running show ("normal"), then the presenter and the projector in the
other moments that matter (welcome, warning, overtime, message, break,
closing, blackout) at tablet and full HD. The show runs on a fake clock, so
the pictures are the same every time (the page's own clock moves them by
at most a second). Written as web-<view>-<size>[-<state>].png. Open them and
look: Korean in Pretendard, nothing clipped, readable from a distance.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stagetimer.core.show.show import Show
from stagetimer.net.server import NetServer
from stagetimer.net.tokens import Tokens
from tests.browser_rig import SIZES, browser_missing, make_driver, open_view, set_viewport, wait_js
from tests.net_rig import Served, ThreadPort
from tools.demo_show import demo_show

VIEWS = ("presenter", "projector", "backstage", "agenda", "remote")
#: The moment every view is shown in, at every size (no suffix in the file name).
MAIN_STATE = "normal"
#: The moments the stage screens are shown in as well, at tablet and full HD.
STAGE_STATES = {
    "presenter": ("welcome", "warning", "overtime", "message", "break", "closing"),
    "projector": ("welcome", "warning", "break", "closing", "blackout"),
}
STAGE_SIZES = ("tablet", "1080p")
#: And a few more: the agenda on a phone once the day runs late (planned → projected times), the green room.
EXTRA = (("overtime", "agenda", "phone"), ("overtime", "backstage", "tablet"), ("welcome", "remote", "phone"),
         ("welcome-late", "presenter", "1080p"),  # past the planned start: 시작 지연 +4:56, as on the Qt Presenter
         # A slot the planner shortened, loaded and not yet started: "준비 · 17분으로 조정" (issue 12).
         ("replan-ready", "presenter", "1080p"), ("replan-ready", "presenter", "tablet"),
         ("auto-message", "presenter", "tablet"))  # the agenda's warning message; the sound switch, off


@contextmanager
def serve(show: Show) -> Iterator[Served]:
    """The show on loopback as it stands (no command applied to publish: a flash would stay on a fake clock)."""
    port = ThreadPort(show)
    server = NetServer(port, Tokens.new(), show.clock, host="127.0.0.1", port=0)
    port.server = server
    server.start()
    port._thread.submit(port.publish).result(timeout=5)
    try:
        yield Served(server, port, server.tokens)
    finally:
        server.stop()
        port.close()


def shoot(driver: object, served: Served, view: str, size: str, path: Path) -> None:
    width, height = SIZES[size]
    set_viewport(driver, width, height, mobile=size == "phone")  # type: ignore[arg-type]
    open_view(driver, served, view)  # type: ignore[arg-type]
    wait_js(driver, "return document.fonts.status === 'loaded'", 15)  # type: ignore[arg-type]
    # One more tick so the digits are fitted to the final layout.
    driver.execute_script("StageTimer.refresh()")  # type: ignore[attr-defined]
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--state", default=None, help="only the shots of this moment (e.g. replan-ready)")
    args = parser.parse_args(argv)
    missing = browser_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    plan: dict[str, list[tuple[str, str]]] = {MAIN_STATE: [(v, s) for v in VIEWS for s in SIZES]}
    for view, states in STAGE_STATES.items():
        for state in states:
            plan.setdefault(state, []).extend((view, size) for size in STAGE_SIZES)
    for state, view, size in EXTRA:
        plan.setdefault(state, []).append((view, size))
    if args.state is not None:
        plan = {args.state: plan.get(args.state, [])}
    driver = make_driver()
    written: list[Path] = []
    try:
        for state, shots in plan.items():
            with serve(demo_show(state).show) as served:
                for view, size in shots:
                    suffix = "" if state == MAIN_STATE else f"-{state}"
                    path = args.out / f"web-{view}-{size}{suffix}.png"
                    shoot(driver, served, view, size, path)
                    written.append(path)
    finally:
        driver.quit()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
