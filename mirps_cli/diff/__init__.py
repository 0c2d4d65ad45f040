"""`mirps diff`: what a plan update changed, item by item, in the words of the review.

Two trees (two git revisions, a revision and the working tree, or two folders) are
compared as data: items are matched by id, never by position; an item whose id changed
but whose content did not (or hardly) is reported as renamed; status moves, new status
entries, new indicator values and new requests for support are called out on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from pydantic import BaseModel

from mirps_cli.diff.fields import FieldChange, NewEntry, compare, similarity
from mirps_cli.model import NationalPlan, WorkPlan
from mirps_cli.model.fund import FundPlan
from mirps_cli.tree import Tree

# An item removed under one id and added under another is a rename when the two are at
# least this alike (difflib's ratio over their JSON, ids aside). Measured on the shipped
# plans: the most alike two distinct commitments of one country score 0.86 (HN-04 and
# HN-05), so 0.9 pairs a renumbered commitment, even with a reworded title, and no two
# different ones.
RENAME_THRESHOLD = 0.9


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, changed, renamed
    entity: str  # commitment, milestone, institution, outcome, activity, working_group, ...
    id: str
    country: str | None  # where one applies
    year: int | None  # the work plan's, for regional items
    old_id: str | None = None  # for renamed
    fields: list[FieldChange] = field(default_factory=list)
    entries: list[NewEntry] = field(default_factory=list)
    status: tuple[str | None, str | None] | None = None  # (from, to) where it moved
    title: Any = None  # the item's title or name as JSON, to name it in the review


@dataclass(frozen=True)
class Summary:
    country: str
    fulfilled: int = 0
    new: int = 0
    dropped: int = 0
    changed: int = 0
    renamed: int = 0
    new_requests: int = 0


@dataclass(frozen=True)
class DiffResult:
    old: str  # how each side is named: "HEAD~1", "plans-2023/", "working tree"
    new: str
    changes: list[Change]
    summaries: list[Summary]  # one per country with changes

    @property
    def changed(self) -> bool:
        return bool(self.changes)


Items = dict[str, tuple[str, dict[str, Any]]]  # id → (entity, dumped item)


class PlanItems(NamedTuple):
    country: str | None
    year: int | None
    digest: str | None  # of the file's text: equal on both sides, nothing to compare
    items: Callable[[], Items]  # built only when the two sides differ


def _dump(model: BaseModel) -> dict[str, Any]:
    # Defaults left out: a field written with its default value is no change.
    dumped: dict[str, Any] = model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return dumped


def _national_items(plan: NationalPlan) -> Items:
    items: Items = {}
    for institution in plan.institutions:
        items[institution.id] = (
            "institution",
            institution.model_dump(mode="json", exclude_none=True),
        )
    for commitment in plan.commitments:
        items[commitment.id] = ("commitment", commitment.model_dump(mode="json", exclude_none=True))
        for milestone in commitment.milestones:
            items[milestone.id] = (
                "milestone",
                milestone.model_dump(mode="json", exclude_none=True),
            )
    return items


def _work_plan_items(plan: WorkPlan) -> Items:
    items: Items = {}
    for objective in plan.objectives:
        items[f"objective {objective.id}"] = ("objective", _dump(objective))
    for outcome in plan.outcomes:
        items[f"outcome {outcome.id}"] = (
            "outcome",
            {k: v for k, v in _dump(outcome).items() if k != "activities"},
        )
        for activity in outcome.activities:
            items[activity.id] = ("activity", _dump(activity))
    for group in plan.working_groups:
        items[group.id] = ("working_group", _dump(group))
    for mechanism in plan.coordination_mechanisms:
        items[f"mechanism {mechanism.id}"] = ("mechanism", _dump(mechanism))
    for event in plan.timeline:
        items[event.id] = ("event", _dump(event))
    if plan.fund is not None:
        fund = _dump(plan.fund)
        for n, line in enumerate(fund.pop("budget_lines", []), 1):
            items[f"fund line {n}"] = ("fund_line", line)
        items["fund"] = ("fund", fund)
    rest = {k: v for k, v in _dump(plan).items() if k not in _WORK_PLAN_ITEM_LISTS}
    items["work plan"] = ("work_plan", rest)
    return items


_WORK_PLAN_ITEM_LISTS = {
    "objectives",
    "outcomes",
    "working_groups",
    "coordination_mechanisms",
    "timeline",
    "fund",
}
_PLAN_FIELDS_OF_ITEMS = {"institutions", "commitments"}


def _plans(tree: Tree) -> dict[str, PlanItems]:
    """Each plan of the tree by its scope ("HN", "work plan 2022") with its items."""
    plans: dict[str, PlanItems] = {}
    for file, plan in tree.national_plans():
        plans[plan.country] = PlanItems(
            plan.country, None, file.digest, partial(_all_national, plan)
        )
    for file, work_plan in tree.work_plans():
        year = work_plan.presidency.year
        items = partial(_work_plan_items, work_plan)
        plans[f"work plan {year}"] = PlanItems(None, year, file.digest, items)
    for file, fund in tree.funds():
        plans[f"fund {fund.id}"] = PlanItems(None, None, file.digest, partial(_fund_items, fund))
    return plans


def _all_national(plan: NationalPlan) -> Items:
    items = _national_items(plan)
    rest = {k: v for k, v in _dump(plan).items() if k not in _PLAN_FIELDS_OF_ITEMS}
    items[f"plan {plan.country}"] = ("plan", rest)
    return items


def _fund_items(fund: FundPlan) -> Items:
    """A Fund file's projects, roadmap milestones and projection lines by id; the rest (its
    guidelines, contributions, exchange rates) as the fund's own fields."""
    items: Items = {}
    data = _dump(fund)
    for project in fund.projects:
        items[project.id] = ("project", _dump(project))
    aop = data.get("operating_plan", {})
    for step in aop.pop("roadmap", []):
        items[step["id"]] = ("roadmap_milestone", step)
    for line in aop.pop("budget_lines", []):
        items[f"projection {line['id']}"] = ("projection_line", line)
    data.pop("projects", None)
    items[f"fund {fund.id}"] = ("fund", data)
    return items


