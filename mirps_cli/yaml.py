"""The YAML edge: every plan file is parsed here, and only here.

Parsing uses ruamel.yaml's safe loader on its C parser (about 6x faster than
the round-trip loader, see README "Speed"), with a constructor that records
where each key, value and list item stood so that a problem found later can be
reported at its line and column. Nothing in a file can construct a Python
object: unknown tags become findings, not objects.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from array import array
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from sys import intern
from typing import Any, ClassVar, NamedTuple

from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import Event
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.parser import Parser
from ruamel.yaml.reader import Reader
from ruamel.yaml.resolver import BaseResolver, Resolver, VersionedResolver
from ruamel.yaml.scanner import Scanner
from ruamel.yaml.tag import Tag

from mirps_cli import yaml_events as light
from mirps_cli.i18n import Message, number

# The node types are part of this edge: update/text.py reads composed nodes through it.
__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode"]

try:
    from _ruamel_yaml import CParser

    C_PARSER = True
except ImportError:  # only without ruamel.yaml.clib: see is_c_parser_active()
    C_PARSER = False

Mark = tuple[int, int]  # 1-based line and column


# A mark is kept as one integer, (line << 32) | column, both counted from 0 as the parser
# counts them: a plan has about a million of them, and as 8 bytes each in one array per
# mapping they cost a fraction of what pairs in two dicts did, to build, to keep and to cache.
_LOW = (1 << 32) - 1


def _pack(mark: Any) -> int:
    packed: int = (mark.line << 32) | mark.column
    return packed


def _packed(node: Node) -> int:
    return _pack(node.start_mark)


def _unpacked(packed: int) -> Mark:
    return ((packed >> 32) + 1, (packed & _LOW) + 1)


class PosMap(dict[Any, Any]):
    """A mapping that remembers where it, its keys and its values were written."""

    __slots__ = ("_mark", "marks")

    def __init__(self, packed: int = 0) -> None:
        super().__init__()
        self._mark = packed
        self.marks = array("Q")  # packed: key, value, key, value... in the keys' order

    @property
    def mark(self) -> Mark:
        return _unpacked(self._mark)

    def key_mark(self, key: Any) -> Mark:
        return _unpacked(self.marks[2 * list(self).index(key)])

    def value_mark(self, key: Any) -> Mark:
        return _unpacked(self.marks[2 * list(self).index(key) + 1])


class PosList(list[Any]):
    """A list that remembers where it and each item were written."""

    __slots__ = ("_mark", "marks")

    def __init__(self, packed: int = 0) -> None:
        super().__init__()
        self._mark = packed
        self.marks = array("Q")  # packed, one per item

    @property
    def mark(self) -> Mark:
        return _unpacked(self._mark)

    def item_mark(self, index: int) -> Mark:
        return _unpacked(self.marks[index])


@dataclass(frozen=True)
class YamlFinding:
    line: int
    column: int
    code: str
    message: Message


@dataclass
class Parsed:
    data: Any
    findings: list[YamlFinding] = field(default_factory=list)


def _mark(node: Node | Event) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_SHARED_UP_TO = 40  # characters: longer text (titles, notes) seldom repeats
# The value of each short plain scalar read, by its text (str, int, float, bool or None:
# nothing a reader could change).
_PLAIN: dict[str, Any] = {}
_UNSEEN = object()

# The tags the resolver gives plain text, mappings and lists: shared objects, compared by
# identity (an explicit tag such as !!str is another object, read through the nodes).
_STR = BaseResolver.DEFAULT_SCALAR_TAG
_MAP = BaseResolver.DEFAULT_MAPPING_TAG
_SEQ = BaseResolver.DEFAULT_SEQUENCE_TAG

_NOT_TEXT_KEY = Message(
    "a key must be plain text, not a list or mapping",
    "una clave debe ser texto, no una lista ni un mapa",
)


def _finding(node: Node | Event, code: str, said: Message) -> YamlFinding:
    line, column = _mark(node)
    return YamlFinding(line, column, code, said)


def _duplicate(key: Any, data: PosMap, node: Node | Event) -> YamlFinding:
    first = data.key_mark(key)[0]
    said = Message(
        f"key '{key}' appears twice (first on line {first})",
        f"la clave '{key}' aparece dos veces (la primera en la línea {first})",
    )
    return _finding(node, "M107", said)


class _NotPlain(Exception):
    """A document the event builder leaves to the nodes (see build_from_events)."""


class _PositionConstructor(SafeConstructor):
    findings: list[YamlFinding]
    # Given by the parser and the resolver a loader combines this with.
    get_event: Callable[[], Any]
    check_event: Callable[..., bool]
    resolve: Callable[[Any, Any, Any], Any]

    def _admits(self, data: PosMap, key: Any, where: Node | Event) -> bool:
        """Whether `key` may go into `data`; if not, a finding says why (a list or mapping
        as a key, or a key written twice, which keeps its first value)."""
        try:
            duplicate = key in data
        except TypeError:
            self.findings.append(_finding(where, "M105", _NOT_TEXT_KEY))
            return False
        if duplicate:
            self.findings.append(_duplicate(key, data, where))
            return False
        return True

    def construct_positioned_map(self, node: MappingNode) -> Iterator[PosMap]:
        data = PosMap(_packed(node))
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not self._admits(data, key, key_node):
                continue
            data[key] = self.construct_object(value_node, deep=True)
            data.marks.append(_packed(key_node))
            data.marks.append(_packed(value_node))

    def build_from_events(self) -> Any:
        """The data of a plain document (no anchor, alias or explicit tag, one document),
        built from the parser's events without composing a node tree first: the same data,
        positions and findings as the constructor gives, faster, and without a tree of nodes
        as large as the data held in memory. Raises _NotPlain for any other document (and on
        any error): the caller then reads it again through the nodes, which say exactly what
        is wrong."""
        import _ruamel_yaml  # the C parser's module: only an event loader gets here

        with light.light_events(_ruamel_yaml):
            self.get_event()  # the stream's start
            if self.check_event(light.StreamEnd):
                return None  # no document, as get_single_node says
            self.get_event()  # the document's start
            data = self._from_event(self.get_event())
            self.get_event()  # the document's end
            if not self.check_event(light.StreamEnd):
                raise _NotPlain  # a second document
            return data

    def _from_event(self, event: Any) -> Any:
        kind = type(event)
        if event.anchor is not None or kind is light.Alias:
            raise _NotPlain
        if kind is light.Scalar:
            if event.ctag is not None:
                raise _NotPlain
            value: str = event.value
            short = len(value) <= _SHARED_UP_TO
            if not event.implicit[0]:  # quoted: text, whatever it looks like
                return intern(value) if short else value
            if not short:
                return self._plain(event)
            # Keys and short values (codes, statuses, dates, ids) repeat thousands of times
            # in a large plan: each is read once, and then shared (at 10,000 commitments,
            # some 40 MB less for the data and the models).
            if (known := _PLAIN.get(value, _UNSEEN)) is _UNSEEN:
                known = _PLAIN[value] = self._plain(event)
            return known
        if event.ctag is not None:
            raise _NotPlain
        get = self.get_event
        if kind is light.MappingStart:
            data = PosMap(_pack(event.start_mark))
            while type(key_event := get()) is not light.MappingEnd:
                key = self._from_event(key_event)
                if not self._admits(data, key, key_event):
                    self._skip(get())  # never built, as the constructor leaves it
                    continue
                value_event = get()
                data[key] = self._from_event(value_event)
                data.marks.append(_pack(key_event.start_mark))
                data.marks.append(_pack(value_event.start_mark))
            return data
        if kind is light.SequenceStart:
            items = PosList(_pack(event.start_mark))
            while type(item_event := get()) is not light.SequenceEnd:
                items.append(self._from_event(item_event))
                items.marks.append(_pack(item_event.start_mark))
            return items
        raise _NotPlain

    def _plain(self, event: Any) -> Any:
        """A plain scalar's value: its text, or what its tag makes of it (a number, true,
        null); either depends on the text alone."""
        tag = self.resolve(ScalarNode, event.value, event.implicit)
        if tag is _STR:
            return intern(event.value) if len(event.value) <= _SHARED_UP_TO else event.value
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.construct_object(node, deep=True)

    def _skip(self, event: Any) -> None:
        """Pass over a value's events without building it."""
        if type(event) in (light.MappingStart, light.SequenceStart):
            while type(inner := self.get_event()) not in (light.MappingEnd, light.SequenceEnd):
                self._skip(inner)

    def construct_positioned_seq(self, node: SequenceNode) -> Iterator[PosList]:
        data = PosList(_packed(node))
        yield data
        for item in node.value:
            data.append(self.construct_object(item, deep=True))
            data.marks.append(_packed(item))

    def construct_plain_timestamp(self, node: ScalarNode) -> str:
        # Dates stay text: PartialDate reads them, with the precision written.
        return str(node.value)

    def construct_refused(self, node: Node) -> None:
        line, column = _mark(node)
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        said = Message(
            f"tag '{tag}' is not allowed in a plan file",
            f"la etiqueta '{tag}' no se admite en un plan",
        )
        self.findings.append(YamlFinding(line, column, "M108", said))
        return None


