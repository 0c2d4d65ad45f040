"""`mirps timeline` as text for the terminal (rich) or a pipe (plain)."""

from __future__ import annotations

from rich.console import Console

from mirps_cli.i18n import label
from mirps_cli.output.console import outline, render_with
from mirps_cli.output.words import event_text, month_name
from mirps_cli.timeline import EventView, TimelineView


def render(view: TimelineView, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        bold = "bold" if terminal else None
        console.print(
            f"{label('timeline_title', lang)}: {label('work_plan', lang).lower()} {view.year}",
            style=bold,
        )
        if view.upcoming is not None:
            coming = view.upcoming
            console.print(
                f"{label('upcoming_title', lang)}: "
                f"{coming.start.isoformat()} – {coming.end.isoformat()}"
            )
            console.print()
            console.print(outline([("-", event_text(e, lang)) for e in coming.events], 0))
            if not coming.events:
                console.print(label("no_events", lang))
            return
        for month in view.months:
            console.print()
            console.print(month_name(month.year, month.month, lang, heading=True), style=bold)
            if not month.events:
                console.print("  —")
            items = [(_event_day(e), _title(e)) for e in month.events]
            console.print(outline(items, 2))
        console.print()
        console.print(f"{label('unscheduled', lang)} ({len(view.unscheduled)})", style=bold)
        console.print(outline([("-", _title(e)) for e in view.unscheduled], 2))

    return render_with(draw, terminal)


def _title(event: EventView) -> str:
    place = f" ({event.place})" if event.place else ""
    return f"{event.title}{place}"


def _event_day(event: EventView) -> str:
    """ "4–5" within a month, "28–3/7" across months, "-" when the day is not known."""
    date, end = event.date, event.end_date
    if date is None or date.day is None:
        return "-"
    text = str(date.day)
    if end is not None and end.day is not None and end != date:
        same_month = (end.year, end.month) == (date.year, date.month)
        text += f"–{end.day}" if same_month else f"–{end.day}/{end.month}"
    return text
