"""A tracked item: anything with a dated status history (a commitment today; work-plan
activities, working-group priorities and Fund projects next).

The rules on history and deadlines, `mirps status` and `mirps update` reach every
tracked item through `Tree.tracked()`, so a new tracked kind is a model that
inherits from `Tracked` and a line in its plan's `tracked()`, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from mirps_cli.dates import PartialDate, add_months
from mirps_cli.i18n import Message
from mirps_cli.model.common import LocalizedText, Strict, Text, Url, empty_list
from mirps_cli.vocab import STALE_AFTER_MONTHS, EventStatus, Reporter, Status

# A closed item expects no further updates and no delivery.
CLOSED = frozenset({Status.FULFILLED, Status.CANCELLED})


class StatusEntry(Strict):
    """One dated report of where the commitment stood."""

    date: PartialDate | None = Field(
        default=None,
        description="When it happened (the law was passed, the agreement signed); leave out "
        "if no source dates the event.",
    )
    reported: PartialDate | None = Field(
        default=None,
        description="When a source reported it, where the source gives that date (an archived "
        "page's date, a press release's) rather than the event's.",
    )
    recorded: PartialDate | None = Field(
        default=None,
        description="When the entry was recorded in the plans (mirps update writes the day): "
        "an entry with no date and no reported counts from it.",
    )
    reporter: Reporter | None = Field(default=None, description="Who reported it.")
    status: Status
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)

    @property
    def when(self) -> PartialDate | None:
        """The best date known: the event's, else the report's (a web-archive capture of a
        source stands for the report's date where none is written)."""
        if self.date is not None:
            return self.date
        return self.reported if self.reported is not None else self.captured

    @property
    def captured(self) -> PartialDate | None:
        """The earliest web-archive capture among its sources: the text existed by then, so
        with no `reported` written it was reported by that day."""
        return archive_capture(self.sources)

    def counted_from(self) -> tuple[PartialDate | None, str]:
        """The date a view counts the entry from, and how it is known: the event's `date`,
        the `reported` date, an archive capture of a source, or the day it was `recorded`;
        (None, "undated") when nothing dates it."""
        if self.date is not None:
            return self.date, "event"
        if self.reported is not None:
            return self.reported, "reported"
        captured = archive_capture(self.sources)
        if captured is not None:
            return captured, "archived"
        if self.recorded is not None:
            return self.recorded, "recorded"
        return None, "undated"


# A web archive's address carries its capture's timestamp: the Wayback Machine's
# /web/20190720123456/..., and UNHCR's own web archive (the same software) /20190720104452/...
_CAPTURE = re.compile(
    r"^https?://(?:web\.archive\.org/web|webarchive\.archive\.unhcr\.org)"
    r"/(\d{4})(\d{2})(\d{2})\d*[a-z_]*/"
)


def archive_capture(sources: Sequence[str]) -> PartialDate | None:
    """The earliest capture date among web-archive addresses, or None."""
    found = []
    for source in sources:
        match = _CAPTURE.match(source)
        if match is not None:
            year, month, day = (int(g) for g in match.groups())
            try:
                dt.date(year, month, day)
            except ValueError:
                continue  # not a real day: the address says nothing reliable
            found.append(PartialDate(year, month, day))
    return min(found, key=lambda d: d.earliest()) if found else None


class EventEntry(StatusEntry):
    """One dated report of where a timeline event stood: scheduled, held, postponed..."""

    # The statuses of an event are not a commitment's. (mypy: a narrower field type is
    # what pydantic validates against; the entries are read through Tracked alike.)
    status: EventStatus  # type: ignore[assignment]


class Tracked(Strict):
    """The base of every item with a status history: its current, overdue and stale states.

    The fields are declared by each kind, where they stand in its own order (the
    order of a plan's keys, of the JSON Schema and of `mirps export`); this base
    holds what is derived from them, never written in a plan.
    """

    NOUN: ClassVar[Message] = Message("item", "elemento")
    # The statuses its entries take, and those after which nothing more is expected.
    STATUSES: ClassVar[type[StrEnum]] = Status
    CLOSED: ClassVar[frozenset[str]] = frozenset({Status.FULFILLED, Status.CANCELLED})
    # Whether an item with no status entry at all is stale. A commitment is: a country
    # owes an update on each. A work plan's activities and events are reported on in the
    # year's review; until then "no update" is what the views say, without a warning each.
    STALE_WHEN_SILENT: ClassVar[bool] = True

    if TYPE_CHECKING:  # declared by each tracked kind, as fields or properties
        id: str
        status_history: Sequence[StatusEntry]

        @property
        def title(self) -> str | LocalizedText: ...

        @property
        def start(self) -> PartialDate | None: ...

        @property
        def due(self) -> PartialDate | None: ...

    @property
    def current(self) -> StatusEntry | None:
        """The latest entry: it says the current status."""
        return self.status_history[-1] if self.status_history else None

    @property
    def status(self) -> Status | None:
        """The current status; None when no status was ever reported."""
        entry = self.current
        return entry.status if entry else None

    @property
    def closed(self) -> bool:
        """Fulfilled or cancelled (held or cancelled, for an event): nothing more expected."""
        return self.current is not None and self.current.status in self.CLOSED

    @property
    def last_dated(self) -> PartialDate | None:
        dated = [e.when for e in self.status_history if e.when is not None]
        return max(dated, key=lambda d: d.latest()) if dated else None

    @property
    def date_not_reported(self) -> bool:
        """Fulfilled by a report that gives no date for the event: counted, shown apart."""
        entry = self.current
        return entry is not None and entry.status is Status.FULFILLED and entry.date is None

    def is_overdue(self, as_of: dt.date) -> bool:
        """Past its due date and neither fulfilled nor cancelled."""
        return self.due is not None and self.due.latest() < as_of and not self.closed

    def is_stale(self, as_of: dt.date) -> bool:
        """No dated status entry in the last 12 months, for an item still open."""
        if self.closed or (not self.status_history and not self.STALE_WHEN_SILENT):
            return False
        last = self.last_dated
        return last is None or last.latest() < stale_cutoff(as_of)


# Where a tracked item stands in its plan's data ("commitments", 3), and the item.
TrackedAt = tuple[tuple[str | int, ...], Tracked]


def stale_cutoff(as_of: dt.date) -> dt.date:
    """The day STALE_AFTER_MONTHS (12) months before `as_of`."""
    return add_months(as_of, -STALE_AFTER_MONTHS)
