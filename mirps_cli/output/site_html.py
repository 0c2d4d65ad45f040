"""`mirps site`: each page as HTML, through the Jinja templates in templates/ (site-*.html.j2,
which a team may replace by file name), with everything escaped.

Tables are handed to the templates in one shape (a caption, heads, rows of cells that may be
links), so one macro lays out all of them. Charts are SVG inside the page: no script, no
request. Every link is relative, so the site reads the same from a server and from the disk.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from markupsafe import Markup, escape

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import fold, label, number, other_lang, visible
from mirps_cli.members import Member
from mirps_cli.output.fund_words import (
    ineligible_lines,
    money_rows,
    project_rows,
    ranking_rows,
    roadmap_rows,
    word,
)
from mirps_cli.output.site_words import LANGUAGE_NAMES, WORDS
from mirps_cli.output.words import (
    commitment_facts,
    commitment_sections,
    entry_report,
    event_text,
    format_partial,
    group_text,
    marks_text,
    regional_heads,
    summary_line,
)
from mirps_cli.site import paths
from mirps_cli.site.views import (
    Chooser,
    CommitmentPage,
    FundPage,
    Home,
    MemberPage,
    Page,
    SiteMap,
    WorkPlanPage,
)
from mirps_cli.status.since import Change
from mirps_cli.status.views import NO_STATUS, HistoryView, Row
from mirps_cli.templating import stream_template
from mirps_cli.vocab import Status, status_label

T = TypeVar("T")


def _cell(text: str, href: str | None = None, links: Iterable[str] = ()) -> Markup:
    """A table cell's content as HTML, escaped here rather than by a template macro: a site
    of 10,000 commitments has some 700,000 cells, and a Jinja macro call costs four times
    this (profiled: 26 µs against 6)."""
    html = f'<a href="{escape(href)}">{escape(text)}</a>' if href else str(escape(text))
    urls = [f'<a class="url" href="{escape(u)}">{escape(u)}</a>' for u in links]
    return Markup(" ".join([html, *urls]) if html else " ".join(urls))


@dataclass(frozen=True)
class TableRow:
    cells: list[Markup]
    anchor: str | None = None  # the row's id, for links to it


class _Made(Generic[T]):
    """A table's rows made one at a time as the template walks them, never all at once: a
    working group's table lists thousands of commitments at 10,000, and its cells all made
    first cost the site tens of MB at its peak. Its length and truth are its items'."""

    def __init__(self, items: Sequence[T], make: Callable[[T], TableRow]) -> None:
        self.items = items
        self.make = make

    def __iter__(self) -> Iterator[TableRow]:
        return map(self.make, self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Table:
    caption: str
    heads: list[str]
    rows: list[TableRow] | _Made[Any]
    filter: bool = False  # the optional script offers a filter above it


def _t(value: object) -> str:
    """Plan text as a page shows it: control and direction characters written out."""
    return visible(str(value))


def _w(key: str, lang: str, **values: object) -> str:
    text = WORDS[key].in_lang(lang)
    return text.format(**values) if values else text


def _date(date: PartialDate | None, lang: str) -> str:
    return format_partial(date, lang) if date is not None else "—"


def _in(lang: str) -> Callable[[PartialDate], str]:
    """Dates in the page's language, for the wording helpers that take a date writer."""
    return lambda date: format_partial(date, lang)


def _day(day: dt.date, lang: str) -> str:
    return format_partial(PartialDate(day.year, day.month, day.day), lang)


def _row(row: Row, lang: str) -> TableRow:
    """A commitment's row, its id and title linking to its page."""
    href = paths.commitment(row.id)
    return TableRow(
        [
            _cell(row.id, href),
            _cell(_t(row.title), href),
            _cell(status_label(row.status, lang)),
            _cell(_date(row.last_update, lang)),
            _cell(_date(row.due, lang)),
            _cell(marks_text(row, lang)),
        ]
    )


def _rows_table(caption: str, rows: Sequence[Row], lang: str) -> Table:
    heads = [label(k, lang) for k in ("id", "title", "status", "updated", "due", "marks")]
    return Table(caption, heads, _Made(rows, lambda r: _row(r, lang)), filter=True)


def _changes_table(caption: str, changes: Sequence[Change], site: SiteMap, lang: str) -> Table:
    heads = [label(k, lang) for k in ("date", "country", "id", "title", "change", "sources")]
    rows = []
    for c in changes:
        href = site.pages.get(c.id)
        value = c.value if c.dated_by == "event" else f"{c.value} ({label(c.dated_by, lang)})"
        if c.note:
            value += f" — {_t(c.note)}"
        member = paths.member(c.country) if c.country else None
        rows.append(
            TableRow(
                [
                    _cell(_date(c.date, lang)),
                    _cell(c.country, member),
                    _cell(c.id, href),
                    _cell(_t(c.title), href),
                    _cell(_t(value)),
                    _cell("", links=c.sources),
                ]
            )
        )
    return Table(caption, heads, rows, filter=len(rows) > 10)


def _history(history: Sequence[HistoryView], lang: str, caption: str) -> Table:
    heads = [label(k, lang) for k in ("date", "status", "report", "note", "sources")]
    rows = [
        TableRow(
            [
                _cell(_date(e.date, lang) if e.date else label("not_reported", lang)),
                _cell(status_label(e.status, lang)),
                _cell(entry_report(e, lang, _in(lang))),
                _cell(_t(e.note) if e.note else ""),
                _cell("", links=e.sources),
            ]
        )
        for e in history
    ]
    return Table(caption, heads, rows)


STATUS_KEYS = [*(str(s) for s in Status), NO_STATUS]


def _status_name(key: str, lang: str) -> str:
    return label("no_status", lang) if key == NO_STATUS else status_label(Status(key), lang)


def _home(page: Home, site: SiteMap, lang: str) -> dict[str, Any]:
    from mirps_cli.output.charts import status_bars, svg_element

    regional = page.regional
    heads = regional_heads(lang)
    rows = [
        TableRow(
            [
                _cell(
                    f"{c.member.code} {c.member.name.in_lang(lang)}", paths.member(c.member.code)
                ),
                _cell(number(c.total, lang)),
                *(_cell(number(c.by_status[s], lang)) for s in Status),
                _cell(number(c.by_status[NO_STATUS], lang)),
                _cell(f"{number(round(c.fulfilled_share * 100), lang)} %"),
                _cell(number(c.overdue, lang)),
                _cell(number(c.stale, lang)),
                _cell(_date(c.latest_update, lang)),
            ]
        )
        for c in regional.countries
    ]
    chart = ""
    if regional.countries:
        bars = status_bars(
            _w("by_status_of", lang),
            _w("chart_axis", lang),
            [c.member.code for c in regional.countries],
            [c.by_status for c in regional.countries],
            {key: _status_name(key, lang) for key in STATUS_KEYS},
        )
        chart = svg_element(bars, _w("chart_text", lang))
    work_plan = None
    if regional.work_plan_year is not None and regional.presidency is not None:
        work_plan = {
            "title": _w("work_plan", lang, year=regional.work_plan_year),
            "href": paths.work_plan(regional.work_plan_year),
            "presidency": _w("presidency_of", lang, name=regional.presidency.name.in_lang(lang)),
            "next": [_t(event_text(e, lang)) for e in regional.next_events],
            "groups": [_t(group_text(g, lang)) for g in regional.working_groups],
            "next_heading": label("next_events", lang),
            "groups_heading": label("working_groups", lang),
        }
    fund = None
    if page.fund is not None:
        fund = {
            "title": _t(page.fund.name),
            "table": _plain_table(word("by_country", lang), money_rows(page.fund, False, lang)),
        }
    return {
        "title": _w("glance", lang),
        "chart": Markup(chart),
        "status_table": Table(_w("by_status", lang), heads, rows),
        "coverage": [_t(line) for line in regional.coverage],
        "coverage_note": label("coverage_note", lang) if regional.coverage else "",
        "work_plan": work_plan,
        "fund": fund,
        "recent": _changes_table(_w("recent", lang), page.recent, site, lang),
        "members": [
            (f"{m.name.in_lang(lang)} ({m.code})", paths.member(m.code))
            for m in _by_name(site, lang)
        ],
    }


def _member(page: MemberPage, site: SiteMap, lang: str) -> dict[str, Any]:
    status = page.status
    name = status.member.name.in_lang(lang)
    figures_heading = label("figures", lang)
    return {
        "title": _w("member_of", lang, name=name),
        "groups_heading": _w("commitments_of", lang, name=name),
        "summary": summary_line(status.counts, lang),
        "coverage": _t(status.coverage),
        "groups": [_rows_table(_t(g.label), g.rows, lang) for g in status.groups],
        "no_commitments": label("no_commitments", lang),
        "sections": [
            (_t(heading), [_t(i) for i in items])
            for heading, items in status.sections
            if heading != figures_heading
        ],
        "figures_heading": figures_heading,
        "figures": [(_t(text), sources) for text, sources in page.figures],
        "changes": _changes_table(_w("last_year", lang), page.changes, site, lang),
        "since": _w("since_on", lang, start=_day(page.since, lang), end=_day(site.as_of, lang)),
        "no_change": _w("no_change", lang),
    }


def _commitment(page: CommitmentPage, site: SiteMap, lang: str) -> dict[str, Any]:
    view = page.detail
    row = view.row
    groups: list[tuple[str, str | None]] = []
    for g in page.working_groups:
        if g.year is None or g.name is None:
            groups.append((f"{g.id} ({_w('not_in_plan', lang)})", None))
        else:
            href = f"{paths.work_plan(g.year)}#{paths.group_anchor(g.id)}"
            groups.append((_t(g.name), href))
    activities = [
        (f"{ident} {_t(title) if title else ''}".strip(), site.pages.get(ident))
        for ident, title in view.activities
    ]
    return {
        "title": f"{row.id} {_t(row.title)}",
        "member": (
            _w("in_member", lang, name=view.member.name.in_lang(lang)),
            paths.member(view.member.code),
        ),
        "facts": [(name, _t(value)) for name, value in commitment_facts(view, lang, _in(lang))],
        "history": _history(view.history, lang, label("history", lang)),
        "no_history": _w("no_history", lang),
        "sections": [
            (_t(heading), [_t(i) for i in items])
            for heading, items in commitment_sections(view, lang, _in(lang))
        ],
        "serves_heading": _w("serves", lang),
        "serves": groups + activities,
        "sources_heading": label("sources", lang),
        "sources": view.sources,
        "fallback_note": label("fallback_note", lang) if view.fallback_used else "",
    }


def _work_plan(page: WorkPlanPage, site: SiteMap, lang: str) -> dict[str, Any]:
    from mirps_cli.output.charts import calendar, svg_element

    outcomes = []
    for outcome in page.outcomes:
        activities = []
        for a in outcome.activities:
            short = a.id.split(":", 1)[1]
            activities.append(
                {
                    "anchor": paths.anchor(a.id),
                    "title": f"{short} {_t(a.title)}",
                    "status": status_label(a.status, lang),
                    "responsible": ", ".join(_t(r) for r in a.responsible),
                    # Each table's name says whose it is: a page holds dozens of them.
                    "history": _history(a.history, lang, f"{label('history', lang)}: {short}"),
                    "rows": _rows_table(f"{label('serving', lang)}: {short}", a.rows, lang),
                }
            )
        outcomes.append({"title": f"{outcome.id}. {_t(outcome.title)}", "activities": activities})
    groups = [
        {
            "anchor": paths.group_anchor(g.line.id),
            "title": _t(g.line.name),
            "line": _t(group_text(g.line, lang)),
            "rows": _rows_table(f"{label('serving', lang)}: {_t(g.line.name)}", g.rows, lang),
        }
        for g in page.working_groups
    ]
    dated = [e for e in page.events if e.date is not None]
    chart = ""
    if dated:
        drawn = calendar(
            _w("calendar_chart", lang, year=page.year),
            [(_t(e.title), e.date, e.end_date) for e in dated if e.date is not None],
            dated[0].date.earliest() if dated[0].date else site.as_of,
            dated[-1].date.latest() if dated[-1].date else site.as_of,
            lang,
            _w("month_only", lang),
        )
        chart = svg_element(drawn, _w("calendar_text", lang))
    heads = [label(k, lang) for k in ("date", "title", "place")]
    events = []
    for month in page.timeline.months:
        for e in month.events:
            when = _date(e.date, lang)
            if e.end_date is not None:
                when += f" – {_date(e.end_date, lang)}"
            events.append(
                TableRow(
                    [_cell(when), _cell(_t(e.title)), _cell(_t(e.place) if e.place else "")],
                    paths.anchor(f"{page.year}:{e.id}"),
                )
            )
    unscheduled = [
        TableRow(
            [
                _cell(label("undated", lang)),
                _cell(_t(e.title)),
                _cell(_t(e.place) if e.place else ""),
            ],
            paths.anchor(f"{page.year}:{e.id}"),
        )
        for e in page.timeline.unscheduled
    ]
    return {
        "title": _w("work_plan", lang, year=page.year),
        "presidency": _w("presidency_of", lang, name=page.presidency.name.in_lang(lang)),
        "outcomes_heading": _w("outcomes", lang),
        "outcomes": outcomes,
        "no_activities": _w("no_activities", lang),
        "groups_heading": label("working_groups", lang),
        "groups": groups,
        "no_groups": _w("no_groups", lang),
        "calendar_heading": _w("calendar", lang),
        "chart": Markup(chart),
        "events": Table(_w("events", lang), heads, events + unscheduled),
        "no_history": _w("no_history", lang),
    }


def _plain_table(
    heading: str, head_rows: tuple[list[str], list[list[str]]], anchored: bool = False
) -> Table:
    """A table of text; `anchored`, each row has its first cell's id (a Fund project's, a
    roadmap milestone's), for the links to it."""
    head, rows = head_rows
    return Table(
        _t(heading),
        head,
        [
            TableRow([_cell(_t(c)) for c in row], paths.anchor(row[0]) if anchored else None)
            for row in rows
        ],
    )


def _fund(page: FundPage, site: SiteMap, lang: str) -> dict[str, Any]:
    view, ranking = page.overview, page.prioritized

    parts = [
        ("by_country", money_rows(view, False, lang), False, "none"),
        ("by_donor", money_rows(view, True, lang), False, "none"),
        ("projects", project_rows(view, lang), True, "no_projects"),
        ("roadmap", roadmap_rows(view, lang), True, "no_roadmap"),
        ("ranking", ranking_rows(ranking, lang), False, "no_requests"),
    ]
    tables = [
        (_plain_table(word(key, lang), rows, anchored), word(empty, lang))
        for key, rows, anchored, empty in parts
    ]
    return {
        "title": _t(view.name),
        "tables": tables,
        "tie": word("tie", lang) if any(r.tie for r in ranking.ranked) else "",
        "no_criteria": "" if ranking.criteria else word("no_criteria", lang),
        "ineligible_heading": word("ineligible", lang),
        "ineligible": [_t(line) for line in ineligible_lines(ranking, lang)],
    }


def _by_name(site: SiteMap, lang: str) -> list[Member]:
    """The members in the order of their names in the page's language (El Salvador under E)."""
    return sorted(site.members, key=lambda m: fold(m.name.in_lang(lang)))


@functools.cache
def _words(lang: str) -> dict[str, str]:
    return {key: message.in_lang(lang) for key, message in WORDS.items()}


def _chooser(site: SiteMap, lang: str) -> dict[str, Any]:
    return {
        "title": _w("site_name", lang),
        "choices": [
            (LANGUAGE_NAMES[other], other, f"{other}/{paths.HOME}", _w("tagline", other))
            for other in site.langs
        ],
    }


TEMPLATES: dict[type, str] = {
    Home: "site-home.html.j2",
    MemberPage: "site-member.html.j2",
    CommitmentPage: "site-commitment.html.j2",
    WorkPlanPage: "site-work-plan.html.j2",
    FundPage: "site-fund.html.j2",
    Chooser: "site-index.html.j2",
}


def render(
    page: Page,
    name: str,
    lang: str,
    site: SiteMap,
    template_dir: Path | None = None,
    base_url: str | None = None,
) -> Iterator[str]:
    """The page `name` (its file name in its language's folder) as an HTML document, in
    pieces as the template makes them."""
    if isinstance(page, Home):
        context = _home(page, site, lang)
    elif isinstance(page, MemberPage):
        context = _member(page, site, lang)
    elif isinstance(page, CommitmentPage):
        context = _commitment(page, site, lang)
    elif isinstance(page, WorkPlanPage):
        context = _work_plan(page, site, lang)
    elif isinstance(page, FundPage):
        context = _fund(page, site, lang)
    else:
        context = _chooser(site, lang)
    front = isinstance(page, Chooser)
    root = "" if front else "../"
    here = name if front else f"{lang}/{name}"
    revision = site.revision
    built = (
        _w(
            "built",
            lang,
            revision=revision,
            as_of=_day(site.as_of, lang),
            built=_day(site.built, lang),
        )
        if revision
        else _w("built_no_git", lang, as_of=_day(site.as_of, lang), built=_day(site.built, lang))
    )
    words = _words(lang)
    nav = [(words["region"], paths.HOME)]
    nav += [(m.name.in_lang(lang), paths.member(m.code)) for m in _by_name(site, lang)]
    nav += [(words["work_plan"].format(year=y), paths.work_plan(y)) for y in site.work_plans]
    if site.has_fund:
        nav.append((words["fund"], paths.FUND))
    return stream_template(
        TEMPLATES[type(page)],
        template_dir,
        autoescape=True,
        w=words,
        lang=lang,
        root=root,
        page=name,
        here=here,
        canonical=f"{base_url}{here}" if base_url else "",
        nav=[] if front else nav,
        others=[
            (LANGUAGE_NAMES[other], str(other), f"../{other}/{name}")
            for other in ([other_lang(lang)] if len(site.langs) > 1 and not front else [])
        ],
        built=built,
        data_csv=paths.status_csv(lang),
        **context,
    )
