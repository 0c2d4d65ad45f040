"""The loaded plan tree: each file with its raw data (and positions) and its model."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from mirps_cli.errors import UsageError
from mirps_cli.i18n import Message
from mirps_cli.kinds import PlanKind
from mirps_cli.model import Commitment, NationalPlan, Tracked, WorkPlan
from mirps_cli.model.common import Identity
from mirps_cli.model.fund import FundPlan
from mirps_cli.yaml import PosMap


@dataclass
class PlanFile:
    path: Path
    display: str  # the path as shown in messages
    kind: PlanKind
    raw: PosMap | None = None
    model: NationalPlan | WorkPlan | FundPlan | None = None
    digest: str | None = None  # of the file's text: the same text, the same plan

    @property
    def label(self) -> Message:
        """How readable paths start: "HN", "work plan 2022"."""
        return self.kind.label_for(self.path.stem)


class TrackedRef(NamedTuple):
    file: PlanFile
    loc: tuple[str | int, ...]  # where the item is in the file's data
    item: Tracked

    @property
    def ident(self) -> str:
        """The item's id in the whole tree: a commitment's own (HN-03), a work plan's
        activity or event with its year (2022:1.1), as `mirps update` and `status` take it."""
        model = self.file.model
        assert model is not None
        return model.qualify(self.item.id)


@dataclass
class Tree:
    root: Path
    files: list[PlanFile] = field(default_factory=list)

    def national_plans(self) -> list[tuple[PlanFile, NationalPlan]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, NationalPlan)]

    def funds(self) -> list[tuple[PlanFile, FundPlan]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, FundPlan)]

    def work_plans(self) -> list[tuple[PlanFile, WorkPlan]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, WorkPlan)]

    def identities(self) -> Iterator[tuple[PlanFile, Identity]]:
        """Each valid file with what it is about (a country, a presidency year)."""
        for plan in self.files:
            if plan.model is not None:
                yield plan, plan.model.identity()

    def tracked(self, kind: type[Tracked] = Tracked) -> Iterator[TrackedRef]:
        """Every tracked item of the tree (of `kind`), file by file, in the files' order."""
        for plan in self.files:
            if plan.model is not None:
                for loc, item in plan.model.tracked():
                    if isinstance(item, kind):
                        yield TrackedRef(plan, loc, item)

    def find_tracked(self, ident: str, kind: type[Tracked] = Tracked) -> TrackedRef:
        """The tracked item with this id, in any case; a usage error naming the closest ids."""
        every = {ref.ident.upper(): ref for ref in self.tracked(kind)}
        wanted = ident.strip().upper()
        if wanted in every:
            return every[wanted]
        close = [
            every[c].ident for c in difflib.get_close_matches(wanted, list(every), n=3, cutoff=0.5)
        ]
        # "unknown commitment", or the nouns of every tracked kind the tree holds.
        nouns = list(dict.fromkeys(type(ref.item).NOUN for ref in every.values())) or [kind.NOUN]
        noun = Message(_either([n.en for n in nouns], "or"), _either([n.es for n in nouns], "o"))
        raise UsageError(
            f"unknown {noun.en} '{ident}'"
            + (f"; did you mean {' or '.join(close)}?" if close else ""),
            f"{noun.es} desconocido '{ident}'"
            + (f"; ¿quiso decir {' o '.join(close)}?" if close else ""),
        )

    def national(self, country: str) -> NationalPlan | None:
        return next((p for _, p in self.national_plans() if p.country == country), None)

    def current_work_plan(self, as_of: dt.date) -> WorkPlan | None:
        """The work plan of the as-of year, else the latest before it, else the latest."""
        plans = {wp.presidency.year: wp for _, wp in self.work_plans()}
        if not plans:
            return None
        earlier = [y for y in plans if y <= as_of.year]
        return plans[max(earlier) if earlier else max(plans)]

    def work_plan(self, year: int | None, as_of: dt.date) -> WorkPlan:
        """The work plan of `year` if given, else the current one; a usage error if none."""
        plans = {wp.presidency.year: wp for _, wp in self.work_plans()}
        chosen = plans.get(year) if year is not None else self.current_work_plan(as_of)
        if chosen is None:
            known = ", ".join(str(y) for y in sorted(plans)) or "—"
            raise UsageError(
                f"no regional work plan {f'for {year}' if year else 'in the plans folder'} "
                f"(work plans: {known})",
                "no hay plan de trabajo regional "
                f"{f'de {year}' if year else 'en la carpeta de planes'} (planes: {known})",
            )
        return chosen

    def commitment(self, ident: str) -> tuple[NationalPlan, Commitment]:
        """The commitment with this id and its plan; a usage error naming the closest ids."""
        ref = self.find_tracked(ident, Commitment)
        assert isinstance(ref.file.model, NationalPlan) and isinstance(ref.item, Commitment)
        return ref.file.model, ref.item


def _either(words: list[str], conjunction: str) -> str:
    """ "commitment, milestone or event"."""
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}" if len(words) > 1 else words[0]
