"""`mirps report` as Markdown (CommonMark with GFM tables and Mermaid charts), through
templates a team may override by file name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_interval

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Lang, label
from mirps_cli.output.report_words import TITLE, WORDS
from mirps_cli.output.words import format_partial
from mirps_cli.report.views import Counts, Progress, Report
from mirps_cli.templating import render_template
from mirps_cli.vocab import Status, status_label

STATUS_KEYS = [*(str(s) for s in Status), "none"]


def _date(date: PartialDate | dt.date | None, lang: str) -> str:
    if date is None:
        return "—"
    if isinstance(date, PartialDate):
        return format_partial(date, lang)
    return str(format_date(date, "long", locale=Lang(lang).value))


def _counts(counts: Counts, lang: str) -> list[list[str]]:
    """Rows: status, number at the start, number at the end."""
    rows = []
    for key in STATUS_KEYS:
        if counts.start[key] or counts.end[key]:
            name = status_label(Status(key), lang) if key != "none" else label("no_status", lang)
            rows.append([name, str(counts.start[key]), str(counts.end[key])])
    return rows


def _progress(item: Progress, lang: str) -> str:
    when = _date(item.date, lang)
    if item.dated_by != "event":
        when += f" ({label(item.dated_by, lang)})"
    parts = [f"{when}: {item.id} {item.title}", status_label(item.status, lang)]
    if item.reporter:
        parts.append(f"{label('reported', lang)} {label('by', lang)} {item.reporter}")
    if item.note:
        parts.append(str(item.note))
    return " — ".join(parts)


def _gantt_text(text: object) -> str:
    """Mermaid reads ':' and '#' in a task name as syntax."""
    return " ".join(str(text).replace(":", " ").replace("#", " ").replace(";", ",").split())


def context(report: Report, lang: str) -> dict[str, Any]:
    """Everything the templates receive (README: mirps report, templates)."""
    words = {key: message.in_lang(lang) for key, message in WORDS.items()}
    locale = Lang(lang).value
    regional = report.regional
    return {
        "w": words,
        "lang": lang,
        "title": TITLE.in_lang(lang).format(numeral=report.numeral, year=report.year),
        "period": str(format_interval(report.start, report.end, "yMMMMd", locale=locale)),
        "drafted": _date(report.drafted, lang),
        "revision": report.revision,
        "acronyms": report.acronyms,
        "status_heads": [label("status", lang), words["at_start"], words["at_end"]],
        "countries": [
            {
                "chapter": c,
                "progress": [_progress(p, lang) for p in c.progress],
                "milestones": [_progress(p, lang) for p in c.milestones],
                "undated": [f"{i.id} {i.title}" for i in c.undated],
                "overdue": [f"{i.id} {i.title} ({_date(i.date, lang)})" for i in c.overdue],
                "stale": [f"{i.id} {i.title} ({_date(i.date, lang)})" for i in c.stale],
                "by_status": _counts(c.by_status, lang),
                "by_pillar": [(p.label, _counts(p, lang)) for p in c.by_pillar],
            }
            for c in report.countries
        ],
        "regional": regional,
        "presidency": regional.presidency.name.in_lang(lang) if regional.presidency else "",
        "gantt": [
            (
                _gantt_text(e.title),
                e.id,
                e.start.earliest().isoformat(),
                (e.end or e.start).latest().isoformat(),
            )
            for e in regional.events
            if e.start is not None
        ],
        "totals": _counts(report.totals, lang),
        "by_pillar": [(p.label, _counts(p, lang)) for p in report.by_pillar if _counts(p, lang)],
        "by_focus": [(p.label, _counts(p, lang)) for p in report.by_focus if _counts(p, lang)],
        "chart": report.chart,
        "annex_heads": [label(k, lang) for k in ("id", "country", "title", "pillar", "status")]
        + [words["latest"], label("sources", lang)],
        "annex": [
            [
                row.id,
                row.country,
                str(row.title),
                row.pillar,
                status_label(row.status, lang)
                + (f" ({label('not_reported', lang)})" if row.date_not_reported else ""),
                str(row.latest) if row.latest else "—",
                " ".join(f"<{s}>" for s in row.sources),
            ]
            for row in report.annex
        ],
        "fallback_used": report.fallback_used,
    }


def render(view: Report, lang: str, template_dir: Path | None = None) -> str:
    return render_template("report.md.j2", template_dir, **context(view, lang))
