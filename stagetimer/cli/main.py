"""The ``stagetimer`` command: start the show, or check an agenda.

Everything that can go wrong before a window opens is caught here, in plain
words: a broken agenda (every error, with file and line) exits 1 and no
display exits 2, both before Qt is imported. Subcommands live in one table
so ``status`` and ``report`` can be added without touching the dispatch.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from stagetimer.cli import plan as cli_plan
from stagetimer.cli import status_report as cli_status_report
from stagetimer.cli import urls as cli_urls
from stagetimer.cli.common import (
    EXIT_AGENDA_INVALID,
    EXIT_INTERNAL_ERROR,
    EXIT_NO_DISPLAY,
    EXIT_OK,
    MAX_SPEED,
    MIN_SPEED,
    PROG,
    InternalError,
    Subcommand,
    default_agenda_path,
    load_agenda_or_report,
    osc_address,
    osc_feedback,
    rehearsal_speed,
    report_internal_error,
    serve_address,
)

# ---------------------------------------------------------------- helpers


def package_version() -> str:
    """The installed version; a bare checkout on sys.path has no metadata."""
    from importlib import metadata

    try:
        return metadata.version("stagetimer")
    except metadata.PackageNotFoundError:
        return "unknown (running from a source tree that is not installed)"


class VersionAction(argparse.Action):
    """``--version``: the installed version, looked up only when asked (the metadata costs 30 ms a start)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"{parser.prog} {package_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def make_output_safe() -> None:
    """Never let printing Korean crash the command.

    A Windows console redirected to a file, or a C locale, gives Python a
    legacy encoding (cp1252, ascii) that has no Hangul; unencodable
    characters are replaced instead of raising UnicodeEncodeError.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            is_utf8 = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8"
        except LookupError:
            is_utf8 = False
        if not is_utf8:
            reconfigure(errors="replace")


# ---------------------------------------------------------------- stagetimer [AGENDA]

RUN_EPILOG = """\
AGENDA defaults to ./agenda.yaml when that file exists, else the bundled agenda
(the 2 December 2025 ICT regulatory sandbox forum). The agenda is checked before
any window opens: on errors every one is printed with file:line:column and the
command exits 1. With no display, or a --speed outside 0.1-120, it prints one
sentence and exits 2. If another
StageTimer already runs this agenda's show, it says which process and exits 3.
If StageTimer itself fails while reading the agenda (a bug), it says so in one
sentence, writes the traceback to crash.log and exits 4.

subcommands:
{subcommands}

examples:
  stagetimer                              run ./agenda.yaml or the bundled agenda
  stagetimer my-event.yaml --lang en      Control in English (the stage screens keep the agenda's language)
  stagetimer --presenter-screen 1 --projector-screen HDMI-2
  stagetimer --windowed --speed 60        rehearse on one laptop, 1 min per second
  stagetimer check my-event.yaml          validate and print the timetable
  stagetimer plan my-event.yaml --late 12m
                                          what if the day starts 12 minutes late: the re-planned timetable
  stagetimer --serve 8080                 browser views and remote on this computer
  stagetimer --serve 0.0.0.0:8080         ... and on the venue network (links: stagetimer urls)
  stagetimer --serve 8080 --osc 9000 --osc-feedback 127.0.0.1:12321
                                          ... and OSC for Companion, with feedback to its OSC port
  QT_QPA_PLATFORM=offscreen stagetimer    run with no display (testing)
"""


def build_run_parser() -> argparse.ArgumentParser:
    """The parser for starting the app; its --help is the command's main help."""
    usage_lines = [f"{PROG} [AGENDA] [options]"] + [f"{PROG} {sub.usage}" for sub in SUBCOMMANDS.values()]
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage="\n       ".join(usage_lines),
        description=(
            "Run the clock of a live conference session: a control window for the stage\n"
            "manager, a countdown for the speaker and a projector screen for the audience."
        ),
        epilog=RUN_EPILOG.format(
            subcommands="\n".join(f"  {sub.name:<8} {sub.summary}" for sub in SUBCOMMANDS.values())
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "agenda",
        metavar="AGENDA",
        nargs="?",
        type=Path,
        default=None,
        help="agenda YAML file (default: ./agenda.yaml if present, else the bundled agenda)",
    )
    parser.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=None,
        help="language of Control, the operator's (default: the one last chosen in its Language menu, else the "
             "agenda's); switchable in the app. Presenter and Projector speak the agenda's language",
    )
    parser.add_argument(
        "--speed",
        type=rehearsal_speed,
        default=1.0,
        metavar="N",
        help=f"run the show clock N times faster than real time, for rehearsals "
        f"(default: 1; from {MIN_SPEED:g} to {MAX_SPEED:g})",
    )
    parser.add_argument(
        "--presenter-screen",
        metavar="INDEX_OR_NAME",
        default=None,
        help="screen for the speaker's countdown: an index (0 = first screen) or a screen name such as HDMI-1",
    )
    parser.add_argument(
        "--projector-screen",
        metavar="INDEX_OR_NAME",
        default=None,
        help="screen for the audience view: an index or a screen name, as for --presenter-screen",
    )
    parser.add_argument(
        "--state-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help="directory for the show journal that restores the running show after a crash or restart "
        "(default: one directory per agenda file under the per-user data directory, "
        "e.g. ~/.local/share/StageTimer/shows/)",
    )
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="open the presenter and projector screens as ordinary windows instead of full screen",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="resume the recorded show even if its last record is more than 6 hours old "
        "(otherwise such a journal is archived and a new show begins)",
    )
    parser.add_argument(
        "--serve",
        type=serve_address,
        default=None,
        metavar="[HOST:]PORT",
        help="serve the browser views and the remote API on PORT, on this computer only (127.0.0.1) unless "
        "HOST says otherwise: 0.0.0.0 for every network, or one of this computer's addresses "
        "(default: off, or as the show served when it last ran; also in the Network menu)",
    )
    parser.add_argument(
        "--osc",
        type=osc_address,
        default=None,
        metavar="[HOST:]PORT",
        help="also take OSC commands (/stagetimer/next ...) on UDP PORT (9000 is a good choice), where the "
        "HTTP server listens unless HOST says otherwise; OSC has no password. OSC runs beside the HTTP server: "
        "without --serve this serves too, where the show last served (127.0.0.1:8080 the first time). "
        "Remembered for the show; 'off' turns it off (default: as the show last ran; also in the Network window)",
    )
    parser.add_argument(
        "--osc-feedback",
        type=osc_feedback,
        default=None,
        metavar="HOST:PORT",
        help="with --osc: send the live values (remaining, countdown, title ...) to HOST:PORT, e.g. "
        "Companion's computer and its OSC port (default: no feedback)",
    )
    parser.add_argument("--version", action=VersionAction)
    return parser


