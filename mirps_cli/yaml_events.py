"""Light events for the C parser, while mirps builds a plain document from them (yaml.py).

ruamel's C parser makes each event by calling the event class its module names (ScalarEvent,
MappingStartEvent...), whose constructors keep comments and check their arguments in Python:
a third of reading a large plan went into them. While a document is read, the module names
these classes instead, which keep only what mirps reads, and the names are given back after.
The C parser passes its arguments by position, as these constructors take them; should a
later version pass others, the constructor fails and the document is read through the nodes
as any other (yaml.py), the same result more slowly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


class Scalar:
    __slots__ = ("anchor", "ctag", "end_mark", "implicit", "start_mark", "style", "value")

    def __init__(
        self,
        anchor: Any,
        tag: Any,
        implicit: Any,
        value: Any,
        start_mark: Any = None,
        end_mark: Any = None,
        style: Any = None,
    ) -> None:
        self.anchor = anchor
        self.ctag = tag
        self.implicit = implicit
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style


class _Start:
    __slots__ = ("anchor", "ctag", "flow_style", "start_mark")

    def __init__(
        self,
        anchor: Any,
        tag: Any,
        implicit: Any,
        start_mark: Any = None,
        end_mark: Any = None,
        flow_style: Any = None,
    ) -> None:
        self.anchor = anchor
        self.ctag = tag
        self.start_mark = start_mark
        self.flow_style = flow_style


class MappingStart(_Start):
    __slots__ = ()


class SequenceStart(_Start):
    __slots__ = ()


class Alias:
    __slots__ = ("anchor", "start_mark")

    def __init__(self, anchor: Any, start_mark: Any = None, end_mark: Any = None) -> None:
        self.anchor = anchor
        self.start_mark = start_mark


class _Mark:
    """An event that only marks a place: an end, the stream's or a document's start."""

    __slots__ = ("end_mark", "start_mark")
    anchor = None

    def __init__(self, start_mark: Any = None, end_mark: Any = None, *rest: Any) -> None:
        self.start_mark = start_mark
        self.end_mark = end_mark


class MappingEnd(_Mark):
    __slots__ = ()


class SequenceEnd(_Mark):
    __slots__ = ()


class StreamStart(_Mark):
    __slots__ = ()


class StreamEnd(_Mark):
    __slots__ = ()


class DocumentStart(_Mark):
    __slots__ = ()


class DocumentEnd(_Mark):
    __slots__ = ()


LIGHT: dict[str, type] = {
    "ScalarEvent": Scalar,
    "MappingStartEvent": MappingStart,
    "SequenceStartEvent": SequenceStart,
    "AliasEvent": Alias,
    "MappingEndEvent": MappingEnd,
    "SequenceEndEvent": SequenceEnd,
    "StreamStartEvent": StreamStart,
    "StreamEndEvent": StreamEnd,
    "DocumentStartEvent": DocumentStart,
    "DocumentEndEvent": DocumentEnd,
}


@contextmanager
def light_events(module: ModuleType) -> Iterator[None]:
    """The C parser's module makes light events until the block ends."""
    saved = {name: getattr(module, name) for name in LIGHT}
    try:
        for name, light in LIGHT.items():
            setattr(module, name, light)
        yield
    finally:
        for name, event in saved.items():
            setattr(module, name, event)
