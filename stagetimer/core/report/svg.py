"""The report's timeline chart: planned against actual, as inline SVG.

One row per item on a time-of-day axis: a thin grey bar where the item was
planned, and below it a bar for when it actually held the stage — blue for
its planned length, red for the part beyond it, hatched where it was
paused. Colours are attributes, not CSS classes, so the chart looks the
same pasted on its own into a document or an e-mail.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable

from stagetimer.core.report.report import ItemReport, Report
from stagetimer.core.report.text import label, offset, rehearsal_mark, tod
from stagetimer.core.report.timeline import Segment

WIDTH = 1240
LABEL_W = 330
RIGHT_W = 80
AXIS_H = 34
ROW_H = 27
LEGEND_H = 56
TICK_STEPS_MIN = (5, 10, 15, 30, 60, 120)
MAX_TICKS = 16
MIN_MS = 60_000

PLANNED = "#b9c0cb"
RUN = "#2f6fd6"
OVER = "#d93025"
PAUSED = "#8a94a6"
GRID = "#e3e6eb"
TEXT = "#1f2933"
MUTED = "#6b7280"
#: Maps a time of day (ms) to the chart's x coordinate.
Axis = Callable[[int], float]
#: A white outline behind small text, so grid and end lines never run through a figure.
HALO = ' stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text_width(text: str, size: float) -> float:
    """A rough width in px: wide (Hangul, CJK) glyphs are a full em, others about half."""
    return sum(size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.56 for ch in text)


def fit_text(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to about ``width`` px (SVG text cannot wrap or clip itself)."""
    if _text_width(text, size) <= width:
        return text
    cut = text
    while cut and _text_width(cut + "…", size) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _axis_range(report: Report) -> tuple[int, int, int]:
    """Start and end of the axis, on whole ticks, and the tick step (ms)."""
    times = [t for item in report.items for t in (item.planned_start_ms, item.planned_end_ms)]
    times += [t for item in report.items for s in item.segments for t in (s.start_ms, s.end_ms)]
    low, high = (min(times), max(times)) if times else (report.event.start_ms, report.event.end_ms)
    high = max(high, low + MIN_MS)
    for minutes in TICK_STEPS_MIN:
        step = minutes * MIN_MS
        first, last = low // step * step, -(-high // step) * step
        if (last - first) // step <= MAX_TICKS:
            return first, last, step
    step = TICK_STEPS_MIN[-1] * MIN_MS
    return low // step * step, -(-high // step) * step, step


def _split_over(item: ItemReport) -> list[tuple[Segment, str]]:
    """Each stretch on stage with its colour: the part past the planned length is red."""
    pieces: list[tuple[Segment, str]] = []
    used = 0
    for segment in item.segments:
        if not segment.running:
            pieces.append((segment, PAUSED))
            used += segment.length_ms
            continue
        cut = segment.start_ms + max(0, item.planned_duration_ms - used)
        if cut > segment.start_ms:
            pieces.append((Segment(segment.start_ms, min(cut, segment.end_ms), True), RUN))
        if cut < segment.end_ms:
            pieces.append((Segment(max(cut, segment.start_ms), segment.end_ms, True), OVER))
        used += segment.length_ms
    return pieces


def timeline_svg(report: Report, language: str) -> str:
    """The whole chart as one ``<svg>`` element."""
    first, last, step = _axis_range(report)
    chart_w = WIDTH - LABEL_W - RIGHT_W

    def x(ms: int) -> float:
        return round(LABEL_W + (ms - first) * chart_w / (last - first), 1)

    height = AXIS_H + ROW_H * len(report.items) + LEGEND_H
    bottom = AXIS_H + ROW_H * len(report.items)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{_esc(label(language, "timeline"))}">',
        f"<title>{_esc(label(language, 'timeline'))}</title>",
        '<defs><pattern id="paused-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#dfe3ea"/>'
        f'<rect width="3" height="6" fill="{PAUSED}"/></pattern></defs>',
    ]
    mark = rehearsal_mark(report, language)
    if mark:  # the chart may be pasted on its own: it says it is a rehearsal's
        out.append(f'<text class="rehearsal" x="8" y="{AXIS_H - 12}" font-size="14" font-weight="700" '
                   f'fill="#b45309">{_esc(mark)}</text>')
    for tick in range(first, last + 1, step):
        out.append(f'<line x1="{x(tick)}" y1="{AXIS_H - 6}" x2="{x(tick)}" y2="{bottom}" stroke="{GRID}"/>')
        out.append(f'<text x="{x(tick)}" y="{AXIS_H - 12}" text-anchor="middle" font-size="12" '
                   f'fill="{MUTED}">{tod(tick, seconds=False)}</text>')
    out.extend(_end_lines(report, x, bottom, language))  # under the rows: figures stay readable
    for row, item in enumerate(report.items):
        out.append(_row(item, AXIS_H + row * ROW_H, x, language))
    out.append(_legend(bottom + 36, language))
    out.append("</svg>")
    return "\n".join(out)


