"""The cue sounds, synthesised: the same samples on every machine, no sound files to license.

Each sound is a few sine partials under an exponential decay, with a short
raised-cosine attack and a fade at the end so nothing clicks, scaled to a
peak of :data:`PEAK` of full scale so nothing clips. The recipe is pure
arithmetic (``math`` and ``array``), so the output is byte-for-byte
deterministic. Synthesis takes ~120 ms in pure Python, so ``tools/make_cue_sounds.py``
writes them once as WAV files (``stagetimer/net/static/sounds/``, committed;
a test checks they are what this recipe makes): the browser's presenter view
plays those files, and the app reads them (:func:`load`, well under a
millisecond) when cues are on.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

#: Where the generated WAV files are: served to the browser (net/static), read by the app.
#: Named by path, not by importing net.server: that would load aiohttp with the app.
SOUNDS_DIR = Path(__file__).resolve().parents[2] / "net" / "static" / "sounds"

#: Samples per second: ample for tones below 3 kHz, and small WAV files for the browser.
RATE = 24_000
#: The loudest sample, as a share of full scale: loud enough to hear, far from clipping.
PEAK = 0.7
#: Attack and final fade, in seconds: shorter clicks, longer blurs the onset.
ATTACK_S = 0.004
FADE_S = 0.03


@dataclass(frozen=True)
class Tone:
    """One struck note: when it starts, its pitch, partials (ratio, level) and how fast it dies away."""

    at_s: float
    hz: float
    partials: tuple[tuple[float, float], ...]
    decay_s: float  # time constant of the exponential decay
    length_s: float  # hard end of the note (the fade is inside it)


_BELL = ((1.0, 1.0), (2.0, 0.35), (3.01, 0.12))
_PIP = ((1.0, 1.0), (2.0, 0.08))
_GONG = ((1.0, 1.0), (1.48, 0.55), (2.09, 0.35), (2.76, 0.2), (3.51, 0.08))

#: The sounds the agenda may name (model.SOUNDS): distinct in rhythm and register, each under a second.
RECIPES: dict[str, tuple[Tone, ...]] = {
    # Soft, descending two-tone bell: "heads up".
    "chime": (Tone(0.0, 880.0, _BELL, 0.22, 0.45), Tone(0.16, 659.25, _BELL, 0.28, 0.74)),
    # Two quick, brighter pips: more urgent.
    "double": (Tone(0.0, 1046.5, _PIP, 0.08, 0.12), Tone(0.18, 1046.5, _PIP, 0.08, 0.12)),
    # Low, long and inharmonic: time is up.
    "gong": (Tone(0.0, 196.0, _GONG, 0.32, 0.95),),
    # One short pip, for whoever wants the least.
    "pip": (Tone(0.0, 987.77, _PIP, 0.07, 0.12),),
}


def _note(tone: Tone, rate: int) -> list[float]:
    count = int(tone.length_s * rate)
    attack, fade = ATTACK_S * rate, FADE_S * rate
    out = []
    for n in range(count):
        t = n / rate
        level = math.exp(-t / tone.decay_s)
        if n < attack:
            level *= 0.5 - 0.5 * math.cos(math.pi * n / attack)
        if n > count - fade:
            level *= 0.5 - 0.5 * math.cos(math.pi * (count - n) / fade)
        out.append(level * sum(gain * math.sin(2 * math.pi * tone.hz * ratio * t) for ratio, gain in tone.partials))
    return out


def synthesise(name: str, rate: int = RATE) -> array:
    """Mono signed 16-bit samples of sound ``name`` (KeyError for an unknown one)."""
    tones = RECIPES[name]
    length = max(int((tone.at_s + tone.length_s) * rate) for tone in tones)
    mix = [0.0] * length
    for tone in tones:
        start = int(tone.at_s * rate)
        for offset, value in enumerate(_note(tone, rate)):
            mix[start + offset] += value
    top = max(abs(value) for value in mix) or 1.0
    scale = PEAK * 32767 / top
    return array("h", (round(value * scale) for value in mix))


def wav_bytes(samples: array, rate: int = RATE) -> bytes:
    """The samples as a mono 16-bit WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes() if sys.byteorder == "little" else _swapped(samples))
    return buffer.getvalue()


def wav_path(name: str) -> Path:
    return SOUNDS_DIR / f"{name}.wav"


def load(name: str) -> array:
    """The samples of sound ``name`` from its WAV file (mono, 16-bit, :data:`RATE`)."""
    with wave.open(str(wav_path(name)), "rb") as source:
        if (source.getnchannels(), source.getsampwidth(), source.getframerate()) != (1, 2, RATE):
            raise ValueError(f"{name}.wav is not mono 16-bit at {RATE} Hz")
        samples = array("h", source.readframes(source.getnframes()))
    if sys.byteorder != "little":
        samples.byteswap()
    return samples


def _swapped(samples: array) -> bytes:
    """WAV is little-endian: a big-endian machine's samples are byte-swapped first."""
    copy = array("h", samples)
    copy.byteswap()
    return copy.tobytes()
