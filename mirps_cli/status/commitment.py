"""One commitment in full, the value behind `mirps status HN-03`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from mirps_cli.categories import (
    BUDGET_KIND_TERMS,
    PARTNER_KIND_TERMS,
    PARTNER_ROLE_TERMS,
    POPULATION_TERMS,
)
from mirps_cli.i18n import Shown, label, number, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.commitment import Milestone, Partner, Place
from mirps_cli.model.common import FundingLine
from mirps_cli.model.measures import Indicator, Value
from mirps_cli.status import history_view, row_of
from mirps_cli.status.figures import request_text
from mirps_cli.status.views import CommitmentDetail, MilestoneView
from mirps_cli.tree import Tree


def commitment_detail(tree: Tree, ident: str, as_of: dt.date, lang: str) -> CommitmentDetail:
    plan, c = tree.commitment(ident)
    return detail_of(plan, c, as_of, lang, activity_titles(tree, lang))


def activity_titles(tree: Tree, lang: str) -> dict[str, Shown]:
    """Every work-plan activity's title by its id in the tree (2022:1.1)."""
    return {
        f"{wp.presidency.year}:{a.id}": shown(a.title, lang)
        for _, wp in tree.work_plans()
        for a in wp.activities()
    }


def detail_of(
    plan: NationalPlan,
    c: Commitment,
    as_of: dt.date,
    lang: str,
    activity_titles: Mapping[str, Shown],
) -> CommitmentDetail:
    """One commitment in full, from its plan: a site of every commitment asks for each in
    turn, with the activities' titles worked out once (a lookup by id walks the tree)."""
    row = row_of(plan, c, as_of, lang)
    institutions = {i.id: shown(i.name, lang) for i in plan.institutions}
    detail = CommitmentDetail(
        row=row,
        member=MEMBERS[plan.country],
        description=shown(c.description, lang) if c.description is not None else None,
        populations=[POPULATION_TERMS[p].in_lang(lang) for p in c.populations],
        institution_names=[institutions.get(i, Shown(i)) for i in c.responsible_institutions],
        start=c.start,
        history=[history_view(e, lang) for e in c.status_history],
        milestones=[_milestone(m, lang) for m in c.milestones],
        support_requests=[request_text(r, lang) for r in c.support_requests],
        partners=[_partner(p, lang) for p in c.partners],
        places=[_place(p, lang) for p in c.places],
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
        *(m.title for m in detail.milestones),
    ]
    return replace(detail, fallback_used=any(t is not None and t.fallback for t in texts))


def _value(value: int | float | str | Value, lang: str) -> str:
    """ "about 210,000 (2024)", "more than 32,000": a value as the source gives it."""
    if isinstance(value, Value):
        text = _value(value.value, lang)
        if value.about and isinstance(value.value, (int, float)):
            text = number(value.value, lang, about=True)
        return f"{text} ({value.date})" if value.date is not None else text
    if isinstance(value, (int, float)):
        return number(value, lang)
    return value


def _indicator(indicator: Indicator, lang: str) -> dict[str, str]:
    """The indicator's given values as text, numbers in the language's own form."""
    shown_values = {
        "name": str(shown(indicator.name, lang)),
        "unit": str(shown(indicator.unit, lang)) if indicator.unit else "",
        "baseline": f"{label('baseline', lang)} {_value(indicator.baseline, lang)}"
        if indicator.baseline is not None
        else "",
        "target": f"{label('target', lang)} {_value(indicator.target, lang)}"
        if indicator.target is not None
        else "",
        "actual": _value(indicator.actual, lang) if indicator.actual is not None else "",
        "values": "; ".join(_value(v, lang) for v in indicator.values),
    }
    return {key: text for key, text in shown_values.items() if text}


def _budget_line(line: FundingLine, lang: str) -> dict[str, str]:
    amount = ""
    if line.amount is not None:
        amount = f"{line.currency or ''} {number(line.amount, lang)}".strip()
    period = "–".join(str(d) for d in (line.start, line.end) if d is not None)
    paid = "; ".join(
        f"{i.date}" + (f" {number(i.amount, lang)}" if i.amount is not None else "")
        for i in line.instalments
    )
    values = {
        "funder": str(shown(line.funder, lang)),
        "amount": amount,
        "kind": BUDGET_KIND_TERMS[line.kind].in_lang(lang) if line.kind else "",
        "period": period,
        "instalments": f"{label('instalments', lang)}: {paid}" if paid else "",
    }
    return {key: value for key, value in values.items() if value}


def _milestone(milestone: Milestone, lang: str) -> MilestoneView:
    last = milestone.current
    return MilestoneView(
        id=milestone.id,
        title=shown(milestone.title, lang),
        status=milestone.status,
        date=last.when if last else None,
        date_not_reported=milestone.date_not_reported,
    )


def _partner(partner: Partner, lang: str) -> str:
    """ "UNHCR (UN agency, implementer)"."""
    words = [PARTNER_KIND_TERMS[partner.kind].in_lang(lang)] if partner.kind else []
    words.append(PARTNER_ROLE_TERMS[partner.role].in_lang(lang))
    return f"{shown(partner.name, lang)} ({', '.join(words)})"


def _place(place: Place, lang: str) -> str:
    return str(shown(place.name, lang)) + (f" ({place.code})" if place.code else "")
