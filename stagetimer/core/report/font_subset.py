"""The report's font, cut down to the characters the report uses.

The whole of Pretendard is about 1.5 MB a weight: embedded in full, a
one-page report was 4.2 MB. A report uses a few hundred characters, and a
font holding just those is a few tens of kB. fontTools (the standard font
toolkit) does the cutting; the result is WOFF (zlib, no further library).

Pretendard is under the SIL Open Font License with "Pretendard" as a
Reserved Font Name, and a subset is a modified version: it is renamed inside
(``StageTimer Report Sans``) and keeps the copyright and licence entries of
the original's name table, which the licence asks to travel with it.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

#: Always in the subset, whatever the page says: digits and Latin for anything a browser adds.
BASE_CHARACTERS = "".join(chr(code) for code in range(0x20, 0x7F)) + "±−–—·…→×©"
#: The name inside the subset (the OFL keeps "Pretendard" for the original only).
SUBSET_FAMILY = "StageTimer Report Sans"
#: name-table entries renamed (family, full name, PostScript name, unique id, typographic family).
_NAME_IDS = (1, 3, 4, 6, 16)


def subset_woff(font_path: Path, text: str) -> bytes:
    """The font at ``font_path`` holding only ``text``'s characters (and BASE_CHARACTERS), as WOFF."""
    font = TTFont(str(font_path), lazy=True)
    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = ["*"]  # keeps 0 (copyright), 13 and 14 (the licence and its address)
    options.layout_features = ["*"]  # tabular figures (tnum) and Hangul shaping stay
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text + BASE_CHARACTERS))))
    subsetter.subset(font)
    _rename(font)
    font.flavor = "woff"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(font: TTFont) -> None:
    style = font["name"].getDebugName(2) or "Regular"
    for record in font["name"].names:
        if record.nameID in _NAME_IDS:
            if record.nameID == 6:
                value = SUBSET_FAMILY.replace(" ", "") + "-" + style.replace(" ", "")
            elif record.nameID in (3, 4):
                value = f"{SUBSET_FAMILY} {style}"
            else:
                value = SUBSET_FAMILY
            record.string = value
    if "CFF " in font:  # the CFF table names the font too
        cff = font["CFF "].cff
        cff.fontNames = [SUBSET_FAMILY.replace(" ", "") + "-" + style.replace(" ", "")]
