"""The plans loaded for a command: valid, or their errors said and exit 1; under the lock
and read once for an edit. The one way from the command line to a checked tree (a test
holds every command to it); `validate` is the verb's own core."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from mirps_cli.cli.common import resolve_plans_dir

if TYPE_CHECKING:  # the tree's models cost start-up time; only loading commands need them
    from mirps_cli.problems import Problem
    from mirps_cli.tree import Tree


def load_view(
    plans: str | None,
    as_of: dt.date,
    lang: str = "en",
    for_views: bool = True,
    kinds: tuple[str, ...] | None = None,
    country: str | None = None,
) -> Tree:
    """The valid tree as the command shows it on `as_of` (tree/view.py's `view_of`); for the
    views (`for_views`), plain text marked with the language it is written in."""
    from mirps_cli.tree.view import view_of

    tree = load_valid_tree(plans, as_of, lang)
    return view_of(tree, as_of, lang if for_views else None, kinds, country)


@contextlib.contextmanager
def editing(folder: Path) -> Iterator[None]:
    """An edit of the plans: under their lock (`locked`), every file read once (`read_once`)."""
    with locked(folder), read_once():
        yield


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Under the plans' lock: a second edit waits for this one."""
    from mirps_cli.update.lock import plans_locked

    with plans_locked(folder):
        yield


@contextlib.contextmanager
def read_once() -> Iterator[None]:
    """Every file an edit reads again once changed (to validate the result) taken from its
    first read when its text is the same: parsed once and held once. At 10,000 commitments
    the second tree of a sheet import cost as much time and memory as the first. What was
    read is held until the block ends."""
    from mirps_cli.loader import shared_reads

    with shared_reads():
        yield


def load_valid_tree(
    plans: str | None,
    as_of: dt.date | None = None,
    lang: str = "en",
    positions: bool = False,
) -> Tree:
    """The tree, or the validate findings on stderr and exit 1 when it has errors. Its files
    keep their positions only with `positions` (a command that shows where a text is)."""
    found = valid_tree(resolve_plans_dir(plans), as_of, positions)
    if isinstance(found, Invalid):
        refuse_invalid(found, lang)
    return found


@dataclasses.dataclass(frozen=True)
class Invalid:
    """Plans a command cannot work on: their errors, and how many files were checked."""

    errors: list[Problem]
    files: int


def valid_tree(
    folder: Path, as_of: dt.date | None = None, positions: bool = False
) -> Tree | Invalid:
    """The tree of a plans folder, or its errors; nothing said (the report asks this of a
    child process, which leaves the saying to its parent). Errors are placed in any case;
    the files of a valid tree keep their positions only with `positions`."""
    from mirps_cli.validate import validate_tree

    result = validate_tree(folder, as_of or dt.date.today(), errors_only=True, positions=positions)
    return Invalid(result.errors, len(result.tree.files)) if result.errors else result.tree


def refuse_invalid(invalid: Invalid, lang: str) -> NoReturn:
    """The plans' errors on stderr, and exit 1: a command that needs valid plans."""
    from mirps_cli.i18n import Message, full_stop
    from mirps_cli.output import problems as findings

    typer.echo(findings.render(invalid.errors, lang, invalid.files), err=True, nl=False)
    fix = Message(
        "the plans have errors; fix them first (see `mirps validate`)",
        "los planes tienen errores; corríjalos primero (vea `mirps validate`)",
    )
    typer.echo(f"mirps: {full_stop(fix.in_lang(lang))}", err=True)
    raise typer.Exit(1)
