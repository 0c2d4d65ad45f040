"""The YAML edge: positions, and every way a file can be hostile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mirps_cli.translations.text import _end
from mirps_cli.yaml import (
    Loader,
    MappingNode,
    Node,
    PosList,
    PosMap,
    PureLoader,
    SequenceNode,
    compose,
    is_c_parser_active,
    parse,
    spans,
)
from tests.helpers import SHIPPED_PLANS


def test_c_parser_is_active() -> None:
    """Without ruamel.yaml.clib the safe loader silently runs 5x slower."""
    assert is_c_parser_active()


def test_records_positions() -> None:
    parsed = parse("a: 1\nlist:\n  - x\n  - key: v\n")
    data = parsed.data
    assert isinstance(data, PosMap)
    assert data.key_mark("list") == (2, 1)
    items = data["list"]
    assert isinstance(items, PosList)
    assert [items.item_mark(i) for i in range(2)] == [(3, 5), (4, 5)]
    assert items[1].key_mark("key") == (4, 5)
    assert parsed.findings == []


def test_keys_and_short_values_are_shared_strings() -> None:
    """A large plan repeats its keys and codes thousands of times: each is one string."""
    long = "a title long enough to be written once " * 2
    data = parse(
        f"- status: in_progress\n  title: '{long}'\n- status: in_progress\n  title: '{long}'\n"
    ).data
    first, second = data
    key_1, key_2 = next(iter(first)), next(iter(second))
    assert key_1 == key_2 == "status" and key_1 is key_2
    assert first["status"] is second["status"]
    assert first["title"] == second["title"] == long  # long text: equal, kept as written


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
        return {str(k): (data.key_mark(k), data.value_mark(k), _marks(v)) for k, v in data.items()}
    if isinstance(data, PosList):
        return [(data.item_mark(i), _marks(v)) for i, v in enumerate(data)]
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


_TRICKY = [
    "a: 1\nb: -2.5\nc: true\nd: null\ne: ~\nf: 2022-01-05\ng: 2022-01\nh: 0x1F\ni: .inf\n",
    "a: !!str 1\nb: !!int '7'\nc: !!float 1\nd: ! tagged\n",
    "a: 1\na: 2\n",
    "? [a, b]\n: value\nc: {x: [1, {y: z}], w: []}\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!set {x, y}\nb: !!binary aGVsbG8=\nc: !local thing\n",
    "- 'quoted'\n- \"double\"\n- |\n  block\n- >\n  folded\n- plain text\n-\n- ''\n",
    "a: !!map {b: 1}\nc: !!seq [1]\n1: one\nnull: none\ntrue: yes\n",
]


_SHIPPED = sorted(SHIPPED_PLANS.glob("*/*.yaml"))


def _typed(data: object) -> object:
    """The data with every value's type beside it: 1 and True, '1' and 1 differ."""
    if isinstance(data, dict):
        return {(type(k).__name__, k): _typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_typed(v) for v in data]
    return (type(data).__name__, data)


def test_depth_counts_indentation_and_brackets_together() -> None:
    from mirps_cli.yaml import MAX_DEPTH, too_deep

    # Many brackets closed at once never nest deep; 600 open on a line 450 deep do.
    assert too_deep("x: [a]\n" * 2000) is None
    lead = " " * 450
    shallow = "x:\n" + lead + "y: " + "[" * 540 + "]" * 540 + "\n"
    deep = "x:\n" + lead + "y: " + "[" * 600 + "]" * 600 + "\n"
    assert too_deep(shallow) is None
    assert too_deep(deep) == (2, 450 + 600)
    assert 450 + 540 <= MAX_DEPTH < 450 + 600


@pytest.mark.parametrize(
    "value",
    ["", "text", "1", "-1", "+1.5", "1e3", ".inf", "-.Inf", ".nan", "0x1F", "0o17", "true",
     "False", "null", "Null", "~", "yes", "on", "2022-01-05", "2022-01", "2022", "T", "N", "<<",
     "=", "1_000", "12:30", "NULL", "TRUE", "trueish"],
)  # fmt: skip
def test_the_quick_resolver_resolves_as_ruamel_does(value: str) -> None:
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import Resolver

    quick, reference = Loader("a: 1\n"), Resolver()
    for implicit in [(True, False), (False, True), (False, False)]:
        assert str(quick.resolve(ScalarNode, value, implicit)) == str(
            reference.resolve(ScalarNode, value, implicit)
        )
    for kind in (MappingNode, SequenceNode):
        assert str(quick.resolve(kind, None, (False, False))) == str(
            reference.resolve(kind, None, (False, False))
        )


_EVENT_CASES = [
    *_TRICKY,
    "a:\n  b: 1\na:\n  c: 1\n  c: 2\n",  # the second a is skipped whole: its c is not reported
    "? {x: 1, x: 2}\n: {y: 1, y: 2}\nz: 1\n",  # an unhashable key: its value is not built
    "a: 1\na: 2\nb: [\n",  # a syntax error after a duplicate: the error alone
    "a: &x 1\nb: *x\n",  # anchors and aliases: through the nodes
    "a: *nowhere\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "",
    "# only a comment\n",
    "---\nplain\n...\n",
    "- [a, {b: c}]\n- {d: [e, f]}\n- !!str 12\n",
    "a: {b: !!set {c}}\n",
    "a: 'x'\n\n\nb:\n  - 1\n  -\n    c: d\n",
    # Short plain values are read once and then reused: a repeat must read the same, typed.
    "- [1, 1, true, true, null, null, 2022-01-05, 2022-01-05, 0x1F, 0x1F, 1.5, 1.5]\n"
    "- ['1', 1, '1', 'true', true, x, 'x', x, '', ~, '']\n"
    "- {1: a, '1': b, true: c, 'true': d}\n",
]


