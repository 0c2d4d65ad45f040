"""Where a tree's files come from: a folder, a git revision, text not yet written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.git import GitError
from mirps_cli.loader import load_tree
from mirps_cli.loader.sources import Folder, Revision, WithText
from mirps_cli.problems import Problem
from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS

AS_OF = dt.date(2026, 11, 26)


def _same_place(problems: list[Problem]) -> list[Problem]:
    """Problems with the file left out: a revision shows its files as REV:path."""
    return [dataclasses.replace(p, file="") for p in problems]


def _commit_plans(git: Callable[..., str], repo: Path, folder: str = "plans") -> Path:
    plans = repo / folder
    shutil.copytree(SHIPPED_PLANS, plans)
    git("add", "-A")
    git("commit", "--quiet", "-m", "plans")
    return plans


def test_a_revision_loads_exactly_what_the_folder_holds(
    isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo")
    from_folder = validate_tree(Folder(plans), AS_OF)
    from_git = validate_tree(Revision.at(plans, "HEAD"), AS_OF)
    assert [f.model for f in from_git.tree.files] == [f.model for f in from_folder.tree.files]
    assert [f.raw for f in from_git.tree.files] == [f.raw for f in from_folder.tree.files]
    assert [f.path for f in from_git.tree.files] == [f.path for f in from_folder.tree.files]
    assert _same_place(from_git.problems) == _same_place(from_folder.problems)
    assert from_git.problems  # the shipped plans have warnings: the comparison means something
    assert from_git.problems[0].file.startswith("HEAD:plans/")


def test_a_revision_is_read_from_git_objects_and_touches_nothing(
    isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo")
    hn = plans / "national" / "HN.yaml"
    hn.write_text(hn.read_text().replace("country: HN", "country: HN\nextra: 1"))
    (plans / "national" / "XX.yaml").write_text("country: XX\n")
    status_before = git_repo("status", "--porcelain")
    tree, problems = load_tree(Revision.at(plans, "HEAD"))
    assert problems == []
    assert len(tree.files) == 9
    assert git_repo("status", "--porcelain") == status_before
    assert "extra: 1" in hn.read_text()
    # The working tree itself does have the errors the revision does not.
    assert {p.code for p in validate_tree(Folder(plans), AS_OF).errors} >= {"M201", "M203"}


def test_plans_in_a_subfolder_of_the_repository(
    isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo", "data/mirps/plans")
    tree, problems = load_tree(Revision.at(plans, "main"))
    assert problems == []
    assert sorted(f.path.name for f in tree.files)[0] == "2022.yaml"


def test_an_older_revision_gives_the_older_plans(
    isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo")
    (plans / "national" / "PA.yaml").unlink()
    git_repo("commit", "--quiet", "-am", "drop PA")
    old, _ = load_tree(Revision.at(plans, "HEAD~1"))
    new, _ = load_tree(Revision.at(plans, "HEAD"))
    assert old.national("PA") is not None
    assert new.national("PA") is None


@pytest.mark.parametrize(
    ("revision", "said"),
    [
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("--all", "unknown revision '--all'"),
        ("HEAD~5", "unknown revision 'HEAD~5'"),
    ],
)
def test_unknown_revisions_are_usage_errors(
    isolated: Path, git_repo: Callable[..., str], revision: str, said: str
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo")
    with pytest.raises(GitError, match=said) as caught:
        Revision.at(plans, revision)
    assert caught.value.exit_code == 2


def test_a_revision_without_the_plans_folder(isolated: Path, git_repo: Callable[..., str]) -> None:
    repo = isolated / "repo"
    (repo / "README").write_text("no plans yet\n")
    git_repo("add", "-A")
    git_repo("commit", "--quiet", "-m", "start")
    plans = _commit_plans(git_repo, repo)
    with pytest.raises(GitError, match="revision HEAD~1 has no plans folder 'plans'"):
        load_tree(Revision.at(plans, "HEAD~1"))


def test_outside_a_repository(isolated: Path) -> None:
    plans = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    with pytest.raises(GitError, match="is not inside a git repository"):
        Revision.at(plans, "HEAD")


def test_a_file_over_the_limit_in_a_revision_is_not_read(
    isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = _commit_plans(git_repo, isolated / "repo")
    _, problems = load_tree(Revision.at(plans, "HEAD"), max_size=3000)
    too_large = [p for p in problems if p.code == "M102"]
    assert too_large and all(p.file.startswith("HEAD:plans/") for p in too_large)


def test_unwritten_text_stands_for_a_file(plans_copy: Path) -> None:
    hn = plans_copy / "national" / "HN.yaml"
    text = hn.read_text().replace("country: HN", "country: HN\nextra: 1")
    before = hn.read_bytes()
    result = validate_tree(WithText(Folder(plans_copy), {hn: text}), AS_OF)
    assert [p.code for p in result.errors] == ["M201"]
    assert hn.read_bytes() == before
