"""`mirps export`: the whole validated tree as plain data, for other programs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mirps_cli.kinds import KINDS
from mirps_cli.model import NationalPlan
from mirps_cli.tree import PlanFile, TrackedRef, Tree


def exported(tree: Tree) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Each kind's key ("national_plans") with its plans as JSON-ready data, one plan at a
    time, and a national plan's commitments one at a time within it (`Listed`): a program's
    view of 10,000 commitments need not be held whole in memory to be written. Every tracked
    item carries its current "status"."""
    by_file: dict[int, list[TrackedRef]] = {}
    for ref in tree.tracked():
        by_file.setdefault(id(ref.file), []).append(ref)
    # Each kind's plans in a stable order: by file name (country code, presidency year).
    ordered = sorted((f for f in tree.files if f.model is not None), key=lambda f: f.path.stem)
    for kind in KINDS:
        mine = [f for f in ordered if f.kind is kind]
        yield kind.export_key, (_data(plan, by_file.get(id(plan), [])) for plan in mine)


class Listed:
    """A plan's long list, each item's data made as it is written (export_json.render):
    the largest national plan's data whole is some 30 MB at 10,000 commitments."""

    def __init__(self, items: Iterator[dict[str, Any]]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.items


# The list each kind's plans hold most of their data in.
_LONG: dict[type, str] = {NationalPlan: "commitments"}


def _data(plan: PlanFile, refs: list[TrackedRef]) -> dict[str, Any]:
    model = plan.model
    assert model is not None
    long = _LONG.get(type(model))
    items = getattr(model, long) if long else None
    if not long or not items:
        dumped = model.model_dump(mode="json", exclude_none=True)
        _statuses(dumped, refs)
        return dumped
    head = model.model_dump(mode="json", exclude_none=True, exclude={long})
    _statuses(head, [r for r in refs if r.loc[0] != long])
    inside: dict[int, list[TrackedRef]] = {}
    for ref in refs:
        if ref.loc[0] == long:
            inside.setdefault(int(ref.loc[1]), []).append(ref._replace(loc=ref.loc[2:]))

    def item(n: int, value: Any) -> dict[str, Any]:
        dumped: dict[str, Any] = value.model_dump(mode="json", exclude_none=True)
        _statuses(dumped, inside.get(n, []))
        return dumped

    listed = Listed(item(n, value) for n, value in enumerate(items))
    # In the model's order of fields, as model_dump gives them.
    return {
        name: listed if name == long else head[name]
        for name in type(model).model_fields
        if name == long or name in head
    }


def _statuses(dumped: dict[str, Any], refs: list[TrackedRef]) -> None:
    for ref in refs:
        node: Any = dumped
        for step in ref.loc:
            node = node[step]
        node["status"] = str(ref.item.status) if ref.item.status else None
