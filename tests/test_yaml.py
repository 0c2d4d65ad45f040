"""The YAML edge: positions, and every way a file can be hostile."""

from __future__ import annotations

from pathlib import Path

import pytest

from mirps_cli.yaml import PosList, PosMap, PureLoader, is_c_parser_active, parse
from tests.helpers import SHIPPED_PLANS


def test_c_parser_is_active() -> None:
    """Without ruamel.yaml.clib the safe loader silently runs 5x slower."""
    assert is_c_parser_active()


def test_records_positions() -> None:
    parsed = parse("a: 1\nlist:\n  - x\n  - key: v\n")
    data = parsed.data
    assert isinstance(data, PosMap)
    assert data.key_marks["list"] == (2, 1)
    items = data["list"]
    assert isinstance(items, PosList)
    assert items.item_marks == [(3, 5), (4, 5)]
    assert items[1].key_marks["key"] == (4, 5)
    assert parsed.findings == []


def test_dates_stay_text() -> None:
    assert parse("d: 2022-03-01\n").data == {"d": "2022-03-01"}


def test_duplicate_keys_are_findings_and_first_wins() -> None:
    parsed = parse("a: 1\nb: 2\na: 3\n")
    assert parsed.data == {"a": 1, "b": 2}
    assert [(f.line, f.code) for f in parsed.findings] == [(3, "M107")]


def test_python_tags_construct_nothing() -> None:
    parsed = parse("a: !!python/object/apply:os.system ['echo owned']\n")
    assert parsed.data == {"a": None}
    assert [f.code for f in parsed.findings] == ["M108"]
    assert "!!python/object/apply:os.system" in parsed.findings[0].message.en


def test_custom_and_set_tags_are_refused() -> None:
    for text in ("a: !custom x\n", "a: !!set {x, y}\n", "a: !!binary aGk=\n"):
        assert [f.code for f in parse(text).findings] == ["M108"], text


def test_alias_bomb() -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    parsed = parse("\n".join(lines) + "\n")
    assert parsed.data is None
    assert [f.code for f in parsed.findings] == ["M109"]


def test_a_few_aliases_are_fine() -> None:
    parsed = parse('s: &s ["https://example.org"]\na: {sources: *s}\nb: {sources: *s}\n')
    assert parsed.findings == []
    assert parsed.data["b"]["sources"] == ["https://example.org"]


def test_self_referring_alias() -> None:
    assert [f.code for f in parse("a: &a [*a]\n").findings] == ["M109"]


def test_tab_indentation() -> None:
    parsed = parse("a:\n\tb: 1\n")
    assert [(f.line, f.code) for f in parsed.findings] == [(2, "M106")]


def test_syntax_error_is_located() -> None:
    parsed = parse("a: 1\nb: [1, 2\nc: 3\n")
    assert parsed.data is None
    assert parsed.findings[0].code == "M105"
    assert parsed.findings[0].line >= 2


def test_deep_nesting_is_a_finding() -> None:
    parsed = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert parsed.data is None
    assert parsed.findings and parsed.findings[0].code == "M105"


def test_unhashable_key() -> None:
    parsed = parse("? [a, b]\n: value\n")
    assert [f.code for f in parsed.findings] == ["M105"]


def _marks(data: object) -> object:
    """Every recorded position in a parsed tree, as plain data."""
    if isinstance(data, PosMap):
        return {
            str(k): (data.key_marks[k], data.value_marks[k], _marks(v)) for k, v in data.items()
        }
    if isinstance(data, PosList):
        return [(m, _marks(v)) for m, v in zip(data.item_marks, data, strict=True)]
    return data


@pytest.mark.parametrize("path", sorted(SHIPPED_PLANS.glob("*/*.yaml")), ids=lambda p: p.name)
def test_c_and_pure_loaders_agree(path: Path) -> None:
    """The fast loader's positions are exactly the reference parser's."""
    text = path.read_text(encoding="utf-8")
    fast, reference = parse(text), parse(text, PureLoader)
    assert _marks(fast.data) == _marks(reference.data)
    assert fast.findings == reference.findings == []


@pytest.mark.parametrize(
    "text", ["a: 1\na: 2\n", "a: !!python/name:os.system\n", "a:\n\tb: 1\n", "- [\n"]
)
def test_c_and_pure_loaders_find_the_same(text: str) -> None:
    assert [(f.line, f.code) for f in parse(text).findings] == [
        (f.line, f.code) for f in parse(text, PureLoader).findings
    ]


def test_number_keys_are_located() -> None:
    from mirps_cli.loader.locate import locate

    parsed = parse("a: 1\n2: two\n")
    assert locate(parsed.data, [2], at_key=True)[0] == (2, 1)


def test_an_alias_without_anchor_is_a_syntax_finding() -> None:
    parsed = parse("a: *nowhere\n")
    assert parsed.data is None
    assert [f.code for f in parsed.findings] == ["M105"]