_PositionConstructor.add_constructor(
    "tag:yaml.org,2002:map", _PositionConstructor.construct_positioned_map
)
_PositionConstructor.add_constructor(
    "tag:yaml.org,2002:seq", _PositionConstructor.construct_positioned_seq
)
_PositionConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _PositionConstructor.construct_plain_timestamp
)
# Sets, ordered maps, pairs and binary are safe in YAML but mean nothing in a
# plan; refusing them keeps every value a str, number, bool, None, list or map.
for _tag in ("set", "omap", "pairs", "binary"):
    _PositionConstructor.add_constructor(
        f"tag:yaml.org,2002:{_tag}", _PositionConstructor.construct_refused
    )
_PositionConstructor.add_constructor(None, _PositionConstructor.construct_refused)


class PureLoader(Reader, Scanner, Parser, Composer, _PositionConstructor, VersionedResolver):
    """The same loader in pure Python: the fallback, and the reference in tests."""

    def __init__(self, text: str) -> None:
        self.comment_handling = None
        self.max_depth = 0  # no limit of its own: deep nesting ends in RecursionError, caught
        Reader.__init__(self, text, loader=self)
        Scanner.__init__(self, loader=self)
        Parser.__init__(self, loader=self)
        Composer.__init__(self, loader=self)
        _PositionConstructor.__init__(self, loader=self)
        VersionedResolver.__init__(self, loader=self)  # YAML 1.2, as the C path
        self.findings: list[YamlFinding] = []


