"""The audio output of the cues: one device, opened once, fed by a callback that never waits.

miniaudio (PyPI ``miniaudio``, pyminiaudio) plays through the system's own
audio API — WASAPI on Windows, Core Audio on macOS, PulseAudio or ALSA on
Linux — from wheels that bundle the C library, so nothing else needs
installing. It is imported only when an agenda turns cues on.

The device runs its own thread and asks for a period of samples every
:data:`PERIOD_MS`; :meth:`MiniaudioOutput.play` only swaps which sound that
callback reads next (one reference, atomic under the GIL), so the tick that
announced the transition never waits for audio, and the sound reaches the
device at the next period: within PERIOD_MS of the call. The sounds are
decoded once, before the show needs them.
"""

from __future__ import annotations

import logging
import os
import time
from array import array
from collections.abc import Callable, Generator, Mapping
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: How much audio each callback hands the device: the most a cue waits for it.
PERIOD_MS = 10
#: Names a miniaudio backend to use instead of the system's default order ("null": no sound, for
#: tests and machines without a sound card; "pulseaudio", "alsa", "wasapi"…).
BACKEND_VARIABLE = "STAGETIMER_AUDIO_BACKEND"
#: Frames of silence, per period, made once.
_SILENCE_CACHE: dict[int, array] = {}


class SoundOutput(Protocol):
    """Plays named sounds without blocking (the bell's only need of an audio library)."""

    def play(self, name: str) -> None: ...

    def close(self) -> None: ...


class MiniaudioOutput:
    """A playback device, open from construction to :meth:`close`, that plays one sound at a time.

    ``on_audible`` (for the benchmark) is called from the audio thread with
    the sound's name and ``time.perf_counter()`` when the first period
    holding a new sound is handed to the device.
    """

    def __init__(self, sounds: Mapping[str, array], rate: int, backends: list[str] | None = None,
                 on_audible: Callable[[str, float], None] | None = None) -> None:
        import miniaudio  # only when cues are on: nothing else of the app needs it

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
        stream = self._stream()
        next(stream)
        self._device.start(stream)

    def play(self, name: str) -> None:
        """Start sound ``name`` at the device's next period (a sound still playing is cut)."""
        if name in self._sounds:
            self._queued = (self._queued[0] + 1, name)

    def close(self) -> None:
        self._device.close()

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
