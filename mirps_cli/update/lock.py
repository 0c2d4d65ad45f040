"""The plans' update lock: two `mirps update` runs at once take turns, so neither writes over
the other's entry.

The lock belongs to the plans, not to the user: two writers with different cache folders (two
users, sudo, a container, an editor plugin with its own environment) must take the same lock.
So it lives in the git folder of the repository that holds the plans (one lock a checkout;
nothing new in `git status`), or, outside git, as a hidden file in the plans folder itself,
which the loader skips as it skips every dot file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from mirps_cli.errors import MirpsError

# Long enough for another update of the same plans to finish; then say so, never hang.
LOCK_TIMEOUT = 60.0
LOCK_NAME = "mirps-update.lock"


def lock_path(folder: Path) -> Path:
    """Where the lock of the plans in `folder` lives: the git folder of the checkout that holds
    them, else the plans folder itself."""
    git_folder = _git_folder(folder.resolve())
    if git_folder is not None:
        return git_folder / LOCK_NAME
    return folder / f".{LOCK_NAME}"


def _git_folder(start: Path) -> Path | None:
    """The git folder of the checkout `start` is in, found without running git: a `.git`
    folder, or a `.git` file naming it (`gitdir: ...`, as a worktree or submodule has)."""
    for place in (start, *start.parents):
        dot_git = place / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            try:
                first = dot_git.read_text(encoding="utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError):
                return None
            if first.startswith("gitdir:"):
                named = Path(first.removeprefix("gitdir:").strip())
                named = named if named.is_absolute() else place / named
                return named if named.is_dir() else None
            return None
    return None


@contextlib.contextmanager
def plans_locked(folder: Path) -> Iterator[None]:
    """Hold the lock of the plans in `folder` while a run reads, checks and writes them."""
    from filelock import FileLock, Timeout

    path = lock_path(folder)
    lock = FileLock(path, timeout=LOCK_TIMEOUT)
    try:
        with lock:
            yield
    except Timeout:
        raise MirpsError(
            f"another mirps update has held {folder} for {LOCK_TIMEOUT:.0f} s; try again",
            f"otra actualización de mirps retiene {folder} desde hace {LOCK_TIMEOUT:.0f} s; "
            "vuelva a intentarlo",
        ) from None
    except OSError as error:
        # Only the lock's own file (or the folder it goes in) is refused here: anything else is
        # the body's, and a bug.
        if error.filename is None or Path(error.filename) not in (path, path.parent):
            raise
        raise MirpsError(
            f"cannot take the update lock {path}: {error.strerror}; the plans folder and its "
            "git folder must be writable",
            f"no se puede tomar el bloqueo de actualización {path}: {error.strerror}; la "
            "carpeta de los planes y su carpeta git deben admitir escritura",
        ) from None
