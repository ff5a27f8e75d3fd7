"""The commands that change what the screens show rather than where the show is.

A message to the speaker (and whether it is pinned), a flash, the
projector's blackout and its small countdown: each a toggle or a text on
the show's state, refused with a reason code when there is nothing to act on.
Mixed into :class:`~stagetimer.core.show.show.Show`, which dispatches to them.
"""

from __future__ import annotations

from typing import Any

from stagetimer.core.show.outcome import Refused
from stagetimer.core.show.state import ShowState

#: What a command did: an effect code and its parameters (see outcome.EFFECTS).
Effect = tuple[str, dict[str, Any]]


class ScreenCommands:
    """Message, pin, flash, blackout and the projector countdown."""

    state: ShowState

    def _do_message(self, now: int, text: str) -> Effect:
        text = text.strip()
        if not text:
            if not self.state.message:
                raise Refused("empty_message")
            return self._do_clear_message(now)
        state = self.state
        state.message, state.message_at_ms = text, now
        state.message_item = state.index if state.stage == "live" else None
        state.message_pinned = False
        return "message_shown", {"text": text}

    def _do_clear_message(self, now: int) -> Effect:
        if not self.state.message:
            raise Refused("no_message")
        self._clear_message()
        return "message_cleared", {}

    def _do_pin_message(self, now: int) -> Effect:
        if not self.state.message:
            raise Refused("no_message")
        self.state.message_pinned = not self.state.message_pinned
        return ("message_pinned" if self.state.message_pinned else "message_unpinned"), {"text": self.state.message}

    def _do_flash(self, now: int) -> Effect:
        self.state.flash_from_ms = now
        return "flashing", {}

    def _do_blackout(self, now: int) -> Effect:
        self.state.blackout = not self.state.blackout
        return ("blackout_on" if self.state.blackout else "blackout_off"), {}

    def _do_blackout_on(self, now: int) -> Effect:
        self.state.blackout = True
        return "blackout_on", {}

    def _do_blackout_off(self, now: int) -> Effect:
        self.state.blackout = False
        return "blackout_off", {}

    def _do_projector_countdown(self, now: int) -> Effect:
        self.state.projector_countdown = not self.state.projector_countdown
        return ("countdown_on" if self.state.projector_countdown else "countdown_off"), {}

    def _clear_message(self) -> None:
        state = self.state
        state.message, state.message_item, state.message_pinned = "", None, False
