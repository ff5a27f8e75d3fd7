"""``stagetimer status`` and ``stagetimer report``: the show's record, without a window.

Both read the journal the app writes (never writing to it), so they can run
on a headless box, from cron or a monitoring script, while the show is live
in the app or after it has closed. They find the journal exactly as the app
does: same agenda default, same per-agenda state directory, same
``--state-dir`` override.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stagetimer.cli.common import (
    EXIT_AGENDA_INVALID,
    EXIT_CANNOT_WRITE,
    EXIT_NO_RECORD,
    EXIT_OK,
    MAX_SPEED,
    MIN_SPEED,
    Subcommand,
    default_agenda_path,
    load_agenda_or_report,
    rehearsal_speed,
)

if TYPE_CHECKING:
    from stagetimer.core.agenda.model import Agenda

AGENDA_HELP = "agenda YAML file (default: ./agenda.yaml if present, else the bundled agenda)"
STATE_DIR_HELP = (
    "the show's state directory, as given to the app with --state-dir "
    "(default: the one the app uses for this agenda, under the per-user data directory)"
)


def journal_command(
    name: str,
    summary: str,
    run: Callable[[argparse.Namespace], int],
    epilog: str,
    *,
    options: str = "",
    more_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> Subcommand:
    """A subcommand that reads the show's journal: AGENDA and --state-dir as the app takes them, then ``options``."""

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("agenda", metavar="AGENDA", nargs="?", type=Path, default=None, help=AGENDA_HELP)
        parser.add_argument("--state-dir", metavar="DIR", type=Path, default=None, help=STATE_DIR_HELP)
        parser.add_argument("--speed", metavar="N", type=rehearsal_speed, default=1.0,
                            help=f"the rehearsal run with --speed N (its own record, rehearsal-xN in the state "
                            f"directory; {MIN_SPEED:g} to {MAX_SPEED:g}; default: 1, the real show)")
        if more_arguments is not None:
            more_arguments(parser)

    usage = f"{name} [--state-dir DIR] [--speed N] {options + ' ' if options else ''}[AGENDA]"
    return Subcommand(name=name, summary=summary, add_arguments=add_arguments, run=run, usage=usage, epilog=epilog)


def open_show(options: argparse.Namespace) -> tuple[Agenda, Path] | int:
    """The validated agenda and the state directory the app uses for it, or the exit status.

    Every reason not to go on has been said in one sentence (or, for the
    agenda, every error) on stderr.
    """
    from stagetimer.statedir import rehearsal_dir, state_dir_for

    agenda_path: Path = options.agenda if options.agenda is not None else default_agenda_path()
    agenda = load_agenda_or_report(agenda_path)
    if agenda is None:
        return EXIT_AGENDA_INVALID
    base = state_dir_for(agenda_path, options.state_dir)
    problem = state_dir_problem(base, explicit=options.state_dir is not None)
    state_dir = rehearsal_dir(base, options.speed)
    if problem is None and state_dir != base:
        problem = state_dir_problem(state_dir, explicit=False)
    if problem is not None:
        print(f"stagetimer: {problem}", file=sys.stderr)
        return EXIT_NO_RECORD
    return agenda, state_dir


def state_dir_problem(state_dir: Path, *, explicit: bool) -> str | None:
    """Why no show record can be read from ``state_dir``, in one sentence; None when it can.

    A folder that does not exist yet is fine (the app has not run the show
    there: nothing recorded), unless the folder it would be in is missing
    too and the path was typed (``explicit``): that is a mistyped path.
    """
    try:
        if os.path.isdir(state_dir):
            with os.scandir(state_dir):
                return None
        if state_dir.exists():
            return f"the state directory {state_dir} is a file, not a folder; give --state-dir the show's folder"
    except OSError as error:
        return f"cannot read the state directory {state_dir} ({error.strerror or error})"
    existing = next((parent for parent in state_dir.parents if parent.exists()), None)
    if existing is not None and not existing.is_dir():
        return f"the state directory {state_dir} cannot exist: {existing} is a file, not a folder"
    if explicit and existing != state_dir.parent:
        return f"the state directory {state_dir} does not exist, nor does {state_dir.parent}; check the path"
    return None


def _cannot_read(state_dir: Path, error: OSError) -> int:
    print(f"stagetimer: cannot read the show record in {state_dir} ({error.strerror or error})", file=sys.stderr)
    return EXIT_NO_RECORD


