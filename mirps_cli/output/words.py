"""Dates, month names and counted phrases in English or Spanish.

Month names come from Babel (CLDR), so "marzo de 2023" is what Spanish
readers expect rather than a table written by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from functools import cache

from babel.dates import format_date, format_skeleton

from mirps_cli.categories import FOCUS_AREA_TERMS, PILLAR_TERMS
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import LABELS, Lang, Shown, counted, label, status_head
from mirps_cli.status.views import (
    CommitmentDetail,
    CountryCounts,
    GroupLine,
    HistoryView,
    MilestoneView,
    Row,
)
from mirps_cli.timeline import EventView
from mirps_cli.vocab import REPORTER_TERMS, STATUS_TERMS, Status, status_label


def month_name(year: int, month: int, lang: str, heading: bool = False) -> str:
    """ "March 2023" / "marzo de 2023" ("Marzo de 2023" as a heading)."""
    text = _month(year, month, lang)
    return text[0].upper() + text[1:] if heading else text


# Babel formats from CLDR patterns each time it is asked (~40 µs); a report of 10,000
# commitments asks for the same few hundred months and days thousands of times.
@cache
def _month(year: int, month: int, lang: str) -> str:
    return str(format_skeleton("yMMMM", dt.date(year, month, 1), locale=Lang(lang).value))


@cache
def format_partial(date: PartialDate, lang: str) -> str:
    """A date with its own precision: "4 May 2022", "December 2022", "2022"."""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return month_name(date.year, date.month, lang)
    return str(format_date(date.earliest(), "long", locale=Lang(lang).value))


def _status_count(status: Status, count: int, lang: str) -> str:
    term = STATUS_TERMS[status]
    return counted(count, term.name, term.plural, lang)


def summary_line(counts: CountryCounts, lang: str) -> str:
    """ "5 commitments: 3 fulfilled, 1 in progress, 1 no status; 0 overdue, 2 stale"."""
    noun = label("commitment" if counts.total == 1 else "commitments", lang)
    parts = [_status_count(s, counts.by_status[s], lang) for s in Status if counts.by_status[s]]
    if counts.by_status["none"]:
        parts.append(f"{counts.by_status['none']} {label('no_status', lang)}")
    overdue = counted(counts.overdue, LABELS["overdue"], LABELS["overdue_many"], lang)
    tail = f"{overdue}, {counts.stale} {label('stale', lang)}"
    return f"{counts.total} {noun}: {', '.join(parts) or '—'}; {tail}"


def regional_heads(lang: str) -> list[str]:
    """The headings of the region's table: a row per member, its commitments by status."""
    return [
        label("country", lang),
        label("total", lang),
        *(status_head(s, lang) for s in Status),
        label("none_col", lang),
        label("fulfilled_col", lang),
        label("overdue_col", lang),
        label("stale_col", lang),
        label("latest", lang),
    ]


def event_text(event: EventView, lang: str) -> str:
    """ "4 May 2022 – 5 May 2022: Regional Twinning Meeting (Panama City)"."""
    when = format_partial(event.date, lang) if event.date else label("undated", lang)
    if event.end_date is not None:
        when += f" – {format_partial(event.end_date, lang)}"
    place = f" ({event.place})" if event.place else ""
    return f"{when}: {event.title}{place}"


def date_or_dash(date: PartialDate | None) -> str:
    return str(date) if date is not None else "—"


def activity_text(title: Shown, status: StrEnum | None, lang: str) -> str:
    """ "Promote the updating of the plans (in progress)"; no mark without a status."""
    return f"{title} ({status_label(status, lang)})" if status is not None else str(title)


def group_text(group: GroupLine, lang: str) -> str:
    """ "Working Group on Internal Displacement (lead: Honduras): 3 commitments, 1 fulfilled"."""
    lead = f" ({label('lead', lang)}: {group.lead.name.in_lang(lang)})" if group.lead else ""
    commitments = counted(group.commitments, LABELS["commitment"], LABELS["commitments"], lang)
    fulfilled = STATUS_TERMS[Status.FULFILLED]
    done = counted(group.fulfilled, fulfilled.name, fulfilled.plural, lang)
    return f"{group.name}{lead}: {commitments}, {done}"


