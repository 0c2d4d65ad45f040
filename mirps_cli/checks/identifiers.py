"""M301: ids are unique: commitments in the whole tree, everything else in its file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import Loc, locate, problem_at
from mirps_cli.model import WorkPlan
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree

Place = tuple[PlanFile, Loc]


def _repeats(what: Message, items: Iterable[tuple[str, Place]]) -> list[Problem]:
    """M301 for each id seen before; `what` names the kind of id in both languages."""
    return _repeats_of((what, ident, place) for ident, place in items)


def _repeats_of(items: Iterable[tuple[Message, str, Place]]) -> list[Problem]:
    """M301 for each id seen before, each named by its own kind (commitment, milestone)."""
    problems = []
    first: dict[str, Place] = {}
    for what, ident, (plan, loc) in items:
        if ident in first:
            other, other_loc = first[ident]
            same = other is plan
            (line, _), _ = locate(other.raw, other_loc)
            said = Message(
                f"{what.en} id '{ident}' is used twice "
                f"(also {'this file' if same else other.display}, line {line})",
                f"el identificador de {what.es} '{ident}' se usa dos veces "
                f"(también en {'este archivo' if same else other.display}, línea {line})",
            )
            problems.append(problem_at(plan, loc, "M301", said))
        else:
            first[ident] = (plan, loc)
    return problems


def unique_ids(tree: Tree, as_of: dt.date) -> list[Problem]:
    # Tracked items (commitments, their milestones, the Fund's projects and roadmap) share
    # one namespace in the tree: `mirps update ID` must find exactly one.
    problems = _repeats_of(
        (type(ref.item).NOUN, ref.ident, (ref.file, [*ref.loc, "id"]))
        for ref in tree.tracked()
        if not isinstance(ref.file.model, WorkPlan)  # a work plan's ids: checked in its file
    )
    for plan, national in tree.national_plans():
        problems += _repeats(
            Message("institution", "institución"),
            (
                (inst.id, (plan, ["institutions", i, "id"]))
                for i, inst in enumerate(national.institutions)
            ),
        )
    for plan, work_plan in tree.work_plans():
        problems += _repeats(
            Message("outcome", "resultado"),
            ((o.id, (plan, ["outcomes", i, "id"])) for i, o in enumerate(work_plan.outcomes)),
        )
        problems += _repeats(
            Message("activity", "actividad"),
            (
                (a.id, (plan, ["outcomes", i, "activities", j, "id"]))
                for i, o in enumerate(work_plan.outcomes)
                for j, a in enumerate(o.activities)
            ),
        )
        problems += _repeats(
            Message("working group", "grupo de trabajo"),
            (
                (g.id, (plan, ["working_groups", i, "id"]))
                for i, g in enumerate(work_plan.working_groups)
            ),
        )
        problems += _repeats(
            Message("event", "evento"),
            ((e.id, (plan, ["timeline", i, "id"])) for i, e in enumerate(work_plan.timeline)),
        )
    return problems
