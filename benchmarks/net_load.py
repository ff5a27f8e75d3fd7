"""The network load of ``run.py --net-clients``: the show served on loopback, benchmarks/net_clients.py against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def start_load(parts: Any, load: dict[str, subprocess.Popen[str]], clients: int, rate: float,
               seconds: float) -> None:
    """Serve the show on loopback and start the clients' process against it."""
    serving = parts.serving
    if not serving.start("127.0.0.1", 0):
        sys.exit(f"benchmark: the network server did not start: {serving.error}")
    tokens = serving.tokens
    base = serving.server.address.base_url()
    # The clients ramp up (~5 s) and settle (2 s) first; the commands end before the measured run does.
    command_seconds = max(5.0, seconds - 15)
    load["clients"] = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "net_clients.py"), base, tokens.viewer, tokens.control,
         "--clients", str(clients), "--rate", str(rate), "--seconds", str(command_seconds)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_load(load: dict[str, subprocess.Popen[str]], parts: Any) -> dict[str, Any]:
    """Wait for the clients' figures and stop serving."""
    process = load["clients"]
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    parts.serving.stop()
    if process.returncode != 0 or not out.strip():
        return {"error": err[-2000:]}
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result
