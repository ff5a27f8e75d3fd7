"""Agenda errors with their location, collected rather than raised one by one."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaError:
    """One problem in an agenda file, located to line and column (1-based)."""

    file: str
    line: int
    column: int
    message: str
    expected: str = ""
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class AgendaInvalid(Exception):
    """Raised with every error found, so the user can fix them all in one go."""

    def __init__(self, errors: list[AgendaError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.line, e.column))
        super().__init__("\n".join(str(e) for e in self.errors))


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """``did you mean 'duration'?`` for a near miss, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
