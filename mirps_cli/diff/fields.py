"""Field-level comparison of two versions of one plan item, for `mirps diff`.

Items are compared as the JSON their models dump, so formatting, comments and the order
of keys never count. Lists of plain values (populations, sources, links) are sets: their
order means nothing. Lists that grow (status history, indicator values, requests for
support) are told apart: what was appended is listed as new entries, not as a changed list.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

# Lists whose new entries are news of their own: "new status entry", "new request for support".
GROWING = {
    "status_history": "status_entry",
    "values": "indicator_value",
    "support_requests": "request",
}
# Lists of items with ids, compared as entities of their own by diff/__init__.py, not as fields.
ENTITIES = {"milestones"}
LONG_TEXT = 60  # characters: longer texts are shown as a word-level change


@dataclass(frozen=True)
class FieldChange:
    path: tuple[str, ...]  # keys from the item down: ("indicators", "Asylum seekers", "target")
    old: Any  # as JSON; None where the field was absent
    new: Any


@dataclass(frozen=True)
class NewEntry:
    what: str  # "status_entry", "indicator_value", "request"
    path: tuple[str, ...]
    entry: dict[str, Any]


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _key(item: Any) -> str | None:
    """How an element of a list of mappings is matched: by id, else by name."""
    if isinstance(item, dict):
        for field in ("id", "name"):
            if isinstance(item.get(field), (str, int)):
                return str(item[field])
            if isinstance(item.get(field), dict):  # a name in both languages
                return canonical(item[field])
    return None


def compare(
    old: Any, new: Any, path: tuple[str, ...] = ()
) -> tuple[list[FieldChange], list[NewEntry]]:
    """The changes from `old` to `new` (dumped items), field by field."""
    if path and path[-1] in GROWING and old is None and isinstance(new, list):
        old = []  # an empty list is left out of a dump: the first entries are new too
    if canonical(old) == canonical(new):
        return [], []
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[FieldChange] = []
        entries: list[NewEntry] = []
        for key in sorted(set(old) | set(new)):
            if key in ENTITIES:
                continue
            more, news = compare(old.get(key), new.get(key), (*path, key))
            changes += more
            entries += news
        return changes, entries
    if isinstance(old, list) and isinstance(new, list):
        return _compare_lists(old, new, path)
    return [FieldChange(path, old, new)], []


def _compare_lists(
    old: list[Any], new: list[Any], path: tuple[str, ...]
) -> tuple[list[FieldChange], list[NewEntry]]:
    name = path[-1] if path else ""
    if name in GROWING and new[: len(old)] == old:
        return [], [NewEntry(GROWING[name], path, entry) for entry in new[len(old) :]]
    keys_old = [k for k in map(_key, old) if k is not None]
    keys_new = [k for k in map(_key, new) if k is not None]
    keyed = len(set(keys_old)) == len(old) and len(set(keys_new)) == len(new)
    if keyed:
        # Mappings with ids or names: matched by them, whatever their order.
        by_old = dict(zip(keys_old, old, strict=True))
        by_new = dict(zip(keys_new, new, strict=True))
        changes: list[FieldChange] = []
        entries: list[NewEntry] = []
        for key in sorted(set(by_old) | set(by_new)):
            label = key if not key.startswith("{") else json.loads(key).get("en") or key
            more, news = compare(by_old.get(key), by_new.get(key), (*path, str(label)))
            changes += more
            entries += news
        return changes, entries
    # Anything else: a set of values, their order meaningless.
    gone = [v for v in old if canonical(v) not in {canonical(n) for n in new}]
    came = [v for v in new if canonical(v) not in {canonical(o) for o in old}]
    if not gone and not came:
        return [], []
    return [FieldChange(path, gone or None, came or None)], []


def similarity(old: dict[str, Any], new: dict[str, Any]) -> float:
    """How alike two items are, their ids aside: 1.0 the same."""
    a, b = ({k: v for k, v in item.items() if k != "id"} for item in (old, new))
    return difflib.SequenceMatcher(None, canonical(a), canonical(b)).ratio()


def word_change(old: str, new: str) -> str:
    """ "… the [-old-] {+new+} words …": a long text's change, word by word."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            out.append(
                " ".join(words)
                if len(words) <= 6
                else f"{' '.join(words[:3])} … {' '.join(words[-3:])}"
            )
            continue
        if i2 > i1:
            out.append(f"[-{' '.join(a[i1:i2])}-]")
        if j2 > j1:
            out.append(f"{{+{' '.join(b[j1:j2])}+}}")
    return " ".join(out)


def is_long(value: Any) -> bool:
    return isinstance(value, str) and len(value) > LONG_TEXT
