"""A commitment of a National Action Plan: a tracked item with its indicators and budget."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message
from mirps_cli.model.common import (
    Form,
    FundingLine,
    Identifier,
    NonEmpty,
    Strict,
    Text,
    Url,
    empty_list,
)
from mirps_cli.model.tracked import StatusEntry, Tracked
from mirps_cli.vocab import FocusArea, Pillar, Population

CommitmentId = Annotated[
    str,
    Form(
        r"^[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9.\-]*$",
        "'{value}' is not a commitment id: write the country code, a hyphen and a number, "
        "e.g. HN-03",
        "'{value}' no es un identificador de compromiso: escriba el código del país, un guion y "
        "un número, p. ej. HN-03",
        "Stable id: the country's ISO code, a hyphen, a number (HN-03).",
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


class Indicator(Strict):
    name: Text
    unit: Text | None = None
    baseline: int | float | NonEmpty | None = None
    target: int | float | NonEmpty | None = None
    actual: int | float | NonEmpty | None = None
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class Commitment(Tracked):
    NOUN: ClassVar[Message] = Message("commitment", "compromiso")

    id: CommitmentId
    title: Text
    description: Text | None = None
    pillar: Pillar | None = None
    focus_area: FocusArea | None = None
    populations: list[Population] = Field(default_factory=empty_list)
    responsible_institutions: list[Identifier] = Field(
        default_factory=empty_list, description="Ids from the plan's `institutions` list."
    )
    start: PartialDate | None = None
    due: PartialDate | None = None
    status_history: list[StatusEntry] = Field(
        default_factory=empty_list,
        description="Oldest first; the last entry is the current status.",
    )
    indicators: list[Indicator] = Field(default_factory=empty_list)
    budget: list[FundingLine] = Field(default_factory=empty_list)
    working_groups: list[Identifier] = Field(
        default_factory=empty_list, description="Ids of working groups in a regional work plan."
    )
    activities: list[ActivityRef] = Field(default_factory=empty_list)
    facilitating_factors: list[Text] = Field(default_factory=empty_list)
    challenges: list[Text] = Field(default_factory=empty_list)
    sources: list[Url] = Field(default_factory=empty_list)
