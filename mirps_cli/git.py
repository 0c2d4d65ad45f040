"""The git edge: the one module that runs git.

Plans are read from git's objects (`git ls-tree`, `git cat-file --batch`), never
by checking anything out, so the working tree and the index stay untouched.
Every failure becomes a GitError with a sentence that says what to do.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mirps_cli.errors import UsageError


class GitError(UsageError):
    """git is missing, the folder is no repository, or a revision does not exist (exit 2)."""


@dataclass(frozen=True)
class Blob:
    path: str  # relative to the repository's root, with forward slashes
    mode: str  # 100644 a file, 100755 an executable file, 120000 a link, 160000 a submodule
    object_id: str
    size: int | None  # None for what is not a blob (a submodule)


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # No pager, no prompt, and git's own words in English whatever the locale,
    # so that a failure can be recognised and explained.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_PAGER": "cat"}
    try:
        run = subprocess.run(
            ["git", *args], cwd=repo, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitError(
            "git is not installed: install git to read plans from a revision",
            "git no está instalado: instale git para leer planes de una revisión",
        ) from None
    if run.returncode != 0:
        reason = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _explain(repo, args, reason[-1] if reason else f"exit {run.returncode}")
    return run.stdout


def _explain(repo: Path, args: tuple[str, ...], reason: str) -> GitError:
    if "not a git repository" in reason:
        return GitError(
            f"'{repo}' is not inside a git repository: run mirps in the repository that "
            "holds the plans, or compare two folders",
            f"'{repo}' no está dentro de un repositorio git: ejecute mirps en el repositorio "
            "de los planes, o compare dos carpetas",
        )
    return GitError(
        f"git {' '.join(args)} failed: {reason}", f"git {' '.join(args)} falló: {reason}"
    )


def toplevel(folder: Path) -> Path:
    """The root of the repository that holds `folder`."""
    return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())


def resolve(repo: Path, revision: str) -> str:
    """The commit a revision names (HEAD~1, a branch, a tag, an abbreviated id)."""
    if revision.startswith("-"):  # never let a revision be read as an option
        raise _unknown(revision)
    try:
        return (
            _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except GitError as error:
        if "not inside a git repository" in error.message.en:
            raise
        raise _unknown(revision) from None


def _unknown(revision: str) -> GitError:
    return GitError(
        f"unknown revision '{revision}': give a commit, a branch or a tag that exists "
        "(see `git log --oneline`)",
        f"revisión desconocida '{revision}': indique un commit, una rama o una etiqueta que "
        "exista (vea `git log --oneline`)",
    )


def merge_base(repo: Path, first: str, second: str) -> str:
    """The commit where two histories meet: what `A...B` compares B with, as git diff does."""
    one, two = resolve(repo, first), resolve(repo, second)
    return _git(repo, "merge-base", one, two).decode().strip()


def list_tree(repo: Path, commit: str, folder: str) -> list[Blob]:
    """Every entry under `folder` (relative to the root) at `commit`, recursively."""
    out = _git(repo, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", folder)
    blobs = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, kind, object_id, size = meta.decode().split()
        blobs.append(
            Blob(
                path.decode("utf-8", "surrogateescape"),
                mode,
                object_id,
                int(size) if kind == "blob" else None,
            )
        )
    return blobs


def list_index(repo: Path, folder: str) -> list[Blob]:
    """Every entry under `folder` in the index (what `git commit` would record), with sizes."""
    out = _git(repo, "ls-files", "--stage", "-z", "--full-name", "--", folder)
    staged = []
    for record in out.split(b"\0"):
        if record:
            meta, _, raw_path = record.partition(b"\t")
            mode, object_id, _stage = meta.decode().split()
            staged.append((mode, object_id, raw_path.decode("utf-8", "surrogateescape")))
    ids = "".join(f"{object_id}\n" for _, object_id, _ in staged).encode()
    sizes = (
        _git(repo, "cat-file", "--batch-check", stdin=ids).decode().split("\n") if staged else []
    )
    blobs = []
    for (mode, object_id, name), line in zip(staged, sizes, strict=False):
        kind, size = line.split()[1:3] if len(line.split()) == 3 else ("missing", "0")
        blobs.append(Blob(name, mode, object_id, int(size) if kind == "blob" else None))
    return blobs


def read_blobs(repo: Path, object_ids: list[str]) -> dict[str, bytes]:
    """The content of each blob, read in one `git cat-file --batch` process."""
    if not object_ids:
        return {}
    out = _git(repo, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in object_ids).encode())
    contents: dict[str, bytes] = {}
    at = 0
    for object_id in object_ids:
        header_end = out.index(b"\n", at)
        _, _, size = out[at:header_end].decode().split()
        start = header_end + 1
        contents[object_id] = out[start : start + int(size)]
        at = start + int(size) + 1  # the content is followed by a newline
    return contents


def relative_to_root(repo_root: Path, folder: Path) -> str:
    """`folder` as a path relative to the repository's root, with forward slashes."""
    return folder.resolve().relative_to(repo_root.resolve()).as_posix()