Loader: type[Any] = PureLoader
if C_PARSER:

    class _QuickResolver(Resolver):
        """Resolver.resolve for a loader without path resolvers, doing only what it does for
        one: quoted text, mappings and lists take the default tag at once, and a plain
        scalar is matched against the patterns for its first character, compiled (ruamel
        wraps each in a lazy proxy that costs a Python call per match). Each tag is one
        shared object, not a new one per node."""

        _PATTERNS: ClassVar[dict[str, list[tuple[Tag, re.Pattern[str]]]]] = {
            first: [
                (Tag(suffix=tag), getattr(pattern, "lazy_self", lambda p=pattern: p)())
                for tag, pattern in resolvers
            ]
            for first, resolvers in Resolver.yaml_implicit_resolvers.items()
        }

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not ScalarNode:
                return _MAP if kind is MappingNode else _SEQ
            if implicit[0]:
                for tag, pattern in self._PATTERNS.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR

    class CLoader(CParser, _PositionConstructor, _QuickResolver):  # type: ignore[misc]
        """Parses in C (about 5x faster); constructs with positions in Python."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            self._parser = self._composer = self
            _PositionConstructor.__init__(self, loader=self)
            _QuickResolver.__init__(self, loadumper=self)
            self.findings: list[YamlFinding] = []

    Loader = CLoader

# The loaders that build plain documents from events: the C one. The pure one stays the
# reference, through the nodes.
_EVENT_LOADERS: tuple[type[Any], ...] = (Loader,) if C_PARSER else ()


# An alias repeats a node without copying it; validating the data walks every
# repetition, so a few lines of nested aliases can stand for billions of values.
# A document may expand to ten times its own size, plus some slack for a few
# legitimate repeats; past that it is refused.
_EXPANSION_CAP = 10**9


def _alias_expansion(root: Node) -> tuple[int, int, int] | None:
    """(values once aliases are expanded, distinct values, characters of text once expanded);
    None on a cycle. Values alone miss a long text aliased many times: a 1 MB note repeated
    5,000 times is few values and 5 GB of memory."""
    sizes: dict[int, tuple[int, int]] = {}
    visiting: set[int] = set()

    def size(node: Node) -> tuple[int, int] | None:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            return None
        visiting.add(key)
        if isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            children = []
        total, chars = 1, len(node.value) if isinstance(node.value, str) else 0
        for child in children:
            child_size = size(child)
            if child_size is None:
                return None
            total = min(total + child_size[0], _EXPANSION_CAP)
            chars = min(chars + child_size[1], _EXPANSION_CAP)
        visiting.discard(key)
        sizes[key] = total, chars
        return total, chars

    expanded = size(root)
    return None if expanded is None else (expanded[0], len(sizes), expanded[1])


def _is_bomb(expanded: int, distinct: int) -> bool:
    return expanded > 10 * distinct + 10_000


# Aliases may make the text stand for at most this many times its own size, and 10 MB more:
# plans repeat a short value or two, never a long text thousands of times.
_TEXT_GROWTH = 10
_TEXT_SLACK = 10_000_000


def _alias_finding(root: Node, size: int) -> YamlFinding | None:
    """M109 when aliases loop or expand the document far beyond its size (`size`, in
    characters): in values, or in the text they stand for."""
    expansion = _alias_expansion(root)
    if expansion is None:
        said = Message("an alias refers to itself", "un alias se refiere a sí mismo")
        return YamlFinding(1, 1, "M109", said)
    expanded, distinct, chars = expansion
    if chars > _TEXT_GROWTH * size + _TEXT_SLACK:
        file = Message(
            f"a file of {number(size, 'en')} characters",
            f"un archivo de {number(size, 'es')} caracteres",
        )
        return _stand_for(file, "represente", chars)
    if not _is_bomb(expanded, distinct):
        return None
    values = Message(f"{number(distinct, 'en')} values", f"{number(distinct, 'es')} valores")
    return _stand_for(values, "representen", expanded)


def _stand_for(subject: Message, verb_es: str, count: int) -> YamlFinding:
    """M109: "aliases make 12 values stand for over 1,000,000,000" (the count stops at the
    cap, so "over" it)."""
    over = count >= _EXPANSION_CAP
    said = Message(
        f"aliases make {subject.en} stand for {'over ' if over else ''}{number(count, 'en')}",
        f"los alias hacen que {subject.es} {verb_es} "
        f"{'más de ' if over else ''}{number(count, 'es')}",
    )
    return YamlFinding(1, 1, "M109", said)


def _long_number(root: Node) -> YamlFinding | None:
    """A number of more digits than Python converts (4,300): at its line, in words a team can
    act on, where Python's own message names its internals."""
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif limit and (node.tag or "").endswith(":int") and len(node.value) > limit:
            digits = sum(c.isdigit() for c in node.value)
            said = Message(
                f"a number of {number(digits, 'en')} digits is longer than a plan can hold "
                f"({number(limit, 'en')} at most): write it shorter, or in quotes as text",
                f"un número de {number(digits, 'es')} cifras es más largo de lo que un plan "
                f"admite ({number(limit, 'es')} como máximo): escríbalo más corto, o entre "
                "comillas como texto",
            )
            mark = node.start_mark
            return YamlFinding(mark.line + 1, mark.column + 1, "M105", said)
    return None


