"""`mirps status` and `mirps timeline` as JSON and CSV, for spreadsheets and programs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from mirps_cli.model.work_plan import TimelineEvent
from mirps_cli.status import event_view
from mirps_cli.status_views import (
    CommitmentDetail,
    CountryCounts,
    CountryStatus,
    EventView,
    RegionalStatus,
    Row,
)
from mirps_cli.timeline import Timeline


def _opt(value: object) -> str | None:
    return str(value) if value is not None else None


def _row(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "country": row.country,
        "title": row.title.text,
        "status": _opt(row.status),
        "last_update": _opt(row.last_update),
        "due": _opt(row.due),
        "overdue": row.overdue,
        "stale": row.stale,
        "pillar": _opt(row.pillar),
        "focus_area": _opt(row.focus_area),
        "institutions": list(row.institutions),
        "working_groups": list(row.working_groups),
    }


def _counts(c: CountryCounts) -> dict[str, Any]:
    return {
        "country": c.member.code,
        "name": c.member.name.en,
        "total": c.total,
        "counts": dict(c.by_status),
        "fulfilled_share": round(c.fulfilled_share, 4),
        "overdue": c.overdue,
        "stale": c.stale,
        "latest_update": _opt(c.latest_update),
    }


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def regional_json(view: RegionalStatus) -> str:
    return _dump(
        {
            "as_of": view.as_of.isoformat(),
            "countries": [_counts(c) for c in view.countries],
            "commitments": [_row(r) for r in view.rows],
            "work_plan": view.work_plan_year,
            "next_events": [_event(e) for e in view.next_events],
            "unscheduled_events": view.unscheduled,
        }
    )


def country_json(view: CountryStatus) -> str:
    return _dump(
        {
            "as_of": view.as_of.isoformat(),
            "countries": [_counts(view.counts)],
            "commitments": _unique_rows(view),
            "groups": [{"label": g.label, "ids": [r.id for r in g.rows]} for g in view.groups],
        }
    )


def _unique_rows(view: CountryStatus) -> list[dict[str, Any]]:
    """Each commitment once, though grouping by institution may list it twice."""
    seen: dict[str, dict[str, Any]] = {}
    for group in view.groups:
        for row in group.rows:
            seen.setdefault(row.id, _row(row))
    return list(seen.values())


def commitment_json(view: CommitmentDetail) -> str:
    data = _row(view.row)
    data.update(
        {
            "description": view.description.text if view.description else None,
            "start": _opt(view.start),
            "history": [
                {
                    "date": _opt(e.date),
                    "status": str(e.status),
                    "note": e.note.text if e.note else None,
                    "sources": e.sources,
                }
                for e in view.history
            ],
            "indicators": view.indicators,
            "budget": view.budget,
            "activities": [a for a, _ in view.activities],
            "sources": view.sources,
        }
    )
    return _dump(data)


def _event(e: EventView) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title.text,
        "date": _opt(e.date),
        "end_date": _opt(e.end_date),
        "place": e.place.text if e.place else None,
    }


def timeline_json(timeline: Timeline, lang: str) -> str:
    def event(e: TimelineEvent) -> dict[str, Any]:
        return _event(event_view(e, lang))

    return _dump(
        {
            "year": timeline.plan.presidency.year,
            "months": [
                {"month": f"{m.year:04d}-{m.month:02d}", "events": [event(e) for e in m.events]}
                for m in timeline.months
            ],
            "unscheduled": [event(e) for e in timeline.unscheduled],
        }
    )


CSV_FIELDS = [
    "country",
    "id",
    "title",
    "status",
    "last_update",
    "due",
    "overdue",
    "stale",
    "pillar",
    "focus_area",
    "institutions",
    "working_groups",
]


def _csv(fields: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: " ".join(v) if isinstance(v, list) else ("" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()


def regional_csv(view: RegionalStatus) -> str:
    """One row per country: the counts a spreadsheet of the region needs."""
    rows = []
    for c in view.countries:
        data = _counts(c)
        rows.append(
            {
                "country": data["country"],
                "name": data["name"],
                "total": data["total"],
                **data["counts"],
                "fulfilled_share": data["fulfilled_share"],
                "overdue": data["overdue"],
                "stale": data["stale"],
                "latest_update": data["latest_update"],
            }
        )
    fields = [
        "country",
        "name",
        "total",
        "planned",
        "in_progress",
        "fulfilled",
        "suspended",
        "cancelled",
        "none",
        "fulfilled_share",
        "overdue",
        "stale",
        "latest_update",
    ]
    return _csv(fields, rows)


def country_csv(view: CountryStatus) -> str:
    """One row per commitment."""
    return _csv(CSV_FIELDS, _unique_rows(view))


def commitment_csv(view: CommitmentDetail) -> str:
    """One row per status entry."""
    rows = [
        {
            "id": view.row.id,
            "date": _opt(e.date),
            "status": str(e.status),
            "note": e.note.text if e.note else "",
            "sources": e.sources,
        }
        for e in view.history
    ]
    return _csv(["id", "date", "status", "note", "sources"], rows)


def upcoming_json(events: list[EventView], start: dt.date, end: dt.date) -> str:
    return _dump(
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "events": [_event(e) for e in events],
        }
    )
