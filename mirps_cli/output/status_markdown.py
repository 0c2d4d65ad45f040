"""`mirps status` as Markdown, through the Jinja templates."""

from __future__ import annotations

from mirps_cli.i18n import label
from mirps_cli.output.words import (
    activity_text,
    commitment_facts,
    commitment_sections,
    date_or_dash,
    entry_date,
    entry_report,
    event_text,
    group_text,
    marks_text,
    regional_heads,
    summary_line,
)
from mirps_cli.status.since import ChangesView
from mirps_cli.status.views import (
    ActivityDetail,
    CommitmentDetail,
    CountryStatus,
    RegionalStatus,
    Row,
    StatusView,
    by_view,
)
from mirps_cli.templating import render_template
from mirps_cli.vocab import Status, status_label


def row_cells(row: Row, lang: str) -> list[str]:
    """A commitment's row: id, title, status, last update, due date, marks."""
    return [
        row.id,
        str(row.title),
        status_label(row.status, lang),
        date_or_dash(row.last_update),
        date_or_dash(row.due),
        marks_text(row, lang),
    ]


def _fallback(used: bool, lang: str) -> str:
    return label("fallback_note", lang) if used else ""


def render(view: StatusView, lang: str) -> str:
    """The view as Markdown, through the templates in templates/."""
    return by_view(
        view,
        lambda v: _regional(v, lang),
        lambda v: _country(v, lang),
        lambda v: _commitment(v, lang),
        lambda v: _changes(v, lang),
        lambda v: _activity(v, lang),
    )


def _regional(view: RegionalStatus, lang: str) -> str:
    heads = regional_heads(lang)
    rows = [
        [
            f"{c.member.code} {c.member.name.in_lang(lang)}",
            c.total,
            *(c.by_status[s] for s in Status),
            c.by_status["none"],
            f"{round(c.fulfilled_share * 100)}%",
            c.overdue,
            c.stale,
            date_or_dash(c.latest_update),
        ]
        for c in view.countries
    ]
    work_plan = None
    if view.work_plan_year is not None and view.presidency is not None:
        work_plan = {
            "heading": f"{label('work_plan', lang)} {view.work_plan_year} "
            f"({label('presidency', lang)}: {view.presidency.name.in_lang(lang)})",
            "outcomes": [
                {
                    "id": o.id,
                    "title": str(o.title),
                    "activities": [
                        {"id": i, "title": activity_text(t, s, lang)} for i, t, s in o.activities
                    ],
                }
                for o in view.outcomes
            ],
            "groups_heading": label("working_groups", lang),
            "groups": [group_text(g, lang) for g in view.working_groups],
            "next_heading": label("next_events", lang),
            "next_events": [event_text(e, lang) for e in view.next_events],
            "no_next": label("no_next_events", lang),
            "unscheduled": (
                f"({view.unscheduled} {label('unscheduled_count', lang)})"
                if view.unscheduled
                else ""
            ),
        }
    return render_template(
        "status-regional.md.j2",
        title=f"{label('regional_title', lang)}, {label('as_of', lang)} {view.as_of.isoformat()}",
        heads=heads,
        rows=rows,
        legend=label("legend", lang),
        coverage_note=label("coverage_note", lang) if view.coverage else "",
        coverage=view.coverage,
        work_plan=work_plan,
        fallback_note=_fallback(view.fallback_used, lang),
    )


def _country(view: CountryStatus, lang: str) -> str:
    heads = [label(k, lang) for k in ("id", "title", "status", "updated", "due", "marks")]
    groups = [
        {
            "label": group.label,
            "rows": [row_cells(r, lang) for r in group.rows],
        }
        for group in view.groups
    ]
    return render_template(
        "status-country.md.j2",
        title=f"{view.member.name.in_lang(lang)} ({view.member.code}), "
        f"{label('as_of', lang)} {view.as_of.isoformat()}",
        heads=heads,
        groups=groups,
        no_commitments=label("no_commitments", lang),
        summary=summary_line(view.counts, lang),
        coverage=view.coverage,
        sections=[{"heading": h, "items": items} for h, items in view.sections],
        fallback_note=_fallback(view.fallback_used, lang),
    )


def _commitment(view: CommitmentDetail, lang: str) -> str:
    row = view.row
    history = [
        [
            entry_date(e, lang),
            status_label(e.status, lang),
            entry_report(e, lang),
            str(e.note) if e.note else "",
            " ".join(e.sources),
        ]
        for e in view.history
    ]
    sources = [(label("sources", lang), view.sources)] if view.sources else []
    sections = [
        {"heading": heading, "items": items}
        for heading, items in [*commitment_sections(view, lang), *sources]
    ]
    return render_template(
        "status-commitment.md.j2",
        id=row.id,
        title=str(row.title),
        facts=commitment_facts(view, lang),
        history_heading=label("history", lang),
        history_heads=[label(k, lang) for k in ("date", "status", "report", "note", "sources")],
        history=history,
        no_status=label("no_status", lang),
        sections=sections,
        fallback_note=_fallback(view.fallback_used, lang),
    )


def _changes(view: ChangesView, lang: str) -> str:
    heads = [
        label(k, lang) for k in ("date", "country", "id", "title", "change", "note", "sources")
    ]
    rows = [
        [
            str(c.date),
            c.country,
            c.id,
            str(c.title),
            c.value if c.dated_by == "event" else f"{c.value} ({label(c.dated_by, lang)})",
            str(c.note) if c.note else "",
            " ".join(c.sources),
        ]
        for c in view.changes
    ]
    return render_template(
        "status-changes.md.j2",
        title=f"{label('changes_title', lang)}: {view.start.isoformat()} – {view.end.isoformat()}",
        heads=heads,
        rows=rows,
        no_changes=label("no_changes", lang),
    )


def _activity(view: ActivityDetail, lang: str) -> str:
    heads = [label(k, lang) for k in ("id", "title", "status", "updated", "due", "marks")]
    rows = [row_cells(r, lang) for r in view.rows]
    facts = [(label("status", lang), status_label(view.status, lang))]
    if view.responsible:
        facts.append((label("responsible", lang), ", ".join(str(r) for r in view.responsible)))
    history = [
        [
            str(e.date) if e.date else "—",
            status_label(e.status, lang),
            str(e.note) if e.note else "",
        ]
        for e in view.history
    ]
    return render_template(
        "status-activity.md.j2",
        id=view.id,
        title=str(view.title),
        facts=facts,
        history_heading=label("history", lang),
        history_heads=[label(k, lang) for k in ("date", "status", "note")],
        history=history,
        no_status=label("no_status", lang),
        serving=label("serving", lang),
        heads=heads,
        rows=rows,
        no_commitments=label("no_commitments", lang),
    )