def _is_tab_error(text: str, error: MarkedYAMLError) -> bool:
    mark = error.problem_mark
    if mark is None:
        return False
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    return (
        "\t" in line[: len(line) - len(line.lstrip())]
        or line[mark.column : mark.column + 1] == "\t"
    )


def _syntax_finding(text: str, error: MarkedYAMLError) -> YamlFinding:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    line, column = max(line, 1), max(column, 1)  # a finding always points into the file
    if _is_tab_error(text, error):
        said = Message(
            "a tab character is used for indentation", "se usa un tabulador para la sangría"
        )
        return YamlFinding(line, column, "M106", said)
    # The parser's own words exist only in English; they name the exact fault.
    what = " ".join(part for part in (error.context, error.problem) if part) or "cannot be read"
    return YamlFinding(
        line, column, "M105", Message(f"YAML syntax: {what}", f"sintaxis YAML: {what}")
    )


# Deeper nesting is refused before the parser sees it: libyaml and the constructor recurse
# once per level, and tens of thousands of levels crash the process.
MAX_DEPTH = 1000
_QUICK = 500  # below this many brackets and this much leading indentation, no need to look


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _flow_peak(text: str) -> int:
    """The most flow brackets open at once, counted over the brackets alone (fast)."""
    flow = peak = 0
    for char in _NOT_BRACKET.sub("", text):
        if char in "[{":
            flow += 1
            peak = max(peak, flow)
        else:
            flow = max(flow - 1, 0)
    return peak


