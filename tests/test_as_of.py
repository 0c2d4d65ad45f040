"""Point in time: the plans as they stood on a date, later entries left out."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.model import Commitment, StatusEntry
from mirps_cli.tree.as_of import model_as_of, tree_as_of
from mirps_cli.validate import validate_tree
from mirps_cli.vocab import Status
from tests.helpers import REPO, SHIPPED_PLANS, Run


def _status_of(ident: str, day: dt.date) -> Status | None:
    tree = tree_as_of(validate_tree(SHIPPED_PLANS, day).tree, day)
    return tree.commitment(ident)[1].status


@pytest.mark.parametrize(
    ("ident", "day", "status"),
    [
        ("HN-01", dt.date(2018, 12, 31), None),
        ("HN-01", dt.date(2022, 12, 31), Status.IN_PROGRESS),
        ("HN-01", dt.date(2023, 12, 31), Status.FULFILLED),
        # The agreement was signed on 10 November 2023; the completion reported in January 2026.
        ("CR-03", dt.date(2023, 6, 30), None),
        ("CR-03", dt.date(2024, 12, 31), Status.IN_PROGRESS),
        ("CR-03", dt.date(2026, 12, 2), Status.FULFILLED),
    ],
)
def test_three_dates_three_answers(ident: str, day: dt.date, status: Status | None) -> None:
    assert _status_of(ident, day) == status


def test_an_undated_entry_counts_from_its_report_or_the_plan_version() -> None:
    c = Commitment.model_validate(
        {
            "id": "HN-09",
            "title": "t",
            "status_history": [
                {"reported": "2020-05", "status": "in_progress"},
                {"status": "fulfilled"},
            ],
            "indicators": [{"name": "n", "values": [{"value": 1, "date": "2019"}, {"value": 2}]}],
        }
    )
    version = c.status_history[0].reported  # any date; here 2020-05
    before = model_as_of(c, dt.date(2020, 4, 30), version)
    assert before.status is None and [v.value for v in before.indicators[0].values] == [1]
    after = model_as_of(c, dt.date(2020, 5, 1), version)
    assert after.status is Status.FULFILLED
    assert [v.value for v in after.indicators[0].values] == [1, 2]
    # Without a version date nothing says the undated entry came later: it counts.
    assert model_as_of(c, dt.date(2020, 5, 1)).status is Status.FULFILLED


def test_instalments_after_the_date_are_left_out() -> None:
    c = Commitment.model_validate(
        {
            "id": "HN-09",
            "title": "t",
            "budget": [
                {
                    "funder": "MIRPS Fund",
                    "instalments": [{"date": "2024-01", "amount": 1}, {"date": "2025-01"}],
                }
            ],
        }
    )
    past = model_as_of(c, dt.date(2024, 6, 30))
    assert [str(i.date) for i in past.budget[0].instalments] == ["2024-01"]
    assert model_as_of(c, dt.date(2025, 6, 30)) is c  # nothing left out: the same object


def test_a_past_view_equals_the_plans_of_that_time(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    """Plans updated after a date, viewed as of that date, answer as the plans did then."""
    then = isolated / "then"
    now = isolated / "now"
    shutil.copytree(SHIPPED_PLANS, then)
    shutil.copytree(SHIPPED_PLANS, now)
    for args in (
        ["PA-02", "--status", "in_progress", "--date", "2027-02", "--reported", "2027-03-01"],
        ["HN-03", "--status", "fulfilled", "--date", "2027-01-15"],
        ["CR-03.2", "--status", "fulfilled", "--date", "2027-04", "--note", "Presented again"],
    ):
        result = mirps("update", *args, "--plans", str(now))
        assert result.exit_code == 0, result.stderr

    def view(plans: Path, *args: str) -> str:
        result = mirps(*args, "--plans", str(plans), "--as-of", "2026-12-31", "--format", "json")
        assert result.exit_code == 0, result.stderr
        return result.stdout

    for command in (["status"], ["status", "-c", "HN"], ["status", "CR-03"], ["export"]):
        assert view(now, *command) == view(then, *command), command
    # ...and today's view of the updated plans does differ.
    later = mirps("status", "--plans", str(now), "--as-of", "2027-12-31", "--format", "json")
    earlier = view(then, "status")
    assert json.loads(later.stdout)["commitments"] != json.loads(earlier)["commitments"]


_MOVED = [
    StatusEntry.model_validate({"date": "2019-03", "status": "in_progress"}),
    StatusEntry.model_validate({"reported": "2020-05", "status": "fulfilled"}),
    StatusEntry.model_validate({"status": "cancelled"}),
]


@pytest.mark.parametrize("day", ["2018-06-30", "2019-12-31", "2021-01-01", "2026-12-02"])
def test_a_status_as_of_a_day_is_the_status_of_the_plan_as_of_that_day(
    day: str, isolated: Path
) -> None:
    """status_as_of spares the report a copy of the tree; it must agree with model_as_of on
    every commitment, shipped and generated (histories, milestones, version dates)."""
    import sys

    from mirps_cli.loader import load_tree
    from mirps_cli.tree.as_of import status_as_of

    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate  # type: ignore[import-not-found]

    from mirps_cli.model.walk import updated

    when = dt.date.fromisoformat(day)
    cases = REPO / "tests" / "cases" / "valid" / "milestones-and-needs" / "plans"
    checked = derived = 0
    for root in (SHIPPED_PLANS, cases, generate(300, isolated / "gen", seed=5)):
        tree, _ = load_tree(root, use_cache=False)
        for _, plan in tree.national_plans():
            for commitment in plan.commitments:
                # Each as written, and with milestones alone to say its status.
                variants = [commitment]
                if commitment.milestones:
                    variants.append(updated(commitment, {"status_history": []}))
                    # A milestone that moved on: started in 2019, fulfilled as reported in
                    # 2020, and an undated entry that counts from the plan's version.
                    moved = updated(commitment.milestones[0], {"status_history": _MOVED})
                    rest = commitment.milestones[1:]
                    variants.append(
                        updated(commitment, {"status_history": [], "milestones": [moved, *rest]})
                    )
                for c in variants:
                    for version in (None, plan.version_date):
                        then = model_as_of(c, when, version)
                        assert status_as_of(c, when, version) == then.status, c.id
                        checked += 1
                        derived += then.status_derived
    assert checked > 600 and derived > 0
