"""A plan file's text with translations written into it, everything else byte for byte.

Each text's node comes from the parser's marks: a plain `title: X` becomes
`title: {en: X, es: Y}`, a `{en: X}` gains its other language the same way; a text written
as a block scalar or a block mapping is replaced by the same flow mapping, on its own line.
What cannot be written that way (an alias) is refused with its reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from mirps_cli.errors import UpdateRefused
from mirps_cli.update.text import node_at, parser_lines
from mirps_cli.yaml import (
    MappingNode,
    Node,
    Point,
    SequenceNode,
    compose,
    scalar,
    spans,
)

Loc = Sequence[str | int]

# What a plain scalar cannot hold inside a flow mapping.
_FLOW = re.compile(r"[,\[\]{}#]|: |:$")


def flow_text(en: str | None, es: str | None) -> str:
    """{en: ..., es: ...} as one line, each text plain where it can be."""
    parts = []
    for key, value in (("en", en), ("es", es)):
        if value is not None:
            parts.append(f"{key}: {_flow_scalar(value)}")
    return "{" + ", ".join(parts) + "}"


# Words, spaces and the punctuation of prose that no YAML reader takes for anything but text
# inside a flow mapping: checked by a pattern, where most texts fall, before the parser is
# asked (yaml.scalar parses each text, a tenth of a millisecond that 40,000 texts feel).
_PLAIN_PROSE = re.compile(r"[^\W\d_][\w .()'’/–\-]*[\w.)’']", re.UNICODE)
_WORDS_11 = re.compile(r"(?i)(y|n|yes|no|on|off|true|false|null)")


def _flow_scalar(value: str) -> str:
    if _PLAIN_PROSE.fullmatch(value) and not _WORDS_11.fullmatch(value):
        return value
    written = scalar(value)
    if written == value and _FLOW.search(value):
        written = json.dumps(value, ensure_ascii=False)
    return written


def _end(node: Node) -> tuple[int, int]:
    """Where a node's own text ends (0-based line, column): a block collection's end mark
    lies past comments at the next token, so its last child is followed instead."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.line, node.end_mark.column


def with_translations(
    text: str, changes: Sequence[tuple[Loc, str | None, str | None]]
) -> tuple[str, list[tuple[int, int]]]:
    """The text with each text at `loc` written as {en, es}; and the old lines each change
    replaced (0-based, first and last), each now one line, for the diff."""
    lines = parser_lines(text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    marks = _marks(text, [tuple(loc) for loc, _, _ in changes])
    spans = []
    for loc, en, es in changes:
        (start_line, start_column), (end_line, end_column) = marks[tuple(loc)]
        start = starts[start_line] + start_column
        end = starts[end_line] + end_column
        replacement = flow_text(en, es)
        if end_column == 0 and end > start:  # a block scalar ends at the next line's start
            newline = "\r\n" if text[:end].endswith("\r\n") else text[end - 1]
            replacement += newline
        spans.append((start, end, replacement))
    # Joined once from the pieces between the spans: a string rebuilt at every span would
    # copy the file once per translation.
    pieces = []
    at = 0
    regions: list[tuple[int, int]] = []
    for start, end, replacement in sorted(spans):
        pieces += [text[at:start], replacement]
        at = end
        first = _line_of(starts, start)
        last = _line_of(starts, end - 1) if end > start else first
        if regions and first <= regions[-1][1]:  # two texts on one line (a flow list)
            regions[-1] = (regions[-1][0], max(last, regions[-1][1]))
        else:
            regions.append((first, last))
    pieces.append(text[at:])
    return "".join(pieces), regions


def _marks(text: str, locs: list[tuple[str | int, ...]]) -> dict[Any, tuple[Point, Point]]:
    """Where each text at `locs` starts and ends (0-based line and column): from the parser's
    events in a plain document, else from its node tree, which also says which texts are
    written elsewhere (an alias) and cannot be translated in place."""
    try:
        found = spans(text, locs)
    except ValueError:
        found = {}
    if len(found) == len(set(locs)):
        return found
    root = compose(text)
    assert root is not None
    for loc in locs:
        node = node_at(root, loc)
        if node.anchor is not None or _is_alias(node, root, loc):
            raise UpdateRefused(
                f"the text at {' › '.join(map(str, loc))} is an alias (*name) or an anchor "
                "(&name); write it out in full to translate it with mirps",
                f"el texto en {' › '.join(map(str, loc))} es un alias (*nombre) o un ancla "
                "(&nombre); escríbalo completo para traducirlo con mirps",
            )
        found[loc] = ((node.start_mark.line, node.start_mark.column), _end(node))
    return found


def _line_of(starts: list[int], offset: int) -> int:
    """The 0-based line that holds character `offset`."""
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def _is_alias(node: Node, root: Node, loc: Loc) -> bool:
    """Whether the node was reached through an alias: it is written elsewhere."""
    parent = node_at(root, loc[:-1]) if loc else root
    return bool(
        node.start_mark.index < parent.start_mark.index
        or (
            isinstance(parent, MappingNode | SequenceNode)
            and not parent.flow_style
            and node.start_mark.line < parent.start_mark.line
        )
    )
