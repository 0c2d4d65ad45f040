"""Where countries and commitments stand: the values behind `mirps status`.

Everything here is computed from a valid tree and returned as plain values;
the renderers in output/ turn them into tables, JSON, CSV or Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from mirps_cli.errors import UsageError
from mirps_cli.i18n import Shown, fold, label, shown
from mirps_cli.members import MEMBERS, Member
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.commitment import Indicator
from mirps_cli.model.common import FundingLine, text_in
from mirps_cli.status_views import (
    NO_STATUS,
    CommitmentDetail,
    CountryCounts,
    CountryStatus,
    Filters,
    Group,
    HistoryView,
    OutcomeView,
    RegionalStatus,
    Row,
)
from mirps_cli.timeline import EventView, event_view, upcoming, window
from mirps_cli.tree import Tree
from mirps_cli.vocab import (
    FOCUS_AREA_TERMS,
    PILLAR_TERMS,
    POPULATION_TERMS,
    FocusArea,
    GroupBy,
    Pillar,
    Status,
    status_label,
)


def _row(plan: NationalPlan, c: Commitment, as_of: dt.date, lang: str) -> Row:
    return Row(
        country=plan.country,
        id=c.id,
        title=shown(c.title, lang),
        status=c.status,
        last_update=c.last_dated,
        due=c.due,
        overdue=c.is_overdue(as_of),
        stale=c.is_stale(as_of),
        date_not_reported=c.date_not_reported,
        pillar=c.pillar,
        focus_area=c.focus_area,
        institutions=tuple(c.responsible_institutions),
        working_groups=tuple(c.working_groups),
    )


def _matches(row: Row, plan: NationalPlan, filters: Filters) -> bool:
    if filters.pillar is not None and row.pillar is not filters.pillar:
        return False
    if filters.status is not None and row.status is not filters.status:
        return False
    if filters.working_group is not None and filters.working_group not in row.working_groups:
        return False
    if filters.overdue and not row.overdue:
        return False
    if filters.stale and not row.stale:
        return False
    if filters.institution is not None:
        # An id, or part of the name in either language, accents and case aside.
        wanted = fold(filters.institution)
        names = {
            i.id: fold(text_in(i.name, "en")[0] + " " + text_in(i.name, "es")[0])
            for i in plan.institutions
        }
        return any(
            wanted == fold(inst) or wanted in names.get(inst, "") for inst in row.institutions
        )
    return True


def _rows(
    tree: Tree, as_of: dt.date, filters: Filters, lang: str, country: str | None = None
) -> list[Row]:
    rows = []
    for ref in tree.tracked(Commitment):
        plan, c = ref.file.model, ref.item
        assert isinstance(plan, NationalPlan) and isinstance(c, Commitment)
        if country is not None and plan.country != country:
            continue
        row = _row(plan, c, as_of, lang)
        if _matches(row, plan, filters):
            rows.append(row)
    # By country; within one, in the plan's own order (the sort is stable).
    return sorted(rows, key=lambda row: row.country)


def _counts(member: Member, rows: Iterable[Row]) -> CountryCounts:
    rows = list(rows)
    by_status = {str(s): 0 for s in Status} | {NO_STATUS: 0}
    for row in rows:
        by_status[row.status_key] += 1
    dated = [r.last_update for r in rows if r.last_update is not None]
    return CountryCounts(
        member=member,
        total=len(rows),
        by_status=by_status,
        overdue=sum(r.overdue for r in rows),
        stale=sum(r.stale for r in rows),
        latest_update=max(dated, key=lambda d: d.latest()) if dated else None,
    )


def regional_status(
    tree: Tree, as_of: dt.date, filters: Filters, lang: str, next_events: int = 5
) -> RegionalStatus:
    rows = _rows(tree, as_of, filters, lang)
    countries = [
        _counts(member, (r for r in rows if r.country == code))
        for code, member in sorted(MEMBERS.items())
        if tree.national(code) is not None
    ]
    plan = tree.current_work_plan(as_of)
    outcomes: list[OutcomeView] = []
    next_: list[EventView] = []
    unscheduled = 0
    if plan is not None:
        outcomes = [
            OutcomeView(
                o.id, shown(o.title, lang), [(a.id, shown(a.title, lang)) for a in o.activities]
            )
            for o in plan.outcomes
        ]
        ahead = upcoming(plan.timeline, as_of, dt.date.max)
        next_ = [event_view(e, lang) for e in ahead[:next_events]]
        unscheduled = sum(window(e) is None for e in plan.timeline)
    shown_texts = [r.title for r in rows] + [o.title for o in outcomes]
    return RegionalStatus(
        as_of=as_of,
        countries=countries,
        rows=rows,
        work_plan_year=plan.presidency.year if plan else None,
        presidency=MEMBERS[plan.presidency.country] if plan else None,
        outcomes=outcomes,
        next_events=next_,
        unscheduled=unscheduled,
        fallback_used=any(t.fallback for t in shown_texts),
    )


def _group_labels(row: Row, plan: NationalPlan, group_by: GroupBy, lang: str) -> list[str]:
    if group_by is GroupBy.pillar:
        if row.pillar is None:
            return [label("no_pillar", lang)]
        number = list(Pillar).index(row.pillar) + 1
        return [f"{number}. {PILLAR_TERMS[row.pillar].in_lang(lang)}"]
    if group_by is GroupBy.focus_area:
        if row.focus_area is None:
            return [label("no_focus_area", lang)]
        return [FOCUS_AREA_TERMS[row.focus_area].in_lang(lang)]
    if group_by is GroupBy.status:
        return [status_label(row.status, lang)]
    names = {i.id: str(shown(i.name, lang)) for i in plan.institutions}
    return [f"{names.get(i, i)}" for i in row.institutions] or [label("no_institution", lang)]


def country_status(
    tree: Tree, member: Member, as_of: dt.date, filters: Filters, group_by: GroupBy, lang: str
) -> CountryStatus:
    plan = tree.national(member.code)
    if plan is None:
        raise UsageError(
            f"there is no plan for {member.code} ({member.name.en}) in the plans folder",
            f"no hay plan de {member.code} ({member.name.es}) en la carpeta de planes",
        )
    rows = _rows(tree, as_of, filters, lang, country=member.code)
    groups: dict[str, list[Row]] = {}
    order: dict[str, tuple[int, str]] = {}
    for row in rows:
        for name in _group_labels(row, plan, group_by, lang):
            groups.setdefault(name, []).append(row)
            order.setdefault(name, _sort_key(row, name, group_by))
    ordered = sorted(groups, key=lambda name: order[name])
    return CountryStatus(
        member=member,
        as_of=as_of,
        groups=[Group(name, groups[name]) for name in ordered],
        counts=_counts(member, rows),
        fallback_used=any(r.title.fallback for r in rows),
    )


def _sort_key(row: Row, name: str, group_by: GroupBy) -> tuple[int, str]:
    """Groups follow the vocabulary's order; "none" groups come last."""
    if group_by is GroupBy.pillar:
        return (list(Pillar).index(row.pillar) if row.pillar else 99, name)
    if group_by is GroupBy.focus_area:
        return (list(FocusArea).index(row.focus_area) if row.focus_area else 99, name)
    if group_by is GroupBy.status:
        return (list(Status).index(row.status) if row.status else 99, name)
    return (99 if not row.institutions else 0, name.casefold())


