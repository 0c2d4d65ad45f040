"""The loaded plan tree: each file with its raw data (and positions) and its model."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from mirps_cli.i18n import Message
from mirps_cli.model import NationalPlan, WorkPlan
from mirps_cli.yaml import PosMap


class Kind(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"


# Where each kind of plan lives under the plans folder.
FOLDERS: dict[Kind, str] = {Kind.NATIONAL: "national", Kind.REGIONAL: "regional"}


@dataclass
class PlanFile:
    path: Path
    display: str  # the path as shown in messages
    kind: Kind
    raw: PosMap | None = None
    model: NationalPlan | WorkPlan | None = None

    @property
    def label(self) -> Message:
        """How readable paths start: "HN", "work plan 2022"."""
        stem = self.path.stem
        if self.kind is Kind.NATIONAL:
            return Message(stem.upper(), stem.upper())
        return Message(f"work plan {stem}", f"plan de trabajo {stem}")


@dataclass
class Tree:
    root: Path
    files: list[PlanFile] = field(default_factory=list)

    def national_plans(self) -> list[tuple[PlanFile, NationalPlan]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, NationalPlan)]

    def work_plans(self) -> list[tuple[PlanFile, WorkPlan]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, WorkPlan)]

    def national(self, country: str) -> NationalPlan | None:
        return next((p for _, p in self.national_plans() if p.country == country), None)
