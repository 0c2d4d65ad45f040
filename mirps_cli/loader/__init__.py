"""Find, read, parse and validate every plan file under a plans folder.

Loading never raises for bad data: each file that cannot be read, parsed or
validated yields problems, and the rest of the tree loads all the same, so one
run reports everything.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ValidationError

from mirps_cli.errors import PlansNotFound
from mirps_cli.i18n import Message
from mirps_cli.loader.files import candidates, read_text
from mirps_cli.loader.locate import file_problem
from mirps_cli.loader.pydantic_errors import translate
from mirps_cli.model import NationalPlan, WorkPlan
from mirps_cli.problems import Problem
from mirps_cli.tree import Kind, PlanFile, Tree
from mirps_cli.yaml import PosMap, parse

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
MODELS: dict[Kind, type[BaseModel]] = {Kind.NATIONAL: NationalPlan, Kind.REGIONAL: WorkPlan}


def display_path(path: Path) -> str:
    """The path relative to the working folder when inside it, else as it is."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def resolve_plans_dir(option: str | None) -> Path:
    """--plans, else $MIRPS_PLANS, else ./plans; it must be a folder."""
    chosen = option or os.environ.get("MIRPS_PLANS") or "plans"
    path = Path(chosen)
    if not path.is_dir():
        raise PlansNotFound(
            f"plans folder '{chosen}' not found. Give it with --plans DIR or MIRPS_PLANS, "
            "or run mirps where a 'plans' folder is.",
            f"no se encuentra la carpeta de planes '{chosen}'. Indíquela con --plans DIR o "
            "MIRPS_PLANS, o ejecute mirps donde haya una carpeta 'plans'.",
        )
    return path.absolute()


def load_file(
    path: Path, kind: Kind, max_size: int = DEFAULT_MAX_FILE_SIZE, text: str | None = None
) -> tuple[PlanFile, list[Problem]]:
    """Load one file; `text`, when given, stands for its content (an edit not yet written)."""
    plan = PlanFile(path=path, display=display_path(path), kind=kind)
    problems: list[Problem] = []
    if text is None:
        text, problems = read_text(path, plan.display, max_size)
    if text is None:
        return plan, problems
    parsed = parse(text)
    problems = [
        file_problem(plan.display, f.code, f.message, f.line, f.column) for f in parsed.findings
    ]
    if parsed.data is None:
        if not problems:
            empty = Message("holds no data", "no contiene datos")
            problems.append(file_problem(plan.display, "M104", empty))
        return plan, problems
    if not isinstance(parsed.data, PosMap):
        is_list = isinstance(parsed.data, list)
        shape = Message(
            f"is {'a list' if is_list else 'a single value'}, not a mapping",
            f"es {'una lista' if is_list else 'un valor suelto'}, no un mapa",
        )
        problems.append(file_problem(plan.display, "M110", shape, 1, 1))
        return plan, problems
    plan.raw = parsed.data
    model = MODELS[kind]
    try:
        plan.model = model.model_validate(parsed.data)  # type: ignore[assignment]
    except ValidationError as error:
        # A refused tag leaves an empty value behind; saying so again is noise.
        refused = {(p.line, p.column) for p in problems if p.code == "M108"}
        problems.extend(
            p for p in translate(plan, error, model) if (p.line, p.column) not in refused
        )
    return plan, problems


def load_tree(
    root: Path, max_size: int = DEFAULT_MAX_FILE_SIZE, overrides: Mapping[Path, str] | None = None
) -> tuple[Tree, list[Problem]]:
    tree = Tree(root=root)
    problems: list[Problem] = []
    # Parsing builds many small objects and none are garbage; the cyclic
    # collector would spend up to half of a large load finding that out.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for path, kind in candidates(root):
            if kind is None:
                stray = Message(
                    "is not in a plans folder (national/ or regional/)",
                    "no está en una carpeta de planes (national/ o regional/)",
                )
                problems.append(file_problem(display_path(path), "M111", stray))
                continue
            plan, found = load_file(path, kind, max_size, (overrides or {}).get(path))
            tree.files.append(plan)
            problems.extend(found)
    finally:
        if gc_was_enabled:
            gc.enable()
    if not tree.files:
        # Most likely --plans names the wrong folder, e.g. the one above plans/.
        none = Message(
            "holds no plan files (national/XX.yaml, regional/YEAR.yaml)",
            "no contiene planes (national/XX.yaml, regional/AÑO.yaml)",
        )
        problems.append(file_problem(display_path(root), "M112", none))
    return tree, problems
