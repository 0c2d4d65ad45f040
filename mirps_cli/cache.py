"""The cache edge: plan files already parsed and validated, kept between runs.

mirps runs in a hook on every commit, and most files did not change since the last run.
A file's parsed data (with its positions), its model and its own problems are kept under a
key made of its kind, its exact text, and the code that reads it (mirps's version and the
source of the models and the parser), so an entry is never stale: a changed file, or a
changed mirps, is a different key. The folder is safe to delete at any time; `--no-cache`
(or MIRPS_NO_CACHE=1) turns it off. It lives in the user's cache folder, never in the plans.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from mirps_cli import __version__
from mirps_cli.problems import Problem

_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    """$MIRPS_CACHE_DIR, else $XDG_CACHE_HOME/mirps, else ~/.cache/mirps."""
    chosen = os.environ.get("MIRPS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mirps"


def enabled() -> bool:
    return not os.environ.get("MIRPS_NO_CACHE")


@cache
def _code_version() -> str:
    """What reads a file: mirps's version and the source of its models and parser."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(
        [*(_PACKAGE / "model").glob("*.py"), _PACKAGE / "yaml.py", _PACKAGE / "dates.py"]
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _entry(kind: str, text: str) -> Path:
    digest = hashlib.sha256(f"{_code_version()}\0{kind}\0".encode() + text.encode()).hexdigest()
    return folder() / digest[:2] / f"{digest}.pickle"


def load(kind: str, text: str, display: str) -> tuple[Any, Any, list[Problem]] | None:
    """The raw data, model and problems of a file read before, or None."""
    path = _entry(kind, text)
    try:
        raw, model, problems = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None  # absent, or unreadable: read the file again
    return raw, model, [replace(p, file=display) for p in problems]


def store(kind: str, text: str, raw: Any, model: Any, problems: list[Problem]) -> None:
    """Keep a file's results; a cache that cannot be written is simply not used."""
    from mirps_cli.atomic import write_atomic

    path = _entry(kind, text)
    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps((raw, model, problems), protocol=pickle.HIGHEST_PROTOCOL))
