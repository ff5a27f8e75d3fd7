"""The audio output of the cues: one device, opened once, fed by a callback that never waits.

miniaudio (PyPI ``miniaudio``, pyminiaudio) plays through the system's own
audio API — WASAPI on Windows, Core Audio on macOS, PulseAudio or ALSA on
Linux — from wheels that bundle the C library, so nothing else needs
installing. It is imported only when an agenda turns cues on.

While a sound plays the device runs its own thread and asks for a period of
samples every :data:`PERIOD_MS`; :meth:`MiniaudioOutput.play` swaps which
sound that callback reads next (one reference, atomic under the GIL) and,
if the device was stopped to save the idle callbacks, starts it again — a
fraction of a millisecond, the first period follows within ~3 ms — so the
tick that announced the transition never waits for audio. The sounds are
decoded once, before the show needs them.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
import types
from array import array
from collections.abc import Callable, Generator, Mapping
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: How much audio each callback hands the device: the most a cue waits for it.
PERIOD_MS = 10
#: The device keeps running this long after a sound (cues close together need no restart).
IDLE_S = 0.5
#: How long the device runs (silent) when it is opened: PulseAudio's first pull comes late.
WARM_UP_S = 2.5
#: Names a miniaudio backend to use instead of the system's default order ("null": no sound, for
#: tests and machines without a sound card; "pulseaudio", "alsa", "wasapi"…).
BACKEND_VARIABLE = "STAGETIMER_AUDIO_BACKEND"
#: Frames of silence, per period, made once.
_SILENCE_CACHE: dict[int, array] = {}


class SoundOutput(Protocol):
    """Plays named sounds without blocking (the bell's only need of an audio library)."""

    def play(self, name: str) -> None: ...

    def close(self) -> None: ...


def import_miniaudio() -> Any:
    """The ``miniaudio`` module, imported without the URL client it imports at its top.

    miniaudio imports ``urllib.request`` for its internet-radio streams, which
    the cues never use; that module brings ``http.client``, ``email``,
    ``ssl`` and with it OpenSSL's libssl and libcrypto: ~4 MB resident in a
    running show and ~25 ms of import. An empty module stands in for it while
    miniaudio is imported and is removed afterwards, so anything that imports
    ``urllib.request`` later (miniaudio's own stream classes included) gets the
    real one. The stand-in lives for the import only, on the GUI thread, where
    the app's only other importer of ``urllib.request`` (aiohttp, when the
    Network menu starts serving) also runs; if that came first, the real module
    is used as it is.
    """
    if "miniaudio" in sys.modules or "urllib.request" in sys.modules:
        import miniaudio

        return miniaudio
    import urllib

    stand_in = types.ModuleType("urllib.request", "stands in while miniaudio is imported (import_miniaudio)")
    sys.modules["urllib.request"] = stand_in
    try:
        import miniaudio
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]
        if getattr(urllib, "request", None) is stand_in:
            delattr(urllib, "request")
    return miniaudio