def run_show(options: argparse.Namespace) -> int:
    """Validate the agenda, make sure a display exists, then hand over to Qt."""
    agenda_path: Path = options.agenda if options.agenda is not None else default_agenda_path()
    options.agenda = agenda_path
    agenda = load_agenda_or_report(agenda_path, getattr(options, "state_dir", None))
    if agenda is None:
        return EXIT_AGENDA_INVALID
    from stagetimer.ui.display import display_problem  # ctypes: not for check, plan, status

    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    # No cyclic collection while Qt and the windows are built (~40 ms of start-up): the
    # running app collects and freezes once they are up, then only after a publish (ui/gc_policy.py).
    gc.disable()
    from stagetimer.ui import source_check  # Qt is loaded only from here on

    source_check.lighten()  # before the app's modules: PySide6 would keep a copy of each one's source
    from stagetimer.ui.app import run_app

    try:
        return run_app(agenda_path, agenda, options)
    finally:
        gc.enable()  # for a caller that goes on (the tests)


# ---------------------------------------------------------------- stagetimer check AGENDA


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", metavar="AGENDA", type=Path, help="agenda YAML file to validate")


def run_check(options: argparse.Namespace) -> int:
    """Print the planned timetable (exit 0), every error (exit 1), or one sentence on a bug (exit 4)."""
    agenda = load_agenda_or_report(options.agenda)
    if agenda is None:
        return EXIT_AGENDA_INVALID
    from stagetimer.core.report.checktable import format_check

    print(format_check(agenda))
    return EXIT_OK


CHECK_EPILOG = """\
exit status: 0 when the agenda is valid, 1 when it has errors (all are listed,
each as file:line:column: what is wrong; what was expected), 4 when StageTimer
itself failed (a bug: one sentence, the traceback in crash.log).

examples:
  stagetimer check agenda.yaml
  stagetimer check my-event.yaml && stagetimer my-event.yaml
"""

#: Every subcommand by name. ``status`` and ``report`` plug in here.
SUBCOMMANDS: dict[str, Subcommand] = {
    "check": Subcommand(
        name="check",
        summary="validate an agenda and print its planned timetable (exit 1 on errors)",
        add_arguments=_check_arguments,
        run=run_check,
        usage="check AGENDA",
        epilog=CHECK_EPILOG,
    ),
    "plan": cli_plan.PLAN,
    "status": cli_status_report.STATUS,
    "report": cli_status_report.REPORT,
    "urls": cli_urls.URLS,
}


def build_subcommand_parser(sub: Subcommand) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} {sub.name}",
        description=sub.summary[0].upper() + sub.summary[1:] + ".",
        epilog=sub.epilog or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_arguments(parser)
    return parser


# ---------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stagetimer`` script and ``python -m stagetimer``.

    The first word picks a subcommand when it names one; anything else is the
    run form, whose AGENDA is positional too (``./check`` runs a file named check).
    """
    make_output_safe()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        sub = SUBCOMMANDS[args[0]]
        options = build_subcommand_parser(sub).parse_args(args[1:])
        run = sub.run
    else:
        parser = build_run_parser()
        options = parser.parse_args(args)
        if options.osc_feedback is not None and not isinstance(options.osc, tuple):
            parser.error("argument --osc-feedback: give --osc [HOST:]PORT as well (feedback comes from OSC)")
        run = run_show
    try:
        return run(options)
    except InternalError:  # already said in one sentence, with its crash.log
        return EXIT_INTERNAL_ERROR
    except Exception as error:  # noqa: BLE001 - any other bug: one sentence and crash.log, never a traceback
        agenda = getattr(options, "agenda", None)
        report_internal_error(f"running '{PROG} {' '.join(args)}'", error, agenda, getattr(options, "state_dir", None))
        return EXIT_INTERNAL_ERROR
