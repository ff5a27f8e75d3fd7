"""What every ``stagetimer`` subcommand shares: exit codes, the agenda it reads, how it is declared.

``main`` dispatches to the subcommands and ``status_report`` implements two of
them; both use these, so neither has to import the other back.
"""

from __future__ import annotations

import argparse
import math
import sys
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
#: A usage error (argparse's own exit status), e.g. ``--speed`` out of range.
EXIT_USAGE = 2
#: ``status`` and ``report``: the show record cannot be read (the state directory
#: is a file, cannot be opened, or sits under a folder that does not exist).
#: EX_NOINPUT in BSD's sysexits, as 70 (the app's start-up failure) is EX_SOFTWARE.
EXIT_NO_RECORD = 66

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
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; use e.g. 1, 2 or 0.5") from None
    if not (math.isfinite(value) and MIN_SPEED <= value <= MAX_SPEED):
        raise argparse.ArgumentTypeError(
            f"must be from {MIN_SPEED:g} to {MAX_SPEED:g} (got {text}); 1 is real time, 60 runs a minute per second"
        )
    return value


def default_agenda_path(cwd: Path | None = None) -> Path:
    """``./agenda.yaml`` when there is one (the user's own), else the bundled agenda."""
    local = (Path.cwd() if cwd is None else cwd) / "agenda.yaml"
    return local if local.is_file() else resources.bundled_agenda()


def load_agenda_or_report(path: Path) -> Agenda | None:
    """The validated agenda, or None after printing every problem to stderr."""
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
    return None
