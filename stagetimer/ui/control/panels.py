"""The parts of the Control window that read the snapshot: status line, current item, message.

Each panel formats snapshot fields and nothing else (no time arithmetic),
and touches a widget only when what it shows changed, because the window is
refreshed every second for hours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stagetimer.core.show.frames import late_start, presenter_countdown
from stagetimer.core.show.snapshot import Snapshot
from stagetimer.core.timefmt import (
    format_clock_seconds,
    format_countdown,
    format_offset,
    format_tod,
)
from stagetimer.ui.common import fonts, theme
from stagetimer.ui.common.progress_strip import RANGE as PROGRESS_RANGE
from stagetimer.ui.common.progress_strip import ProgressStrip
from stagetimer.ui.common.steady_text import SteadyLabel, set_steady_text
from stagetimer.ui.control import style as style
from stagetimer.ui.control.elided import ElidedLabel

#: Strings here are translated in the Control window's context, written out at
#: each call ("ControlWindow") so that lupdate finds them.
translate = QCoreApplication.translate


def fill(template: str, *values: str) -> str:
    """Qt-style placeholders: ``fill("%1 of %2", a, b)`` (translators keep %1, %2)."""
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", value)
    return template


def set_text(label: QLabel, text: str) -> None:
    """Change a label only when its text changes (a relayout costs more than a compare)."""
    if label.text() != text:
        label.setText(text)


def set_colour(label: QLabel, colour: QColor) -> None:
    """Recolour a label only when its colour changes (a style sheet is re-polished)."""
    if label.property("colour") != colour.name():
        label.setProperty("colour", colour.name())
        label.setStyleSheet(f"color: {colour.name()};")


def show_offset_text(ms: int) -> str:
    """How far the show runs from the plan, in figures and a word: ``+3:20 behind``."""
    figure = format_offset(ms)
    if figure == "±0:00":
        return translate("ControlWindow", "On time")
    if ms > 0:
        return fill(translate("ControlWindow", "%1 behind"), figure)
    return fill(translate("ControlWindow", "%1 ahead"), figure)


class StatusLine(QFrame):
    """Time of day, the show's over/under, projected against planned end, speed, projector state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.setSpacing(14)
        self.clock_label = SteadyLabel(style.PANEL)
        self.clock_label.setObjectName("statusClock")
        self.clock_label.setFont(fonts.countdown_font(style.STATUS_CLOCK_PX))
        self.offset_label = SteadyLabel(style.PANEL)
        self.offset_label.setObjectName("statusOffset")
        self.offset_label.setFont(fonts.countdown_font(style.BASE_PX + 4))
        self.end_label = ElidedLabel(natural=True)
        self.end_label.setFont(fonts.countdown_font(style.BASE_PX, QFont.Weight.Normal))
        self.speed_label = QLabel()
        self.speed_label.setObjectName("badge")
        #: Issue 4 fills this after a crash recovery ("recovered at 10:42:05").
        self.recovered_label = ElidedLabel(natural=True)
        self.recovered_label.setObjectName("badge")
        # Amber, like a warning notice: the show is fine, but the operator must know it restarted.
        self.recovered_label.setStyleSheet(f"background: {style.NOTICE_WARN.name()}; color: #101214;")
        self.recovered_label.hide()
        self.blackout_label = QLabel(translate("ControlWindow", "PROJECTOR BLACKOUT"))
        self.blackout_label.setObjectName("alertBadge")
        self.projector_countdown_label = QLabel(translate("ControlWindow", "Countdown on projector"))
        self.projector_countdown_label.setObjectName("muted")
        # The machine disagrees with the show: another day than the agenda's, or a system clock step.
        self.date_label = ElidedLabel(natural=True)
        self.date_label.setObjectName("muted")
        self.clock_step_label = ElidedLabel(natural=True)
        self.clock_step_label.setObjectName("badge")
        self.clock_step_label.setStyleSheet(self.recovered_label.styleSheet())  # amber: know it, nothing broke
        left: tuple[QLabel, ...] = (self.clock_label, self.offset_label, self.end_label)
        for widget in left:
            row.addWidget(widget)
        row.addStretch(1)
        # Long words here end in "…" before the window would have to grow (ElidedLabel).
        # The agenda's sound cues: on, muted (S), or no device to play them on; hidden when it has none.
        self.cues_label = QLabel()
        self.cues_label.setObjectName("badge")  # its padding from the window's stylesheet, in every state
        self.cues_label.hide()
        self.cues_state = "off"
        right: tuple[QLabel, ...] = (self.date_label, self.clock_step_label, self.projector_countdown_label,
                                     self.blackout_label, self.recovered_label, self.speed_label, self.cues_label)
        for widget in right:
            row.addWidget(widget)

    def show_cues(self, state: str) -> None:
        """The cue bell's state (ui/cues/bell.py): "off", "on", "muted" or "silent"."""
        self.cues_state = state
        texts = {
            "on": translate("ControlWindow", "Cues on · S mutes"),
            "muted": translate("ControlWindow", "Cues muted · S"),
            "silent": translate("ControlWindow", "Cues: no sound device"),
        }
        text = texts.get(state, "")
        set_text(self.cues_label, text)
        self.cues_label.setVisible(bool(text))
        # Amber when the stage manager will not hear them: like any "know it, nothing broke" badge.
        quiet = state in ("muted", "silent")
        sheet = (f"background: {style.NOTICE_WARN.name()}; color: #101214;"
                 if quiet else f"background: transparent; color: {QColor(style.MUTED).name()}; font-weight: 400;")
        # Called on every frame: a style sheet set again re-polishes and repaints the badge (and the
        # status line behind it) twice a second, so it is set only when it changes.
        if self.cues_label.styleSheet() != sheet:
            self.cues_label.setStyleSheet(sheet)

    def show_recovered(self, text: str) -> None:
        """Say that the show was restored after a crash (empty text hides it)."""
        self.recovered_label.setText(text)
        self.recovered_label.setVisible(bool(text))

    def show_clock(self, tod_ms: int) -> None:
        """The time of day, to the second: from each frame, and between two (Controller.clock_ticked)."""
        set_steady_text(self.clock_label, format_tod(tod_ms, seconds=True))

    def show_snapshot(self, snap: Snapshot) -> None:
        self.show_clock(snap.time_of_day_ms)
        set_steady_text(self.offset_label, show_offset_text(snap.over_under_ms))
        set_colour(self.offset_label, style.offset_colour(snap.over_under_ms))
        ends = translate("ControlWindow", "Ends %1 · planned %2")
        set_text(self.end_label, fill(ends, format_tod(snap.projected_end_ms), format_tod(snap.planned_end_ms)))
        # Coloured only when the times shown differ: a red "12:30 · planned 12:30" would read as a fault.
        late = format_tod(snap.projected_end_ms) != format_tod(snap.planned_end_ms)
        set_colour(self.end_label, style.offset_colour(snap.projected_end_ms - snap.planned_end_ms if late else 0))
        set_text(self.speed_label, fill(translate("ControlWindow", "Rehearsal ×%1"), f"{snap.speed:g}"))
        self.speed_label.setVisible(snap.speed != 1)
        self.blackout_label.setVisible(snap.blackout)
        self.projector_countdown_label.setVisible(snap.projector_countdown)
        other_day = bool(snap.event_date and snap.today and snap.event_date != snap.today)
        if other_day:
            set_text(self.date_label, fill(translate("ControlWindow", "agenda: %1 · today: %2"),
                                           snap.event_date, snap.today))
        self.date_label.setVisible(other_day)
        self.show_cues(self.cues_state)  # in the language chosen now
        stepped = snap.clock_step_ms != 0
        if stepped:
            sign = "+" if snap.clock_step_ms > 0 else "−"
            step = sign + format_countdown(abs(snap.clock_step_ms))
            set_text(self.clock_step_label, fill(translate(
                "ControlWindow", "System clock changed by %1: the show keeps its own time"), step))
        self.clock_step_label.setVisible(stepped)


