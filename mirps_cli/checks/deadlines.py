"""Warnings relative to --as-of: overdue (M401) and stale (M402) tracked items."""

from __future__ import annotations

import datetime as dt

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import Tree
from mirps_cli.vocab import STATUS_TERMS

WITHOUT_STATUS = Message("without status", "sin estado")


def overdue(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, loc, item in tree.tracked():
        if item.is_overdue(as_of):
            now = STATUS_TERMS[item.status].name if item.status else WITHOUT_STATUS
            when = as_of.isoformat()
            said = Message(
                f"was due {item.due} and is {now.en} as of {when}",
                f"vencía en {item.due} y al {when} está {now.es}",
            )
            problems.append(problem_at(plan, [*loc, "due"], "M401", said))
    return problems


def stale(tree: Tree, as_of: dt.date) -> list[Problem]:
    problems = []
    for plan, loc, item in tree.tracked():
        if item.is_stale(as_of):
            last = item.last_dated
            since = (
                Message(f"no update since {last}", f"sin actualización desde {last}")
                if last
                else Message("no dated status entry", "ninguna entrada de estado fechada")
            )
            where = [*loc, "status_history"] if item.status_history else [*loc, "id"]
            problems.append(problem_at(plan, where, "M402", since))
    return problems
