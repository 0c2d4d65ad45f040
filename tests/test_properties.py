"""Property: whatever a valid plan is mutated into, validate reports and never raises."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from mirps_cli.rules import RULES
from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS

FILES = ["national/HN.yaml", "national/CR.yaml", "regional/2022.yaml"]


def check_tree(relative: str, content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "plans"
        shutil.copytree(SHIPPED_PLANS, root)
        target = root / relative
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        result = validate_tree(root, dt.date(2024, 1, 1))
    for problem in result.problems:
        assert problem.code in RULES
        assert problem.line >= 0 and problem.column >= 0
        assert problem.message
    broken = [f for f in result.tree.files if f.model is None]
    for plan in broken:
        assert any(p.file == plan.display and p.severity == "error" for p in result.problems)
    # The tree always holds the mutated file: nothing is silently skipped.
    assert any(f.path.name == Path(relative).name for f in result.tree.files)


@st.composite
def text_mutation(draw: st.DrawFn) -> tuple[str, str]:
    relative = draw(st.sampled_from(FILES))
    lines = (SHIPPED_PLANS / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["delete", "duplicate", "replace", "insert", "indent", "swap"]))
    noise = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "replace":
        lines[index] = noise + "\n"
    elif action == "insert":
        cut = draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:cut] + noise + lines[index][cut:]
    elif action == "indent":
        lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
    else:
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    return relative, "".join(lines)


@given(text_mutation())
def test_text_mutations_are_reported_not_raised(mutation: tuple[str, str]) -> None:
    check_tree(*mutation)


@given(st.sampled_from(FILES), st.binary(max_size=200))
def test_random_bytes_are_reported_not_raised(relative: str, content: bytes) -> None:
    check_tree(relative, content)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=15),
    st.sampled_from(["2022-13", "in_progress", "HN-01", "", "XX"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


@given(st.sampled_from(FILES), st.data())
def test_structural_mutations_are_reported_not_raised(relative: str, data: st.DataObject) -> None:
    yaml = YAML(typ="safe", pure=True)
    tree = yaml.load((SHIPPED_PLANS / relative).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_paths(tree)[1:]))
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    if data.draw(st.booleans()):
        parent[path[-1]] = data.draw(VALUES)
    elif isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent.pop(path[-1])
    out = io.StringIO()
    yaml.dump(tree, out)
    check_tree(relative, out.getvalue())


@given(st.text())
def test_inline_escape_is_one_replace_after_another(text: str) -> None:
    """The one-pass escape gives what replacing each markup character in turn gave (after
    control characters are written out, which adds a backslash escaped in its turn)."""
    from mirps_cli.i18n import visible
    from mirps_cli.templating import _escape_inline

    expected = visible(text)
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "&", "|", "~"):
        expected = expected.replace(char, "\\" + char)
    assert _escape_inline(text) == expected


@given(st.lists(st.one_of(st.text(), st.integers(), st.none())))
def test_a_row_of_cells_is_its_cells_one_by_one(values: list[object]) -> None:
    """The `cells` filter writes what `map("cell") | join(" | ")` wrote, and a row of any
    text keeps as many cells as it was given."""
    from markdown_it import MarkdownIt

    from mirps_cli.templating import md_cell, md_cells

    assert md_cells(values) == " | ".join(md_cell(v) for v in values)
    if values:
        head = " | ".join(f"h{i}" for i in range(len(values)))
        rule = " | ".join("---" for _ in values)
        table = f"| {head} |\n| {rule} |\n| {md_cells(values)} |\n"
        tokens = MarkdownIt("commonmark").enable("table").parse(table)
        body = [t for t in tokens if t.type == "td_open"]
        assert len(body) == len(values)
