"""Rules that look across a file or across the tree, once every file has a model.

Each check is a small function from the tree (and the --as-of date) to problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mirps_cli.checks import deadlines, files, fund, history, identifiers, money, references
from mirps_cli.problems import Problem, Severity
from mirps_cli.tree import Tree

Check = Callable[[Tree, dt.date], list[Problem]]

CHECKS: tuple[Check, ...] = (
    files.file_names,
    files.one_plan_each,
    files.commitment_prefixes,
    files.milestone_prefixes,
    identifiers.unique_ids,
    references.working_groups,
    references.activities,
    references.institutions,
    references.costed_commitments,
    history.history_in_order,
    history.due_after_start,
    history.fulfilled_is_dated,
    history.reported_after_event,
    money.instalments_in_period,
    fund.projection_adds_up,
    fund.projects_in_order,
    fund.links_exist,
    deadlines.overdue,
    deadlines.stale,
)


# Checks whose every finding is a warning or a note (overdue, stale, fulfilled without a
# date). A command that only needs to know whether the tree has errors (the views, diff)
# skips them: at 10,000 commitments they are thousands of findings, each located in its file.
ADVISORY: frozenset[Check] = frozenset(
    {history.fulfilled_is_dated, deadlines.overdue, deadlines.stale}
)


def run_checks(tree: Tree, as_of: dt.date, errors_only: bool = False) -> list[Problem]:
    """Every problem the rules find across the tree; with `errors_only`, its errors alone."""
    if not errors_only:
        return [problem for check in CHECKS for problem in check(tree, as_of)]
    return [
        problem
        for check in CHECKS
        if check not in ADVISORY
        for problem in check(tree, as_of)
        if problem.severity is Severity.ERROR
    ]
