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

    from mirps_cli import cache

    first = validate_tree(SHIPPED_PLANS, AS_OF)
    key = (cache_dir / "key").read_bytes()
    size = cache.MAC_SIZE
    for entry in cache_dir.rglob("*.pickle"):
        data = entry.read_bytes()
        length = int.from_bytes(data[size : size + 8], "big")
        header = data[size + 8 : size + 8 + length]
        if cache._mac(key, header) == data[:size]:  # a file's entry: damage its two parts
            problems, _ = pickle.loads(header)
            damaged = cache._mac(key, b"damaged") + b"damaged"  # signed as this user's
            new_header = pickle.dumps((problems, len(damaged)))
            entry.write_bytes(
                cache._mac(key, new_header)
                + len(new_header).to_bytes(8, "big")
                + new_header
                + damaged
                + damaged
            )
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

    def decode(self: object, blob: bytes) -> object:
        value = real(self, blob)  # type: ignore[arg-type]
        decodes.append(type(value).__name__)
        return value

    monkeypatch.setattr(cache.FileEntry, "decode", decode)
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


def test_a_planted_entry_is_never_unpickled(cache_dir: Path, tmp_path: Path) -> None:
    """Entries were pickles under keys anyone can compute: a planted one ran as the user."""
    import pickle

    validate_tree(SHIPPED_PLANS, AS_OF)
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (marker.write_text, ("code from the cache ran",))

    entries = list(cache_dir.rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(pickle.dumps(Planted()))
    again = validate_tree(SHIPPED_PLANS, AS_OF)
    assert not marker.exists()
    assert len(again.tree.files) == 9


def test_a_cache_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirps_cli import cache

    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("MIRPS_CACHE_DIR", str(shared))
    monkeypatch.delenv("MIRPS_NO_CACHE", raising=False)
    cache._KEYS.clear()
    assert not cache.enabled()
    validate_tree(SHIPPED_PLANS, AS_OF)
    assert not list(shared.rglob("*.pickle"))
    own = tmp_path / "own-cache"
    monkeypatch.setenv("MIRPS_CACHE_DIR", str(own))
    assert cache.enabled()
    assert (own / "key").stat().st_mode & 0o777 == 0o600


def test_the_cache_keeps_under_its_maximum_size_least_recently_used_first(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from mirps_cli import cache

    validate_tree(SHIPPED_PLANS, AS_OF)
    entries = sorted(cache_dir.rglob("*.pickle"))
    count, total = cache.size()
    assert count == len(entries) and total > 0
    for age, entry in enumerate(entries):  # the first, the oldest used
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    newest = entries[-1].stat().st_size
    cache._bounded(cache_dir, newest)
    assert [e for e in entries if e.exists()] == [entries[-1]]
    monkeypatch.setenv("MIRPS_CACHE_MAX_SIZE", "1MB")
    assert cache.max_size() == 1024**2
    monkeypatch.setenv("MIRPS_CACHE_MAX_SIZE", "lots")
    assert cache.max_size() == cache.DEFAULT_MAX_SIZE


def test_cache_clear_empties_it(cache_dir: Path, mirps: Callable[..., Run]) -> None:
    validate_tree(SHIPPED_PLANS, AS_OF)
    assert list(cache_dir.rglob("*.pickle"))
    shown = mirps("cache")
    assert shown.exit_code == 0 and str(cache_dir) in shown.stdout and "entries" in shown.stdout
    cleared = mirps("cache", "clear", "--lang", "es")
    assert cleared.exit_code == 0 and "se quitaron" in cleared.stdout
    assert not list(cache_dir.rglob("*.pickle"))
    assert (cache_dir / "key").exists()  # the key stays: the next entries are signed alike
