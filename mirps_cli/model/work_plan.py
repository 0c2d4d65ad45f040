"""The regional work plan of one Pro-Tempore Presidency year."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import Discriminator, Field, StrictInt, Tag

from mirps_cli.categories import ReportSection
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Lang, Message
from mirps_cli.model.common import (
    CountryCode,
    Form,
    FundingLine,
    Identifier,
    Identity,
    LocalizedText,
    Strict,
    Text,
    Url,
    empty_list,
)
from mirps_cli.model.tracked import EventEntry, StatusEntry, Tracked, TrackedAt
from mirps_cli.vocab import EventStatus

OutcomeId = Annotated[
    str,
    Form(
        r"^\d+$",
        '\'{value}\' is not a number id: write "1", "2"...',
        '\'{value}\' no es un número de orden: escriba "1", "2"...',
        'A number, written as text: "1", "2"...',
    ),
]
ActivityId = Annotated[
    str,
    Form(
        r"^\d+\.\d+$",
        "'{value}' is not an activity id: write the outcome's number, a point and a number, "
        "e.g. 1.1",
        "'{value}' no es un identificador de actividad: escriba el número del resultado, "
        "un punto y un número, p. ej. 1.1",
        "The outcome's number, a point and a number: 1.1",
    ),
]


class Presidency(Strict):
    country: CountryCode
    year: StrictInt = Field(ge=2017, le=2999)


class Objective(Strict):
    id: OutcomeId
    text: Text


class Activity(Tracked):
    """Work the plan sets for its year: someone does it by a date."""

    NOUN: ClassVar[Message] = Message("activity", "actividad")
    STALE_WHEN_SILENT: ClassVar[bool] = False

    id: ActivityId = Field(description='"<outcome>.<n>", e.g. "1.1"')
    title: Text
    description: Text | None = None
    working_groups: list[Identifier] = Field(default_factory=empty_list)
    responsible: list[Text] = Field(
        default_factory=empty_list, description="The countries or bodies that carry it out."
    )
    commitments: list[Identifier] = Field(
        default_factory=empty_list, description="Ids of the commitments that serve it."
    )
    start: PartialDate | None = None
    due: PartialDate | None = None
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places it: protection, "
        "solutions or partnerships.",
    )
    status_history: list[StatusEntry] = Field(
        default_factory=empty_list,
        description="Oldest first; the last entry is the current status.",
    )


class Outcome(Strict):
    id: OutcomeId
    title: Text
    description: Text | None = None
    activities: list[Activity] = Field(default_factory=empty_list)


class Priority(Tracked):
    """A working group's priority tracked as work: the plan numbers its groups' priorities
    (activity 3.1 asks to implement them); written as text, a priority is not tracked."""

    NOUN: ClassVar[Message] = Message("priority", "prioridad")
    STALE_WHEN_SILENT: ClassVar[bool] = False

    id: Identifier = Field(description="Unique in its work plan, e.g. internal-displacement.1.")
    text: Text
    responsible: list[Text] = Field(default_factory=empty_list)
    commitments: list[Identifier] = Field(
        default_factory=empty_list, description="Ids of the commitments that serve it."
    )
    start: PartialDate | None = None
    due: PartialDate | None = None
    status_history: list[StatusEntry] = Field(default_factory=empty_list)

    @property
    def title(self) -> str | LocalizedText:
        return self.text


def _priority_form(value: Any) -> str:
    """A mapping with `text` is a tracked priority; a string or {en, es}, plain text."""
    return (
        "tracked"
        if isinstance(value, Priority) or (isinstance(value, dict) and "text" in value)
        else "plain"
    )


PriorityItem = Annotated[
    Annotated[Text, Tag("plain")] | Annotated[Priority, Tag("tracked")],
    Discriminator(_priority_form),
]


def priority_text(item: str | LocalizedText | Priority) -> str | LocalizedText:
    """The words of a priority, written as text or tracked."""
    return item.text if isinstance(item, Priority) else item


class WorkingGroup(Strict):
    id: Identifier
    name: Text
    description: Text | None = None
    lead_country: CountryCode | None = None
    lead_unconfirmed: bool = Field(
        default=False,
        description="True where no source of the plan's year names the lead: the lead_sources "
        "are of another year.",
    )
    lead_sources: list[Url] = Field(default_factory=empty_list)
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places it: protection, "
        "solutions or partnerships.",
    )
    priorities: list[PriorityItem] = Field(
        default_factory=empty_list,
        description="Text, or {id, text, status_history, ...} to track it like an activity.",
    )


class Mechanism(Strict):
    id: OutcomeId
    text: Text


class TimelineEvent(Tracked):
    """A meeting or session of the plan's calendar; tracked: scheduled, held, postponed..."""

    NOUN: ClassVar[Message] = Message("event", "evento")
    STATUSES: ClassVar[type[StrEnum]] = EventStatus
    CLOSED: ClassVar[frozenset[str]] = frozenset({EventStatus.HELD, EventStatus.CANCELLED})
    STALE_WHEN_SILENT: ClassVar[bool] = False

    id: Identifier
    title: Text
    date: PartialDate | None = Field(
        default=None, description="Leave out when no source dates it: the event is unscheduled."
    )
    end_date: PartialDate | None = None
    place: Text | None = None
    activities: list[ActivityId] = Field(default_factory=empty_list)
    note: Text | None = None
    responsible: list[Text] = Field(default_factory=empty_list)
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places it: protection, "
        "solutions or partnerships.",
    )
    status_history: list[EventEntry] = Field(
        default_factory=empty_list, description="Oldest first: scheduled, held, postponed..."
    )
    sources: list[Url] = Field(default_factory=empty_list)

    @property
    def start(self) -> PartialDate | None:
        return self.date

    @property
    def due(self) -> PartialDate | None:
        """By when it should have been held: its last day."""
        return self.end_date or self.date