def _status(item: dict[str, Any]) -> str | None:
    history = item.get("status_history") or []
    return history[-1]["status"] if history else None


def diff_trees(old: Tree, new: Tree, old_name: str, new_name: str) -> DiffResult:
    """Every change from `old` to `new`, plan by plan, item by item."""
    old_plans, new_plans = _plans(old), _plans(new)
    none = PlanItems(None, None, None, dict)
    changes: list[Change] = []
    for scope in sorted(set(old_plans) | set(new_plans)):
        before, after = old_plans.get(scope, none), new_plans.get(scope, none)
        if before.digest is not None and before.digest == after.digest:
            continue  # the same text: git gave the same blob, or the folder the same file
        country = before.country or after.country
        year = before.year or after.year
        changes += _diff_items(before.items(), after.items(), country, year)
    return DiffResult(old_name, new_name, changes, _summaries(changes))


def _diff_items(before: Items, after: Items, country: str | None, year: int | None) -> list[Change]:
    changes: list[Change] = []
    for ident in sorted(set(before) & set(after)):
        (entity, old), (_, new) = before[ident], after[ident]
        fields, entries = compare(old, new)
        if fields or entries:
            move = (_status(old), _status(new))
            status = move if move[0] != move[1] else None
            changes.append(
                Change(
                    "changed",
                    entity,
                    ident,
                    country,
                    year,
                    None,
                    fields,
                    entries,
                    status,
                    _title(new),
                )
            )
    gone = {i: before[i] for i in set(before) - set(after)}
    came = {i: after[i] for i in set(after) - set(before)}
    for old_id, new_id in _renames(gone, came):
        (entity, old), (_, new) = gone.pop(old_id), came.pop(new_id)
        fields, entries = compare(old, new)
        fields = [f for f in fields if f.path != ("id",)]
        changes.append(
            Change(
                "renamed", entity, new_id, country, year, old_id, fields, entries, None, _title(new)
            )
        )
    for ident, (entity, item) in sorted(gone.items()):
        changes.append(Change("removed", entity, ident, country, year, title=_title(item)))
    for ident, (entity, item) in sorted(came.items()):
        added = Change(
            "added",
            entity,
            ident,
            country,
            year,
            title=_title(item),
            status=(None, _status(item)) if _status(item) else None,
        )
        changes.append(added)
    return changes


def _renames(gone: Items, came: Items) -> list[tuple[str, str]]:
    """Pairs (old id, new id) of the same entity alike enough to be one item renamed; the most
    alike pairs first, each item in one pair at most."""
    scored = sorted(
        (
            (similarity(old, new), old_id, new_id)
            for old_id, (entity, old) in gone.items()
            for new_id, (entity2, new) in came.items()
            if entity == entity2
        ),
        reverse=True,
    )
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    for score, old_id, new_id in scored:
        if score >= RENAME_THRESHOLD and old_id not in used and new_id not in used:
            pairs.append((old_id, new_id))
            used |= {old_id, new_id}
    return pairs


def _title(item: dict[str, Any]) -> Any:
    return item.get("title") or item.get("name")


def _summaries(changes: list[Change]) -> list[Summary]:
    """Per country, in the review's words: fulfilled, new, dropped, changed, renamed, needs."""
    counts: dict[str, dict[str, int]] = {}
    for change in changes:
        if change.country is None:
            continue
        tally = counts.setdefault(change.country, {})
        requests = sum(e.what == "request" for e in change.entries)
        tally["new_requests"] = tally.get("new_requests", 0) + requests
        if change.entity != "commitment":
            continue
        if change.status is not None and change.status[1] == "fulfilled":
            tally["fulfilled"] = tally.get("fulfilled", 0) + 1
        key = {"added": "new", "removed": "dropped", "changed": "changed", "renamed": "renamed"}[
            change.kind
        ]
        tally[key] = tally.get(key, 0) + 1
    return [
        Summary(country, **tally)
        for country, tally in sorted(counts.items())
        if any(tally.values())
    ]
