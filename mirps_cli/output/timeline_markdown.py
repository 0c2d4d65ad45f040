"""`mirps timeline` as Markdown, through the Jinja templates."""

from __future__ import annotations

from mirps_cli.i18n import label
from mirps_cli.output.words import event_text, month_name
from mirps_cli.templating import render_template
from mirps_cli.timeline import TimelineView


def render(view: TimelineView, lang: str) -> str:
    title = f"{label('timeline_title', lang)}: {label('work_plan', lang).lower()} {view.year}"
    if view.upcoming is not None:
        coming = view.upcoming
        months = [
            {
                "name": f"{label('upcoming_title', lang)}: "
                f"{coming.start.isoformat()} – {coming.end.isoformat()}",
                "events": [event_text(e, lang) for e in coming.events],
            }
        ]
        unscheduled: list[str] = []
        unscheduled_heading = ""
    else:
        months = [
            {
                "name": month_name(m.year, m.month, lang, heading=True),
                "events": [event_text(e, lang) for e in m.events],
            }
            for m in view.months
        ]
        unscheduled = [str(e.title) for e in view.unscheduled]
        unscheduled_heading = f"{label('unscheduled', lang)} ({len(unscheduled)})"
    return render_template(
        "timeline.md.j2",
        title=title,
        months=months,
        unscheduled_heading=unscheduled_heading,
        unscheduled=unscheduled,
    )
