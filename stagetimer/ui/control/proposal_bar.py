"""The planner's line in Control: what the core proposes, with the buttons that apply it.

The core decides everything (core/show/replan.py builds the Proposal in the
snapshot); this only says it, in one calm line the stage manager reads in
passing: "8분 초과 예상 — 제안: 안전하게 개인정보… 20→17분, … · A 적용".
The line is always there, so its two buttons (A, Shift+A) are too: automatic
mode is switched on before the show, while there is nothing to propose.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from stagetimer.core.show.replan import Proposal
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.timefmt import format_minutes
from stagetimer.ui.control import style as style
from stagetimer.ui.control.elided import ElidedLabel
from stagetimer.ui.control.panels import fill, set_colour, set_text

translate = QCoreApplication.translate
#: A title in the line is cut to this many characters ("안전하게 개인정보를…"): three must fit at 1366 px.
TITLE_CHARS = 10


def short_title(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS].rstrip() + "…"


def proposal_text(proposal: Proposal) -> str:
    """The one line for a pending proposal, in the operator's language."""
    late = fill(translate("ControlWindow", "%1 min over"), format_minutes(proposal.shortfall_ms))
    if not proposal.rows:
        return fill(translate("ControlWindow", "%1 — every item is at its minimum"), late)
    rows = ", ".join(
        fill(translate("ControlWindow", "%1 %2→%3 min"), short_title(row.title), format_minutes(row.old_ms),
             format_minutes(row.new_ms))
        for row in proposal.rows
    )
    text = fill(translate("ControlWindow", "%1 — proposal: %2"), late, rows)
    if proposal.over_ms > 0:
        text += fill(translate("ControlWindow", " — still %1 min over at the minimums"),
                     format_minutes(proposal.over_ms))
    return text


class ProposalBar(QFrame):
    """One line: the planner's proposal (or "automatic"), the apply button (A) and automatic mode (Shift+A)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 3, 6, 3)
        self.caption = QLabel(translate("ControlWindow", "Planner:"))
        self.caption.setObjectName("muted")
        self.text_label = ElidedLabel()
        self.text_label.setObjectName("proposal")
        row.addWidget(self.caption)
        row.addWidget(self.text_label, 1)

    def add_button(self, button: QWidget) -> None:
        """The planner's buttons (Apply plan A, Automatic Shift+A), at the end of the line."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(button)

    def show_snapshot(self, snap: Snapshot) -> None:
        proposal = snap.proposal
        if proposal is not None:
            text = proposal_text(proposal)
        elif snap.auto_replan:
            text = translate("ControlWindow", "automatic: the plan is applied at every item change (Shift+A stops)")
        else:
            text = translate("ControlWindow", "the day ends on time: nothing to recover")
        set_text(self.text_label, text)
        # Amber only when even the minimums are not enough; a proposal that fixes the day is calm.
        alarming = proposal is not None and proposal.over_ms > 0
        colour = style.NOTICE_WARN if alarming else style.TEXT if proposal is not None else style.MUTED
        set_colour(self.text_label, colour)
