"""Writing the report: report.csv and report.html, atomically, where the caller says.

Kept apart from the report's figures (report.py) so that the page builders
(html, text) can read the figures without a cycle back to the writer.
"""

from __future__ import annotations

from pathlib import Path

from stagetimer.core.agenda.model import Agenda
from stagetimer.core.report.html import report_html
from stagetimer.core.report.report import Report, load_report, report_language
from stagetimer.core.report.text import report_csv
from stagetimer.core.show.journal import atomic_write_text

CSV_NAME = "report.csv"
HTML_NAME = "report.html"


def write_report(
    agenda: Agenda,
    state_dir: Path,
    out_dir: Path | None = None,
    language: str | None = None,
    *,
    now_wall_ms: int | None = None,
    fonts_dir: Path | None = None,
) -> tuple[Path, Path]:
    """Write ``report.csv`` and ``report.html`` for the show in ``state_dir``.

    Returns (csv path, html path); see :func:`write_report_files`.
    """
    report = load_report(agenda, state_dir, now_wall_ms)
    target = Path(state_dir) if out_dir is None else Path(out_dir)
    return write_report_files(report, report_language(agenda, language), target, fonts_dir=fonts_dir)


def write_report_files(report: Report, language: str, target: Path, *, fonts_dir: Path | None = None
) -> tuple[Path, Path]:
    """Write ``report`` as ``report.csv`` and ``report.html`` into ``target``: (csv path, html path).

    Both are replaced atomically, so a report open in a browser or Excel is
    never half-written. The CSV starts with a byte-order mark: Excel on
    Windows otherwise reads Korean as mojibake. The fonts in ``fonts_dir``
    travel inside the HTML (see html.font_face_css for why); the caller says
    where they are, since the core reads no package assets.
    """
    csv_path, html_path = Path(target) / CSV_NAME, Path(target) / HTML_NAME
    atomic_write_text(csv_path, report_csv(report, language), encoding="utf-8-sig")
    atomic_write_text(html_path, report_html(report, language, fonts_dir=fonts_dir))
    return csv_path, html_path
