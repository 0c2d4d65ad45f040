"""Which two trees `mirps diff` compares, from its arguments, the way `git diff` reads them,
and the two trees loaded and validated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mirps_cli import git
from mirps_cli.errors import SideInvalid, UsageError
from mirps_cli.loader.sources import Folder, OneFile, Revision, Source

if TYPE_CHECKING:
    from mirps_cli.tree import Tree


@dataclass(frozen=True)
class Side:
    source: Source
    name: str  # as the diff names it: "HEAD~1", "working tree", "plans-2022"
    whole_tree: bool = True  # False for a single file: no checks across files


WORKING_TREE = "working tree"
# The plans folder of the working tree, found only when a side needs it: two folders or two
# files given by path need none.
PlansDir = Callable[[], Path]


def _revision(plans: PlansDir, text: str) -> Side:
    return Side(Revision.at(plans(), text or "HEAD"), text or "HEAD")


def choose_sides(args: list[str], staged: bool, plans: PlansDir) -> tuple[Side, Side]:
    """`mirps diff` (HEAD against the working tree), `REV`, `A..B`, `A B` (revisions, folders
    or plan files) and `--staged [REV]` (against the index)."""
    if len(args) > 2:
        raise UsageError(
            "give at most two things to compare: mirps diff [OLD [NEW]] or mirps diff OLD..NEW",
            "indique a lo sumo dos cosas a comparar: mirps diff [ANTES [DESPUÉS]] o "
            "mirps diff ANTES..DESPUÉS",
        )
    if staged:
        if len(args) > 1:
            raise UsageError(
                "--staged compares one revision (default HEAD) with what is staged",
                "--staged compara una revisión (HEAD por omisión) con lo preparado",
            )
        return _revision(plans, args[0] if args else "HEAD"), Side(Revision.index(plans()), "index")
    if len(args) == 2 and all(Path(a).exists() for a in args):
        before, after = (Path(a).absolute() for a in args)
        if before.is_dir() and after.is_dir():
            return Side(Folder(before), args[0]), Side(Folder(after), args[1])
        if before.is_file() and after.is_file():
            return (
                Side(OneFile(before), args[0], whole_tree=False),
                Side(OneFile(after), args[1], whole_tree=False),
            )
        raise UsageError(
            "compare two plan folders or two plan files, not one of each",
            "compare dos carpetas de planes o dos archivos de plan, no uno de cada uno",
        )
    if len(args) == 2:
        return _revision(plans, args[0]), _revision(plans, args[1])
    if len(args) == 1 and "..." in args[0]:
        # A...B: B against where it branched from A, as `git diff A...B` reads it.
        first, _, second = args[0].partition("...")
        folder = plans()
        base = git.merge_base(git.toplevel(folder), first or "HEAD", second or "HEAD")
        old = Side(Revision.at(folder, base), f"{first or 'HEAD'}...")
        return old, _revision(plans, second)
    if len(args) == 1 and ".." in args[0]:
        first, _, second = args[0].partition("..")
        return _revision(plans, first), _revision(plans, second)
    return _revision(plans, args[0] if args else "HEAD"), Side(Folder(plans()), WORKING_TREE)


def load_sides(old: Side, new: Side, today: dt.date) -> tuple[Tree, Tree]:
    """Both sides' trees, each validated (a whole tree with every check; a single file alone),
    or SideInvalid with the first failing side's errors; warnings do not stop a diff."""
    from mirps_cli.loader import load_tree, shared_reads
    from mirps_cli.validate import validate_tree

    trees = []
    with shared_reads():  # a file the two sides share is parsed once
        for side in (old, new):
            if side.whole_tree:
                result = validate_tree(side.source, today, errors_only=True, positions=False)
                tree, errors = result.tree, result.errors
            else:
                tree, problems = load_tree(side.source)
                errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise SideInvalid(side.name, errors, len(tree.files))
            trees.append(tree)
    return trees[0], trees[1]
