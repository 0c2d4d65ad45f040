"""`mirps timeline`: golden outputs, the upcoming window, JSON, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import SHIPPED_PLANS, Run

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
    assert data["months"][0]["month"] == "2022-01"


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
    assert upcoming("2022-06-01", "6m") == ["annual-meeting-5"]
