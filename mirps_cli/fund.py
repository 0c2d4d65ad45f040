"""`mirps fund`: the MIRPS Fund's money per country and per donor, its projects and roadmap;
and `mirps fund prioritize`, the funding requests ranked by the Fund's own criteria."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from mirps_cli.errors import UsageError
from mirps_cli.i18n import Shown, shown
from mirps_cli.model.fund import FundPlan, Project
from mirps_cli.tree import Tree
from mirps_cli.vocab import Status

# IATI's ActivityStatus code list (IATI/IATI-Codelists, xml/ActivityStatus.xml), for donors'
# systems: a fulfilled project is in Finalisation (3) until its accounts are closed.
IATI_STATUS: dict[Status, int] = {
    Status.PLANNED: 1,
    Status.IN_PROGRESS: 2,
    Status.FULFILLED: 3,
    Status.CANCELLED: 5,
    Status.SUSPENDED: 6,
}


@dataclass(frozen=True)
class MoneyRow:
    """Requested, approved, disbursed and the gap (requested minus approved), one currency."""

    who: str  # a country code, or a donor
    currency: str
    requested: float
    approved: float
    disbursed: float

    @property
    def gap(self) -> float:
        return max(self.requested - self.approved, 0.0)


@dataclass(frozen=True)
class ProjectLine:
    id: str
    country: str
    title: Shown
    status: Status | None
    iati: int | None


@dataclass(frozen=True)
class RoadmapLine:
    id: str
    title: Shown
    due: str
    status: Status | None
    overdue: bool


@dataclass(frozen=True)
class FundOverview:
    name: Shown
    as_of: dt.date
    by_country: list[MoneyRow]
    by_donor: list[MoneyRow]  # contributions: "approved" holds what was given
    projects: list[ProjectLine]
    roadmap: list[RoadmapLine]


def the_fund(tree: Tree) -> FundPlan:
    funds = [fund for _, fund in tree.funds()]
    if not funds:
        raise UsageError(
            "there is no Fund file in the plans folder (plans/fund/ID.yaml)",
            "no hay archivo del Fondo en la carpeta de planes (plans/fund/ID.yaml)",
        )
    return funds[0]


def overview(tree: Tree, as_of: dt.date, lang: str) -> FundOverview:
    fund = the_fund(tree)
    money: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for project in fund.projects:
        for n, amount in enumerate((project.requested, project.approved, project.disbursed)):
            if amount is not None:
                money[(project.country, amount.currency)][n] += amount.amount
    donors: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for gift in fund.contributions:
        if gift.amount is not None and gift.currency is not None:
            donors[(str(shown(gift.donor, lang)), gift.currency)][1] += gift.amount
    roadmap = fund.operating_plan.roadmap if fund.operating_plan else []
    return FundOverview(
        name=shown(fund.name, lang),
        as_of=as_of,
        by_country=[MoneyRow(w, c, *v) for (w, c), v in sorted(money.items())],
        by_donor=[MoneyRow(w, c, *v) for (w, c), v in sorted(donors.items())],
        projects=[_project(p, lang) for p in fund.projects],
        roadmap=[
            RoadmapLine(
                m.id,
                shown(m.title, lang),
                str(m.due or ""),
                m.status,
                m.is_overdue(as_of),
            )
            for m in roadmap
        ],
    )


def _project(project: Project, lang: str) -> ProjectLine:
    status = project.status
    return ProjectLine(
        project.id,
        project.country,
        shown(project.title, lang),
        status,
        IATI_STATUS[status] if status is not None else None,
    )


@dataclass(frozen=True)
class Ranked:
    rank: int
    id: str
    country: str
    title: Shown
    total: float
    scores: list[tuple[str, float, float]]  # criterion, weight, score
    tie: bool  # tied with the one above: ordered by id


@dataclass(frozen=True)
class Ineligible:
    id: str
    country: str
    title: Shown
    reasons: list[
        tuple[str, Shown, bool]
    ]  # criterion id and text; True: not met, False: not assessed


@dataclass(frozen=True)
class Request:
    """A project that still asks for funding, listed unranked: the Fund records no criteria."""

    id: str
    country: str
    title: Shown


@dataclass(frozen=True)
class Prioritized:
    criteria: list[tuple[str, Shown, float]]  # empty: the plans record none
    ranked: list[Ranked]
    ineligible: list[Ineligible]
    unranked: list[Request] = field(default_factory=list)  # with no criteria, by id


def asks_for_funding(project: Project) -> bool:
    """Still a request: nothing approved, and no entry says it is under way, done or ended
    (a project with a status past `planned` has its funding)."""
    return project.approved is None and project.status in (None, Status.PLANNED)


def prioritize(tree: Tree, lang: str) -> Prioritized:
    """The requests (projects not approved, not under way) ranked by the weighted sum of
    their scores on the criteria the Fund records; those failing an eligibility criterion
    listed apart with the reason. Ties are ordered by id, and said so. With no criteria
    recorded nothing is ranked (every score would be 0, every request tied): the requests are
    listed by id, unranked."""
    fund = the_fund(tree)
    eligibility = fund.guidelines.eligibility if fund.guidelines else []
    criteria = [(c.id, shown(c.text, lang), c.weight or 0.0) for c in fund.prioritization]
    scored: list[tuple[float, Project, list[tuple[str, float, float]]]] = []
    ineligible: list[Ineligible] = []
    for project in fund.projects:
        if not asks_for_funding(project):
            continue
        failed = [
            (c.id, shown(c.text, lang), project.eligible.get(c.id) is False)
            for c in eligibility
            if project.eligible.get(c.id) is not True
        ]
        if failed:
            ineligible.append(
                Ineligible(project.id, project.country, shown(project.title, lang), failed)
            )
            continue
        parts = [(ident, weight, project.scores.get(ident, 0.0)) for ident, _, weight in criteria]
        scored.append((sum(w * s for _, w, s in parts), project, parts))
    if not criteria:
        unranked = [
            Request(p.id, p.country, shown(p.title, lang))
            for _, p, _ in sorted(scored, key=lambda item: item[1].id)
        ]
        return Prioritized(criteria, [], ineligible, unranked)
    scored.sort(key=lambda item: (-item[0], item[1].id))
    ranked: list[Ranked] = []
    for n, (total, project, parts) in enumerate(scored):
        tie = n > 0 and total == scored[n - 1][0]
        rank = ranked[-1].rank if tie else n + 1
        ranked.append(
            Ranked(rank, project.id, project.country, shown(project.title, lang), total, parts, tie)
        )
    return Prioritized(criteria, ranked, ineligible)
