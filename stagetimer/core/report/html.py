"""The report as one self-contained HTML page.

Everything is inline — styles, the SVG chart and the font — so the file can
be mailed, archived or opened on the venue laptop with no network and no
Korean system font. Every piece of agenda text is escaped: a title is data,
never markup.
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import html
from pathlib import Path

from stagetimer.core.report.font_subset import SUBSET_FAMILY, subset_woff
from stagetimer.core.report.report import DONE, ItemReport, Report
from stagetimer.core.report.svg import timeline_svg
from stagetimer.core.report.text import (
    dropped_lines,
    item_name,
    kind_label,
    label,
    length,
    offset,
    rehearsal_lines,
    rehearsal_mark,
    summary_sentences,
    tod,
)

FONT_FILES = (("Pretendard-Regular.otf", 400), ("Pretendard-Bold.otf", 700))
WEEKDAYS_KO = "월화수목금토일"
#: Where the page's @font-face rules go once the page (and so the characters it uses) is written.
_FONTS = "<fonts/>"  # no escaped agenda text can contain "<"

STYLE = """
:root { color-scheme: light; }
body { font-family: Pretendard, 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif;
  color: #1f2933; background: #fff; margin: 0; padding: 28px 36px 36px; font-size: 15px; line-height: 1.4;
  font-variant-numeric: tabular-nums; }
