"""What a workbook was made from, kept in its hidden sheet: the plan file, its digest and
git revision, the day, and a fingerprint of each row's history.

The fingerprints are how import knows a row is still current: a commitment that got an
entry after the export has another fingerprint, and its row is refused by name, unless the
row's own entry is already there (the same workbook imported twice adds nothing).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from mirps_cli.model import Tracked
from mirps_cli.model.measures import Indicator
from mirps_cli.sheet.layout import FORMAT


def fingerprint(item: Tracked | Indicator) -> str:
    """A short digest of what a row's new entry goes after: an item's status history, an
    indicator's name and values."""
    shown: object
    if isinstance(item, Indicator):
        shown = item.model_dump(mode="json", include={"name", "values", "actual"})
    else:
        shown = [e.model_dump(mode="json") for e in item.status_history]
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Marks:
    country: str
    lang: str
    plan: str  # the plan file, as shown: national/HN.yaml
    digest: str  # sha256 of the plan file's bytes
    revision: str  # the git commit, or "" outside git
    exported: str  # the day, ISO
    rows: dict[str, str] = field(default_factory=dict)  # row id -> fingerprint
    format: str = FORMAT
    _upper: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def fingerprint(self, ident: str) -> str | None:
        """The fingerprint a row's item had when the workbook was made, by id in any case."""
        if self._upper is None:
            object.__setattr__(self, "_upper", {k.upper(): v for k, v in self.rows.items()})
        assert self._upper is not None
        return self._upper.get(ident.upper())

    def to_rows(self) -> list[tuple[object, ...]]:
        head: list[tuple[object, ...]] = [
            ("format", self.format),
            ("country", self.country),
            ("language", self.lang),
            ("plan", self.plan),
            ("sha256", self.digest),
            ("revision", self.revision),
            ("exported", self.exported),
        ]
        # Then each row's id and fingerprint, two cells a row (a workbook of 10,000
        # commitments holds some 20,000: each cell written costs).
        return [*head, ("rows", str(len(self.rows))), *self.rows.items()]

    @classmethod
    def from_rows(cls, rows: list[list[object]]) -> Marks | None:
        """The marks a hidden sheet holds; None when it does not hold mirps's."""
        values: dict[str, str] = {}
        prints: dict[str, str] = {}
        listing = False
        for row in rows:
            cells = [("" if c is None else str(c)) for c in row] + ["", ""]
            if listing and cells[0]:
                prints[cells[0]] = cells[1]
            elif cells[0]:
                values[cells[0]] = cells[1]
                listing = cells[0] == "rows"
        if values.get("format") != FORMAT or not values.get("country"):
            return None
        return cls(
            values["country"],
            values.get("language", "es"),
            values.get("plan", ""),
            values.get("sha256", ""),
            values.get("revision", ""),
            values.get("exported", ""),
            prints,
        )
