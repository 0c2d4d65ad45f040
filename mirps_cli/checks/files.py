"""File-level rules: names, one plan per country or year, ids that match the country."""

from __future__ import annotations

import datetime as dt

from mirps_cli.i18n import Message, printable
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree


def file_names(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M303: HN.yaml holds country HN; 2022.yaml holds the 2022 presidency."""
    problems = []
    for plan, (loc, key, holds) in tree.identities():
        if plan.path.stem != key:
            name = printable(plan.path.name)
            wanted = f"{key}{plan.path.suffix}"
            said = Message(
                f"file '{name}' holds {holds.en}: name it {wanted}",
                f"el archivo '{name}' es {holds.es}: llámelo {wanted}",
            )
            problems.append(problem_at(plan, loc, "M303", said))
    return problems


def one_plan_each(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M308: two files for the same country, or for the same presidency year."""
    problems = []
    seen: dict[tuple[str, str], PlanFile] = {}
    for plan, (loc, key, _) in tree.identities():
        first = seen.setdefault((plan.kind.name, key), plan)
        if first is not plan:
            noun = plan.kind.noun
            said = Message(
                f"{key} already has a {noun.en} in {first.display}",
                f"{key} ya tiene un {noun.es} en {first.display}",
            )
            problems.append(problem_at(plan, loc, "M308", said))
    return problems


def milestone_prefixes(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M304: a milestone id starts with its commitment's id and a point: CR-03.1."""
    problems = []
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments):
            for j, milestone in enumerate(commitment.milestones):
                if not milestone.id.startswith(f"{commitment.id}."):
                    said = Message(
                        f"milestone id '{milestone.id}' does not start with '{commitment.id}.'",
                        f"el identificador de hito '{milestone.id}' no empieza con "
                        f"'{commitment.id}.'",
                    )
                    where: list[str | int] = ["commitments", i, "milestones", j, "id"]
                    problems.append(problem_at(plan, where, "M304", said))
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
