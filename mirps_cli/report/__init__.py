"""`mirps report`: a draft of the MIRPS Annual Report, built from the plans as they stood at
the end of the reporting period. Numbers, tables and lists come from the data; narrative
the data cannot give is left to the drafting team, as marked placeholders."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from mirps_cli.categories import FOCUS_AREA_TERMS, PILLAR_TERMS, FocusArea, Pillar
from mirps_cli.errors import UsageError
from mirps_cli.i18n import Lang, Shown, fold, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.report.country import LATER, Then, chapter, status_counts, statuses_of, tally
from mirps_cli.report.regional import regional
from mirps_cli.report.views import AnnexRow, Counts, Report
from mirps_cli.status.since import changes
from mirps_cli.tree import Tree, showing
from mirps_cli.tree.as_of import is_there, status_as_of
from mirps_cli.tree.view import view_of

FIRST_REPORT_YEAR = 2017  # the numeral of a report is its year minus 2017: III for 2020

# Acronyms the report itself uses, in each language.
ACRONYMS = {
    "en": [
        ("MIRPS", "Comprehensive Regional Protection and Solutions Framework"),
        ("OAS", "Organization of American States"),
        ("UNHCR", "Office of the United Nations High Commissioner for Refugees"),
    ],
    "es": [
        ("ACNUR", "Alto Comisionado de las Naciones Unidas para los Refugiados"),
        ("MIRPS", "Marco Integral Regional para la Protección y Soluciones"),
        ("OEA", "Organización de los Estados Americanos"),
    ],
}


def roman(number: int) -> str:
    """ "III" for 3."""
    values = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def period(
    tree: Tree, year: int | None, since: dt.date | None, as_of: dt.date | None
) -> tuple[int, dt.date, dt.date]:
    """The report's year and period: the presidency year (default: the latest work plan's),
    from 1 January to 31 December, unless --since and --as-of say otherwise. Any year can be
    drafted: one without a work plan has its national chapters and says so in its regional
    part."""
    years = sorted(wp.presidency.year for _, wp in tree.work_plans())
    if year is not None:
        chosen = year
    elif as_of is not None:
        chosen = as_of.year  # the period's end says which year is reported
    else:
        chosen = years[-1] if years else dt.date.today().year
    start = since or dt.date(chosen, 1, 1)
    end = as_of or dt.date(chosen, 12, 31)
    if end < start:
        raise UsageError(
            f"the period ends ({end}) before it starts ({start})",
            f"el período termina ({end}) antes de empezar ({start})",
        )
    return chosen, start, end


def _annex_row(plan: NationalPlan, c: Commitment, lang: str) -> AnnexRow:
    return AnnexRow(
        c.id,
        plan.country,
        shown(c.title, lang),
        PILLAR_TERMS[c.pillar].in_lang(lang) if c.pillar else "",
        c.status,
        c.date_not_reported,
        c.last_dated,
        list(c.sources),
    )


def known_later(
    tree: Tree, days: tuple[dt.date, ...], country: str | None = None
) -> tuple[frozenset[str], ...]:
    """For each of `days`, the commitments with an achievement no source dates (no date, no
    report, no archive capture) that entered the plans after it: in a view of that day they
    are not "no status" but known later, their date not reported. One walk for every day; a
    chapter drafted alone decodes no other country's plan."""
    alone = showing(country=country)
    if alone is not None:
        tree = replace(tree, files=[f for f in tree.files if alone(f)])
    found: list[set[str]] = [set() for _ in days]
    for _, plan in tree.national_plans():
        for c in plan.commitments:
            entries = [*c.status_history, *(e for m in c.milestones for e in m.status_history)]
            undated = [
                e for e in entries if e.date is None and e.reported is None and e.captured is None
            ]
            for ids, day in zip(found, days, strict=True):
                if any(not is_there(e, day, plan.version_date) for e in undated):
                    ids.add(c.id)
    return tuple(frozenset(ids) for ids in found)


def build_report(
    tree: Tree,
    lang: str,
    year: int | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    as_of: dt.date | None = None,
    drafted: dt.date | None = None,
    revision: str | None = None,
) -> Report:
    """The report of `tree`, a valid tree with everything its files hold."""
    chosen, start, end = period(tree, year, since, as_of)
    # A chapter drafted alone shows no other country: the report reads the tree without
    # their plans (the regional parts come from the work plans and the Fund).
    at_end = view_of(tree, end, lang, country=country)
    # From the start of the period, only the commitments' statuses are shown: worked out
    # from the plans at its end, without a copy of the tree as it stood then (as_of removes
    # entries, never commitments, and what was there at the start is there at the end).
    day_before = start - dt.timedelta(days=1)
    later, later_then = known_later(tree, (end, day_before), country)
    then_of: dict[str, Then] = {
        plan.country: [
            (
                c,
                status_as_of(c, day_before, plan.version_date)
                or (LATER if c.id in later_then else None),
            )
            for c in plan.commitments
        ]
        for _, plan in at_end.national_plans()
    }
    period_changes = changes(at_end, start, end, lang).changes
    by_country = defaultdict(list)
    for change in period_changes:
        by_country[change.country].append(change)
    plans = sorted(
        at_end.national_plans(), key=lambda p: fold(MEMBERS[p[1].country].name.in_lang(lang))
    )
    every = [
        (plan, c) for _, plan in plans for c in plan.commitments if country in (None, plan.country)
    ]
    then = [pair for pairs in then_of.values() for pair in pairs]
    now = [c for _, c in every]
    known = statuses_of(now, later)
    chapters = [
        chapter(plan, then_of[plan.country], by_country[plan.country], end, lang, known, later)
        for _, plan in plans
        if country is None or plan.country == country
    ]
    by_pillar = [
        Counts(
            PILLAR_TERMS[p].in_lang(lang),
            tally(status for c, status in then if c.pillar is p),
            status_counts([c for c in now if c.pillar is p], known),
        )
        for p in Pillar
    ]
    by_focus = [
        Counts(
            FOCUS_AREA_TERMS[f].in_lang(lang),
            tally(status for c, status in then if f in c.focus_areas),
            status_counts([c for c in now if f in c.focus_areas], known),
        )
        for f in FocusArea
    ]
    annex = [_annex_row(plan, c, lang) for plan, c in every]
    texts: list[Shown] = [row.title for row in annex]
    return Report(
        year=chosen,
        numeral=roman(chosen - FIRST_REPORT_YEAR),
        start=start,
        end=end,
        drafted=drafted or dt.date.today(),
        revision=revision,
        countries=chapters,
        regional=regional(at_end, chosen, start, end, lang),
        totals=Counts("", tally(status for _, status in then), status_counts(now, known)),
        by_pillar=by_pillar,
        by_focus=by_focus,
        chart=[(ch.member.code, ch.encoded, ch.by_status.end["fulfilled"]) for ch in chapters],
        annex=annex,
        acronyms=ACRONYMS[Lang(lang).value],
        fallback_used=any(t.fallback for t in texts),
    )
