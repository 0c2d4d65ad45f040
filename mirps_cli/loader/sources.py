"""Where a tree's files come from: a folder, a git revision, or text not yet written.

`load_tree` reads every plan through a source, so `validate`, `status`, `diff` and
`update` load a tree the same way wherever its files are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Protocol

from mirps_cli import git
from mirps_cli.i18n import Message, printable
from mirps_cli.kinds import NATIONAL, WORK_PLAN, PlanKind
from mirps_cli.loader.files import candidates, decode, is_plan_name, kind_of, read_text, too_large
from mirps_cli.loader.locate import file_problem
from mirps_cli.problems import Problem


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where the file is, or would be, in the working tree
    display: str  # as shown in messages
    kind: PlanKind | None  # None: a YAML file outside the plans' folders
    text: str | None  # None when it could not be read: `problems` say why
    problems: list[Problem] = field(default_factory=list)


class Source(Protocol):
    @property
    def root(self) -> Path:
        """The plans folder (for a revision: where it is in the working tree)."""

    @property
    def display(self) -> str:
        """The plans folder as shown in messages."""

    def files(self, max_size: int) -> Iterator[SourceFile]:
        """Every YAML file below the plans folder, in a stable order."""


def display_path(path: Path) -> str:
    """The path relative to the working folder when inside it, else as it is; bytes of a name
    that are not UTF-8 shown as escapes (`H\\xffN.yaml`), so every message can be printed."""
    try:
        shown = path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = str(path)
    return printable(shown)


@dataclass(frozen=True)
class Folder:
    """A plans folder on disk."""

    root: Path

    @property
    def display(self) -> str:
        return display_path(self.root)

    def files(self, max_size: int) -> Iterator[SourceFile]:
        for path, kind in candidates(self.root):
            display = display_path(path)
            if kind is None:
                yield SourceFile(path, display, None, None)
                continue
            text, problems = read_text(path, display, max_size)
            outside = leaves_folder(path, self.root)
            if outside is not None:
                said = Message(
                    f"this plan is a link to {outside}, outside the plans folder",
                    f"este plan es un enlace a {outside}, fuera de la carpeta de planes",
                )
                problems = [*problems, file_problem(display, "M113", said)]
            yield SourceFile(path, display, kind, text, problems)


def leaves_folder(path: Path, root: Path) -> str | None:
    """Where a link leads when it leads out of the plans folder (shown), else None."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve()
    except (OSError, RuntimeError):
        return None  # a loop: reading it says so (M101)
    return None if target.is_relative_to(root.resolve()) else printable(str(target))


@dataclass(frozen=True)
class WithText:
    """Another source, with some files' text replaced by text not yet written (an update)."""

    base: Source
    texts: Mapping[Path, str]

    @property
    def root(self) -> Path:
        return self.base.root

    @property
    def display(self) -> str:
        return self.base.display

    def files(self, max_size: int) -> Iterator[SourceFile]:
        for file in self.base.files(max_size):
            text = self.texts.get(file.path)
            yield file if text is None else replace(file, text=text, problems=[])


@dataclass(frozen=True)
class Revision:
    """The plans folder as it was at a git revision, read from git's objects.

    Nothing is checked out: `git ls-tree` lists the files and `git cat-file`
    reads them, so the working tree and the index stay as they are.
    """

    root: Path  # the plans folder in the working tree
    revision: str  # as the user wrote it: HEAD~1, main, v1.0
    repo: Path
    commit: str | None  # None: the index (what is staged)
    folder: str  # the plans folder, relative to the repository's root

    @classmethod
    def at(cls, plans: Path, revision: str) -> Revision:
        repo = git.toplevel(plans)
        commit = git.resolve(repo, revision)
        return cls(plans, revision, repo, commit, git.relative_to_root(repo, plans))

    @classmethod
    def index(cls, plans: Path) -> Revision:
        """The plans as staged for the next commit."""
        repo = git.toplevel(plans)
        return cls(plans, "index", repo, None, git.relative_to_root(repo, plans))

    @property
    def display(self) -> str:
        return f"{self.revision}:{self.folder}"

    def files(self, max_size: int) -> Iterator[SourceFile]:
        if self.commit is None:
            blobs = git.list_index(self.repo, self.folder)
        else:
            blobs = git.list_tree(self.repo, self.commit, self.folder)
        if not blobs:
            raise git.GitError(
                f"revision {self.revision} has no plans folder '{self.folder}': give a "
                "revision that has one, or --plans for where the plans are",
                f"la revisión {self.revision} no tiene la carpeta de planes '{self.folder}': "
                "indique una revisión que la tenga, o --plans con la carpeta de los planes",
            )
        plans: list[tuple[git.Blob, tuple[str, ...]]] = []
        for blob in sorted(blobs, key=lambda b: b.path):
            parts = PurePosixPath(blob.path).relative_to(self.folder).parts
            if is_plan_name(parts[-1]) and not any(p.startswith(".") for p in parts):
                plans.append((blob, parts))
        wanted = [b.object_id for b, parts in plans if self._readable(b, parts, max_size)]
        contents = git.read_blobs(self.repo, wanted)
        for blob, parts in plans:
            path = self.root.joinpath(*parts)
            display = f"{self.revision}:{blob.path}"
            kind = kind_of(parts)
            if kind is None:
                yield SourceFile(path, display, None, None)
            elif blob.object_id in contents and self._readable(blob, parts, max_size):
                text, problems = decode(contents[blob.object_id], display)
                yield SourceFile(path, display, kind, text, problems)
            else:
                yield SourceFile(
                    path, display, kind, None, [self._refused(blob, display, max_size)]
                )

    @staticmethod
    def _readable(blob: git.Blob, parts: tuple[str, ...], max_size: int) -> bool:
        regular = blob.mode in ("100644", "100755") and blob.size is not None
        return kind_of(parts) is not None and regular and (blob.size or 0) <= max_size

    @staticmethod
    def _refused(blob: git.Blob, display: str, max_size: int) -> Problem:
        if blob.mode in ("100644", "100755") and blob.size is not None:
            return too_large(display, blob.size, max_size)
        link = Message(
            "is a link or a submodule in git, not a file", "es un enlace o un submódulo en git"
        )
        return file_problem(display, "M101", link)


@dataclass(frozen=True)
class OneFile:
    """A single plan file, as `mirps diff old.yaml new.yaml` compares two."""

    path: Path

    @property
    def root(self) -> Path:
        return self.path.parent.parent

    @property
    def display(self) -> str:
        return display_path(self.path)

    def files(self, max_size: int) -> Iterator[SourceFile]:
        display = display_path(self.path)
        text, problems = read_text(self.path, display, max_size)
        # The kind from the file's folder (national/, regional/), else from its first key.
        kind = kind_of((self.path.parent.name, self.path.name))
        if kind is None and text is not None:
            kind = WORK_PLAN if re.search(r"^presidency:", text, re.MULTILINE) else NATIONAL
        yield SourceFile(self.path, display, kind or NATIONAL, text, problems)


def folder_or_source(source: Source | Path | str) -> Source:
    """A source as given, or the folder a path names."""
    if isinstance(source, (Path, str)):
        return Folder(Path(source))
    return source
