"""The statuses of MIRPS plans (and who reports them), each term in English and Spanish.

MIRPS publishes no status code list of its own; the status vocabulary maps onto
three peers (Global Refugee Forum pledges, OGP completion levels, IATI activity
status) so that figures can be compared. Sources are in README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mirps_cli.i18n import Message, fold, label


class Status(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    FULFILLED = "fulfilled"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class StatusTerm:
    name: Message
    plural: Message  # agreeing with "commitments" / "compromisos": "3 cumplidos"
    meaning: Message
    grf: str
    ogp: str
    iati: str


STATUS_TERMS: dict[Status, StatusTerm] = {
    Status.PLANNED: StatusTerm(
        Message("planned", "planificado"),
        Message("planned", "planificados"),
        Message(
            "Adopted or announced; implementation has not begun.",
            "Adoptado o anunciado; la ejecución no ha comenzado.",
        ),
        grf="in the planning stage",
        ogp="Not Started",
        iati="1 Pipeline/identification",
    ),
    Status.IN_PROGRESS: StatusTerm(
        Message("in progress", "en curso"),
        Message("in progress", "en curso"),
        Message(
            "Implementation has begun and is not complete.",
            "La ejecución comenzó y no ha concluido.",
        ),
        grf="in progress",
        ogp="Limited or Substantial",
        iati="2 Implementation",
    ),
    Status.FULFILLED: StatusTerm(
        Message("fulfilled", "cumplido"),
        Message("fulfilled", "cumplidos"),
        Message(
            "Delivered as committed.",
            "Cumplido según lo comprometido.",
        ),
        grf="fulfilled",
        ogp="Complete",
        iati="3 Finalisation, 4 Closed",
    ),
    Status.SUSPENDED: StatusTerm(
        Message("suspended", "suspendido"),
        Message("suspended", "suspendidos"),
        Message(
            "Halted for now; expected to resume.",
            "Detenido por ahora; se espera reanudarlo.",
        ),
        grf="(no equivalent)",
        ogp="Limited",
        iati="6 Suspended",
    ),
    Status.CANCELLED: StatusTerm(
        Message("cancelled", "cancelado"),
        Message("cancelled", "cancelados"),
        Message(
            "Withdrawn; will not be delivered.",
            "Retirado; no se cumplirá.",
        ),
        grf="(no equivalent)",
        ogp="Not Started",
        iati="5 Cancelled",
    ),
}


class EventStatus(StrEnum):
    """Where a timeline event stands."""

    SCHEDULED = "scheduled"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


EVENT_STATUS_TERMS: dict[EventStatus, Message] = {
    EventStatus.SCHEDULED: Message("scheduled", "programado"),
    EventStatus.HELD: Message("held", "realizado"),
    EventStatus.POSTPONED: Message("postponed", "aplazado"),
    EventStatus.CANCELLED: Message("cancelled", "cancelado"),
}


def parse_event_status(text: str) -> EventStatus | None:
    """An event status from its value or its English or Spanish name: "held", "realizado"."""
    wanted = fold(text)
    for status, name in EVENT_STATUS_TERMS.items():
        if wanted in (fold(status.value), fold(name.en), fold(name.es)):
            return status
    return None


def parse_status_of(statuses: type[StrEnum], text: str) -> StrEnum | None:
    """A status of the kind an item takes (a commitment's, an event's) from what was typed."""
    if statuses is EventStatus:
        return parse_event_status(text)
    return parse_status(text)


def parse_status(text: str) -> Status | None:
    """A status from its value or its English or Spanish name: "fulfilled", "en curso"."""
    wanted = fold(text)
    for status, term in STATUS_TERMS.items():
        if wanted in (fold(status.value), fold(term.name.en), fold(term.name.es)):
            return status
    return None


def status_choices(statuses: type[StrEnum]) -> Message:
    """The statuses an option takes, as a refusal lists them: the values in English, the
    Spanish names with their values in Spanish ("cumplido (fulfilled)")."""
    return Message(
        ", ".join(s.value for s in statuses),
        ", ".join(f"{status_label(s, 'es')} ({s.value})" for s in statuses),
    )


def status_label(status: StrEnum | None, lang: str) -> str:
    if status is None:
        return label("no_status", lang)
    if isinstance(status, EventStatus):
        return EVENT_STATUS_TERMS[status].in_lang(lang)
    return STATUS_TERMS[Status(status)].name.in_lang(lang)


# Derived, never written in a plan: a commitment whose latest dated status entry
# is older than this many months is stale ("no update since DATE"), which GRF
# counts apart from "not started" and OGP calls "No Evidence Available".
STALE_AFTER_MONTHS = 12


class Reporter(StrEnum):
    """Who reported a status: the annual reports draw on each of these."""

    STATE = "state"
    CIVIL_SOCIETY = "civil_society"
    UNHCR_OAS = "unhcr_oas"
    TECHNICAL_SECRETARIAT = "technical_secretariat"


REPORTER_TERMS: dict[Reporter, Message] = {
    Reporter.STATE: Message("the State", "el Estado"),
    Reporter.CIVIL_SOCIETY: Message("civil society", "la sociedad civil"),
    Reporter.UNHCR_OAS: Message("UNHCR/OAS", "ACNUR/OEA"),
    Reporter.TECHNICAL_SECRETARIAT: Message("the Technical Secretariat", "la Secretaría Técnica"),
}


def parse_reporter(text: str) -> Reporter | None:
    """A reporter from its value or its English or Spanish name: "state", "el Estado"."""
    wanted = fold(text)
    for reporter, name in REPORTER_TERMS.items():
        names = (reporter.value, name.en, name.es, name.en.removeprefix("the "))
        if wanted in {fold(n) for n in names} | {fold(name.es.split(" ", 1)[-1])}:
            return reporter
    return None
