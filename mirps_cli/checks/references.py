"""M302: every working group, activity and institution a plan names exists."""

from __future__ import annotations

import datetime as dt
import difflib

from mirps_cli.i18n import Message
from mirps_cli.kinds import WORK_PLAN
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree

WORKING_GROUP = Message("working group", "el grupo de trabajo")
ACTIVITY = Message("activity", "la actividad")
INSTITUTION = Message("institution", "la institución")
COMMITMENT = Message("commitment", "el compromiso")


def _unknown(what: Message, ident: str, known: set[str]) -> Message:
    """ "unknown working group 'x'; did you mean 'y'?", with the choices where none is close."""
    en, es = f"unknown {what.en} '{ident}'", f"no existe {what.es} '{ident}'"
    close = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
    if close:
        return Message(f"{en}; did you mean '{close[0]}'?", f"{es}; ¿quiso decir '{close[0]}'?")
    if known:
        choices = ", ".join(sorted(known))
        return Message(f"{en} (known: {choices})", f"{es} (existen: {choices})")
    return Message(f"{en}: none is defined", f"{es}: la lista está vacía")


def dangling(
    plan: PlanFile, where: list[str | int], refs: list[str], what: Message, known: set[str]
) -> list[Problem]:
    """M302 for each id in `refs` (the list at `where` in the plan) that `known` lacks."""
    return [
        problem_at(plan, [*where, j], "M302", _unknown(what, ref, known))
        for j, ref in enumerate(refs)
        if ref not in known
    ]


def _broken_work_plans(tree: Tree) -> list[PlanFile]:
    """Work-plan files that could not be read or validated: their errors are reported once;
    what refers to them is not checked against a plan mirps could not read."""
    return [f for f in tree.files if f.kind is WORK_PLAN and f.model is None]


def _not_checked(plan: PlanFile, where: list[str | int], broken: list[PlanFile]) -> Problem:
    names = ", ".join(f.display for f in broken)
    said = Message(
        f"references to the regional work plan are not checked: {names} has errors",
        f"las referencias al plan de trabajo regional no se revisan: {names} tiene errores",
    )
    return problem_at(plan, where, "M314", said)


def working_groups(tree: Tree, as_of: dt.date) -> list[Problem]:
    known = {g.id for _, wp in tree.work_plans() for g in wp.working_groups}
    broken = _broken_work_plans(tree)
    problems = []
    for plan, national in tree.national_plans():
        if broken:
            if any(c.working_groups or c.activities for c in national.commitments):
                problems.append(_not_checked(plan, ["commitments"], broken))
            continue
        for i, commitment in enumerate(national.commitments):
            where: list[str | int] = ["commitments", i, "working_groups"]
            problems += dangling(plan, where, commitment.working_groups, WORKING_GROUP, known)
    for plan, work_plan in tree.work_plans():
        own = {g.id for g in work_plan.working_groups}
        for i, outcome in enumerate(work_plan.outcomes):
            for j, activity in enumerate(outcome.activities):
                where = ["outcomes", i, "activities", j, "working_groups"]
                problems += dangling(plan, where, activity.working_groups, WORKING_GROUP, own)
    return problems


def activities(tree: Tree, as_of: dt.date) -> list[Problem]:
    by_year = {wp.presidency.year: {a.id for a in wp.activities()} for _, wp in tree.work_plans()}
    broken = bool(_broken_work_plans(tree))  # said once per plan by working_groups()
    problems = []
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments if not broken else []):
            for j, ref in enumerate(commitment.activities):
                year_text, activity = ref.split(":")
                year = int(year_text)
                loc: list[str | int] = ["commitments", i, "activities", j]
                if year not in by_year:
                    years = ", ".join(str(y) for y in sorted(by_year)) or "none"
                    problems.append(
                        problem_at(
                            plan,
                            loc,
                            "M302",
                            Message(
                                f"no work plan for {year} (work plans: {years})",
                                f"no hay plan de trabajo de {year} (planes: {years})",
                            ),
                        )
                    )
                elif activity not in by_year[year]:
                    problems.append(
                        problem_at(
                            plan,
                            loc,
                            "M302",
                            _unknown(
                                Message(
                                    f"activity of the {year} work plan",
                                    f"la actividad del plan de trabajo {year}",
                                ),
                                activity,
                                by_year[year],
                            ),
                        )
                    )
    for plan, work_plan in tree.work_plans():
        own = {a.id for a in work_plan.activities()}
        for i, event in enumerate(work_plan.timeline):
            problems += dangling(
                plan, ["timeline", i, "activities"], event.activities, ACTIVITY, own
            )
    return problems


def costed_commitments(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M302: a costing names a commitment of its own plan."""
    problems = []
    for plan, national in tree.national_plans():
        known = {c.id for c in national.commitments}
        named = [q.commitment for q in national.quantification]
        for i, ident in enumerate(named):
            if ident is not None and ident not in known:
                where: list[str | int] = ["quantification", i, "commitment"]
                problems.append(problem_at(plan, where, "M302", _unknown(COMMITMENT, ident, known)))
    return problems


def institutions(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, national in tree.national_plans():
        known = {inst.id for inst in national.institutions}
        written = national.national_technical_team
        team = national.team
        at: list[str | int] = ["national_technical_team"]
        if not isinstance(written, list):
            at.append("members")
            if team.coordinator is not None and team.coordinator not in known:
                named: list[str | int] = ["national_technical_team", "coordinator"]
                problems.append(
                    problem_at(plan, named, "M302", _unknown(INSTITUTION, team.coordinator, known))
                )
        problems += dangling(plan, at, team.members, INSTITUTION, known)
        for i, commitment in enumerate(national.commitments):
            where: list[str | int] = ["commitments", i, "responsible_institutions"]
            refs = commitment.responsible_institutions
            problems += dangling(plan, where, refs, INSTITUTION, known)
    return problems
