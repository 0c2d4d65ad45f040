"""What changed in a period across all countries: new status entries, milestones reached,
indicator values. `mirps status --since DATE` (to --as-of), and the annual report's
"progress this year"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message, Shown, number, shown
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.common import LocalizedText
from mirps_cli.model.fund import Project
from mirps_cli.model.measures import Value
from mirps_cli.tree import Tree
from mirps_cli.vocab import Status, status_label

INDICATOR = Message("indicator", "indicador")


@dataclass(frozen=True)
class Change:
    date: PartialDate  # the event's, the report's, an archive capture's, or the recorded day
    dated_by: str  # "event", "reported", "archived" or "recorded" (StatusEntry.counted_from)
    country: str
    id: str
    kind: Message  # commitment, milestone, indicator
    title: Shown
    status: Status | None  # for a status entry
    value: str  # what it says: the status, or the indicator's value
    note: Shown | None
    sources: list[str]


@dataclass(frozen=True)
class ChangesView:
    start: dt.date
    end: dt.date
    changes: list[Change]  # by date, then country and id


def _within(date: PartialDate | None, start: dt.date, end: dt.date) -> bool:
    return date is not None and start <= date.earliest() <= end


def changes(tree: Tree, start: dt.date, end: dt.date, lang: str) -> ChangesView:
    """Every status entry and indicator value dated within [start, end]."""
    found: list[Change] = []
    for ref in tree.tracked():
        plan_file, item = ref.file, ref.item
        plan = plan_file.model
        country = plan.country if isinstance(plan, NationalPlan) else ""
        if isinstance(item, Project):
            country = item.country
        title = shown(item.title, lang)
        for entry in item.status_history:
            # An entry nothing dates (no date, no report, no archive capture, not recorded by
            # mirps) is in no period: listing it at the plan version's date would list it
            # anew each time that date moves.
            when, dated_by = entry.counted_from()
            if when is not None and _within(when, start, end):
                found.append(
                    Change(
                        when,
                        dated_by,
                        country,
                        ref.ident,
                        type(item).NOUN,
                        title,
                        entry.status,
                        status_label(entry.status, lang),
                        shown(entry.note, lang) if entry.note else None,
                        list(entry.sources),
                    )
                )
        if isinstance(item, Commitment):
            for indicator in item.indicators:
                found += _values(
                    indicator.values, country, ref.ident, indicator.name, start, end, lang
                )
    found.sort(key=lambda c: (c.date.earliest(), c.country, c.id))
    return ChangesView(start, end, found)


def _values(
    values: list[Value],
    country: str,
    ident: str,
    name: str | LocalizedText,
    start: dt.date,
    end: dt.date,
    lang: str,
) -> list[Change]:
    out = []
    for value in values:
        if value.date is not None and _within(value.date, start, end):
            amount = value.value
            text = (
                number(amount, lang, about=value.about) if not isinstance(amount, str) else amount
            )
            out.append(
                Change(
                    value.date,
                    "event",
                    country,
                    ident,
                    INDICATOR,
                    shown(name, lang),
                    None,
                    text,
                    shown(value.note, lang) if value.note else None,
                    list(value.sources),
                )
            )
    return out
