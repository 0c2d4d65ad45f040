"""Where countries and commitments stand: the values behind `mirps status`.

Everything here is computed from a valid tree and returned as plain values;
the renderers in output/ turn them into tables, JSON, CSV or Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mirps_cli.categories import FOCUS_AREA_TERMS, PILLAR_TERMS, FocusArea, GroupBy, Pillar
from mirps_cli.errors import UsageError
from mirps_cli.i18n import either, fold, label, shown
from mirps_cli.members import MEMBERS, Member
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.common import text_in
from mirps_cli.model.national_plan import Institution
from mirps_cli.model.tracked import StatusEntry
from mirps_cli.model.work_plan import Activity, WorkingGroup
from mirps_cli.status.figures import country_sections, coverage
from mirps_cli.status.views import (
    NO_STATUS,
    ActivityDetail,
    CountryCounts,
    CountryStatus,
    Filters,
    Group,
    GroupLine,
    HistoryView,
    OutcomeView,
    RegionalStatus,
    Row,
)
from mirps_cli.timeline import EventView, event_view, upcoming, window
from mirps_cli.tree import Tree
from mirps_cli.vocab import Status, status_label

GroupKey = tuple[int, str]  # a group's place in the order, and its label


def row_of(plan: NationalPlan, c: Commitment, as_of: dt.date, lang: str) -> Row:
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
        status_derived=c.status_derived,
        pillar=c.pillar,
        focus_areas=tuple(c.focus_areas),
        institutions=tuple(c.responsible_institutions),
        working_groups=tuple(c.working_groups),
        activities=tuple(c.activities),
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
        wanted = fold(filters.institution)
        named = {i.id for i in plan.institutions if _names(wanted, i)}
        return any(inst in named for inst in row.institutions)
    return True


def _names(wanted: str, institution: Institution) -> bool:
    """Whether a folded --institution names it: its id, or part of its name in either
    language, accents and case aside."""
    if wanted == fold(institution.id):
        return True
    name = institution.name
    return wanted in fold(text_in(name, "en")[0] + " " + text_in(name, "es")[0])


def check_filters(tree: Tree, filters: Filters) -> None:
    """A filter that names something the plans do not hold is a usage error (exit 2) with the
    closest valid choices, as `--country` is: never a table of zeros."""
    import difflib

    if filters.working_group is not None:
        groups = sorted({g.id for _, wp in tree.work_plans() for g in wp.working_groups})
        if filters.working_group not in groups:
            close = difflib.get_close_matches(filters.working_group, groups, n=3, cutoff=0.4)
            raise UsageError(
                f"unknown working group '{filters.working_group}'; use one of "
                f"{', '.join(close or groups)}",
                f"grupo de trabajo desconocido '{filters.working_group}'; use uno de "
                f"{', '.join(close or groups)}",
            )
    if filters.institution is not None:
        wanted = fold(filters.institution)
        institutions = [i for _, plan in tree.national_plans() for i in plan.institutions]
        if not any(_names(wanted, i) for i in institutions):  # the rule _matches applies
            known: dict[str, str] = {}
            for i in institutions:
                known[fold(i.id)] = i.id
                for text in (text_in(i.name, "en")[0], text_in(i.name, "es")[0]):
                    known[fold(text)] = i.id
            close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.5)
            choices = list(dict.fromkeys(known[c] for c in close)) or sorted(set(known.values()))
            raise UsageError(
                f"no institution is named '{filters.institution}'; did you mean "
                f"{either(choices, 'en')}?",
                f"ninguna institución se llama '{filters.institution}'; ¿quiso decir "
                f"{either(choices, 'es')}?",
            )


def _rows(
    tree: Tree, as_of: dt.date, filters: Filters, lang: str, country: str | None = None
) -> list[Row]:
    rows = []
    for ref in tree.tracked(Commitment):
        plan, c = ref.file.model, ref.item
        assert isinstance(plan, NationalPlan) and isinstance(c, Commitment)
        if country is not None and plan.country != country:
            continue
        row = row_of(plan, c, as_of, lang)
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


def serving(group: WorkingGroup, rows: list[Row]) -> list[Row]:
    """The commitments that serve a working group."""
    return [r for r in rows if group.id in r.working_groups]


def group_line(group: WorkingGroup, rows: list[Row], lang: str) -> GroupLine:
    """A working group with its lead and how many of the commitments serving it (`rows`)
    are fulfilled."""
    lead = MEMBERS[group.lead_country] if group.lead_country else None
    done = sum(r.status is Status.FULFILLED for r in rows)
    return GroupLine(group.id, shown(group.name, lang), lead, len(rows), done)


def regional_status(
    tree: Tree, as_of: dt.date, filters: Filters, lang: str, next_events: int = 5
) -> RegionalStatus:
    check_filters(tree, filters)
    rows = _rows(tree, as_of, filters, lang)
    present = [
        (member, national)
        for code, member in sorted(MEMBERS.items())
        if (national := tree.national(code)) is not None
    ]
    countries = [_counts(m, (r for r in rows if r.country == m.code)) for m, _ in present]
    plan = tree.current_work_plan(as_of)
    outcomes: list[OutcomeView] = []
    groups: list[GroupLine] = []
    next_: list[EventView] = []
    unscheduled = 0
    if plan is not None:
        outcomes = [
            OutcomeView(
                o.id,
                shown(o.title, lang),
                [(a.id, shown(a.title, lang), a.status) for a in o.activities],
            )
            for o in plan.outcomes
        ]
        groups = [group_line(group, serving(group, rows), lang) for group in plan.working_groups]
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
        working_groups=groups,
        coverage=[
            f"{m.code}: {words}" for m, national in present if (words := coverage(national, lang))
        ],
    )


def _groups_of(row: Row, plan: NationalPlan, group_by: GroupBy, lang: str) -> list[GroupKey]:
    """The groups a row belongs to (several for focus areas and institutions), each with its
    place: groups follow the vocabulary's order, and "none" groups come last."""
    if group_by is GroupBy.pillar:
        if row.pillar is None:
            return [(99, label("no_pillar", lang))]
        number = list(Pillar).index(row.pillar) + 1
        return [(number, f"{number}. {PILLAR_TERMS[row.pillar].in_lang(lang)}")]
    if group_by is GroupBy.focus_area:
        return [
            (list(FocusArea).index(area), FOCUS_AREA_TERMS[area].in_lang(lang))
            for area in row.focus_areas
        ] or [(99, label("no_focus_area", lang))]
    if group_by is GroupBy.status:
        place = list(Status).index(row.status) if row.status else 99
        return [(place, status_label(row.status, lang))]
    names = {i.id: str(shown(i.name, lang)) for i in plan.institutions}
    return [(0, names.get(i, i)) for i in row.institutions] or [(99, label("no_institution", lang))]


