"""The words for the door's answers: an Outcome becomes one line in Control's notice.

The core answers in codes (``effect`` or ``reason``, with parameters); this
is the only place that turns them into sentences, in the operator's
language. Nothing here decides anything about the show: a refusal is
refused by the core, and this only says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.commands import MINUTE_MS
from stagetimer.core.show.events import Event, EventKind
from stagetimer.core.show.outcome import Outcome
from stagetimer.core.show.session import Finding
from stagetimer.core.timefmt import format_countdown, format_minutes
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: Contexts kept from earlier releases, so their Korean translations still apply.
CONTROL, REFUSAL, CONTROLLER = "ControlWindow", "ShowError", "Controller"


@dataclass(frozen=True)
class Notice:
    """One line for Control's notice; ``warning`` draws it amber. ``ready_item``: a "Space starts it" notice."""

    text: str
    warning: bool = False
    ready_item: str | None = None


_EFFECTS: dict[str, str] = {
    "show_started": QT_TRANSLATE_NOOP("ControlWindow", "The show has started: %1 — Ctrl+Z takes it back"),
    "loaded": QT_TRANSLATE_NOOP("ControlWindow", "Ready: %1 — Space starts it"),
    "goto_loaded": QT_TRANSLATE_NOOP("ControlWindow", "Now at %1 — Space starts it"),
    "skipped": QT_TRANSLATE_NOOP("ControlWindow", "Skipped %1 (never started) — ready: %2, Space starts it"),
    "skipped_started": QT_TRANSLATE_NOOP("ControlWindow", "Skipped %1 (never started) — %2 has started"),
    "jumped": QT_TRANSLATE_NOOP("ControlWindow", "Jumped to %1 — Ctrl+Z to undo"),
    "back": QT_TRANSLATE_NOOP("ControlWindow", "Back to %1, where it was"),
    "closing": QT_TRANSLATE_NOOP("ControlWindow", "That was the last item: the show is over (← goes back)"),
    "time_added": QT_TRANSLATE_NOOP("ControlWindow", "+1 minute: %1 left"),
    "time_taken": QT_TRANSLATE_NOOP("ControlWindow", "−1 minute: %1 left"),
    "time_taken_over": QT_TRANSLATE_NOOP("ControlWindow",
                                         "−1 minute: the speaker is now over time (+ gives it back)"),
    "reset": QT_TRANSLATE_NOOP("ControlWindow", "%1 reset to its full time, stopped — Ctrl+Z to undo"),
    "undone": QT_TRANSLATE_NOOP("ControlWindow", "Undone: back to %1"),
    "undone_welcome": QT_TRANSLATE_NOOP("ControlWindow", "Undone: back to the welcome screen"),
    "undone_other": QT_TRANSLATE_NOOP("ControlWindow", "Undone"),
    "message_shown": QT_TRANSLATE_NOOP("ControlWindow", "Message shown to the speaker: %1"),
    "message_cleared": QT_TRANSLATE_NOOP("ControlWindow", "Message cleared"),
    "message_pinned": QT_TRANSLATE_NOOP("ControlWindow", "Message pinned: it stays when the item changes (P unpins)"),
    "message_unpinned": QT_TRANSLATE_NOOP("ControlWindow", "Message unpinned: it goes when the item changes"),
    "flashing": QT_TRANSLATE_NOOP("ControlWindow", "Flashing the presenter screen"),
    "blackout_on": QT_TRANSLATE_NOOP("ControlWindow", "Projector blacked out — B brings it back"),
    "blackout_off": QT_TRANSLATE_NOOP("ControlWindow", "Projector back on"),
    "countdown_on": QT_TRANSLATE_NOOP("ControlWindow", "Countdown on the projector: on"),
    "countdown_off": QT_TRANSLATE_NOOP("ControlWindow", "Countdown on the projector: off"),
    "started_fresh": QT_TRANSLATE_NOOP("ControlWindow",
                                       "Started fresh: the earlier record is archived in the show folder"),
    "replanned": QT_TRANSLATE_NOOP("ControlWindow", "Re-planned: %1 — Ctrl+Z to undo"),
    "auto_replan_on": QT_TRANSLATE_NOOP("ControlWindow",
                                        "Automatic planning on: the plan is applied at every item change"),
    "auto_replan_off": QT_TRANSLATE_NOOP("ControlWindow", "Automatic planning off"),
}