@pytest.mark.parametrize(
    "text",
    [*_EVENT_CASES, *(p.read_text(encoding="utf-8") for p in _SHIPPED)],
    ids=[*(f"case{i}" for i in range(len(_EVENT_CASES))), *(p.name for p in _SHIPPED)],
)
def test_building_from_events_gives_what_the_nodes_give(text: str) -> None:
    """The C loader builds plain documents from the parser's events; the pure loader reads
    every document through the nodes: data, types, positions and findings agree."""
    fast, reference = parse(text), parse(text, PureLoader)
    assert _typed(fast.data) == _typed(reference.data)
    assert _marks(fast.data) == _marks(reference.data)
    assert [(f.line, f.column, f.code) for f in fast.findings] == [
        (f.line, f.column, f.code) for f in reference.findings
    ]


def test_the_c_parser_gets_its_own_event_classes_back() -> None:
    """Light events are made only while mirps reads a document (yaml_events.py)."""
    import _ruamel_yaml
    from ruamel.yaml import events

    parse("a: [1, {b: c}]\n")
    for name in ("ScalarEvent", "MappingStartEvent", "SequenceEndEvent", "StreamEndEvent"):
        assert getattr(_ruamel_yaml, name) is getattr(events, name)


def test_a_c_parser_that_makes_events_otherwise_costs_only_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should a later C parser pass other arguments, the document is read through the nodes:
    the same data, positions and findings."""
    from mirps_cli import yaml_events

    class Strict(yaml_events.Scalar):
        __slots__ = ()

        def __init__(self, *args: object) -> None:
            raise TypeError("unexpected arguments")

    monkeypatch.setitem(yaml_events.LIGHT, "ScalarEvent", Strict)
    text = "a: 1\nb: [x, {c: d}]\na: 2\n"
    got, reference = parse(text), parse(text, PureLoader)
    assert _typed(got.data) == _typed(reference.data) and _marks(got.data) == _marks(reference.data)
    assert [f.code for f in got.findings] == ["M107"]


def test_a_plain_document_is_built_from_events(monkeypatch: pytest.MonkeyPatch) -> None:
    from mirps_cli import yaml

    def no_nodes(self: object) -> None:
        raise AssertionError("composed a node tree")

    monkeypatch.setattr(yaml.Loader, "get_single_node", no_nodes)
    text = (SHIPPED_PLANS / "national" / "HN.yaml").read_text(encoding="utf-8")
    assert parse(text).data["country"] == "HN"


def test_a_long_text_aliased_many_times_is_a_bomb_too() -> None:
    """Few values, but each a long text: counted in characters, refused before expanding."""
    text = 'note: &n "' + "x" * 100_000 + '"\ncopies:\n' + "  - *n\n" * 200
    parsed = parse(text)
    assert parsed.data is None
    assert [f.code for f in parsed.findings] == ["M109"]
    assert "stand for" in parsed.findings[0].message.en
    assert (
        "20,100,010" in parsed.findings[0].message.en
    )  # 201 times 100,000 characters, and 10 keys


def test_a_number_longer_than_python_reads_is_found_at_its_line() -> None:
    parsed = parse("a: 1\nvalues:\n  - value: " + "9" * 5000 + "\n")
    assert parsed.data is None
    [finding] = parsed.findings
    assert (finding.line, finding.column, finding.code) == (3, 12, "M105")
    assert finding.message.en.startswith("a number of 5,000 digits is longer than a plan")
    assert "sys.set_int_max_str_digits" not in finding.message.en + finding.message.es
    assert "cifras" in finding.message.es


def _every_node(
    node: Node, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Node]]:
    yield path, node
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _every_node(value, (*path, key.value))
    elif isinstance(node, SequenceNode):
        for n, item in enumerate(node.value):
            yield from _every_node(item, (*path, n))


_SPAN_CASES = [
    "title: Plain text\nnote: 'quoted: yes'\n",
    "title:\n  en: A block mapping\n  es: Un mapa\n# a comment after it\nnext: 1\n",
    "notes: [one, two, {en: three}]\nlast: |\n  a block scalar\n  of two lines\n",
    "a:\n  - b:\n      - c: deep\n        d: >-\n          folded\n  - plain\n# tail\n",
    "title: Windows\r\nnote: line endings\r\nlist:\r\n  - x\r\n",
    "empty: {}\nnone: []\nnull_value:\n",
]


@pytest.mark.parametrize(
    "text",
    [*_SPAN_CASES, *(p.read_text(encoding="utf-8") for p in sorted(SHIPPED_PLANS.rglob("*.yaml")))],
)
def test_spans_from_events_are_the_nodes_marks(text: str) -> None:
    """Where each value starts and ends, read from the events, is where the node tree says
    (translations write into these spans): every node of the document compared."""
    root = compose(text)
    assert root is not None
    nodes = dict(_every_node(root))
    found = spans(text, nodes)
    assert found == {
        path: ((node.start_mark.line, node.start_mark.column), _end(node))
        for path, node in nodes.items()
    }


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {en: x}\nother: *b\n",
        "title: !!str 12\n",
        "---\na: 1\n---\nb: 2\n",
        "? [a]\n: 1\n",
    ],
)
def test_spans_refuse_what_only_the_nodes_can_say(text: str) -> None:
    with pytest.raises(ValueError):
        spans(text, [("a",)])
