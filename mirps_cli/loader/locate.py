"""From a location inside a plan's data to a line, a column and a readable path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mirps_cli.i18n import Message
from mirps_cli.problems import Problem
from mirps_cli.rules import RULES
from mirps_cli.tree import PlanFile

if TYPE_CHECKING:
    from mirps_cli.yaml import Mark

Loc = Sequence[str | int]

# What one item of each list is called in a readable path, in English and Spanish.
ITEM_LABELS: dict[str, Message] = {
    "commitments": Message("commitment", "compromiso"),
    "status_history": Message("status entry", "entrada de estado"),
    "milestones": Message("milestone", "hito"),
    "projects": Message("project", "proyecto"),
    "roadmap": Message("roadmap milestone", "hito de la hoja de ruta"),
    "contributions": Message("contribution", "contribución"),
    "instalments": Message("instalment", "desembolso"),
    "figures": Message("figure", "cifra"),
    "quantification": Message("costing", "cuantificación"),
    "values": Message("value", "valor"),
    "support_requests": Message("request for support", "solicitud de apoyo"),
    "partners": Message("partner", "socio"),
    "places": Message("place", "lugar"),
    "focus_areas": Message("focus area", "área"),
    "outcomes": Message("outcome", "resultado"),
    "activities": Message("activity", "actividad"),
    "working_groups": Message("working group", "grupo de trabajo"),
    "timeline": Message("event", "evento"),
    "objectives": Message("objective", "objetivo"),
    "coordination_mechanisms": Message("mechanism", "mecanismo"),
    "institutions": Message("institution", "institución"),
    "responsible_institutions": Message("institution", "institución"),
    "national_technical_team": Message("team member", "miembro del equipo"),
    "national_coordination_group": Message("group member", "miembro del grupo"),
    "indicators": Message("indicator", "indicador"),
    "budget": Message("budget line", "línea de presupuesto"),
    "budget_lines": Message("budget line", "línea de presupuesto"),
    "sources": Message("source", "fuente"),
    "lead_sources": Message("source", "fuente"),
    "priorities": Message("priority", "prioridad"),
    "populations": Message("population", "población"),
    "introduction": Message("paragraph", "párrafo"),
    "facilitating_factors": Message("factor", "factor"),
    "challenges": Message("challenge", "desafío"),
    "contents": Message("item", "elemento"),
}
ITEM = Message("item", "elemento")
NO_PATH = Message("", "")


def locate(raw: Any, loc: Loc, *, at_key: bool = False) -> tuple[Mark, list[Message]]:
    """Follow `loc` through the data as far as it exists.

    Returns the mark of the deepest part found (the key itself with `at_key`,
    else its value) and the readable steps. Steps that name no key, such as the
    tag pydantic gives a branch of a union, are passed over.
    """
    from mirps_cli.yaml import PosList, PosMap  # the parser, only once a problem is placed

    node = raw
    mark: Mark = getattr(raw, "mark", (1, 1))
    parts: list[Message] = []
    parent_key: str | int | None = None
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, PosMap) and step in node:
            mark = node.key_mark(step) if (last and at_key) else node.value_mark(step)
            parts.append(Message(str(step), str(step)))  # keys are the same in both
            parent_key, node = step, node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            mark = node.item_mark(step)
            item = node[step]
            label = ITEM_LABELS.get(str(parent_key), ITEM)
            ident = item.get("id") if isinstance(item, dict) else None
            which = ident if ident not in (None, "") else step + 1
            name = Message(f"{label.en} {which}", f"{label.es} {which}")
            if parts:
                parts[-1] = name
            else:
                parts.append(name)
            parent_key, node = None, item
        elif last and isinstance(node, PosMap):
            parts.append(Message(str(step), str(step)))  # a missing key: point at its mapping
        # else: a union tag or a step past the data; nothing to follow
    return mark, parts


def line_at(raw: Any, loc: Loc) -> int:
    """The line of `loc`'s value, as `locate` gives it, without naming the steps: for a
    caller that places tens of thousands of texts (a PO file's references)."""
    from mirps_cli.yaml import PosList, PosMap

    node = raw
    mark: Mark = getattr(raw, "mark", (1, 1))
    for step in loc:
        if isinstance(node, PosMap) and step in node:
            mark, node = node.value_mark(step), node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            mark, node = node.item_mark(step), node[step]
    return mark[0]


def problem_at(
    plan: PlanFile, loc: Loc, code: str, message: Message, *, at_key: bool = False
) -> Problem:
    """A problem placed at `loc` in `plan`'s data."""
    (line, column), parts = locate(plan.raw, loc, at_key=at_key)
    steps = [plan.label, *parts]
    path = Message(" › ".join(p.en for p in steps), " › ".join(p.es for p in steps))
    return file_problem(plan.display, code, message, line, column, path)


def file_problem(
    display: str,
    code: str,
    message: Message,
    line: int = 0,
    column: int = 0,
    path: Message = NO_PATH,
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
    )
