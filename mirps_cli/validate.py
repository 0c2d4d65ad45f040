"""`mirps validate` as a function: load the tree, check it, return every problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mirps_cli import cache
from mirps_cli.loader import DEFAULT_MAX_FILE_SIZE, load_tree, shared_reads
from mirps_cli.loader.sources import Source
from mirps_cli.problems import Problem, Severity
from mirps_cli.tree import Tree


@dataclass(frozen=True)
class Validation:
    tree: Tree
    problems: list[Problem]  # sorted by file, line, column

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.INFO]


def validate_tree(
    source: Source | Path,
    as_of: dt.date,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    use_cache: bool | None = None,
    errors_only: bool = False,
    positions: bool = True,
) -> Validation:
    """Every problem of the tree a source holds (a folder, a revision, unwritten text).
    Files read before come from the cache unless `use_cache` is False (cache.py). With
    `errors_only`, the checks across the tree look for errors alone (a view needs no more).
    Without `positions`, the files let their positions go as they are read (`load_tree`):
    for a command that shows none of a valid tree; where the checks find anything, the tree
    is read again with them, so that every finding is placed."""
    use_cache = cache.enabled() if use_cache is None else use_cache
    tree, problems = load_tree(source, max_file_size, use_cache, positions)
    key = checks_key(tree, as_of, errors_only) if use_cache else None
    found = cache.load_checks(key) if key is not None else None
    if found is None:
        from mirps_cli.checks import run_checks  # the rules import the models: only now

        found = run_checks(tree, as_of, errors_only)
        if found and not positions:
            with shared_reads():  # anew: what was read before has let its positions go
                return validate_tree(
                    source, as_of, max_file_size, use_cache, errors_only, positions=True
                )
        if key is not None:
            cache.store_checks(key, found)
    return Validation(tree, sorted(problems + found, key=Problem.sort_key))


def checks_key(tree: Tree, as_of: dt.date, errors_only: bool = False) -> bytes | None:
    """What the rules' findings depend on: the day, which findings are wanted, and each
    file's place, kind and text (by digest). None when a file could not be read: there is
    nothing to key it by."""
    parts = [as_of.isoformat(), "errors" if errors_only else "all"]
    for plan in tree.files:
        if plan.digest is None:
            return None
        parts.append(f"{plan.path}\0{plan.display}\0{plan.kind.name}\0{plan.digest}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")  # a name may not be UTF-8
