"""Warnings relative to --as-of: overdue (M401) and stale (M402) commitments."""

from __future__ import annotations

import datetime as dt

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.progress import current_status, is_overdue, is_stale
from mirps_cli.tree import Tree
from mirps_cli.vocab import STATUS_TERMS

WITHOUT_STATUS = Message("without status", "sin estado")


def overdue(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, national in tree.national_plans():
        for i, c in enumerate(national.commitments):
            if is_overdue(c, as_of):
                status = current_status(c)
                now = STATUS_TERMS[status].name if status else WITHOUT_STATUS
                when = as_of.isoformat()
                said = Message(
                    f"was due {c.due} and is {now.en} as of {when}",
                    f"vencía en {c.due} y al {when} está {now.es}",
                )
                problems.append(problem_at(plan, ["commitments", i, "due"], "M401", said))
    return problems


def stale(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, national in tree.national_plans():
        for i, c in enumerate(national.commitments):
            if is_stale(c, as_of):
                last = c.last_dated
                since = (
                    Message(f"no update since {last}", f"sin actualización desde {last}")
                    if last
                    else Message("no dated status entry", "ninguna entrada de estado fechada")
                )
                loc: list[str | int] = (
                    ["commitments", i, "status_history"]
                    if c.status_history
                    else ["commitments", i, "id"]
                )
                problems.append(problem_at(plan, loc, "M402", since))
    return problems
