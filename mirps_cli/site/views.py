"""The values `mirps site` returns: one value a page, for output/site_html.py to lay out.

Plain frozen dataclasses, built from the status, timeline and Fund views the other commands
return, so a page says what `mirps status` says. Texts are already in the page's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mirps_cli.fund import FundOverview, Prioritized
from mirps_cli.i18n import Shown
from mirps_cli.members import Member
from mirps_cli.status.since import Change
from mirps_cli.status.views import (
    ActivityDetail,
    CommitmentDetail,
    CountryStatus,
    GroupLine,
    RegionalStatus,
    Row,
)
from mirps_cli.timeline import EventView, TimelineView


@dataclass(frozen=True)
class SiteMap:
    """What every page links to: the members with a plan, the work plans, the Fund, the
    languages; and where each tracked item's page is (a milestone's is its commitment's)."""

    members: tuple[Member, ...]
    work_plans: tuple[int, ...]  # presidency years, oldest first
    has_fund: bool
    langs: tuple[str, ...]
    as_of: dt.date
    built: dt.date
    revision: str | None  # the plans' git revision, "" outside git
    pages: dict[str, str]  # a tracked item's id (HN-03, HN-03.1, 2022:1.1) → page#anchor


@dataclass(frozen=True)
class Home:
    regional: RegionalStatus
    fund: FundOverview | None
    recent: list[Change]  # the latest changes, newest first


@dataclass(frozen=True)
class MemberPage:
    status: CountryStatus
    since: dt.date  # "what changed in the last twelve months" starts here
    changes: list[Change]  # newest first
    figures: list[tuple[str, list[str]]]  # each key figure's text and its sources


@dataclass(frozen=True)
class WorkingGroupRef:
    id: str
    name: Shown | None  # None: named by a commitment, in no work plan
    year: int | None  # the work plan it is in


@dataclass(frozen=True)
class CommitmentPage:
    detail: CommitmentDetail
    working_groups: list[WorkingGroupRef]


@dataclass(frozen=True)
class GroupPart:
    line: GroupLine
    rows: list[Row]  # the commitments that serve it


@dataclass(frozen=True)
class OutcomePart:
    id: str
    title: Shown
    activities: list[ActivityDetail]


@dataclass(frozen=True)
class WorkPlanPage:
    year: int
    presidency: Member
    current: bool  # the work plan of the as-of day
    outcomes: list[OutcomePart]
    working_groups: list[GroupPart]
    timeline: TimelineView
    events: list[EventView]  # every event of the calendar, in the plan's order


@dataclass(frozen=True)
class FundPage:
    overview: FundOverview
    prioritized: Prioritized


@dataclass(frozen=True)
class Chooser:
    """The site's front door: a link to each language's home."""


@dataclass(frozen=True)
class Feed:
    """Recent changes as an Atom feed, newest first."""

    changes: list[Change]
    since: dt.date


Page = Home | MemberPage | CommitmentPage | WorkPlanPage | FundPage | Chooser
