"""What every ``stagetimer`` subcommand shares: exit codes, the agenda it reads, how it is declared.

``main`` dispatches to the subcommands and ``status_report`` implements two of
them; both use these, so neither has to import the other back.
"""

from __future__ import annotations

import argparse
import ipaddress
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stagetimer import resources

if TYPE_CHECKING:
    from stagetimer.core.agenda.model import Agenda

EXIT_OK = 0
EXIT_AGENDA_INVALID = 1
EXIT_NO_DISPLAY = 2
#: StageTimer itself failed while reading or checking the agenda (a bug): one sentence, the traceback in crash.log.
EXIT_INTERNAL_ERROR = 4
CRASH_LOG_NAME = "crash.log"

#: A usage error (argparse's own exit status), e.g. ``--speed`` out of range.
EXIT_USAGE = 2
#: ``status`` and ``report``: the show record cannot be read (the state directory
#: is a file, cannot be opened, or sits under a folder that does not exist).
#: EX_NOINPUT in BSD's sysexits, as 70 (the app's start-up failure) is EX_SOFTWARE.
EXIT_NO_RECORD = 66
#: ``report``: the report files cannot be written where asked (EX_CANTCREAT).
EXIT_CANNOT_WRITE = 73

#: The ``--speed`` a show clock can run at: below 0.1 a rehearsal crawls (and
#: below about 5e-7 the display timer overflows); above 120 the ticks come so
#: fast that the app does nothing but repaint (1e9 burned 92 % of a core).
MIN_SPEED, MAX_SPEED = 0.1, 120.0

PROG = "stagetimer"


@dataclass(frozen=True)
class Subcommand:
    """A ``stagetimer NAME ...`` command: how to read its arguments and what it does."""

    name: str
    summary: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    usage: str
    epilog: str = ""


def rehearsal_speed(text: str) -> float:
    """``--speed``: a number from MIN_SPEED to MAX_SPEED (1 is real time), else a usage error."""
    not_a_number = argparse.ArgumentTypeError(f"{text!r} is not a number; use e.g. 1, 2 or 0.5")
    if not text.isascii() or "_" in text:  # float() would read Arabic-Indic digits or "1_0" as ten
        raise not_a_number
    try:
        value = float(text)
    except ValueError:
        raise not_a_number from None
    if not (math.isfinite(value) and MIN_SPEED <= value <= MAX_SPEED):
        raise argparse.ArgumentTypeError(
            f"must be from {MIN_SPEED:g} to {MAX_SPEED:g} (got {text}); 1 is real time, 60 runs a minute per second"
        )
    return value


#: ``--serve PORT`` listens on this computer only; another address must be asked for.
SERVE_HOST = "127.0.0.1"


def serve_address(text: str) -> tuple[str, int]:
    """``--serve [HOST:]PORT``: (host, port), else a usage error that says what to type.

    HOST is an IP address (127.0.0.1, 0.0.0.0 for every network, one of this
    computer's, ``[::1]`` for IPv6) or ``localhost``; a name would be looked up
    in DNS at every start and could point anywhere. PORT is 1 to 65535.
    """
    host, separator, port_text = text.rpartition(":")
    if not separator:
        host = SERVE_HOST
    elif host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif ":" in host:
        raise argparse.ArgumentTypeError(f"{text!r}: write an IPv6 address in brackets, e.g. [::1]:8080")
    if not (port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536):
        raise argparse.ArgumentTypeError(f"{text!r}: the port must be a number from 1 to 65535, e.g. --serve 8080 "
                                         f"or --serve 0.0.0.0:8080")
    if host == "localhost":
        host = SERVE_HOST
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: {host!r} is not an IP address; use 127.0.0.1 (this computer), "
                                         f"0.0.0.0 (every network) or one of this computer's addresses") from None
    return host, int(port_text)


#: ``--osc off``: turn a remembered OSC off.
OSC_OFF = "off"


