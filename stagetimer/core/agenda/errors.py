"""Agenda errors with their location, collected rather than raised one by one.

Each error keeps its English text (what ``stagetimer check`` prints and the
tests read) and, beside it, the :class:`Phrase` it was rendered from, so the
Qt screens can render the same error in the UI language. The core stays
Qt-free: source texts are only *marked* with QT_TRANSLATE_NOOP (:mod:`stagetimer.core.translatable`),
which pyside6-lupdate finds by reading the source; the UI passes in the
function that translates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Union

from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: The Qt translation context of every source text marked in the core's error messages.
CONTEXT = "AgendaErrors"

Translate = Callable[[str], str]
#: A phrase's parameter: a Phrase is translated in turn; plain text (a key, an id, a raw value) is kept as typed.
Param = Union[str, "Phrase"]
Text = Union[str, "Phrase", None]

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: The most characters of the user's own text an error message repeats (a 5,000-digit
#: number or a 650,000-character title is shown by its start and end, not whole).
MAX_ECHO = 100
#: Characters a terminal or a screen would act on instead of showing: C0/C1 controls
#: (BEL, ESC…) and the bidirectional embeddings, overrides and isolates.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _unchanged(text: str) -> str:
    return text


def _written_out(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""The user's text as an error message may repeat it: bounded, controls written out.

    ESC reaches the terminal as the four characters ``\x1b``, never as an
    escape sequence; a line break as ``\x0a``; text over :data:`MAX_ECHO`
    characters keeps its start and end around an ellipsis.
    """
    if len(text) > MAX_ECHO:
        keep = (MAX_ECHO - 1) // 2
        text = f"{text[:keep]}…{text[-keep:]}"
    return _UNSHOWABLE.sub(_written_out, text)


@dataclass(frozen=True)
class Phrase:
    """A source text with ``{name}`` placeholders and the values that fill them.

    Values that are phrases themselves ("an item", "event start") are
    translated along with the template; plain strings are the user's own text
    and are inserted verbatim in every language.
    """

    template: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, template: str, **params: str | int | Phrase) -> Phrase:
        """``Phrase.of("unknown key '{key}' in {where}", key="titel", where=AN_ITEM)``.

        Plain values pass through :func:`visible`: they are usually the user's
        text, and a message must never ring the terminal's bell or run for pages.
        """
        return cls(template, tuple((name, value if isinstance(value, Phrase) else visible(str(value)))
                                   for name, value in params.items()))

    def render(self, translate: Translate | None = None) -> str:
        """The text in the language of ``translate`` (English without one).

        A placeholder the (translated) template names but the phrase lacks is
        left as written rather than raising: a slip in a catalogue must not
        hide the error it describes.
        """
        translate = translate or _unchanged
        values = {name: value.render(translate) if isinstance(value, Phrase) else value for name, value in self.params}
        return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), translate(self.template))


def _english(text: Text) -> str:
    return text.render() if isinstance(text, Phrase) else (text or "")


@dataclass(frozen=True)
class AgendaError:
    """One problem in an agenda file, located to line and column (1-based).

    ``message``, ``expected`` and ``hint`` are English; the ``*_phrase``
    fields, when set, are what they were rendered from (see :meth:`localised`).
    Errors compare by their English text.
    """

    file: str
    line: int
    column: int
    message: str
    expected: str = ""
    hint: str = ""
    message_phrase: Phrase | None = field(default=None, compare=False, repr=False)
    expected_phrase: Phrase | None = field(default=None, compare=False, repr=False)
    hint_phrase: Phrase | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, file: str, line: int, column: int, message: Text, expected: Text = "", hint: Text = "") -> AgendaError:
        """An error from phrases (or plain English), keeping both forms."""
        return cls(
            file, line, column, _english(message), _english(expected), _english(hint),
            message if isinstance(message, Phrase) else None,
            expected if isinstance(expected, Phrase) else None,
            hint if isinstance(hint, Phrase) else None,
        )

    def localised(self, translate: Translate) -> tuple[str, str, str]:
        """Message, expected and hint rendered through ``translate``; English where there is no phrase."""
        def one(phrase: Phrase | None, english: str) -> str:
            return phrase.render(translate) if phrase else english

        return (
            one(self.message_phrase, self.message),
            one(self.expected_phrase, self.expected),
            one(self.hint_phrase, self.hint),
        )

    def __str__(self) -> str:
        text = f"{visible(self.file)}:{self.line}:{self.column}: {self.message}"
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


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice ``word`` is most likely a misspelling of, if any is close."""
    import difflib  # only for an agenda with an unknown key: a valid agenda's check and start skip it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def one_of(choices: list[str] | tuple[str, ...]) -> Phrase:
    """``one of id, kind, title``: the choices are keywords, shown as they are in every language."""
    return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "one of {choices}"), choices=", ".join(choices))


def suggestion(near: str | None) -> Phrase | None:
    """``did you mean 'duration'?`` for the choice :func:`closest` found, else None."""
    return Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "did you mean '{word}'?"), word=near) if near else None


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> Phrase | None:
    """``did you mean 'duration'?`` for a near miss, else None."""
    return suggestion(closest(word, choices))
