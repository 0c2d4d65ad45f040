"""Where a new status entry goes in a plan file's text, and the text with it inserted.

The place comes from the parser's marks (where the item's history ends), so every other
byte stays as it was; what cannot be written that way (a flow list, an alias) is refused
with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from mirps_cli.errors import UpdateRefused
from mirps_cli.loader.locate import Loc
from mirps_cli.yaml import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    Shape,
    compose,
    is_c_parser_active,
    scalar,
    shapes,
)

# An entry's keys and values, in the order they are written.
Fields = Sequence[tuple[str, object]]

# Lines as the parser counts them, so a node's mark names the right one: libyaml (the C
# parser) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, as YAML 1.1
# did; the pure-Python parser follows YAML 1.2, where they are ordinary characters.
_LINES_12 = re.compile(r".*?(?:\r\n|\r|\n)|.+\Z", re.DOTALL)
_LINES_11 = re.compile(r".*?(?:\r\n|\r|\n|\x85|\u2028|\u2029)|.+\Z", re.DOTALL)


def _entry_lines(entry: dict[str, Any], dash: int, keys: int) -> list[str]:
    """A `mirps update` entry as lines, the dash at column `dash`, its keys at column `keys`."""
    update = entry["update"]
    return _lines(
        (
            ("date", entry["date"]),
            ("reported", entry["reported"]),
            ("recorded", entry["recorded"]),
            ("reporter", entry["reporter"]),
            ("status", entry["status"]),
            ("note", update.note),
            ("sources", tuple(update.sources)),
        ),
        dash,
        keys,
    )


def _lines(fields: Fields, dash: int, keys: int) -> list[str]:
    """An entry's fields as lines (None and empty lists left out), the dash at column
    `dash`, its keys at column `keys`."""
    first = " " * dash + "-" + " " * (keys - dash - 1)
    body = " " * keys
    lines: list[str] = []
    for key, value in fields:
        if value is None or value == ():
            continue
        lead = body if lines else first
        if isinstance(value, tuple):
            lines.append(f"{lead}{key}:")
            lines += [f"{body}  - {_written(item)}" for item in value]
        else:
            lines.append(f"{lead}{key}: {_written(value)}")
    return lines


def _written(value: object) -> str:
    """A scalar as the plan writes it: a date or a status as itself, text quoted if need be."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, str):
        return scalar(value)
    if isinstance(value, int | float):
        return repr(value)
    return str(value)  # a PartialDate


def _last_end(node: Node) -> tuple[int, int]:
    """(line, column) where the text of `node` ends, 0-based.

    A block collection's own end mark lies at the next token, past comments and
    blank lines, so its last child is followed instead; a flow collection ends
    at its closing bracket, which may stand on a line of its own.
    """
    while True:
        if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style:
            return node.end_mark.line, node.end_mark.column
        if isinstance(node, MappingNode) and node.value:
            node = node.value[-1][1]
        elif isinstance(node, SequenceNode) and node.value:
            node = node.value[-1]
        else:
            return node.end_mark.line, node.end_mark.column


def _after(end: tuple[int, int]) -> int:
    """The index of the line on which text following `end` starts."""
    line, column = end
    return line + 1 if column > 0 else line


def node_at(root: Node, loc: Loc) -> Node:
    """The node at `loc` (("commitments", 3, "title")) in a validated plan's node tree."""
    node = root
    for step in loc:
        if isinstance(step, int):
            assert isinstance(node, SequenceNode)
            node = node.value[step]
        else:
            assert isinstance(node, MappingNode)
            node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step)
    return node


def _find_item(root: Node, loc: Loc) -> MappingNode:
    """The node of the tracked item at `loc` (("commitments", 3)) in a validated plan."""
    node = node_at(root, loc)
    assert isinstance(node, MappingNode)
    return node


def parser_lines(text: str) -> list[str]:
    """The text's lines as the active parser counts them, so that a mark's line is an index."""
    return (_LINES_11 if is_c_parser_active() else _LINES_12).findall(text)


