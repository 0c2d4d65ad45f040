"""Parsing on two cores: the same tree, problems and positions as parsing on one."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from mirps_cli import cache
from mirps_cli.loader import ahead
from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS

AS_OF = dt.date(2026, 12, 2)


@pytest.fixture
def helped(monkeypatch: pytest.MonkeyPatch, isolated: Path) -> list[int]:
    """The helpers' pids, as they start; `_with_helpers` lets any tree have one."""
    monkeypatch.setenv("MIRPS_CACHE_DIR", str(isolated / "cache"))
    pids: list[int] = []
    real = ahead.start

    def start(*args: object, **kwargs: object) -> ahead.Helper | None:
        helper = real(*args, **kwargs)  # type: ignore[arg-type]
        if helper is not None:
            pids.append(helper.pid)
        return helper

    monkeypatch.setattr(ahead, "start", start)
    return pids


def _alone_then_with_helpers(monkeypatch: pytest.MonkeyPatch) -> object:
    """The shipped tree parsed on one core; from then on, every tree has a helper."""
    alone = validate_tree(SHIPPED_PLANS, AS_OF, use_cache=False)
    monkeypatch.setattr(ahead, "MIN_TEXT", 0)
    return alone


def _same(one: object, other: object) -> None:
    from tests.test_yaml import _marks

    a, b = one.tree.files, other.tree.files  # type: ignore[attr-defined]
    assert [f.display for f in a] == [f.display for f in b]
    assert [f.model for f in a] == [f.model for f in b]
    assert [_marks(f.raw) for f in a] == [_marks(f.raw) for f in b]
    assert one.problems == other.problems  # type: ignore[attr-defined]


@pytest.mark.parametrize("use_cache", [True, False], ids=["cache", "no-cache"])
def test_a_helper_parses_part_of_the_tree_with_the_same_result(
    helped: list[int], isolated: Path, use_cache: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _alone_then_with_helpers(monkeypatch)
    assert not helped  # the shipped plans are too small to be worth a helper
    import mirps_cli.loader as loader

    parsed_here: list[str] = []
    real = loader._parse_and_validate

    def parse(plan: object, text: str) -> object:
        parsed_here.append(text)  # in the parent's memory only: the helper has its own copy
        return real(plan, text)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_parse_and_validate", parse)
    together = validate_tree(SHIPPED_PLANS, AS_OF, use_cache=use_cache)
    assert len(helped) == 1
    assert 0 < len(parsed_here) < len(alone.tree.files)  # type: ignore[attr-defined]
    with pytest.raises(ChildProcessError):
        os.waitpid(helped[0], os.WNOHANG)  # the helper was waited for: no zombie left
    _same(together, alone)
    ahead.finish()  # the parent's own entries are written behind its back
    assert (isolated / "cache").exists() is use_cache  # without the cache, nothing is kept
    if use_cache:  # every file is in the cache: the helper's share and the parent's
        from mirps_cli.kinds import BY_FOLDER

        texts = [(BY_FOLDER[p.parent.name].name, p.read_text("utf-8")) for p in _plan_paths()]
        assert all(cache.has(kind, text) for kind, text in texts)
        before = len(parsed_here)
        again = validate_tree(SHIPPED_PLANS, AS_OF)
        assert len(parsed_here) == before  # nothing parsed again
        _same(again, alone)


def test_a_helper_that_fails_costs_only_time(
    helped: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _alone_then_with_helpers(monkeypatch)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cache, "_write", broken)  # the helper can write nothing
    together = validate_tree(SHIPPED_PLANS, AS_OF, use_cache=True)
    assert len(helped) == 1
    _same(together, alone)


def _plan_paths() -> list[Path]:
    return sorted(SHIPPED_PLANS.glob("*/*.yaml"))


def test_the_shares_take_about_as_long() -> None:
    from mirps_cli.kinds import NATIONAL
    from mirps_cli.loader.sources import SourceFile

    files = [SourceFile(Path(f"{n}.yaml"), f"{n}.yaml", NATIONAL, "x" * n) for n in (9, 7, 5, 4, 3)]
    mine, theirs = ahead.share(files)
    assert sorted(f.display for f in [*mine, *theirs]) == sorted(f.display for f in files)
    parent = sum(len(f.text or "") for f in mine)
    child = sum(len(f.text or "") for f in theirs) * ahead.CHILD_WEIGHT  # it writes too
    assert abs(parent - child) <= 9 * ahead.CHILD_WEIGHT  # at most the largest file apart
