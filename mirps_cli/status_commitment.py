"""One commitment in full, the value behind `mirps status HN-03`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mirps_cli.i18n import Shown, label, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model.commitment import Indicator, Milestone, Partner, Place, SupportRequest
from mirps_cli.model.common import FundingLine
from mirps_cli.status import row_of
from mirps_cli.status_views import CommitmentDetail, HistoryView, MilestoneView
from mirps_cli.tree import Tree
from mirps_cli.vocab import (
    BUDGET_KIND_TERMS,
    PARTNER_KIND_TERMS,
    PARTNER_ROLE_TERMS,
    POPULATION_TERMS,
)


def commitment_detail(tree: Tree, ident: str, as_of: dt.date, lang: str) -> CommitmentDetail:
    plan, c = tree.commitment(ident)
    row = row_of(plan, c, as_of, lang)
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
        milestones=[_milestone(m, lang) for m in c.milestones],
        support_requests=[_request(r, lang) for r in c.support_requests],
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
        "kind": BUDGET_KIND_TERMS[line.kind].in_lang(lang) if line.kind else "",
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


def _request(request: SupportRequest, lang: str) -> str:
    """ "Technical assistance (asked of UNHCR), USD 50,000, 2024-03"."""
    text = str(shown(request.what, lang))
    if request.asked_of is not None:
        text += f" ({label('asked_of', lang)} {shown(request.asked_of, lang)})"
    if request.amount is not None:
        text += f", {request.currency or ''} {request.amount:,.0f}".replace(",  ", ", ")
    if request.date is not None:
        text += f", {request.date}"
    return text


def _partner(partner: Partner, lang: str) -> str:
    """ "UNHCR (UN agency, implementer)"."""
    words = [PARTNER_KIND_TERMS[partner.kind].in_lang(lang)] if partner.kind else []
    words.append(PARTNER_ROLE_TERMS[partner.role].in_lang(lang))
    return f"{shown(partner.name, lang)} ({', '.join(words)})"


def _place(place: Place, lang: str) -> str:
    return str(shown(place.name, lang)) + (f" ({place.code})" if place.code else "")