def editor_lines(text: str) -> list[str]:
    """The text's lines as an editor shows them: ended by line feeds and carriage returns."""
    return _LINES_12.findall(text)


def _borrowed(node: Node, within: Node) -> bool:
    """Whether `node` is an alias: the parser gives the anchored node, written elsewhere."""
    return (
        node.start_mark.index < within.start_mark.index
        or node.end_mark.index > within.end_mark.index
        or (isinstance(within, SequenceNode) and any(node is n for n in within.value[:-1]))
    )


def splice(text: str, loc: Loc, entry: dict[str, Any]) -> tuple[str, int, int]:
    """The text with a `mirps update` entry inserted, and the first and last inserted line
    (1-based)."""
    new, spans = _insert(text, [(loc, "status_history", [lambda d, k: _entry_lines(entry, d, k)])])
    return new, *spans[0]


def splice_many(text: str, additions: Sequence[Addition]) -> tuple[str, list[tuple[int, int]]]:
    """The text with every addition inserted, each at the end of its list (those to one list
    in their order), from one parse; and the lines each list's new entries took (1-based),
    in the order the lists were first named."""
    groups: dict[tuple[Loc, str], list[Render]] = {}
    for addition in additions:
        groups.setdefault((addition.loc, addition.key), []).append(_render(addition.fields))
    return _insert(text, [(loc, key, renders) for (loc, key), renders in groups.items()])


def _render(fields: Fields) -> Render:
    return lambda dash, keys: _lines(fields, dash, keys)


class Addition(NamedTuple):
    """An entry to add at the end of the list `key` of the item at `loc`."""

    loc: Loc
    key: str  # "status_history", "values"
    fields: Fields


# An entry's lines, given the column of its dash and of its keys.
Render = Callable[[int, int], list[str]]


def _insert(
    text: str, groups: Sequence[tuple[Loc, str, Sequence[Render]]]
) -> tuple[str, list[tuple[int, int]]]:
    lines = parser_lines(text)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    places = _places_from_events(text, lines, groups, newline)
    if places is None:
        root = compose(text)
        assert root is not None
        places = [_place(lines, root, loc, key, renders, newline) for loc, key, renders in groups]
    # From the bottom up, so that each place's line index still holds when it is used.
    order = sorted(range(len(places)), key=lambda n: places[n][0], reverse=True)
    blocks: dict[int, list[str]] = {}
    for n in order:
        at, new, changed = places[n]
        if changed is not None:
            lines[changed[0]] = changed[1]
        if at > 0 and at == len(lines) and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        blocks[n] = [line + newline for line in new]
        lines[at:at] = blocks[n]
    # Told in the lines an editor shows, which end at line feeds and carriage returns only:
    # where the parser counts other breaks too, each place is counted again.
    recount = is_c_parser_active() and any(c in text for c in "\x85\u2028\u2029")
    # Each place moves down by the lines inserted above it: a running sum in line order (a
    # sheet import adds a thousand entries, and a sum per place over all the others was
    # half a million steps).
    above: dict[int, int] = {}
    inserted = 0
    for n in order[::-1]:
        at = places[n][0]
        above.setdefault(at, inserted)
        inserted += len(blocks[n])
    spans = []
    for n, (at, _new, _changed) in enumerate(places):
        final = at + above[at]
        first = len(editor_lines("".join(lines[:final]))) + 1 if recount else final + 1
        spans.append((first, first + len(blocks[n]) - 1))
    return "".join(lines), spans


Place = tuple[int, list[str], tuple[int, str] | None]


