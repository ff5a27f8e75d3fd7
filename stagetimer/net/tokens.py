"""The two keys to the show on the network: a viewer token and a control token.

A view URL carries only the viewer token (a projector link passed around
the venue opens no door); commands need the control token. Both are random,
kept in the show's state folder readable by this user only, and made anew
on demand, which turns every old link off at once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from stagetimer.core.show.journal import atomic_write_text

#: The file in the show's state folder.
TOKENS_FILE = "network-tokens.json"
#: 128 random bits each, URL-safe.
TOKEN_BYTES = 16


@dataclass(frozen=True)
class Tokens:
    viewer: str
    control: str

    @classmethod
    def new(cls) -> Tokens:
        import secrets  # here, not at start: it loads OpenSSL's libcrypto (3 MB) for a show that may never serve

        return cls(secrets.token_urlsafe(TOKEN_BYTES), secrets.token_urlsafe(TOKEN_BYTES))

    def access(self, offered: str | None) -> str:
        """What a token grants: "control", "viewer" or "" (compared in constant time)."""
        if not offered:
            return ""
        import hmac  # (only the server asks; see new())

        given = offered.encode("utf-8", "replace")
        if hmac.compare_digest(given, self.control.encode()):
            return "control"
        if hmac.compare_digest(given, self.viewer.encode()):
            return "viewer"
        return ""


def load_tokens(state_dir: Path) -> Tokens:
    """The show's tokens, made and saved (user-only) the first time or when the file is damaged."""
    path = state_dir / TOKENS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        tokens = Tokens(str(data["viewer"]), str(data["control"]))
        if len(tokens.viewer) >= 16 and len(tokens.control) >= 16 and tokens.viewer != tokens.control:
            if os.name == "posix" and path.stat().st_mode & 0o077:
                path.chmod(0o600)  # someone widened it: a token others can read is no token
            return tokens
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return regenerate_tokens(state_dir)


def regenerate_tokens(state_dir: Path) -> Tokens:
    """New tokens, saved at once: every link and remote made with the old ones stops working."""
    tokens = Tokens.new()
    text = json.dumps({"viewer": tokens.viewer, "control": tokens.control}, indent=2) + "\n"
    atomic_write_text(state_dir / TOKENS_FILE, text, private=True)
    return tokens
