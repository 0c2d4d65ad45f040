"""From a location inside a plan's data to a line, a column and a readable path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mirps_cli.problems import Problem
from mirps_cli.rules import RULES
from mirps_cli.tree import PlanFile
from mirps_cli.yaml_io import Mark, PosList, PosMap

Loc = Sequence[str | int]

# What one item of each list is called in a readable path.
ITEM_LABELS: dict[str, str] = {
    "commitments": "commitment",
    "status_history": "status entry",
    "outcomes": "outcome",
    "activities": "activity",
    "working_groups": "working group",
    "timeline": "event",
    "objectives": "objective",
    "coordination_mechanisms": "mechanism",
    "institutions": "institution",
    "responsible_institutions": "institution",
    "national_technical_team": "team member",
    "national_coordination_group": "group member",
    "indicators": "indicator",
    "budget": "budget line",
    "budget_lines": "budget line",
    "sources": "source",
    "lead_sources": "source",
    "priorities": "priority",
    "populations": "population",
    "introduction": "paragraph",
    "facilitating_factors": "factor",
    "challenges": "challenge",
    "contents": "item",
}


def locate(raw: Any, loc: Loc, *, at_key: bool = False) -> tuple[Mark, list[str]]:
    """Follow `loc` through the data as far as it exists.

    Returns the mark of the deepest part found (the key itself with `at_key`,
    else its value) and the readable steps. Steps that name no key, such as the
    tag pydantic gives a branch of a union, are passed over.
    """
    node = raw
    mark: Mark = getattr(raw, "mark", (1, 1))
    parts: list[str] = []
    parent_key: str | int | None = None
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, PosMap) and step in node:
            mark = node.key_marks[step] if (last and at_key) else node.value_marks[step]
            parts.append(str(step))
            parent_key, node = step, node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            mark = node.item_marks[step]
            item = node[step]
            label = ITEM_LABELS.get(str(parent_key), "item")
            ident = item.get("id") if isinstance(item, dict) else None
            name = f"{label} {ident}" if ident not in (None, "") else f"{label} {step + 1}"
            if parts:
                parts[-1] = name
            else:
                parts.append(name)
            parent_key, node = None, item
        elif last and isinstance(node, PosMap):
            parts.append(str(step))  # a key that is missing: point at its mapping
        # else: a union tag or a step past the data; nothing to follow
    return mark, parts


def problem_at(
    plan: PlanFile, loc: Loc, code: str, message: str, *, at_key: bool = False
) -> Problem:
    """A problem placed at `loc` in `plan`'s data."""
    (line, column), parts = locate(plan.raw, loc, at_key=at_key)
    return file_problem(plan.display, code, message, line, column, " › ".join([plan.label, *parts]))


def file_problem(
    display: str, code: str, message: str, line: int = 0, column: int = 0, path: str = ""
) -> Problem:
    rule = RULES[code]
    return Problem(
        file=display,
        line=line,
        column=column,
        code=code,
        severity=rule.severity,
        path=path,
        message=message,
        hint=rule.hint_en,
    )
