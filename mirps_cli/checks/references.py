"""M302: every working group, activity and institution a plan names exists."""

from __future__ import annotations

import datetime as dt
import difflib

from mirps_cli.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import Tree


def _unknown(what: str, ident: str, known: set[str]) -> str:
    close = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"unknown {what} '{ident}'; did you mean '{close[0]}'?"
    if known:
        return f"unknown {what} '{ident}' (known: {', '.join(sorted(known))})"
    return f"unknown {what} '{ident}': none is defined"


def working_groups(tree: Tree, as_of: dt.date) -> list[Problem]:
    known = {g.id for _, wp in tree.work_plans() for g in wp.working_groups}
    problems = []
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments):
            for j, group in enumerate(commitment.working_groups):
                if group not in known:
                    problems.append(
                        problem_at(
                            plan,
                            ["commitments", i, "working_groups", j],
                            "M302",
                            _unknown("working group", group, known),
                        )
                    )
    for plan, work_plan in tree.work_plans():
        own = {g.id for g in work_plan.working_groups}
        for i, outcome in enumerate(work_plan.outcomes):
            for j, activity in enumerate(outcome.activities):
                for k, group in enumerate(activity.working_groups):
                    if group not in own:
                        problems.append(
                            problem_at(
                                plan,
                                ["outcomes", i, "activities", j, "working_groups", k],
                                "M302",
                                _unknown("working group", group, own),
                            )
                        )
    return problems


def activities(tree: Tree, as_of: dt.date) -> list[Problem]:
    by_year = {wp.presidency.year: {a.id for a in wp.activities()} for _, wp in tree.work_plans()}
    problems = []
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments):
            for j, ref in enumerate(commitment.activities):
                year_text, activity = ref.split(":")
                year = int(year_text)
                loc: list[str | int] = ["commitments", i, "activities", j]
                if year not in by_year:
                    years = ", ".join(str(y) for y in sorted(by_year)) or "none"
                    problems.append(
                        problem_at(
                            plan, loc, "M302", f"no work plan for {year} (work plans: {years})"
                        )
                    )
                elif activity not in by_year[year]:
                    problems.append(
                        problem_at(
                            plan,
                            loc,
                            "M302",
                            _unknown(f"activity of the {year} work plan", activity, by_year[year]),
                        )
                    )
    for plan, work_plan in tree.work_plans():
        own = {a.id for a in work_plan.activities()}
        for i, event in enumerate(work_plan.timeline):
            for j, activity in enumerate(event.activities):
                if activity not in own:
                    problems.append(
                        problem_at(
                            plan,
                            ["timeline", i, "activities", j],
                            "M302",
                            _unknown("activity", activity, own),
                        )
                    )
    return problems


def institutions(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, national in tree.national_plans():
        known = {inst.id for inst in national.institutions}
        for j, member in enumerate(national.national_technical_team):
            if member not in known:
                problems.append(
                    problem_at(
                        plan,
                        ["national_technical_team", j],
                        "M302",
                        _unknown("institution", member, known),
                    )
                )
        for i, commitment in enumerate(national.commitments):
            for j, inst in enumerate(commitment.responsible_institutions):
                if inst not in known:
                    problems.append(
                        problem_at(
                            plan,
                            ["commitments", i, "responsible_institutions", j],
                            "M302",
                            _unknown("institution", inst, known),
                        )
                    )
    return problems
