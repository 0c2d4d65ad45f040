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

The folder is safe to delete at any time (`mirps cache clear`); `--no-cache` (or
MIRPS_NO_CACHE=1) turns it off. It lives in the user's cache folder, never in the plans.

Entries are pickles, and a pickle runs code when it is read: so every entry is signed with a
key only this user can read (`key` in the folder, mode 0600, keyed BLAKE2b), and an entry
whose signature does not match is never unpickled. A folder another user can write (or a key
another user can read) is not used at all. The folder keeps under a maximum size (default
300 MB; MIRPS_CACHE_MAX_SIZE, written as --max-file-size takes it), the least recently used
entries going first.
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
    """Whether this run uses the cache folder: not turned off, and a folder (and key) only
    this user can write and read."""
    return not os.environ.get("MIRPS_NO_CACHE") and _secret(folder()) is not None


DEFAULT_MAX_SIZE = 300_000_000
KEY_NAME = "key"
MAC_SIZE = 32


def max_size() -> int:
    """MIRPS_CACHE_MAX_SIZE (20MB, 1GB, a number of bytes), else 300 MB."""
    from mirps_cli.i18n import size_of

    return size_of(os.environ.get("MIRPS_CACHE_MAX_SIZE", "")) or DEFAULT_MAX_SIZE


# One key a folder, read once a run. A folder that is not the cache's (a helper's temporary
# folder, with the cache off) is signed with a key of this run's alone, which forked helpers
# share.
_KEYS: dict[Path, bytes | None] = {}
_RUN_KEY = os.urandom(32)


def _private(path: Path, info: os.stat_result) -> bool:
    """Owned by this user, and no one else can write it (nor, for the key, read it)."""
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return False
    return not info.st_mode & (0o077 if path.name == KEY_NAME else 0o022)


def _secret(base: Path) -> bytes | None:
    """The key that signs the entries in `base`, created on first use; None when the folder
    or its key is not this user's alone (then the cache is not used)."""
    if base in _KEYS:
        return _KEYS[base]
    found: bytes | None = None
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _private(base, base.stat()):
            key = base / KEY_NAME
            try:
                fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(os.urandom(32))
            if _private(key, key.stat()):
                found = key.read_bytes()
                found = found if len(found) == 32 else None
    except OSError:
        found = None
    _KEYS[base] = found
    return found


def _signed(base: Path, payload: bytes) -> bytes | None:
    key = _key_of(base)
    return None if key is None else _mac(key, payload) + payload


def _verified(base: Path, data: bytes) -> bytes:
    """The payload of a signed entry; ValueError when its signature does not match."""
    key = _key_of(base)
    mac, payload = data[:MAC_SIZE], data[MAC_SIZE:]
    if key is None or _mac(key, payload) != mac:
        raise ValueError("unsigned cache entry")
    return payload


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
    """A file read before: its own problems now, its raw data and model when decoded. Each
    part is signed on its own, so a run checks only what it decodes (an unchanged `validate`
    decodes no part: checking 37 MB of parts at 10,000 commitments cost it ~80 ms)."""

    problems: list[Problem]
    raw: bytes
    model: bytes
    key: bytes

    def decode(self, blob: bytes) -> Any:
        """The object a signed part holds; ValueError when it is damaged or not signed."""
        mac, payload = blob[:MAC_SIZE], blob[MAC_SIZE:]
        if blake2b(payload, key=self.key, digest_size=MAC_SIZE).digest() != mac:
            raise ValueError("unsigned cache entry")
        with _collector_paused():
            try:
                return pickle.loads(payload)
            except _LOAD_ERRORS as error:
                raise ValueError("damaged cache entry") from error


def _key_of(base: Path) -> bytes | None:
    return _secret(base) if base == folder() else _RUN_KEY


def _mac(key: bytes, payload: bytes) -> bytes:
    return blake2b(payload, key=key, digest_size=MAC_SIZE).digest()


def has(kind: str, text: str) -> bool:
    """Whether a file's entry is there (it may still turn out damaged)."""
    return _path("file", kind, text).is_file()


