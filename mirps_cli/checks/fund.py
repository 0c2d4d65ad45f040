"""Rules of the Fund file: totals add up, amounts in order, currencies never summed without
an exchange rate, instalments inside the project's period, links that exist."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from mirps_cli.checks.references import dangling
from mirps_cli.i18n import Message, amount
from mirps_cli.loader.locate import problem_at
from mirps_cli.model.fund import FundPlan
from mirps_cli.model.measures import Money
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree

TOLERANCE = 0.005  # amounts are compared to the cent


def _rate(fund: FundPlan, currency: str, into: str) -> float | None:
    if currency == into:
        return 1.0
    rates = [r for r in fund.exchange_rates if (r.currency, r.into) == (currency, into)]
    return rates[-1].rate if rates else None


def projection_adds_up(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M311: the budget lines add up to the projection's total; M313: lines in another
    currency than the total need an exchange rate with its date and source."""
    problems = []
    for plan, fund in tree.funds():
        aop = fund.operating_plan
        if aop is None or aop.budget_total is None or not aop.budget_lines:
            continue
        total, into = 0.0, aop.budget_total.currency
        for i, line in enumerate(aop.budget_lines):
            rate = _rate(fund, line.currency, into)
            if rate is None:
                problems.append(
                    _no_rate(
                        plan, ["operating_plan", "budget_lines", i, "currency"], line.currency, into
                    )
                )
                break
            total += line.amount * rate
        else:
            if abs(total - aop.budget_total.amount) > TOLERANCE:
                said = Message(
                    f"the budget lines add up to {into} {amount(total, 'en')}, not the total "
                    f"{into} {amount(aop.budget_total.amount, 'en')}",
                    f"las líneas suman {into} {amount(total, 'es')}, no el total "
                    f"{into} {amount(aop.budget_total.amount, 'es')}",
                )
                problems.append(
                    problem_at(plan, ["operating_plan", "budget_total", "amount"], "M311", said)
                )
    return problems


def _no_rate(plan: PlanFile, loc: list[str | int], currency: str, into: str) -> Problem:
    said = Message(
        f"{currency} is summed into a total in {into} without an exchange rate: add one to "
        "exchange_rates, with its date and source",
        f"se suma {currency} en un total en {into} sin tipo de cambio: agregue uno en "
        "exchange_rates, con su fecha y fuente",
    )
    return problem_at(plan, loc, "M313", said)


def _over(smaller: Money, larger: Money) -> bool:
    return smaller.currency == larger.currency and smaller.amount > larger.amount + TOLERANCE


def projects_in_order(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M312: disbursed ≤ approved ≤ requested; M311: instalments add up to the approved
    amount; M310: instalments inside the project's period."""
    problems = []
    for plan, fund in tree.funds():
        for i, project in enumerate(fund.projects):
            where: list[str | int] = ["projects", i]
            pairs = (
                ("disbursed", project.disbursed, "approved", project.approved),
                ("approved", project.approved, "requested", project.requested),
            )
            for small_name, small, large_name, large in pairs:
                if small is not None and large is not None and _over(small, large):
                    this, that = (
                        f"{small_name} ({small.currency}",
                        f"{large_name} ({large.currency}",
                    )
                    said = Message(
                        f"{this} {amount(small.amount, 'en')}) is more than "
                        f"{that} {amount(large.amount, 'en')})",
                        f"{this} {amount(small.amount, 'es')}) supera "
                        f"{that} {amount(large.amount, 'es')})",
                    )
                    problems.append(problem_at(plan, [*where, small_name, "amount"], "M312", said))
            amounts = [i.amount for i in project.instalments]
            if project.approved is not None and amounts and all(a is not None for a in amounts):
                paid = sum(a for a in amounts if a is not None)
                if abs(paid - project.approved.amount) > TOLERANCE:
                    said = Message(
                        f"the instalments add up to {amount(paid, 'en')}, not the approved "
                        f"{amount(project.approved.amount, 'en')}",
                        f"los desembolsos suman {amount(paid, 'es')}, no lo aprobado "
                        f"{amount(project.approved.amount, 'es')}",
                    )
                    problems.append(problem_at(plan, [*where, "instalments"], "M311", said))
            for k, instalment in enumerate(project.instalments):
                early = (
                    project.start is not None
                    and instalment.date.latest() < project.start.earliest()
                )
                late = project.due is not None and instalment.date.earliest() > project.due.latest()
                if early or late:
                    period = f"{project.start or '…'}–{project.due or '…'}"
                    said = Message(
                        f"instalment dated {instalment.date} is outside the project's period "
                        f"{period}",
                        f"el desembolso del {instalment.date} está fuera del período del "
                        f"proyecto, {period}",
                    )
                    problems.append(
                        problem_at(plan, [*where, "instalments", k, "date"], "M310", said)
                    )
    return problems


def links_exist(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M302: every commitment and activity a project (or a projection line) names exists."""
    commitments = {c.id for _, p in tree.national_plans() for c in p.commitments}
    activities = {
        f"{wp.presidency.year}:{a.id}" for _, wp in tree.work_plans() for a in wp.activities()
    }
    known = commitments | activities
    problems: list[Problem] = []
    for plan, fund in tree.funds():
        for i, project in enumerate(fund.projects):
            problems += dangling(
                plan,
                ["projects", i, "commitments"],
                project.commitments,
                Message("commitment", "el compromiso"),
                commitments,
            )
            problems += dangling(
                plan,
                ["projects", i, "activities"],
                project.activities,
                Message("activity", "la actividad"),
                activities,
            )
        if fund.operating_plan is not None:
            for j, line in enumerate(fund.operating_plan.budget_lines):
                where: list[str | int] = ["operating_plan", "budget_lines", j, "serves"]
                problems += dangling(
                    plan,
                    where,
                    line.serves,
                    Message("commitment or activity", "el compromiso o la actividad"),
                    known,
                )
    return problems


def totals_per_currency(amounts: list[Money]) -> dict[str, float]:
    """Amounts added up per currency, never across currencies."""
    totals: dict[str, float] = defaultdict(float)
    for money in amounts:
        totals[money.currency] += money.amount
    return dict(sorted(totals.items()))
