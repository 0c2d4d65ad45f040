"""`mirps export`: the whole validated tree as plain data, for other programs."""

from __future__ import annotations

from typing import Any

from mirps_cli.tree import Tree


def export_tree(tree: Tree) -> dict[str, Any]:
    """Every plan as JSON-ready data; every tracked item carries its current "status"."""
    dumped = {
        id(plan): plan.model.model_dump(mode="json", exclude_none=True)
        for plan in tree.files
        if plan.model is not None
    }
    for plan, loc, item in tree.tracked():
        node: Any = dumped[id(plan)]
        for step in loc:
            node = node[step]
        node["status"] = str(item.status) if item.status else None
    national = [dumped[id(f)] for f, p in sorted(tree.national_plans(), key=lambda x: x[1].country)]
    work_plans = [
        dumped[id(f)] for f, wp in sorted(tree.work_plans(), key=lambda x: x[1].presidency.year)
    ]
    return {"work_plans": work_plans, "national_plans": national}
