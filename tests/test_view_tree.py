"""The tree a view shows, in one walk: what the point in time and the language marks give
in turn, model for model."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from typing import Any

import pytest
from pydantic import BaseModel

from mirps_cli.loader import load_tree
from mirps_cli.model.common import LocalizedText
from mirps_cli.model.walk import updated
from mirps_cli.tree import Shown, Tree, showing
from mirps_cli.tree.as_of import tree_as_of
from mirps_cli.tree.localize import marked, text_fields
from mirps_cli.tree.view import tree_view
from tests.helpers import CASES, REPO, SHIPPED_PLANS


# The reference: the language walk on its own, as the views ran it after the point-in-time
# walk before the two became one (a plain, separate walk: any disagreement is a bug).
def _localized(value: Any, text_field: bool, lang: str) -> Any:
    if isinstance(value, str):
        return marked(value, lang) if text_field else value
    if isinstance(value, BaseModel) and not isinstance(value, LocalizedText):
        return _model_in(value, lang)
    if isinstance(value, list):
        items = [_localized(item, text_field, lang) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def _model_in(model: BaseModel, lang: str) -> BaseModel:
    changed = {}
    for name, text_field in text_fields(type(model)):
        old = getattr(model, name)
        new = _localized(old, text_field, lang)
        if new is not old:
            changed[name] = new
    return updated(model, changed) if changed else model


def tree_localized(tree: Tree, view_lang: str, shown: Shown | None) -> Tree:
    files = []
    for plan in tree.files:
        if (shown is not None and not shown(plan)) or plan.model is None:
            files.append(plan)
            continue
        lang = plan.model.language
        model = plan.model if lang in (None, view_lang) else _model_in(plan.model, lang)
        files.append(plan if model is plan.model else plan.with_model(model))
    return replace(tree, files=files)


def _dumped(tree: Tree) -> list[str | None]:
    return [plan.model.model_dump_json() if plan.model is not None else None for plan in tree.files]


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> list[Tree]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate  # type: ignore[import-not-found]

    generated = generate(300, tmp_path_factory.mktemp("gen") / "plans", seed=11)
    roots = [SHIPPED_PLANS, CASES / "valid" / "milestones-and-needs" / "plans", generated]
    return [load_tree(root, use_cache=False)[0] for root in roots]


@pytest.mark.parametrize("day", ["2018-06-30", "2020-12-31", "2022-12-31", "2026-12-02"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_one_walk_gives_the_point_in_time_then_the_language(
    trees: list[Tree], day: str, lang: str
) -> None:
    when = dt.date.fromisoformat(day)
    marked = 0
    for tree in trees:
        for shown in (None, showing(("national",)), showing(country="HN")):
            expected = tree_localized(tree_as_of(tree, when, shown), lang, shown)
            got = tree_view(tree, when, lang, shown)
            assert _dumped(got) == _dumped(expected)
            # A plan nothing changes stays the very same object, as the two walks leave it.
            for plan, before, after in zip(tree.files, expected.files, got.files, strict=True):
                assert (after.model is plan.model) == (before.model is plan.model)
                marked += after.model is not plan.model
    # The plans are written in English: a Spanish view marks their text (and so copies).
    assert marked > 0 or lang == "en"


def test_a_plan_in_the_views_language_is_only_brought_to_the_day(trees: list[Tree]) -> None:
    shipped = trees[0]
    day = dt.date(2019, 12, 31)
    got = tree_view(shipped, day, "en")
    assert _dumped(got) == _dumped(tree_as_of(shipped, day))
    assert "[en]" not in "".join(d or "" for d in _dumped(got))


def test_plain_text_is_marked_with_its_plans_language(trees: list[Tree]) -> None:
    shipped = trees[0]
    plain = [
        (c.id, c.title)
        for _, plan in shipped.national_plans()
        for c in plan.commitments
        if isinstance(c.title, str)
    ]
    assert plain, "the shipped plans have plain titles, written in English"
    got = tree_view(shipped, dt.date(2026, 12, 2), "es")
    for ident, title in plain:
        shown = got.commitment(ident)[1].title
        assert not isinstance(shown, str) and (shown.en, shown.es) == (title, None)
