"""`mirps export` as JSON text, written a plan at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import to_json


def render(sections: Iterable[tuple[str, Iterable[dict[str, Any]]]]) -> Iterator[str]:
    """The text json.dumps(..., ensure_ascii=False, indent=2) gives for {key: [plan, ...]},
    in pieces: one plan's data is serialized (by pydantic's serializer, about six times
    faster than json.dumps with indent) and let go before the next is made."""
    yield "{"
    for number, (key, plans) in enumerate(sections):
        yield f"{',' if number else ''}\n  {_text(key)}: ["
        count = 0
        for count, plan in enumerate(plans, 1):
            inner = to_json(plan, indent=2).decode().replace("\n", "\n    ")
            yield f"{',' if count > 1 else ''}\n    {inner}"
        yield "\n  ]" if count else "]"
    yield "\n}\n"


def _text(value: str) -> str:
    return to_json(value).decode()
