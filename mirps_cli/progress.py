"""Derived states of a commitment: current status, overdue, stale. Never written in a plan."""

from __future__ import annotations

import calendar
import datetime as dt

from mirps_cli.model import Commitment
from mirps_cli.vocab import STALE_AFTER_MONTHS, Status

# A closed commitment expects no further updates and no delivery.
CLOSED = frozenset({Status.FULFILLED, Status.CANCELLED})


def current_status(commitment: Commitment) -> Status | None:
    """The status of the latest entry; None when no status was ever reported."""
    entry = commitment.current
    return entry.status if entry else None


def is_overdue(commitment: Commitment, as_of: dt.date) -> bool:
    status = current_status(commitment)
    return commitment.due is not None and commitment.due.latest() < as_of and status not in CLOSED


def stale_cutoff(as_of: dt.date) -> dt.date:
    """The day STALE_AFTER_MONTHS (12) months before `as_of`."""
    months = as_of.year * 12 + (as_of.month - 1) - STALE_AFTER_MONTHS
    year, month = divmod(months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(as_of.day, last_day))


def is_stale(commitment: Commitment, as_of: dt.date) -> bool:
    """No dated status entry in the last 12 months, for a commitment still open."""
    if current_status(commitment) in CLOSED:
        return False
    last = commitment.last_dated
    return last is None or last.latest() < stale_cutoff(as_of)
