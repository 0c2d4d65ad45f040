"""The whole validated tree as plain data, for `mirps export`."""

from __future__ import annotations

from typing import Any

from mirps_cli.progress import current_status
from mirps_cli.tree import Tree


def export_tree(tree: Tree) -> dict[str, Any]:
    national = []
    for _, plan in sorted(tree.national_plans(), key=lambda pair: pair[1].country):
        data = plan.model_dump(mode="json", exclude_none=True)
        for item, commitment in zip(data["commitments"], plan.commitments, strict=True):
            status = current_status(commitment)
            item["status"] = str(status) if status else None
        national.append(data)
    work_plans = [
        wp.model_dump(mode="json", exclude_none=True)
        for _, wp in sorted(tree.work_plans(), key=lambda pair: pair[1].presidency.year)
    ]
    return {"work_plans": work_plans, "national_plans": national}
