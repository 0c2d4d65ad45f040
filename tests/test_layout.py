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
        "site_words.py",
        "site_tables.py",  # the site pages' one table shape
        "charts.py",  # the charting edge: draw(chart, picture)
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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Each module's imports of other mirps modules (a package import counts as its
    `__init__`)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_the_package_root_holds_at_most_25_modules() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 25


def test_no_verb_family_is_spread_over_the_root_under_a_prefix() -> None:
    """A verb whose core needs more than one module is a package named after it."""
    verbs = {p.name.removesuffix("_cmd.py") for p in (PACKAGE / "cli").glob("*_cmd.py")}
    spread = sorted(
        p.name for p in PACKAGE.glob("*.py") if p.stem.partition("_")[0] in verbs and "_" in p.stem
    )
    assert len(verbs) > 8 and spread == []


def test_no_import_circle() -> None:
    """Imports inside functions count too: a circle there is still a circle of meaning."""
    graph = _graph()
    circles = []
    for start in graph:
        seen, stack = set(), [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    circles.append(" -> ".join([*path, nxt]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    assert circles == []


# The edges: each outside library (or the standard library's door to the outside) is imported
# by one module, so a change of library is a change of one file.
EDGES = {
    "ruamel": {"yaml.py"},
    "_ruamel_yaml": {"yaml.py", "yaml_events.py"},
    "filelock": {"update/lock.py"},
    "jinja2": {"templating.py"},
    "subprocess": {"git.py"},
    # Unpickled data runs code: the cache signs its entries, and forked.py reads only what its
    # own child sends it through a pipe.
    "pickle": {"cache.py", "forked.py"},
    "markdown_it": {"output/report_html.py", "output/report_docx.py"},
    "matplotlib": {"output/charts.py"},
    "docx": {"output/report_docx.py"},
    "openpyxl": {"xlsx.py"},
    "xlsxwriter": {"xlsx.py"},
    "babel.messages": {"po.py"},
}


def test_each_edge_library_is_imported_by_its_edge_module_alone() -> None:
    found: dict[str, set[str]] = {lib: set() for lib in EDGES}
    for path in PACKAGE.rglob("*.py"):
        for module in _imports(path):
            for lib in EDGES:
                if module == lib or module.startswith(f"{lib}."):
                    found[lib].add(path.relative_to(PACKAGE).as_posix())
    assert {lib: files for lib, files in found.items() if not files <= EDGES[lib]} == {}
    assert found["ruamel"] and found["filelock"] and found["subprocess"]


def test_commands_reach_the_loader_and_validation_through_cli_loading() -> None:
    """One way from the command line to a checked tree; `validate` is the verb's own core."""
    offenders = {
        path.name: sorted(
            m
            for m in _imports(path)
            if m.startswith("mirps_cli.loader")
            or (m == "mirps_cli.validate" and path.name != "validate_cmd.py")
        )
        for path in (PACKAGE / "cli").glob("*.py")
        if path.name != "loading.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}
