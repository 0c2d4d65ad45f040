"""`mirps export`: the whole validated tree as plain data, for other programs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mirps_cli.kinds import KINDS
from mirps_cli.tree import PlanFile, TrackedRef, Tree


def exported(tree: Tree) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Each kind's key ("national_plans") with its plans as JSON-ready data, one plan at a
    time (a program's view of 10,000 commitments need not be held whole in memory to be
    written); every tracked item carries its current "status"."""
    by_file: dict[int, list[TrackedRef]] = {}
    for ref in tree.tracked():
        by_file.setdefault(id(ref.file), []).append(ref)
    # Each kind's plans in a stable order: by file name (country code, presidency year).
    ordered = sorted((f for f in tree.files if f.model is not None), key=lambda f: f.path.stem)
    for kind in KINDS:
        mine = [f for f in ordered if f.kind is kind]
        yield kind.export_key, (_data(plan, by_file.get(id(plan), [])) for plan in mine)


def _data(plan: PlanFile, refs: list[TrackedRef]) -> dict[str, Any]:
    assert plan.model is not None
    dumped = plan.model.model_dump(mode="json", exclude_none=True)
    for ref in refs:
        node: Any = dumped
        for step in ref.loc:
            node = node[step]
        node["status"] = str(ref.item.status) if ref.item.status else None
    return dumped