#: What a re-plan did (the params of "replanned", or of an item change in automatic mode).
_REPLAN = QT_TRANSLATE_NOOP("ControlWindow", "%1 items shortened, %2 min recovered")
_REPLAN_OVER = QT_TRANSLATE_NOOP("ControlWindow", "still %1 min over at the minimums")
_AUTO = QT_TRANSLATE_NOOP("ControlWindow", "Automatic plan: %1")

_ALSO: dict[str, str] = {
    "message_cleared": QT_TRANSLATE_NOOP("ControlWindow",
                                         "the message to the speaker was cleared (P pins a message to keep it)"),
}

_REFUSALS: dict[str, str] = {
    "no_item_loaded": QT_TRANSLATE_NOOP("ShowError", "No item is loaded: press Space to start the show"),
    "show_over": QT_TRANSLATE_NOOP("ShowError", "The show is over: press ← to go back to the last item"),
    "no_items": QT_TRANSLATE_NOOP("ShowError", "The agenda has no items"),
    "no_next": QT_TRANSLATE_NOOP("ShowError", "The show is over: there is no next item"),
    "no_previous": QT_TRANSLATE_NOOP("ShowError", "This is the first item: there is no previous one"),
    "nothing_to_undo": QT_TRANSLATE_NOOP("ShowError", "Nothing to undo"),
    "unknown_item": QT_TRANSLATE_NOOP("ShowError", "That row is no longer in the agenda (id '%1')"),
    "already_on_stage": QT_TRANSLATE_NOOP("ShowError", "%1 is already on stage"),
    "too_short": QT_TRANSLATE_NOOP("ShowError", "Cannot take a minute: this item has only %1 in all"),
    "too_long": QT_TRANSLATE_NOOP("ShowError", "Cannot add more: this item would last over a day (%1 now)"),
    "no_message": QT_TRANSLATE_NOOP("ShowError", "There is no message to clear"),
    "empty_message": QT_TRANSLATE_NOOP("ShowError", "Empty message: nothing sent"),
    "live_item_removed": QT_TRANSLATE_NOOP(
        "ShowError", "The item on stage (id '%1') is not in the edited agenda; put it back or move on first"),
    "journal_failed": QT_TRANSLATE_NOOP("ShowError", "Could not archive the show journal (%1)"),
    "internal_error": QT_TRANSLATE_NOOP("ShowError", "Something went wrong (%1); the show goes on"),
    "on_time": QT_TRANSLATE_NOOP("ShowError", "Nothing to re-plan: the day ends on time"),
    "no_slack": QT_TRANSLATE_NOOP("ShowError",
                                  "Every item that may shrink is at its minimum: the day ends %1 min late"),
}
#: Refusals that are information, not a mistake to warn about.
_CALM = {"already_on_stage", "no_message", "empty_message", "on_time"}

#: Who sent a command that did not come from this computer's keys (Outcome.source).
_SOURCES: dict[str, str] = {
    "remote": QT_TRANSLATE_NOOP("ControlWindow", "Remote: %1"),
    "osc": QT_TRANSLATE_NOOP("ControlWindow", "OSC: %1"),
}
#: What the screens say on their own for a key press, but must be said for a command from elsewhere.
_REMOTE_EFFECTS: dict[str, str] = {
    "started": QT_TRANSLATE_NOOP("ControlWindow", "Started %1"),
    "resumed": QT_TRANSLATE_NOOP("ControlWindow", "Resumed %1"),
    "paused": QT_TRANSLATE_NOOP("ControlWindow", "Paused %1"),
}

_JOURNAL = QT_TRANSLATE_NOOP(
    "Controller", "Done, but the show journal could not be written (%1): a crash now would lose it")


def _fill(context: str, template: str, *values: str) -> str:
    """Translate, then put the values in (a placeholder's text may itself contain "%2")."""
    text = QCoreApplication.translate(context, template)
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", values[number - 1])
    return text


