"""`mirps fund` as JSON, for a donor's system: statuses also as IATI ActivityStatus codes."""

from __future__ import annotations

import json
from typing import Any

from mirps_cli.fund import FundOverview, Prioritized


def data(view: FundOverview | Prioritized) -> dict[str, Any]:
    if isinstance(view, Prioritized):
        return {
            "criteria": [{"id": i, "weight": w} for i, _, w in view.criteria],
            "ranked": [
                {
                    "rank": r.rank,
                    "id": r.id,
                    "country": r.country,
                    "score": r.total,
                    "tie": r.tie,
                    "scores": {ident: score for ident, _, score in r.scores},
                }
                for r in view.ranked
            ],
            "unranked": [{"id": r.id, "country": r.country} for r in view.unranked],
            "ineligible": [
                {
                    "id": r.id,
                    "country": r.country,
                    "not_met": [i for i, _, failed in r.reasons if failed],
                    "not_assessed": [i for i, _, failed in r.reasons if not failed],
                }
                for r in view.ineligible
            ],
        }
    money = [
        {
            "country": r.who,
            "currency": r.currency,
            "requested": r.requested,
            "approved": r.approved,
            "disbursed": r.disbursed,
            "gap": r.gap,
        }
        for r in view.by_country
    ]
    return {
        "as_of": view.as_of.isoformat(),
        "by_country": money,
        "by_donor": [
            {"donor": r.who, "currency": r.currency, "given": r.approved} for r in view.by_donor
        ],
        "projects": [
            {
                "id": p.id,
                "country": p.country,
                "title": p.title.text,
                "status": p.status,
                "iati_activity_status": p.iati,
            }
            for p in view.projects
        ],
        "roadmap": [
            {"id": m.id, "due": m.due or None, "status": m.status, "overdue": m.overdue}
            for m in view.roadmap
        ],
    }


def render(view: FundOverview | Prioritized, lang: str) -> str:
    return json.dumps(data(view), ensure_ascii=False, indent=2) + "\n"
