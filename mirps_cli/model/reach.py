"""Which fields of a model can lead to a kind of model: worked out once per model type, so
that a walk over a large plan (a point in time, a language) enters only the fields that can
hold what it changes, not every string of every item."""

from __future__ import annotations

import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel

Wanted = Callable[[type[BaseModel]], bool]


def model_types(annotation: Any) -> tuple[type[BaseModel], ...]:
    """The model classes a field's type names, through Annotated, unions and lists."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return (annotation,)
    return tuple(t for arg in typing.get_args(annotation) for t in model_types(arg))


@cache
def reaches(model: type[BaseModel], wanted: Wanted) -> bool:
    """Whether `model`, or a model anywhere inside it, is wanted."""
    return _reaches(model, wanted, frozenset())


def _reaches(model: type[BaseModel], wanted: Wanted, seen: frozenset[type]) -> bool:
    if wanted(model):
        return True
    inside = seen | {model}  # a model that holds itself is not walked twice
    return any(
        _reaches(t, wanted, inside)
        for field in model.model_fields.values()
        for t in model_types(field.annotation)
        if t not in inside
    )


def leads_to(annotation: Any, wanted: Wanted) -> bool:
    """Whether a field of this type can hold a wanted model, at any depth."""
    return any(reaches(t, wanted) for t in model_types(annotation))
