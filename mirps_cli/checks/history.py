"""Rules on a tracked item's dates: history order, due after start, fulfilled is dated."""

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
    for plan, loc, item in tree.tracked():
        previous = None
        for j, entry in enumerate(item.status_history):
            when = entry.when
            if when is None:
                continue
            # With partial dates, "2022" then "2022-03" is fine: only an entry
            # that must lie wholly before the one above is out of order.
            if previous is not None and when.latest() < previous.earliest():
                field = "date" if entry.date is not None else "reported"
                problems.append(
                    problem_at(
                        plan,
                        [*loc, "status_history", j, field],
                        "M305",
                        Message(
                            f"entry dated {when} comes after an entry dated {previous}",
                            f"la entrada del {when} está después de una del {previous}",
                        ),
                    )
                )
            previous = when
    return problems


def due_after_start(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M306: the due date is not before the start date."""
    problems = []
    for plan, loc, item in tree.tracked():
        start, due = item.start, item.due
        if start is not None and due is not None and due.latest() < start.earliest():
            problems.append(
                problem_at(
                    plan,
                    [*loc, "due"],
                    "M306",
                    Message(
                        f"due {due} is before start {start}",
                        f"el plazo {due} es anterior al inicio {start}",
                    ),
                )
            )
    return problems


def fulfilled_is_dated(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M307 (a note): a fulfilled item whose entry gives no date for the event."""
    problems = []
    for ref in tree.tracked():
        plan, loc, item = ref
        entry = item.current
        if entry is not None and entry.status is Status.FULFILLED and entry.date is None:
            last = len(item.status_history) - 1
            problems.append(
                problem_at(
                    plan,
                    [*loc, "status_history", last],
                    "M307",
                    Message(
                        f"{ref.ident} is fulfilled; the date it happened is not reported",
                        f"{ref.ident} está cumplido; la fecha en que ocurrió no está informada",
                    ),
                )
            )
    return problems


def reported_after_event(tree: Tree, as_of: dt.date) -> list[Problem]:
    """M309: an entry is not reported before the day it happened."""
    problems = []
    for plan, loc, item in tree.tracked():
        for j, entry in enumerate(item.status_history):
            date, reported = entry.date, entry.reported
            if date is not None and reported is not None and reported.latest() < date.earliest():
                problems.append(
                    problem_at(
                        plan,
                        [*loc, "status_history", j, "reported"],
                        "M309",
                        Message(
                            f"reported {reported}, before the event it reports ({date})",
                            f"informado el {reported}, antes del hecho que informa ({date})",
                        ),
                    )
                )
    return problems