def load(kind: str, text: str, display: str, at: Path | None = None) -> FileEntry | None:
    """What a file gave when read before, or None. `at`: another folder than the cache's.
    An entry is its signed header (the problems, the parts' lengths), then its signed parts;
    nothing is unpickled before its signature is checked."""
    base = at or folder()
    key = _key_of(base)
    if key is None:
        return None
    try:
        entry = _path("file", kind, text, at=at)
        data = entry.read_bytes()
        size = int.from_bytes(data[MAC_SIZE : MAC_SIZE + 8], "big")
        header = data[MAC_SIZE + 8 : MAC_SIZE + 8 + size]
        if len(header) != size or _mac(key, header) != data[:MAC_SIZE]:
            return None  # not signed by this user: read the file again
        problems, raw_size = pickle.loads(header)
        parts = data[MAC_SIZE + 8 + size :]
    except (*_LOAD_ERRORS, ValueError):
        return None  # absent or unreadable: read the file again
    _used(entry)
    if not isinstance(raw_size, int) or not isinstance(problems, list):
        return None
    raw, model = parts[:raw_size], parts[raw_size:]
    return FileEntry([replace(p, file=display) for p in problems], raw, model, key)


def store(
    kind: str, text: str, raw: Any, model: Any, problems: list[Problem], at: Path | None = None
) -> None:
    """Keep a file's results; a cache that cannot be written is simply not used."""
    base = at or folder()
    key = _key_of(base)
    if key is None:
        return
    with contextlib.suppress(*_STORE_ERRORS):
        parts = []
        for part in (raw, model):
            payload = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
            parts.append(_mac(key, payload) + payload)
        header = pickle.dumps((problems, len(parts[0])), protocol=pickle.HIGHEST_PROTOCOL)
        data = _mac(key, header) + len(header).to_bytes(8, "big") + header + b"".join(parts)
        _write_bytes(_path("file", kind, text, at=at), data)


def load_checks(key: bytes) -> list[Problem] | None:
    """The problems the rules found in a tree checked before (see `checks_key`), or None."""
    try:
        entry = _path("checks", key)
        with _collector_paused():
            problems = pickle.loads(_verified(folder(), entry.read_bytes()))
    except _LOAD_ERRORS:
        return None
    _used(entry)
    return problems if isinstance(problems, list) else None


def store_checks(key: bytes, problems: list[Problem]) -> None:
    with contextlib.suppress(*_STORE_ERRORS):
        _write(_path("checks", key), problems)


def _write(path: Path, value: Any) -> None:
    signed = _signed(path.parent.parent, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    if signed is not None:  # else a folder this user does not own alone: nothing is written
        _write_bytes(path, signed)


def _write_bytes(path: Path, data: bytes) -> None:
    from mirps_cli.atomic import write_atomic

    base = path.parent.parent
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomic(path, data)
    if base == folder():
        _bounded(base, max_size())


def _used(entry: Path) -> None:
    """Mark an entry used now: eviction takes the least recently used first."""
    with contextlib.suppress(OSError):
        os.utime(entry)


def _entries(base: Path) -> list[tuple[float, int, Path]]:
    found = []
    for shard in base.iterdir() if base.is_dir() else []:
        if shard.is_dir() and len(shard.name) == 2:
            for entry in shard.iterdir():
                with contextlib.suppress(OSError):
                    info = entry.stat()
                    found.append((info.st_mtime, info.st_size, entry))
    return found


def _bounded(base: Path, limit: int) -> None:
    """Keep the folder under `limit` bytes: the least recently used entries go first."""
    with contextlib.suppress(OSError):
        entries = _entries(base)
        total = sum(size for _, size, _ in entries)
        for _, size, entry in sorted(entries):
            if total <= limit:
                break
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
            total -= size


def size(base: Path | None = None) -> tuple[int, int]:
    """How many entries the cache folder holds, and their bytes."""
    entries = _entries(base or folder())
    return len(entries), sum(size for _, size, _ in entries)


def clear(base: Path | None = None) -> tuple[int, int]:
    """Remove every entry (the key stays); how many went, and their bytes."""
    entries = _entries(base or folder())
    for _, _, entry in entries:
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()
    return len(entries), sum(size for _, size, _ in entries)
