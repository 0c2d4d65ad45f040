"""`mirps export`: the whole validated tree as plain data, for other programs."""

from __future__ import annotations

from typing import Any

from mirps_cli.kinds import KINDS
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
    # Each kind's plans in a stable order: by file name (country code, presidency year).
    exported: dict[str, Any] = {kind.export_key: [] for kind in KINDS}
    for plan in sorted(tree.files, key=lambda f: f.path.stem):
        if plan.model is not None:
            exported[plan.kind.export_key].append(dumped[id(plan)])
    return exported
