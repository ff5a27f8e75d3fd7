"""The real app, built as ``stagetimer`` builds it, with a few commands applied first.

``python tests/helpers/drive_app.py AGENDA STATE_DIR [ACTION[=VALUE] ...]``
parses the command line with the real parser (``--windowed --state-dir``),
builds the app with build_app, applies the actions through the controller
(the keys' own door), prints one JSON line with what Control shows, then
runs the event loop exactly as ``stagetimer`` does until it is killed.
Nothing in the app knows about this script.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from stagetimer.cli.main import build_run_parser
from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.show.commands import ACTIONS, Command
from stagetimer.ui.app import build_app, exec_app


def command(text: str) -> Command:
    action, _, value = text.partition("=")
    if not value:
        return Command(action)
    return Command(action, int(value) if ACTIONS[action] is int else value)


def main() -> int:
    agenda_path, state_dir, *actions = sys.argv[1:]
    options = build_run_parser().parse_args([agenda_path, "--state-dir", state_dir, "--windowed"])
    parts = build_app(Path(agenda_path), load_agenda(agenda_path), options)
    for text in actions:
        if not parts.controller.apply(command(text)):
            print(json.dumps({"failed": text, "notice": parts.control.notice()}), flush=True)
            return 3
    snap = parts.controller.snapshot
    badge = parts.control.status_line.recovered_label
    print(
        json.dumps(
            {
                "item": snap.current.id if snap.current else None,
                "running": snap.running,
                "paused": snap.paused,
                "remaining_ms": snap.remaining_ms,
                "wall_ms": time.time_ns() // 1_000_000,
                "recovered": parts.session.recovered,
                "badge": badge.text() if badge.isVisibleTo(parts.control) else "",
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    return exec_app(parts)


if __name__ == "__main__":
    sys.exit(main())