def commitment_detail(tree: Tree, ident: str, as_of: dt.date, lang: str) -> CommitmentDetail:
    plan, c = tree.commitment(ident)
    row = _row(plan, c, as_of, lang)
    institutions = {i.id: shown(i.name, lang) for i in plan.institutions}
    activity_titles: dict[str, Shown] = {}
    for _, wp in tree.work_plans():
        for a in wp.activities():
            activity_titles[f"{wp.presidency.year}:{a.id}"] = shown(a.title, lang)
    detail = CommitmentDetail(
        row=row,
        member=MEMBERS[plan.country],
        description=shown(c.description, lang) if c.description is not None else None,
        populations=[POPULATION_TERMS[p].in_lang(lang) for p in c.populations],
        institution_names=[institutions.get(i, Shown(i)) for i in c.responsible_institutions],
        start=c.start,
        history=[
            HistoryView(
                e.date,
                e.reported,
                e.reporter,
                e.status,
                shown(e.note, lang) if e.note else None,
                list(e.sources),
            )
            for e in c.status_history
        ],
        indicators=[_indicator(i, lang) for i in c.indicators],
        budget=[_budget_line(b, lang) for b in c.budget],
        activities=[(a, activity_titles.get(a)) for a in c.activities],
        facilitating_factors=[shown(f, lang) for f in c.facilitating_factors],
        challenges=[shown(f, lang) for f in c.challenges],
        sources=list(c.sources),
    )
    texts = [
        row.title,
        detail.description,
        *detail.institution_names,
        *(h.note for h in detail.history),
    ]
    return replace(detail, fallback_used=any(t is not None and t.fallback for t in texts))


def _indicator(indicator: Indicator, lang: str) -> dict[str, str]:
    """The indicator's given values as text; numbers with thousands separators."""
    values = {
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "target": indicator.target,
        "actual": indicator.actual,
    }
    return {
        key: f"{value:,}" if isinstance(value, (int, float)) else str(shown(value, lang))
        for key, value in values.items()
        if value is not None
    }


def _budget_line(line: FundingLine, lang: str) -> dict[str, str]:
    amount = f"{line.amount:,.0f} {line.currency or ''}".strip() if line.amount is not None else ""
    values = {
        "funder": str(shown(line.funder, lang)),
        "amount": amount,
        "kind": str(line.kind or ""),
    }
    return {key: value for key, value in values.items() if value}