#: The state badge beside the countdown: loud when the clock is NOT running.
_QUIET_BADGE = (f"color: {style.MUTED.name()}; border: 1px solid {style.BORDER.name()}; border-radius: 5px;"
                " padding: 3px 10px; font-size: 15px; font-weight: 700;")
_LOUD_BADGE = ("color: {ink}; background: {field}; border-radius: 5px; padding: 5px 14px;"
               " font-size: 20px; font-weight: 800;")
BADGE_STYLES = {
    "running": _QUIET_BADGE,
    "waiting": _QUIET_BADGE,
    "paused": _LOUD_BADGE.format(ink=style.WINDOW.name(), field=style.TEXT.name()),
    "ready": _LOUD_BADGE.format(ink=style.WINDOW.name(), field=style.ACCENT.name()),
}


def badge_style(state: str, scale: float) -> str:
    """The badge's style sheet at ``scale``: its sizes are in pixels like the window's."""
    sheet = BADGE_STYLES[state]
    for px in (20, 15, 14, 10, 5, 3):
        sheet = sheet.replace(f"{px}px", f"{{{px}}}")
    for px in (20, 15, 14, 10, 5, 3):
        sheet = sheet.replace(f"{{{px}}}", f"{style.scaled(px, scale)}px")
    return sheet