def _warn_if_no_journal(state_dir: Path) -> None:
    from stagetimer.core.show.journal import JOURNAL_NAME

    journal = state_dir / JOURNAL_NAME
    if not (journal.exists() or journal.is_symlink()):  # something else in its place is said by the reader
        print(f"stagetimer: no show recorded yet in {state_dir} (the app has not run this agenda there)",
              file=sys.stderr)


# ---------------------------------------------------------------- status


def run_status(options: argparse.Namespace) -> int:
    """Print the show's state as JSON; read-only, so it is safe while the app runs."""
    from stagetimer.core.clock import SystemClock
    from stagetimer.core.show.session import Session, summarize
    from stagetimer.core.show.status import status_dict

    opened = open_show(options)
    if isinstance(opened, int):
        return opened
    agenda, state_dir = opened
    try:
        session = Session.open(agenda, state_dir, SystemClock(), writable=False)
    except OSError as error:
        return _cannot_read(state_dir, error)
    for note in summarize(session.notes):
        print(f"stagetimer: {note}", file=sys.stderr)
    data = status_dict(session.snapshot())
    data["state_dir"] = str(state_dir)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


STATUS_EPILOG = """\
Prints one JSON object: stage (welcome, live, closing), state (not started,
ready, running, paused, finished), item_id, title, speaker, remaining_seconds
(negative in overtime), countdown, phase (normal, warning, danger, overtime),
over_under_seconds (> 0: the show runs behind the plan), next_item_id,
time_of_day, projected_end, planned_end and state_dir. "ready" is an item
loaded but not yet started. It reads the journal the app writes and never
changes it: safe to run while the show is live.

exit status: 0; 1 when the agenda has errors (all are listed); 66 when the
state directory cannot be read (a file, no permission, a path that does not
exist), in one sentence.

examples:
  stagetimer status
  stagetimer status my-event.yaml --state-dir /srv/show
  watch -n 5 stagetimer status
"""

STATUS = journal_command(
    "status",
    "print the show's state as JSON (current item, running or paused, remaining, over/under)",
    run_status,
    STATUS_EPILOG,
)


# ---------------------------------------------------------------- report


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="directory to write report.csv and report.html to (default: the state directory)")
    parser.add_argument("--lang", choices=("ko", "en"), default=None,
                        help="language of the report (default: the agenda's language)")


def run_report(options: argparse.Namespace) -> int:
    """Write the CSV and HTML report; print who ran over, then the two paths."""
    from stagetimer import resources
    from stagetimer.core.report.files import write_report_files
    from stagetimer.core.report.report import load_report, report_language
    from stagetimer.core.report.text import dropped_lines, summary_sentences

    opened = open_show(options)
    if isinstance(opened, int):
        return opened
    agenda, state_dir = opened
    _warn_if_no_journal(state_dir)
    try:
        report = load_report(agenda, state_dir)  # one replay for the files and the sentences
    except OSError as error:
        return _cannot_read(state_dir, error)
    language = report_language(agenda, options.lang)
    try:
        csv_path, html_path = write_report_files(report, language, options.out or state_dir,
                                                 fonts_dir=resources.fonts_dir())
    except OSError as error:
        print(f"stagetimer: cannot write the report: {error}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    for number, line in enumerate(dropped_lines(report, "en")):
        print(f"stagetimer: {line}" if number == 0 else f"  {line}", file=sys.stderr)
    for line in summary_sentences(report, language):
        print(line)
    print(csv_path)
    print(html_path)
    return EXIT_OK


REPORT_EPILOG = """\
Writes report.csv (UTF-8 with a byte-order mark, so Excel reads Korean) and
report.html (one self-contained page with the bundled font: open it in any
browser, print it or mail it). Per item: planned and actual start, end and
length (pauses included), start late/early, over/under, status; totals; and
a timeline of planned against actual. Prints who ran over and how the day
ended, then the two paths as the last two lines. Reads the journal only;
journal lines it could not use are counted on stderr, the first few shown
as file:line: why.

exit status: 0; 1 when the agenda has errors or the files cannot be written;
66 when the state directory cannot be read (a file, no permission, a path
that does not exist), in one sentence.

examples:
  stagetimer report
  stagetimer report my-event.yaml --out ~/reports --lang en
  stagetimer report --speed 60            the rehearsal run with --speed 60
"""

REPORT = journal_command(
    "report",
    "write the event report (CSV and HTML): planned against actual, who ran over",
    run_report,
    REPORT_EPILOG,
    options="[--out DIR] [--lang ko|en]",
    more_arguments=_report_arguments,
)
