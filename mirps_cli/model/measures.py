"""Numbers a plan reports: indicator values over time, money with a period, country figures,
the costing of a plan, and how many commitments a published plan has."""

from __future__ import annotations

from pydantic import Field, StrictFloat, StrictInt, model_validator

from mirps_cli.categories import FigureKind, FocusArea
from mirps_cli.dates import PartialDate
from mirps_cli.model.common import Currency, NonEmpty, Strict, Text, Url, empty_list
from mirps_cli.problems import Invalid

# Strict: YAML's `true` is no number (lax pydantic read it as 1), nor is the text "3".
Number = StrictInt | StrictFloat


class Value(Strict):
    """One reported value: a number, or text where the source gives no number."""

    value: Number | NonEmpty
    about: bool = Field(default=False, description="An approximate value: shown as 'about ...'.")
    date: PartialDate | None = Field(default=None, description="When the value held.")
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class Indicator(Strict):
    name: Text
    unit: Text | None = None
    baseline: Number | NonEmpty | Value | None = None
    target: Number | NonEmpty | Value | None = Field(
        default=None, description="The value aimed at, with its date where the plan gives one."
    )
    actual: Number | NonEmpty | None = Field(
        default=None, description="A single reported value without a date; prefer `values`."
    )
    values: list[Value] = Field(
        default_factory=empty_list, description="Reported values over time, oldest first."
    )
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class Money(Strict):
    amount: StrictFloat = Field(ge=0)
    currency: Currency
    about: bool = False


class Figure(Strict):
    """A key figure of a country with its period and source: the 'relevant indicators' that
    open each country chapter of the annual report."""

    kind: FigureKind
    name: Text | None = Field(default=None, description="What is counted, for kind `other`.")
    value: Number
    about: bool = False
    start: PartialDate | None = Field(default=None, description="First year of the period.")
    end: PartialDate | None = Field(default=None, description="Last year of the period.")
    date: PartialDate | None = Field(default=None, description="When the figure held.")
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _other_is_named(self) -> Figure:
        if self.kind is FigureKind.OTHER and self.name is None:
            raise Invalid(
                "a figure of kind 'other' needs a name: say what it counts",
                "una cifra de tipo 'other' necesita un nombre (name): diga qué cuenta",
            )
        return self


class Quantification(Strict):
    """The costing of a plan, as the annual reports carry it: total needs, the State's own
    investment and the funding gap, for the whole plan, a focus area or one commitment."""

    commitment: NonEmpty | None = Field(default=None, description="A commitment id.")
    focus_area: FocusArea | None = None
    needs: Money | None = None
    state_investment: Money | None = None
    gap: Money | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class KnownCount(Strict):
    """How many commitments the published plan has, so a share is never taken over a partial
    list without saying so."""

    count: StrictInt = Field(ge=0)
    date: PartialDate | None = None
    sources: list[Url] = Field(default_factory=empty_list)
