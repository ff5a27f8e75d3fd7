"""The assembled app serving on loopback, and requests made to it as a browser or Companion would.

Requests are made from a worker thread: the app answers them on the Qt
thread, which a test blocking the Qt thread on a request would deadlock.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import urllib.error
import urllib.request
from typing import Any

from stagetimer.core.agenda.model import Agenda
from tests.agenda_factory import make_agenda

NINE = 9 * 3_600_000
#: One worker for every test's requests: they never run on the Qt thread.
POOL = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="http-client")


def korean_agenda() -> Agenda:
    agenda = make_agenda([("open", "remarks", "5m"), ("talk", "talk", "10m"), ("rest", "break", "10m")])
    return dataclasses.replace(agenda, event=dataclasses.replace(agenda.event, language="ko", title="포럼"))


def options(**overrides: object) -> argparse.Namespace:
    values = {"lang": None, "speed": 1.0, "windowed": True, "presenter_screen": None, "projector_screen": None,
              "serve": None}
    values.update(overrides)
    return argparse.Namespace(**values)


def fetch(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, dict[str, Any]]:
    """One request (on the calling thread): the status and the JSON answer, errors included."""
    request = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def request(url: str, method: str = "GET") -> concurrent.futures.Future[tuple[int, dict[str, Any]]]:
    """The request made on a worker thread; wait for it with ``qtbot.waitUntil(future.done)``."""
    return POOL.submit(fetch, url, method)