class FundDocument(Strict):
    description: Text
    contents: list[Text] = Field(default_factory=empty_list)


class Fund(Strict):
    name: Text
    description: Text | None = None
    administered_by: Text | None = None
    guidelines: FundDocument | None = None
    operating_plan: FundDocument | None = None
    prioritization: Text | None = None
    budget_lines: list[FundingLine] = Field(default_factory=empty_list)
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places it: protection, "
        "solutions or partnerships.",
    )
    sources: list[Url] = Field(default_factory=empty_list)


class SupportPlatform(Strict):
    """The MIRPS Support Platform of the year: its chair and members."""

    chair: Text | None = None
    members: list[Text] = Field(default_factory=empty_list)
    section: ReportSection | None = Field(
        default=None,
        description="Where the Annual Report's regional chapter places it: protection, "
        "solutions or partnerships.",
    )
    sources: list[Url] = Field(default_factory=empty_list)


class CalendarSpan(Strict):
    """The months the work plan's calendar covers, as the plan's own table gives them."""

    start: PartialDate
    end: PartialDate


class WorkPlan(Strict):
    presidency: Presidency
    language: Lang | None = Field(
        default=None,
        description="The language of the plan's plain text (text not written as {en, es}): "
        "a view in the other language marks it as untranslated.",
    )
    title: Text
    approval: Text | None = None
    introduction: list[Text] = Field(default_factory=empty_list)
    objectives: list[Objective] = Field(default_factory=empty_list)
    cross_cutting_emphasis: Text | None = None
    outcomes: list[Outcome] = Field(default_factory=empty_list)
    working_groups: list[WorkingGroup] = Field(default_factory=empty_list)
    coordination_mechanisms: list[Mechanism] = Field(default_factory=empty_list)
    coordination_note: Text | None = None
    calendar: CalendarSpan | None = Field(
        default=None,
        description="The months the calendar covers (`{start: 2022-02, end: 2022-12}`); "
        "without it, the presidency year.",
    )
    timeline: list[TimelineEvent] = Field(default_factory=empty_list)
    support_platform: SupportPlatform | None = None
    fund: Fund | None = None
    sources: list[Url] = Field(default_factory=empty_list)

    def identity(self) -> Identity:
        year = str(self.presidency.year)
        holds = Message(f"the {year} presidency", f"de la presidencia {year}")
        return Identity(("presidency", "year"), year, holds)

    def qualify(self, ident: str) -> str:
        """An activity's or event's id with the plan's year: 2022:1.1, as commitments cite it."""
        return f"{self.presidency.year}:{ident}"

    def tracked(self) -> Iterator[TrackedAt]:
        """The plan's activities and timeline events, with their places in its data."""
        for i, outcome in enumerate(self.outcomes):
            for j, activity in enumerate(outcome.activities):
                yield ("outcomes", i, "activities", j), activity
        for k, event in enumerate(self.timeline):
            yield ("timeline", k), event
        for g, group in enumerate(self.working_groups):
            for n, item in enumerate(group.priorities):
                if isinstance(item, Priority):
                    yield ("working_groups", g, "priorities", n), item

    def activities(self) -> list[Activity]:
        return [a for o in self.outcomes for a in o.activities]