def _places_from_events(
    text: str, lines: list[str], groups: Sequence[tuple[Loc, str, Sequence[Render]]], newline: str
) -> list[Place] | None:
    """Each group's place (`_place`), from the parser's events (yaml.shapes) rather than a
    node tree: at 10,000 commitments composing a national plan's nodes cost half a second
    and 80 MB. None for a document the events do not tell (an alias, a tag, a flow-style
    item): the caller composes it, and `_place` says what is wrong, if anything."""
    wanted = [w for loc, key, _ in groups for w in (tuple(loc), (*loc, key))]
    try:
        found = shapes(text, wanted)
    except ValueError:
        return None
    places = []
    for loc, key, renders in groups:
        item = found.get(tuple(loc))
        if item is None or item.kind != "mapping" or item.flow:
            return None
        places.append(_shaped_place(lines, item, found.get((*loc, key)), key, renders, newline))
    return places


def _shaped_place(
    lines: list[str],
    item: Shape,
    history: Shape | None,
    key: str,
    renders: Sequence[Render],
    newline: str,
) -> Place:
    """`_place`, told by shapes: the same places, lines and changed line."""
    if history is not None and history.kind == "list" and history.items and not history.flow:
        assert history.last is not None
        row, column = history.last  # where the last entry's first key is
        dash = lines[row].rfind("-", 0, column)
        new = [line for render in renders for line in render(dash, column)]
        return _after(history.end), new, None
    if history is None or (history.kind == "list" and not history.items):
        keys = item.start[1]  # a block mapping starts at its first key
        written = [line for render in renders for line in render(keys + 2, keys + 4)]
        if history is None:
            return _after(item.end), [" " * keys + f"{key}:", *written], None
        row = history.start[0]
        start, end = history.start[1], history.end[1]
        changed = (lines[row][:start].rstrip() + lines[row][end:]).rstrip(" ")
        if not changed.endswith(("\n", "\r")):
            changed += newline
        return row + 1, written, (row, changed)
    raise _flow_list(key)


def _flow_list(key: str) -> UpdateRefused:
    return UpdateRefused(
        f"{key} is written as a flow list [ ... ]; write it as a block list "
        "(one '- ' item per entry) to update it with mirps",
        f"{key} está escrito como lista en línea [ ... ]; escríbalo como lista "
        "en bloque (un elemento '- ' por entrada) para actualizarlo con mirps",
    )


def _place(
    lines: list[str], root: Node, loc: Loc, key: str, renders: Sequence[Render], newline: str
) -> Place:
    """Where the new entries of the list `key` go (a line index), their lines, and the one
    line that changes (its index and new text) where `key: []` becomes a block list."""
    item = _find_item(root, loc)
    history = next(
        (value for k, value in item.value if isinstance(k, ScalarNode) and k.value == key),
        None,
    )
    last_of = history.value[-1] if isinstance(history, SequenceNode) and history.value else None
    if history is not None and (
        _borrowed(history, item) or (last_of is not None and _borrowed(last_of, history))
    ):
        raise UpdateRefused(
            f"the list {key}, or its last entry, is an alias (*name) of text written "
            "elsewhere in the file; write it out in full to update it with mirps",
            f"la lista {key}, o su última entrada, es un alias (*nombre) de texto "
            "escrito en otra parte del archivo; escríbala completa para actualizarla con mirps",
        )
    if isinstance(history, SequenceNode) and history.value and not history.flow_style:
        last = history.value[-1]
        dash_line = lines[last.start_mark.line]
        dash = dash_line.rfind("-", 0, last.start_mark.column)
        new = [line for render in renders for line in render(dash, last.start_mark.column)]
        return _after(_last_end(history)), new, None
    if history is None or (isinstance(history, SequenceNode) and not history.value):
        keys = item.value[0][0].start_mark.column
        written = [line for render in renders for line in render(keys + 2, keys + 4)]
        if history is None:
            return _after(_last_end(item)), [" " * keys + f"{key}:", *written], None
        # "key: []" becomes a block list: the one changed line.
        row = history.start_mark.line
        start, end = history.start_mark.column, history.end_mark.column
        changed = (lines[row][:start].rstrip() + lines[row][end:]).rstrip(" ")
        if not changed.endswith(("\n", "\r")):
            changed += newline
        return row + 1, written, (row, changed)
    raise _flow_list(key)
