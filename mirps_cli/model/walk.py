"""For walks over a whole plan that change some of its models (a point in time, a language):
which fields of a model can lead to a kind of model, worked out once per model type, so that
a walk enters only the fields that can hold what it changes; a lean copy of a model with
some fields changed, since a walk over 10,000 commitments makes tens of thousands; and one
shared set of given fields per content for the models a file holds."""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

Wanted = Callable[[type[BaseModel]], bool]
M = TypeVar("M", bound=BaseModel)
Place = tuple[str | int, ...]  # ("commitments", 3, "status_history"): fields and items
Change = Callable[[Any], Any]  # a value's dump to its new dump


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


def updated(model: M, changed: dict[str, Any]) -> M:
    """`model.model_copy(update=changed)` for the plans' models, which have no extra fields
    and no private attributes, without its general steps (about 3x faster). Like it, the
    changed values are not validated: they come from the model itself."""
    copied = model.__class__.__new__(model.__class__)
    put = object.__setattr__  # the models are frozen
    put(copied, "__dict__", {**model.__dict__, **changed})
    put(copied, "__pydantic_extra__", None)
    given = model.__pydantic_fields_set__
    # The same fields given: the same (shared, never changed) set, not a new one per copy.
    put(
        copied,
        "__pydantic_fields_set__",
        given if given >= changed.keys() else given | changed.keys(),
    )
    put(copied, "__pydantic_private__", None)
    return copied


# Every model keeps the set of the fields it was given (pydantic's fields set): 83,000
# models at 10,000 commitments, about 30 MB of sets, of some 30 different contents. Each
# model is given the one set of its contents instead (see `share_fields_sets`). A set, not
# a frozenset: pydantic's serializer takes nothing else. Nothing adds to it: the models are
# frozen, and a copy that gives more fields (`updated`, Strict.model_copy) makes a new one.
_SHARED: dict[frozenset[str], set[str]] = {}


@cache
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold models."""
    return tuple(
        name for name, field in model.model_fields.items() if leads_to(field.annotation, _any_model)
    )


def _any_model(model: type[BaseModel]) -> bool:
    return True


def share_fields_sets(model: BaseModel) -> None:
    """Give `model` and every model inside it one shared fields set per content (about
    30 MB less at 10,000 commitments, and smaller cache entries)."""
    stack: list[Any] = [model]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            own = item.__pydantic_fields_set__
            shared = _SHARED.setdefault(frozenset(own), own)
            object.__setattr__(item, "__pydantic_fields_set__", shared)
            stack.extend(getattr(item, name) for name in _model_fields(type(item)))
        elif isinstance(item, list):
            stack.extend(item)


def rebuilt(model: M, changes: Sequence[tuple[Place, Change]]) -> M:
    """`model` with the value at each place changed, as validating its dump with those
    changes would give it: the nearest model around each place (a commitment, a milestone)
    is dumped, changed and validated anew, and put in place along its path by copies; the
    rest is the model's own objects. An edit's safety net compares the file it wrote with
    this: a whole national plan dumped and validated again cost 25 MB and a tenth of a
    second at 10,000 commitments, for a thousand entries."""
    owners: dict[Place, list[tuple[Place, Change]]] = {}
    for place, change in changes:
        owner = _owner(model, place)
        owners.setdefault(place[:owner], []).append((place[owner:], change))
    # The outer models first: one changed inside them later is taken from the new outer.
    for at in sorted(owners, key=len):
        item = _value_at(model, at)
        assert isinstance(item, BaseModel)
        data = item.model_dump()
        for rest, change in owners[at]:
            parent: Any = data
            for step in rest[:-1]:
                parent = parent[step]
            parent[rest[-1]] = change(parent[rest[-1]])
        model = _put(model, at, type(item).model_validate(data))
    return model


def _owner(model: BaseModel, place: Place) -> int:
    """How long the path to the nearest model holding `place` is (not `place` itself)."""
    found = 0
    item: Any = model
    for depth, step in enumerate(place[:-1], start=1):
        item = item[step] if isinstance(step, int) else getattr(item, step)
        if isinstance(item, BaseModel):
            found = depth
    return found


def _value_at(model: BaseModel, place: Place) -> Any:
    item: Any = model
    for step in place:
        item = item[step] if isinstance(step, int) else getattr(item, step)
    return item


def _put(item: Any, place: Place, new: BaseModel) -> Any:
    if not place:
        return new
    step, rest = place[0], place[1:]
    if isinstance(step, int):
        items = list(item)
        items[step] = _put(items[step], rest, new)
        return type(item)(items)
    return updated(item, {step: _put(getattr(item, step), rest, new)})
