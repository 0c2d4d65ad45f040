"""A plans folder's files: which names are plans, and reading one as UTF-8 text within a limit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import file_problem
from mirps_cli.problems import Problem
from mirps_cli.tree import FOLDERS, Kind

YAML_SUFFIXES = (".yaml", ".yml")


def candidates(root: Path) -> Iterator[tuple[Path, Kind | None]]:
    """Every YAML name under root, with the kind its folder gives; hidden names are skipped."""
    kinds = {folder: kind for kind, folder in FOLDERS.items()}
    for folder, dirs, files in os.walk(root):
        # Hidden folders and files hold editor swap files and our own temporary
        # files of an interrupted write; they are not plans.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        relative = here.relative_to(root).parts
        kind = kinds.get(relative[0]) if len(relative) == 1 else None
        names = [n for n in files if not n.startswith(".")]
        # A folder named like a plan file is reported, not walked into.
        for name in list(dirs):
            if name.endswith(YAML_SUFFIXES):
                dirs.remove(name)
                names.append(name)
        for name in sorted(names):
            if name.endswith(YAML_SUFFIXES):
                yield here / name, kind


def read_text(path: Path, display: str, max_size: int) -> tuple[str | None, list[Problem]]:
    try:
        info = path.stat()
    except OSError as error:
        return None, [file_problem(display, "M101", _unreadable(error))]
    if path.is_dir():
        folder = Message("is a folder, not a file", "es una carpeta, no un archivo")
        return None, [file_problem(display, "M101", folder)]
    if info.st_size > max_size:
        size = f"{info.st_size / 1e6:.1f} MB"
        limit = f"{max_size / 1e6:.1f} MB"
        too_large = Message(
            f"is {size}, over the {limit} limit", f"mide {size}, más que el límite de {limit}"
        )
        return None, [file_problem(display, "M102", too_large)]
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [file_problem(display, "M101", _unreadable(error))]
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
