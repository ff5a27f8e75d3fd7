"""Write the cue sounds as WAV files into stagetimer/net/static/sounds/ (run after changing the recipe).

    .venv/bin/python -m tools.make_cue_sounds

The files are committed: the browser's presenter view plays them and the app
reads them. tests/test_cue_player.py fails when they differ from the recipe.
"""

from __future__ import annotations

from stagetimer.core.agenda.model import SOUNDS
from stagetimer.ui.cues.sounds import SOUNDS_DIR, synthesise, wav_bytes, wav_path


def main() -> None:
    SOUNDS_DIR.mkdir(exist_ok=True)
    for name in SOUNDS:
        data = wav_bytes(synthesise(name))
        wav_path(name).write_bytes(data)
        print(f"{wav_path(name)}: {len(data)} bytes")


if __name__ == "__main__":
    main()
