"""The layout the README's code map describes, kept true by tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "mirps_cli"


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _core_modules() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in ("cli", "output", "__main__.py")
    ]


def test_arrows_point_down_no_core_module_imports_a_renderer_or_the_cli() -> None:
    upward = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in _imports(path) if m.startswith(("mirps_cli.output", "mirps_cli.cli"))
        )
        for path in _core_modules()
    }
    assert {k: v for k, v in upward.items() if v} == {}


def test_core_modules_never_import_typer_rich_or_jinja() -> None:
    heavy = ("typer", "rich", "jinja2")
    found = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in _imports(path) if m.split(".")[0] in heavy
        )
        for path in _core_modules()
        if path.name != "templating.py"  # the Jinja edge
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_a_language_is_chosen_in_one_place() -> None:
    """Only i18n compares a language; everything else asks a Message."""
    pattern = re.compile(r"""lang\s*[!=]=|[!=]=\s*lang\b|["'](en|es)["']\s+if\s+lang""")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "i18n.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_each_output_module_exposes_one_render() -> None:
    helpers = {
        "__init__.py",
        "console.py",
        "words.py",
        "diff_words.py",
        "report_words.py",
        "fund_words.py",
    }
    for path in (PACKAGE / "output").glob("*.py"):
        if path.name in helpers:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        public = [
            n.name
            for n in tree.body
            if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
        ]
        assert "render" in public, path.name


def test_tracked_items_are_reached_through_the_tree_query_only() -> None:
    """The history and deadline rules, status, export and update never loop over commitments:
    a new tracked kind (activities, Fund projects) needs no change there."""
    for name in (
        "checks/history.py",
        "checks/deadlines.py",
        "status/__init__.py",
        "export.py",
        "update/__init__.py",
    ):
        text = (PACKAGE / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(plan|national)\.commitments\b", text), name
        assert "tracked(" in text, name


def test_command_modules_give_typer_evaluated_annotations() -> None:
    """typer reads each command's options from its annotations: given as strings (postponed
    evaluation), every one is compiled and evaluated again when the app is built, which cost
    ~10 ms of `mirps --help`. So the modules that define commands evaluate them at import."""
    commands = [*(PACKAGE / "cli").glob("*_cmd.py"), PACKAGE / "cli" / "app.py"]
    postponed = [
        p.name
        for p in commands
        if "from __future__ import annotations" in p.read_text(encoding="utf-8")
    ]
    assert len(commands) > 5 and postponed == []