def _row(item: ItemReport, top: int, x: Axis, language: str) -> str:
    name = f"{item.index + 1}. {item.title}"
    shade = ' fill-opacity="0.5"' if not item.started else ""
    parts = [
        f'<g class="row" data-item="{_esc(item.id)}">',
        f"<title>{_esc(name)}{' — ' + _esc(item.who) if item.who else ''}</title>",
        f'<text x="8" y="{top + 18}" font-size="13" fill="{TEXT}"{shade}>'
        f"{_esc(fit_text(name, 13, LABEL_W - 20))}</text>",
        f'<rect class="planned" x="{x(item.planned_start_ms)}" y="{top + 4}" '
        f'width="{max(1.0, x(item.planned_end_ms) - x(item.planned_start_ms))}" height="7" rx="2" fill="{PLANNED}"/>',
    ]
    if item.started:
        parts.append('<g class="actual">')
        for segment, colour in _split_over(item):
            fill = "url(#paused-hatch)" if colour == PAUSED else colour
            parts.append(
                f'<rect x="{x(segment.start_ms)}" y="{top + 12}" '
                f'width="{max(1.0, x(segment.end_ms) - x(segment.start_ms))}" height="11" fill="{fill}"/>'
            )
        parts.append("</g>")
        over = item.over_under_ms or 0
        colour = OVER if item.ran_over else MUTED
        text = offset(over) + (f" ({label(language, 'still_on')})" if item.status == "live" else "")
        parts.append(f'<text x="{8 + x(max(s.end_ms for s in item.segments))}" y="{top + 22}" font-size="12" '
                     f'font-weight="600" fill="{colour}"{HALO}>{_esc(text)}</text>')
    else:
        parts.append(f'<text x="{WIDTH - RIGHT_W + 8}" y="{top + 18}" font-size="12" '
                     f'fill="{MUTED}">{_esc(label(language, item.status))}</text>')
    parts.append("</g>")
    return "".join(parts)


def _end_lines(report: Report, x: Axis, bottom: int, language: str) -> list[str]:
    """The planned end of the day (dashed) and the actual one, each labelled on its own line below."""
    lines = [("planned-end", report.planned_end_ms, MUTED, ' stroke-dasharray="4 3"', "planned_end_line", False)]
    if report.actual_end_ms is not None:
        colour = OVER if (report.end_offset_ms or 0) >= 1000 else RUN
        lines.append(("actual-end", report.actual_end_ms, colour, ' stroke-width="2"', "actual_end_line", True))
    out = []
    for row, (css, at, colour, style, key, seconds) in enumerate(lines):
        out.append(f'<line class="{css}" x1="{x(at)}" y1="{AXIS_H - 6}" x2="{x(at)}" y2="{bottom}" '
                   f'stroke="{colour}"{style}/>')
        text = label(language, key).format(time=tod(at, seconds=seconds))
        half = _text_width(text, 11) / 2
        centre = min(max(x(at), LABEL_W + half), WIDTH - half - 2)  # under its line, inside the chart
        out.append(f'<text x="{round(centre, 1)}" y="{bottom + 13 + 13 * row}" text-anchor="middle" '
                   f'font-size="11" fill="{colour}"{HALO}>{_esc(text)}</text>')
    return out


def _legend(top: int, language: str) -> str:
    entries = [
        (PLANNED, label(language, "planned")),
        (RUN, label(language, "actual")),
        (OVER, label(language, "over_under").split("/")[0]),
        ("url(#paused-hatch)", label(language, "paused")),
    ]
    out, left = ['<g class="legend">'], LABEL_W
    for fill, text in entries:
        out.append(f'<rect x="{left}" y="{top}" width="22" height="11" fill="{fill}"/>')
        out.append(f'<text x="{left + 28}" y="{top + 10}" font-size="12" fill="{TEXT}">{_esc(text)}</text>')
        left += 40 + int(_text_width(text, 12))
    out.append("</g>")
    return "".join(out)
