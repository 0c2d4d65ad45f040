"""A member state's National Action Plan: one file per state, named by its ISO code."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from mirps_cli.categories import PartnerKind
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Lang, Message
from mirps_cli.model.commitment import Commitment, SupportRequest
from mirps_cli.model.common import (
    CountryCode,
    Identifier,
    Identity,
    NonEmpty,
    Strict,
    Text,
    Url,
    empty_list,
)
from mirps_cli.model.measures import Figure, KnownCount, Quantification
from mirps_cli.model.tracked import TrackedAt


class Institution(Strict):
    id: Identifier = Field(description="Short id used by commitments, e.g. COMAR.")
    name: Text
    sources: list[Url] = Field(default_factory=empty_list)


class CoordinationMember(Strict):
    name: Text
    kind: PartnerKind
    sources: list[Url] = Field(default_factory=empty_list)


class NationalTeam(Strict):
    """The National Technical Team as a source names it: its institutions, the one that
    coordinates it, and when the source says so."""

    members: list[Identifier] = Field(
        default_factory=empty_list, description="Ids from `institutions`."
    )
    coordinator: Identifier | None = Field(
        default=None, description="The institution that coordinates it (the MIRPS focal point)."
    )
    date: PartialDate | None = Field(default=None, description="When a source gives the team so.")
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class NationalPlan(Strict):
    country: CountryCode
    language: Lang | None = Field(
        default=None,
        description="The language of the plan's plain text (text not written as {en, es}): "
        "a view in the other language marks it as untranslated.",
    )
    title: Text | None = None
    plan_version: NonEmpty | None = None
    adopted: PartialDate | None = None
    updated: PartialDate | None = None
    version_date: PartialDate | None = Field(
        default=None,
        description="The date of this version of the plan file: a status entry or value "
        "with no date of its own counts from it when the plans are viewed as of a past date.",
    )
    notes: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)
    institutions: list[Institution] = Field(
        default_factory=empty_list, description="Institutions named anywhere in the plan."
    )
    national_technical_team: list[Identifier] | NationalTeam = Field(
        default_factory=empty_list,
        description="The National Technical Team: ids from `institutions`, or the team with "
        "the date and source that name it ({members, coordinator, date, note, sources}).",
    )
    national_coordination_group: list[CoordinationMember] = Field(default_factory=empty_list)
    known_commitments: KnownCount | None = Field(
        default=None, description="How many commitments the published plan has, with the source."
    )
    figures: list[Figure] = Field(
        default_factory=empty_list,
        description="Key figures of the country, with period and source.",
    )
    quantification: list[Quantification] = Field(default_factory=empty_list)
    support_requests: list[SupportRequest] = Field(
        default_factory=empty_list, description="Requests for support of the plan as a whole."
    )
    commitments: list[Commitment] = Field(default_factory=empty_list)

    @property
    def team(self) -> NationalTeam:
        """The National Technical Team, however it is written."""
        team = self.national_technical_team
        return team if isinstance(team, NationalTeam) else NationalTeam(members=list(team))

    def identity(self) -> Identity:
        code = self.country
        return Identity(("country",), code, Message(f"country {code}", f"del país {code}"))

    def qualify(self, ident: str) -> str:
        """A commitment's or milestone's id is already unique in the tree."""
        return ident

    def tracked(self) -> Iterator[TrackedAt]:
        """Every tracked item of the plan, with its place in the plan's data."""
        for index, commitment in enumerate(self.commitments):
            yield ("commitments", index), commitment
            for part, milestone in enumerate(commitment.milestones):
                yield ("commitments", index, "milestones", part), milestone
