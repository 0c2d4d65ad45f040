"""The one table of plan kinds: where each kind of plan file lives, its model, its schema.

The loader finds files by `folder`, validates them with `model()`, `mirps schema`
and `mirps export` name them by `name`, and the CLI offers `name` as a choice. A new
kind of plan file (the MIRPS Fund) is one row here and its model.

This module imports no model: the CLI reads the choices at start-up, when
loading pydantic would cost every command, even `--help`, a tenth of a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mirps_cli.i18n import Message, either

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class PlanKind:
    name: str  # `mirps schema --kind NAME`; the JSON Schema's file is NAME.schema.json
    folder: str  # plans/FOLDER/*.yaml
    model: Callable[[], type[BaseModel]]  # imports the model on first use
    export_key: str  # the list of these plans in `mirps export`
    noun: Message  # what one file is called: "work plan"
    file_name: Message  # the pattern of its file names, for messages: XX.yaml
    label: Message  # how a readable path starts: {stem} is the file name without suffix

    def label_for(self, stem: str) -> Message:
        words = {"stem": stem, "upper": stem.upper()}
        return Message(self.label.en.format(**words), self.label.es.format(**words))


def _national_plan() -> type[BaseModel]:
    from mirps_cli.model.national_plan import NationalPlan

    return NationalPlan


def _work_plan() -> type[BaseModel]:
    from mirps_cli.model.work_plan import WorkPlan

    return WorkPlan


NATIONAL = PlanKind(
    name="national",
    folder="national",
    model=_national_plan,
    export_key="national_plans",
    noun=Message("plan", "plan"),
    file_name=Message("XX.yaml", "XX.yaml"),
    label=Message("{upper}", "{upper}"),  # the file is named by the country's code: "HN"
)
WORK_PLAN = PlanKind(
    name="work-plan",
    folder="regional",
    model=_work_plan,
    export_key="work_plans",
    noun=Message("work plan", "plan de trabajo"),
    file_name=Message("YEAR.yaml", "AÑO.yaml"),
    label=Message("work plan {stem}", "plan de trabajo {stem}"),
)


def _fund() -> type[BaseModel]:
    from mirps_cli.model.fund import FundPlan

    return FundPlan


FUND = PlanKind(
    name="fund",
    folder="fund",
    model=_fund,
    export_key="funds",
    noun=Message("Fund file", "archivo del Fondo"),
    file_name=Message("ID.yaml", "ID.yaml"),
    label=Message("fund {stem}", "fondo {stem}"),
)

KINDS: tuple[PlanKind, ...] = (NATIONAL, WORK_PLAN, FUND)
BY_FOLDER: dict[str, PlanKind] = {kind.folder: kind for kind in KINDS}
BY_NAME: dict[str, PlanKind] = {kind.name: kind for kind in KINDS}


def folders_phrase() -> Message:
    """ "national/ or regional/", as the message about a misplaced file says it."""
    folders = [f"{kind.folder}/" for kind in KINDS]
    return Message(either(folders, "en"), either(folders, "es"))


def files_phrase() -> Message:
    """ "national/XX.yaml, regional/YEAR.yaml", as the message about an empty folder says it."""
    en = [f"{kind.folder}/{kind.file_name.en}" for kind in KINDS]
    es = [f"{kind.folder}/{kind.file_name.es}" for kind in KINDS]
    return Message(", ".join(en), ", ".join(es))
