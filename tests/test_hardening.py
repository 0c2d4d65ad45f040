"""What real clients, hostile input and odd terminals found: each case failed before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer import Typer
from typer.testing import CliRunner

from mirps_cli.cli.app import COMMANDS as VERBS
from mirps_cli.cli.app import app, app_for, make_app
from tests.helpers import CASES, SHIPPED_PLANS, Run

MINIMAL = CASES / "valid" / "minimal" / "plans"


@pytest.fixture
def minimal(isolated: Path) -> Path:
    target = isolated / "plans"
    shutil.copytree(MINIMAL, target)
    return target


def hn(plans: Path) -> Path:
    return plans / "national" / "HN.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


@pytest.mark.parametrize("command", [*COMMANDS, "fund"])
def test_h_is_help(mirps: Callable[..., Run], command: str) -> None:
    short, long = mirps(command, "-h"), mirps(command, "--help")
    assert short.exit_code == 0 and short.stdout == long.stdout


def _answer(cli: Typer, args: list[str]) -> tuple[int, str, str]:
    """What an app answers a command line: exit code, stdout, stderr."""
    done = CliRunner().invoke(cli, args)
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("verb", list(VERBS))
@pytest.mark.parametrize(
    "args", [["-h"], ["--no-such-option"], ["--plans"], ["--lang", "fr"], ["stray-argument"]]
)
def test_a_verb_alone_answers_as_the_whole_app(verb: str, args: list[str]) -> None:
    """The entry point builds only the command it runs; help and usage errors must not tell."""
    code, out, err = _answer(app, [verb, *args])
    assert _answer(make_app([verb]), [verb, *args]) == (code, out, err)
    assert code in (0, 2) and (out or err)


@pytest.mark.parametrize(
    "args", [["--version"], ["--version", "validate"], ["--version", "-h"], ["--version", "x"]]
)
def test_version_alone_answers_as_the_whole_app(args: list[str]) -> None:
    code, out, err = _answer(app, args)
    assert _answer(app_for(args), args) == (code, out, err)
    assert code == 0 and out.startswith("mirps ")


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["--help", "validate"], ["-h", "x"]])
def test_the_top_level_help_lists_as_the_whole_app(args: list[str]) -> None:
    """`mirps --help` lists each command without building its options: the same text."""
    code, out, err = _answer(app, args)
    assert _answer(app_for(args), args) == (code, out, err)
    assert all(f"  {verb}  " in out + err for verb in VERBS)


def test_shell_completion_gets_every_commands_options(monkeypatch: pytest.MonkeyPatch) -> None:
    from mirps_cli.cli.app import _listed

    assert {c.callback for c in app_for([]).registered_commands} == {_listed}
    monkeypatch.setenv("_MIRPS_COMPLETE", "complete_bash")
    callbacks = {c.callback for c in app_for([]).registered_commands}
    groups = 4  # fund, cache, sheet, translations: commands of their own
    assert _listed not in callbacks and len(callbacks) == len(VERBS) - groups
    monkeypatch.setenv("COMP_WORDS", "mirps validate --str")
    monkeypatch.setenv("COMP_CWORD", "2")
    done = CliRunner().invoke(app_for([]), [], prog_name="mirps")
    assert "--strict" in done.stdout


def test_a_run_imports_its_own_command_alone() -> None:
    code = (
        "import sys\n"
        "from mirps_cli.cli.main import main\n"
        f"sys.argv = ['mirps', 'validate', '--plans', {str(SHIPPED_PLANS)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.endswith('_cmd')), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "['mirps_cli.cli.validate_cmd']"
    assert "files checked" in run.stdout


def test_a_question_gets_no_full_stop(mirps: Callable[..., Run]) -> None:
    plans = CASES / "invalid" / "unknown-key" / "plans"
    out = mirps("validate", "--plans", str(plans), "--format", "github").stdout
    assert "?" in out and "?." not in out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("start: 2021-01", "start: 0000"),
        ("start: 2021-01", "start: 0000-01"),
        ("start: 2021-01", "start: 3000"),
    ],
)
def test_years_outside_the_plans_are_located_findings(
    minimal: Path, mirps: Callable[..., Run], old: str, new: str
) -> None:
    edit(hn(minimal), old, new)
    result = mirps("validate", "--plans", str(minimal))
    assert result.exit_code == 1
    assert "M203" in result.stdout and "is not a year of the plans" in result.stdout
    assert "this is a bug" not in result.stderr.lower()


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "0001"],
        ["validate", "--max-file-size", "9" * 300],
        ["timeline", "--upcoming", "99999999999d"],
        ["timeline", "--upcoming", "99999m"],
    ],
)
def test_huge_or_tiny_arguments_are_usage_errors(
    minimal: Path, mirps: Callable[..., Run], args: list[str]
) -> None:
    result = mirps(*args, "--plans", str(minimal))
    assert result.exit_code == 2, result.stderr
    assert "bug" not in result.stderr and "Traceback" not in result.stderr


def test_update_refuses_year_zero_and_empty_or_broken_notes(
    minimal: Path, mirps: Callable[..., Run]
) -> None:
    before = hn(minimal).read_bytes()
    year = mirps(
        "update", "HN-01", "--status", "planned", "--date", "0000", "--plans", str(minimal)
    )
    assert year.exit_code == 1 and "is not a year of the plans" in year.stderr
    empty = mirps("update", "HN-01", "--status", "planned", "--note", "", "--plans", str(minimal))
    assert empty.exit_code == 2 and "--note" in empty.stderr
    broken = mirps(
        "update", "HN-01", "--status", "planned", "--note", "caf\udce9", "--plans", str(minimal)
    )
    assert broken.exit_code == 2 and "UTF-8" in broken.stderr
    assert hn(minimal).read_bytes() == before


def test_a_huge_number_in_an_enum_field_is_a_finding(
    minimal: Path, mirps: Callable[..., Run]
) -> None:
    edit(hn(minimal), "        status: planned", "        status: " + "9" * 5000)
    result = mirps("validate", "--plans", str(minimal))
    assert result.exit_code == 1
    assert "M105" in result.stdout or "M203" in result.stdout
    assert "bug" not in result.stderr


def test_library_warnings_do_not_reach_the_user(minimal: Path, mirps: Callable[..., Run]) -> None:
    edit(hn(minimal), "    start: 2021-01\n", "    start: 2021-01\n    description: 1e400\n")
    result = mirps("validate", "--plans", str(minimal))
    assert "ruamel" not in result.stderr and "Warning" not in result.stderr


@pytest.mark.parametrize(
    "note", ["2024-01-01", "yes", "no", "on", "12:30", "1e3", "a\ttab", "0x1F", "~"]
)
def test_notes_read_back_as_text_in_a_yaml_1_1_reader(
    minimal: Path, mirps: Callable[..., Run], note: str
) -> None:
    result = mirps(
        "update",
        "HN-01",
        "--status",
        "in_progress",
        "--date",
        "2022-02",
        "--note",
        note,
        "--plans",
        str(minimal),
    )
    assert result.exit_code == 0, result.stderr
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 1)
    data = reader.load(hn(minimal).read_text(encoding="utf-8"))
    assert data["commitments"][0]["status_history"][-1]["note"] == note


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("  - id: HN-01\n", '  - id: "HN-01 "\n', "has spaces around it"),
        ("  - id: INM\n", f"  - id: {'I' * 100_000}\n", "characters long"),
    ],
)
def test_ids_are_of_a_sane_form(
    minimal: Path, mirps: Callable[..., Run], old: str, new: str, said: str
) -> None:
    edit(hn(minimal), old, new)
    result = mirps("validate", "--plans", str(minimal))
    assert result.exit_code == 1 and said in result.stdout


def test_non_numbers_never_reach_json(minimal: Path, mirps: Callable[..., Run]) -> None:
    edit(
        hn(minimal),
        "    start: 2021-01\n",
        "    start: 2021-01\n    budget:\n      - funder: X\n        amount: .inf\n",
    )
    result = mirps("export", "--plans", str(minimal))
    assert result.exit_code == 1 and result.stdout == ""
    assert "M203" in result.stderr


def test_csv_cells_never_start_a_formula(minimal: Path, mirps: Callable[..., Run]) -> None:
    edit(hn(minimal), "    title: A commitment\n", "    title: '=HYPERLINK(\"http://x\")'\n")
    out = mirps(
        "status", "-c", "HN", "--format", "csv", "--plans", str(minimal), "--as-of", "2022-06-01"
    ).stdout
    assert "'=HYPERLINK" in out
    assert ",=HYPERLINK" not in out and '"=HYPERLINK' not in out


def test_only_regular_files_are_read(minimal: Path, mirps: Callable[..., Run]) -> None:
    device = minimal / "national" / "GT.yaml"
    device.symlink_to("/dev/zero")
    pipe = minimal / "national" / "PA.yaml"
    os.mkfifo(pipe)
    result = mirps("validate", "--plans", str(minimal))
    assert result.exit_code == 1
    assert result.stdout.count("is not a regular file") == 2


def test_an_output_that_cannot_show_a_character(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "MIRPS_CACHE_DIR": str(tmp_path)}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mirps_cli",
            "timeline",
            "--plans",
            str(SHIPPED_PLANS),
            "--lang",
            "es",
        ],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr and b"bug" not in run.stderr


def test_sarif_uris_regions_and_column_kind(isolated: Path, mirps: Callable[..., Run]) -> None:
    import json
    from urllib.parse import unquote

    plans = isolated / "my plans #2"
    shutil.copytree(CASES / "invalid" / "empty-file" / "plans", plans)
    log = json.loads(mirps("validate", "--plans", "my plans #2", "--format", "sarif").stdout)
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    [location] = result["locations"]
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == "my%20plans%20%232/national/HN.yaml"
    assert artifact["uriBaseId"] == "SRCROOT"
    assert unquote(artifact["uri"]) == "my plans #2/national/HN.yaml"
    assert location["physicalLocation"]["region"] == {"startLine": 1}  # a whole-file finding
    elsewhere = isolated.parent / "else where #3"  # outside the folder mirps runs in
    shutil.copytree(plans, elsewhere)
    outside = json.loads(mirps("validate", "--plans", str(elsewhere), "--format", "sarif").stdout)
    uri = outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file://") and " " not in uri["uri"] and "#" not in uri["uri"]


@pytest.mark.parametrize(
    "nested",
    [
        "x: " + "[" * 30_000 + "]" * 30_000 + "\n",
        "x:\n" + "".join(" " * n + "- \n" for n in range(0, 2400, 2)),
    ],
)
def test_deep_nesting_is_refused_where_it_starts(
    minimal: Path, mirps: Callable[..., Run], nested: str
) -> None:
    """30,000 levels once crashed the process (a segmentation fault in the C parser)."""
    (minimal / "national" / "GT.yaml").write_text("country: GT\n" + nested)
    run = subprocess.run(
        [sys.executable, "-m", "mirps_cli", "validate", "--plans", str(minimal), "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "more deeply here than the 1000 levels mirps reads" in run.stdout
    line = next(row for row in run.stdout.splitlines() if "GT.yaml" in row)
    assert not line.split("GT.yaml:")[1].startswith("0")


def test_text_cannot_move_the_cursor_or_turn_a_line_around(
    minimal: Path, mirps: Callable[..., Run]
) -> None:
    edit(hn(minimal), "    title: A commitment\n", '    title: "Evil \\u202Egnirts\\x1b[2J here"\n')
    for args in (["-c", "HN"], ["HN-01"]):
        out = mirps("status", *args, "--plans", str(minimal), "--as-of", "2022-06-01").stdout
        assert "\u202e" not in out and "\x1b" not in out
        assert "\\u202e" in out and "\\u001b" in out


def test_shell_completion_is_offered_and_completes_countries(tmp_path: Path) -> None:
    env = {**os.environ, "MIRPS_CACHE_DIR": str(tmp_path), "COLUMNS": "100"}
    help_ = subprocess.run(
        [sys.executable, "-m", "mirps_cli", "--help"], capture_output=True, text=True, env=env
    )
    assert help_.returncode == 0, help_.stderr
    assert "--install-completion" in help_.stdout and "--show-completion" in help_.stdout
    ask = {
        **env,
        "_MIRPS_COMPLETE": "complete_bash",
        "COMP_WORDS": "mirps status --country H",
        "COMP_CWORD": "3",
    }
    done = subprocess.run(
        [sys.executable, "-m", "mirps_cli"], capture_output=True, text=True, env=ask
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["HN"]
    assert done.stderr == ""


def test_help_loads_no_heavy_library() -> None:
    """Completion costs nothing at start-up: --help still imports neither the models nor
    the table library."""
    code = (
        "import sys\n"
        "from mirps_cli.cli.main import main\n"
        "sys.argv = ['mirps', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'rich', "
        "'ruamel', 'jinja2'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"


@pytest.mark.parametrize("args", [["--help"], ["validate", "--plans", str(SHIPPED_PLANS)]])
def test_help_and_validate_load_no_chart_word_or_spreadsheet_library(args: list[str]) -> None:
    """They run in every hook: matplotlib, python-docx (and its lxml), openpyxl and numpy
    belong to the commands that draw or write documents."""
    code = (
        "import sys\n"
        "from mirps_cli.cli.main import main\n"
        f"sys.argv = ['mirps', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'docx', "
        "'lxml', 'openpyxl', 'numpy', 'PIL'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"


def test_spanish_messages_write_numbers_as_the_region_does(mirps: Callable[..., Run]) -> None:
    """Latin American Spanish (CLDR es_419), as the member states write: 100,000.00, not
    Spain's 100.000,00."""
    plans = CASES / "invalid" / "fund-rules" / "plans"
    es = mirps("validate", "--plans", str(plans), "--lang", "es")
    en = mirps("validate", "--plans", str(plans))
    assert es.exit_code == en.exit_code == 1
    assert "USD 100,000.00" in es.stdout and "90,000.00" in es.stdout
    assert "USD 100,000.00" in en.stdout and "100.000,00" not in es.stdout
    assert "archivos revisados" in es.stdout
    small = CASES / "invalid" / "file-too-large" / "plans"
    tiny = mirps("validate", "--plans", str(small), "--max-file-size", "100", "--lang", "es")
    assert tiny.exit_code == 1
    assert "más que el límite de 100 B" in tiny.stdout


