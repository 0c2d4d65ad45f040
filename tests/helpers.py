"""What tests share that is not a fixture: the repository's paths, a CLI run's result,
and ruamel.yaml's round trip of a plan file."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_PLANS = REPO / "plans"
CASES = Path(__file__).resolve().parent / "cases"
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def roundtrip(text: str) -> str:
    """What ruamel.yaml's round-trip loader and dumper make of a plan file.

    The shipped plans are kept in the form this returns them in (a test checks
    every file), so a tool that rewrites them with ruamel changes only what it
    edits. mirps itself edits by inserting lines, never by re-dumping a file.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    return out.getvalue()


def system_tool(name: str, install: str) -> str:
    """The path of a system tool a test needs (LibreOffice, gettext, Chromium, npm).

    CI installs every one (`.ci/run` sets MIRPS_REQUIRE_TOOLS=1): there a missing tool fails
    the test. On a newcomer's machine without it the test is reported as not run, with why
    and how to install it (pytest's -ra lists it), never as a silent pass."""
    import shutil

    found = shutil.which(name)
    if found is not None:
        return found
    not_run(f"{name} is not installed", install)


def libreoffice_calc() -> str:
    """soffice, with the Calc part that converts workbooks (Debian packs Writer and Calc
    apart: a machine may have the one without the other)."""
    soffice = system_tool("soffice", "apt-get install libreoffice-calc-nogui")
    program = Path(soffice).resolve().parent
    if not (program / "libsclo.so").exists() and not list(program.glob("*sc*lo*")):
        not_run("LibreOffice Calc is not installed", "apt-get install libreoffice-calc-nogui")
    return soffice


def not_run(why: str, install: str) -> NoReturn:
    """Say a test did not run and why: a failure where CI requires every tool
    (MIRPS_REQUIRE_TOOLS=1), else reported as not run (pytest -ra lists it)."""
    import os

    import pytest

    reason = f"{why}, so this test did not run (install: {install})"
    if os.environ.get("MIRPS_REQUIRE_TOOLS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def readers_of(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """The process ids that call `module.name` from now on, as the test's process sees them:
    a forked child's calls go into its own copy of the list, so an empty list says the work
    was done in a child."""
    import os

    readers: list[int] = []
    real = getattr(module, name)

    def recorded(*args: object, **kwargs: object) -> object:
        readers.append(os.getpid())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return readers
