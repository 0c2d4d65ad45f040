"""When an entry was known: its event's date, its report's, a web-archive capture of its
source, or the day mirps recorded it; an entry nothing dates is known later, never "no
status", in a view of a time before it was recorded."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run

ARCHIVED = "https://web.archive.org/web/20190720123456/https://example.org/page"
PLAN = f"""country: SV
language: en
version_date: 2026-12-02
commitments:
  - id: SV-01
    title: Archived achievement
    status_history:
      - status: fulfilled
        sources:
          - {ARCHIVED}
  - id: SV-02
    title: Recorded achievement
    status_history:
      - recorded: 2025-03-01
        status: fulfilled
  - id: SV-03
    title: Undated achievement
    status_history:
      - status: fulfilled
"""


@pytest.fixture
def plans(isolated: Path) -> Path:
    path = isolated / "plans" / "national" / "SV.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(PLAN, encoding="utf-8")
    return isolated / "plans"


def test_an_archive_capture_dates_an_entry_with_no_reported_date(
    mirps: Callable[..., Run], plans: Path
) -> None:
    shown = mirps("status", "SV-01", "--plans", str(plans), "--as-of", "2020-01-01")
    assert shown.exit_code == 0, shown.stderr
    assert "reported by 2019-07-20, archive capture" in shown.stdout
    spanish = mirps("status", "SV-01", "--plans", str(plans), "--lang", "es")
    words = " ".join(spanish.stdout.split())
    assert "informado a más tardar el 2019-07-20, captura de archivo web" in words
    before = mirps("status", "SV-01", "--plans", str(plans), "--as-of", "2019-07-19")
    assert "Status: no status" in before.stdout and "fulfilled" not in before.stdout
    detail = json.loads(mirps("status", "SV-01", "--plans", str(plans), "--format", "json").stdout)
    assert detail["history"][0]["archive_capture"] == "2019-07-20"


def test_since_lists_an_entry_in_the_period_it_became_known_once(
    mirps: Callable[..., Run], plans: Path
) -> None:
    found = json.loads(
        mirps(
            "status",
            "--since",
            "2019",
            "--as-of",
            "2026-12-31",
            "--format",
            "json",
            "--plans",
            str(plans),
        ).stdout
    )
    dated = {c["id"]: (c["date"], c["dated_by"]) for c in found["changes"]}
    assert dated["SV-01"] == ("2019-07-20", "archived")
    assert dated["SV-02"] == ("2025-03-01", "recorded")
    # Nothing dates SV-03: it is in no period (once, it was listed at version_date, anew
    # each time that date moved).
    assert "SV-03" not in dated
    week = mirps(
        "status",
        "--since",
        "2026-12-01",
        "--as-of",
        "2026-12-31",
        "--format",
        "json",
        "--plans",
        str(plans),
    )
    assert json.loads(week.stdout)["changes"] == []


def test_a_draft_before_an_undated_entry_was_recorded_lists_it_known_later(
    mirps: Callable[..., Run], plans: Path
) -> None:
    draft = mirps("report", "--plans", str(plans), "--year", "2024", "--lang", "en")
    assert draft.exit_code == 0, draft.stderr
    later = draft.stdout.split("**Known later, date not reported**")[1].split("**")[0]
    assert "SV-02 Recorded achievement" in later and "SV-03 Undated achievement" in later
    assert "SV-01" not in later  # the archive capture says it was known by 2019
    assert "counts from the day it was recorded" in later
    rows = dict(
        (cells[1].strip(), cells[3].strip())
        for line in draft.stdout.splitlines()
        if line.startswith("| ") and len(cells := line.split("|")) == 5
    )
    # At both ends: SV-01 fulfilled (known by 2019), the other two known later, none "no
    # status".
    assert rows["known later"] == "2" and rows["fulfilled"] == "1"
    assert "no status" not in rows
    assert "No update in twelve months" not in draft.stdout


def test_update_writes_the_day_it_records_an_entry(mirps: Callable[..., Run], plans: Path) -> None:
    import datetime as dt

    result = mirps(
        "update", "SV-03", "--status", "cancelled", "--date", "2026", "--plans", str(plans)
    )
    assert result.exit_code == 0, result.stderr
    text = (plans / "national" / "SV.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        f"      - date: 2026\n        recorded: {dt.date.today()}\n        status: cancelled\n"
    )
