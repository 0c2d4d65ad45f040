"""The work plan's calendar: events month by month, unscheduled ones apart."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mirps_cli.dates import PartialDate
from mirps_cli.errors import UsageError
from mirps_cli.model import WorkPlan
from mirps_cli.model.work_plan import TimelineEvent
from mirps_cli.tree import Tree


def window(event: TimelineEvent) -> tuple[dt.date, dt.date] | None:
    """First and last day the event can fall on; None when it has no month."""
    if event.date is None or event.date.month is None:
        return None
    end = event.end_date or event.date
    return event.date.earliest(), end.latest()


def upcoming(events: list[TimelineEvent], start: dt.date, end: dt.date) -> list[TimelineEvent]:
    """Scheduled events that overlap [start, end], soonest first."""
    found = []
    for event in events:
        span = window(event)
        if span is not None and span[1] >= start and span[0] <= end:
            found.append((span[0], event))
    return [event for _, event in sorted(found, key=lambda pair: pair[0])]


_DURATION = re.compile(r"^\s*(\d+)\s*([dwm]?)\s*$")


def parse_duration(text: str, start: dt.date) -> dt.date:
    """The last day of "30d", "2w" or "3m" counted from `start`."""
    match = _DURATION.match(text.lower())
    if not match:
        raise UsageError(
            f"'{text}' is not a duration: write 30d, 2w or 3m",
            f"'{text}' no es un plazo: escriba 30d (días), 2w (semanas) o 3m (meses)",
        )
    count, unit = int(match[1]), match[2] or "d"
    if unit == "d":
        return start + dt.timedelta(days=count)
    if unit == "w":
        return start + dt.timedelta(weeks=count)
    months = start.year * 12 + start.month - 1 + count
    year, month = divmod(months, 12)
    last = PartialDate(year, month + 1).latest().day
    return dt.date(year, month + 1, min(start.day, last))


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    events: list[TimelineEvent]


@dataclass(frozen=True)
class Timeline:
    plan: WorkPlan
    months: list[Month]  # every month of the presidency year, in order
    unscheduled: list[TimelineEvent]  # no month given: listed apart, never guessed


def current_work_plan(tree: Tree, as_of: dt.date) -> WorkPlan | None:
    """The work plan of the as-of year, else the latest before it, else the latest."""
    plans = {wp.presidency.year: wp for _, wp in tree.work_plans()}
    if not plans:
        return None
    earlier = [y for y in plans if y <= as_of.year]
    return plans[max(earlier) if earlier else max(plans)]


def choose_work_plan(tree: Tree, year: int | None, as_of: dt.date) -> WorkPlan:
    """The work plan of `year` if given, else the current one; a usage error if none."""
    plans = {wp.presidency.year: wp for _, wp in tree.work_plans()}
    chosen = plans.get(year) if year is not None else current_work_plan(tree, as_of)
    if chosen is None:
        known = ", ".join(str(y) for y in sorted(plans)) or "—"
        raise UsageError(
            f"no regional work plan {f'for {year}' if year else 'in the plans folder'} "
            f"(work plans: {known})",
            "no hay plan de trabajo regional "
            f"{f'de {year}' if year else 'en la carpeta de planes'} (planes: {known})",
        )
    return chosen


def build_timeline(plan: WorkPlan) -> Timeline:
    year = plan.presidency.year
    months = []
    for month in range(1, 13):
        events = [
            e
            for e in plan.timeline
            if e.date is not None and (e.date.year, e.date.month) == (year, month)
        ]
        months.append(Month(year, month, events))
    placed = {id(e) for m in months for e in m.events}
    # Events of another year, or with a year but no month, are listed apart too.
    unscheduled = [e for e in plan.timeline if id(e) not in placed]
    return Timeline(plan, months, unscheduled)
