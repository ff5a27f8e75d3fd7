"""Which stage window goes on which monitor: the rules, without Qt.

pdfpc users' top complaint is windows landing on the wrong monitor, so the
decision is a pure function of what can be known at start-up — the screens'
names in Qt's order, which one is primary, the command-line choices and what
the operator chose last time on a screen of the same name — and is tested
exhaustively. stagetimer/ui/screens.py carries the decision out with Qt.

Rules, strongest first:
1. ``--windowed``: every window is an ordinary window (rehearsal on a laptop).
2. ``--presenter-screen`` / ``--projector-screen``: an index (0 = Qt's first
   screen) or a screen name (exact, then ignoring case).
3. The operator's last choice for a screen of that name (Screens menu).
4. Defaults by screen count: one screen, ordinary windows; two, the Projector
   full screen on the one that is not primary; three or more, the Presenter
   and the Projector full screen on the first two that are not primary.
The primary screen keeps the Control window, so defaults never cover it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

PRESENTER = "presenter"
PROJECTOR = "projector"
#: The windows that can go full screen on a monitor of their own.
ROLES: tuple[str, ...] = (PRESENTER, PROJECTOR)


class Remembered(NamedTuple):
    """What the operator last put on a screen of some name, and when (a counter)."""

    role: str
    seq: int


@dataclass(frozen=True)
class Placement:
    """Screen name per stage window; None means an ordinary window on the primary."""

    presenter: str | None
    projector: str | None
    notes: tuple[str, ...] = ()  # problems with the command-line choices, for stderr

    def screen_for(self, role: str) -> str | None:
        return self.presenter if role == PRESENTER else self.projector


def resolve_screen(choice: str, screens: Sequence[str]) -> str | None:
    """The screen a ``--*-screen`` value means: an index, a name, or a name in any case."""
    text = choice.strip()
    if text.isdigit():
        index = int(text)
        return screens[index] if index < len(screens) else None
    if text in screens:
        return text
    folded = [name for name in screens if name.casefold() == text.casefold()]
    return folded[0] if len(folded) == 1 else None


def describe_screens(screens: Sequence[str]) -> str:
    """``0 LAPTOP, 1 PROJECTOR`` — what a mistyped option is told to choose from."""
    return ", ".join(f"{index} {name}" for index, name in enumerate(screens))


def plan_placement(
    screens: Sequence[str],
    primary: str,
    *,
    presenter_choice: str | None = None,
    projector_choice: str | None = None,
    remembered: Mapping[str, Remembered] | None = None,
    windowed: bool = False,
) -> Placement:
    """Decide where the Presenter and the Projector open (see the module's rules)."""
    notes: list[str] = []
    choices = {PRESENTER: presenter_choice, PROJECTOR: projector_choice}
    if windowed:
        if any(choices.values()):
            notes.append("--windowed: ignoring --presenter-screen/--projector-screen")
        return Placement(None, None, tuple(notes))

    chosen: dict[str, str | None] = {PRESENTER: None, PROJECTOR: None}
    pinned: set[str] = set()
    # 2. Explicit choices. The audience's screen wins if both name the same one.
    for role in (PROJECTOR, PRESENTER):
        choice = choices[role]
        if choice is None:
            continue
        option = f"--{role}-screen"
        name = resolve_screen(choice, screens)
        if name is None:
            known = describe_screens(screens)
            notes.append(f"{option} {choice!r}: no such screen (screens: {known}); using the default")
        elif name in chosen.values():
            notes.append(f"{option} {choice!r}: that screen already has the projector; {role} opens as a window")
            pinned.add(role)
        else:
            chosen[role] = name
            pinned.add(role)

    # 3. Last time's choice on screens that are here now, the most recent first.
    memory = remembered or {}
    for role in ROLES:
        if role in pinned:
            continue
        candidates = [
            (memory[name].seq, name)
            for name in screens
            if name in memory and memory[name].role == role and name not in chosen.values()
        ]
        if candidates:
            chosen[role] = max(candidates)[1]
            pinned.add(role)

    # 4. Defaults on the screens that are not primary and still free.
    free = [name for name in screens if name != primary and name not in chosen.values()]
    open_roles = [role for role in ROLES if role not in pinned]
    if open_roles == [PRESENTER, PROJECTOR]:
        if len(free) >= 2:
            chosen[PRESENTER], chosen[PROJECTOR] = free[0], free[1]
        elif free:
            chosen[PROJECTOR] = free[0]  # the audience first; the speaker can read a window
    elif open_roles and free:
        chosen[open_roles[0]] = free[0]
    return Placement(chosen[PRESENTER], chosen[PROJECTOR], tuple(notes))


def rescue_screen(remaining: Sequence[str], primary: str, taken: Collection[str | None]) -> str | None:
    """Where a window goes when its screen is unplugged.

    A free screen that is not primary keeps it full screen for its audience;
    failing that it becomes an ordinary window on the primary (None), where
    the operator sees it and can move it — never on top of the other stage
    window, which would blank that audience's screen.
    """
    for name in remaining:
        if name != primary and name not in taken:
            return name
    return None


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int


def windowed_layout(available: Rect) -> dict[str, Rect]:
    """Ordinary windows tiled on one screen: Control on the left, the two stage views stacked right.

    Used for rehearsals on a laptop so all three are visible at once and the
    stage views keep the 16:9 shape of the screens they stand in for.
    """
    gap = 8
    side_width = max(320, available.width * 2 // 5)
    view_height = min(side_width * 9 // 16, (available.height - gap) // 2)
    view_width = view_height * 16 // 9
    right = available.x + available.width - view_width
    control = Rect(available.x, available.y, max(320, right - available.x - gap), available.height)
    return {
        "control": control,
        PRESENTER: Rect(right, available.y, view_width, view_height),
        PROJECTOR: Rect(right, available.y + view_height + gap, view_width, view_height),
    }