_FINDINGS: dict[str, str] = {
    "clock_changed": QT_TRANSLATE_NOOP(
        "ControlWindow", "The system clock changed by %1 while StageTimer was closed; the countdown kept its own time"),
    "rebooted": QT_TRANSLATE_NOOP(
        "ControlWindow", "The computer was restarted: the time it was off is taken from the wall clock"),
    "wall_clock_only": QT_TRANSLATE_NOOP(
        "ControlWindow",
        "The record is from an earlier version: the time StageTimer was closed comes from the wall clock"),
    "archived_stale": QT_TRANSLATE_NOOP(
        "ControlWindow",
        "The last record was %1 old: kept as %2, not resumed (rename it journal.jsonl, start with --resume)"),
    "journal_damaged": QT_TRANSLATE_NOOP(
        "ControlWindow", "%1 damaged journal line(s) skipped, the first: %2"),
    "journal_unreadable": QT_TRANSLATE_NOOP(
        "ControlWindow", "The show journal could not be read (%1): set aside as %2, a new show begins"),
    "clock_behind": QT_TRANSLATE_NOOP(
        "ControlWindow", "The last record is dated %1 after now: the system clock was set back; "
                         "the time StageTimer was closed is not counted"),
}


def finding_text(finding: Finding) -> str:
    """One sentence for something the opening of the show found."""
    params = finding.params
    template = _FINDINGS.get(finding.code)
    if template is None:
        return finding.code
    if finding.code == "clock_changed":
        delta = int(params.get("delta_ms", 0))
        return _fill(CONTROL, template, ("+" if delta > 0 else "−") + format_countdown(abs(delta)))
    if finding.code == "archived_stale":
        return _fill(CONTROL, template, format_countdown(int(params.get("age_ms", 0))), str(params.get("archive", "")))
    if finding.code == "journal_unreadable":
        return _fill(CONTROL, template, str(params.get("reason", "")), str(params.get("archive", "")))
    if finding.code == "clock_behind":
        return _fill(CONTROL, template, format_countdown(abs(int(params.get("delta_ms", 0)))))
    if finding.code == "journal_damaged":
        return _fill(CONTROL, template, str(params.get("count", 0)), str(params.get("first", "")))
    return QCoreApplication.translate(CONTROL, template)


def refusal_text(reason: str, params: dict[str, object]) -> str:
    """The sentence for a refusal code (also used by the agenda panel and the CLI's callers)."""
    template = _REFUSALS.get(reason)
    if template is None:
        return reason
    if reason == "no_slack":
        return _fill(REFUSAL, template, format_minutes(int(str(params.get("over_ms", 0)))))
    if reason in ("too_short", "too_long"):
        return _fill(REFUSAL, template, format_countdown(int(str(params.get("allotted_ms", 0)))))
    value = next((str(params[key]) for key in ("title", "item_id", "reason", "error") if key in params), "")
    return _fill(REFUSAL, template, value)


def replan_summary(params: dict[str, object]) -> str:
    """"3 items shortened, 8 min recovered" (and what is still over), from a re-plan's params."""
    text = _fill(CONTROL, _REPLAN, str(params.get("items", 0)), format_minutes(int(str(params.get("recovered_ms", 0)))))
    over = int(str(params.get("over_ms", 0)))
    if over > 0:
        text += ", " + _fill(CONTROL, _REPLAN_OVER, format_minutes(over))
    return text


def effect_key(outcome: Outcome) -> str | None:
    """Which sentence an applied outcome gets; None: the screens say it all (start, pause…)."""
    effect, params = outcome.effect, outcome.params
    if effect == "started":
        return "show_started" if params.get("from_welcome") else None
    if effect in ("paused", "resumed", "reloaded"):
        return None
    if effect == "loaded":
        return "goto_loaded" if outcome.action == "goto" else "loaded"
    if effect == "skipped":
        return "skipped_started" if params.get("started") else "skipped"
    if effect == "time_taken" and int(str(params.get("remaining_ms", 0))) < 0:
        return "time_taken_over"
    if effect == "undone":
        if params.get("title"):
            return "undone"
        return "undone_welcome" if params.get("welcome") else "undone_other"
    return effect if effect in _EFFECTS else None


