"""`mirps export` as JSON text, written a plan at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import to_json

from mirps_cli.export import Listed


def render(sections: Iterable[tuple[str, Iterable[dict[str, Any]]]]) -> Iterator[str]:
    """The text json.dumps(..., ensure_ascii=False, indent=2) gives for {key: [plan, ...]},
    in pieces: one plan's data is serialized (by pydantic's serializer, about six times
    faster than json.dumps with indent) and let go before the next is made."""
    yield "{"
    for number, (key, plans) in enumerate(sections):
        yield f"{',' if number else ''}\n  {_text(key)}: ["
        count = 0
        for count, plan in enumerate(plans, 1):
            yield f"{',' if count > 1 else ''}\n    "
            for piece in _plan(plan):
                yield piece.replace("\n", "\n    ")
        yield "\n  ]" if count else "]"
    yield "\n}\n"


# Stands for a long list in the plan's text until its items are written in its place.
_HOLE = "\x00mirps-list\x00"


def _plan(plan: dict[str, Any]) -> Iterator[str]:
    """A plan's text as to_json(plan, indent=2) gives it; a long list (export.Listed) written
    an item at a time, each dumped as it comes."""
    long = [key for key, value in plan.items() if isinstance(value, Listed)]
    if not long:
        yield to_json(plan, indent=2).decode()
        return
    text = to_json({k: _HOLE if k in long else v for k, v in plan.items()}, indent=2).decode()
    hole = _text(_HOLE)
    for key in long:
        before, text = text.split(hole, 1)
        yield before + "["
        # As serde_json's pretty printer lays out a list two levels in: items at four spaces.
        for n, item in enumerate(plan[key]):
            inner = to_json(item, indent=2).decode().replace("\n", "\n    ")
            yield f"{',' if n else ''}\n    {inner}"
        yield "\n  ]"
    yield text


def _text(value: str) -> str:
    return to_json(value).decode()
