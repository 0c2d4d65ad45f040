"""The values `mirps report` returns: one document, chapter by chapter, in one language.

Plain frozen dataclasses. Texts are already in the report's language (Shown); dates stay
dates, for the renderer to write in that language's own forms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mirps_cli.categories import ReportSection
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Shown
from mirps_cli.members import Member
from mirps_cli.model.measures import Figure
from mirps_cli.vocab import Status


@dataclass(frozen=True)
class Progress:
    """A status entry dated in the period, or a milestone reached."""

    date: PartialDate
    dated_by: str  # event, reported, recorded
    id: str
    title: Shown
    status: Status
    note: Shown | None
    reporter: str  # who reported it, in the report's language; "" when unknown
    sources: list[str]


@dataclass(frozen=True)
class Item:
    """A commitment named in a list: overdue, stale, fulfilled with date not reported."""

    id: str
    title: Shown
    date: PartialDate | None = None  # the due date, or the last update


@dataclass(frozen=True)
class FigureLine:
    """A key figure as the report gives it: its text (with its period where the source gives
    one), whether anything dates it, and its sources."""

    text: str
    dated: bool
    sources: list[str]


@dataclass(frozen=True)
class ToSupply:
    """What a national team must send for its chapter: ids of commitments with nothing dated
    in the period, ids of achievements without a date, whether the costing is missing, and
    the figures without a period."""

    entries: list[str]
    dates: list[str]
    costing: bool
    periods: list[Figure]


@dataclass(frozen=True)
class Counts:
    """Commitments by status (and with no status) at the start and at the end of the period."""

    label: str
    start: dict[str, int]
    end: dict[str, int]


@dataclass(frozen=True)
class CountryChapter:
    member: Member
    name: str
    figures: list[FigureLine]
    progress: list[Progress]
    milestones: list[Progress]
    undated: list[Item]
    later: list[Item]  # undated achievements recorded after the period: known later
    overdue: list[Item]
    stale: list[Item]
    factors: list[Shown]
    challenges: list[Shown]
    quantification: list[str]
    requests: list[str]
    by_status: Counts
    by_pillar: list[Counts]
    coverage: str
    team: list[Shown]
    encoded: int
    to_supply: ToSupply


@dataclass(frozen=True)
class Event:
    id: str
    title: Shown
    start: PartialDate | None
    end: PartialDate | None


@dataclass(frozen=True)
class ActivityLine:
    """A work-plan activity as the regional chapter shows it: its status at the period's end
    and its entries dated in the period (date, status, note)."""

    id: str
    title: Shown
    status: Status | None
    entries: list[tuple[PartialDate, Status, Shown | None]]


@dataclass(frozen=True)
class Section:
    """One part of the regional chapter (1. Protection, 2. Solutions, 3. Partnerships; None:
    what the plans place in no part yet), with what the plans place in it."""

    key: ReportSection | None
    activities: list[ActivityLine]
    working_groups: list[str]  # ids, of Regional.working_groups
    events: list[str]  # ids, of the work plan's calendar
    fund: bool
    support_platform: bool


@dataclass(frozen=True)
class Regional:
    year: int | None
    presidency: Member | None
    outcomes: list[tuple[str, Shown, list[tuple[str, Shown]]]]
    working_groups: list[tuple[str, Shown, str, bool, list[Shown]]]  # id, name, lead, unconfirmed
    support_chair: Shown | None
    support_members: list[Shown]
    fund_lines: list[str]
    fund_totals: list[str]
    fund_projects: list[str]
    events: list[Event]  # dated, in the period
    unscheduled: list[Event]
    sections: list[Section]  # the published order, then what no section holds yet


@dataclass(frozen=True)
class AnnexRow:
    id: str
    country: str
    title: Shown
    pillar: str
    status: Status | None
    date_not_reported: bool
    latest: PartialDate | None
    sources: list[str]


@dataclass(frozen=True)
class Report:
    year: int
    numeral: str  # III for 2020: the year minus 2017, as the published reports count
    start: dt.date
    end: dt.date
    drafted: dt.date
    revision: str | None  # the plans' commit, "+ uncommitted changes" where there are
    countries: list[CountryChapter]
    regional: Regional
    totals: Counts
    by_pillar: list[Counts]
    by_focus: list[Counts]
    chart: list[tuple[str, int, int]]  # country, commitments, fulfilled
    annex: list[AnnexRow]
    acronyms: list[tuple[str, str]]
    fallback_used: bool