def osc_address(text: str) -> tuple[str | None, int] | str:
    """``--osc [HOST:]PORT`` or ``off``: (host, port) — host None to listen where HTTP does — else a usage error."""
    from stagetimer.net.links import parse_address

    if text.strip().lower() == OSC_OFF:
        return OSC_OFF
    try:
        host, port = parse_address(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error}; e.g. --osc 9000 or --osc 0.0.0.0:9000") from None
    return (host if ":" in text else None), port


def osc_feedback(text: str) -> tuple[str, int]:
    """``--osc-feedback HOST:PORT``: where OSC feedback goes (Companion's machine and its OSC port)."""
    from stagetimer.net.links import parse_address

    try:
        return parse_address(text, default_host=None)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error}; e.g. --osc-feedback 127.0.0.1:12321") from None


def default_agenda_path(cwd: Path | None = None) -> Path:
    """``./agenda.yaml`` when there is one (the user's own), else the bundled agenda."""
    local = (Path.cwd() if cwd is None else cwd) / "agenda.yaml"
    return local if local.is_file() else resources.bundled_agenda()


class InternalError(Exception):
    """StageTimer failed on its own (a bug, not the file): already reported in one sentence."""


def load_agenda_or_report(path: Path, state_dir: Path | None = None) -> Agenda | None:
    """The validated agenda, or None after printing every problem to stderr.

    An exception the loader should never raise is a bug: it is written to
    crash.log (in ``state_dir``, else the agenda's state directory) and
    reported in one sentence by :func:`report_internal_error`, never as a
    traceback; the caller turns InternalError into EXIT_INTERNAL_ERROR.
    """
    # Imported here so --help and --version answer even if the loader is broken.
    from stagetimer.core.agenda.errors import AgendaInvalid
    from stagetimer.core.agenda.loader import load_agenda
    from stagetimer.core.report.checktable import format_errors

    try:
        return load_agenda(path)
    except AgendaInvalid as invalid:
        print(format_errors(invalid.errors), file=sys.stderr)
    except OSError as error:
        print(f"{PROG}: cannot read {path}: {error.strerror or error}", file=sys.stderr)
    except Exception as error:  # noqa: BLE001 - a loader bug: one sentence and crash.log, never a traceback
        report_internal_error(f"reading {path}", error, path, state_dir)
        raise InternalError from None
    return None


def report_internal_error(
    doing: str, error: BaseException, agenda_path: Path | None, state_dir: Path | None
) -> Path | None:
    """Write the traceback of ``error`` to crash.log and say so in one sentence on stderr."""
    log = write_crash_log(error, agenda_path, state_dir)
    where = f"the details are in {log}" if log else "no crash log could be written"
    print(f"{PROG}: internal error while {doing} ({type(error).__name__}); this is a bug in StageTimer, "
          f"not in the file; {where}", file=sys.stderr)
    return log


def write_crash_log(error: BaseException, agenda_path: Path | None, state_dir: Path | None) -> Path | None:
    """Append the traceback to crash.log in the show's state directory (else the temp folder)."""
    import traceback  # only on a bug: not on every start

    record = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    for folder in _crash_folders(agenda_path, state_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log = folder / CRASH_LOG_NAME
            with open(log, "a", encoding="utf-8") as file:
                file.write(f"--- {stamp} {PROG} {' '.join(sys.argv[1:])}\n{record}\n")
        except OSError:
            continue
        return log
    return None


def _crash_folders(agenda_path: Path | None, state_dir: Path | None) -> list[Path]:
    folders = []
    try:
        from stagetimer.statedir import state_dir_for

        if agenda_path is not None or state_dir is not None:
            folders.append(state_dir_for(agenda_path or Path("agenda.yaml"), state_dir))
    except Exception:  # noqa: BLE001 - any failure here falls back to the temp folder
        pass
    import tempfile

    folders.append(Path(tempfile.gettempdir()) / "stagetimer")
    return folders
