"""Walks over a plan: they enter only the fields that can lead to what they change, and
copy what they change as pydantic would."""

from __future__ import annotations

from pydantic import BaseModel

from mirps_cli.model import Commitment, NationalPlan, StatusEntry
from mirps_cli.model.common import LocalizedText
from mirps_cli.model.walk import leads_to, model_types, reaches, updated


def _is_status_entry(model: type[BaseModel]) -> bool:
    return issubclass(model, StatusEntry)


def test_a_plan_leads_to_its_status_entries_and_a_list_of_text_does_not() -> None:
    fields = NationalPlan.model_fields
    assert leads_to(fields["commitments"].annotation, _is_status_entry)
    assert not leads_to(Commitment.model_fields["sources"].annotation, _is_status_entry)
    assert model_types(Commitment.model_fields["title"].annotation) == (LocalizedText,)


class _Node(BaseModel):
    children: list[_Node] = []
    name: str = ""


def test_a_model_that_holds_itself_is_walked_once() -> None:
    assert not reaches(_Node, _is_status_entry)
    assert reaches(_Node, lambda m: m is _Node)


def test_an_updated_copy_is_what_pydantic_s_copy_gives() -> None:
    from mirps_cli.loader import load_tree
    from tests.helpers import SHIPPED_PLANS

    tree, _ = load_tree(SHIPPED_PLANS, use_cache=False)
    plan = tree.national_plans()[0][1]
    changed = {"commitments": plan.commitments[:1]}
    ours, theirs = updated(plan, changed), plan.model_copy(update=changed)
    assert ours == theirs and ours is not plan
    assert ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
    assert ours.model_dump() == theirs.model_dump()
    assert plan.commitments != ours.commitments  # the original is untouched


def test_a_marked_text_is_what_pydantic_builds() -> None:
    from mirps_cli.tree.localize import marked

    for lang in ("en", "es"):
        ours, theirs = (
            marked("Ley de desplazamiento", lang),
            LocalizedText(**{lang: "Ley de desplazamiento"}),
        )
        assert ours == theirs and ours.model_dump() == theirs.model_dump()
        assert ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
        assert ours.model_dump_json(exclude_none=True) == theirs.model_dump_json(exclude_none=True)


def test_fields_sets_are_shared_and_copies_still_work() -> None:
    from mirps_cli.loader import load_tree
    from mirps_cli.model.walk import share_fields_sets
    from tests.helpers import SHIPPED_PLANS

    tree, _ = load_tree(SHIPPED_PLANS, use_cache=False)  # the loader shares them
    plans = [plan for _, plan in tree.national_plans()]
    firsts = [p.commitments[0] for p in plans if p.commitments]
    assert len({id(c.__pydantic_fields_set__) for c in firsts}) < len(firsts)
    shared = firsts[0].__pydantic_fields_set__
    plan = plans[0]
    before = plan.model_dump(exclude_unset=True)
    share_fields_sets(plan)  # twice is harmless
    assert plan.model_dump(exclude_unset=True) == before
    changed = plan.model_copy(update={"commitments": plan.commitments[:1]})
    assert changed.commitments == plan.commitments[:1] and plan.model_dump() != changed.model_dump()
    assert "commitments" in changed.model_fields_set
    assert changed.__pydantic_fields_set__ is not plan.__pydantic_fields_set__
    assert firsts[0].__pydantic_fields_set__ is shared and "id" in shared  # left as it was
    deep = plan.model_copy(deep=True, update={"commitments": []})
    assert deep.commitments == [] and deep.country == plan.country


def test_a_copy_with_the_same_fields_given_shares_their_set() -> None:
    from mirps_cli.loader import load_tree
    from mirps_cli.tree.localize import marked
    from tests.helpers import SHIPPED_PLANS

    tree, _ = load_tree(SHIPPED_PLANS, use_cache=False)
    plan = tree.national_plans()[0][1]
    same = updated(plan, {"commitments": plan.commitments[:1]})
    assert same.__pydantic_fields_set__ is plan.__pydantic_fields_set__
    other = updated(plan, {"language": "es"} if plan.language is None else {"figures": []})
    assert other.__pydantic_fields_set__ >= plan.__pydantic_fields_set__
    assert marked("a", "es").__pydantic_fields_set__ is marked("b", "es").__pydantic_fields_set__


def _dumped_and_validated(plan: BaseModel, changes: list[tuple[tuple[str | int, ...], object]]):
    """The way the edits' safety net built what a plan must be before `rebuilt`: the whole
    plan dumped, changed and validated again."""
    data = plan.model_dump()
    for place, value in changes:
        item = data
        for step in place[:-1]:
            item = item[step]
        item[place[-1]] = value(item[place[-1]]) if callable(value) else value
    return type(plan).model_validate(data)


def test_a_rebuilt_plan_is_the_plan_dumped_changed_and_validated_again() -> None:
    """Entries added to a commitment and to one of its milestones (in either order), an
    indicator's value, a text in both languages: the same plan as the whole dump gives,
    and every commitment left alone is the old plan's own object."""
    from mirps_cli.dates import PartialDate
    from mirps_cli.loader import load_tree
    from mirps_cli.model.walk import rebuilt
    from tests.helpers import SHIPPED_PLANS

    tree, _ = load_tree(SHIPPED_PLANS, use_cache=False)
    plan = next(p for _, p in tree.national_plans() if any(c.milestones for c in p.commitments))
    n = next(i for i, c in enumerate(plan.commitments) if c.milestones)
    entry = {"date": PartialDate(2026, 11, None), "status": "in_progress", "note": "Avance."}

    def appended(entries: object) -> list[object]:
        return [*(entries or []), entry]  # type: ignore[misc]

    changes: list[tuple[tuple[str | int, ...], object]] = [
        (("commitments", n, "milestones", 0, "status_history"), appended),
        (("commitments", n, "status_history"), appended),
        (("commitments", 0, "title"), {"en": "A title", "es": "Un título"}),
    ]
    with_indicator = [i for i, c in enumerate(plan.commitments) if c.indicators]
    if with_indicator:
        value = {"value": 12, "date": PartialDate(2026, 1, None)}
        changes.append(
            (
                ("commitments", with_indicator[0], "indicators", 0, "values"),
                lambda v: [*(v or []), value],
            )
        )
    as_rebuilt = rebuilt(
        plan,
        [(place, v if callable(v) else (lambda _, v=v: v)) for place, v in changes],
    )
    assert as_rebuilt == _dumped_and_validated(plan, changes)
    assert as_rebuilt != plan
    touched = {0, n, *with_indicator[:1]}
    for i, commitment in enumerate(as_rebuilt.commitments):
        assert (commitment is plan.commitments[i]) == (i not in touched)
    assert as_rebuilt.commitments[n].milestones[0].status_history[-1].note == "Avance."
    assert as_rebuilt.commitments[n].status_history[-1].note == "Avance."
    # The old plan is unchanged: its models are shared, never written into.
    old, new = plan.commitments[n], as_rebuilt.commitments[n]
    assert len(old.status_history) + 1 == len(new.status_history)
    assert len(old.milestones[0].status_history) + 1 == len(new.milestones[0].status_history)
