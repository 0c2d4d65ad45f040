"""`mirps validate` as a function: load the tree, check it, return every problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mirps_cli.checks import run_checks
from mirps_cli.loader import DEFAULT_MAX_FILE_SIZE, load_tree
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
) -> Validation:
    """Every problem of the tree a source holds (a folder, a revision, unwritten text).
    Files read before come from the cache unless `use_cache` is False (cache.py)."""
    tree, problems = load_tree(source, max_file_size, use_cache)
    problems = problems + run_checks(tree, as_of)
    return Validation(tree, sorted(problems, key=Problem.sort_key))
