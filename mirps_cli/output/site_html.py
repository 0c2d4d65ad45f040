"""`mirps site`: each page as HTML, through the Jinja templates in templates/ (site-*.html.j2,
which a team may replace by file name), with everything escaped.

Each page's values become its template's context here; its tables come in the one shape
site_tables.py gives. Charts are SVG inside the page: no script, no request. Every link is
relative, so the site reads the same from a server and from the disk.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import fold, label, number, other_lang
from mirps_cli.members import Member
from mirps_cli.output.fund_words import (
    ineligible_lines,
    money_rows,
    project_rows,
    ranking_rows,
    roadmap_rows,
    word,
)
from mirps_cli.output.site_tables import (
    Table,
    TableRow,
    cell,
    changes_table,
    date_or_dash,
    dates_in,
    history_table,
    plain,
    plain_table,
    rows_table,
)
from mirps_cli.output.site_words import LANGUAGE_NAMES, WORDS
from mirps_cli.output.words import (
    commitment_facts,
    commitment_sections,
    event_text,
    format_partial,
    group_text,
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
from mirps_cli.status.views import NO_STATUS
from mirps_cli.templating import stream_template
from mirps_cli.vocab import Status, status_label


def _w(key: str, lang: str, **values: object) -> str:
    text = WORDS[key].in_lang(lang)
    return text.format(**values) if values else text


def _day(day: dt.date, lang: str) -> str:
    return format_partial(PartialDate(day.year, day.month, day.day), lang)


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
                cell(f"{c.member.code} {c.member.name.in_lang(lang)}", paths.member(c.member.code)),
                cell(number(c.total, lang)),
                *(cell(number(c.by_status[s], lang)) for s in Status),
                cell(number(c.by_status[NO_STATUS], lang)),
                cell(f"{number(round(c.fulfilled_share * 100), lang)} %"),
                cell(number(c.overdue, lang)),
                cell(number(c.stale, lang)),
                cell(date_or_dash(c.latest_update, lang)),
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
            "next": [plain(event_text(e, lang)) for e in regional.next_events],
            "groups": [plain(group_text(g, lang)) for g in regional.working_groups],
            "next_heading": label("next_events", lang),
            "groups_heading": label("working_groups", lang),
        }
    fund = None
    if page.fund is not None:
        fund = {
            "title": plain(page.fund.name),
            "table": plain_table(word("by_country", lang), money_rows(page.fund, False, lang)),
        }
    return {
        "title": _w("glance", lang),
        "chart": Markup(chart),
        "status_table": Table(_w("by_status", lang), heads, rows),
        "coverage": [plain(line) for line in regional.coverage],
        "coverage_note": label("coverage_note", lang) if regional.coverage else "",
        "work_plan": work_plan,
        "fund": fund,
        "recent": changes_table(_w("recent", lang), page.recent, site, lang),
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
        "coverage": plain(status.coverage),
        "groups": [rows_table(plain(g.label), g.rows, lang) for g in status.groups],
        "no_commitments": label("no_commitments", lang),
        "sections": [
            (plain(heading), [plain(i) for i in items])
            for heading, items in status.sections
            if heading != figures_heading
        ],
        "figures_heading": figures_heading,
        "figures": [(plain(text), sources) for text, sources in page.figures],
        "changes": changes_table(_w("last_year", lang), page.changes, site, lang),
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
            groups.append((plain(g.name), href))
    activities = [
        (f"{ident} {plain(title) if title else ''}".strip(), site.pages.get(ident))
        for ident, title in view.activities
    ]
    return {
        "title": f"{row.id} {plain(row.title)}",
        "member": (
            _w("in_member", lang, name=view.member.name.in_lang(lang)),
            paths.member(view.member.code),
        ),
        "facts": [
            (name, plain(value)) for name, value in commitment_facts(view, lang, dates_in(lang))
        ],
        "history": history_table(view.history, lang, label("history", lang)),
        "no_history": _w("no_history", lang),
        "sections": [
            (plain(heading), [plain(i) for i in items])
            for heading, items in commitment_sections(view, lang, dates_in(lang))
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
                    "title": f"{short} {plain(a.title)}",
                    "status": status_label(a.status, lang),
                    "responsible": ", ".join(plain(r) for r in a.responsible),
                    # Each table's name says whose it is: a page holds dozens of them.
                    "history": history_table(a.history, lang, f"{label('history', lang)}: {short}"),
                    "rows": rows_table(f"{label('serving', lang)}: {short}", a.rows, lang),
                }
            )
        outcomes.append(
            {"title": f"{outcome.id}. {plain(outcome.title)}", "activities": activities}
        )
    groups = [
        {
            "anchor": paths.group_anchor(g.line.id),
            "title": plain(g.line.name),
            "line": plain(group_text(g.line, lang)),
            "rows": rows_table(f"{label('serving', lang)}: {plain(g.line.name)}", g.rows, lang),
        }
        for g in page.working_groups
    ]
    dated = [e for e in page.events if e.date is not None]
    chart = ""
    if dated:
        drawn = calendar(
            _w("calendar_chart", lang, year=page.year),
            [(plain(e.title), e.date, e.end_date) for e in dated if e.date is not None],
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
            when = date_or_dash(e.date, lang)
            if e.end_date is not None:
                when += f" – {date_or_dash(e.end_date, lang)}"
            events.append(
                TableRow(
                    [cell(when), cell(plain(e.title)), cell(plain(e.place) if e.place else "")],
                    paths.anchor(f"{page.year}:{e.id}"),
                )
            )
    unscheduled = [
        TableRow(
            [
                cell(label("undated", lang)),
                cell(plain(e.title)),
                cell(plain(e.place) if e.place else ""),
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
        (plain_table(word(key, lang), rows, anchored), word(empty, lang))
        for key, rows, anchored, empty in parts
    ]
    return {
        "title": plain(view.name),
        "tables": tables,
        "tie": word("tie", lang) if any(r.tie for r in ranking.ranked) else "",
        "no_criteria": "" if ranking.criteria else word("no_criteria", lang),
        "ineligible_heading": word("ineligible", lang),
        "ineligible": [plain(line) for line in ineligible_lines(ranking, lang)],
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
