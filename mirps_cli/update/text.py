"""Where a new status entry goes in a plan file's text, and the text with it inserted.

The place comes from the parser's marks (where the item's history ends), so every other
byte stays as it was; what cannot be written that way (a flow list, an alias) is refused
with its reason.
"""

from __future__ import annotations

import re
from typing import Any

from mirps_cli.errors import UpdateRefused
from mirps_cli.loader.locate import Loc
from mirps_cli.yaml import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    compose,
    is_c_parser_active,
    scalar,
)

# Lines as the parser counts them, so a node's mark names the right one: libyaml (the C
# parser) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, as YAML 1.1
# did; the pure-Python parser follows YAML 1.2, where they are ordinary characters.
_LINES_12 = re.compile(r".*?(?:\r\n|\r|\n)|.+\Z", re.DOTALL)
_LINES_11 = re.compile(r".*?(?:\r\n|\r|\n|\x85|\u2028|\u2029)|.+\Z", re.DOTALL)


def _entry_lines(entry: dict[str, Any], dash: int, keys: int) -> list[str]:
    """The entry as lines, the dash at column `dash`, its keys at column `keys`."""
    first = " " * dash + "-" + " " * (keys - dash - 1)
    body = " " * keys
    lines = [f"{first}date: {entry['date']}"]
    if entry["reported"] is not None:
        lines.append(f"{body}reported: {entry['reported']}")
    lines.append(f"{body}recorded: {entry['recorded']}")
    if entry["reporter"] is not None:
        lines.append(f"{body}reporter: {entry['reporter'].value}")
    lines.append(f"{body}status: {entry['status'].value}")
    update = entry["update"]
    if update.note:
        lines.append(f"{body}note: {scalar(update.note)}")
    if update.sources:
        lines.append(f"{body}sources:")
        lines += [f"{body}  - {scalar(source)}" for source in update.sources]
    return lines


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


def _find_item(root: Node, loc: Loc) -> MappingNode:
    """The node of the tracked item at `loc` (("commitments", 3)) in a validated plan."""
    node = root
    for step in loc:
        if isinstance(step, int):
            assert isinstance(node, SequenceNode)
            node = node.value[step]
        else:
            assert isinstance(node, MappingNode)
            node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step)
    assert isinstance(node, MappingNode)
    return node


def _borrowed(node: Node, within: Node) -> bool:
    """Whether `node` is an alias: the parser gives the anchored node, written elsewhere."""
    return (
        node.start_mark.index < within.start_mark.index
        or node.end_mark.index > within.end_mark.index
        or (isinstance(within, SequenceNode) and any(node is n for n in within.value[:-1]))
    )


def splice(text: str, loc: Loc, entry: dict[str, Any]) -> tuple[str, int, int]:
    """The text with the entry inserted, and the first and last inserted line (1-based)."""
    lines = (_LINES_11 if is_c_parser_active() else _LINES_12).findall(text)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    root = compose(text)
    assert root is not None
    item = _find_item(root, loc)
    history = next(
        (
            value
            for key, value in item.value
            if isinstance(key, ScalarNode) and key.value == "status_history"
        ),
        None,
    )
    last_of = history.value[-1] if isinstance(history, SequenceNode) and history.value else None
    if history is not None and (
        _borrowed(history, item) or (last_of is not None and _borrowed(last_of, history))
    ):
        raise UpdateRefused(
            "the status history, or its last entry, is an alias (*name) of text written "
            "elsewhere in the file; write it out in full to update it with mirps",
            "el historial de estado, o su última entrada, es un alias (*nombre) de texto "
            "escrito en otra parte del archivo; escríbalo completo para actualizarlo con mirps",
        )
    if isinstance(history, SequenceNode) and history.value and not history.flow_style:
        last = history.value[-1]
        dash_line = lines[last.start_mark.line]
        dash = dash_line.rfind("-", 0, last.start_mark.column)
        new = _entry_lines(entry, dash, last.start_mark.column)
        at = _after(_last_end(history))
    elif history is None or (isinstance(history, SequenceNode) and not history.value):
        keys = item.value[0][0].start_mark.column
        written = _entry_lines(entry, keys + 2, keys + 4)
        if history is None:
            new = [" " * keys + "status_history:", *written]
            at = _after(_last_end(item))
        else:
            # "status_history: []" becomes a block list: the one changed line.
            row = history.start_mark.line
            start, end = history.start_mark.column, history.end_mark.column
            lines[row] = (lines[row][:start].rstrip() + lines[row][end:]).rstrip(" ")
            if not lines[row].endswith(("\n", "\r")):
                lines[row] += newline
            new, at = written, row + 1
    else:
        raise UpdateRefused(
            "status_history is written as a flow list [ ... ]; write it as a block list "
            "(one '- ' item per entry) to update it with mirps",
            "status_history está escrito como lista en línea [ ... ]; escríbalo como lista "
            "en bloque (un elemento '- ' por entrada) para actualizarlo con mirps",
        )
    if at > 0 and at == len(lines) and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    block = [line + newline for line in new]
    lines[at:at] = block
    # Told in the lines an editor shows, which end at line feeds and carriage returns only.
    first = len(_LINES_12.findall("".join(lines[:at]))) + 1
    return "".join(lines), first, first + len(block) - 1
