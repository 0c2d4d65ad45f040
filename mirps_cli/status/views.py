"""The values `mirps status` returns, for the renderers in output/.

Plain frozen dataclasses: no models, no I/O. Texts are already in the chosen
language (Shown), so a renderer only lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from mirps_cli.categories import FocusArea, Pillar
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Shown
from mirps_cli.members import Member
from mirps_cli.status.since import ChangesView
from mirps_cli.timeline import EventView
from mirps_cli.vocab import Reporter, Status

NO_STATUS = "none"


@dataclass(frozen=True)
class Filters:
    pillar: Pillar | None = None
    status: Status | None = None
    institution: str | None = None
    working_group: str | None = None
    overdue: bool = False
    stale: bool = False


@dataclass(frozen=True)
class Row:
    country: str
    id: str
    title: Shown
    status: Status | None
    last_update: PartialDate | None
    due: PartialDate | None
    overdue: bool
    stale: bool
    date_not_reported: bool  # fulfilled by a report that gives no date for the event
    status_derived: bool  # the status comes from the commitment's milestones
    pillar: Pillar | None
    focus_areas: tuple[FocusArea, ...]
    institutions: tuple[str, ...]
    working_groups: tuple[str, ...]
    activities: tuple[str, ...] = ()  # work-plan activities it serves, as YEAR:ID

    @property
    def status_key(self) -> str:
        return str(self.status) if self.status else NO_STATUS


@dataclass(frozen=True)
class CountryCounts:
    member: Member
    total: int
    by_status: dict[str, int]  # each Status value and "none"
    overdue: int
    stale: int
    latest_update: PartialDate | None

    @property
    def fulfilled_share(self) -> float:
        return self.by_status[Status.FULFILLED] / self.total if self.total else 0.0


@dataclass(frozen=True)
class Group:
    label: str
    rows: list[Row]


@dataclass(frozen=True)
class CountryStatus:
    member: Member
    as_of: dt.date
    groups: list[Group]
    counts: CountryCounts
    fallback_used: bool
    known_commitments: int | None = None  # how many the published plan has, when known
    coverage: str = ""  # "5 of 49 known commitments encoded (2022)", when the plan says
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # key figures...


@dataclass(frozen=True)
class OutcomeView:
    id: str
    title: Shown
    activities: list[tuple[str, Shown, StrEnum | None]]  # id, title, current status


@dataclass(frozen=True)
class GroupLine:
    """A working group in the regional view: its lead and the commitments that serve it."""

    id: str
    name: Shown
    lead: Member | None
    commitments: int
    fulfilled: int


@dataclass(frozen=True)
class RegionalStatus:
    as_of: dt.date
    countries: list[CountryCounts]
    rows: list[Row]
    work_plan_year: int | None
    presidency: Member | None
    outcomes: list[OutcomeView]
    next_events: list[EventView]
    unscheduled: int
    fallback_used: bool
    working_groups: list[GroupLine] = field(default_factory=list)
    # "BZ: 3 of 8 known commitments encoded (2022)", for each plan that says how many it has:
    # the shares above are over the encoded commitments only.
    coverage: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryView:
    date: PartialDate | None  # when it happened
    reported: PartialDate | None  # when a source reported it
    reporter: Reporter | None
    status: Status
    note: Shown | None
    sources: list[str]
    captured: PartialDate | None = None  # a source's archive capture, where none is reported
    recorded: PartialDate | None = None  # when it entered the plans (mirps update)


@dataclass(frozen=True)
class MilestoneView:
    id: str
    title: Shown
    status: Status | None
    date: PartialDate | None  # of its latest entry: the event's, else the report's
    date_not_reported: bool


@dataclass(frozen=True)
class CommitmentDetail:
    row: Row
    member: Member
    description: Shown | None
    populations: list[str]
    institution_names: list[Shown]
    start: PartialDate | None
    history: list[HistoryView]
    milestones: list[MilestoneView]
    support_requests: list[str]
    partners: list[str]
    places: list[str]
    indicators: list[dict[str, str]]
    budget: list[dict[str, str]]
    activities: list[tuple[str, Shown | None]]
    facilitating_factors: list[Shown]
    challenges: list[Shown]
    sources: list[str]
    fallback_used: bool = False


@dataclass(frozen=True)
class ActivityDetail:
    """One activity of a work plan: its status history, who carries it out, and the
    commitments that serve it (those it names, and those that name it)."""

    id: str  # 2022:1.1
    title: Shown
    status: StrEnum | None
    history: list[HistoryView]
    responsible: list[Shown]
    working_groups: list[str]
    rows: list[Row]  # the commitments that serve it


StatusView = RegionalStatus | CountryStatus | CommitmentDetail | ChangesView | ActivityDetail
T = TypeVar("T")


def by_view(
    view: StatusView,
    regional: Callable[[RegionalStatus], T],
    country: Callable[[CountryStatus], T],
    commitment: Callable[[CommitmentDetail], T],
    changes: Callable[[ChangesView], T],
    activity: Callable[[ActivityDetail], T],
) -> T:
    """What a renderer does with each of the five views `mirps status` returns."""
    if isinstance(view, ActivityDetail):
        return activity(view)
    if isinstance(view, RegionalStatus):
        return regional(view)
    if isinstance(view, CountryStatus):
        return country(view)
    if isinstance(view, ChangesView):
        return changes(view)
    return commitment(view)
