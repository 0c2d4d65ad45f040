"""The loaded plan tree: each file with its raw data (and positions) and its model."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mirps_cli.errors import UsageError
from mirps_cli.i18n import Message, either, printable
from mirps_cli.kinds import FUND, NATIONAL, WORK_PLAN, PlanKind

# The models and the parser are imported where they are used, not here: `validate` on a tree
# whose files and checks all come from the cache needs neither, and starts ~45 ms sooner.
if TYPE_CHECKING:
    from mirps_cli.model import Commitment, NationalPlan, Tracked, WorkPlan
    from mirps_cli.model.common import Identity
    from mirps_cli.model.fund import FundPlan
    from mirps_cli.yaml import PosMap

    Model = NationalPlan | WorkPlan | FundPlan


class PlanFile:
    """One plan file of the tree: where it is, its kind, its raw data (with positions) and its
    model. A file read from the cache decodes its raw data and its model only when first asked
    for them (see cache.py): a run whose checks come from the cache and that shows no position
    never decodes them, and most runs need only the models."""

    __slots__ = (
        "_let_go",
        "_model",
        "_model_later",
        "_raw",
        "_raw_later",
        "digest",
        "display",
        "kind",
        "path",
    )

    def __init__(
        self,
        path: Path,
        display: str,  # the path as shown in messages
        kind: PlanKind,
        raw: PosMap | None = None,
        model: Model | None = None,
        digest: str | None = None,  # of the file's text: the same text, the same plan
    ) -> None:
        self.path = path
        self.display = display
        self.kind = kind
        self.digest = digest
        self._raw = raw
        self._model = model
        self._raw_later: Callable[[], PosMap | None] | None = None
        self._model_later: Callable[[], Model | None] | None = None
        self._let_go = False  # its positions dropped on purpose (`let_positions_go`)

    @property
    def raw(self) -> PosMap | None:
        if self._raw_later is not None:
            self._raw, self._raw_later = self._raw_later(), None
        return self._raw

    @raw.setter
    def raw(self, value: PosMap | None) -> None:
        self._raw, self._raw_later = value, None

    @property
    def model(self) -> Model | None:
        if self._model_later is not None:
            self._model, self._model_later = self._model_later(), None
        return self._model

    @model.setter
    def model(self, value: Model | None) -> None:
        self._model, self._model_later = value, None

    def let_positions_go(self) -> None:
        """Drop the raw data (the positions messages point to) and what it would be decoded
        from: a command that shows no position holds tens of MB less at 10,000 commitments."""
        self._raw, self._raw_later, self._let_go = None, None, True

    @property
    def positions_let_go(self) -> bool:
        return self._let_go

    def later(self, raw: Callable[[], PosMap | None], model: Callable[[], Model | None]) -> None:
        """Decode the raw data and the model when first asked for, not now."""
        self._raw_later, self._model_later = raw, model

    def with_model(self, model: Model | None) -> PlanFile:
        """The same file with another model (a point in time, a language); the raw data and
        positions are the file's own, still decoded only when asked for."""
        other = PlanFile(self.path, self.display, self.kind, model=model, digest=self.digest)
        other._raw, other._raw_later, other._let_go = self._raw, self._raw_later, self._let_go
        return other

    def moved(self, path: Path, display: str) -> PlanFile:
        """The same text found at another place (the other side of a diff): the same data,
        decoded once for both."""
        other = self.with_model(None)
        other.path, other.display = path, display
        other._model, other._model_later = self._model, self._model_later
        return other

    @property
    def label(self) -> Message:
        """How readable paths start: "HN", "work plan 2022"."""
        return self.kind.label_for(printable(self.path.stem))

    def __repr__(self) -> str:
        return f"PlanFile({self.display!r}, {self.kind.name})"


Shown = Callable[[PlanFile], bool]  # which files a view shows (and so prepares)


