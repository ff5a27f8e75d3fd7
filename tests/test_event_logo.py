"""``event.logo``: the one file an agenda names, checked where it is named.

A wrong logo must be a located error when the agenda is read (file:line:column),
never a blank corner or a placeholder in front of the audience.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from stagetimer.core.agenda.errors import AgendaError, AgendaInvalid
from stagetimer.core.agenda.loader import load_agenda
from stagetimer.core.agenda.logo_file import MAX_LOGO_BYTES, is_svg_head

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "logo.svg"
AGENDA = """\
event:
  title: 포럼
  start: "10:00"
  logo: {logo}
items:
  - id: a
    title: 개회사
    duration: 5m
"""
#: Where the logo value is written in AGENDA.
LOGO_AT = (4, 9)


def tiny_png() -> bytes:
    """A real 2×1 PNG, built by hand (no image library in the core's tests)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"\x00\xff\xff\xff\x00\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def agenda_with(folder: Path, logo: str) -> Path:
    path = folder / "forum.yaml"
    path.write_text(AGENDA.format(logo=logo), encoding="utf-8")
    return path


def logo_error(folder: Path, logo: str) -> AgendaError:
    with pytest.raises(AgendaInvalid) as caught:
        load_agenda(agenda_with(folder, logo))
    (error,) = caught.value.errors
    assert (error.line, error.column) == LOGO_AT and error.file.endswith("forum.yaml")
    return error


def test_a_logo_beside_the_agenda_is_found_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "로고.svg").write_bytes(FIXTURE.read_bytes())
    (tmp_path / "logo.PNG").write_bytes(tiny_png())
    monkeypatch.chdir("/")  # relative to the agenda file, not to where the app was started
    assert load_agenda(agenda_with(tmp_path, "brand/로고.svg")).event.logo == str(tmp_path / "brand" / "로고.svg")
    assert load_agenda(agenda_with(tmp_path, "logo.PNG")).event.logo == str(tmp_path / "logo.PNG")


def test_no_logo_means_none(tmp_path: Path) -> None:
    path = tmp_path / "forum.yaml"
    path.write_text(AGENDA.replace("  logo: {logo}\n", ""), encoding="utf-8")
    assert load_agenda(path).event.logo == ""


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.svg", None, "does not exist"),
        ("logo.jpg", b"\xff\xd8\xff", "not an .svg or .png"),
        ("logo", b"", "not an .svg or .png"),
        ("fake.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG"),
        ("fake.svg", b"\x89PNG\r\n\x1a\nrest", "not an SVG"),
        ("page.svg", b"<!DOCTYPE html><html><body>svg</body></html>", "not an SVG"),
        ("folder.svg", "dir", "not a file"),
        ("huge.png", "huge", "larger than 5 MB"),
        ("''", None, "empty"),
    ],
)
def test_every_bad_logo_is_a_located_error(tmp_path: Path, name: str, content: object, says: str) -> None:
    target = tmp_path / name
    if content == "dir":
        target.mkdir()
    elif content == "huge":
        target.write_bytes(tiny_png() + b"\x00" * MAX_LOGO_BYTES)
    elif isinstance(content, bytes):
        target.write_bytes(content)
    error = logo_error(tmp_path, name)
    assert says in error.message and "SVG or PNG" in error.expected
    if says == "does not exist":
        assert str(tmp_path) in error.message  # where it looked


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_logo_is_a_located_error(tmp_path: Path) -> None:
    target = tmp_path / "locked.svg"
    target.write_bytes(FIXTURE.read_bytes())
    target.chmod(0)
    try:
        assert "cannot be read" in logo_error(tmp_path, "locked.svg").message
    finally:
        target.chmod(0o644)


def test_svg_heads() -> None:
    assert is_svg_head(FIXTURE.read_bytes())
    assert is_svg_head(b"\xef\xbb\xbf<!-- a > b --><!DOCTYPE svg [<!ENTITY x 'y'>]>\n<svg>")
    assert not is_svg_head(b"<svgx/>") and not is_svg_head(b"\xff\xfe<\x00s\x00") and not is_svg_head(b"<!-- open")
