"""The regional chapter of the annual report: the work plan's outcomes and activities, the
working groups, the partnerships (Support Platform, MIRPS Fund) and the period's calendar."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from mirps_cli.categories import BUDGET_KIND_TERMS, BudgetKind, ReportSection
from mirps_cli.i18n import Shown, label, number, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model.work_plan import WorkPlan, priority_text
from mirps_cli.report.views import ActivityLine, Event, Regional, Section
from mirps_cli.tree import Tree
from mirps_cli.vocab import status_label


def _money_line(
    who: Shown, amount: float | None, currency: str | None, kind: BudgetKind | None, lang: str
) -> str:
    """ "Spain, EUR 1.000.000, en efectivo": what the source gives of it."""
    money = f"{currency} {number(amount, lang)}" if amount is not None and currency else ""
    words = [str(who), money, BUDGET_KIND_TERMS[kind].in_lang(lang) if kind else ""]
    return ", ".join(w for w in words if w)


def _sections(
    tree: Tree, plan: WorkPlan | None, start: dt.date, end: dt.date, lang: str
) -> list[Section]:
    """The regional chapter's parts in the published order (1. Protection, 2. Solutions,
    3. Partnerships), each with what the plans place in it (`section`), and last what they
    place nowhere yet; a part nothing is placed in is left out."""
    fund_sections = [f.section for _, f in tree.funds()]
    if plan is not None and plan.fund is not None:
        fund_sections.append(plan.fund.section)
    found = []
    for key in [*ReportSection, None]:
        activities = [
            ActivityLine(
                a.id,
                shown(a.title, lang),
                a.status,
                [
                    (when, e.status, shown(e.note, lang) if e.note else None)
                    for e in a.status_history
                    for when, _ in [e.counted_from()]
                    if when is not None and start <= when.earliest() <= end
                ],
            )
            for o in (plan.outcomes if plan else [])
            for a in o.activities
            if a.section == key
        ]
        groups = [g.id for g in (plan.working_groups if plan else []) if g.section == key]
        events = [e.id for e in (plan.timeline if plan else []) if e.section == key]
        fund = key in fund_sections
        platform = (
            plan is not None
            and plan.support_platform is not None
            and (plan.support_platform.section == key)
        )
        if activities or groups or events or fund or platform:
            found.append(Section(key, activities, groups, events, fund, platform))
    return found


def regional(tree: Tree, year: int, start: dt.date, end: dt.date, lang: str) -> Regional:
    """The regional part of the year's report. A year without a work plan of its own still has
    the Fund (its own file) and the dated regional work the plans hold for the period (events
    of any work plan dated in it); its outline, working groups and partnerships stay empty,
    and the draft says no work plan is recorded for the year."""
    plans = {wp.presidency.year: wp for _, wp in tree.work_plans()}
    plan = plans.get(year)
    outcomes = [
        (o.id, shown(o.title, lang), [(a.id, shown(a.title, lang)) for a in o.activities])
        for o in (plan.outcomes if plan else [])
    ]
    groups = [
        (
            g.id,
            shown(g.name, lang),
            MEMBERS[g.lead_country].name.in_lang(lang) if g.lead_country else "",
            g.lead_unconfirmed,
            [shown(priority_text(p), lang) for p in g.priorities],
        )
        for g in (plan.working_groups if plan else [])
    ]
    lines: list[str] = []
    totals: dict[str, float] = defaultdict(float)
    if plan is not None and plan.fund is not None:
        for line in plan.fund.budget_lines:
            lines.append(
                _money_line(shown(line.funder, lang), line.amount, line.currency, line.kind, lang)
            )
            if line.amount is not None and line.currency is not None:
                totals[line.currency] += line.amount  # never summed across currencies
    # The Fund's own file, as `mirps fund` shows it: contributions, and the projects with the
    # commitments they serve.
    projects: list[str] = []
    for _, fund in tree.funds():
        for gift in fund.contributions:
            lines.append(
                _money_line(shown(gift.donor, lang), gift.amount, gift.currency, gift.kind, lang)
            )
            if gift.amount is not None and gift.currency is not None:
                totals[gift.currency] += gift.amount
        for project in fund.projects:
            serves = f" → {', '.join(project.commitments)}" if project.commitments else ""
            state = status_label(project.status, lang)
            projects.append(
                f"{project.id} ({project.country}) {shown(project.title, lang)}: {state}{serves}"
            )
    events, unscheduled = [], []
    # The year's own calendar; without one, whatever any work plan dates inside the period.
    calendars = [plan] if plan is not None else [plans[y] for y in sorted(plans)]
    for work_plan in calendars:
        for event in work_plan.timeline:
            view = Event(event.id, shown(event.title, lang), event.date, event.end_date)
            if event.date is None or event.date.month is None:
                if work_plan is plan:
                    unscheduled.append(view)
            elif event.date.earliest() <= end and (event.end_date or event.date).latest() >= start:
                events.append(view)
    platform = plan.support_platform if plan is not None else None
    return Regional(
        sections=_sections(tree, plan, start, end, lang),
        year=year if plan is not None else None,
        presidency=MEMBERS[plan.presidency.country] if plan is not None else None,
        outcomes=outcomes,
        working_groups=groups,
        support_chair=shown(platform.chair, lang) if platform and platform.chair else None,
        support_members=[shown(m, lang) for m in platform.members] if platform else [],
        fund_lines=lines,
        fund_totals=[
            f"{label('total', lang)}: {c} {number(v, lang)}" for c, v in sorted(totals.items())
        ],
        fund_projects=projects,
        events=events,
        unscheduled=unscheduled,
    )
