"""The agenda's automatic messages for the speaker: which one the presenter shows now.

``messages: {warning: "2분 남았습니다", zero: "마무리 부탁드립니다"}`` puts a
line on the speaker's screen when the countdown enters a phase. It is a pure
function of the item's countdown — the instant a phase was entered is where
the remaining time crossed its threshold — so it needs no state of its own,
nothing is journaled, and a replay or a restart shows exactly the same.

* warning and danger: for :data:`AUTO_MESSAGE_MS` of the countdown after the
  phase was entered (a pause holds it, as it holds the clock);
* zero: for as long as the item runs over — a speaker glancing up at +0:40
  must still read it; it goes with the item, or with time added back.

An operator's message always takes precedence (frames.presenter_frame).

``{left}`` in a warning or danger text is the time left at that moment, in
the agenda's language ("{left} 남았습니다" → "1분 남았습니다" for a 1-minute
warning, "2분 남았습니다" for a 2-minute one), so one text fits every item.
"""

from __future__ import annotations

from stagetimer.core.agenda.model import PerPhase, Thresholds
from stagetimer.core.timefmt import spoken_length

#: Where a message says the time left at its moment.
LEFT = "{left}"

#: How long the warning's and the danger's message stay, in ms of the countdown.
AUTO_MESSAGE_MS = 10_000


def with_time_left(messages: PerPhase, thresholds: Thresholds, language: str) -> PerPhase:
    """The agenda's messages for one item: ``{left}`` becomes that item's warning or danger time, spoken."""
    if LEFT not in messages.warning + messages.danger + messages.zero:
        return messages

    def fill(text: str, left_ms: int) -> str:
        return text.replace(LEFT, spoken_length(left_ms, language))

    return PerPhase(fill(messages.warning, thresholds.warning_ms), fill(messages.danger, thresholds.danger_ms),
                    fill(messages.zero, 0))


def auto_message(messages: PerPhase, phase: str, remaining_ms: int, warning_ms: int, danger_ms: int,
                 started: bool) -> str:
    """The automatic message of this instant ("" for none).

    ``started``: the item's clock has run (a loaded, never started item shows
    none even if its whole slot is shorter than the warning).
    """
    if not started or not messages.any:
        return ""
    if phase == "overtime":
        return messages.zero
    entered = {"warning": warning_ms, "danger": danger_ms}.get(phase)
    if entered is None or entered - remaining_ms >= AUTO_MESSAGE_MS:
        return ""
    return messages.at(phase)


def auto_message_wakes(messages: PerPhase, phase: str, remaining_ms: int, thresholds: Thresholds) -> list[int]:
    """Show ms until a running countdown's warning or danger message ends ([] when none is up).

    With thresholds of whole seconds this falls on a displayed second anyway;
    with ``warning: 90250ms``-like ones the display timer must wake for it.
    """
    entered = {"warning": thresholds.warning_ms, "danger": thresholds.danger_ms}.get(phase)
    if entered is None or not messages.at(phase):
        return []
    left = remaining_ms - (entered - AUTO_MESSAGE_MS)
    return [left] if left > 0 else []
