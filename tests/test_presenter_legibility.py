"""The speaker's screen read from five metres: the text sizes actually drawn, in centimetres.

The rule: a capital letter (a Hangul syllable is taller still) must be at
least 1/200 of the reading distance, 2.5 cm at 5 m. The monitor is a 32-inch
16:9 panel at 1920×1080: 398 mm tall, 0.369 mm a pixel. The test renders the
real PresenterView for every item of the bundled agenda, records every text
it draws (font and box), takes the cap height of the font it was drawn in
from the font's own metrics, and converts it to centimetres on that panel.
Title, next item (its label too) and time of day must all pass; the digits
pass many times over.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from stagetimer.ui.common.refcount_guard import protect_none
from stagetimer.ui.common.textfit import FittedText
from stagetimer.ui.stage import presenter
from stagetimer.ui.stage.presenter import PresenterView
from tools.demo_show import DemoShow, demo_show

#: A 32-inch 16:9 panel is 398.5 mm tall; at 1080 lines a pixel is 0.369 mm.
MM_PER_PX = 398.5 / 1080
DISTANCE_MM = 5000
#: Cap height at least distance / 200.
MIN_CAP_MM = DISTANCE_MM / 200

protect_none()


@dataclass(frozen=True)
class Drawn:
    text: str
    rect: QRectF
    cap_mm: float


def cap_mm(fitted: FittedText) -> float:
    return QFontMetricsF(fitted.font).capHeight() * MM_PER_PX


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Drawn]:
    """Every fitted text the Presenter draws, with the cap height it is drawn at."""
    seen: list[Drawn] = []
    original_fitted, original_labelled = presenter.draw_fitted, presenter.draw_labelled

    def fitted(painter: QPainter, text: FittedText, rect: QRectF, *args: object) -> QRectF:
        seen.append(Drawn(" ".join(text.lines), QRectF(rect), cap_mm(text)))
        return original_fitted(painter, text, rect, *args)

    def labelled(painter: QPainter, text: FittedText, rect: QRectF, *args: object) -> None:
        seen.append(Drawn(" ".join(text.lines), QRectF(rect), cap_mm(text)))
        original_labelled(painter, text, rect, *args)

    monkeypatch.setattr(presenter, "draw_fitted", fitted)
    monkeypatch.setattr(presenter, "draw_labelled", labelled)
    return seen


def every_item() -> Iterator[tuple[str, DemoShow]]:
    """Each item of the bundled agenda, a minute into it."""
    count = len(DemoShow().agenda.items)
    for index in range(count):
        demo = DemoShow().run_to(index).wait(60_000)
        yield demo.agenda.items[index].id, demo


def sizes(view: PresenterView, demo: DemoShow, drawn: list[Drawn]) -> dict[str, float]:
    """Cap height in mm of the title, the next item and the clock as drawn at 1920×1080."""
    drawn.clear()
    view.resize(1920, 1080)
    view.show_frame(view.frame_of(demo.snapshot()))
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    view.paint(painter, QRectF(0, 0, 1920, 1080))
    painter.end()
    layout = view.current_layout()
    roles = {"title": layout.title, "next": layout.next, "clock": layout.clock}
    found: dict[str, float] = {}
    for role, rect in roles.items():
        caps = [d.cap_mm for d in drawn if d.rect == rect]
        if caps:
            found[role] = min(caps)
    return found


def test_title_next_item_and_clock_are_readable_from_five_metres(qtbot, drawn: list[Drawn]) -> None:
    view = PresenterView()
    qtbot.addWidget(view)
    too_small = []
    for item_id, demo in every_item():
        measured = sizes(view, demo, drawn)
        assert {"title", "clock"} <= set(measured), item_id
        if demo.snapshot().next is not None:
            assert "next" in measured, item_id
        too_small += [(item_id, role, round(mm, 1)) for role, mm in measured.items() if mm < MIN_CAP_MM]
    assert too_small == [], "\n".join(map(str, too_small))


def test_the_next_item_stays_readable_while_a_message_is_up(qtbot, drawn: list[Drawn]) -> None:
    view = PresenterView()
    qtbot.addWidget(view)
    measured = sizes(view, demo_show("message"), drawn)
    assert measured["next"] >= MIN_CAP_MM and measured["clock"] >= MIN_CAP_MM


def test_the_rule_in_pixels() -> None:
    # 2.5 cm of cap height is 68 px at 1080p on a 32-inch panel; the issue measured the old
    # next-item line at 45 px of font (about 1.2 cm of cap height): far below.
    assert round(MIN_CAP_MM / MM_PER_PX) == 68
