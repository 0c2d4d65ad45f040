"""`mirps report` as Markdown (CommonMark with GFM tables and Mermaid charts), through
templates a team may override by file name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date, format_interval

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Lang, label
from mirps_cli.output.report_words import TITLE, WORDS
from mirps_cli.output.words import format_partial
from mirps_cli.report.views import Counts, Event, Progress, Report, ToSupply
from mirps_cli.status.figures import figure_text
from mirps_cli.templating import md_links, render_template
from mirps_cli.vocab import Status, status_label

if TYPE_CHECKING:
    from mirps_cli.output.charts import Chart

STATUS_KEYS = [*(str(s) for s in Status), "later", "none"]


def _standing(key: str, lang: str) -> str:
    """A row's name in the status tables: a status, known later, or no status."""
    if key == "none":
        return label("no_status", lang)
    if key == "later":
        return WORDS["later_status"].in_lang(lang)
    return status_label(Status(key), lang)


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
            name = _standing(key, lang)
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


def _event_when(event: Event, lang: str) -> str:
    if event.start is None:
        return WORDS["no_date"].in_lang(lang)
    return _span(event.start, event.end, lang)


def _sections(report: Report, lang: str) -> list[dict[str, Any]]:
    """The regional chapter's parts, with their words and lines in the report's language."""
    from mirps_cli.categories import REPORT_SECTION_TERMS

    regional = report.regional
    groups = {g[0]: g for g in regional.working_groups}
    events = {e.id: e for e in [*regional.events, *regional.unscheduled]}
    parts = []
    for section in regional.sections:
        title = (
            REPORT_SECTION_TERMS[section.key].in_lang(lang)
            if section.key is not None
            else WORDS["unplaced"].in_lang(lang)
        )
        parts.append(
            {
                "title": title,
                "activities": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "status": status_label(a.status, lang)
                        if a.status
                        else label("no_status", lang),
                        "entries": [
                            " — ".join(
                                [_date(when, lang), status_label(status, lang)]
                                + ([str(note)] if note else [])
                            )
                            for when, status, note in a.entries
                        ],
                    }
                    for a in section.activities
                ],
                "working_groups": [groups[g] for g in section.working_groups if g in groups],
                "events": [
                    (_event_when(events[e], lang), e, events[e].title)
                    for e in section.events
                    if e in events
                ],
                "fund": section.fund,
                "support_platform": section.support_platform,
            }
        )
    return parts


def _to_supply(wanted: ToSupply, lang: str) -> list[str]:
    """The national team's list, in its words."""
    words = {key: message.in_lang(lang) for key, message in WORDS.items()}
    lines = []
    if wanted.entries:
        lines.append(words["supply_entries"].format(ids=", ".join(wanted.entries)))
    if wanted.dates:
        lines.append(words["supply_dates"].format(ids=", ".join(wanted.dates)))
    if wanted.costing:
        lines.append(words["supply_costing"])
    lines += [words["supply_period"].format(figure=figure_text(f, lang)) for f in wanted.periods]
    return lines


def _span(start: PartialDate, end: PartialDate | None, lang: str) -> str:
    """An event's dates: one day, a month, or from one to the other."""
    if end is None or end == start:
        return format_partial(start, lang)
    return f"{format_partial(start, lang)} – {format_partial(end, lang)}"


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
                "later": [f"{i.id} {i.title}" for i in c.later],
                "to_supply": _to_supply(c.to_supply, lang),
                "overdue": [f"{i.id} {i.title} ({_date(i.date, lang)})" for i in c.overdue],
                "stale": [f"{i.id} {i.title} ({_date(i.date, lang)})" for i in c.stale],
                "by_status": _counts(c.by_status, lang),
                "by_pillar": [(p.label, _counts(p, lang)) for p in c.by_pillar],
            }
            for c in report.countries
        ],
        "regional": regional,
        "year": report.year,
        "sections": _sections(report, lang),
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
        "events": [
            (e.id, e.title, _span(e.start, e.end, lang))
            for e in regional.events
            if e.start is not None
        ],
        "totals": _counts(report.totals, lang),
        "by_pillar": [(p.label, _counts(p, lang)) for p in report.by_pillar if _counts(p, lang)],
        "by_focus": [(p.label, _counts(p, lang)) for p in report.by_focus if _counts(p, lang)],
        "chart": report.chart,
        "chart_top": max([total for _, total, _ in report.chart] or [1]),
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
                md_links(row.sources),
            ]
            for row in report.annex
        ],
        "fallback_used": report.fallback_used,
    }


def charts(report: Report, lang: str) -> dict[str, Chart]:
    """The report's charts as values, in its language: commitments per member by status at
    the end of the period, and the period's calendar (when it has dated events). Drawing
    them (output/charts.py) is left to the formats that carry pictures."""
    from mirps_cli.output.charts import calendar, status_bars

    words = {key: message.in_lang(lang) for key, message in WORDS.items()}
    found: dict[str, Chart] = {}
    if report.countries:
        found["status"] = status_bars(
            words["per_country"],
            words["commitments_axis"],
            [c.member.code for c in report.countries],
            [c.by_status.end for c in report.countries],
            {key: _standing(key, lang) for key in STATUS_KEYS},
        )
    dated = [e for e in report.regional.events if e.start is not None]
    if dated:
        found["calendar"] = calendar(
            words["calendar_chart"].format(year=report.year),
            [(str(e.title), e.start, e.end) for e in dated if e.start is not None],
            report.start,
            report.end,
            lang,
            words["month_only"],
        )
    return found


# An id (BZ-01, CR-03.1) in the draft's text: the formats that print keep it on one line, so a
# line never ends in "BZ-" with "01" on the next.
ID = re.compile(r"\b[A-Z]{2}-\d+(?:\.\d+)*\b")


def with_charts(
    view: Report, lang: str, template_dir: Path | None
) -> tuple[str, dict[str, tuple[str, Chart]]]:
    """The draft as Markdown for a format that draws its charts itself, and each chart with
    the line that stands where its Mermaid block would be: a mark no plan text can hold (a
    fresh nonce each run), for that format to replace with its picture."""
    return with_marks(view, lang, template_dir, charts(view, lang))


def with_marks(
    view: Report, lang: str, template_dir: Path | None, drawn: dict[str, Chart]
) -> tuple[str, dict[str, tuple[str, Chart]]]:
    """with_charts, for charts already made (`charts`)."""
    import secrets

    nonce = secrets.token_hex(8)
    marks = {name: f"mirps-chart-{nonce}-{name}" for name in drawn}
    markdown = render(view, lang, template_dir, marks)
    return markdown, {name: (marks[name], chart) for name, chart in drawn.items()}


def render(
    view: Report,
    lang: str,
    template_dir: Path | None = None,
    marks: Mapping[str, str] | None = None,
    *,
    reference_doc: Path | None = None,  # Word's styles: text has none to take
) -> str:
    """The draft as Markdown. `marks` (chart name → a line of its own) puts a format's own
    pictures where the Markdown has its Mermaid charts, for the formats made from it."""
    return render_template(
        "report.md.j2",
        template_dir,
        **context(view, lang),
        marks={"status": None, "calendar": None, **(marks or {})},
    )
