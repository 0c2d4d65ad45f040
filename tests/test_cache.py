"""The cache of files read before: the same answer, never stale, off on request."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS, Run

AS_OF = dt.date(2026, 12, 2)


@pytest.fixture
def cache_dir(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = isolated / "cache"
    monkeypatch.setenv("MIRPS_CACHE_DIR", str(folder))
    return folder


def test_a_second_run_gives_the_same_answer_from_the_cache(cache_dir: Path) -> None:
    first = validate_tree(SHIPPED_PLANS, AS_OF)
    assert list(cache_dir.rglob("*.pickle"))  # the first run wrote the cache
    second = validate_tree(SHIPPED_PLANS, AS_OF)
    assert second.problems == first.problems
    assert [f.model for f in second.tree.files] == [f.model for f in first.tree.files]
    assert [f.raw for f in second.tree.files] == [f.raw for f in first.tree.files]
    without = validate_tree(SHIPPED_PLANS, AS_OF, use_cache=False)
    assert without.problems == first.problems


def test_a_changed_file_is_read_anew(cache_dir: Path, isolated: Path) -> None:
    plans = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    assert not validate_tree(plans, AS_OF).errors
    hn = plans / "national" / "HN.yaml"
    hn.write_text(hn.read_text().replace("country: HN", "country: HN\nextra: 1"))
    assert [p.code for p in validate_tree(plans, AS_OF).errors] == ["M201"]


def test_a_damaged_entry_is_ignored(cache_dir: Path) -> None:
    first = validate_tree(SHIPPED_PLANS, AS_OF)
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert validate_tree(SHIPPED_PLANS, AS_OF).problems == first.problems


def test_no_cache_writes_nothing(cache_dir: Path, mirps: Callable[..., Run]) -> None:
    result = mirps("validate", "--plans", str(SHIPPED_PLANS), "--no-cache")
    assert result.exit_code == 0
    assert not cache_dir.exists()
    env = mirps("status", "--plans", str(SHIPPED_PLANS), env={"MIRPS_NO_CACHE": "1"})
    assert env.exit_code == 0 and not cache_dir.exists()
    cached = mirps("validate", "--plans", str(SHIPPED_PLANS))
    assert cached.stdout == result.stdout and list(cache_dir.rglob("*.pickle"))


def test_the_environment_turns_validate_s_cache_off(
    cache_dir: Path, mirps: Callable[..., Run]
) -> None:
    result = mirps("validate", "--plans", str(SHIPPED_PLANS), env={"MIRPS_NO_CACHE": "1"})
    assert result.exit_code == 0
    assert not cache_dir.exists()


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Count the calls of module.name, still calling it."""
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_an_unchanged_tree_is_checked_once_and_decodes_nothing(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirps_cli import cache
    from mirps_cli import checks as checks_module

    checks = _counting(monkeypatch, checks_module, "run_checks")
    first = validate_tree(SHIPPED_PLANS, AS_OF)
    assert len(checks) == 1
    decodes = _counting(monkeypatch, cache.FileEntry, "decode")
    second = validate_tree(SHIPPED_PLANS, AS_OF)
    assert second.problems == first.problems
    assert len(checks) == 1 and not decodes  # the rules' findings came from the cache
    assert [f.model for f in second.tree.files] == [f.model for f in first.tree.files]
    assert len(decodes) == len(first.tree.files)  # each model decoded when asked for
    another_day = validate_tree(SHIPPED_PLANS, AS_OF + dt.timedelta(days=1))
    assert len(checks) == 2 and another_day.tree.files


def test_a_changed_file_checks_the_tree_again(
    cache_dir: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirps_cli import checks as checks_module

    plans = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    checks = _counting(monkeypatch, checks_module, "run_checks")
    validate_tree(plans, AS_OF)
    validate_tree(plans, AS_OF)
    assert len(checks) == 1
    hn = plans / "national" / "HN.yaml"
    hn.write_text(hn.read_text() + "\n# a comment\n")
    validate_tree(plans, AS_OF)
    assert len(checks) == 2


def test_a_damaged_part_of_an_entry_is_read_anew(cache_dir: Path) -> None:
    import pickle

    first = validate_tree(SHIPPED_PLANS, AS_OF)
    for entry in cache_dir.rglob("*.pickle"):
        value = pickle.loads(entry.read_bytes())
        if isinstance(value, tuple):  # a file's entry: its problems, raw data and model
            entry.write_bytes(pickle.dumps((value[0], b"damaged", b"damaged")))
        else:  # a tree's checks: gone, so that they run on the damaged raw data
            entry.unlink()
    second = validate_tree(SHIPPED_PLANS, AS_OF)
    assert second.problems == first.problems
    assert [f.model for f in second.tree.files] == [f.model for f in first.tree.files]
    assert [f.raw for f in second.tree.files] == [f.raw for f in first.tree.files]


def test_asking_for_the_work_plans_decodes_no_national_plan(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirps_cli import cache

    validate_tree(SHIPPED_PLANS, AS_OF)
    tree = validate_tree(SHIPPED_PLANS, AS_OF).tree
    decodes = _counting(monkeypatch, cache.FileEntry, "decode")
    plans = tree.work_plans()
    assert plans and len(decodes) == len(plans)  # one model each, the national ones untouched
    assert len(tree.national_plans()) == len(decodes) - len(plans) > 0


def test_a_country_s_status_prepares_no_other_country(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, mirps: Callable[..., Run]
) -> None:
    from mirps_cli import cache

    whole = mirps("status", "HN", "--plans", str(SHIPPED_PLANS))  # fills the cache
    assert whole.exit_code == 0, whole.stderr
    decodes: list[str] = []
    real = cache.FileEntry.decode

    def decode(blob: bytes) -> object:
        value = real(blob)
        decodes.append(type(value).__name__)
        return value

    monkeypatch.setattr(cache.FileEntry, "decode", staticmethod(decode))
    again = mirps("status", "HN", "--plans", str(SHIPPED_PLANS))
    assert again.exit_code == 0 and again.stdout == whole.stdout
    assert decodes.count("NationalPlan") == 1  # Honduras's alone; the checks came cached
    assert "HN-01" in again.stdout


def test_validate_served_from_the_cache_imports_neither_parser_nor_models(
    cache_dir: Path,
) -> None:
    """mirps runs on every commit: when nothing changed, it starts without the YAML parser,
    the plan models and pydantic itself (about 45 ms and 40 ms of start-up)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from mirps_cli.cli.main import main\n"
        f"sys.argv = ['mirps', 'validate', '--plans', {str(SHIPPED_PLANS)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in ('mirps_cli.yaml', 'mirps_cli.model', 'ruamel.yaml', "
        "'pydantic', 'pydantic_core') "
        "if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    env = {**os.environ, "MIRPS_CACHE_DIR": str(cache_dir)}
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0]
    assert (
        "LOADED ['mirps_cli.yaml', 'mirps_cli.model', 'ruamel.yaml', 'pydantic', "
        "'pydantic_core']" in runs[0].stderr
    )
    assert "LOADED []" in runs[1].stderr  # the second run: every answer from the cache
    assert runs[0].stdout == runs[1].stdout