def country_status(
    tree: Tree, member: Member, as_of: dt.date, filters: Filters, group_by: GroupBy, lang: str
) -> CountryStatus:
    check_filters(tree, filters)
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
        for place, name in _groups_of(row, plan, group_by, lang):
            groups.setdefault(name, []).append(row)
            order.setdefault(name, (place, name.casefold()))
    ordered = sorted(groups, key=lambda name: order[name])
    return CountryStatus(
        member=member,
        as_of=as_of,
        groups=[Group(name, groups[name]) for name in ordered],
        counts=_counts(member, rows),
        fallback_used=any(r.title.fallback for r in rows),
        known_commitments=plan.known_commitments.count if plan.known_commitments else None,
        coverage=coverage(plan, lang),
        sections=country_sections(plan, lang),
    )


def activity_detail(tree: Tree, ident: str, as_of: dt.date, lang: str) -> ActivityDetail:
    """`mirps status --activity 2022:1.1`."""
    ref = tree.find_tracked(ident if ":" in ident else f"{_latest_year(tree)}:{ident}", Activity)
    activity = ref.item
    assert isinstance(activity, Activity)
    rows = [
        row
        for row in _rows(tree, as_of, Filters(), lang)
        if row.id in activity.commitments or ref.ident in row.activities
    ]
    return ActivityDetail(
        id=ref.ident,
        title=shown(activity.title, lang),
        status=activity.status,
        history=[history_view(e, lang) for e in activity.status_history],
        responsible=[shown(r, lang) for r in activity.responsible],
        working_groups=list(activity.working_groups),
        rows=rows,
    )


def _latest_year(tree: Tree) -> int:
    years = [wp.presidency.year for _, wp in tree.work_plans()]
    return max(years) if years else 0


def history_view(entry: StatusEntry, lang: str) -> HistoryView:
    """One status entry as the views show it, its note in the chosen language."""
    note = shown(entry.note, lang) if entry.note else None
    return HistoryView(
        entry.date,
        entry.reported,
        entry.reporter,
        entry.status,
        note,
        list(entry.sources),
        entry.captured if entry.reported is None else None,
        entry.recorded,
    )
