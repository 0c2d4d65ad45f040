"""`mirps status`: golden outputs, formats, filters, exit codes.

Golden files live in tests/golden/; rewrite them with `pytest --update-golden`
and review the change in `git diff`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from mirps_cli.categories import GroupBy
from mirps_cli.members import MEMBERS
from mirps_cli.status import country_status, regional_status
from mirps_cli.status.commitment import commitment_detail
from mirps_cli.status.views import Filters
from mirps_cli.tree import Tree
from mirps_cli.validate import validate_tree
from mirps_cli.vocab import Status
from tests.helpers import CASES, SHIPPED_PLANS, Run

AS_OF = "2026-12-02"
Golden = Callable[[str, str], None]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def status(mirps: Callable[..., Run], *args: str, env: dict[str, str] | None = None) -> Run:
    return mirps("status", "--plans", str(SHIPPED_PLANS), "--as-of", AS_OF, *args, env=env)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("status-regional.txt", []),
        ("status-regional-es.txt", ["--lang", "es"]),
        ("status-country-hn.txt", ["--country", "HN"]),
        (
            "status-country-mx-institution-es.txt",
            ["--country", "méxico", "--group-by", "institution", "--lang", "es"],
        ),
        ("status-commitment-hn-01.txt", ["HN-01"]),
        ("status-commitment-mx-01-es.txt", ["MX-01", "--lang", "es"]),
        ("status-commitment-hn-02.md", ["HN-02", "--format", "markdown"]),
        ("status-commitment-cr-03-es.txt", ["CR-03", "--lang", "es"]),
        ("status-country-sv-es.md", ["--country", "SV", "--lang", "es", "--format", "markdown"]),
        ("status-commitment-mx-02-es.txt", ["MX-02", "--lang", "es"]),
        ("status-since-2023.txt", ["--since", "2023"]),
        ("status-since-2023-es.md", ["--since", "2023", "--lang", "es", "--format", "markdown"]),
        ("status-regional.md", ["--format", "markdown"]),
        ("status-country-gt.md", ["--country", "Guatemala", "--format", "markdown"]),
        ("status-commitment-cr-03.md", ["CR-03", "--format", "markdown"]),
    ],
)
def test_golden(mirps: Callable[..., Run], golden: Golden, name: str, args: list[str]) -> None:
    result = status(mirps, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(name, result.stdout)


def test_table_fits_80_columns_and_has_no_escape_codes(mirps: Callable[..., Run]) -> None:
    for args in ([], ["--country", "HN"], ["--lang", "es", "--country", "SV"]):
        out = status(mirps, *args).stdout
        assert "\x1b[" not in out
        assert max(len(line) for line in out.splitlines()) <= 80


def test_colour_only_on_a_terminal_and_never_with_no_color(mirps: Callable[..., Run]) -> None:
    forced = mirps(
        "status", "--plans", str(SHIPPED_PLANS), "--country", "HN", env={"FORCE_COLOR": "1"}
    )
    assert "\x1b[" in forced.stdout
    refused = mirps(
        "status",
        "--plans",
        str(SHIPPED_PLANS),
        "--country",
        "HN",
        env={"FORCE_COLOR": "1", "NO_COLOR": "1"},
    )
    assert "\x1b[" not in refused.stdout


def test_summary_line(mirps: Callable[..., Run]) -> None:
    out = status(mirps, "--country", "HN").stdout
    assert "5 commitments: 1 in progress, 4 fulfilled; 0 overdue, 1 stale" in out


def test_json_counts_and_commitments(mirps: Callable[..., Run]) -> None:
    data = json.loads(status(mirps, "--format", "json").stdout)
    hn = next(c for c in data["countries"] if c["country"] == "HN")
    assert hn["counts"] == {
        "planned": 0,
        "in_progress": 1,
        "fulfilled": 4,
        "suspended": 0,
        "cancelled": 0,
        "none": 0,
    }
    assert hn["total"] == 5
    rows = {c["id"]: c for c in data["commitments"]}
    assert len(rows) == 31
    assert rows["HN-01"]["status"] == "fulfilled"
    assert rows["HN-01"]["date_not_reported"] is False
    # Reported done without a date: fulfilled, and said so.
    assert rows["HN-02"]["status"] == "fulfilled"
    assert rows["HN-02"]["date_not_reported"] is True


def test_country_json(mirps: Callable[..., Run]) -> None:
    data = json.loads(status(mirps, "-c", "bz", "--format", "json").stdout)
    assert [c["country"] for c in data["countries"]] == ["BZ"]
    assert [(c["id"], c["status"]) for c in data["commitments"]] == [
        ("BZ-01", "fulfilled"),
        ("BZ-02", "fulfilled"),
        ("BZ-03", "fulfilled"),
        ("BZ-04", "fulfilled"),
        ("BZ-05", "fulfilled"),  # from its two milestones, both fulfilled
        ("BZ-06", "fulfilled"),
        ("BZ-07", None),  # a priority of the plan, no status reported
    ]


def test_csv(mirps: Callable[..., Run]) -> None:
    rows = list(
        csv.DictReader(io.StringIO(status(mirps, "--country", "GT", "--format", "csv").stdout))
    )
    assert [r["id"] for r in rows] == ["GT-01", "GT-03", "GT-04", "GT-05", "GT-02", "GT-06"]
    assert rows[2]["institutions"] == "DRRS CONARE AMN"
    regional = list(csv.DictReader(io.StringIO(status(mirps, "--format", "csv").stdout)))
    assert [r["country"] for r in regional] == ["BZ", "CR", "GT", "HN", "MX", "PA", "SV"]
    assert regional[3]["fulfilled"] == "4"


def test_markdown_is_real_markdown(mirps: Callable[..., Run]) -> None:
    tokens = MarkdownIt().enable("table").parse(status(mirps, "--format", "markdown").stdout)
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 7  # the header row and one per member
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "HN Honduras" in cells


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (
            ["--pillar", "durable_solutions"],
            ["GT-02", "GT-06", "HN-03", "MX-03", "PA-02", "PA-03"],
        ),
        (["--status", "planned"], ["CR-02", "MX-04", "MX-05", "PA-02"]),
        (["--institution", "comar"], ["MX-02", "MX-05"]),
        (["--institution", "Ministry of Education"], ["SV-02"]),
        (["--working-group", "internal-displacement"], ["HN-01", "HN-02", "HN-03"]),
        (["--stale", "--country", "HN"], ["HN-03"]),
        (["--overdue"], []),
    ],
)
def test_filters(mirps: Callable[..., Run], args: list[str], ids: list[str]) -> None:
    data = json.loads(status(mirps, "--format", "json", *args).stdout)
    assert sorted(c["id"] for c in data["commitments"]) == ids


def test_overdue_filter_with_a_due_date(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    path = plans_copy / "national" / "PA.yaml"
    path.write_text(
        path.read_text().replace("  - id: PA-01\n", "  - id: PA-01\n    due: 2020-06\n")
    )
    data = json.loads(mirps("status", "--overdue", "--format", "json", "--as-of", AS_OF).stdout)
    assert [c["id"] for c in data["commitments"]] == ["PA-01"]
    table = mirps("status", "-c", "PA", "--as-of", AS_OF).stdout
    assert "overdue" in table
    assert "1 overdue" in table


def test_unknown_country_exits_2_with_choices(mirps: Callable[..., Run]) -> None:
    result = status(mirps, "--country", "Hondras")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown country 'Hondras'; did you mean HN (Honduras)?" in result.stderr


def test_unknown_commitment_exits_2_with_choices(mirps: Callable[..., Run]) -> None:
    result = status(mirps, "HN-6")
    assert result.exit_code == 2
    assert "unknown commitment 'HN-6'; did you mean" in result.stderr
    assert "HN-" in result.stderr.split("did you mean")[1]


def test_country_as_argument(mirps: Callable[..., Run]) -> None:
    assert status(mirps, "Panamá").stdout == status(mirps, "--country", "PA").stdout


def test_invalid_tree_prints_findings_and_exits_1(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "SV.yaml"
    path.write_text(path.read_text().replace("status: fulfilled", "status: ongoing", 1))
    for command in (["status"], ["timeline"]):
        result = mirps(*command)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert "plans/national/SV.yaml:" in result.stderr and "M203" in result.stderr


def test_bad_filter_value_is_a_usage_error(mirps: Callable[..., Run]) -> None:
    result = status(mirps, "--pillar", "health")
    assert result.exit_code == 2
    assert "health" in result.stderr


def test_usage_errors_in_spanish(mirps: Callable[..., Run]) -> None:
    result = status(mirps, "--country", "Hondras", "--lang", "es")
    assert result.exit_code == 2
    assert "país desconocido 'Hondras'; ¿quiso decir HN (Honduras)?" in result.stderr


# The core, called directly: values, not text.


def _shipped_tree() -> Tree:
    result = validate_tree(SHIPPED_PLANS, dt.date.fromisoformat(AS_OF))
    assert result.errors == []
    return result.tree


def test_regional_status_counts_every_member() -> None:
    view = regional_status(_shipped_tree(), dt.date.fromisoformat(AS_OF), Filters(), "en")
    assert [c.member.code for c in view.countries] == ["BZ", "CR", "GT", "HN", "MX", "PA", "SV"]
    assert sum(c.total for c in view.countries) == len(view.rows)
    hn = next(c for c in view.countries if c.member.code == "HN")
    assert hn.total == sum(hn.by_status.values())
    assert view.work_plan_year == 2022
    assert view.presidency is not None and view.presidency.code == "HN"
    assert [r.country for r in view.rows] == sorted(r.country for r in view.rows)


def test_regional_shares_say_when_a_plan_publishes_more_than_is_encoded() -> None:
    tree = _shipped_tree()
    view = regional_status(tree, dt.date.fromisoformat(AS_OF), Filters(), "en")
    partial = {
        code: plan
        for code in sorted(MEMBERS)
        if (plan := tree.national(code)) is not None and plan.known_commitments is not None
    }
    assert partial, "the shipped plans carry known counts"
    assert [line.split(":")[0] for line in view.coverage] == list(partial)
    for line, plan in zip(view.coverage, partial.values(), strict=True):
        assert line.split(": ", 1)[1].startswith(
            f"{len(plan.commitments)} of {plan.known_commitments.count} known commitments"
        )


def test_regional_coverage_reaches_every_format(mirps: Callable[..., Run]) -> None:
    table = status(mirps)
    assert table.exit_code == 0, table.stderr
    assert table.stderr == ""
    assert "Shares are over the commitments encoded here" in table.stdout
    as_json = status(mirps, "--format", "json")
    assert as_json.exit_code == 0, as_json.stderr
    assert any(line.startswith("SV: 2 of 49") for line in json.loads(as_json.stdout)["coverage"])
    es = status(mirps, "--lang", "es", "--format", "markdown")
    assert es.exit_code == 0, es.stderr
    items = [
        t.content
        for t in MarkdownIt().parse(es.stdout)
        if t.type == "inline" and t.content.startswith("SV:")
    ]
    assert items and "de 49 compromisos conocidos" in items[0]


@pytest.mark.parametrize("columns", [60, 50])
def test_a_narrow_terminal_cuts_headers_never_a_date_or_number(
    mirps: Callable[..., Run], columns: int
) -> None:
    wide = status(mirps, env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    narrow = status(mirps, env={"FORCE_COLOR": "1", "COLUMNS": str(columns)})
    assert narrow.exit_code == 0, narrow.stderr
    assert narrow.stderr == ""
    lines = [ANSI.sub("", line) for line in narrow.stdout.splitlines()]
    assert max(len(line.rstrip()) for line in lines) <= columns
    body = [line for line in lines if line[:2] in MEMBERS]
    assert len(body) == len(MEMBERS)
    # Each country's row keeps its code, counts, share and latest date whole: the same words
    # as the wide table's, less the bar and the empty status columns.
    for line in body:
        assert "…" not in line
        words = line.split()
        wide_row = next(
            ANSI.sub("", w).split()
            for w in wide.stdout.splitlines()
            if ANSI.sub("", w).startswith(words[0])
        )
        assert words[-1] == wide_row[-1]  # the latest date
        assert [w for w in words if w.endswith("%")] == [w for w in wide_row if w.endswith("%")]
    assert any("…" in line for line in lines[:4])  # the headers gave way instead


def test_country_status_groups_and_filters() -> None:
    tree = _shipped_tree()
    when = dt.date.fromisoformat(AS_OF)
    hn = country_status(tree, MEMBERS["HN"], when, Filters(), GroupBy.status, "es")
    labels = [g.label for g in hn.groups]
    assert "cumplido" in labels
    fulfilled = Filters(status=Status.FULFILLED)
    only = country_status(tree, MEMBERS["HN"], when, fulfilled, GroupBy.pillar, "en")
    rows = [r for g in only.groups for r in g.rows]
    assert rows and all(r.status is Status.FULFILLED for r in rows)


def test_commitment_detail_keeps_history_in_order() -> None:
    detail = commitment_detail(_shipped_tree(), "hn-01", dt.date.fromisoformat(AS_OF), "en")
    assert detail.row.id == "HN-01"
    dated = [h.date for h in detail.history if h.date is not None]
    assert dated == sorted(dated, key=lambda d: d.earliest())
    assert detail.row.status is Status.FULFILLED


def test_since_lists_changes_in_the_period_with_how_they_are_dated(
    mirps: Callable[..., Run],
) -> None:
    data = json.loads(
        status(mirps, "--since", "2023-11", "--as-of", "2026-06", "--format", "json").stdout
    )
    assert (data["from"], data["to"]) == ("2023-11-01", "2026-06-30")
    got = [(c["date"], c["id"], c["kind"], c["status"], c["dated_by"]) for c in data["changes"]]
    assert got == [
        ("2023-11-10", "CR-03", "commitment", "in_progress", "event"),
        ("2023-11-10", "CR-03.1", "milestone", "fulfilled", "event"),
        ("2023-11-10", "CR-asylum-platform", "project", "in_progress", "event"),
        ("2024-09-17", "SV-CONAPINA-returnees", "project", "in_progress", "reported"),
        ("2024-11-25", "SV-01.1", "milestone", "fulfilled", "event"),
        ("2026-01", "CR-03", "commitment", "fulfilled", "reported"),
        ("2026-01", "CR-03.2", "milestone", "fulfilled", "event"),
        ("2026-01", "CR-asylum-platform", "project", "fulfilled", "reported"),
    ]
    none = status(mirps, "--since", "2021", "--as-of", "2021-12-31")
    assert none.exit_code == 0
    assert "Nothing changed in the period." in none.stdout
    bad = status(mirps, "--since", "someday")
    assert bad.exit_code == 2
    assert "'someday' is not a date" in bad.stderr


def test_country_figures_costing_and_coverage_in_spanish(
    mirps: Callable[..., Run], golden: Golden
) -> None:
    plans = CASES / "valid" / "figures-and-costing" / "plans"
    args = ["-c", "HN", "--as-of", "2022-06-01", "--lang", "es", "--format", "markdown"]
    result = mirps("status", "--plans", str(plans), *args)
    assert result.exit_code == 0, result.stderr
    golden("status-country-hn-figures-es.md", result.stdout)
    assert "1 de 26 compromisos conocidos registrados (2022)" in result.stdout
    english = mirps("status", "--plans", str(plans), "-c", "HN", "--as-of", "2022-06-01")
    assert "about 1,000 (2021)" in english.stdout
    assert "HN-01, Protection: needs about USD 5,000" in english.stdout


def test_one_activity_with_the_commitments_that_serve_it(mirps: Callable[..., Run]) -> None:
    plans = CASES / "valid" / "minimal" / "plans"
    result = mirps(
        "status",
        "--plans",
        str(plans),
        "--activity",
        "2022:1.1",
        "--as-of",
        "2022-06-01",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "2022:1.1" and data["status"] is None
    assert [c["id"] for c in data["commitments"]] == ["HN-01"]
    spanish = mirps(
        "status",
        "--plans",
        str(plans),
        "--activity",
        "1.1",
        "--as-of",
        "2022-06-01",
        "--lang",
        "es",
    )
    assert "Compromisos que la sirven" in spanish.stdout and "HN-01" in spanish.stdout
    unknown = mirps("status", "--plans", str(plans), "--activity", "2022:9.9")
    assert unknown.exit_code == 2 and "unknown activity '2022:9.9'" in unknown.stderr


def test_the_regional_view_has_a_line_per_working_group(mirps: Callable[..., Run]) -> None:
    data = json.loads(status(mirps, "--format", "json").stdout)
    groups = {g["id"]: g for g in data["working_groups"]}
    assert groups["internal-displacement"] == {
        "id": "internal-displacement",
        "lead": "HN",
        "commitments": 3,
        "fulfilled": 2,
    }
    assert {a["id"] for a in data["activities"]} >= {"1.1", "4.6"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--working-group", "internal-displacment"], "use one of internal-displacement"),
        (["--institution", "comr"], "did you mean COMAR"),
        (["Hondras"], "unknown country 'Hondras'; did you mean HN (Honduras)?"),
    ],
)
def test_a_filter_or_target_naming_nothing_suggests_the_closest(
    mirps: Callable[..., Run], args: list[str], said: str
) -> None:
    """Once exit 0 with a table of zeros (or "unknown commitment" for a misspelt country)."""
    result = status(mirps, *args)
    assert result.exit_code == 2
    assert said in result.stderr and result.stdout == ""


def test_one_commitments_csv_keeps_what_its_table_shows(mirps: Callable[..., Run]) -> None:
    """It once dropped the entry's reported date and reporter."""
    rows = list(csv.DictReader(io.StringIO(status(mirps, "MX-01", "--format", "csv").stdout)))
    assert rows[0]["reported"] == "2019-11-08" and rows[0]["date"] == ""
    assert rows[0]["title"].startswith("Provisional CURP")
    assert {"reporter", "archive_capture", "recorded"} <= set(rows[0])


def test_status_takes_the_status_names_in_both_languages(mirps: Callable[..., Run]) -> None:
    """`update --status cumplido` was accepted and `status --status cumplido` refused."""
    by_code = json.loads(status(mirps, "--status", "fulfilled", "--format", "json").stdout)
    for name in ("cumplido", "Cumplido", "fulfilled"):
        by_name = json.loads(status(mirps, "--status", name, "--format", "json").stdout)
        assert by_name["commitments"] == by_code["commitments"]
    wrong = status(mirps, "--status", "terminado", "--lang", "es")
    assert wrong.exit_code == 2
    assert "cumplido (fulfilled)" in wrong.stderr and "en curso (in_progress)" in wrong.stderr


def test_choices_are_listed_as_a_list_not_a_chain_of_ors(mirps: Callable[..., Run]) -> None:
    """ "A o B o C" read wrong in Spanish: Babel's lists give "A, B o C" / "A, B or C"."""
    spanish = status(mirps, "--institution", "comr", "--lang", "es")
    assert "¿quiso decir COMAR, CODER o CONARE?" in spanish.stderr
    english = status(mirps, "--institution", "comr")
    assert "did you mean COMAR, CODER or CONARE?" in english.stderr
