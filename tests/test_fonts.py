"""The bundled Pretendard: loaded, covering every Korean title, with tabular digits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import (
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QRawFont,
)

from stagetimer.ui.common import fonts
from stagetimer.ui.common.digits import Digits
from stagetimer.ui.common.refcount_guard import protect_none
from tests.snapshots_factory import LONG_EVENT_TITLE, LONG_TITLES, MESSAGE
from tools.demo_show import bundled_agenda

# PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call
# (see stagetimer/ui/refcount_guard.py); these tests paint a lot.
protect_none()


@pytest.fixture(autouse=True)
def _app(qapp):
    fonts.load_fonts()


def test_the_bundled_family_is_registered_under_its_name() -> None:
    assert fonts.family() == "Pretendard"
    assert "Pretendard" in QFontDatabase.families()
    assert {"Regular", "SemiBold", "Bold"} <= set(QFontDatabase.styles("Pretendard"))


def test_loading_twice_adds_nothing() -> None:
    before = QFontDatabase.families()
    assert fonts.load_fonts() == ["Pretendard"]
    assert QFontDatabase.families() == before


def test_a_font_asked_for_resolves_to_pretendard_not_a_fallback() -> None:
    # The machine has no Korean system font: anything else would draw boxes.
    font = fonts.text_font(40, fonts.QFont.Weight.Bold)
    assert QFontInfo(font).family() == "Pretendard"
    assert font.pixelSize() == 40


def test_every_character_of_the_agenda_and_the_screens_is_in_the_font() -> None:
    agenda = bundled_agenda()
    texts = [agenda.event.title, agenda.event.venue, agenda.event.subtitle, MESSAGE, LONG_EVENT_TITLE, *LONG_TITLES]
    texts += [agenda.section_title(item.section_id) for item in agenda.items]
    texts += [" ".join((item.title, item.organisation, *item.speakers)) for item in agenda.items]
    metrics = QFontMetrics(fonts.text_font(32))
    raw = QRawFont.fromFont(fonts.text_font(32))
    missing = {char for text in texts for char in text if not char.isspace() and not metrics.inFontUcs4(ord(char))}
    assert missing == set()
    assert all(raw.supportsCharacter(ord(char)) for char in "가나다한글휴식감사합니다")


def test_countdown_fonts_ask_for_tabular_figures_and_get_them() -> None:
    font = fonts.countdown_font(200)
    assert fonts.has_tabular(font)
    tabular = QFontMetricsF(font)
    # With tnum every digit has one width, so 1:11 is as wide as 0:00 and nothing jiggles.
    assert tabular.horizontalAdvance("1") == tabular.horizontalAdvance("0") == tabular.horizontalAdvance("8")
    proportional = QFontMetricsF(fonts.text_font(200, fonts.QFont.Weight.DemiBold))
    assert proportional.horizontalAdvance("1") < proportional.horizontalAdvance("0")
    assert not fonts.has_tabular(fonts.text_font(200))


def test_the_countdown_digits_use_the_tabular_font() -> None:
    layout = Digits().layout("9:59", 1800, 600)
    assert fonts.has_tabular(layout.font)
    assert layout.font.family() == "Pretendard"