def too_deep(text: str) -> tuple[int, int] | None:
    """(line, depth) where the nesting first passes MAX_DEPTH, or None.

    The depth of a line is its block levels (indentation, and the "- " that open a list on
    it) plus the flow brackets still open. Brackets inside quotes count too: a line of a
    thousand quoted brackets is refused as well, which no plan has.
    """
    shallow = not re.search(rf"^[ \-]{{{_QUICK},}}", text, re.MULTILINE)
    if shallow and (
        text.count("[") + text.count("{") < _QUICK or _flow_peak(text) <= MAX_DEPTH - _QUICK
    ):
        return None  # no line is indented _QUICK deep, nor can brackets add the rest
    flow = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        lead = len(line) - len(line.lstrip(" -"))
        peak = flow
        for char in line:
            if char in "[{":
                flow += 1
                peak = max(peak, flow)
            elif char in "]}":
                flow = max(flow - 1, 0)
        if lead + peak > MAX_DEPTH:
            return line_no, lead + peak
    return None


def parse(text: str, loader_class: type[Any] | None = None) -> Parsed:
    """Parse one YAML document; every failure is a finding, never an exception."""
    deep = too_deep(text)
    if deep is not None:
        line, _ = deep
        said = Message(
            f"the document nests more deeply here than the {MAX_DEPTH} levels mirps reads",
            f"el documento anida aquí más que los {MAX_DEPTH} niveles que mirps lee",
        )
        return Parsed(None, [YamlFinding(line, 1, "M105", said)])
    loader = (loader_class or Loader)(text)
    # ruamel warns on stderr about values such as 1e400, naming its own source file: a
    # plan's reader should see findings, not the library's warnings.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _parse(loader, text)


def _parse(loader: Any, text: str) -> Parsed:
    if isinstance(loader, _EVENT_LOADERS):
        try:
            return Parsed(loader.build_from_events(), loader.findings)
        # TypeError: a C parser that makes its events otherwise (see yaml_events.py).
        except (_NotPlain, YAMLError, ValueError, TypeError, RecursionError):
            loader = type(loader)(text)  # read anew through the nodes: the exact verdict
    node = None
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None)
        # Without an anchor (&) there is no alias, and the walk can be spared.
        bomb = _alias_finding(node, len(text)) if "&" in text else None
        if bomb is not None:
            return Parsed(None, [bomb])
        data = loader.construct_document(node)
    except MarkedYAMLError as error:
        return Parsed(None, [*loader.findings, _syntax_finding(text, error)])
    except YAMLError as error:
        said = Message(f"YAML: {error}", f"YAML: {error}")
        return Parsed(None, [*loader.findings, YamlFinding(1, 1, "M105", said)])
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        long = _long_number(node) if node is not None else None
        if long is not None:
            return Parsed(None, [*loader.findings, long])
        said = Message(f"a value cannot be read: {error}", f"un valor no se puede leer: {error}")
        return Parsed(None, [*loader.findings, YamlFinding(1, 1, "M105", said)])
    except RecursionError:
        said = Message(
            "the document is nested too deeply", "el documento tiene demasiados niveles anidados"
        )
        return Parsed(None, [YamlFinding(1, 1, "M105", said)])
    return Parsed(data, loader.findings)


def is_c_parser_active() -> bool:
    return C_PARSER


def compose(text: str) -> Node | None:
    """The node tree of a document, with start and end marks, for edits in place."""
    loader = Loader(text)
    return loader.get_single_node()  # type: ignore[no-any-return]


Point = tuple[int, int]  # 0-based line and column, as the parser counts


def spans(text: str, locs: Collection[tuple[str | int, ...]]) -> dict[Any, tuple[Point, Point]]:
    """Where the value at each of `locs` (("commitments", 3, "title")) starts and where its
    own text ends, as `compose`'s nodes say (a block collection ends where its last child
    does, not at the next token past comments), read from the C parser's events without
    building a node tree: at 10,000 commitments a tenth of the time and memory.

    For a plain document only (no anchor, alias or explicit tag, one document, keys that are
    text); raises ValueError for any other, and the caller composes it."""
    return {loc: (shape.start, shape.end) for loc, shape in shapes(text, locs).items()}


