"""M310: an instalment falls inside its funding line's period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import Loc, problem_at
from mirps_cli.model.common import FundingLine
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree


def _funding_lines(tree: Tree) -> Iterator[tuple[PlanFile, Loc, FundingLine]]:
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments):
            for j, line in enumerate(commitment.budget):
                yield plan, ["commitments", i, "budget", j], line
    for plan, work_plan in tree.work_plans():
        if work_plan.fund is not None:
            for j, line in enumerate(work_plan.fund.budget_lines):
                yield plan, ["fund", "budget_lines", j], line


def instalments_in_period(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, loc, line in _funding_lines(tree):
        start, end = line.start, line.end
        for k, instalment in enumerate(line.instalments):
            day = instalment.date
            early = start is not None and day.latest() < start.earliest()
            late = end is not None and day.earliest() > end.latest()
            if early or late:
                period = f"{start or '…'}–{end or '…'}"
                said = Message(
                    f"instalment dated {day} is outside its line's period {period}",
                    f"el desembolso del {day} está fuera del período de su línea, {period}",
                )
                problems.append(problem_at(plan, [*loc, "instalments", k, "date"], "M310", said))
    return problems
