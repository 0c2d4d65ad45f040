"""`mirps status` and `mirps timeline` as tables for the terminal (rich) or a pipe (plain)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mirps_cli.i18n import label, status_head
from mirps_cli.model.work_plan import TimelineEvent
from mirps_cli.output.console import bar, make_console, table_box
from mirps_cli.output.words import (
    commitment_facts,
    date_or_dash,
    event_text,
    month_name,
    summary_line,
)
from mirps_cli.status import event_view, status_label
from mirps_cli.status_views import CommitmentDetail, CountryStatus, EventView, RegionalStatus, Row
from mirps_cli.timeline import Timeline
from mirps_cli.vocab import Status

STATUS_STYLE = {
    Status.PLANNED: "cyan",
    Status.IN_PROGRESS: "yellow",
    Status.FULFILLED: "green",
    Status.SUSPENDED: "magenta",
    Status.CANCELLED: "dim",
}


def _render(draw: Callable[[Console, bool], None], terminal: bool) -> str:
    console, buffer = make_console(terminal)
    draw(console, terminal)
    # rich pads every line to the full width; trailing blanks only get in the way.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _status_cell(row: Row, lang: str, terminal: bool) -> str:
    """The status, with the overdue and stale marks on lines of their own."""
    text = escape(status_label(row.status, lang))
    if terminal and row.status is not None:
        text = f"[{STATUS_STYLE[row.status]}]{text}[/]"
    for key, on, style in (("overdue", row.overdue, "bold red"), ("stale", row.stale, "red")):
        if on:
            mark = escape(label(key, lang))
            text += f"\n[{style}]{mark}[/]" if terminal else f"\n{mark}"
    return text


def _table(terminal: bool) -> Table:
    # No padding: the box's own one-space divider separates columns, which
    # keeps the regional table within 80 columns.
    return Table(
        box=table_box(terminal),
        padding=(0, 0),
        pad_edge=False,
        show_edge=False,
        header_style="bold" if terminal else "",
    )


def _outline(items: list[tuple[str, str]], indent: int) -> Table:
    """Numbered lines whose continuation lines hang under the text, not the number."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent + max((len(n) for n, _ in items), default=0), no_wrap=True)
    grid.add_column(ratio=1)
    for number, text in items:
        grid.add_row(" " * indent + number, escape(text))
    return grid


def _footnote(console: Console, used: bool, lang: str) -> None:
    if used:
        console.print()
        console.print(escape(label("fallback_note", lang)))


