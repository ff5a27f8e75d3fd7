"""What a running show keeps out of its memory, and what that must not change for the user.

Each module named here costs resident memory in every show and does nothing
for it (docs/benchmark.md, issue 13). The tests run the app in a process of
its own, since this test process has imported far more than a show does.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stagetimer import statedir

REPO = Path(__file__).resolve().parents[1]

#: OpenSSL (libcrypto, libssl) comes in through any of these; a show needs none of them.
OPENSSL_DOORS = ("hashlib", "_hashlib", "ssl", "_ssl", "urllib.request", "http.client")
#: Needed only when the operator switches language (the catalogue's XML) or an agenda has a misspelt key.
ON_DEMAND = ("xml.etree.ElementTree", "difflib")

SHOW_WITH_CUES = """
import argparse, json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from stagetimer.core.agenda.loader import load_agenda
from stagetimer.ui.app import build_app
folder = Path(tempfile.mkdtemp())
agenda = load_agenda(Path('agenda.yaml'))
assert agenda.cues.any, 'the bundled agenda turns cues on'
options = argparse.Namespace(speed=1.0, lang=None, windowed=False, presenter_screen=None, projector_screen=None)
settings = QSettings(str(folder / 's.ini'), QSettings.Format.IniFormat)
parts = build_app(Path('agenda.yaml'), agenda, options, settings=settings, state_dir=folder / 'state')
import time
deadline = time.monotonic() + 5
while 'miniaudio' not in sys.modules and time.monotonic() < deadline:  # the bell opens its device 250 ms in
    QApplication.processEvents()
    time.sleep(0.01)
opened = 'miniaudio' in sys.modules
loaded = [name for name in %r if name in sys.modules]
with open('/proc/self/maps') as maps:
    libraries = sorted({line.split()[-1].rsplit('/', 1)[-1] for line in maps
                        if 'libcrypto' in line or 'libssl' in line})
import urllib.request, miniaudio
print(json.dumps({'opened': opened, 'loaded': loaded, 'libraries': libraries,
                  'stream_client': miniaudio.urllib.request.urlopen is urllib.request.urlopen}))
parts.abandon()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_a_show_with_cues_loads_no_openssl_and_nothing_it_needs_only_on_demand(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "STAGETIMER_AUDIO_BACKEND": "null",
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SHOW_WITH_CUES % (OPENSSL_DOORS + ON_DEMAND,)], capture_output=True,
                            check=False, text=True, cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["opened"], "the cues' audio library was imported (what brought OpenSSL in before)"
    assert found["loaded"] == []
    assert found["libraries"] == []
    assert found["stream_client"], "miniaudio's own URL streams still find the real urllib.request"


def test_a_shows_state_folder_keeps_the_name_earlier_versions_gave_it(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    """Versions before issue 13 named it with hashlib's SHA-1: a journal there must still be found."""
    monkeypatch.setattr(statedir, "platform_data_dir", lambda: tmp_path / "data")
    agenda = tmp_path / "행사" / "agenda 2025.yaml"
    earlier = hashlib.sha1(str(agenda.resolve()).encode("utf-8")).hexdigest()[:10]
    assert statedir.state_dir_for(agenda) == tmp_path / "data" / "shows" / f"agenda-2025-{earlier}"


def test_checking_a_valid_agenda_loads_neither_qt_nor_the_spelling_suggester() -> None:
    script = (
        "import contextlib, io, json, sys\n"
        "from stagetimer.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['check', 'agenda.yaml'])\n"
        "print(json.dumps([code, sorted(m for m in sys.modules if m in ('difflib', 'PySide6'))]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False, text=True, cwd=REPO,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [0, []]


def test_a_misspelt_key_still_gets_its_did_you_mean() -> None:
    """The suggester is imported when it is needed: the user still reads the suggestion."""
    from stagetimer.core.agenda.errors import closest

    assert closest("titel", ("id", "kind", "title")) == "title"
