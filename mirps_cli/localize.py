"""Plain plan text in the language it is written in, so that a view in the other language
marks it ([en]) instead of passing it off as a translation.

A plan says the language of its plain text (`language`); each plain string of a text
field then becomes {that language: the string} for the views. Text written {en, es}
is left as it is.
"""

from __future__ import annotations

import typing
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel

from mirps_cli.model.common import LocalizedText
from mirps_cli.tree import Tree

M = TypeVar("M", bound=BaseModel)


def _takes_text(annotation: Any) -> bool:
    """Whether a field's type admits LocalizedText (through Annotated, unions, lists)."""
    if annotation is LocalizedText:
        return True
    return any(_takes_text(arg) for arg in typing.get_args(annotation))


def _localized(value: Any, text_field: bool, lang: str) -> Any:
    if isinstance(value, str):
        return LocalizedText(**{lang: value}) if text_field else value
    if isinstance(value, BaseModel) and not isinstance(value, LocalizedText):
        return model_in(value, lang)
    if isinstance(value, list):
        return [_localized(item, text_field, lang) for item in value]
    return value


def model_in(model: M, lang: str) -> M:
    """A copy of `model` whose plain text is marked as written in `lang`."""
    changed = {}
    for name, field in type(model).model_fields.items():
        old = getattr(model, name)
        new = _localized(old, _takes_text(field.annotation), lang)
        if new != old:
            changed[name] = new
    return model.model_copy(update=changed) if changed else model


def tree_localized(tree: Tree) -> Tree:
    """Each plan with a `language` has its plain text marked as written in it."""
    files = []
    for plan in tree.files:
        lang = plan.model.language if plan.model is not None else None
        if plan.model is None or lang is None:
            files.append(plan)
        else:
            files.append(replace(plan, model=model_in(plan.model, lang)))
    return replace(tree, files=files)