@dataclass(frozen=True)
class Face:
    """What the current-item panel shows at one instant."""

    section: str
    title: str
    people: str
    badge: str
    state: str  # a key of BADGE_STYLES
    countdown: str
    colour: QColor
    elapsed: str
    progress: float


def current_face(snap: Snapshot) -> Face:
    """Before the show, during an item, after the last: the panel's texts and colours."""
    current = snap.current
    if snap.stage == "welcome":
        first = snap.next
        starts = fill(translate("ControlWindow", "Starts at %1 · Space starts the first item"),
                      format_tod(snap.planned_start_ms))
        # The very digits the speaker sees (the core's): to the start, then how late it is.
        late = late_start(snap)
        return Face(snap.event_title, first.title if first else "", starts,
                    translate("ControlWindow", "BEFORE THE SHOW"), "waiting",
                    presenter_countdown(snap), QColor(style.NOTICE_WARN if late else style.MUTED),
                    translate("ControlWindow", "late start") if late else translate("ControlWindow", "to the start"),
                    0.0)
    if current is None:
        ended = fill(translate("ControlWindow", "Ended %1 · planned %2 · ← goes back to the last item"),
                     format_tod(snap.projected_end_ms), format_tod(snap.planned_end_ms))
        return Face(snap.event_title, translate("ControlWindow", "The show is over"), ended,
                    translate("ControlWindow", "CLOSED"), "waiting", "", QColor(style.MUTED), "", 1.0)
    people = " · ".join(part for part in (current.speaker_text, current.organisation) if part)
    if snap.resume_ms is not None:
        people = fill(translate("ControlWindow", "Resumes at %1"), format_tod(snap.resume_ms))
    colour = theme.phase_colour(snap.phase)
    if snap.running:
        badge, state = translate("ControlWindow", "RUNNING"), "running"
    elif snap.started:
        badge, state = translate("ControlWindow", "❚❚ PAUSED · Space resumes"), "paused"
    else:
        badge, state = translate("ControlWindow", "READY · Space starts"), "ready"
    if not snap.running:
        colour = theme.dimmed(colour, 0.55, style.PANEL)  # stopped digits look stopped
    elapsed = fill(translate("ControlWindow", "%1 of %2"), format_clock_seconds(snap.elapsed_ms // 1000),
                   format_countdown(snap.allotted_ms))
    if snap.allotted_ms != current.planned_duration_ms and current.kind != "break":
        planned = format_countdown(current.planned_duration_ms)
        elapsed += "  " + fill(translate("ControlWindow", "(planned %1)"), planned)
    return Face(current.section_title, current.title, people, badge, state, snap.countdown_text, colour, elapsed,
                snap.progress)


class CurrentPanel(QFrame):
    """The item on stage: title, speaker, the big countdown in its phase colour, progress, next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 8, 14, 10)
        column.setSpacing(3)
        # Agenda texts of any length: two lines for the title, one for the rest, cut with "…".
        self.section_label = ElidedLabel()
        self.section_label.setObjectName("muted")
        self.title_label = ElidedLabel(max_lines=2)
        self.title_label.setObjectName("itemTitle")
        self.speaker_label = ElidedLabel()
        for label in (self.section_label, self.title_label, self.speaker_label):
            column.addWidget(label)
        middle = QHBoxLayout()
        self.countdown_label = SteadyLabel(style.PANEL)
        self.countdown_label.setObjectName("countdown")
        self.countdown_label.setFont(fonts.countdown_font(style.COUNTDOWN_PX))
        # Running or not must be obvious from across the desk: a big badge beside the digits.
        self.state_badge = QLabel()
        self.state_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_badge.setWordWrap(True)  # two lines rather than a window too wide for a laptop
        self.elapsed_label = SteadyLabel(style.PANEL)
        self.elapsed_label.setObjectName("elapsed")
        self.elapsed_label.setFont(fonts.countdown_font(style.BASE_PX + 1, QFont.Weight.Normal))
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The badge above the elapsed time, beside the digits: the row stays narrow enough for a
        # 800 px window, and the digits can never be drawn over the badge.
        middle.addWidget(self.countdown_label, 0, Qt.AlignmentFlag.AlignVCenter)
        middle.addSpacing(16)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addStretch(1)
        side.addWidget(self.state_badge, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.elapsed_label, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        middle.addLayout(side)
        middle.addStretch(1)
        column.addLayout(middle, 1)
        self.progress = ProgressStrip(style.PANEL)
        column.addWidget(self.progress)
        self.next_label = ElidedLabel()
        self.next_label.setObjectName("muted")
        self.note_label = ElidedLabel()
        self.note_label.setObjectName("muted")
        column.addWidget(self.next_label)
        column.addWidget(self.note_label)
        self._progress_shown: tuple[str, str] | None = None
        self._scale = 1.0

    def set_scale(self, scale: float) -> None:
        """Draw the badge at ``scale`` (the window's style sheet scales the rest)."""
        self._scale = scale
        state = self.state_badge.property("state")
        if state in BADGE_STYLES:
            self.state_badge.setStyleSheet(badge_style(str(state), scale))
        for label in (self.countdown_label, self.elapsed_label):
            label.setProperty("steadyShape", None)  # measured again in the new size
            text = label.text()
            label.setText("")
            set_steady_text(label, text)

    def countdown_colour(self) -> QColor:
        """The colour the big countdown is drawn in now."""
        return QColor(str(self.countdown_label.property("colour")))

    def show_snapshot(self, snap: Snapshot) -> None:
        face = current_face(snap)
        set_text(self.section_label, face.section)
        set_text(self.title_label, face.title)
        set_text(self.speaker_label, face.people)
        set_text(self.state_badge, face.badge)
        if self.state_badge.property("state") != face.state:
            self.state_badge.setProperty("state", face.state)
            self.state_badge.setStyleSheet(badge_style(face.state, self._scale))
        set_steady_text(self.countdown_label, face.countdown)
        set_colour(self.countdown_label, face.colour)
        set_steady_text(self.elapsed_label, face.elapsed)
        # The bar steps with the digits, as on the presenter screen: not between two seconds.
        if self._progress_shown != (face.countdown, snap.phase):
            self._progress_shown = (face.countdown, snap.phase)
            self._show_progress(face.progress, snap.phase)
        upcoming = snap.next if snap.stage == "live" else None
        next_text = ""
        if upcoming is not None:
            who = upcoming.speaker_text or upcoming.organisation
            next_text = fill(translate("ControlWindow", "Next at %1: %2"), format_tod(upcoming.projected_start_ms),
                             upcoming.title + (f" · {who}" if who else ""))
        set_text(self.next_label, next_text)
        note = snap.current.note if snap.current is not None else ""
        set_text(self.note_label, fill(translate("ControlWindow", "Note: %1"), note) if note else "")
        self.note_label.setVisible(bool(note))

    def _show_progress(self, progress: float, phase: str) -> None:
        self.progress.set_value(round(progress * PROGRESS_RANGE), theme.phase_colour(phase))


#: The message bar while the speaker is being shown a message.
MESSAGE_ON = (f"QFrame#panel {{ background: {theme.MESSAGE_BACKGROUND.name()}; "
              f"border: 1px solid {style.ACCENT.name()}; }}")


class MessageBar(QFrame):
    """What the speaker is being told right now, with a button (and Esc) to clear it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 3, 6, 3)
        caption = QLabel(translate("ControlWindow", "Message to speaker:"))
        caption.setObjectName("muted")
        self.message_label = ElidedLabel()
        # A message belongs to the item it was sent during, unless pinned: say which.
        self.lifetime_label = ElidedLabel(natural=True)
        self.lifetime_label.setObjectName("muted")
        self.clear_button = QPushButton(translate("ControlWindow", "Clear  (Esc)"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(caption)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.lifetime_label)
        row.addWidget(self.clear_button)

    _scale = 1.0

    def set_scale(self, scale: float) -> None:
        """The message's own size at ``scale``; drawn again at the next snapshot."""
        self._scale = scale
        self.setProperty("on", None)

    def add_button(self, button: QWidget) -> None:
        """A button that acts on the message (Pin, P), before Clear."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.clear_button), button)

    def show_snapshot(self, snap: Snapshot) -> None:
        set_text(self.message_label, snap.message or translate("ControlWindow", "none"))
        on = bool(snap.message)
        if not on:
            lifetime = ""
        elif snap.message_pinned:
            lifetime = translate("ControlWindow", "pinned: stays on the next item (P unpins)")
        else:
            lifetime = translate("ControlWindow", "clears at the next item (P pins)")
        set_text(self.lifetime_label, lifetime)
        if self.property("on") != on:
            self.setProperty("on", on)
            # While the speaker reads a message the bar says so, loudly enough to be cleared in time.
            self.setStyleSheet(MESSAGE_ON if on else "")
            self.message_label.setStyleSheet(
                f"font-size: {style.scaled(16, self._scale)}px; font-weight: 700;"
                if on else f"color: {style.DONE.name()};")
        self.clear_button.setEnabled(on)
