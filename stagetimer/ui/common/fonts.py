"""The bundled Pretendard: the only font the stage screens draw with.

A fresh machine (and the venue's laptop) may have no Korean font at all, so
Hangul would render as empty boxes unless the app brings its own. Pretendard
(SIL OFL, licence beside the files in assets/fonts) covers Hangul and Latin
and has tabular figures, which every countdown uses so the digits never
jiggle as they change.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from stagetimer import resources

log = logging.getLogger(__name__)

#: The family name the bundled files register under.
FAMILY = "Pretendard"
#: OpenType feature: tabular (fixed-width) figures.
TNUM = "tnum"
FONT_SUFFIXES = (".otf", ".ttf")


def load_fonts(directory: Path | None = None) -> list[str]:
    """Register the bundled font files with Qt (needs a QGuiApplication).

    Safe to call more than once: when the family is already known nothing is
    loaded again, so views and tests can call it without coordinating.
    Returns the families now available from the bundle.
    """
    if FAMILY in QFontDatabase.families():
        return [FAMILY]
    folder = resources.fonts_dir() if directory is None else directory
    families: list[str] = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            # logging, not a Qt warning: a missing weight must not stop a show.
            log.error("could not load font %s", path)
            continue
        families.extend(name for name in QFontDatabase.applicationFontFamilies(font_id) if name not in families)
    if FAMILY not in families:
        log.error("the bundled %s font was not found in %s; Korean may render as boxes", FAMILY, folder)
    return families


def family() -> str:
    """The family every view draws with (loading the bundle first if needed)."""
    load_fonts()
    return FAMILY


def text_font(pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """Pretendard at ``pixel_size`` px: pixels, not points, since views size by their height."""
    font = QFont(family())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    # Full hinting snaps big stage type to the pixel grid and distorts it.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def set_tabular(font: QFont) -> QFont:
    """Turn on tabular figures in ``font`` (in place) and return it."""
    if hasattr(font, "setFeature"):  # Qt ≥ 6.7; older Qt falls back to proportional digits
        font.setFeature(QFont.Tag(TNUM), 1)
    return font


def has_tabular(font: QFont) -> bool:
    """True if ``font`` asks for tabular figures."""
    if not hasattr(font, "featureValue"):
        return False
    tag = QFont.Tag(TNUM)
    return font.isFeatureSet(tag) and font.featureValue(tag) == 1


def countdown_font(pixel_size: float, weight: QFont.Weight = QFont.Weight.DemiBold) -> QFont:
    """The font for every countdown and clock: Pretendard with tabular digits."""
    return set_tabular(text_font(pixel_size, weight))
