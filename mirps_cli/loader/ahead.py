"""Parsing on two cores: a helper process parses part of the files while mirps parses the rest.

Parsing is most of a cold run, and Python parses on one core. Where the system can fork
(Linux), the files that are in no cache and large enough to be worth it are shared out by
size: a forked child parses and validates its share and writes each result as a cache entry
(cache.py), into the cache folder, or into a temporary folder when the cache is off; the
parent parses the rest meanwhile, then reads the child's entries as it reads any entry. A
child that fails (or a folder that cannot be written) costs nothing but time: the parent
parses what the child left undone, so the result is the same in every case.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mirps_cli import cache
from mirps_cli.loader.sources import SourceFile

# Below this many characters to parse, forking costs more than it saves (about 1,300
# commitments; a fork and the reading back take some tens of milliseconds).
MIN_TEXT = 2_000_000

Store = Callable[[SourceFile, Path], None]  # parse one file and write its entry in a folder


@dataclass
class Helper:
    """A child parsing `files` (by their (kind, text) key) into `folder`."""

    pid: int
    folder: Path
    files: set[tuple[str, str]]
    _temporary: tempfile.TemporaryDirectory[str] | None = None
    _ended: bool | None = field(default=None, init=False)

    def done(self) -> bool:
        """Wait for the child; whether it wrote every entry."""
        if self._ended is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self._ended = os.waitstatus_to_exitcode(status) == 0
            except ChildProcessError:
                self._ended = False
        return self._ended

    def close(self) -> None:
        self.done()  # never leave the child behind
        if self._temporary is not None:
            self._temporary.cleanup()


def can_fork() -> bool:
    # macOS forbids fork after some system libraries start; Windows has none.
    return sys.platform.startswith("linux") and hasattr(os, "fork")


# The child also writes its share's entries, which takes about half the time parsing and
# validating them does; the parent's entries are written behind its back (`write_behind`).
# So the child's share weighs this much more. Measured at 10,000 commitments, validate cold
# (4 runs each): 1.35 gave 4.7-4.8 s, 1.5 gave 4.1-4.7 s, 1.7 about the same as 1.5.
CHILD_WEIGHT = 1.5


def share(files: list[SourceFile]) -> tuple[list[SourceFile], list[SourceFile]]:
    """The files split in two shares that take about as long: the parent's, and the
    child's, smaller by CHILD_WEIGHT, since it writes its entries too."""
    mine: list[SourceFile] = []
    theirs: list[SourceFile] = []
    cost = [0.0, 0.0]
    for file in sorted(files, key=lambda f: -len(f.text or "")):
        size = len(file.text or "")
        # To the share that would end sooner with it; ties to the child.
        side = 0 if cost[0] + size < cost[1] + size * CHILD_WEIGHT else 1
        (mine if side == 0 else theirs).append(file)
        cost[side] += size * (CHILD_WEIGHT if side else 1)
    return mine, theirs


def start(to_parse: list[SourceFile], use_cache: bool, store: Store) -> Helper | None:
    """Fork a child that parses about half of `to_parse`; None when not worth it or not
    possible. The child's share is in the Helper's `files`."""
    if len(to_parse) < 2 or not can_fork():
        return None
    if sum(len(f.text or "") for f in to_parse) < MIN_TEXT:
        return None
    _, theirs = share(to_parse)
    temporary = None if use_cache else tempfile.TemporaryDirectory(prefix="mirps-")
    folder = Path(temporary.name) if temporary is not None else cache.folder()
    _flush()
    try:
        pid = os.fork()
    except OSError:
        if temporary is not None:
            temporary.cleanup()
        return None
    if pid == 0:
        _in_child(lambda: _store_share(theirs, folder, store))  # never returns
    keys = {_key(f) for f in theirs}
    return Helper(pid, folder, keys, temporary)


def _store_share(files: list[SourceFile], folder: Path, store: Store) -> None:
    for file in files:
        store(file, folder)


def _in_child(work: Callable[[], None]) -> Any:
    """Do `work` in a forked child and end it: 0 when all of it was done."""
    code = 1
    try:
        work()
        code = 0
    except BaseException:  # a failed or interrupted child: the parent reads or writes anew
        code = 1
    finally:
        os._exit(code)  # no atexit, no flushing of the parent's buffers, no test teardown


Entry = tuple[str, str, Any, Any, list[Any]]  # kind, text, raw data, model, problems

_WRITERS: list[int] = []


def write_behind(entries: list[Entry]) -> None:
    """Write these cache entries: in a forked child while the parent goes on with its
    checks and views when they are large (the child has the same objects, as they are at
    the fork), else here. `finish` waits for the writers."""
    if sum(len(text) for _, text, *_ in entries) >= MIN_TEXT and can_fork():
        _flush()
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:
            _in_child(lambda: _store_all(entries))  # never returns
        if pid > 0:
            if not _WRITERS:
                atexit.register(finish)  # for callers other than the CLI, which calls it
            _WRITERS.append(pid)
            return
    _store_all(entries)


def _store_all(entries: list[Entry]) -> None:
    for kind, text, raw, model, problems in entries:
        cache.store(kind, text, raw, model, problems)


def finish() -> None:
    """Wait for every writer started by `write_behind`."""
    while _WRITERS:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(_WRITERS.pop(), 0)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()  # or the child would hold, and repeat, what is not yet written


def _key(file: SourceFile) -> tuple[str, str]:
    assert file.kind is not None and file.text is not None
    return (file.kind.name, file.text)
