"""`mirps site`: the plans as a static public web site, a page a value.

`pages` yields each page of one language as it is made, so a site of 10,000 commitments is
never held whole: the command writes a page and drops it before the next. The values come
from the views `mirps status`, `timeline` and `fund` return, so the site says what they say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mirps_cli.categories import GroupBy
from mirps_cli.dates import add_months
from mirps_cli.fund import overview, prioritize
from mirps_cli.i18n import shown
from mirps_cli.members import MEMBERS
from mirps_cli.model import NationalPlan, WorkPlan
from mirps_cli.model.fund import FundPlan
from mirps_cli.site import paths
from mirps_cli.site.views import (
    CommitmentPage,
    Feed,
    FundPage,
    GroupPart,
    Home,
    MemberPage,
    OutcomePart,
    Page,
    SiteMap,
    WorkingGroupRef,
    WorkPlanPage,
)
from mirps_cli.status import (
    country_status,
    group_line,
    history_view,
    regional_status,
    serving,
)
from mirps_cli.status.commitment import activity_titles, detail_of
from mirps_cli.status.figures import figure_text
from mirps_cli.status.since import Change, changes
from mirps_cli.status.views import ActivityDetail, Filters, Row
from mirps_cli.timeline import event_view, timeline_view
from mirps_cli.tree import Tree

RECENT = 10  # changes on the home page
FEED_ENTRIES = 100


def site_map(
    tree: Tree, as_of: dt.date, langs: tuple[str, ...], built: dt.date, revision: str | None
) -> SiteMap:
    pages: dict[str, str] = {}
    for ref in tree.tracked():
        model = ref.file.model
        if isinstance(model, NationalPlan):
            # A milestone (HN-03.1) is shown on its commitment's page: loc is
            # ("commitments", n, ...).
            owner = model.commitments[int(ref.loc[1])]
            pages[ref.ident] = paths.commitment(owner.id)
        elif isinstance(model, WorkPlan):
            pages[ref.ident] = f"{paths.work_plan(model.presidency.year)}#{paths.anchor(ref.ident)}"
        elif isinstance(model, FundPlan):
            pages[ref.ident] = f"{paths.FUND}#{paths.anchor(ref.ident)}"
    return SiteMap(
        members=tuple(
            member for code, member in sorted(MEMBERS.items()) if tree.national(code) is not None
        ),
        work_plans=tuple(sorted(wp.presidency.year for _, wp in tree.work_plans())),
        has_fund=bool(tree.funds()),
        langs=langs,
        as_of=as_of,
        built=built,
        revision=revision,
        pages=pages,
    )


def year_before(as_of: dt.date) -> dt.date:
    """The start of "the last twelve months" up to `as_of`."""
    return add_months(as_of, -12) + dt.timedelta(days=1)


def recent_changes(tree: Tree, as_of: dt.date, lang: str) -> list[Change]:
    """What changed in the twelve months to `as_of`, newest first."""
    return changes(tree, year_before(as_of), as_of, lang).changes[::-1]


def feed(recent: list[Change], as_of: dt.date) -> Feed:
    """The feed of `recent_changes`, its newest entries."""
    return Feed(recent[:FEED_ENTRIES], year_before(as_of))


def pages(tree: Tree, site: SiteMap, lang: str, recent: list[Change]) -> Iterator[tuple[str, Page]]:
    """Every page of one language with its file name, one at a time. `tree` is the view of
    the as-of day in that language (tree.view.view_of); `recent`, its `recent_changes`."""
    as_of = site.as_of
    regional = regional_status(tree, as_of, Filters(), lang)
    fund = overview(tree, as_of, lang) if site.has_fund else None
    yield paths.HOME, Home(regional, fund, recent[:RECENT])
    for member in site.members:
        status = country_status(tree, member, as_of, Filters(), GroupBy.pillar, lang)
        mine = [c for c in recent if c.country == member.code]
        plan = tree.national(member.code)
        assert plan is not None  # the site map lists the members with a plan
        figures = [(figure_text(f, lang), list(f.sources)) for f in plan.figures]
        yield (
            paths.member(member.code),
            MemberPage(status, year_before(as_of), mine, figures),
        )
    titles = activity_titles(tree, lang)
    groups = _group_names(tree, lang)
    for _, plan in tree.national_plans():
        for c in plan.commitments:
            detail = detail_of(plan, c, as_of, lang, titles)
            refs = [groups.get(g, WorkingGroupRef(g, None, None)) for g in c.working_groups]
            yield paths.commitment(c.id), CommitmentPage(detail, refs)
    current = tree.current_work_plan(as_of)
    for _, wp in sorted(tree.work_plans(), key=lambda p: p[1].presidency.year):
        yield (
            paths.work_plan(wp.presidency.year),
            _work_plan(tree, wp, regional.rows, as_of, wp is current, lang),
        )
    if fund is not None:
        yield paths.FUND, FundPage(fund, prioritize(tree, lang))


def _group_names(tree: Tree, lang: str) -> dict[str, WorkingGroupRef]:
    """Each working group by id, from the latest work plan that has it."""
    found: dict[str, WorkingGroupRef] = {}
    for _, wp in sorted(tree.work_plans(), key=lambda p: p[1].presidency.year):
        for group in wp.working_groups:
            found[group.id] = WorkingGroupRef(group.id, shown(group.name, lang), wp.presidency.year)
    return found


def _work_plan(
    tree: Tree, plan: WorkPlan, rows: list[Row], as_of: dt.date, current: bool, lang: str
) -> WorkPlanPage:
    year = plan.presidency.year
    outcomes = []
    for outcome in plan.outcomes:
        activities = []
        for a in outcome.activities:
            ident = plan.qualify(a.id)
            activities.append(
                ActivityDetail(
                    id=ident,
                    title=shown(a.title, lang),
                    status=a.status,
                    history=[history_view(e, lang) for e in a.status_history],
                    responsible=[shown(r, lang) for r in a.responsible],
                    working_groups=list(a.working_groups),
                    rows=[r for r in rows if r.id in a.commitments or ident in r.activities],
                )
            )
        outcomes.append(OutcomePart(outcome.id, shown(outcome.title, lang), activities))
    groups = []
    for group in plan.working_groups:
        theirs = serving(group, rows)
        groups.append(GroupPart(group_line(group, theirs, lang), theirs))
    return WorkPlanPage(
        year=year,
        presidency=MEMBERS[plan.presidency.country],
        current=current,
        outcomes=outcomes,
        working_groups=groups,
        timeline=timeline_view(tree, year, as_of, None, lang),
        events=[event_view(e, lang) for e in plan.timeline],
    )
