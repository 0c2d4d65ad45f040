"""The MIRPS Fund as its own kind of plan file (plans/fund/ID.yaml): its guidelines, the
Annual Operating Plan (roadmap and budget projection), contributions, and the projects it
finances, each a tracked item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field, StrictFloat, StrictInt

from mirps_cli.categories import BudgetKind, ReportSection
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Lang, Message
from mirps_cli.model.commitment import Partner
from mirps_cli.model.common import (
    CountryCode,
    Currency,
    Identifier,
    Identity,
    Instalment,
    Strict,
    Text,
    Url,
    empty_list,
)
from mirps_cli.model.measures import Money
from mirps_cli.model.tracked import StatusEntry, Tracked, TrackedAt


class Criterion(Strict):
    """An eligibility criterion of the guidelines, or a criterion the Fund ranks requests by."""

    id: Identifier
    text: Text
    weight: StrictFloat | None = Field(default=None, ge=0, description="For ranking: its weight.")


class Guidelines(Strict):
    description: Text | None = None
    eligibility: list[Criterion] = Field(default_factory=empty_list)
    sources: list[Url] = Field(default_factory=empty_list)


class RoadmapMilestone(Tracked):
    """A step of the Annual Operating Plan's roadmap, due by a date or a month."""

    NOUN: ClassVar[Message] = Message("roadmap milestone", "hito de la hoja de ruta")
    STALE_WHEN_SILENT: ClassVar[bool] = False

    id: Identifier
    title: Text
    start: PartialDate | None = None
    due: PartialDate | None = None
    status_history: list[StatusEntry] = Field(default_factory=empty_list)
    sources: list[Url] = Field(default_factory=empty_list)


class ProjectionLine(Strict):
    """A line of the budget projection: what it serves, for which period, how much."""

    id: Identifier
    serves: list[str] = Field(
        default_factory=empty_list, description="Commitment ids, or activities as YEAR:ID."
    )
    start: PartialDate | None = None
    end: PartialDate | None = None
    amount: StrictFloat = Field(ge=0)
    currency: Currency
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class OperatingPlan(Strict):
    year: StrictInt = Field(ge=2017, le=2999)
    roadmap: list[RoadmapMilestone] = Field(default_factory=empty_list)
    budget_total: Money | None = Field(default=None, description="The projection's total.")
    budget_lines: list[ProjectionLine] = Field(default_factory=empty_list)
    sources: list[Url] = Field(default_factory=empty_list)


class Contribution(Strict):
    donor: Text
    amount: StrictFloat | None = Field(default=None, ge=0)
    currency: Currency | None = None
    date: PartialDate | None = None
    kind: BudgetKind | None = None
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class ExchangeRate(Strict):
    """What one unit of `currency` was worth in `into`, on a date, by a source."""

    currency: Currency
    into: Currency
    rate: StrictFloat = Field(gt=0)
    date: PartialDate
    sources: list[Url] = Field(min_length=1)


class Project(Tracked):
    """A project the Fund finances (or is asked to): a request until approved."""

    NOUN: ClassVar[Message] = Message("project", "proyecto")
    # A request not yet approved has nothing to report; the Fund's plan reports on projects.
    STALE_WHEN_SILENT: ClassVar[bool] = False

    id: Identifier
    country: CountryCode
    title: Text
    implementers: list[Text] = Field(default_factory=empty_list)
    partners: list[Partner] = Field(default_factory=empty_list)
    commitments: list[Identifier] = Field(default_factory=empty_list)
    activities: list[str] = Field(default_factory=empty_list, description="YEAR:ID")
    requested: Money | None = None
    approved: Money | None = None
    disbursed: Money | None = None
    instalments: list[Instalment] = Field(default_factory=empty_list)
    start: PartialDate | None = None
    due: PartialDate | None = Field(default=None, description="The end of its period.")
    status_history: list[StatusEntry] = Field(default_factory=empty_list)
    eligible: dict[str, bool] = Field(
        default_factory=dict, description="Criterion id → whether the request meets it."
    )
    scores: dict[str, float] = Field(
        default_factory=dict, description="Criterion id → the score the committee gave."
    )
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class Administrator(Strict):
    """The office that administers the Fund, as a source names it on a date: the name has
    changed, and each source's name is kept with its date."""

    name: Text
    date: PartialDate | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class FundPlan(Strict):
    id: Identifier = Field(description="The file is named by it: plans/fund/ID.yaml.")
    language: Lang | None = None
    version_date: PartialDate | None = None
    name: Text
    administered_by: Text | list[Administrator] | None = Field(
        default=None,
        description="The administering office: its name, or its names as sources give them "
        "with their dates ([{name, date, sources}]).",
    )
    description: Text | None = None
    guidelines: Guidelines | None = None
    operating_plan: OperatingPlan | None = None
    prioritization: list[Criterion] = Field(
        default_factory=empty_list, description="The criteria requests are ranked by, weighted."
    )
    contributions: list[Contribution] = Field(default_factory=empty_list)
    projects: list[Project] = Field(default_factory=empty_list)
    exchange_rates: list[ExchangeRate] = Field(default_factory=empty_list)
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places the Fund: protection, "
        "solutions or partnerships.",
    )
    sources: list[Url] = Field(default_factory=empty_list)

    def identity(self) -> Identity:
        return Identity(("id",), self.id, Message(f"fund {self.id}", f"del fondo {self.id}"))

    def qualify(self, ident: str) -> str:
        """A project's or roadmap milestone's id is unique in the tree as it is."""
        return ident

    def tracked(self) -> Iterator[TrackedAt]:
        for i, project in enumerate(self.projects):
            yield ("projects", i), project
        if self.operating_plan is not None:
            for j, step in enumerate(self.operating_plan.roadmap):
                yield ("operating_plan", "roadmap", j), step
