"""Rules on one commitment's dates: history order, due after start, fulfilled is dated."""

from __future__ import annotations

import datetime as dt

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import problem_at
from mirps_cli.problems import Problem
from mirps_cli.tree import Tree
from mirps_cli.vocab import Status


def history_in_order(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M305: each dated entry is not before the dated entry above it."""
    problems = []
    for plan, national in tree.national_plans():
        for i, commitment in enumerate(national.commitments):
            previous = None
            for j, entry in enumerate(commitment.status_history):
                if entry.date is None:
                    continue
                # With partial dates, "2022" then "2022-03" is fine: only an
                # entry that must lie wholly before the one above is out of order.
                if previous is not None and entry.date.latest() < previous.earliest():
                    problems.append(
                        problem_at(
                            plan,
                            ["commitments", i, "status_history", j, "date"],
                            "M305",
                            Message(
                                f"entry dated {entry.date} comes after an entry dated {previous}",
                                f"la entrada del {entry.date} está después de una del {previous}",
                            ),
                        )
                    )
                previous = entry.date
    return problems


def due_after_start(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M306: the due date is not before the start date."""
    problems = []
    for plan, national in tree.national_plans():
        for i, c in enumerate(national.commitments):
            if c.start is not None and c.due is not None and c.due.latest() < c.start.earliest():
                problems.append(
                    problem_at(
                        plan,
                        ["commitments", i, "due"],
                        "M306",
                        Message(
                            f"due {c.due} is before start {c.start}",
                            f"el plazo {c.due} es anterior al inicio {c.start}",
                        ),
                    )
                )
    return problems


def fulfilled_is_dated(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M307: the entry that makes a commitment fulfilled carries a date."""
    problems = []
    for plan, national in tree.national_plans():
        for i, c in enumerate(national.commitments):
            entry = c.current
            if entry is not None and entry.status is Status.FULFILLED and entry.date is None:
                last = len(c.status_history) - 1
                problems.append(
                    problem_at(
                        plan,
                        ["commitments", i, "status_history", last],
                        "M307",
                        Message(
                            f"{c.id} is fulfilled but the entry that says so has no date",
                            f"{c.id} está cumplido pero la entrada que lo dice no tiene fecha",
                        ),
                    )
                )
    return problems
