"""`mirps timeline` as JSON, for programs."""

from __future__ import annotations

from mirps_cli.output.status_json import dump, event_data
from mirps_cli.timeline import TimelineView


def render(view: TimelineView, lang: str) -> str:
    if view.upcoming is not None:
        coming = view.upcoming
        return dump(
            {
                "from": coming.start.isoformat(),
                "to": coming.end.isoformat(),
                "events": [event_data(e) for e in coming.events],
            }
        )
    return dump(
        {
            "year": view.year,
            "months": [
                {
                    "month": f"{m.year:04d}-{m.month:02d}",
                    "events": [event_data(e) for e in m.events],
                }
                for m in view.months
            ],
            "unscheduled": [event_data(e) for e in view.unscheduled],
        }
    )