def describe(folder: Path) -> str | None:
    """ "3f2a1c9" or "3f2a1c9 + uncommitted changes": the commit the plans in `folder` are at,
    and whether they differ from it. None outside a repository or without git."""
    try:
        repo = toplevel(folder)
        commit = _git(repo, "rev-parse", "--short=12", "HEAD").decode().strip()
        changed = _git(repo, "status", "--porcelain", "--", relative_to_root(repo, folder))
    except GitError:
        return None
    return f"{commit} + uncommitted changes" if changed.strip() else commit


def uncommitted(folder: Path) -> list[str]:
    """The files under `folder` whose content differs from the last commit, staged or not,
    and the files git does not track there (as `git status --porcelain` names them)."""
    repo = toplevel(folder)
    out = _git(repo, "status", "--porcelain", "-z", "--", relative_to_root(repo, folder))
    return [record[3:].decode("utf-8", "surrogateescape") for record in out.split(b"\0") if record]


def current_branch(repo: Path) -> str | None:
    """The branch checked out, or None on a detached HEAD."""
    try:
        return _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD").decode().strip()
    except GitError:
        return None


def check_new_branch(repo: Path, name: str) -> None:
    """Refuse a branch name git would not take, or one that exists."""
    try:
        _git(repo, "check-ref-format", "--branch", name)
    except GitError:
        raise GitError(
            f"'{name}' is not a branch name git accepts: use letters, digits, '-', '_' and '/'",
            f"'{name}' no es un nombre de rama que git acepte: use letras, dígitos, '-', '_' y '/'",
        ) from None
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{name}")
    except GitError:
        return
    raise GitError(
        f"the branch '{name}' exists already: give a new name with --branch",
        f"la rama '{name}' ya existe: indique un nombre nuevo con --branch",
    )


def new_branch(repo: Path, name: str) -> None:
    """Create the branch at HEAD and check it out; the working tree's changes go with it."""
    _git(repo, "switch", "--quiet", "-c", name)


def back_to(repo: Path, branch: str, created: str) -> None:
    """Undo `new_branch`: check `branch` out again and delete `created`."""
    _git(repo, "switch", "--quiet", branch)
    _git(repo, "branch", "--quiet", "-D", created)


def commit_file(repo: Path, path: Path, message: str) -> str:
    """Commit this one file as it is in the working tree (whatever else is staged stays
    staged, uncommitted); the new commit's id."""
    name = path.resolve().relative_to(repo.resolve()).as_posix()
    try:
        _git(repo, "add", "--", name)
        _git(repo, "commit", "--quiet", "--only", "-m", message, "--", name)
    except GitError as error:
        said = error.message.en
        if any(w in said for w in ("tell me who you are", "email address", "empty ident")):
            raise GitError(
                "git does not know who commits: set it with git config user.name and "
                "git config user.email",
                "git no sabe quién hace el commit: indíquelo con git config user.name y "
                "git config user.email",
            ) from None
        raise
    return _git(repo, "rev-parse", "--short=12", "HEAD").decode().strip()