def marks_text(row: Row, lang: str) -> str:
    """ "overdue, stale", in the chosen language; empty when neither applies."""
    marks = (
        ("overdue", row.overdue),
        ("stale", row.stale),
        ("not_reported", row.date_not_reported),
    )
    return ", ".join(label(k, lang) for k, on in marks if on)


def entry_date(entry: HistoryView, lang: str) -> str:
    """When a status entry's event happened: its date, or "date not reported"."""
    return str(entry.date) if entry.date is not None else label("not_reported", lang)


DateText = Callable[[PartialDate], str]


def entry_report(entry: HistoryView, lang: str, date_text: DateText = str) -> str:
    """ "reported 2019-07-20 by UNHCR/OAS", what is known of it; empty when nothing is. With
    no reported date, a source's web-archive capture says it was reported by then, and the
    text says how it knows ("reported by 2019-07-20, archive capture")."""
    words = []
    if entry.reported is not None:
        words.append(f"{label('reported', lang)} {date_text(entry.reported)}")
    elif entry.captured is not None:
        words.append(
            f"{label('reported', lang)} {label('by_date', lang)} {date_text(entry.captured)}, "
            f"{label('archived', lang)}"
        )
    if entry.reporter is not None:
        by = f"{label('by', lang)} {REPORTER_TERMS[entry.reporter].in_lang(lang)}"
        words.append(by if words else f"{label('reported', lang)} {by}")
    if entry.recorded is not None:
        words.append(f"({label('recorded', lang)} {date_text(entry.recorded)})")
    return " ".join(words)


def milestone_text(milestone: MilestoneView, lang: str, date_text: DateText = str) -> str:
    """ "CR-03.1 Agreement signed: fulfilled, 2023-11-10"."""
    when = date_text(milestone.date) if milestone.date is not None else ""
    if milestone.date_not_reported:
        when = label("not_reported", lang)
    status = ", ".join(w for w in (status_label(milestone.status, lang), when) if w)
    return f"{milestone.id} {milestone.title}: {status}"


def commitment_sections(
    view: CommitmentDetail, lang: str, date_text: DateText = str
) -> list[tuple[str, list[str]]]:
    """The lists below one commitment's history, those it has, each with its heading."""
    sections = [
        ("milestones", [milestone_text(m, lang, date_text) for m in view.milestones]),
        ("support_requests", view.support_requests),
        ("indicators", [" · ".join(i.values()) for i in view.indicators]),
        ("budget", [" · ".join(b.values()) for b in view.budget]),
        ("facilitating_factors", [str(t) for t in view.facilitating_factors]),
        ("challenges", [str(t) for t in view.challenges]),
    ]
    return [(label(key, lang), items) for key, items in sections if items]


def commitment_facts(
    view: CommitmentDetail, lang: str, date_text: DateText = str
) -> list[tuple[str, str]]:
    """The labelled facts at the head of one commitment's view, those it has, in order; dates
    as `date_text` writes them (ISO for the terminal, "marzo de 2023" for a web page)."""
    row = view.row
    status = status_label(row.status, lang)
    if row.last_update is not None:
        status += f", {label('updated', lang).lower()} {date_text(row.last_update)}"
    marks = [label("from_milestones", lang)] if row.status_derived else []
    marks += [m for m in [marks_text(row, lang)] if m]
    facts = [
        ("country", f"{view.member.name.in_lang(lang)} ({view.member.code})"),
        ("status", status + (f" ({', '.join(marks)})" if marks else "")),
        ("description", str(view.description) if view.description else ""),
        ("pillar", PILLAR_TERMS[row.pillar].in_lang(lang) if row.pillar else ""),
        ("focus_areas", ", ".join(FOCUS_AREA_TERMS[a].in_lang(lang) for a in row.focus_areas)),
        ("populations", ", ".join(view.populations)),
        ("institutions", ", ".join(str(n) for n in view.institution_names)),
        ("partners", "; ".join(view.partners)),
        ("places", "; ".join(view.places)),
        ("start", date_text(view.start) if view.start else ""),
        ("due", date_text(row.due) if row.due else ""),
        ("working_groups", ", ".join(row.working_groups)),
        ("activities", "; ".join(f"{i} {t or ''}".strip() for i, t in view.activities)),
    ]
    return [(label(key, lang), value) for key, value in facts if value]
