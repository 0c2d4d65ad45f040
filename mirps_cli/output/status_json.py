"""`mirps status` as JSON, for programs."""

from __future__ import annotations

import json
from typing import Any

from mirps_cli.status.since import Change, ChangesView
from mirps_cli.status.views import (
    ActivityDetail,
    CommitmentDetail,
    CountryCounts,
    CountryStatus,
    RegionalStatus,
    Row,
    StatusView,
    by_view,
)
from mirps_cli.timeline import EventView


def render(view: StatusView, lang: str) -> str:
    return by_view(view, _regional, _country, _commitment, _changes, _activity)


def opt(value: object) -> str | None:
    return str(value) if value is not None else None


def row_data(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "country": row.country,
        "title": row.title.text,
        "status": opt(row.status),
        "last_update": opt(row.last_update),
        "due": opt(row.due),
        "overdue": row.overdue,
        "stale": row.stale,
        "date_not_reported": row.date_not_reported,
        "status_derived": row.status_derived,
        "pillar": opt(row.pillar),
        "focus_areas": [str(a) for a in row.focus_areas],
        "institutions": list(row.institutions),
        "working_groups": list(row.working_groups),
    }


def counts_data(c: CountryCounts) -> dict[str, Any]:
    return {
        "country": c.member.code,
        "name": c.member.name.en,
        "total": c.total,
        "counts": dict(c.by_status),
        "fulfilled_share": round(c.fulfilled_share, 4),
        "overdue": c.overdue,
        "stale": c.stale,
        "latest_update": opt(c.latest_update),
    }


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def unique_rows(view: CountryStatus) -> list[dict[str, Any]]:
    """Each commitment once, though grouping by institution may list it twice."""
    seen: dict[str, dict[str, Any]] = {}
    for group in view.groups:
        for row in group.rows:
            seen.setdefault(row.id, row_data(row))
    return list(seen.values())


def event_data(e: EventView) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title.text,
        "date": opt(e.date),
        "end_date": opt(e.end_date),
        "place": e.place.text if e.place else None,
    }


def _regional(view: RegionalStatus) -> str:
    return dump(
        {
            "as_of": view.as_of.isoformat(),
            "countries": [counts_data(c) for c in view.countries],
            "coverage": view.coverage,
            "commitments": [row_data(r) for r in view.rows],
            "work_plan": view.work_plan_year,
            "next_events": [event_data(e) for e in view.next_events],
            "unscheduled_events": view.unscheduled,
            "activities": [
                {"id": i, "outcome": o.id, "status": opt(s)}
                for o in view.outcomes
                for i, _, s in o.activities
            ],
            "working_groups": [
                {
                    "id": g.id,
                    "lead": g.lead.code if g.lead else None,
                    "commitments": g.commitments,
                    "fulfilled": g.fulfilled,
                }
                for g in view.working_groups
            ],
        }
    )


def _country(view: CountryStatus) -> str:
    return dump(
        {
            "as_of": view.as_of.isoformat(),
            "countries": [counts_data(view.counts)],
            "commitments": unique_rows(view),
            "groups": [{"label": g.label, "ids": [r.id for r in g.rows]} for g in view.groups],
            "known_commitments": view.known_commitments,
            "sections": [{"heading": h, "items": items} for h, items in view.sections],
        }
    )


def _commitment(view: CommitmentDetail) -> str:
    data = row_data(view.row)
    data.update(
        {
            "description": view.description.text if view.description else None,
            "start": opt(view.start),
            "history": [
                {
                    "date": opt(e.date),
                    "reported": opt(e.reported),
                    "archive_capture": opt(e.captured),
                    "recorded": opt(e.recorded),
                    "reporter": opt(e.reporter),
                    "status": str(e.status),
                    "note": e.note.text if e.note else None,
                    "sources": e.sources,
                }
                for e in view.history
            ],
            "milestones": [
                {
                    "id": m.id,
                    "title": m.title.text,
                    "status": opt(m.status),
                    "date": opt(m.date),
                    "date_not_reported": m.date_not_reported,
                }
                for m in view.milestones
            ],
            "support_requests": view.support_requests,
            "partners": view.partners,
            "places": view.places,
            "indicators": view.indicators,
            "budget": view.budget,
            "activities": [a for a, _ in view.activities],
            "sources": view.sources,
        }
    )
    return dump(data)


def change_data(change: Change) -> dict[str, Any]:
    return {
        "date": str(change.date),
        "dated_by": change.dated_by,
        "country": change.country,
        "id": change.id,
        "kind": change.kind.en,
        "title": change.title.text,
        "status": opt(change.status),
        "value": change.value,
        "note": change.note.text if change.note else None,
        "sources": change.sources,
    }


def _changes(view: ChangesView) -> str:
    return dump(
        {
            "from": view.start.isoformat(),
            "to": view.end.isoformat(),
            "changes": [change_data(c) for c in view.changes],
        }
    )


def _activity(view: ActivityDetail) -> str:
    return dump(
        {
            "id": view.id,
            "title": view.title.text,
            "status": opt(view.status),
            "responsible": [r.text for r in view.responsible],
            "working_groups": view.working_groups,
            "history": [
                {
                    "date": opt(e.date),
                    "status": str(e.status),
                    "note": e.note.text if e.note else None,
                }
                for e in view.history
            ],
            "commitments": [row_data(r) for r in view.rows],
        }
    )
