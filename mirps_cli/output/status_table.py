"""`mirps status` as tables for the terminal (rich) or a pipe (plain)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from mirps_cli.i18n import label, status_head
from mirps_cli.output.console import (
    PLAIN_WIDTH,
    bar,
    esc,
    footnote,
    keep_cells_whole,
    outline,
    percent,
    plain_table,
    render_with,
)
from mirps_cli.output.words import (
    activity_text,
    commitment_facts,
    commitment_sections,
    date_or_dash,
    entry_report,
    event_text,
    group_text,
    summary_line,
)
from mirps_cli.status.since import ChangesView
from mirps_cli.status.views import (
    NO_STATUS,
    ActivityDetail,
    CommitmentDetail,
    CountryStatus,
    RegionalStatus,
    Row,
    StatusView,
    by_view,
)
from mirps_cli.vocab import Status, status_label

STATUS_STYLE = {
    Status.PLANNED: "cyan",
    Status.IN_PROGRESS: "yellow",
    Status.FULFILLED: "green",
    Status.SUSPENDED: "magenta",
    Status.CANCELLED: "dim",
}


def _status_cell(row: Row, lang: str, terminal: bool) -> str:
    """The status, with the overdue, stale and date-not-reported marks on lines of their own."""
    text = esc(status_label(row.status, lang))
    if terminal and row.status is not None:
        text = f"[{STATUS_STYLE[row.status]}]{text}[/]"
    marks = (
        ("overdue", row.overdue, "bold red"),
        ("stale", row.stale, "red"),
        ("not_reported", row.date_not_reported, "dim"),
    )
    for key, on, style in marks:
        if on:
            mark = esc(label(key, lang))
            text += f"\n[{style}]{mark}[/]" if terminal else f"\n{mark}"
    return text


def render(view: StatusView, lang: str, terminal: bool) -> str:
    """The view as a table: coloured on a terminal, plain ASCII in 80 columns elsewhere."""
    return by_view(
        view,
        lambda v: _regional(v, lang, terminal),
        lambda v: _country(v, lang, terminal),
        lambda v: _commitment(v, lang, terminal),
        lambda v: _changes(v, lang, terminal),
        lambda v: _activity(v, lang, terminal),
    )


def _regional(view: RegionalStatus, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(
            f"{label('regional_title', lang)}, {label('as_of', lang)} {view.as_of.isoformat()}",
            style="bold" if terminal else None,
        )
        console.print()
        # Narrower than the plain 80 columns: the bar goes first, then the status columns
        # nobody is in; ids, numbers and dates are never cut (the headers give way instead).
        narrow = console.width < PLAIN_WIDTH
        keys = [str(s) for s in Status] + [NO_STATUS]
        heads = [status_head(s, lang) for s in Status] + [label("none_col", lang)]
        shown_keys = [
            (k, h)
            for k, h in zip(keys, heads, strict=True)
            if not narrow or any(c.by_status[k] for c in view.countries)
        ]
        table = plain_table(terminal)
        table.add_column(label("country", lang))
        table.add_column(label("total", lang), justify="right")
        for _, head in shown_keys:
            table.add_column(head, justify="right")
        table.add_column(label("fulfilled_col", lang))
        table.add_column(label("overdue_col", lang), justify="right")
        table.add_column(label("stale_col", lang), justify="right")
        table.add_column(label("latest", lang))
        rows = [
            [
                c.member.code,
                str(c.total),
                *(str(c.by_status[k]) for k, _ in shown_keys),
                percent(c.fulfilled_share) if narrow else bar(c.fulfilled_share, terminal),
                str(c.overdue),
                str(c.stale),
                date_or_dash(c.latest_update),
            ]
            for c in view.countries
        ]
        keep_cells_whole(table, rows, console.width)
        for row in rows:
            table.add_row(*row)
        console.print(table)
        console.print(esc(label("legend", lang)), style="dim" if terminal else None)
        if view.coverage:
            console.print(label("coverage_note", lang), style="dim" if terminal else None)
            for line in view.coverage:
                console.print(f"  {esc(line)}", style="dim" if terminal else None)
        if view.work_plan_year is not None and view.presidency is not None:
            console.print()
            console.print(
                f"{label('work_plan', lang)} {view.work_plan_year} "
                f"({label('presidency', lang)}: {view.presidency.name.in_lang(lang)})",
                style="bold" if terminal else None,
            )
            for outcome in view.outcomes:
                console.print(outline([(f"{outcome.id}.", str(outcome.title))], 0))
                activities = [
                    (ident, activity_text(t, s, lang)) for ident, t, s in outcome.activities
                ]
                console.print(outline(activities, 3))
            if view.working_groups:
                console.print()
                console.print(label("working_groups", lang), style="bold" if terminal else None)
                console.print(outline([("-", group_text(g, lang)) for g in view.working_groups], 0))
            console.print()
            console.print(label("next_events", lang), style="bold" if terminal else None)
            if view.next_events:
                for event in view.next_events:
                    console.print(esc(event_text(event, lang)))
            else:
                console.print(label("no_next_events", lang))
            if view.unscheduled:
                console.print(f"({view.unscheduled} {label('unscheduled_count', lang)})")
        footnote(console, view.fallback_used, lang)

    return render_with(draw, terminal)


def _rows_table(rows: list[Row], lang: str, terminal: bool) -> Table:
    table = plain_table(terminal)
    table.add_column(label("id", lang), no_wrap=True)
    table.add_column(label("title", lang), ratio=1)
    table.add_column(label("status", lang), width=14)
    table.add_column(label("updated", lang), width=11, no_wrap=True)
    table.add_column(label("due", lang), width=10, no_wrap=True)
    for row in rows:
        table.add_row(
            row.id,
            esc(str(row.title)),
            _status_cell(row, lang, terminal),
            date_or_dash(row.last_update),
            date_or_dash(row.due),
        )
    return table


def _country(view: CountryStatus, lang: str, terminal: bool) -> str:
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
            console.print(esc(group.label), style="bold underline" if terminal else None)
            console.print(_rows_table(group.rows, lang, terminal))
        console.print()
        console.print(esc(summary_line(view.counts, lang)))
        if view.coverage:
            console.print(esc(view.coverage))
        for heading, items in view.sections:
            console.print()
            console.print(esc(heading), style="bold" if terminal else None)
            console.print(outline([("-", item) for item in items], 2))
        footnote(console, view.fallback_used, lang)

    return render_with(draw, terminal)


def _commitment(view: CommitmentDetail, lang: str, terminal: bool) -> str:
    row = view.row

    def draw(console: Console, terminal: bool) -> None:
        console.print(esc(f"{row.id}  {row.title}"), style="bold" if terminal else None)
        for name, value in commitment_facts(view, lang):
            console.print(esc(f"{name}: {value}"))
        console.print()
        console.print(label("history", lang), style="bold" if terminal else None)
        if not view.history:
            console.print(f"  {label('no_status', lang)}")
        for entry in view.history:
            when = str(entry.date) if entry.date is not None else "—"
            text = f"  {when:<11} {status_label(entry.status, lang)}"
            console.print(esc(text))
            undated = label("not_reported", lang) if entry.date is None else ""
            report = "; ".join(w for w in (undated, entry_report(entry, lang)) if w)
            # Report and note wrap under themselves, not under the date.
            details = [("", text) for text in (report, str(entry.note or "")) if text]
            if details:
                console.print(outline(details, 13))
            for source in entry.sources:
                console.print(esc(f"{'':13} {source}"), soft_wrap=True)
        for heading, items in commitment_sections(view, lang):
            console.print()
            console.print(esc(heading), style="bold" if terminal else None)
            console.print(outline([("-", item) for item in items], 2))
        if view.sources:
            console.print()
            console.print(label("sources", lang), style="bold" if terminal else None)
            for source in view.sources:
                console.print(esc(f"  {source}"), soft_wrap=True)
        footnote(console, view.fallback_used, lang)

    return render_with(draw, terminal)


def _changes(view: ChangesView, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(
            f"{label('changes_title', lang)}: {view.start.isoformat()} – {view.end.isoformat()}",
            style="bold" if terminal else None,
        )
        console.print()
        if not view.changes:
            console.print(label("no_changes", lang))
            return
        table = plain_table(terminal)
        table.add_column(label("date", lang), width=10, no_wrap=True)
        table.add_column(label("id", lang), no_wrap=True)
        table.add_column(label("title", lang), ratio=1)
        table.add_column(label("change", lang), width=16)
        for change in view.changes:
            how = "" if change.dated_by == "event" else f"\n({label(change.dated_by, lang)})"
            table.add_row(
                str(change.date), change.id, esc(str(change.title)), esc(change.value + how)
            )
        console.print(table)

    return render_with(draw, terminal)


def _activity(view: ActivityDetail, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(esc(f"{view.id}  {view.title}"), style="bold" if terminal else None)
        console.print(esc(f"{label('status', lang)}: {status_label(view.status, lang)}"))
        if view.responsible:
            names = ", ".join(str(r) for r in view.responsible)
            console.print(esc(f"{label('responsible', lang)}: {names}"))
        if view.working_groups:
            console.print(esc(f"{label('working_groups', lang)}: {', '.join(view.working_groups)}"))
        console.print()
        console.print(label("history", lang), style="bold" if terminal else None)
        if not view.history:
            console.print(f"  {label('no_status', lang)}")
        for entry in view.history:
            when = str(entry.date) if entry.date is not None else "—"
            console.print(esc(f"  {when:<11} {status_label(entry.status, lang)}"))
        console.print()
        console.print(label("serving", lang), style="bold" if terminal else None)
        if view.rows:
            console.print(_rows_table(view.rows, lang, terminal))
        else:
            console.print(label("no_commitments", lang))

    return render_with(draw, terminal)
