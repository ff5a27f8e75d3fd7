"""The limits of a sane agenda: what a screen can show and what one day can hold.

A value past these is a mistake (a paste gone wrong, a unit slip, a hostile
file), and the loader refuses it where it is written rather than let a
650,000-character title freeze a screen or a 25-hour talk wrap the clock.
docs/agenda-format.md lists them; change both together.
"""

from __future__ import annotations

import re

from stagetimer.core.timefmt import MS_PER_DAY

#: Longest duration anything may last (an item, a threshold): one day.
MAX_DURATION_MS = MS_PER_DAY
#: A programme runs within one day: the last item may end at midnight (24:00), not after.
DAY_END_MS = MS_PER_DAY
#: More digits than any duration or time has; longer numbers stay text (and are refused).
LONGEST_NUMBER = 12

#: Characters per text field. Titles are set large on the projector: past these
#: they shrink to unreadable, so the limit is what a screen can still show.
MAX_TEXT = 300
EVENT_TITLE = 200
EVENT_SUBTITLE = 300
SECTION_TITLE = 200
ITEM_TITLE = 300
SPEAKER = 100
ORGANISATION = 200
VENUE = 200
ORGANISER = 200
DATE = 40
#: The private note is read in the Control window only, and may run to a few paragraphs.
NOTE = 2000
#: The speaker's note is read from the lectern at a few metres, under the countdown:
#: a reminder of a line or two, not a script.
PRESENTER_NOTE = 200
#: ids, kinds, section references, the language.
WORD = 64

#: Control characters (C0 but the line break, DEL, C1) and the bidirectional
#: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
_UNSHOWABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unshowable(text: str) -> tuple[int, str] | None:
    """Where the first character a screen must not get is (index, character), if any."""
    found = _UNSHOWABLE.search(text)
    return (found.start(), found.group()) if found else None
