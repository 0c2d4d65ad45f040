"""Where a command writes (-o): checked before any work, exit 2 on a bad one, then written
atomically. A draft, a workbook and a site each have their rules; none is ever written
into the plans folder, and none into a folder that does not exist."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import typer

HINT = "'-o' / '--output'"


def check_output(output: Path | None, plans_folder: Path | None) -> None:
    """What -o names, checked before any work: a regular file or a new one in a folder that
    exists, a stream (a device, a pipe, a terminal) written to as it is, `-` for stdout; never
    a folder, and never a file in the plans (a draft must not replace a plan). Exit 2."""
    if output is None or str(output) == "-":
        return
    if str(output) in ("", "."):
        raise typer.BadParameter("is empty: give a file name, or - for stdout", param_hint=HINT)
    if output.is_dir():
        raise typer.BadParameter(
            f"{str(output)!r} is a folder: give a file name in it", param_hint=HINT
        )
    _check_file_target(output, plans_folder, "the output")


def write_output(output: Path | None, data: str | bytes, plans_folder: Path | None) -> None:
    """Write a command's result where -o says (check_output's rules): a regular file
    atomically, a stream as a stream, stdout for none or `-`. A Word file's bytes go to stdout
    only when stdout is not a terminal."""
    from mirps_cli.cli.common import echo

    check_output(output, plans_folder)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or str(output) == "-":
        if isinstance(data, str):
            echo(data, False)
            return
        if sys.stdout.isatty():
            raise typer.BadParameter(
                "a Word document cannot be shown in the terminal: give -o FILE", param_hint=HINT
            )
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    try:
        mode = output.stat().st_mode if output.exists() else None
        if mode is not None and not stat.S_ISREG(mode):
            # A device, a named pipe, a terminal: written to, never replaced by a file.
            with open(output, "wb") as stream:
                stream.write(payload)
            return
    except OSError as error:
        from mirps_cli.atomic import unwritable

        raise unwritable(output, error) from None
    write_file(output, payload)


def write_file(path: Path, data: bytes) -> None:
    """A file written whole or not at all; a failure is one sentence (exit 1)."""
    from mirps_cli.atomic import unwritable, write_atomic

    try:
        write_atomic(path, data)
    except OSError as error:
        raise unwritable(path, error) from None


def workbook_targets(
    output: Path | None, country: str | None, plans: Path
) -> Callable[[str], Path]:
    """Where each country's workbook goes (`sheet export`): with --country a file (CC.xlsx
    here by default, never replacing one unasked), else a folder (here by default) that gets
    CC.xlsx for each member."""
    if country is not None:
        path = output if output is not None else Path(f"{country}.xlsx")
        if path.is_dir():
            path = path / f"{country}.xlsx"
        if output is None and path.exists():
            raise typer.BadParameter(
                f"{str(path)!r} exists: give -o {path} to replace it, or another name",
                param_hint=HINT,
            )
        _check_file_target(path, plans, "the workbook")
        return lambda _code: path
    folder = output if output is not None else Path(".")
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(
            f"{str(folder)!r} is a file: without --country, give a folder", param_hint=HINT
        )
    if not folder.exists():
        if not folder.parent.is_dir():
            raise typer.BadParameter(
                f"the folder {str(folder.parent)!r} does not exist: create it first",
                param_hint=HINT,
            )
        folder.mkdir()
    if output is None:
        found = sorted(p.name for p in folder.glob("??.xlsx"))
        if found:
            raise typer.BadParameter(
                f"{', '.join(found)} exist here: give -o . to replace them, or -o DIR",
                param_hint=HINT,
            )
    _check_file_target(folder / "XX.xlsx", plans, "the workbook")
    return lambda code: folder / f"{code}.xlsx"


def _check_file_target(path: Path, plans: Path | None, what: str) -> None:
    if not path.parent.is_dir():
        raise typer.BadParameter(
            f"the folder {str(path.parent)!r} does not exist: create it first", param_hint=HINT
        )
    if plans is not None and path.resolve().is_relative_to(plans.resolve()):
        raise typer.BadParameter(
            f"{str(path)!r} is inside the plans folder: write {what} elsewhere", param_hint=HINT
        )


def check_site_folder(output: Path, plans_folder: Path, manifest: str) -> None:
    """-o names a folder mirps may replace whole: absent (its parent exists), empty, or a site
    mirps built (it holds the manifest); never the plans, a folder holding them, the current
    folder or one above it, or a folder of other files. Exit 2, before any work."""
    if str(output) in ("", "."):
        raise typer.BadParameter(
            "give the name of the folder to write the site into", param_hint=HINT
        )
    target = output.resolve()
    plans = plans_folder.resolve()
    if target.is_relative_to(plans) or plans.is_relative_to(target):
        raise typer.BadParameter(
            f"{str(output)!r} and the plans folder overlap: write the site elsewhere",
            param_hint=HINT,
        )
    if Path.cwd().resolve().is_relative_to(target):
        raise typer.BadParameter(
            f"{str(output)!r} holds the current folder: give a folder below it", param_hint=HINT
        )
    if not target.parent.is_dir():
        raise typer.BadParameter(
            f"the folder {str(output.parent)!r} does not exist: create it first", param_hint=HINT
        )
    if target.exists() and not target.is_dir():
        raise typer.BadParameter(f"{str(output)!r} is a file, not a folder", param_hint=HINT)
    if target.is_dir() and any(target.iterdir()) and not _is_site(target / manifest):
        raise typer.BadParameter(
            f"{str(output)!r} holds files mirps did not write: give a new or empty folder",
            param_hint=HINT,
        )


def _is_site(manifest: Path) -> bool:
    """Whether a folder holds a site mirps wrote: its manifest says so."""
    try:
        said = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(said, dict) and said.get("generator") == "mirps site"