def test_o_never_replaces_what_is_not_a_regular_file(
    mirps: Callable[..., Run], tmp_path: Path
) -> None:
    """A named pipe (and a device, such as /dev/null) is written to as a stream: it stays
    what it was, where -o once replaced it with a regular file."""
    import os
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = mirps("report", "--plans", str(SHIPPED_PLANS), "--year", "2022", "-o", str(pipe))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith(b"# V Informe Anual")
    null = Path(os.devnull)
    if null.exists() and stat.S_ISCHR(null.stat().st_mode):
        again = mirps("report", "--plans", str(SHIPPED_PLANS), "--year", "2022", "-o", str(null))
        assert again.exit_code == 0, again.stderr
        assert stat.S_ISCHR(null.stat().st_mode)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{plans}/national/HN.yaml", "is inside the plans folder"),
        ("{plans}/national/new.md", "is inside the plans folder"),
        ("{tmp}", "is a folder"),
        ("{tmp}/missing/report.md", "does not exist"),
        ("", "is empty"),
    ],
)
def test_o_refuses_a_plan_a_folder_or_a_missing_folder(
    mirps: Callable[..., Run], tmp_path: Path, target: str, message: str
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    before = {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}
    output = target.format(plans=plans, tmp=tmp_path)
    result = mirps("report", "--plans", str(plans), "-o", output)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert message in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()} == before