def showing(kinds: Collection[str] | None = None, country: str | None = None) -> Shown | None:
    """The files a view shows: of these kinds (names from kinds.KINDS), and of the national
    plans only the country's (a valid tree names each after its country: rule M303)."""
    if kinds is None and country is None:
        return None
    return lambda plan: (
        (kinds is None or plan.kind.name in kinds)
        and (country is None or plan.kind is not NATIONAL or plan.path.stem == country)
    )


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

    # Each asks the files of its kind only for their models: a file read from the cache
    # decodes its model when asked, and a view of the work plans needs no national plan.
    def national_plans(self) -> list[tuple[PlanFile, NationalPlan]]:
        from mirps_cli.model import NationalPlan

        mine = (f for f in self.files if f.kind is NATIONAL)
        return [(f, f.model) for f in mine if isinstance(f.model, NationalPlan)]

    def funds(self) -> list[tuple[PlanFile, FundPlan]]:
        from mirps_cli.model.fund import FundPlan

        mine = (f for f in self.files if f.kind is FUND)
        return [(f, f.model) for f in mine if isinstance(f.model, FundPlan)]

    def work_plans(self) -> list[tuple[PlanFile, WorkPlan]]:
        from mirps_cli.model import WorkPlan

        mine = (f for f in self.files if f.kind is WORK_PLAN)
        return [(f, f.model) for f in mine if isinstance(f.model, WorkPlan)]

    def identities(self) -> Iterator[tuple[PlanFile, Identity]]:
        """Each valid file with what it is about (a country, a presidency year)."""
        for plan in self.files:
            if plan.model is not None:
                yield plan, plan.model.identity()

    def tracked(self, kind: type[Tracked] | None = None) -> Iterator[TrackedRef]:
        """Every tracked item of the tree (of `kind`, else of any), file by file, in the
        files' order."""
        from mirps_cli.model import Tracked

        kind = kind or Tracked
        for plan in self.files:
            if plan.model is not None:
                for loc, item in plan.model.tracked():
                    if isinstance(item, kind):
                        yield TrackedRef(plan, loc, item)

    def find_tracked(self, ident: str, kind: type[Tracked] | None = None) -> TrackedRef:
        """The tracked item with this id, in any case; a usage error naming the closest ids."""
        from mirps_cli.model import Tracked

        kind = kind or Tracked
        every = {ref.ident.upper(): ref for ref in self.tracked(kind)}
        wanted = ident.strip().upper()
        if wanted in every:
            return every[wanted]
        close = [
            every[c].ident for c in difflib.get_close_matches(wanted, list(every), n=3, cutoff=0.5)
        ]
        # "unknown commitment", or the nouns of every tracked kind the tree holds.
        nouns = list(dict.fromkeys(type(ref.item).NOUN for ref in every.values())) or [kind.NOUN]
        noun = Message(either([n.en for n in nouns], "en"), either([n.es for n in nouns], "es"))
        raise UsageError(
            f"unknown {noun.en} '{ident}'"
            + (f"; did you mean {either(close, 'en')}?" if close else ""),
            # "No hay ... con el id": the words agree with any noun (actividad, hito).
            f"no hay {noun.es} con el id '{ident}'"
            + (f"; ¿quiso decir {either(close, 'es')}?" if close else ""),
        )

    def national(self, country: str) -> NationalPlan | None:
        from mirps_cli.model import NationalPlan

        # The file named after the country first: the others' models stay undecoded.
        national = [f for f in self.files if f.kind is NATIONAL]
        named = [f for f in national if f.path.stem == country]
        for plan in [*named, *(f for f in national if f not in named)]:
            if isinstance(plan.model, NationalPlan) and plan.model.country == country:
                return plan.model
        return None

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
        from mirps_cli.model import Commitment, NationalPlan

        ref = self.find_tracked(ident, Commitment)
        assert isinstance(ref.file.model, NationalPlan) and isinstance(ref.item, Commitment)
        return ref.file.model, ref.item
