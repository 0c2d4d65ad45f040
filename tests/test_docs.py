"""Docs are part of the product: every command, rule and status is documented."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from mirps_cli.cli.app import app
from mirps_cli.rules import RULES
from mirps_cli.vocab import STATUS_TERMS
from tests.helpers import REPO, Run

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_the_commands_are_the_expected_ones() -> None:
    assert COMMANDS == [
        "diff",
        "export",
        "report",
        "schema",
        "site",
        "status",
        "timeline",
        "update",
        "validate",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_and_a_readme_section(
    command: str, mirps: Callable[..., Run]
) -> None:
    result = mirps(command, "--help")
    assert result.exit_code == 0
    assert "--plans" in result.stdout
    assert len(result.stdout.split("\n\n")[1].strip()) > 20  # a real description
    assert f"### `mirps {command}`" in README
    assert f"$ mirps {command}" in README


def test_the_fund_commands_are_documented(mirps: Callable[..., Run]) -> None:
    for args in (["fund", "--help"], ["fund", "prioritize", "--help"]):
        result = mirps(*args)
        assert result.exit_code == 0 and "--plans" in result.stdout
    assert "### `mirps fund`" in README and "$ mirps fund prioritize" in README


def test_every_rule_is_in_the_readme_table() -> None:
    for rule in RULES.values():
        row = f"| {rule.code} | {rule.name} | {rule.severity} |"
        assert row in README, row


def test_every_workbook_rule_is_in_the_readme_table() -> None:
    from mirps_cli.sheet.rules import SHEET_RULES

    for code, (name, hint) in SHEET_RULES.items():
        row = f"| {code} | {name} | {hint.en} |"
        assert row in README, row
    assert "### `mirps sheet`" in README and "docs/sheet-compromisos.png" in README
    assert (REPO / "docs" / "sheet-compromisos.png").is_file()


def test_status_vocabulary_in_both_languages() -> None:
    for status, term in STATUS_TERMS.items():
        assert re.search(rf"\| `{status.value}` \| {term.name.en} \| {term.name.es} \|", README), (
            status
        )


def test_quick_start_commands_come_first() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    assert blocks[0].endswith("mirps validate")
    assert blocks[1].endswith("python -m pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci


def test_no_machine_paths_in_the_repository() -> None:
    pattern = re.compile("/(?:wor" + "k|roo" + "t|hom" + "e)/")
    for path in REPO.rglob("*"):
        parts = path.relative_to(REPO).parts
        # Virtual environments (.venv, .venv-floors, ...) are installed, not written here.
        skipped = bool({".git", "__pycache__"} & set(parts)) or any(
            part.startswith((".venv", ".ci-venv")) for part in parts
        )
        text_file = path.suffix in {".py", ".md", ".yaml", ".yml", ".json", ".toml", ".j2", ".txt"}
        if path.is_file() and not skipped and text_file:
            assert not pattern.search(path.read_text(encoding="utf-8", errors="replace")), path


def _code_map() -> str:
    section = README.split("## Code layout", 1)[1]
    return section.split("```", 2)[1]


def test_the_code_map_lists_every_module() -> None:
    package = REPO / "mirps_cli"
    entries = [line.split()[0] for line in _code_map().splitlines()[1:] if line.startswith("  ")]
    listed = {entry for entry in entries if entry.endswith(".py")}  # others continue a line
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert sorted(modules - listed) == [], "modules missing from the README's code map"
    assert sorted(listed - modules) == [], "the README's code map names modules that do not exist"


def test_the_floors_run_installs_every_test_dependency() -> None:
    """`.ci/floors` runs the whole suite on the lowest versions pyproject.toml allows; it names
    the test tools it installs, and one left out failed its run (playwright)."""
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {
        re.split(r"[<>=;\[ ]", dep, maxsplit=1)[0].lower()
        for dep in extras["optional-dependencies"]["test"]
    }
    floors = (REPO / ".ci" / "floors").read_text()
    line = next(
        x for x in floors.splitlines() if x.startswith(".venv-floors/bin/pip install pytest")
    )
    assert wanted <= set(line.lower().split()[2:])
