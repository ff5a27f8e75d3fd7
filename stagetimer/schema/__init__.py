"""The agenda file's JSON Schema, shipped inside the package.

Editors (through the ``# yaml-language-server: $schema=...`` line at the top
of an agenda) use it to complete keys and flag mistakes as they are typed;
the loader stays the authority that ``stagetimer check`` reports from. The
schema is package data so an installed wheel carries it too.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_NAME = "agenda.schema.json"


def schema_path() -> Path:
    """Where the schema file is on this machine (inside the installed package)."""
    # The package is never zipped (setuptools installs it as files), so the
    # traversable is a real path that an editor can be pointed at.
    return Path(str(resources.files(__name__).joinpath(SCHEMA_NAME)))


def load_schema() -> dict[str, Any]:
    """The schema as a dict, read fresh each time (it is small and rarely needed)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))