class Shape(NamedTuple):
    """A value's place in the text (`shapes`), as its node would say it."""

    start: Point
    end: Point  # where its own text ends, as in `spans`
    kind: str  # "scalar", "mapping" or "list"
    flow: bool  # a collection written [ ... ] or { ... }
    items: int  # a list's number of items; 0 for the others
    last: Point | None  # where a collection's last value starts; None when it has none


def shapes(text: str, locs: Collection[tuple[str | int, ...]]) -> dict[Any, Shape]:
    """`spans`, with what an edit in place needs to know of each value besides: whether it
    is a mapping, a list or a scalar, written in flow style or not, and where its last value
    starts. The same documents only (ValueError for any other)."""
    if not C_PARSER:
        raise ValueError("the pure-Python parser: compose")
    import _ruamel_yaml

    wanted = set(locs)
    found: dict[Any, Shape] = {}
    parser = CParser(text)
    get = parser.get_event
    try:
        with light.light_events(_ruamel_yaml):
            _walk_shapes(get, wanted, found)
    except YAMLError as error:
        raise ValueError(str(error)) from None
    return found


def _walk_shapes(get: Callable[[], Any], wanted: set[Any], found: dict[Any, Shape]) -> None:
    # Each open collection: [is a mapping, flow style, its path, its start, the next key
    # (a mapping) or item number (a list), whether a key comes next, where its last value
    # started].
    open_: list[list[Any]] = []
    last_end: Point = (0, 0)  # the end of the last scalar or flow collection read
    path: tuple[str | int, ...]
    if type(get()) is not light.StreamStart or type(get()) is not light.DocumentStart:
        raise ValueError("not one document")
    while True:
        event = get()
        kind = type(event)
        if kind is light.MappingEnd or kind is light.SequenceEnd:
            is_map, flow, path, start, count, _, last = open_.pop()
            if flow:
                last_end = (event.end_mark.line, event.end_mark.column)
            if path in wanted and path not in found:
                found[path] = Shape(
                    start,
                    last_end,
                    "mapping" if is_map else "list",
                    flow,
                    0 if is_map else count,
                    last,
                )
            continue
        if kind is light.DocumentEnd:
            break
        if kind is light.Alias or event.anchor is not None or event.ctag is not None:
            raise ValueError("an anchor, alias or tag: compose")
        if not open_:
            path = ()
            start = (event.start_mark.line, event.start_mark.column)
        else:
            parent = open_[-1]
            if parent[0]:  # a mapping: a key, then its value
                if parent[5]:
                    if kind is not light.Scalar:
                        raise ValueError("a key that is not text: compose")
                    parent[4], parent[5] = event.value, False
                    continue
                path, parent[5] = (*parent[2], parent[4]), True
            else:
                path = (*parent[2], parent[4])
                parent[4] += 1
            start = parent[6] = (event.start_mark.line, event.start_mark.column)
        if kind is light.Scalar:
            last_end = (event.end_mark.line, event.end_mark.column)
            if path in wanted and path not in found:
                found[path] = Shape(start, last_end, "scalar", False, 0, None)
        else:
            is_map = kind is light.MappingStart
            open_.append([is_map, bool(event.flow_style), path, start, 0, is_map, None])
    if type(get()) is not light.StreamEnd:
        raise ValueError("more than one document")


# What a YAML 1.1 reader (PyYAML and many others) takes for something other than text:
# booleans (yes, on), nulls, numbers (1e3, 0x1F, 12:30, sexagesimal) and dates.
_YAML11_NOT_TEXT = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|~|"
    r"[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?|"
    r"[-+]?0[xob][\da-fA-F_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|"
    r"[-+]?\.(?:inf|nan)|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$",
    re.IGNORECASE,
)


def scalar(value: str) -> str:
    """A YAML scalar for `value`: plain where every YAML reader reads it back as the same
    text, else quoted."""
    plain = value and value == value.strip() and not any(c in value for c in "\n\r\t")
    if plain and not _YAML11_NOT_TEXT.match(value):
        parsed = parse(f"k: {value}\n")
        if not parsed.findings and parsed.data == {"k": value}:
            return value
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)
