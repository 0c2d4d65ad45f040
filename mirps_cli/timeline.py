"""`mirps timeline`: the work plan's calendar, events month by month, unscheduled ones apart."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mirps_cli.dates import LAST_YEAR, PartialDate, add_months
from mirps_cli.errors import UsageError
from mirps_cli.i18n import Shown, shown
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
    try:
        if unit == "d":
            end = start + dt.timedelta(days=count)
        elif unit == "w":
            end = start + dt.timedelta(weeks=count)
        else:
            end = add_months(start, count)
    except (OverflowError, ValueError):
        end = dt.date.max
    if end.year > LAST_YEAR:
        raise UsageError(
            f"'{text}' reaches past {LAST_YEAR}: give a shorter period",
            f"'{text}' llega más allá de {LAST_YEAR}: indique un plazo más corto",
        )
    return end


@dataclass(frozen=True)
class EventView:
    id: str
    title: Shown
    date: PartialDate | None
    end_date: PartialDate | None
    place: Shown | None


@dataclass(frozen=True)
class MonthView:
    year: int
    month: int
    events: list[EventView]


@dataclass(frozen=True)
class Upcoming:
    start: dt.date
    end: dt.date
    events: list[EventView]  # soonest first


@dataclass(frozen=True)
class TimelineView:
    year: int
    months: list[MonthView]  # every month of the presidency year, in order
    unscheduled: list[EventView]  # no month given: listed apart, never guessed
    upcoming: Upcoming | None  # with --upcoming: only the events of that window


def event_view(event: TimelineEvent, lang: str) -> EventView:
    return EventView(
        id=event.id,
        title=shown(event.title, lang),
        date=event.date,
        end_date=event.end_date,
        place=shown(event.place, lang) if event.place is not None else None,
    )


def timeline_view(
    tree: Tree, year: int | None, as_of: dt.date, upcoming_end: dt.date | None, lang: str
) -> TimelineView:
    """The work plan of `year` (default: the current one) month by month."""
    plan = tree.work_plan(year, as_of)
    year = plan.presidency.year
    # The calendar's own span where the plan gives one (the 2022 table runs February to
    # December): no empty month before or after it is printed.
    first, last = 1, 12
    if plan.calendar is not None:
        if plan.calendar.start.year == year and plan.calendar.start.month is not None:
            first = plan.calendar.start.month
        if plan.calendar.end.year == year and plan.calendar.end.month is not None:
            last = plan.calendar.end.month
    by_month: dict[int, list[TimelineEvent]] = {month: [] for month in range(first, last + 1)}
    for event in plan.timeline:
        month = event.date.month if event.date is not None else None
        if event.date is not None and event.date.year == year and month is not None:
            by_month.setdefault(month, []).append(event)  # dated outside the span: still shown
    by_month = dict(sorted(by_month.items()))
    months = [
        MonthView(year, month, [event_view(e, lang) for e in events])
        for month, events in by_month.items()
    ]
    placed = {id(e) for events in by_month.values() for e in events}
    # Events of another year, or with a year but no month, are listed apart too.
    unscheduled = [event_view(e, lang) for e in plan.timeline if id(e) not in placed]
    coming = None
    if upcoming_end is not None:
        ahead = upcoming(plan.timeline, as_of, upcoming_end)
        coming = Upcoming(as_of, upcoming_end, [event_view(e, lang) for e in ahead])
    return TimelineView(year, months, unscheduled, coming)
