"""Shared fixtures: every test runs in an empty folder with an empty HOME.

What tests share that is not a fixture (paths, the Run value, helpers) is in helpers.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from mirps_cli.cli.app import app_for
from tests.helpers import GOLDEN, SHIPPED_PLANS, Run

# Property tests: 120 examples each; `pytest --hypothesis-profile=stress` runs 2,000.
settings.register_profile(
    "mirps",
    max_examples=120,
    deadline=None,
    # The autouse isolation fixture is harmless there: each example makes its own folder.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.register_profile("stress", settings.get_profile("mirps"), max_examples=2000)
settings.load_profile("mirps")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden output files instead of comparing against them.",
    )


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder and HOME, so code that forgets --plans fails loudly."""
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    for name in (
        "MIRPS_PLANS",
        "MIRPS_CACHE_DIR",
        "MIRPS_NO_CACHE",
        "XDG_CACHE_HOME",
        "GITHUB_ACTIONS",
        "MIRPS_DEBUG",
        "NO_COLOR",
        "FORCE_COLOR",
        # The language a run speaks by default comes from these: tests choose it themselves.
        "MIRPS_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ):
        monkeypatch.delenv(name, raising=False)
    return work


@pytest.fixture
def plans_copy(isolated: Path) -> Path:
    """A writable copy of the shipped plans, as ./plans in the working folder."""
    target = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, target)
    return target


@pytest.fixture
def mirps() -> Callable[..., Run]:
    """Run the CLI in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        result = runner.invoke(app_for(list(args)), list(args), env=env, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME; --update-golden rewrites the file instead."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {name}: run pytest --update-golden once"
        assert text == path.read_text(encoding="utf-8")

    return check


@pytest.fixture
def git_repo(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """A function that runs git in ./repo: identity pinned, no global or system config read."""
    repo = isolated / "repo"
    repo.mkdir()
    for name, value in {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Equipo Técnico",
        "GIT_AUTHOR_EMAIL": "equipo@example.org",
        "GIT_COMMITTER_NAME": "Equipo Técnico",
        "GIT_COMMITTER_EMAIL": "equipo@example.org",
        "GIT_AUTHOR_DATE": "2024-01-01T12:00:00Z",
        "GIT_COMMITTER_DATE": "2024-01-01T12:00:00Z",
    }.items():
        monkeypatch.setenv(name, value)

    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
        return run.stdout.strip()

    git("init", "--quiet", "--initial-branch=main")
    return git
