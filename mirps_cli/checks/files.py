"""File-level rules: names, one plan per country or year, ids that match the country."""

from __future__ import annotations

import datetime as dt

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree


def file_names(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M303: HN.yaml holds country HN; 2022.yaml holds the 2022 presidency."""
    problems = []
    for plan, national in tree.national_plans():
        if plan.path.stem != national.country:
            problems.append(
                problem_at(
                    plan,
                    ["country"],
                    "M303",
                    Message(
                        f"file '{plan.path.name}' holds country {national.country}: "
                        f"name it {national.country}{plan.path.suffix}",
                        f"el archivo '{plan.path.name}' es del país {national.country}: "
                        f"llámelo {national.country}{plan.path.suffix}",
                    ),
                )
            )
    for plan, work_plan in tree.work_plans():
        year = str(work_plan.presidency.year)
        if plan.path.stem != year:
            problems.append(
                problem_at(
                    plan,
                    ["presidency", "year"],
                    "M303",
                    Message(
                        f"file '{plan.path.name}' holds the {year} presidency: "
                        f"name it {year}{plan.path.suffix}",
                        f"el archivo '{plan.path.name}' es de la presidencia {year}: "
                        f"llámelo {year}{plan.path.suffix}",
                    ),
                )
            )
    return problems


def one_plan_each(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M308: two files for the same country, or for the same presidency year."""
    problems = []
    seen: dict[str, PlanFile] = {}
    for plan, national in tree.national_plans():
        first = seen.setdefault(national.country, plan)
        if first is not plan:
            problems.append(
                problem_at(
                    plan,
                    ["country"],
                    "M308",
                    Message(
                        f"{national.country} already has a plan in {first.display}",
                        f"{national.country} ya tiene un plan en {first.display}",
                    ),
                )
            )
    years: dict[int, PlanFile] = {}
    for plan, work_plan in tree.work_plans():
        first = years.setdefault(work_plan.presidency.year, plan)
        if first is not plan:
            problems.append(
                problem_at(
                    plan,
                    ["presidency", "year"],
                    "M308",
                    Message(
                        f"{work_plan.presidency.year} already has a work plan in {first.display}",
                        f"{work_plan.presidency.year} ya tiene un plan de trabajo en "
                        f"{first.display}",
                    ),
                )
            )
    return problems


def commitment_prefixes(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M304: a commitment id starts with its plan's country code."""
    problems = []
    for plan, national in tree.national_plans():
        for index, commitment in enumerate(national.commitments):
            if not commitment.id.startswith(f"{national.country}-"):
                problems.append(
                    problem_at(
                        plan,
                        ["commitments", index, "id"],
                        "M304",
                        Message(
                            f"id '{commitment.id}' does not start with '{national.country}-'",
                            f"el identificador '{commitment.id}' no empieza con "
                            f"'{national.country}-'",
                        ),
                    )
                )
    return problems
