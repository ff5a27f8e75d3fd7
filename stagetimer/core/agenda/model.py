"""The agenda as immutable data: what the loader produces and the show consumes.

All times are integer milliseconds: durations as lengths, planned times as
milliseconds since local midnight ("time of day"). Integers keep a three-hour
show exact to the millisecond; nothing here knows about YAML or Qt.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: Item kinds the format knows. Unknown kinds are an error so that a typo
#: ("brake") cannot silently turn a break screen into a talk.
KINDS: tuple[str, ...] = (
    "talk",
    "remarks",
    "break",
    "panel",
    "presentation",
    "qa",
    "ceremony",
    "other",
)


@dataclass(frozen=True)
class Thresholds:
    """When the countdown turns amber (warning) and red (danger), in ms remaining."""

    warning_ms: int = 120_000
    danger_ms: int = 60_000

    @property
    def alarms(self) -> bool:
        """Whether the countdown turns amber and red at all (a break's, by default, does not)."""
        return self.warning_ms >= 0 or self.danger_ms >= 0


#: No warning, no danger: a negative threshold is never reached, since a countdown
#: below zero is in overtime first. A break's default: the room is not running
#: late because coffee is nearly over, and nobody on stage should see amber and red.
NO_ALARMS = Thresholds(warning_ms=-1, danger_ms=-1)

#: How short a break may become when it gives its time back (absorbing drift before
#: a fixed start, or in a re-plan), unless it names its own ``min``: five minutes
#: still lets the room stretch and refill cups; one minute did not.
BREAK_MIN_MS = 300_000

#: What happens when an item's countdown reaches zero (``then:``): ``hold`` keeps it on
#: stage counting overtime (the default, as before); ``load`` makes the next item ready,
#: stopped, after an optional grace; ``start`` starts the next item at once.
THEN_CHOICES: tuple[str, ...] = ("hold", "load", "start")


@dataclass(frozen=True)
class Event:
    """The event as a whole: shown on the welcome and closing screens."""

    title: str
    start_ms: int
    end_ms: int
    date: str = ""
    subtitle: str = ""
    venue: str = ""
    organiser: str = ""
    language: str = "en"
    logo: str = ""  # absolute path of the event's SVG or PNG logo ("": none, and no logo area on screen)
    hard_end_ms: int | None = None  # when the venue must be empty (None: the event's end)

    @property
    def finish_by_ms(self) -> int:
        """The time the day must end by: what the planner recovers time for."""
        return self.end_ms if self.hard_end_ms is None else self.hard_end_ms


@dataclass(frozen=True)
class Section:
    """A named part of the programme (shown above the items it holds)."""

    id: str
    title: str


@dataclass(frozen=True)
class Item:
    """One slot of the programme.

    ``planned_start_ms`` is computed by the loader from the event start, the
    durations before it and any fixed starts, so every consumer agrees on it.
    """

    id: str
    kind: str
    title: str
    duration_ms: int
    planned_start_ms: int
    thresholds: Thresholds
    speakers: tuple[str, ...] = ()
    organisation: str = ""
    section_id: str = ""
    fixed_start_ms: int | None = None
    note: str = ""
    line: int = 0
    presenter_note: str = ""  # for the speaker, on the Presenter (``note`` is the stage manager's own)
    min_ms: int | None = None  # the agenda's ``min``: how short the item may become when the day runs late
    ends_at_ms: int | None = None  # the agenda's ``ends_at``: counts to this time of day, whenever it starts
    then: str = "hold"  # what happens at zero (THEN_CHOICES), the agenda's default already applied
    grace_ms: int = 0  # with ``then: load``: how long after zero the next item is loaded

    @property
    def floor_ms(self) -> int:
        """The shortest this item may become: its ``min``; a break's default; else its own length.

        An item that ends at a clock time (``ends_at``) shrinks as far as it
        must to end there: without a ``min`` it has no floor at all.
        """
        if self.min_ms is not None:
            return self.min_ms
        if self.ends_at_ms is not None:
            return 0
        if self.kind == "break":
            return min(self.duration_ms, BREAK_MIN_MS)
        return self.duration_ms

    @property
    def planned_end_ms(self) -> int:
        return self.planned_start_ms + self.duration_ms

    @property
    def speaker_text(self) -> str:
        """Speakers joined for display ("A, B")."""
        return ", ".join(self.speakers)


@dataclass(frozen=True)
class ItemIdentity:
    """Who and what an item is: the fields every per-item view starts with (screens, frames, report)."""

    index: int
    id: str
    kind: str
    title: str
    speakers: tuple[str, ...]
    organisation: str
    section_id: str
    section_title: str

    @property
    def speaker_text(self) -> str:
        """Speakers joined for display ("A, B")."""
        return ", ".join(self.speakers)

    def identity(self) -> dict[str, Any]:
        """Just the identity fields, to build another view of the same item."""
        return {name: getattr(self, name) for name in IDENTITY_FIELDS}


#: The names of ItemIdentity's fields, in order.
IDENTITY_FIELDS = ("index", "id", "kind", "title", "speakers", "organisation", "section_id", "section_title")


#: The sounds a cue may name (ui/cues/sounds.py synthesises them, the browser view too).
SOUNDS: tuple[str, ...] = ("chime", "double", "gong", "pip")
#: The moments a cue or an automatic message belongs to, as the agenda names them.
CUE_MOMENTS: tuple[str, ...] = ("warning", "danger", "zero")


@dataclass(frozen=True)
class PerPhase:
    """One text per moment of a countdown — warning, danger, zero ("" for nothing then).

    The agenda's ``cues:`` (sound names) and ``messages:`` (automatic
    messages for the speaker) both have this shape.
    """

    warning: str = ""
    danger: str = ""
    zero: str = ""

    def at(self, phase: str) -> str:
        """What belongs to entering ``phase`` (a countdown phase: overtime is the moment of zero)."""
        if phase == "overtime":
            return self.zero
        if phase in ("warning", "danger"):
            return str(getattr(self, phase))
        return ""

    @property
    def any(self) -> bool:
        return bool(self.warning or self.danger or self.zero)


#: Nothing at any moment: no cues, no automatic messages (the default of both).
NOTHING = PerPhase()

#: ``cues: on``: a soft chime at warning, two pips at danger, a gong at zero.
DEFAULT_CUES = PerPhase(warning="chime", danger="double", zero="gong")


@dataclass(frozen=True)
class Agenda:
    """A validated agenda: the only input the show needs."""

    event: Event
    thresholds: Thresholds
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    source: str = ""
    cues: PerPhase = NOTHING  # sounds for the stage manager at warning, danger, zero (none: off)
    messages: PerPhase = NOTHING  # automatic messages for the speaker (none: off)

    def section_title(self, section_id: str) -> str:
        for section in self.sections:
            if section.id == section_id:
                return section.title
        return ""

    def index_of(self, item_id: str) -> int | None:
        for index, item in enumerate(self.items):
            if item.id == item_id:
                return index
        return None

    def item_identity(self, index: int) -> dict[str, Any]:
        """Who and what item ``index`` is: the ItemIdentity fields of every per-item view."""
        item = self.items[index]
        return dict(
            index=index,
            id=item.id,
            kind=item.kind,
            title=item.title,
            speakers=item.speakers,
            organisation=item.organisation,
            section_id=item.section_id,
            section_title=self.section_title(item.section_id),
        )

    @property
    def planned_end_ms(self) -> int:
        """End of the last item as planned (may differ from the event's end)."""
        if not self.items:
            return self.event.start_ms
        return self.items[-1].planned_end_ms

    def replace_items(self, items: tuple[Item, ...]) -> Agenda:
        return dataclasses.replace(self, items=items)
