"""The closed vocabularies of MIRPS plans, each term in English and Spanish.

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


class Pillar(StrEnum):
    """The four MIRPS objectives (II Annual Report 2019, "MIRPS at a glance")."""

    RECEPTION_ADMISSION = "reception_admission"
    IMMEDIATE_NEEDS = "immediate_needs"
    HOST_COMMUNITIES = "host_communities"
    DURABLE_SOLUTIONS = "durable_solutions"


PILLAR_TERMS: dict[Pillar, Message] = {
    Pillar.RECEPTION_ADMISSION: Message(
        "Reception and admission", "Mejora de mecanismos de recepción y admisión"
    ),
    Pillar.IMMEDIATE_NEEDS: Message(
        "Immediate and persistent needs", "Respuesta a necesidades humanitarias y de protección"
    ),
    Pillar.HOST_COMMUNITIES: Message(
        "Support to host countries and communities", "Apoyar a los países y comunidades de acogida"
    ),
    Pillar.DURABLE_SOLUTIONS: Message(
        "Durable solutions", "Ampliar las oportunidades de soluciones duraderas"
    ),
}


class FocusArea(StrEnum):
    """Sectors used on the country pages of mirps-platform.org."""

    PROTECTION = "protection"
    JOBS_LIVELIHOODS = "jobs_livelihoods"
    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_PROTECTION = "social_protection"


FOCUS_AREA_TERMS: dict[FocusArea, Message] = {
    FocusArea.PROTECTION: Message("Protection", "Protección"),
    FocusArea.JOBS_LIVELIHOODS: Message("Jobs and livelihoods", "Empleo y medios de vida"),
    FocusArea.EDUCATION: Message("Education", "Educación"),
    FocusArea.HEALTH: Message("Health", "Salud"),
    FocusArea.SOCIAL_PROTECTION: Message("Social protection", "Protección social"),
}


class Population(StrEnum):
    REFUGEES = "refugees"
    ASYLUM_SEEKERS = "asylum_seekers"
    INTERNALLY_DISPLACED = "internally_displaced"
    RETURNEES = "returnees"
    IN_TRANSIT = "in_transit"
    HOST_COMMUNITIES = "host_communities"
    INDIGENOUS_PEOPLES = "indigenous_peoples"
    WOMEN = "women"
    CHILDREN_ADOLESCENTS = "children_adolescents"
    LGBTIQ = "lgbtiq"
    PERSONS_WITH_DISABILITIES = "persons_with_disabilities"


POPULATION_TERMS: dict[Population, Message] = {
    Population.REFUGEES: Message("refugees", "personas refugiadas"),
    Population.ASYLUM_SEEKERS: Message("asylum seekers", "personas solicitantes de asilo"),
    Population.INTERNALLY_DISPLACED: Message(
        "internally displaced persons", "personas desplazadas internamente"
    ),
    Population.RETURNEES: Message(
        "returnees with protection needs", "personas retornadas con necesidades de protección"
    ),
    Population.IN_TRANSIT: Message("people in transit", "personas en tránsito"),
    Population.HOST_COMMUNITIES: Message("host communities", "comunidades de acogida"),
    Population.INDIGENOUS_PEOPLES: Message("indigenous peoples", "pueblos indígenas"),
    Population.WOMEN: Message("women", "mujeres"),
    Population.CHILDREN_ADOLESCENTS: Message(
        "children and adolescents", "niñas, niños y adolescentes"
    ),
    Population.LGBTIQ: Message("LGBTIQ+ persons", "personas LGBTIQ+"),
    Population.PERSONS_WITH_DISABILITIES: Message(
        "persons with disabilities", "personas con discapacidad"
    ),
}


class PartnerKind(StrEnum):
    """Who may sit in a National Coordination Group (2022 work plan, activity 1.2)."""

    EMBASSY = "embassy"
    DEVELOPMENT_AGENCY = "development_agency"
    UN_AGENCY = "un_agency"
    OAS = "oas"
    CIVIL_SOCIETY = "civil_society"
    PRIVATE_SECTOR = "private_sector"
    FOUNDATION = "foundation"
    OTHER = "other"


PARTNER_KIND_TERMS: dict[PartnerKind, Message] = {
    PartnerKind.EMBASSY: Message("embassy", "embajada"),
    PartnerKind.DEVELOPMENT_AGENCY: Message("development agency", "agencia de desarrollo"),
    PartnerKind.UN_AGENCY: Message("UN agency", "agencia de la ONU"),
    PartnerKind.OAS: Message("OAS", "OEA"),
    PartnerKind.CIVIL_SOCIETY: Message("civil society", "sociedad civil"),
    PartnerKind.PRIVATE_SECTOR: Message("private sector", "sector privado"),
    PartnerKind.FOUNDATION: Message("foundation", "fundación"),
    PartnerKind.OTHER: Message("other", "otro"),
}


class PartnerRole(StrEnum):
    """What a partner does for a commitment, apart from the responsible State institutions."""

    PARTNER = "partner"
    IMPLEMENTER = "implementer"
    FUNDER = "funder"


PARTNER_ROLE_TERMS: dict[PartnerRole, Message] = {
    PartnerRole.PARTNER: Message("partner", "socio"),
    PartnerRole.IMPLEMENTER: Message("implementer", "implementador"),
    PartnerRole.FUNDER: Message("funder", "financiador"),
}


class PlaceLevel(StrEnum):
    DEPARTMENT = "department"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class FigureKind(StrEnum):
    """What a country's key figure counts."""

    INTERNALLY_DISPLACED = "internally_displaced"
    REFUGEES_ASYLUM_SEEKERS_HOSTED = "refugees_asylum_seekers_hosted"
    ASYLUM_APPLICATIONS = "asylum_applications"
    RETURNEES = "returnees"
    OTHER = "other"


FIGURE_KIND_TERMS: dict[FigureKind, Message] = {
    FigureKind.INTERNALLY_DISPLACED: Message(
        "internally displaced persons", "personas desplazadas internamente"
    ),
    FigureKind.REFUGEES_ASYLUM_SEEKERS_HOSTED: Message(
        "refugees and asylum seekers hosted", "personas refugiadas y solicitantes de asilo acogidas"
    ),
    FigureKind.ASYLUM_APPLICATIONS: Message("asylum applications", "solicitudes de asilo"),
    FigureKind.RETURNEES: Message("returnees", "personas retornadas"),
    FigureKind.OTHER: Message("other", "otro"),
}


class BudgetKind(StrEnum):
    CASH = "cash"
    IN_KIND = "in_kind"


BUDGET_KIND_TERMS: dict[BudgetKind, Message] = {
    BudgetKind.CASH: Message("cash", "en efectivo"),
    BudgetKind.IN_KIND: Message("in kind", "en especie"),
}


class GroupBy(StrEnum):
    """How `mirps status` groups a country's commitments."""

    pillar = "pillar"
    focus_area = "focus-area"
    status = "status"
    institution = "institution"
