"""M301: ids are unique: commitments in the whole tree, everything else in its file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mirps_cli.locate import Loc, locate, problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree

Place = tuple[PlanFile, Loc]


def _repeats(what: str, items: Iterable[tuple[str, Place]]) -> list[Problem]:
    problems = []
    first: dict[str, Place] = {}
    for ident, (plan, loc) in items:
        if ident in first:
            other, other_loc = first[ident]
            where = other.display if other is not plan else "this file"
            (line, _), _ = locate(other.raw, other_loc)
            problems.append(
                problem_at(
                    plan,
                    loc,
                    "M301",
                    f"{what} id '{ident}' is used twice (also {where}, line {line})",
                )
            )
        else:
            first[ident] = (plan, loc)
    return problems


def unique_ids(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = _repeats(
        "commitment",
        (
            (c.id, (plan, ["commitments", i, "id"]))
            for plan, national in tree.national_plans()
            for i, c in enumerate(national.commitments)
        ),
    )
    for plan, national in tree.national_plans():
        problems += _repeats(
            "institution",
            (
                (inst.id, (plan, ["institutions", i, "id"]))
                for i, inst in enumerate(national.institutions)
            ),
        )
    for plan, work_plan in tree.work_plans():
        problems += _repeats(
            "outcome",
            ((o.id, (plan, ["outcomes", i, "id"])) for i, o in enumerate(work_plan.outcomes)),
        )
        problems += _repeats(
            "activity",
            (
                (a.id, (plan, ["outcomes", i, "activities", j, "id"]))
                for i, o in enumerate(work_plan.outcomes)
                for j, a in enumerate(o.activities)
            ),
        )
        problems += _repeats(
            "working group",
            (
                (g.id, (plan, ["working_groups", i, "id"]))
                for i, g in enumerate(work_plan.working_groups)
            ),
        )
        problems += _repeats(
            "event",
            ((e.id, (plan, ["timeline", i, "id"])) for i, e in enumerate(work_plan.timeline)),
        )
    return problems
