"""The cache edge: plan files already parsed and validated, and trees already checked, kept
between runs.

mirps runs in a hook on every commit, and most files did not change since the last run.
Two kinds of entry, each under a key made of what it depends on and of the code that made it
(mirps's version and its whole source), so an entry is never stale: a changed file, another
day, or a changed mirps is a different key.

- A file: its own problems, its raw data (with positions) and its model, each pickled apart,
  so that a run decodes only what it uses (most views need only the models; positions are
  needed only where a problem is reported).
- A tree's checks: the problems the cross-file rules found for one set of files on one day.
  `validate` on an unchanged tree reads its files, finds this entry and decodes nothing else.

The folder is safe to delete at any time; `--no-cache` (or MIRPS_NO_CACHE=1) turns it off.
It lives in the user's cache folder, never in the plans.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from mirps_cli import __version__
from mirps_cli.problems import Problem

try:  # hashlib's own BLAKE2, without `import hashlib` loading OpenSSL: ~5 ms of every start
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

_PACKAGE = Path(__file__).resolve().parent
_LOAD_ERRORS = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError)
_STORE_ERRORS = (OSError, pickle.PicklingError, RecursionError)


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
    """What made an entry: mirps's version and its whole source (models, parser, rules)."""
    digest = blake2b(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_digest(text: str) -> str:
    """What tells one text from another: the same text, the same digest."""
    return blake2b(text.encode(), digest_size=20).hexdigest()


def _path(*parts: str | bytes, at: Path | None = None) -> Path:
    digest = blake2b(_code_version().encode(), digest_size=32)
    for part in parts:
        # A file name that is not UTF-8 reaches Python with surrogates: kept as its bytes.
        raw = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(b"\0" + raw)
    name = digest.hexdigest()
    return (at or folder()) / name[:2] / f"{name}.pickle"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling builds many objects, none garbage: the collector would walk them all."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # they live as long as the command: never walk them again
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class FileEntry:
    """A file read before: its own problems now, its raw data and model when decoded."""

    problems: list[Problem]
    raw: bytes
    model: bytes

    @staticmethod
    def decode(blob: bytes) -> Any:
        """The object a blob holds; raises ValueError when the blob is damaged."""
        with _collector_paused():
            try:
                return pickle.loads(blob)
            except _LOAD_ERRORS as error:
                raise ValueError("damaged cache entry") from error


def has(kind: str, text: str) -> bool:
    """Whether a file's entry is there (it may still turn out damaged)."""
    return _path("file", kind, text).is_file()


def load(kind: str, text: str, display: str, at: Path | None = None) -> FileEntry | None:
    """What a file gave when read before, or None. `at`: another folder than the cache's."""
    try:
        problems, raw, model = pickle.loads(_path("file", kind, text, at=at).read_bytes())
    except _LOAD_ERRORS:
        return None  # absent, or unreadable: read the file again
    if not (isinstance(raw, bytes) and isinstance(model, bytes)):
        return None
    return FileEntry([replace(p, file=display) for p in problems], raw, model)


def store(
    kind: str, text: str, raw: Any, model: Any, problems: list[Problem], at: Path | None = None
) -> None:
    """Keep a file's results; a cache that cannot be written is simply not used."""
    with contextlib.suppress(*_STORE_ERRORS):
        blobs = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in (raw, model)]
        _write(_path("file", kind, text, at=at), (problems, *blobs))


def load_checks(key: bytes) -> list[Problem] | None:
    """The problems the rules found in a tree checked before (see `checks_key`), or None."""
    try:
        with _collector_paused():
            problems = pickle.loads(_path("checks", key).read_bytes())
    except _LOAD_ERRORS:
        return None
    return problems if isinstance(problems, list) else None


def store_checks(key: bytes, problems: list[Problem]) -> None:
    with contextlib.suppress(*_STORE_ERRORS):
        _write(_path("checks", key), problems)


def _write(path: Path, value: Any) -> None:
    from mirps_cli.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
