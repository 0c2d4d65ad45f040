"""How plans classify what they hold, each term in English and Spanish: pillars, focus
areas, populations, partners, places, country figures, money, and how `status` groups.
(vocab.py holds the statuses.)"""

from __future__ import annotations

from enum import StrEnum

from mirps_cli.i18n import Message


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


class ReportSection(StrEnum):
    """The parts of the Annual Report's regional chapter, as the III Annual Report 2020 has
    them (II. Trabajo regional del MIRPS: 1. Protección, 2. Soluciones, 3. Alianzas): each
    activity, working group, event and the Fund says in its `section` where it goes."""

    PROTECTION = "protection"
    SOLUTIONS = "solutions"
    PARTNERSHIPS = "partnerships"


REPORT_SECTION_TERMS: dict[ReportSection, Message] = {
    ReportSection.PROTECTION: Message("1. Protection", "1. Protección"),
    ReportSection.SOLUTIONS: Message("2. Solutions", "2. Soluciones"),
    ReportSection.PARTNERSHIPS: Message("3. Partnerships", "3. Alianzas"),
}


class GroupBy(StrEnum):
    """How `mirps status` groups a country's commitments."""

    pillar = "pillar"
    focus_area = "focus-area"
    status = "status"
    institution = "institution"
