"""Cases as folders: tests/cases/{valid,invalid}/<case>/ hold a plans tree and case.json.

case.json names the arguments, the exit code, and every finding expected as
(file, line, rule code). A new case is new files, not new code.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import CASES, Run

CASE_DIRS = sorted(p for p in CASES.glob("*/*") if (p / "case.json").is_file())


@pytest.mark.parametrize("case", CASE_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in CASE_DIRS])
def test_case(case: Path, isolated: Path, mirps: Callable[..., Run]) -> None:
    spec = json.loads((case / "case.json").read_text())
    shutil.copytree(case / "plans", isolated / "plans", symlinks=True)
    for beside in case.iterdir():  # what a case's links lead to, outside its plans folder
        if beside.is_dir() and beside.name != "plans":
            shutil.copytree(beside, isolated / beside.name, symlinks=True)

    result = mirps(
        "validate", "--plans", "plans", "--as-of", "2022-06-01", "--format", "json", *spec["args"]
    )

    assert result.stderr == ""
    found = json.loads(result.stdout)["problems"]
    got = sorted((p["file"].removeprefix("plans/"), p["line"], p["code"]) for p in found)
    want = sorted((e["file"], e["line"], e["code"]) for e in spec["expected"])
    assert got == want
    assert result.exit_code == spec["exit_code"]
    for problem in found:
        assert problem["message"] and problem["hint"]
        assert problem["severity"] in ("error", "warning", "info")


def test_every_rule_has_a_case() -> None:
    """Each rule code is exercised by at least one case folder."""
    from mirps_cli.rules import RULES

    covered = {
        e["code"]
        for case in CASE_DIRS
        for e in json.loads((case / "case.json").read_text())["expected"]
    }
    assert set(RULES) - covered == set()


@pytest.mark.parametrize("case", CASE_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in CASE_DIRS])
def test_looking_for_errors_alone_finds_every_error(case: Path, isolated: Path) -> None:
    """Views and diff ask only whether the tree has errors, and skip the advisory checks:
    those never find an error, and the errors found are exactly validate's."""
    import datetime as dt

    from mirps_cli.checks import ADVISORY
    from mirps_cli.problems import Severity
    from mirps_cli.validate import validate_tree

    shutil.copytree(case / "plans", isolated / "plans", symlinks=True)
    day = dt.date(2022, 6, 1)
    full = validate_tree(isolated / "plans", day, use_cache=False)
    errors = validate_tree(isolated / "plans", day, use_cache=False, errors_only=True)
    assert errors.errors == full.errors
    assert not {p.code for p in errors.problems} & {"M307", "M401", "M402"}  # none looked for
    for check in ADVISORY:
        assert all(p.severity is not Severity.ERROR for p in check(full.tree, day))
