"""Fitting titles and countdowns: wrap at spaces, shrink to fit, never clip, never jump."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from stagetimer.ui.common import fonts
from stagetimer.ui.common.digits import Digits, pattern
from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.common.textfit import TextFitter, _balanced, wrap
from tests.snapshots_factory import LONG_EVENT_TITLE, LONG_TITLES

protect_none()  # see stagetimer/ui/refcount_guard.py


@pytest.fixture(autouse=True)
def _fonts(qapp) -> None:
    fonts.load_fonts()


@pytest.mark.parametrize("text", [LONG_EVENT_TITLE, *LONG_TITLES])
@pytest.mark.parametrize(("width", "height", "lines"), [(1700, 300, 3), (900, 120, 2), (300, 40, 2), (120, 20, 1)])
def test_fitted_text_stays_inside_its_box_with_every_word_whole(text: str, width: int, height: int, lines: int) -> None:
    fitted = TextFitter().fit(text, width, height, 100, max_lines=lines, min_px=8)
    assert len(fitted.lines) <= lines
    assert fitted.width <= width and fitted.height <= height
    # Korean keep-all: lines break between words, so joining them gives the title back.
    assert " ".join(fitted.lines) == text


def test_a_short_title_is_drawn_at_full_size_on_one_line() -> None:
    fitted = TextFitter().fit("축사", 1000, 200, 90, max_lines=2)
    assert fitted.pixel_size == 90 and fitted.lines == ("축사",)


def test_two_lines_are_balanced_rather_than_leaving_one_word_alone() -> None:
    title = LONG_TITLES[1]  # 안전하게 개인정보를 활용하기 위한 규제 특례 적용 방안
    font = fonts.text_font(60)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(title) * 0.9  # just too long for one line
    fitted = TextFitter().fit(title, width, 500, 60, max_lines=2)
    assert len(fitted.lines) == 2 and fitted.pixel_size == 60
    short, long = sorted(fitted.line_widths)
    assert short > 0.6 * long


def test_only_a_word_longer_than_the_box_is_split() -> None:
    metrics = QFontMetricsF(fonts.text_font(40))
    assert wrap("정보통신기술 규제", metrics, metrics.horizontalAdvance("정보통신기술") + 1) == ["정보통신기술", "규제"]
    pieces = wrap("한국지능정보사회진흥원", metrics, metrics.horizontalAdvance("한국지능") + 1)
    assert "".join(pieces) == "한국지능정보사회진흥원" and len(pieces) > 1


def test_fits_are_cached_per_box() -> None:
    fitter = TextFitter()
    first = fitter.fit(LONG_TITLES[0], 800, 200, 80, max_lines=2)
    assert fitter.fit(LONG_TITLES[0], 800, 200, 80, max_lines=2) is first
    assert fitter.fit(LONG_TITLES[0], 400, 200, 80, max_lines=2) is not first


def test_the_countdown_size_does_not_jump_when_minutes_lose_a_digit() -> None:
    digits = Digits()
    assert pattern("9:59") == "0:00" and pattern("+12:34") == "+00:00"
    ten = digits.layout("10:00", 1800, 540)
    nine = digits.layout("9:59", 1800, 540)
    over = digits.layout("+0:12", 1800, 540)
    assert ten.font.pixelSize() == nine.font.pixelSize() == over.font.pixelSize()
    # Only a longer pattern (an hour, or ten minutes over) shrinks to stay inside the box.
    assert digits.layout("1:00:00", 1800, 540).font.pixelSize() < ten.font.pixelSize()


@pytest.mark.parametrize("text", ["10:00", "+12:34", "1:05:00"])
def test_countdown_digits_fit_their_box(text: str, qapp) -> None:
    digits = Digits()
    image = QImage(2000, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    box = QRectF(100, 100, 1800, 600)
    ink = digits.draw(painter, text, box, QColor("white"), 560)
    painter.end()
    assert box.contains(ink)
    assert digits.width_of(text, digits.layout(text, 1800, 600, 560)) <= 1800


def test_a_650000_character_title_costs_a_bounded_amount_of_work() -> None:
    """Issue 9: such a title froze the GUI thread for 40 s. It is cut to MAX_CHARS before any layout."""
    import time

    from stagetimer.ui.common.textfit import MAX_CHARS

    for text in ("가" * 650_000, "word " * 130_000):
        started = time.process_time()
        fitted = TextFitter().fit(text, 1800, 400, 120, max_lines=3, min_px=40)
        assert time.process_time() - started < 10  # was > 40 s; a bound on the work, not a benchmark
        assert sum(len(line) for line in fitted.lines) <= MAX_CHARS


#: The bundled agenda's title that broke inside its parentheses ("모형(AI파운데이션 / 모델)").
PARENTHESISED = "인공지능 기초 모형(AI파운데이션 모델) 개발을 위한 학습용 데이터 구축"


@pytest.mark.parametrize("width_share", [0.3, 0.45, 0.6, 0.8])
def test_a_parenthesised_group_is_never_broken_between_lines(width_share: float) -> None:
    metrics = QFontMetricsF(fonts.text_font(60))
    width = metrics.horizontalAdvance(PARENTHESISED) * width_share
    fitted = TextFitter().fit(PARENTHESISED, width, 1000, 60, max_lines=4, min_px=10, keep_groups=True)
    assert " ".join(fitted.lines) == PARENTHESISED
    assert any("모형(AI파운데이션 모델)" in line for line in fitted.lines), fitted.lines
    for line in fitted.lines:
        assert line.count("(") == line.count(")"), fitted.lines


def test_a_group_wider_than_the_box_breaks_at_its_spaces_before_its_letters() -> None:
    metrics = QFontMetricsF(fonts.text_font(40))
    group = "(AI파운데이션 모델 학습용)"
    width = metrics.horizontalAdvance("(AI파운데이션 모델") + 1
    assert wrap(group, metrics, width, keep_groups=True) == ["(AI파운데이션 모델", "학습용)"]


def test_a_title_a_little_too_long_takes_one_wide_line_not_two_short_ones() -> None:
    title = LONG_TITLES[1]
    metrics = QFontMetricsF(fonts.text_font(100))
    width = metrics.horizontalAdvance(title) / 1.15  # 15 % too long at full size
    plain = TextFitter().fit(title, width, 400, 100, max_lines=3)
    assert len(plain.lines) == 2 and plain.width < 0.7 * width  # balanced: the right third empty
    wide = TextFitter().fit(title, width, 400, 100, max_lines=3, fewer_lines=0.8)
    assert wide.lines == (title,) and wide.width > 0.95 * width and wide.pixel_size >= 80
    far_too_long = TextFitter().fit(title, width / 1.6, 400, 100, max_lines=3, fewer_lines=0.8)
    assert len(far_too_long.lines) == 2 and far_too_long.pixel_size == 100  # two full-size lines still win


_WORDS = ["재난", "안전", "관제를", "위한", "지능형", "CCTV", "고도화", "(AI파운데이션", "모델)", "제2회", "Forum",
          "A", "x"]


@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), width=st.integers(20, 900),
       px=st.integers(8, 120), keep_groups=st.booleans())
@settings(max_examples=150, deadline=None)
def test_balancing_keeps_the_number_of_lines_so_the_size_search_need_not_balance(
    words: list[str], width: int, px: int, keep_groups: bool
) -> None:
    # The fitter searches sizes on unbalanced lines and balances only the size it chose: right only
    # if balancing never changes how many lines (and so how tall) the text is.
    text = " ".join(words)
    metrics = QFontMetricsF(fonts.text_font(px))
    lines = wrap(text, metrics, width, keep_groups)
    assert len(_balanced(text, metrics, width, len(lines), keep_groups)) == len(lines)
