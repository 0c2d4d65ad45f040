"""`mirps validate` through the CLI: exit codes, stdout, stderr, formats."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.validate import validate_tree
from tests.helpers import REPO, SHIPPED_PLANS, Run


def break_hn(plans: Path) -> Path:
    path = plans / "national" / "HN.yaml"
    path.write_text(path.read_text().replace("status: in_progress", "status: started", 1))
    return path


def test_shipped_plans_are_valid(mirps: Callable[..., Run]) -> None:
    result = mirps("validate", "--plans", str(SHIPPED_PLANS), "--as-of", "2024-01-01")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("9 files checked: 0 errors, ")


def test_finds_plans_folder_in_working_directory(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    result = mirps("validate", "--as-of", "2024-01-01")
    assert result.exit_code == 0
    assert "9 files checked: 0 errors" in result.stdout


def test_mirps_plans_variable(mirps: Callable[..., Run]) -> None:
    result = mirps("validate", "--as-of", "2024-01-01", env={"MIRPS_PLANS": str(SHIPPED_PLANS)})
    assert result.exit_code == 0
    assert "9 files checked" in result.stdout


def test_missing_plans_folder_is_a_usage_error(mirps: Callable[..., Run]) -> None:
    result = mirps("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "plans folder 'plans' not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_plan_file_as_plans_folder_is_named_a_file(mirps: Callable[..., Run]) -> None:
    plan = SHIPPED_PLANS / "national" / "HN.yaml"
    for args in (("validate",), ("status", "--country", "HN"), ("report",)):
        result = mirps(*args, "--plans", str(plan))
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert "is a file, not a plans folder" in result.stderr
        assert "not found" not in result.stderr
    spanish = mirps("validate", "--lang", "es", "--plans", str(plan))
    assert "es un archivo, no una carpeta de planes" in spanish.stderr


def test_unknown_option_is_a_usage_error(mirps: Callable[..., Run]) -> None:
    result = mirps("validate", "--plans", str(SHIPPED_PLANS), "--frmat", "json")
    assert result.exit_code == 2
    assert "--frmat" in result.stderr
    assert result.stdout == ""


def test_bad_as_of_is_a_usage_error(mirps: Callable[..., Run]) -> None:
    result = mirps("validate", "--plans", str(SHIPPED_PLANS), "--as-of", "yesterday")
    assert result.exit_code == 2
    assert "not a date" in result.stderr


def test_problem_text_names_file_line_path_code_and_hint(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    break_hn(plans_copy)
    result = mirps("validate", "--as-of", "2024-01-01")
    assert result.exit_code == 1
    assert result.stderr == ""
    line = next(x for x in result.stdout.splitlines() if "M203" in x)
    assert line.startswith("plans/national/HN.yaml:")
    assert "HN › commitment HN-01 › status entry 1 › status" in line
    assert "got 'started'" in line
    assert "hint: " in result.stdout


def test_spanish_hints(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    break_hn(plans_copy)
    result = mirps("validate", "--as-of", "2024-01-01", "--lang", "es")
    assert "sugerencia: " in result.stdout
    assert "archivos revisados" in result.stdout


def test_json_format(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    break_hn(plans_copy)
    result = mirps("validate", "--as-of", "2024-01-01", "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert len(errors) == 1
    assert {"file", "line", "column", "path", "code", "severity", "message"} <= set(errors[0])
    assert errors[0]["code"] == "M203"
    lines = (plans_copy / "national" / "HN.yaml").read_text().splitlines()
    assert "status: started" in lines[errors[0]["line"] - 1]


def test_github_format_is_chosen_on_actions(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    break_hn(plans_copy)
    result = mirps("validate", "--as-of", "2024-01-01", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    errors = [x for x in result.stdout.splitlines() if x.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=plans/national/HN.yaml,line=")
    assert "title=M203 invalid-value::" in errors[0]
    assert any(x.startswith("::warning ") for x in result.stdout.splitlines())


def test_sarif_format(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    break_hn(plans_copy)
    result = mirps("validate", "--as-of", "2024-01-01", "--format", "sarif")
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results if r["level"] == "error"] == ["M203"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 1


def test_strict_makes_warnings_fail(mirps: Callable[..., Run]) -> None:
    relaxed = mirps("validate", "--plans", str(SHIPPED_PLANS), "--as-of", "2026-01-01")
    strict = mirps("validate", "--plans", str(SHIPPED_PLANS), "--as-of", "2026-01-01", "--strict")
    assert "M402" in relaxed.stdout
    assert relaxed.exit_code == 0
    assert strict.exit_code == 1


def test_runs_from_any_directory_with_relative_plans(
    isolated: Path, plans_copy: Path, mirps: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = isolated / "elsewhere"
    sub.mkdir()
    monkeypatch.chdir(sub)
    result = mirps("validate", "--plans", "../plans", "--as-of", "2024-01-01")
    assert result.exit_code == 0


def test_module_entry_point(isolated: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mirps_cli",
            "validate",
            "--plans",
            str(SHIPPED_PLANS),
            "--as-of",
            "2024-01-01",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "9 files checked" in run.stdout


def test_unexpected_errors_exit_3_without_traceback(
    plans_copy: Path, mirps: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("mirps_cli.validate.validate_tree", explode)
    result = mirps("validate")
    assert result.exit_code == 3
    assert "unexpected error (RuntimeError: boom)" in result.stderr
    assert "Traceback" not in result.stderr


def test_messages_in_spanish(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    path = plans_copy / "national" / "HN.yaml"
    text = path.read_text().replace(
        "    pillar: immediate_needs\n", "    pilar: immediate_needs\n", 1
    )
    path.write_text(text.replace("status: in_progress", "status: done", 1))
    result = mirps("validate", "--as-of", "2024-01-01", "--lang", "es", "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert "clave desconocida 'pilar'; ¿quiso decir 'pillar'?" in messages
    assert (
        "debe ser uno de: 'planned', 'in_progress', 'fulfilled', 'suspended' o 'cancelled'; "
        "se recibió 'done'" in messages
    )
    text_form = mirps("validate", "--as-of", "2024-01-01", "--lang", "es").stdout
    assert ": error M201 HN › compromiso HN-01 › pilar: clave desconocida" in text_form
    assert ": advertencia M402 " in text_form


def test_forms_are_explained_not_shown_as_patterns(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "PA.yaml"
    path.write_text(
        path.read_text()
        .replace("  - id: PA-01", "  - id: PA 01", 1)
        .replace("- https://webarchive", "- webarchive", 1)
    )
    result = mirps("validate", "--as-of", "2024-01-01", "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert (
        "'PA 01' is not a commitment id: write the country code, a hyphen and a number, e.g. HN-03"
        in messages
    )
    assert any(
        m.endswith(
            "it must start with http:// or https:// and a host, and hold no spaces, quotes, "
            "angle brackets, backticks or backslashes"
        )
        for m in messages
    )
    assert not any("pattern" in m for m in messages)


def test_ctrl_c_in_a_command_exits_130_with_one_line(
    mirps: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("mirps_cli.validate.validate_tree", interrupted)
    result = mirps("validate", "--plans", str(SHIPPED_PLANS))
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == "mirps: interrupted\n"


def test_a_real_sigint_exits_130_without_a_traceback(isolated: Path) -> None:
    """The process gets SIGINT while it checks the plans, as a Ctrl-C at the terminal."""
    script = (
        "import os, signal, sys, time\n"
        "import mirps_cli.validate as v\n"
        "def slow(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(5)\n"
        "v.validate_tree = slow\n"
        "from mirps_cli.cli.main import main\n"
        f"sys.argv = ['mirps', 'validate', '--plans', {str(SHIPPED_PLANS)!r}]\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 130
    assert run.stderr == "mirps: interrupted\n"
    assert run.stdout == ""


def test_the_benchmark_tree_validates_with_warnings_only(isolated: Path) -> None:
    """benchmarks/generate.py: a smoke test at the smallest size, not a timed one."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate  # type: ignore[import-not-found]

    first = generate(70, isolated / "one", seed=3)
    second = generate(70, isolated / "two", seed=3)
    for path in sorted(first.rglob("*.yaml")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()
    result = validate_tree(first, dt.date(2026, 12, 2))
    assert result.errors == [] and result.warnings
    assert len([c for _, p in result.tree.national_plans() for c in p.commitments]) == 70


def test_sarif_passes_microsofts_validator_and_the_schema(
    plans_copy: Path, mirps: Callable[..., Run], tmp_path: Path
) -> None:
    """Microsoft's SARIF Multitool (from npm; .ci/run installs it) finds no error in the log,
    and the log is valid against the SARIF 2.1.0 schema the Multitool ships."""
    import jsonschema

    from tests.helpers import system_tool

    tool = system_tool("Sarif.Multitool", "npm install @microsoft/sarif-multitool, as .ci/run does")
    log = tmp_path / "mirps.sarif"
    result = mirps("validate", "--as-of", "2024-01-01", "--format", "sarif")
    assert result.exit_code == 0 and result.stdout
    log.write_text(result.stdout, encoding="utf-8")
    checked = tmp_path / "checked.sarif"
    run = subprocess.run(
        [tool, "validate", str(log), "--output", str(checked)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    found = json.loads(checked.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r for r in found if r.get("level", "warning") == "error"] == []
    # The one warning left: no informationUri, for mirps has no public address of its own yet.
    assert {r["ruleId"] for r in found} <= {"SARIF2005"}
    schema = json.loads((Path(tool).resolve().parent / "sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(json.loads(result.stdout), schema)


@pytest.mark.parametrize(
    "error", [MemoryError(), "panic"], ids=["out of memory", "a library's panic"]
)
def test_memory_exhaustion_and_panics_are_the_one_unexpected_error_line(
    plans_copy: Path, mirps: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, error: object
) -> None:
    """pydantic-core's Rust code raises PanicException, a BaseException: no traceback either."""
    panic = type("PanicException", (BaseException,), {})

    def explode(*args: object, **kwargs: object) -> None:
        raise panic("called `Option::unwrap()` on a `None` value") if error == "panic" else error

    monkeypatch.setattr("mirps_cli.validate.validate_tree", explode)
    result = mirps("validate")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "unexpected error (" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_tree_read_without_positions_still_places_every_error(plans_copy: Path) -> None:
    """A command that shows no position reads the plans without keeping them (a third less
    memory); where the checks find an error, the tree is read again with them: the same
    findings, at the same lines, as a reading that kept them."""
    from mirps_cli.loader import load_tree, shared_reads

    today = dt.date(2026, 11, 26)
    valid = validate_tree(plans_copy, today, errors_only=True, use_cache=False, positions=False)
    assert valid.errors == []
    assert all(f.positions_let_go and f.raw is None for f in valid.tree.files)
    assert all(f.model is not None for f in valid.tree.files)
    hn = plans_copy / "national" / "HN.yaml"
    text = hn.read_text()
    lines = text.splitlines()
    first, second = (lines.index(f"  - id: HN-0{n}") + 1 for n in (1, 2))
    hn.write_text(text.replace("  - id: HN-02\n", "  - id: HN-01\n", 1))
    kept = validate_tree(plans_copy, today, errors_only=True, use_cache=False)
    let_go = validate_tree(plans_copy, today, errors_only=True, use_cache=False, positions=False)
    # The duplicate is placed at its line, and names the other's (found by its position).
    assert [(p.code, p.line) for p in kept.errors] == [("M301", second)]
    assert f"line {first}" in kept.errors[0].message.en
    assert let_go.errors == kept.errors
    # A file read once without its positions is read again where they are asked for.
    with shared_reads():
        first, _ = load_tree(plans_copy, use_cache=False, positions=False)
        again, _ = load_tree(plans_copy, use_cache=False)
    assert all(f.positions_let_go for f in first.files if f.path != hn)
    assert all(f.raw is not None for f in again.files)