class MiniaudioOutput:
    """A playback device, open from construction to :meth:`close`, that plays one sound at a time.

    ``on_audible`` (for the benchmark) is called from the audio thread with
    the sound's name and ``time.perf_counter()`` when the first period
    holding a new sound is handed to the device.
    """

    def __init__(self, sounds: Mapping[str, array], rate: int, backends: list[str] | None = None,
                 on_audible: Callable[[str, float], None] | None = None) -> None:
        miniaudio = import_miniaudio()  # only when cues are on: nothing else of the app needs it

        self._sounds = dict(sounds)
        self._queued: tuple[int, str] = (0, "")  # (play count, name): replaced whole, so never torn
        self._on_audible = on_audible
        try:
            chosen = [miniaudio.Backend[name.upper()] for name in backends] if backends else None
        except KeyError as unknown:
            known = ", ".join(backend.name.lower() for backend in miniaudio.Backend)
            raise OSError(f"no audio backend {unknown} (miniaudio has {known})") from None
        try:
            self._device: Any = miniaudio.PlaybackDevice(
                output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate,
                buffersize_msec=PERIOD_MS, backends=chosen, app_name="StageTimer")
        except miniaudio.MiniaudioError as error:  # no device, or a driver refusing
            raise OSError(f"cannot open an audio device: {error}") from error
        self.backend: str = str(getattr(self._device, "backend", ""))
        self._rate = rate
        self._lock = threading.Lock()
        self._running = False
        self._stop_at = 0.0
        self._stopper: threading.Timer | None = None
        # Run once now: PulseAudio takes a second or two to pull from a new stream, and a
        # restart of this (stopped) device later takes ~3 ms. Silence until WARM_UP_S.
        with self._lock:
            self._start_locked(WARM_UP_S)
        # Closed before the interpreter winds down: a device still running then would call
        # back into Python for the GIL while the main thread waits for it to stop (a hang at exit).
        atexit.register(self.close)

    def play(self, name: str) -> None:
        """Start sound ``name`` at the device's next period (a sound still playing is cut).

        The device runs only around a sound: a callback every period costs about
        1 % of a core when idle, so it is stopped IDLE_S after the last sound
        ends, and started again (in about 3 ms) by the next.
        """
        sound = self._sounds.get(name)
        if sound is None:
            return
        with self._lock:
            if self._device is None:
                return
            self._queued = (self._queued[0] + 1, name)
            self._start_locked(len(sound) / self._rate + IDLE_S)

    @property
    def running(self) -> bool:
        """The device is pulling samples (around a sound); stopped in between."""
        return self._running

    def _start_locked(self, keep_s: float) -> None:
        """Run the device (if stopped) for at least ``keep_s`` more seconds. Holds the lock."""
        if not self._running:
            stream = self._stream()
            next(stream)
            self._device.start(stream)
            self._running = True
        self._stop_at = max(self._stop_at, time.monotonic() + keep_s)
        if self._stopper is not None:
            self._stopper.cancel()
        # Not from the audio thread: stopping a device from its own callback deadlocks.
        self._stopper = threading.Timer(self._stop_at - time.monotonic() + 0.01, self._stop_if_idle)
        self._stopper.daemon = True
        self._stopper.start()

    def _stop_if_idle(self) -> None:
        with self._lock:
            if self._running and self._device is not None and time.monotonic() >= self._stop_at:
                self._device.stop()
                self._running = False

    def close(self) -> None:
        """Stop and release the device (again: nothing)."""
        with self._lock:
            device, self._device = self._device, None
            if self._stopper is not None:
                self._stopper.cancel()
        if device is not None:
            device.close()
            atexit.unregister(self.close)

    def _stream(self) -> Generator[array, int, None]:
        """The device's callback: the current sound's next samples, silence when there is none."""
        seen = 0
        current: array | None = None
        position = 0
        frames = yield array("h")
        while True:
            count, name = self._queued
            if count != seen:
                seen, current, position = count, self._sounds[name], 0
                if self._on_audible is not None:
                    self._on_audible(name, time.perf_counter())
            if current is None:
                frames = yield _silence(frames)
                continue
            chunk = current[position:position + frames]
            position += frames
            if len(chunk) < frames:
                chunk.extend(_silence(frames - len(chunk)))
                current = None
            frames = yield chunk


def _silence(frames: int) -> array:
    silence = _SILENCE_CACHE.get(frames)
    if silence is None:
        silence = _SILENCE_CACHE[frames] = array("h", bytes(2 * frames))
    return silence


def open_output(sounds: Mapping[str, array], rate: int) -> SoundOutput | None:
    """The system's default output device, or None (logged) when there is none to open."""
    chosen = os.environ.get(BACKEND_VARIABLE, "").strip()
    try:
        return MiniaudioOutput(sounds, rate, backends=[chosen] if chosen else None)
    except (ImportError, OSError) as error:  # no library, no device, a driver refusing: the show goes on
        log.warning("no sound output for the cues: %s", error)
        return None
