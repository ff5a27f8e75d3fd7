"""The planner in the running show: the proposal Control shows, and the commands that apply it.

planner.plan_show says, at any instant, which of the items not yet started
should become shorter for the day to end by its hard end (and to reach every
fixed start). Here that plan becomes

* a :class:`Proposal` in the Control frame whenever the show runs past a
  deadline — what must be recovered, which items shrink old → new, and how
  late the day still ends if the minimums are not enough — so Control only
  paints it;
* the ``replan`` command (key A, the remote's ``replan``), which applies it by
  setting ``ItemState.replanned_ms`` on each shortened item: the countdown,
  the projections and every screen then follow the new lengths;
* automatic mode (``auto_replan``, Shift+A), in which every command that
  brings another item on stage also applies the plan, inside the same
  command, so a replay after a crash does exactly the same.

Because the plan is a pure function of the agenda, the state and the time,
a journaled ``replan`` replays to the same lengths. Only shortening: a show
that later runs early keeps the lengths it was given (the speakers were
told); Ctrl+Z takes a re-plan back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.show.outcome import Refused
from stagetimer.core.show.planner import Plan, plan_from, plan_inputs, plan_show
from stagetimer.core.show.screen_commands import Effect
from stagetimer.core.show.snapshot_memo import SnapshotMemo
from stagetimer.core.show.state import ShowState


@dataclass(frozen=True)
class ProposalRow:
    """One item the plan shortens: its length now and as proposed (ms, adjustments included)."""

    index: int
    id: str
    title: str
    kind: str
    old_ms: int
    new_ms: int


@dataclass(frozen=True)
class Proposal:
    """What Control's proposal line says; ``rows`` empty when nothing can shrink any more."""

    shortfall_ms: int  # how late the show runs past its first missed deadline (hard end or fixed start)
    rows: tuple[ProposalRow, ...]
    recovered_ms: int  # what the shortened items give back
    over_ms: int  # how late the day still ends with the plan: the minimums are not enough
    end_ms: int  # the day's end with the plan (time of day)


def proposal_of(agenda: Agenda, plan: Plan) -> Proposal | None:
    """The proposal a plan makes, or None when there is nothing to change or to say.

    None also when a fixed start slips but nothing before it can shrink and
    the day still ends on time: the projections already show that.
    """
    if not plan.changes and plan.over_ms <= 0:
        return None
    shortfall = plan.shortfall_ms or max(deadline.needed_ms for deadline in plan.deadlines)
    items = agenda.items
    rows = tuple(ProposalRow(row.index, row.id, items[row.index].title, items[row.index].kind, row.old_ms, row.new_ms)
                 for row in plan.changes)
    return Proposal(shortfall, rows, plan.recovered_ms, plan.over_ms, plan.end_ms)


def current_proposal(agenda: Agenda, state: ShowState, now_ms: int, tod_ms: int,
                     memo: SnapshotMemo | None = None) -> Proposal | None:
    """The proposal at show time ``now_ms`` (None: on time, nothing to say); from ``memo`` if its inputs held."""
    if memo is None:
        return proposal_of(agenda, plan_show(agenda, state, now_ms, tod_ms))
    inputs = plan_inputs(agenda, state, now_ms, tod_ms)
    return memo.planned(agenda, inputs, lambda: proposal_of(agenda, plan_from(agenda, *inputs)))


def apply_plan(agenda: Agenda, state: ShowState, now_ms: int, tod_ms: int) -> dict[str, Any]:
    """Shorten the items the plan shortens; the effect's parameters. Refused when there is nothing to do.

    ``on_time``: the day ends by its hard end and nothing can bring a fixed
    start back. ``no_slack`` [over_ms]: the day ends late but every item that
    may shrink already has its minimum.
    """
    proposal = current_proposal(agenda, state, now_ms, tod_ms)
    if proposal is None:
        raise Refused("on_time")
    if not proposal.rows:
        raise Refused("no_slack", over_ms=proposal.over_ms)
    for row in proposal.rows:
        record = state.items[row.index]
        record.replanned_ms = row.new_ms - record.adjust_ms  # the base length; the operator's ± still apply
    return {
        "recovered_ms": proposal.recovered_ms,
        "items": len(proposal.rows),
        "over_ms": proposal.over_ms,
        "shortfall_ms": proposal.shortfall_ms,
        "end_ms": proposal.end_ms,
        "rows": [{"id": row.id, "title": row.title, "old_ms": row.old_ms, "new_ms": row.new_ms}
                 for row in proposal.rows],
    }


class PlannerCommands:
    """``replan`` and automatic mode, mixed into the Show (which dispatches ``_do_<action>`` here)."""

    agenda: Agenda
    state: ShowState

    def tod_ms(self, now_ms: int) -> int:  # the Show's
        raise NotImplementedError

    def _do_replan(self, now: int) -> Effect:
        return "replanned", apply_plan(self.agenda, self.state, now, self.tod_ms(now))

    def _do_auto_replan(self, now: int) -> Effect:
        return self._set_auto_replan(not self.state.auto_replan)

    def _do_auto_replan_on(self, now: int) -> Effect:
        return self._set_auto_replan(True)

    def _do_auto_replan_off(self, now: int) -> Effect:
        return self._set_auto_replan(False)

    def _set_auto_replan(self, on: bool) -> Effect:
        self.state.auto_replan = on
        return ("auto_replan_on" if on else "auto_replan_off"), {}

    def _auto_replan_on_move(self, before: ShowState, action: str, effect: Effect, now: int) -> Effect:
        """In automatic mode, a command that brought another item on stage re-plans too (its params say so).

        Not after an undo: that would re-plan what the operator just took back.
        """
        state = self.state
        if not state.auto_replan or not state.moved_from(before) or action == "undo" or state.stage != "live":
            return effect
        try:
            params = apply_plan(self.agenda, state, now, self.tod_ms(now))
        except Refused:
            return effect
        name, fields = effect
        return name, {**fields, "auto_replan": params}
