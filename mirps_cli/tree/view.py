"""The tree as a view shows it: as it stood on a day (as_of.py), with its plain text marked
in the language it is written in (localize.py). One walk over each plan does both, where
the two in turn walked every plan twice and copied many of its models twice (at 10,000
commitments, 0.75 s for the report's end of period).

`view_of` is the one way a command composes what it shows: which files, and which walk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from mirps_cli.dates import PartialDate
from mirps_cli.model.common import LocalizedText
from mirps_cli.model.walk import updated
from mirps_cli.tree import Shown, Tree, showing
from mirps_cli.tree.as_of import dated_fields, is_there, model_as_of, plan_version, tree_as_of
from mirps_cli.tree.localize import marked, text_fields

M = TypeVar("M", bound=BaseModel)


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool, bool], ...]:
    """Each field of a model that can hold text or a dated entry, at some depth: its name,
    whether it takes text itself, and whether it can hold a dated entry."""
    text = dict(text_fields(model))
    dated = set(dated_fields(model))
    return tuple(
        (name, text.get(name, False), name in dated)
        for name in model.model_fields
        if name in text or name in dated
    )


def _both(
    value: Any, text: bool, dated: bool, day: dt.date, version: PartialDate | None, lang: str
) -> Any:
    """The value as it stood on `day`, its plain text marked as `lang`: the very same object
    where nothing changed."""
    kind = type(value)
    if kind is str:
        return marked(value, lang) if text else value
    if kind is list:
        items = [
            _both(item, text, dated, day, version, lang)
            for item in value
            if not dated or is_there(item, day, version)
        ]
        same = len(items) == len(value) and all(a is b for a, b in zip(items, value, strict=True))
        return value if same else items
    if kind is not LocalizedText and isinstance(value, BaseModel):
        return _model_view(value, day, version, lang)
    return value


def _model_view(model: M, day: dt.date, version: PartialDate | None, lang: str) -> M:
    changed = {}
    for name, text, dated in _fields(type(model)):
        old = getattr(model, name)
        new = _both(old, text, dated, day, version, lang)
        if new is not old:
            changed[name] = new
    return updated(model, changed) if changed else model


def model_view(model: M, day: dt.date, version: PartialDate | None, lang: str | None) -> M:
    """`model_in(model_as_of(model, day, version), lang)`, in one walk; with `lang` None,
    nothing to mark, `model_as_of` alone."""
    if lang is None:
        return model_as_of(model, day, version)
    return _model_view(model, day, version, lang)


def tree_view(tree: Tree, day: dt.date, view_lang: str | None, shown: Shown | None = None) -> Tree:
    """`tree_localized(tree_as_of(tree, day, shown), view_lang, shown)`: each plan shown as
    it stood on `day`, and, when it says the language of its plain text and that is not the
    view's, with that text marked as written in it."""
    files = []
    for plan in tree.files:
        # Shown first: a file the view does not show keeps its model undecoded.
        if (shown is not None and not shown(plan)) or plan.model is None:
            files.append(plan)
            continue
        written = plan.model.language
        lang = None if written in (None, view_lang) else written
        model = model_view(plan.model, day, plan_version(plan.model), lang)
        files.append(plan.with_model(model))
    return replace(tree, files=files)


def view_of(
    tree: Tree,
    day: dt.date,
    lang: str | None,
    kinds: Collection[str] | None = None,
    country: str | None = None,
) -> Tree:
    """The tree a command shows on `day`: what is dated after it left out and, with `lang`,
    plain text marked with the language it is written in (lang None: dated only, as export
    wants its data). `kinds` (names from kinds.KINDS) limits that work to the files a command
    shows (timeline needs no national plan); with `country`, the tree holds no other
    country's plan at all (a country's status, a chapter drafted alone)."""
    alone = showing(country=country)
    if alone is not None:
        tree = replace(tree, files=[f for f in tree.files if alone(f)])
    shown = showing(kinds)
    return tree_as_of(tree, day, shown) if lang is None else tree_view(tree, day, lang, shown)