header { border-bottom: 3px solid #1f2933; padding-bottom: 14px; margin-bottom: 22px; }
.kicker { margin: 0; color: #6b7280; font-weight: 700; letter-spacing: .04em; }
h1 { margin: 4px 0 2px; font-size: 27px; line-height: 1.25; word-break: keep-all; }
h2 { font-size: 19px; margin: 24px 0 8px; }
.subtitle { margin: 0; color: #374151; word-break: keep-all; }
.meta { margin: 6px 0 0; color: #6b7280; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card { border: 1px solid #d7dbe1; border-radius: 8px; padding: 10px 14px; }
.card h3 { margin: 0; font-size: 13px; color: #6b7280; font-weight: 700; }
.card .big { margin: 2px 0; font-size: 26px; font-weight: 700; }
.card p { margin: 0; color: #4b5563; word-break: keep-all; }
.card.alert { border-color: #d93025; background: #fdf1f0; }
.card.alert .big { color: #c5221f; }
ul.sentences { margin: 14px 0 0; padding-left: 20px; font-size: 16px; }
ul.sentences li { margin: 3px 0; word-break: keep-all; }
svg.timeline { display: block; max-width: 1240px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e3e6eb; text-align: right; white-space: nowrap;
  vertical-align: top; }
th { font-size: 13px; color: #4b5563; border-bottom: 2px solid #9aa3af; }
td.item, th.item { text-align: left; white-space: normal; word-break: keep-all; }
td.item .who, td.item .notes { color: #6b7280; font-size: 13px; }
td.item .notes { color: #9a3412; }
tr.section th { text-align: left; background: #f3f4f6; color: #1f2933; font-size: 14px; }
tr.over td { background: #fdf1f0; }
tr.over td.ou { color: #c5221f; font-weight: 700; }
tr.skipped td, tr.not-reached td { color: #9aa3af; }
td.status { text-align: left; }
tfoot td { font-weight: 700; border-top: 2px solid #9aa3af; border-bottom: none; }
footer { margin-top: 26px; color: #6b7280; font-size: 13px; }
p.rehearsal { margin: 0 0 18px; padding: 10px 14px; border: 2px solid #b45309; border-radius: 8px;
  background: #fff7ed; color: #7c2d12; font-weight: 700; word-break: keep-all; }
.rehearsal-mark { position: fixed; top: 8px; right: 12px; padding: 3px 10px; border-radius: 6px;
  background: #b45309; color: #fff; font-weight: 700; font-size: 14px; }
@media print { body { padding: 0; } .card, tr { break-inside: avoid; }
  .rehearsal-mark { top: 0; right: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


@functools.lru_cache(maxsize=4)
def font_face_css(fonts_dir: Path, text: str = "") -> str:
    """@font-face rules carrying the Pretendard weights in ``fonts_dir``, cut to ``text``'s characters.

    Why embed the font: the laptop that ran the show (and wrote this file)
    may have no Korean font at all, and browsers refuse web fonts from
    file:// URLs, so a link to the bundled file would show boxes. Why cut
    it: in full it is 1.5 MB a weight; the characters a report uses are a
    few tens of kB (font_subset). ``local()`` comes first, so a machine that
    has Pretendard uses its own. Empty when the font files are not there
    (the system fonts then serve). The caller says where the fonts are: the
    core reads no package assets.
    """
    rules = ["/* Pretendard (SIL Open Font License 1.1), cut to this page's characters and renamed "
             f"'{SUBSET_FAMILY}' as the licence asks of a modified version */"]
    for name, weight in FONT_FILES:
        try:
            data = base64.b64encode(subset_woff(fonts_dir / name, text)).decode("ascii")
        except OSError:
            continue
        local = name.rsplit(".", 1)[0].replace("-", " ")
        rules.append(
            f"@font-face {{ font-family: 'Pretendard'; font-weight: {weight}; font-style: normal; "
            f"src: local('{local}'), url(data:font/woff;base64,{data}) format('woff'); }}"
        )
    return "\n".join(rules) if len(rules) > 1 else ""


def event_date(text: str, language: str) -> str:
    """``2025년 12월 2일 (화)`` / ``Tuesday 2 December 2025``; anything else as written."""
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError:
        return text
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일 ({WEEKDAYS_KO[day.weekday()]})"
    return f"{day:%A} {day.day} {day:%B %Y}"


def report_html(report: Report, language: str, *, fonts_dir: Path | None = None) -> str:
    """The whole page, with the fonts in ``fonts_dir`` embedded (none when it is None).

    """
    event = report.event
    mark = rehearsal_mark(report, language)
    kicker = " · ".join(part for part in (mark, label(language, "report")) if part)
    title = f"{kicker} — {event.title}"
    day = event_date(event.date, language)
    if report.rehearsal:  # the event's date is not the day this ran
        planned = label(language, "event_planned").format(date=day) if day else ""
        run = label(language, "rehearsal_run").format(date=report.run_date) if report.run_date else ""
        days = [run, planned]
    else:
        days = [day]
    meta = " · ".join(_esc(part) for part in (*days, event.venue, event.organiser) if part)
    warning = rehearsal_lines(report, language)
    # A rehearsal says so in a banner under the title and, in the corner, on every printed page.
    banner = "".join(f'<p class="rehearsal">{_esc(line)}</p>' for line in warning)
    corner = f'<div class="rehearsal-mark">{_esc(mark)}</div>' if mark else ""
    told = summary_sentences(report, language)[len(warning):]
    sentences = "".join(f"<li>{_esc(line)}</li>" for line in told)
    page = f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="StageTimer">
<title>{_esc(title)}</title>
<style>
{_FONTS}
{STYLE}
</style>
</head>
<body>
{corner}
<header>
<p class="kicker">{_esc(kicker)}</p>
<h1>{_esc(event.title)}</h1>
{f'<p class="subtitle">{_esc(event.subtitle)}</p>' if event.subtitle else ""}
<p class="meta">{meta}</p>
</header>
{banner}
<section class="summary">
<h2>{_esc(label(language, "summary"))}</h2>
{_cards(report, language)}
<ul class="sentences">{sentences}</ul>
</section>
<section>
<h2>{_esc(label(language, "timeline"))}</h2>
{timeline_svg(report, language)}
</section>
<section>
<h2>{_esc(label(language, "items"))}</h2>
{_table(report, language)}
</section>
<footer>
<p>{_esc(label(language, "seconds_note"))}</p>
{_footer_lines(report, language)}
</footer>
</body>
</html>
"""
    fonts = font_face_css(fonts_dir, page) if fonts_dir is not None else ""
    return page.replace(_FONTS, fonts, 1)


def _card(heading: str, big: str, detail: str, alert: bool = False) -> str:
    css = "card alert" if alert else "card"
    return f'<div class="{css}"><h3>{_esc(heading)}</h3><p class="big">{_esc(big)}</p><p>{_esc(detail)}</p></div>'


def _cards(report: Report, language: str) -> str:
    planned = label(language, "planned")
    start = _card(
        label(language, "event_start"),
        tod(report.actual_start_ms) or "—",
        f"{planned} {tod(report.planned_start_ms, seconds=False)} · {offset(report.start_offset_ms)}".rstrip(" ·"),
        alert=(report.start_offset_ms or 0) >= 60_000,
    )
    end_big = tod(report.actual_end_ms) or (label(language, "still_on") if report.started else "—")
    end = _card(
        label(language, "event_end"),
        end_big,
        f"{planned} {tod(report.planned_end_ms, seconds=False)} · {offset(report.end_offset_ms)}".rstrip(" ·"),
        alert=(report.end_offset_ms or 0) >= 60_000,
    )
    total = _card(
        label(language, "event_length"),
        length(report.actual_total_ms) if report.started else "—",
        f"{planned} {length(report.planned_total_ms)}",
    )
    top = report.overruns[0] if report.overruns else None
    biggest = _card(
        label(language, "biggest"),
        offset(top.over_under_ms) if top else "—",
        item_name(top) if top else "",
        alert=top is not None,
    )
    recovered = ""
    if report.replanned:  # only a day that was re-planned says so
        count = len(report.replanned)
        detail = (label(language, "recovered_detail_one") if count == 1
                  else label(language, "recovered_detail").format(count=count))
        recovered = _card(label(language, "recovered"), length(report.recovered_total_ms), detail)
    return f'<div class="cards">{start}{end}{total}{biggest}{recovered}</div>'


TABLE_COLUMNS = (
    "number", "item", "planned_start", "actual_start", "start_offset", "planned_end", "actual_end",
    "planned_length", "replanned_length", "actual_length", "over_under", "status",
)


def _columns(report: Report) -> tuple[str, ...]:
    """The table's columns: the re-planned one only when the planner changed something."""
    return TABLE_COLUMNS if report.replanned else tuple(key for key in TABLE_COLUMNS if key != "replanned_length")


def _table(report: Report, language: str) -> str:
    columns = _columns(report)
    head = "".join(
        f'<th class="{"item" if key == "item" else key}">{_esc(label(language, key))}</th>' for key in columns
    )
    rows, section = [], None
    for item in report.items:
        if item.section_id != section:
            section = item.section_id
            if item.section_title:
                heading = _esc(item.section_title)
                rows.append(f'<tr class="section"><th colspan="{len(columns)}">{heading}</th></tr>')
        rows.append(_item_row(item, language, "replanned_length" in columns))
    foot = (
        f'<td></td><td class="item">{_esc(label(language, "total"))}</td>'
        f"<td>{tod(report.planned_start_ms, seconds=False)}</td><td>{tod(report.actual_start_ms)}</td>"
        f"<td>{offset(report.start_offset_ms)}</td>"
        f"<td>{tod(report.planned_end_ms, seconds=False)}</td><td>{tod(report.actual_end_ms)}</td>"
        f"<td>{length(report.planned_total_ms)}</td>"
        + ("<td></td>" if "replanned_length" in columns else "")
        + f"<td>{length(report.actual_total_ms) if report.started else ''}</td>"
        f'<td class="ou">{offset(report.over_under_total_ms) if report.started else ""}</td><td></td>'
    )
    return (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f"<tfoot><tr>{foot}</tr></tfoot></table>"
    )


def _item_row(item: ItemReport, language: str, replanned_column: bool = False) -> str:
    classes = [item.status.replace(" ", "-")]
    if item.ran_over:
        classes.append("over")
    notes = []
    if item.paused_ms >= 1000:
        notes.append(label(language, "paused_note").format(len=length(item.paused_ms)))
    if item.added_ms:
        notes.append(label(language, "added_note").format(len=offset(item.added_ms)))
    who = " · ".join(part for part in (item.who, kind_label(language, item.kind)) if part)
    status = label(language, item.status)
    cells = [
        f"<td>{item.index + 1}</td>",
        f'<td class="item"><div>{_esc(item.title)}</div><div class="who">{_esc(who)}</div>'
        + (f'<div class="notes">{_esc(" · ".join(notes))}</div>' if notes else "")
        + "</td>",
        f"<td>{tod(item.planned_start_ms, seconds=False)}</td>",
        f"<td>{tod(item.actual_start_ms)}</td>",
        f"<td>{offset(item.start_offset_ms)}</td>",
        f"<td>{tod(item.planned_end_ms, seconds=False)}</td>",
        f"<td>{tod(item.actual_end_ms) if item.status == DONE else ''}</td>",
        f"<td>{length(item.planned_duration_ms)}</td>",
        *([f'<td class="replanned">{length(item.replanned_ms)}</td>'] if replanned_column else []),
        f"<td>{length(item.actual_duration_ms)}</td>",
        f'<td class="ou">{offset(item.over_under_ms)}</td>',
        f'<td class="status">{_esc(status)}</td>',
    ]
    return f'<tr class="{" ".join(classes)}" data-item="{_esc(item.id)}">{"".join(cells)}</tr>'


def _footer_lines(report: Report, language: str) -> str:
    lines = []
    if report.as_of_tod_ms is not None:
        lines.append(label(language, "as_of").format(time=tod(report.as_of_tod_ms)))
    lines.extend(dropped_lines(report, language))  # the first few: a damaged journal can have thousands
    return "".join(f"<p>{_esc(line)}</p>" for line in lines)
