"""The plans as they stood on a date: what was dated after it is left out, as if not yet
written. `status`, `timeline` and `export` show this view of the tree (`--as-of`).

An entry counts from its event's date; without one, from the date it was reported; without
either, from a web-archive capture of one of its sources, then from the day mirps recorded it
(`recorded`), and last from the date of the plan version it was written in (`version_date`:
entries written before mirps recorded the day). Partial dates count from their first day:
"2022" is there on 1 January 2022.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from mirps_cli.dates import PartialDate
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.commitment import derived_status
from mirps_cli.model.common import Instalment
from mirps_cli.model.fund import Contribution, FundPlan
from mirps_cli.model.measures import Value
from mirps_cli.model.tracked import StatusEntry
from mirps_cli.model.walk import leads_to, updated
from mirps_cli.tree import Shown, Tree
from mirps_cli.vocab import Status

M = TypeVar("M", bound=BaseModel)


def counts_by(day: dt.date, *dates: PartialDate | None) -> bool:
    """Whether something dated by the first of `dates` that is given was there on `day`.
    With none given it is there: nothing says otherwise."""
    for known in dates:  # a loop, not next(genexpr): called for every dated entry
        if known is not None:
            return known.earliest() <= day
    return True


def is_there(item: object, day: dt.date, version: PartialDate | None) -> bool:
    if isinstance(item, StatusEntry):
        if item.date is not None or item.reported is not None:
            return counts_by(day, item.date, item.reported)
        # Undated: from a source's archive capture, else the day it was recorded, else (for
        # entries written before mirps recorded that day) the plan version's date.
        return counts_by(day, item.captured, item.recorded, version)
    if isinstance(item, Value):
        return counts_by(day, item.date, version)
    if isinstance(item, Instalment):
        return counts_by(day, item.date)
    if isinstance(item, Contribution):
        return counts_by(day, item.date, version)
    return True


def _at(value: Any, day: dt.date, version: PartialDate | None) -> Any:
    """The value as it stood on `day`: the very same object where nothing is left out."""
    if isinstance(value, BaseModel):
        return model_as_of(value, day, version)
    if isinstance(value, list):
        items = [_at(item, day, version) for item in value if is_there(item, day, version)]
        same = len(items) == len(value) and all(a is b for a, b in zip(items, value, strict=True))
        return value if same else items
    return value


_DATED = (StatusEntry, Value, Instalment, Contribution)  # what is_there may leave out


def _is_dated(model: type[BaseModel]) -> bool:
    return issubclass(model, _DATED)


@cache
def dated_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold a dated entry at some depth: worked out once per
    model, so that a walk over a large plan skips its texts, links and codes."""
    return tuple(
        name for name, field in model.model_fields.items() if leads_to(field.annotation, _is_dated)
    )


def model_as_of(model: M, day: dt.date, version: PartialDate | None = None) -> M:
    """A copy of `model` without what was dated after `day`; unchanged parts are shared."""
    changed = {}
    for name in dated_fields(type(model)):
        old = getattr(model, name)
        new = _at(old, day, version)
        if new is not old:
            changed[name] = new
    return updated(model, changed) if changed else model


def status_as_of(
    commitment: Commitment, day: dt.date, version: PartialDate | None = None
) -> Status | None:
    """`model_as_of(commitment, day, version).status`, without the copy: a report counts
    the statuses of every commitment at the start of its period, and needs nothing else."""

    def there(history: list[StatusEntry]) -> list[StatusEntry]:
        return [e for e in history if is_there(e, day, version)]

    own = there(commitment.status_history)
    if not own and commitment.milestones:  # the status comes from the milestones'
        parts = [there(m.status_history) for m in commitment.milestones]
        return derived_status([p[-1].status if p else None for p in parts])
    return own[-1].status if own else None


def plan_version(model: BaseModel) -> PartialDate | None:
    """The date of the plan version its undated entries were recorded in (see above)."""
    return model.version_date if isinstance(model, (NationalPlan, FundPlan)) else None


def tree_as_of(tree: Tree, day: dt.date, shown: Shown | None = None) -> Tree:
    """The tree as it stood on `day` (only the files `shown`, when given: the others are
    left as they are). Each file keeps its raw data and positions."""
    files = []
    for plan in tree.files:
        # Shown first: a file the view does not show keeps its model undecoded.
        if (shown is not None and not shown(plan)) or plan.model is None:
            files.append(plan)
            continue
        files.append(plan.with_model(model_as_of(plan.model, day, plan_version(plan.model))))
    return replace(tree, files=files)