def test_o_dash_is_stdout(mirps: Callable[..., Run]) -> None:
    result = mirps("report", "--plans", str(SHIPPED_PLANS), "--year", "2022", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# V Informe Anual")
    assert not Path("-").exists()


def test_a_failed_write_is_one_sentence_and_leaves_nothing(
    mirps: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full, a read-only file system, an immutable file: exit 1 with one sentence, the
    old file as it was and no temporary file left (once exit 3, "a bug in mirps")."""
    import errno
    import os

    folder = tmp_path / "drafts"
    folder.mkdir()
    out = folder / "informe.md"
    out.write_text("old draft", encoding="utf-8")
    for code, words in (
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only"),
        (errno.EPERM, "immutable"),
    ):
        real_fsync = os.fsync

        def full(fd: int, code: int = code) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr("mirps_cli.atomic.os.fsync", full)
        result = mirps("report", "--plans", str(SHIPPED_PLANS), "-o", str(out))
        monkeypatch.setattr("mirps_cli.atomic.os.fsync", real_fsync)
        assert result.exit_code == 1, result.stderr
        assert words in result.stderr and "bug" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert out.read_text(encoding="utf-8") == "old draft"
        assert sorted(p.name for p in folder.iterdir()) == ["informe.md"]


@pytest.mark.parametrize(
    ("kind", "message"), [("missing", "does not exist"), ("file", "is a file")]
)
def test_template_dir_must_be_a_folder(
    mirps: Callable[..., Run], tmp_path: Path, kind: str, message: str
) -> None:
    target = tmp_path / "templates"
    if kind == "file":
        target.write_text("", encoding="utf-8")
    result = mirps("report", "--plans", str(SHIPPED_PLANS), "--template-dir", str(target))
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_an_update_that_cannot_be_written_is_one_sentence(
    mirps: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    before = {p: p.read_bytes() for p in plans.rglob("*.yaml")}

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("mirps_cli.atomic.os.fsync", full)
    result = mirps(
        "update",
        "HN-03",
        "--status",
        "fulfilled",
        "--date",
        "2025-01",
        "--plans",
        str(plans),
        "--lang",
        "es",
    )
    assert result.exit_code == 1, result.stderr
    assert "el disco está lleno; no se cambió nada" in result.stderr
    assert {p: p.read_bytes() for p in plans.rglob("*.yaml")} == before
    assert not list(plans.rglob("*.tmp"))


def test_a_template_past_the_sandboxs_range_limit_is_a_located_error(
    mirps: Callable[..., Run], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        "# x\n{% for i in range(10**9) %}{{ i }}{% endfor %}\n", encoding="utf-8"
    )
    result = mirps("report", "--plans", str(SHIPPED_PLANS), "--template-dir", str(templates))
    assert result.exit_code == 1, result.stderr
    assert "template report.md.j2, line 2" in result.stderr
    assert "bug" not in result.stderr and result.stdout == ""


def test_an_indicator_value_of_1e27_or_more_is_shown(
    mirps: Callable[..., Run], tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    path = plans / "national" / "MX.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "          - value: 20000\n            about: true", "          - value: 1e27"
        ),
        encoding="utf-8",
    )
    for args in (("status", "MX-02"), ("status", "MX-02", "--lang", "es"), ("report", "-c", "MX")):
        result = mirps(*args, "--plans", str(plans))
        assert result.exit_code == 0, (args, result.stderr)
    shown = mirps("status", "MX-02", "--plans", str(plans)).stdout
    assert "1,000,000,000,000,000,000,000,000,000" in shown


def test_a_file_name_that_is_not_utf8_is_a_finding_not_a_crash(
    mirps: Callable[..., Run], tmp_path: Path
) -> None:
    import os

    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    name = os.fsencode(str(plans / "national")) + b"/H\xffN.yaml"
    with open(name, "wb") as handle:
        handle.write(b"country: HN\n")
    for command in ("validate", "status"):
        result = mirps(command, "--plans", str(plans), env={"MIRPS_DEBUG": "1"})
        assert result.exit_code == 1, (command, result.stderr)
        assert "unexpected error" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--country", "HN", "--format", "markdown"],
        ["status", "--country", "HN", "--format", "csv"],
        ["report", "--country", "HN"],
        ["status", "HN-03", "--format", "csv"],
    ],
)
def test_terminal_control_sequences_never_reach_stdout_raw(
    mirps: Callable[..., Run], tmp_path: Path, args: list[str]
) -> None:
    """ESC, an OSC 8 link, a C1 CSI and U+202E once reached the terminal raw in Markdown, CSV
    and the report: they are written out, as the tables write them."""
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    path = plans / "national" / "HN.yaml"
    hostile = "Map \\e[31mred\\e]8;;https://x\\e\\\\link \\x9b2J \\u202eevil"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "title: Map potentially contested land in future return areas",
            f'title: "{hostile}"',
        ),
        encoding="utf-8",
    )
    result = mirps(*args, "--plans", str(plans))
    assert result.exit_code == 0, result.stderr
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in result.stdout, (args, raw)
    assert "\\u001b" in result.stdout or "\\\\u001b" in result.stdout


def test_an_update_never_writes_through_a_link_out_of_the_plans(
    mirps: Callable[..., Run], tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = elsewhere / "PA.yaml"
    (plans / "national" / "PA.yaml").rename(outside)
    (plans / "national" / "PA.yaml").symlink_to(outside)
    before = outside.read_bytes()
    shown = mirps("validate", "--plans", str(plans))
    assert "M113" in shown.stdout and str(outside) in shown.stdout
    result = mirps("update", "PA-02", "--status", "in_progress", "--plans", str(plans))
    assert result.exit_code == 1
    assert "outside the plans folder" in result.stderr
    assert outside.read_bytes() == before


@pytest.mark.parametrize(
    ("verb", "name", "said"),
    [
        (["translations", "import"], "es.po", "bytes, más que el límite de 52,428,800"),
        (["translations", "import"], "es.xlsx", "bytes, más que el límite de 20,971,520"),
        (["sheet", "import"], "HN.xlsx", "bytes, más que el límite de 20,971,520"),
    ],
)
def test_an_imported_file_of_gigabytes_is_refused_by_its_size_unread(
    mirps: Callable[..., Run], plans_copy: Path, verb: list[str], name: str, said: str
) -> None:
    """A sparse file of 8 GB: read whole first, as the PO and workbook readers did, it took
    the machine's memory before the limit was looked at; now its size refuses it."""
    huge = plans_copy.parent / name
    with huge.open("wb") as handle:
        handle.truncate(8 * 1024**3)
    before = {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    run = mirps(*verb, str(huge), "--plans", str(plans_copy), "--lang", "es")
    assert run.exit_code == 1 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "8,589,934,592 " + said in lines[0], run.stderr
    assert {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")} == before


def test_read_capped_reads_no_more_than_its_limit(tmp_path: Path) -> None:
    from mirps_cli.atomic import read_capped

    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_capped(path, 100) == (b"x" * 100, 100)
    assert read_capped(path, 99) == (b"", 100)
    with path.open("wb") as handle:
        handle.truncate(8 * 1024**3)
    assert read_capped(path, 1000) == (b"", 8 * 1024**3)
