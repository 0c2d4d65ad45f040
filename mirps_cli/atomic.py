"""Writing a plan file so that an interrupted write never leaves half a file, and reading
a file a command imports without reading more than it accepts.

The new bytes go to a temporary file in the same folder (same file system, so
the rename is atomic), are flushed to disk, and only then replace the plan.
A reader, or a crash, sees the old file or the new one, nothing in between.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from mirps_cli.errors import MirpsError


def read_capped(path: Path, limit: int) -> tuple[bytes, int]:
    """A file's bytes and its size; no bytes when it is over `limit`. A workbook or PO file
    of gigabytes is refused by its size, never read whole into memory first. Raises
    OSError as open() does."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            return b"", size
        data = handle.read(limit + 1)  # the file may have grown since
    return data, max(size, len(data))


def write_atomic(path: Path, data: bytes) -> None:
    target = path.resolve()  # replace what a link points to, not the link
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    # A hidden name: the loader skips dot files, so a leftover from a crash is
    # never read as a plan.
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)
    _remove_leftovers(target)


def _remove_leftovers(target: Path) -> None:
    """A write killed between creating its temporary file and renaming it leaves the file
    behind: the next write of the same file removes such leftovers, those older than this
    run (a younger one may be another run's, still being written)."""
    started = _run_started()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and leftover.stat().st_mtime < started:
                leftover.unlink()


def _run_started() -> float:
    """When this process started (Linux's /proc), else when this module was imported."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORTED


_IMPORTED = time.time()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# What the operating system says, in words a user can act on; anything else keeps its own.
_REASONS = {
    errno.ENOSPC: ("the disk is full", "el disco está lleno"),
    errno.EDQUOT: ("the disk quota is used up", "se agotó la cuota de disco"),
    errno.EROFS: ("the file system is read-only", "el sistema de archivos es de solo lectura"),
    errno.EACCES: ("permission denied", "permiso denegado"),
    errno.EPERM: (
        "the operating system forbids it (an immutable or protected file?)",
        "el sistema operativo lo impide (¿un archivo inmutable o protegido?)",
    ),
}


def unwritable(path: Path, error: OSError) -> MirpsError:
    """One sentence for a write that failed: nothing was changed (write_atomic leaves the old
    file and no temporary one)."""
    en, es = _REASONS.get(error.errno or 0, (error.strerror or str(error),) * 2)
    return MirpsError(
        f"cannot write {path}: {en}; nothing was changed",
        f"no se puede escribir {path}: {es}; no se cambió nada",
    )


class NewFolder:
    """A folder written file by file and put in place whole (`mirps site -o public/`).

    The files go to a hidden folder beside the target; only when every one is written does
    it take the target's place, and the old one is removed. Until then a reader (a web
    server) sees the old site whole; a failure, or a kill, leaves it as it was, and the
    hidden folder is removed (by the next run, after a kill). The target must be absent,
    empty, or earlier output (the command checks it first): never a folder of files."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.temp: Path | None = None
        self._made: set[Path] = set()  # the folders made in it so far

    def __enter__(self) -> NewFolder:
        parent = self.target.parent
        _remove_leftover_folders(self.target)
        try:
            self.temp = Path(
                tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=parent)
            )
        except OSError as error:
            raise unwritable(self.target, error) from None
        return self

    @property
    def folder(self) -> Path:
        """Where the files are being written, until the folder takes the target's place."""
        assert self.temp is not None
        return self.temp

    def write(self, relative: str, data: bytes | str) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self._write(relative, lambda handle: handle.write(payload))

    def write_chunks(self, relative: str, chunks: Iterable[str]) -> None:
        """A file of the folder, from pieces written as they come (a JSON copy of 10,000
        commitments is never held whole)."""

        def put(handle: BinaryIO) -> None:
            # A template yields hundreds of small pieces a page: joined in C some thousands
            # at a time (a Python loop over them cost a tenth of a site's time).
            pieces = iter(chunks)
            while block := list(islice(pieces, 4096)):
                handle.write("".join(block).encode("utf-8"))

        self._write(relative, put)

    def _write(self, relative: str, put: Callable[[BinaryIO], object]) -> None:
        assert self.temp is not None
        path = self.temp / relative
        try:
            if path.parent not in self._made:  # a site's 20,000 pages are in a few folders
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            with open(path, "wb") as handle:
                put(handle)
            os.chmod(path, 0o644)
        except OSError as error:
            raise unwritable(self.target, error) from None

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        assert self.temp is not None
        if kind is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
            return
        try:
            # No sync of the files first (it took 4 s for a site of 200 MB): the rename is
            # what readers see whole, and a folder mirps wrote is made again, never lost.
            os.chmod(self.temp, 0o755)
            self._swap()
        except OSError as failure:
            shutil.rmtree(self.temp, ignore_errors=True)
            raise unwritable(self.target, failure) from None

    def _swap(self) -> None:
        assert self.temp is not None
        if not self.target.exists():
            os.rename(self.temp, self.target)
            return
        old = Path(
            tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".old", dir=self.target.parent)
        )
        os.rmdir(old)  # a free name beside the target, for the old folder
        os.rename(self.target, old)
        try:
            os.rename(self.temp, self.target)
        except OSError:
            os.rename(old, self.target)
            raise
        _sync_folder(self.target.parent)
        _remove_behind(old)


def _remove_behind(old: Path) -> None:
    """Remove the folder a new one replaced, without keeping the command waiting where the
    system can fork: a site of 20,000 pages takes seconds to unlink, and nobody reads the
    hidden folder meanwhile. A grandchild removes it (the child exits at once, so that no
    process is left unreaped); a removal cut short is finished by the next run."""
    if not (sys.platform.startswith("linux") and hasattr(os, "fork")):
        shutil.rmtree(old, ignore_errors=True)
        return
    pid = os.fork()
    if pid == 0:
        try:
            if os.fork() == 0:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _remove_leftover_folders(target: Path) -> None:
    """The hidden folders of a run that was killed, older than this run."""
    started = _run_started()
    for suffix in ("tmp", "old"):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.{suffix}"):
            with contextlib.suppress(OSError):
                if leftover.is_dir() and leftover.stat().st_mtime < started:
                    shutil.rmtree(leftover)