def render_regional(view: RegionalStatus, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(
            f"{label('regional_title', lang)}, {label('as_of', lang)} {view.as_of.isoformat()}",
            style="bold" if terminal else None,
        )
        console.print()
        table = _table(terminal)
        table.add_column(label("country", lang))
        table.add_column(label("total", lang), justify="right")
        for status in Status:
            table.add_column(status_head(status, lang), justify="right")
        table.add_column(label("none_col", lang), justify="right")
        table.add_column(label("fulfilled_col", lang))
        table.add_column(label("overdue_col", lang), justify="right")
        table.add_column(label("stale_col", lang), justify="right")
        table.add_column(label("latest", lang))
        for c in view.countries:
            table.add_row(
                c.member.code,
                str(c.total),
                *(str(c.by_status[s]) for s in Status),
                str(c.by_status["none"]),
                bar(c.fulfilled_share, terminal),
                str(c.overdue),
                str(c.stale),
                date_or_dash(c.latest_update),
            )
        console.print(table)
        console.print(escape(label("legend", lang)), style="dim" if terminal else None)
        if view.work_plan_year is not None and view.presidency is not None:
            console.print()
            console.print(
                f"{label('work_plan', lang)} {view.work_plan_year} "
                f"({label('presidency', lang)}: {view.presidency.name.in_lang(lang)})",
                style="bold" if terminal else None,
            )
            for outcome in view.outcomes:
                console.print(_outline([(f"{outcome.id}.", str(outcome.title))], 0))
                activities = [(ident, str(title)) for ident, title in outcome.activities]
                console.print(_outline(activities, 3))
            console.print()
            console.print(label("next_events", lang), style="bold" if terminal else None)
            if view.next_events:
                for event in view.next_events:
                    console.print(escape(event_text(event, lang)))
            else:
                console.print(label("no_next_events", lang))
            if view.unscheduled:
                console.print(f"({view.unscheduled} {label('unscheduled_count', lang)})")
        _footnote(console, view.fallback_used, lang)

    return _render(draw, terminal)


def _rows_table(rows: list[Row], lang: str, terminal: bool) -> Table:
    table = _table(terminal)
    table.add_column(label("id", lang), no_wrap=True)
    table.add_column(label("title", lang), ratio=1)
    table.add_column(label("status", lang), width=14)
    table.add_column(label("updated", lang), width=11, no_wrap=True)
    table.add_column(label("due", lang), width=10, no_wrap=True)
    for row in rows:
        table.add_row(
            row.id,
            escape(str(row.title)),
            _status_cell(row, lang, terminal),
            date_or_dash(row.last_update),
            date_or_dash(row.due),
        )
    return table


def render_country(view: CountryStatus, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(
            f"{view.member.name.in_lang(lang)} ({view.member.code}), "
            f"{label('as_of', lang)} {view.as_of.isoformat()}",
            style="bold" if terminal else None,
        )
        if not view.groups:
            console.print()
            console.print(label("no_commitments", lang))
        for group in view.groups:
            console.print()
            console.print(escape(group.label), style="bold underline" if terminal else None)
            console.print(_rows_table(group.rows, lang, terminal))
        console.print()
        console.print(escape(summary_line(view.counts, lang)))
        _footnote(console, view.fallback_used, lang)

    return _render(draw, terminal)


def render_commitment(view: CommitmentDetail, lang: str, terminal: bool) -> str:
    row = view.row

    def draw(console: Console, terminal: bool) -> None:
        console.print(escape(f"{row.id}  {row.title}"), style="bold" if terminal else None)
        for name, value in commitment_facts(view, lang):
            console.print(escape(f"{name}: {value}"))
        console.print()
        console.print(label("history", lang), style="bold" if terminal else None)
        if not view.history:
            console.print(f"  {label('no_status', lang)}")
        for entry in view.history:
            when = str(entry.date) if entry.date else label("undated", lang)
            text = f"  {when:<11} {status_label(entry.status, lang)}"
            console.print(escape(text))
            if entry.note:
                console.print(escape(f"{'':13} {entry.note}"))
            for source in entry.sources:
                console.print(escape(f"{'':13} {source}"), soft_wrap=True)
        for key, items in (("indicators", view.indicators), ("budget", view.budget)):
            if items:
                console.print()
                console.print(label(key, lang), style="bold" if terminal else None)
                for item in items:
                    console.print(escape("  " + " · ".join(item.values())))
        for key, shown_texts in (
            ("facilitating_factors", view.facilitating_factors),
            ("challenges", view.challenges),
        ):
            if shown_texts:
                console.print()
                console.print(label(key, lang), style="bold" if terminal else None)
                for factor in shown_texts:
                    console.print(escape(f"  - {factor}"))
        if view.sources:
            console.print()
            console.print(label("sources", lang), style="bold" if terminal else None)
            for source in view.sources:
                console.print(escape(f"  {source}"), soft_wrap=True)
        _footnote(console, view.fallback_used, lang)

    return _render(draw, terminal)


def render_timeline(
    timeline: Timeline,
    lang: str,
    terminal: bool,
    upcoming: list[EventView] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
) -> str:
    def draw(console: Console, terminal: bool) -> None:
        bold = "bold" if terminal else None
        plan = timeline.plan
        console.print(
            f"{label('timeline_title', lang)}: {label('work_plan', lang).lower()} "
            f"{plan.presidency.year}",
            style=bold,
        )
        if upcoming is not None and window is not None:
            start, end = window
            console.print(
                f"{label('upcoming_title', lang)}: {start.isoformat()} – {end.isoformat()}"
            )
            console.print()
            console.print(_outline([("-", event_text(e, lang)) for e in upcoming], 0))
            if not upcoming:
                console.print(label("no_events", lang))
            return
        for month in timeline.months:
            console.print()
            console.print(month_name(month.year, month.month, lang, heading=True), style=bold)
            if not month.events:
                console.print("  —")
            items = [(_event_day(e), _title(e, lang)) for e in month.events]
            console.print(_outline(items, 2))
        console.print()
        console.print(f"{label('unscheduled', lang)} ({len(timeline.unscheduled)})", style=bold)
        console.print(_outline([("-", _title(e, lang)) for e in timeline.unscheduled], 2))

    return _render(draw, terminal)


def _title(event: TimelineEvent, lang: str) -> str:
    view = event_view(event, lang)
    place = f" ({view.place})" if view.place else ""
    return f"{view.title}{place}"


def _event_day(event: TimelineEvent) -> str:
    """ "4–5" within a month, "28–3/7" across months, "-" when the day is not known."""
    date, end = event.date, event.end_date
    if date is None or date.day is None:
        return "-"
    text = str(date.day)
    if end is not None and end.day is not None and end != date:
        same_month = (end.year, end.month) == (date.year, date.month)
        text += f"–{end.day}" if same_month else f"–{end.day}/{end.month}"
    return text
