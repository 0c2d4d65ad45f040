"""`mirps timeline`: golden outputs, the upcoming window, JSON, exit codes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from mirps_cli.timeline import parse_duration, timeline_view
from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS, Run

Golden = Callable[[str, str], None]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("timeline-2022.txt", []),
        ("timeline-2022-es.md", ["--lang", "es", "--format", "markdown"]),
        ("timeline-upcoming.txt", ["--as-of", "2022-04-20", "--upcoming", "30d"]),
    ],
)
def test_timeline_golden(
    mirps: Callable[..., Run], golden: Golden, name: str, args: list[str]
) -> None:
    result = mirps("timeline", "--plans", str(SHIPPED_PLANS), *args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def test_timeline_unknown_year_and_bad_period(mirps: Callable[..., Run]) -> None:
    year = mirps("timeline", "--plans", str(SHIPPED_PLANS), "--year", "2019")
    assert year.exit_code == 2
    assert "no regional work plan for 2019 (work plans: 2022)" in year.stderr
    period = mirps("timeline", "--plans", str(SHIPPED_PLANS), "--upcoming", "soon")
    assert period.exit_code == 2
    assert "'soon' is not a duration" in period.stderr


def test_timeline_json_lists_every_event(mirps: Callable[..., Run]) -> None:
    data = json.loads(mirps("timeline", "--plans", str(SHIPPED_PLANS), "--format", "json").stdout)
    scheduled = [e["id"] for m in data["months"] for e in m["events"]]
    assert scheduled == ["twinning-meeting-asylum", "annual-meeting-5"]
    assert len(data["unscheduled"]) == 19
    # The plan's calendar runs from February: no empty January.
    assert data["months"][0]["month"] == "2022-02"
    assert data["months"][-1]["month"] == "2022-12"


def test_timeline_upcoming_window(mirps: Callable[..., Run]) -> None:
    def upcoming(as_of: str, period: str) -> list[str]:
        out = mirps(
            "timeline",
            "--plans",
            str(SHIPPED_PLANS),
            "--as-of",
            as_of,
            "--upcoming",
            period,
            "--format",
            "json",
        ).stdout
        return [e["id"] for e in json.loads(out)["events"]]

    assert upcoming("2022-04-20", "30d") == ["twinning-meeting-asylum"]
    assert upcoming("2022-04-20", "1w") == []
    assert upcoming("2022-04-20", "2w") == ["twinning-meeting-asylum"]
    assert upcoming("2022-05-05", "1d") == ["twinning-meeting-asylum"]
    assert upcoming("2022-06-01", "6m") == []  # to 1 December: the meeting was on the 13th
    assert upcoming("2022-06-01", "7m") == ["annual-meeting-5"]


# The core, called directly: one value with months, unscheduled events and a window.


def test_timeline_view_places_dated_events_in_their_month() -> None:
    tree = validate_tree(SHIPPED_PLANS, dt.date(2022, 4, 20)).tree
    view = timeline_view(tree, None, dt.date(2022, 4, 20), None, "en")
    assert view.year == 2022
    assert [m.month for m in view.months] == list(range(2, 13))  # the calendar's own span
    may = view.months[3]
    assert [e.id for e in may.events] == ["twinning-meeting-asylum"]
    assert len(view.unscheduled) == 19
    assert view.upcoming is None


def test_timeline_view_upcoming_window() -> None:
    tree = validate_tree(SHIPPED_PLANS, dt.date(2022, 4, 20)).tree
    start = dt.date(2022, 4, 20)
    view = timeline_view(tree, 2022, start, parse_duration("30d", start), "es")
    assert view.upcoming is not None
    assert (view.upcoming.start, view.upcoming.end) == (start, dt.date(2022, 5, 20))
    assert [e.id for e in view.upcoming.events] == ["twinning-meeting-asylum"]


def test_parse_duration_months_end_on_short_months() -> None:
    assert parse_duration("1m", dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)
    assert parse_duration("2w", dt.date(2024, 1, 31)) == dt.date(2024, 2, 14)
