"""Writing a plan file so that an interrupted write never leaves half a file.

The new bytes go to a temporary file in the same folder (same file system, so
the rename is atomic), are flushed to disk, and only then replace the plan.
A reader, or a crash, sees the old file or the new one, nothing in between.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


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