def notice_for(outcome: Outcome) -> Notice | None:
    """The notice for one answer of the door, or None; a remote's or OSC's says so first ("원격: …").

    The operator did not press anything: even a start or a pause, which the
    screens show by themselves, is said, so nobody wonders who did it.
    """
    notice = _notice(outcome)
    template = _SOURCES.get(outcome.source)
    if template is None:
        return notice
    if notice is None:
        effect = _REMOTE_EFFECTS.get(outcome.effect) if outcome.applied else None
        if effect is None:
            return None
        notice = Notice(_fill(CONTROL, effect, str(outcome.params.get("title", ""))).strip())
    return Notice(_fill(CONTROL, template, notice.text), notice.warning, notice.ready_item)


def _notice(outcome: Outcome) -> Notice | None:
    if not outcome.applied:
        return Notice(refusal_text(outcome.reason, outcome.params), warning=outcome.reason not in _CALM)
    if outcome.journal_error:
        return Notice(_fill(CONTROLLER, _JOURNAL, outcome.journal_error), warning=True)
    key = effect_key(outcome)
    params = outcome.params
    text = ""
    if key is not None:
        values: list[str] = []
        if key.startswith("skipped"):
            values = [str(params["skipped"]), str(params["title"])]
        elif key in ("time_added", "time_taken"):
            values = [format_countdown(int(str(params["remaining_ms"])))]
            if abs(int(str(params.get("delta_ms", MINUTE_MS)))) != MINUTE_MS:
                values[0] += f" ({format_countdown(abs(int(str(params['delta_ms']))))})"
        elif key == "replanned":
            values = [replan_summary(params)]
        elif "title" in params:
            values = [str(params["title"])]
        elif "text" in params:
            values = [str(params["text"])]
        text = _fill(CONTROL, _EFFECTS[key], *values)
    auto = params.get("auto_replan")
    if isinstance(auto, dict):  # automatic mode re-planned at this item change: said first (the panel says "ready")
        addition = _fill(CONTROL, _AUTO, replan_summary(auto))
        text = f"{addition} · {text}" if text else addition
    for extra in outcome.also:
        if extra in _ALSO:
            addition = QCoreApplication.translate(CONTROL, _ALSO[extra])
            text = f"{text} · {addition}" if text else addition[:1].upper() + addition[1:]
    if not text:
        return None
    ready = str(params["title"]) if key in ("loaded", "goto_loaded", "skipped") else None
    return Notice(text, warning=key == "time_taken_over", ready_item=ready)


#: What the clock did by itself at zero (the agenda's ``then``): %1 the item that reached zero, %2 the next.
#: What is on stage now comes first: in a narrow window the line is cut at its end.
_AUTO_ADVANCE: dict[str, str] = {
    "load": QT_TRANSLATE_NOOP("ControlWindow",
                              "Automatically ready: %2, Space starts it (%1 reached zero; Ctrl+Z takes it back)"),
    "start": QT_TRANSLATE_NOOP("ControlWindow", "Automatically started: %2 (%1 reached zero; Ctrl+Z takes it back)"),
    "closing": QT_TRANSLATE_NOOP("ControlWindow",
                                 "Automatically over: %1 reached zero, that was the last item (← goes back)"),
}


def auto_notice(events: tuple[Event, ...], agenda: Agenda) -> Notice | None:
    """The notice for the last automatic change among ``events`` (then: load/start), or None.

    Nobody pressed a key, so the notice says the clock did it, and what is on stage now.
    """
    autos = [event for event in events if event.kind is EventKind.AUTO_ADVANCED]
    index = agenda.index_of(autos[-1].item_id or "") if autos else None
    if index is None:
        return None
    left = agenda.items[index].title
    if index + 1 >= len(agenda.items):
        return Notice(_fill(CONTROL, _AUTO_ADVANCE["closing"], left))
    following = agenda.items[index + 1]
    if autos[-1].detail == "load":
        return Notice(_fill(CONTROL, _AUTO_ADVANCE["load"], left, following.title), ready_item=following.id)
    return Notice(_fill(CONTROL, _AUTO_ADVANCE["start"], left, following.title))
