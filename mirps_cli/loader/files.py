"""A plans folder's files: which names are plans, and reading one as UTF-8 text within a limit."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from mirps_cli.i18n import Message, amount, number
from mirps_cli.kinds import BY_FOLDER, PlanKind
from mirps_cli.loader.locate import file_problem
from mirps_cli.problems import Problem

YAML_SUFFIXES = (".yaml", ".yml")


def is_plan_name(name: str) -> bool:
    """A YAML file's name that is not hidden: editor swap files and the temporary files
    of an interrupted write start with a dot, and are not plans."""
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def kind_of(parts: tuple[str, ...]) -> PlanKind | None:
    """The kind of plan a file holds, from its path below the plans folder: national/HN.yaml."""
    return BY_FOLDER.get(parts[0]) if len(parts) == 2 else None


def candidates(root: Path) -> Iterator[tuple[Path, PlanKind | None]]:
    """Every YAML name under root, with the kind its folder gives; hidden names are skipped."""
    for folder, dirs, files in os.walk(root):
        # Hidden folders and files hold editor swap files and our own temporary
        # files of an interrupted write; they are not plans.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        relative = here.relative_to(root).parts
        names = [n for n in files if not n.startswith(".")]
        # A folder named like a plan file is reported, not walked into.
        for name in list(dirs):
            if name.endswith(YAML_SUFFIXES):
                dirs.remove(name)
                names.append(name)
        for name in sorted(names):
            if is_plan_name(name):
                yield here / name, kind_of((*relative, name))


def read_text(path: Path, display: str, max_size: int) -> tuple[str | None, list[Problem]]:
    try:
        info = path.stat()
    except OSError as error:
        return None, [file_problem(display, "M101", _unreadable(error))]
    if path.is_dir():
        folder = Message("is a folder, not a file", "es una carpeta, no un archivo")
        return None, [file_problem(display, "M101", folder)]
    if not stat.S_ISREG(info.st_mode):
        # A device (/dev/zero) or a named pipe would be read forever.
        special = Message("is not a regular file", "no es un archivo normal")
        return None, [file_problem(display, "M101", special)]
    if info.st_size > max_size:
        return None, [too_large(display, info.st_size, max_size)]
    try:
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)  # the size may have changed since stat
    except OSError as error:
        return None, [file_problem(display, "M101", _unreadable(error))]
    if len(data) > max_size:
        return None, [too_large(display, len(data), max_size)]
    return decode(data, display)


def too_large(display: str, size: int, max_size: int) -> Problem:
    def mb(n: int, lang: str) -> str:
        # Below 0.1 MB, in bytes: "0.0 MB over the 0.0 MB limit" would say nothing.
        return f"{amount(n / 1e6, lang, places=1)} MB" if n >= 100_000 else f"{number(n, lang)} B"

    return file_problem(
        display,
        "M102",
        Message(
            f"is {mb(size, 'en')}, over the {mb(max_size, 'en')} limit",
            f"mide {mb(size, 'es')}, más que el límite de {mb(max_size, 'es')}",
        ),
    )


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The bytes as UTF-8 text (a BOM dropped), or the place of the first byte that is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = f"0x{data[error.start]:02x}"
        message = Message(f"byte {byte} is not UTF-8 text", f"el byte {byte} no es texto UTF-8")
        return None, [file_problem(display, "M103", message, line, column)]
    return text, []


def _unreadable(error: OSError) -> Message:
    # The operating system's reason comes in its own language.
    reason = error.strerror or str(error)
    return Message(f"cannot be read: {reason}", f"no se puede leer: {reason}")
