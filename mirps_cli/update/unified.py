"""The unified diff of an edit that adds lines at known places (`--dry-run`).

difflib finds an edit by matching the two texts, which takes minutes on a plan of thousands
of commitments with a thousand entries added (its matching grows with the file times the
places changed). Here the added lines are known: the two texts are walked once, and the
hunks are grouped and written as difflib writes them, so the output is the same.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

Opcode = tuple[str, int, int, int, int]


class _Known(difflib.SequenceMatcher[str]):
    """A matcher whose opcodes are given: difflib's own grouping into hunks, reused."""

    def __init__(self, opcodes: list[Opcode]) -> None:
        self._known = opcodes

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return self._known


def edit_opcodes(old: Sequence[str], new: Sequence[str], added: set[int]) -> list[Opcode]:
    """The edit from `old` to `new`, where the lines of `new` at `added` (0-based) are
    inserted and any other line that differs replaces its old line."""
    found: list[Opcode] = []

    def push(tag: str, i: int, j: int, di: int, dj: int) -> None:
        if found and found[-1][0] == tag and found[-1][2] == i and found[-1][4] == j:
            last = found[-1]
            found[-1] = (tag, last[1], i + di, last[3], j + dj)
        else:
            found.append((tag, i, i + di, j, j + dj))

    i = j = 0
    while i < len(old) or j < len(new):
        if j < len(new) and (j in added or i >= len(old)):
            push("insert", i, j, 0, 1)
            j += 1
        elif j >= len(new):
            push("delete", i, j, 1, 0)
            i += 1
        elif old[i] == new[j]:
            push("equal", i, j, 1, 1)
            i, j = i + 1, j + 1
        else:
            push("replace", i, j, 1, 1)
            i, j = i + 1, j + 1
    return found


def _range(start: int, stop: int) -> str:
    """A hunk's range as difflib writes it: "3,4", "3" for one line, "2,0" for none."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return str(beginning)
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def unified(
    old: Sequence[str],
    new: Sequence[str],
    added: set[int],
    name: str,
    context: int = 3,
    opcodes: list[Opcode] | None = None,
) -> Iterator[str]:
    """The lines of the unified diff, as difflib.unified_diff(old, new, name, name) gives;
    from `opcodes` where the caller knows them, else from the added lines."""
    started = False
    known = opcodes if opcodes is not None else edit_opcodes(old, new, added)
    for group in _Known(known).get_grouped_opcodes(context):
        if not started:
            started = True
            yield f"--- {name}\n"
            yield f"+++ {name}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in old[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in old[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in new[j1:j2])
