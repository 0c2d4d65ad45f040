"""`mirps fund` and `mirps fund prioritize`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.helpers import CASES, SHIPPED_PLANS, Run

Golden = Callable[[str, str], None]
FUND_CASE = CASES / "valid" / "fund" / "plans"


def fund(mirps: Callable[..., Run], plans: Path, *args: str) -> Run:
    return mirps("fund", *args, "--plans", str(plans))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("fund-case.txt", ["--as-of", "2022-10-01"]),
        ("fund-case-es.md", ["--as-of", "2022-10-01", "--lang", "es", "--format", "markdown"]),
        ("fund-prioritize-es.txt", ["prioritize", "--lang", "es"]),
    ],
)
def test_golden(mirps: Callable[..., Run], golden: Golden, name: str, args: list[str]) -> None:
    command = [a for a in args if a == "prioritize"]
    options = [a for a in args if a != "prioritize"]
    result = mirps("fund", *command, *options, "--plans", str(FUND_CASE))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(name, result.stdout)


def test_money_per_country_and_currency_never_summed_across(
    mirps: Callable[..., Run],
) -> None:
    data = json.loads(fund(mirps, FUND_CASE, "--as-of", "2022-10-01", "--format", "json").stdout)
    assert data["by_country"] == [
        {
            "country": "HN",
            "currency": "USD",
            "requested": 210000.0,
            "approved": 100000.0,
            "disbursed": 50000.0,
            "gap": 110000.0,
        }
    ]
    assert data["by_donor"] == [{"donor": "A donor", "currency": "EUR", "given": 1000000.0}]
    project = next(p for p in data["projects"] if p["id"] == "HN-project")
    assert project["status"] == "in_progress" and project["iati_activity_status"] == 2
    rows = list(csv.DictReader(io.StringIO(fund(mirps, FUND_CASE, "--format", "csv").stdout)))
    assert rows[0]["requested"] == "210000.0"


def test_roadmap_due_or_overdue_as_of(mirps: Callable[..., Run]) -> None:
    early = json.loads(fund(mirps, FUND_CASE, "--as-of", "2022-07-01", "--format", "json").stdout)
    assert early["roadmap"] == [
        {"id": "aop-guidelines", "due": "2022-09", "status": None, "overdue": False}
    ]
    later = json.loads(fund(mirps, FUND_CASE, "--as-of", "2022-10-01", "--format", "json").stdout)
    assert later["roadmap"][0]["status"] == "fulfilled"


def test_prioritize_explains_scores_ties_and_ineligible_requests(mirps: Callable[..., Run]) -> None:
    result = mirps("fund", "prioritize", "--format", "json", "--plans", str(FUND_CASE))
    data = json.loads(result.stdout)
    assert [(r["rank"], r["id"], r["score"], r["tie"]) for r in data["ranked"]] == [
        (1, "HN-request-a", 5.0, False),
        (1, "HN-request-b", 5.0, True),
    ]
    assert data["ranked"][0]["scores"] == {"urgency": 2, "reach": 1}
    assert data["ineligible"] == [
        {"id": "HN-request-c", "country": "HN", "not_met": ["national-plan"], "not_assessed": []},
        {"id": "HN-request-d", "country": "HN", "not_met": [], "not_assessed": ["national-plan"]},
    ]
    text = mirps("fund", "prioritize", "--plans", str(FUND_CASE)).stdout
    assert "Tied requests are ordered by id." in text
    markdown = mirps("fund", "prioritize", "--format", "markdown", "--plans", str(FUND_CASE)).stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert any(t.type == "table_open" for t in tokens)


def test_the_shipped_fund(mirps: Callable[..., Run]) -> None:
    data = json.loads(
        fund(mirps, SHIPPED_PLANS, "--format", "json", "--as-of", "2026-12-02").stdout
    )
    assert data["by_donor"] == [{"donor": "Spain", "currency": "EUR", "given": 1000000.0}]
    assert [p["id"] for p in data["projects"]] == [
        "CR-asylum-platform",
        "HN-idp-response",
        "PA-darien-livelihoods",
        "SV-CONAPINA-returnees",
    ]


def test_no_fund_file(mirps: Callable[..., Run]) -> None:
    result = fund(mirps, CASES / "valid" / "minimal" / "plans")
    assert result.exit_code == 2
    assert "there is no Fund file" in result.stderr


def test_update_reaches_a_fund_project(mirps: Callable[..., Run], isolated: Path) -> None:
    import shutil

    plans = isolated / "plans"
    shutil.copytree(FUND_CASE, plans)
    result = mirps(
        "update", "HN-request-a", "--status", "planned", "--date", "2022-05", "--plans", str(plans)
    )
    assert result.exit_code == 0, result.stderr
    text = (plans / "fund" / "mirps-fund.yaml").read_text()
    assert "status: planned" in text


def test_a_narrow_terminal_wraps_titles_not_ids(mirps: Callable[..., Run]) -> None:
    ids = [
        p["id"]
        for p in json.loads(fund(mirps, SHIPPED_PLANS, "--format", "json").stdout)["projects"]
    ]
    narrow = mirps("fund", "--plans", str(SHIPPED_PLANS), env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    assert narrow.exit_code == 0, narrow.stderr
    assert narrow.stderr == ""
    text = re.sub(r"\x1b\[[0-9;]*m", "", narrow.stdout)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 60
    assert ids and all(f"{i} " in text for i in ids)
    assert "…" not in text


def test_the_fund_csv_holds_every_table_of_the_overview(mirps: Callable[..., Run]) -> None:
    """It once gave the by-country header alone: projects and contributions were missing."""
    import csv
    import io

    text = fund(mirps, SHIPPED_PLANS, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["table"] for r in rows} == {"by_donor", "projects"}
    gift = next(r for r in rows if r["table"] == "by_donor")
    assert (gift["donor"], gift["currency"], gift["given"]) == ("Spain", "EUR", "1000000.0")
    projects = [r["id"] for r in rows if r["table"] == "projects"]
    assert "CR-asylum-platform" in projects and "SV-CONAPINA-returnees" in projects


def test_with_no_criteria_recorded_the_requests_are_listed_unranked(
    mirps: Callable[..., Run],
) -> None:
    """The shipped Fund records no prioritization: nothing is ranked (all would tie at 0), the
    requests are listed by id with the reason, and a project under way or done is no request."""
    from tests.helpers import SHIPPED_PLANS

    result = mirps("fund", "prioritize", "--format", "json", "--plans", str(SHIPPED_PLANS))
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["criteria"] == [] and data["ranked"] == []
    ids = [r["id"] for r in data["unranked"]]
    assert ids == sorted(ids) and ids
    assert "CR-asylum-platform" not in ids  # in progress, then fulfilled: it has its funding
    assert "SV-CONAPINA-returnees" not in ids  # in progress
    text = mirps("fund", "prioritize", "--lang", "es", "--plans", str(SHIPPED_PLANS)).stdout
    assert "Solicitudes de financiamiento, sin orden" in text
    assert "no registra criterios de priorización" in text and "(empate)" not in text
    table = mirps("fund", "prioritize", "--format", "csv", "--plans", str(SHIPPED_PLANS)).stdout
    assert table.splitlines() == [
        "id,country",
        *(f"{r['id']},{r['country']}" for r in data["unranked"]),
    ]
