"""A commitment of a National Action Plan: a tracked item with its milestones, needs,
indicators and budget."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StrictFloat

from mirps_cli.categories import FocusArea, PartnerKind, PartnerRole, Pillar, PlaceLevel, Population
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message
from mirps_cli.model.common import (
    Currency,
    Form,
    FundingLine,
    Identifier,
    NonEmpty,
    Strict,
    Text,
    Url,
    empty_list,
)
from mirps_cli.model.measures import Indicator
from mirps_cli.model.tracked import CLOSED, StatusEntry, Tracked
from mirps_cli.vocab import Status

CommitmentId = Annotated[
    str,
    Form(
        r"^[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9.\-]*$",
        "'{value}' is not a commitment id: write the country code, a hyphen and a number, "
        "e.g. HN-03",
        "'{value}' no es un identificador de compromiso: escriba el código del país, un guion y "
        "un número, p. ej. HN-03",
        "Stable id: the country's ISO code, a hyphen, a number (HN-03).",
        max_length=64,
    ),
]

# "<work plan year>:<activity id>", e.g. "2022:1.1"; the year says which work plan.
ActivityRef = Annotated[
    str,
    Form(
        r"^\d{4}:\d+(\.\d+)?$",
        "'{value}' is not a work-plan activity: write YEAR:ID, e.g. 2022:1.1",
        "'{value}' no es una actividad del plan de trabajo: escriba AÑO:ID, p. ej. 2022:1.1",
        "A work-plan activity as YEAR:ID, e.g. 2022:1.1",
    ),
]


MilestoneId = Annotated[
    str,
    Form(
        r"^[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9.\-]*$",
        "'{value}' is not a milestone id: write its commitment's id, a point and a number, "
        "e.g. CR-03.1",
        "'{value}' no es un identificador de hito: escriba el del compromiso, un punto y un "
        "número, p. ej. CR-03.1",
        "Its commitment's id, a point and a number: CR-03.1",
    ),
]


class SupportRequest(Strict):
    """A request for support: a need, apart from progress ("needs support" is no status)."""

    what: Text
    asked_of: Text | None = Field(default=None, description="Whom the support is asked of.")
    amount: StrictFloat | None = Field(default=None, ge=0)
    currency: Currency | None = None
    date: PartialDate | None = Field(default=None, description="When it was asked.")
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class Milestone(Tracked):
    """A part of a commitment with its own status history: a law and its regulations, an
    agreement signed, carried out, its results presented."""

    NOUN: ClassVar[Message] = Message("milestone", "hito")

    id: MilestoneId
    title: Text
    description: Text | None = None
    start: PartialDate | None = None
    due: PartialDate | None = None
    status_history: list[StatusEntry] = Field(
        default_factory=empty_list,
        description="Oldest first; the last entry is the current status.",
    )
    sources: list[Url] = Field(default_factory=empty_list)


class Place(Strict):
    """Where a commitment is carried out, as the source names it."""

    name: Text
    level: PlaceLevel | None = None
    code: NonEmpty | None = Field(
        default=None, description="An official code where the source gives one."
    )


class Partner(Strict):
    """Who works on a commitment besides the responsible State institutions."""

    name: Text
    kind: PartnerKind | None = None
    role: PartnerRole = PartnerRole.PARTNER
    sources: list[Url] = Field(default_factory=empty_list)


class Commitment(Tracked):
    NOUN: ClassVar[Message] = Message("commitment", "compromiso")

    id: CommitmentId
    title: Text
    description: Text | None = None
    pillar: Pillar | None = None
    focus_areas: list[FocusArea] = Field(default_factory=empty_list)
    populations: list[Population] = Field(default_factory=empty_list)
    responsible_institutions: list[Identifier] = Field(
        default_factory=empty_list, description="Ids from the plan's `institutions` list."
    )
    partners: list[Partner] = Field(default_factory=empty_list)
    places: list[Place] = Field(default_factory=empty_list)
    start: PartialDate | None = None
    due: PartialDate | None = None
    status_history: list[StatusEntry] = Field(
        default_factory=empty_list,
        description="Oldest first; the last entry is the current status.",
    )
    milestones: list[Milestone] = Field(
        default_factory=empty_list,
        description="Parts with their own history; without a history of its own, the "
        "commitment's status is derived from them.",
    )
    support_requests: list[SupportRequest] = Field(default_factory=empty_list)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    budget: list[FundingLine] = Field(default_factory=empty_list)
    working_groups: list[Identifier] = Field(
        default_factory=empty_list, description="Ids of working groups in a regional work plan."
    )
    activities: list[ActivityRef] = Field(default_factory=empty_list)
    facilitating_factors: list[Text] = Field(default_factory=empty_list)
    challenges: list[Text] = Field(default_factory=empty_list)
    sources: list[Url] = Field(default_factory=empty_list)

    @property
    def status_derived(self) -> bool:
        """True when the status comes from the milestones: the commitment has none of its own."""
        return not self.status_history and bool(self.milestones)

    @property
    def status(self) -> Status | None:
        if self.status_derived:
            return derived_status([m.status for m in self.milestones])
        return super().status

    @property
    def date_not_reported(self) -> bool:
        if self.status_derived:
            return self.status is Status.FULFILLED and any(
                m.date_not_reported for m in self.milestones
            )
        return super().date_not_reported

    @property
    def last_dated(self) -> PartialDate | None:
        dated = [d for d in (super().last_dated, *(m.last_dated for m in self.milestones)) if d]
        return max(dated, key=lambda d: d.latest()) if dated else None


def derived_status(parts: list[Status | None]) -> Status | None:
    """A commitment's status from its milestones'.

    Every part fulfilled (or cancelled, with at least one fulfilled): fulfilled.
    Every part cancelled: cancelled. Any part begun (in progress, or fulfilled
    beside parts still open): in progress. Otherwise the parts are planned or
    suspended: suspended if any is, else planned. No part with a status: none.
    """
    known = [p for p in parts if p is not None]
    if not known:
        return None
    if all(p is Status.CANCELLED for p in known) and len(known) == len(parts):
        return Status.CANCELLED
    if len(known) == len(parts) and all(p in CLOSED for p in known):
        return Status.FULFILLED
    if any(p in (Status.IN_PROGRESS, Status.FULFILLED) for p in known):
        return Status.IN_PROGRESS
    return Status.SUSPENDED if Status.SUSPENDED in known else Status.PLANNED
