"""`mirps sheet import --commit`: the import as one git commit of its own, so a workbook
received by email becomes a change the Secretariat reviews as any other (`mirps diff`).

Checked before anything is written: the plans are in a repository and have no uncommitted
changes of their own. If the commit fails, the file is put back as it was (and a branch made
for it removed): the import lands whole, committed, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mirps_cli import git
from mirps_cli.atomic import write_atomic
from mirps_cli.errors import MirpsError
from mirps_cli.members import MEMBERS
from mirps_cli.sheet.land import ImportPlan
from mirps_cli.update import apply_edit


@dataclass(frozen=True)
class Committed:
    commit: str
    branch: str | None


def check_can_commit(root: Path, branch: str | None) -> Path:
    """The repository's root; a refusal when the import could not be committed alone."""
    repo = git.toplevel(root)
    changed = git.uncommitted(root)
    if changed:
        shown = ", ".join(changed[:3]) + (", ..." if len(changed) > 3 else "")
        raise MirpsError(
            f"the plans have uncommitted changes of their own ({shown}); commit or stash "
            "them first, so that the import's commit holds the workbook alone",
            f"los planes tienen cambios sin confirmar ({shown}); confírmelos o guárdelos "
            "antes (git stash), para que el commit de la importación tenga solo el libro",
        )
    if branch is not None:
        git.check_new_branch(repo, branch)
    return repo


def message(plan: ImportPlan, workbook: str) -> str:
    member = MEMBERS.get(plan.country)
    name = member.name.en if member else plan.country
    count = len(plan.landed)
    lines = [
        f"{plan.plan_file.path.name}: {count} entr{'y' if count == 1 else 'ies'} from "
        f"{workbook} ({name})",
        "",
        f"Imported with `mirps sheet import` from {workbook}, exported on "
        f"{plan.marks.exported} from {plan.marks.plan}"
        + (f" at {plan.marks.revision}" if plan.marks.revision else "")
        + ".",
        "",
        *(
            f"- {landed.ident}: {landed.what.en} ({landed.sheet}, row {landed.row})"
            for landed in plan.landed
        ),
    ]
    return "\n".join(lines) + "\n"


def land_committed(repo: Path, plan: ImportPlan, workbook: str, branch: str | None) -> Committed:
    """Write the import's edit and commit it (on a new branch when given one)."""
    edit = plan.edit
    assert edit is not None
    was = git.current_branch(repo)
    if branch is not None and was is None:
        raise MirpsError(
            "HEAD is detached: check out a branch first, or leave out --branch",
            "HEAD está separado: cambie a una rama primero, u omita --branch",
        )
    apply_edit(edit)
    try:
        if branch is not None:
            git.new_branch(repo, branch)
        commit = git.commit_file(repo, edit.path, message(plan, workbook))
    except MirpsError:
        write_atomic(edit.path, edit.old)
        if branch is not None and was is not None and git.current_branch(repo) == branch:
            git.back_to(repo, was, branch)
        raise
    return Committed(commit, branch)
