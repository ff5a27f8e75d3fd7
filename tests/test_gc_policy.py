"""The running app's garbage collection: never on its own (before a flip), always just after a publish.

A collector pause right before a second boundary made a tick late (issue 13).
These check the policy, not a time: automatic collection stays off, the
start-up heap is frozen once the app has settled, cycles made while the show
runs are still freed after the next publish, and stopping gives the
interpreter its collector back.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from stagetimer.core.clock import FakeClock
from stagetimer.core.show.show import Show
from stagetimer.ui import gc_policy
from stagetimer.ui.controller import Controller
from tests.agenda_factory import make_agenda


class Node:
    """A container that can form a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def policy(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Controller, gc_policy.CollectAfterPublish]]:
    monkeypatch.setattr(gc_policy, "SETTLE_MS", 10)
    agenda = make_agenda([("a", "talk", "5m"), ("b", "talk", "10m")], start="09:00")
    controller = Controller(Show(agenda, FakeClock(tod_ms=9 * 3_600_000)))
    made = gc_policy.CollectAfterPublish(controller)
    try:
        qtbot.waitUntil(lambda: made._settled, timeout=2000)
        yield controller, made
    finally:
        made.stop()
        controller.stop()


def _cycle() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_no_automatic_collection_while_the_app_runs(policy) -> None:
    assert not gc.isenabled()
    assert gc.get_freeze_count() > 0  # the start-up heap is no longer walked


def test_a_cycle_made_during_the_show_is_freed_just_after_a_publish(qtbot, policy) -> None:
    controller, made = policy
    orphan = _cycle()
    # Well past the interpreter's threshold: a publish frees some containers of its own (the old frames).
    alive = [Node() for _ in range(3 * gc.get_threshold()[0])]
    assert orphan() is not None  # nothing collected it on its own
    counts = gc.get_count()
    controller.publish()
    qtbot.waitUntil(lambda: orphan() is None, timeout=10_000)
    assert sum(made.collections) >= 1, (counts, gc.get_threshold())
    assert len(alive) > 0


def test_no_collection_after_a_publish_below_the_threshold(qtbot, policy) -> None:
    controller, made = policy
    gc.collect(0)
    before = list(made.collections)
    controller.publish()
    qtbot.wait(20)
    assert made.collections == before


def test_stop_gives_the_interpreter_its_collector_back(policy) -> None:
    _controller, made = policy
    made.stop()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
