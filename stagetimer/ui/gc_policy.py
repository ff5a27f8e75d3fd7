"""When Python's cyclic garbage collector may run: right after a frame is published, never before a flip.

CPython's collector runs whenever enough container objects have been
allocated, wherever the program is. In a running show that means sometimes
just before a second boundary; a full collection walks every object the app
holds (the Qt bindings, the agenda, the loaded modules: a few hundred
thousand) and kept the GUI thread busy for tens of milliseconds, so the tick
that should have flipped the second woke late (issue 13: 17 and 35 ms under
Xvfb). Reference counting frees almost everything at once anyway; the
collector only finds cycles, which can wait a fraction of a second.

So, for the running app only (``exec_app``, and the benchmark which measures
it), :class:`CollectAfterPublish`:

* keeps automatic collection off from the start of the run command
  (``cli/main.py`` turns it off before Qt is imported): start-up makes hundreds of thousands of
  objects and almost no garbage, and the interpreter's ~90 collections
  while building the windows cost ~40 ms of the first paint;
* a second after the event loop began (the windows have painted), collects
  once and freezes what start-up made (``gc.freeze``): modules, widgets and
  the agenda live as long as the app, and later collections no longer walk
  them;
* from then on collects, the same generations
  the interpreter would by its own thresholds, right after each publish of
  the display timer or of a command: the new frame is already painted, and
  the next boundary is as far away as it will ever be.

The display timer publishes at least once a second whatever the show does,
so garbage never waits much longer than that (a publish that finds the
count below the threshold schedules nothing; the next one looks again).
Tests build apps without it: a frozen heap in a test process would keep
every earlier test's objects.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from stagetimer.ui.controller import Controller

#: How long after the event loop starts the start-up heap is collected and frozen (the first paints are done).
SETTLE_MS = 1000


def generation_due(thresholds: tuple[int, int, int]) -> int:
    """The generation the interpreter would collect now that its young count has passed ``thresholds[0]``.

    Its own rule: the middle generation too when it has been collected ``thresholds[1]`` times since,
    and everything when the old one's count reaches ``thresholds[2]`` as well.
    """
    _young, middle, old = gc.get_count()
    if middle + 1 < thresholds[1]:
        return 0
    return 2 if old + 1 >= thresholds[2] else 1


class CollectAfterPublish(QObject):
    """Runs the cyclic collector just after the controller publishes, and only then."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self._thresholds = gc.get_threshold()
        self._pending = False
        self._settled = False
        self.collections = [0, 0, 0]  # per generation, for the benchmark
        gc.disable()
        controller.frames_changed.connect(self._after_publish)
        QTimer.singleShot(SETTLE_MS, self._settle)

    def _settle(self) -> None:
        gc.collect()
        gc.freeze()  # what start-up made lives as long as the app: never walked again
        self._settled = True

    def _after_publish(self, _frames: object) -> None:
        # After the slots of this publish, i.e. once the stage windows have painted the new frame.
        # Usually nothing is due: then no zero-timer either (a wake of the event loop, twice a second).
        if not self._pending and self._settled and gc.get_count()[0] >= self._thresholds[0]:
            self._pending = True
            QTimer.singleShot(0, self.collect)

    def collect(self) -> None:
        """Collect what the interpreter's own thresholds would have by now (usually generation 0).

        Scheduled only when the young count had passed its threshold at the publish: the
        interpreter would have collected then. The count is allocations less deallocations,
        so the paints and deferred deletions since may have brought it down again; it is not
        asked twice.
        """
        self._pending = False
        generation = generation_due(self._thresholds)
        gc.collect(generation)
        self.collections[generation] += 1

    def stop(self) -> None:
        """Automatic collection again, of everything (the event loop has ended)."""
        gc.unfreeze()
        gc.enable()
