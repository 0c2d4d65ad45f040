"""The command line in Spanish: help pages and typer's usage errors, when the run's language
is Spanish (--lang es, MIRPS_LANG=es, a Spanish locale), and English untouched otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
import typer.main
from typer import _click
from typer.core import TyperGroup

from mirps_cli.cli.app import COMMANDS, help_language, make_app
from mirps_cli.cli.help_es import HELP
from tests.conftest import SHIPPED_PLANS, Run

# typer adds this option to every command when it shows help; it is in no command's params.
HELP_OPTION = "Show this message and exit."


def _help_texts() -> set[str]:
    """Every help text the whole app carries: commands, groups, options, arguments."""
    texts = {HELP_OPTION}

    def walk(command: _click.Command, name: str) -> None:
        for text in (command.help, getattr(command, "short_help", None)):
            if text:
                texts.add(text)
        for param in command.get_params(_click.Context(command, info_name=name)):
            text = getattr(param, "help", None)
            if text:
                texts.add(text)
        if isinstance(command, TyperGroup):
            for sub_name, sub in command.commands.items():
                walk(sub, sub_name)

    walk(typer.main.get_command(make_app()), "mirps")
    return texts


def test_every_help_text_has_its_spanish_and_none_is_stale() -> None:
    texts = _help_texts()
    missing = sorted(texts - HELP.keys())
    stale = sorted(HELP.keys() - texts)
    assert not missing, f"help texts without Spanish in cli/help_es.py: {missing}"
    assert not stale, f"Spanish for help texts no command has any more: {stale}"
    assert all(HELP[text] and HELP[text] != text for text in texts)


def _verbs() -> list[list[str]]:
    """Every command line that has a help page: each verb, and each subcommand."""
    app = typer.main.get_command(make_app())
    assert isinstance(app, TyperGroup)
    lines: list[list[str]] = [[]]
    for name, command in app.commands.items():
        lines.append([name])
        if isinstance(command, TyperGroup):
            lines.extend([name, sub] for sub in command.commands)
    return lines


@pytest.mark.parametrize("line", _verbs(), ids=lambda line: " ".join(line) or "mirps")
def test_every_help_page_is_in_spanish(mirps: Callable[..., Run], line: list[str]) -> None:
    run = mirps(*line, "--help", env={"MIRPS_LANG": "es"})
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    out = run.stdout
    assert out.startswith(f"Uso: mirps {' '.join(line)}".rstrip() + " [OPCIONES]")
    assert "Opciones:" in out and "Muestra esta ayuda y termina." in out
    for english in ("Usage:", "Options:", "Commands:", "Arguments:", "[default:", "env var"):
        assert english not in out
    # No English help text is left, and the command's own text is there in Spanish (the
    # page rewraps them: compared with whitespace folded).
    flat = " ".join(out.split())
    for text in HELP:
        assert " ".join(text.split()) not in flat, text
    command = typer.main.get_command(make_app())
    for name in line:
        assert isinstance(command, TyperGroup)
        command = command.commands[name]
    assert command.help is not None
    assert " ".join(HELP[command.help].split())[:60] in flat
    english_page = mirps(*line, "--help").stdout
    assert english_page.startswith("Usage: mirps") and "Uso:" not in english_page


def test_the_top_help_lists_every_command_in_spanish(mirps: Callable[..., Run]) -> None:
    out = mirps("--help", env={"MIRPS_LANG": "es"}).stdout
    assert out.startswith("Uso: mirps [OPCIONES] ORDEN [ARGUMENTOS]...")
    assert "Órdenes:" in out
    for verb in COMMANDS:
        assert f"\n  {verb} " in out
    assert "En qué punto están la región, un país o un compromiso." in out
    assert "Los planes del MIRPS como datos" in out


def test_an_option_page_reads_its_notes_and_placeholders_in_spanish(
    mirps: Callable[..., Run],
) -> None:
    out = mirps("status", "--help", env={"MIRPS_LANG": "es"}).stdout
    flat = " ".join(out.split())
    assert "Uso: mirps status [OPCIONES] [objetivo]" in out
    assert "--as-of FECHA" in out and "--plans CARPETA" in out and "--status ESTADO" in out
    assert "[por defecto: pillar]" in flat
    assert "[variable de entorno: MIRPS_LANG]" in flat
    assert "Código ISO o nombre en español o en inglés" in flat
    # Codes to type stay as they are typed.
    assert "<en|es>" in out and "<table|json|csv|markdown>" in out
    required = mirps("update", "--help", env={"MIRPS_LANG": "es"}).stdout
    assert "[obligatorio]" in " ".join(required.split())


@pytest.mark.parametrize(
    ("args", "env", "spanish"),
    [
        (["status", "--help", "--lang", "es"], {}, True),
        (["status", "--lang=es", "--help"], {}, True),
        (["status", "--help"], {"LANG": "es_HN.UTF-8"}, True),
        (["status", "--help"], {"LC_ALL": "es_GT.UTF-8", "LANG": "en_US.UTF-8"}, True),
        (["status", "--help", "--lang", "en"], {"MIRPS_LANG": "es"}, False),
        (["status", "--help"], {"MIRPS_LANG": "en", "LANG": "es_HN.UTF-8"}, False),
        (["status", "--help"], {"LANG": "en_US.UTF-8"}, False),
        # `site --lang both` speaks the locale's language, as its messages do.
        (["site", "--lang", "both", "--help"], {"LANG": "es_PA.UTF-8"}, True),
    ],
)
def test_the_help_language_is_the_runs(
    mirps: Callable[..., Run], args: list[str], env: dict[str, str], spanish: bool
) -> None:
    run = mirps(*args, env=env)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("Uso:" if spanish else "Usage:")


def test_help_language_reads_the_last_lang_given() -> None:
    assert help_language(["status", "--lang", "en", "--lang", "es"], {}) == "es"
    assert help_language(["status", "--lang"], {"MIRPS_LANG": "es"}) == "es"
    assert help_language(["status", "--", "--lang", "es"], {}) == "en"
    assert help_language([], {"MIRPS_LANG": "fr", "LANG": "es_CR.UTF-8"}) == "es"


@pytest.mark.parametrize(
    ("args", "spanish", "english"),
    [
        (["status", "--bogus"], "No existe la opción --bogus.", "No such option: --bogus"),
        (
            ["status", "--countr", "HN"],
            "No existe la opción --countr. (Opciones posibles: --country)",
            "(Possible options: --country)",
        ),
        (["status", "--country"], "La opción '--country' necesita un valor.", "requires an"),
        (["update"], "Falta el argumento 'ID'.", "Missing argument 'ID'."),
        (["update", "HN-01"], "Falta la opción '--status'.", "Missing option '--status'."),
        (["fund", "nope"], "No existe la orden 'nope'.", "No such command 'nope'."),
        (["statu"], "No existe la orden 'statu'. ¿Quiso decir 'status'?", "Did you mean"),
        (["status", "a", "b"], "Sobran argumentos: b.", "Got unexpected extra argument"),
        (
            ["timeline", "--year", "abc"],
            "Valor no válido para '--year': 'abc' no es un número entero válido.",
            "Invalid value for '--year': 'abc' is not a valid int.",
        ),
        (
            ["status", "--format", "xml"],
            "Valor no válido para '--format': 'xml' no es ninguno de estos valores: 'table', "
            "'json', 'csv', 'markdown'.",
            "'xml' is not one of",
        ),
        (
            ["status", "--lang", "fr"],
            "Valor no válido para '--lang' (variable de entorno: 'MIRPS_LANG'): 'fr' no es "
            "ninguno de estos valores: 'en', 'es'.",
            "(env var: 'MIRPS_LANG')",
        ),
    ],
)
def test_usage_errors_are_in_the_runs_language(
    mirps: Callable[..., Run], args: list[str], spanish: str, english: str
) -> None:
    es = mirps(*args, env={"MIRPS_LANG": "es"})
    assert es.exit_code == 2
    assert es.stdout == ""
    assert f"Error: {spanish}\n" in es.stderr
    assert "Pruebe 'mirps" in es.stderr or "--country" in args
    assert "Usage:" not in es.stderr and "Try '" not in es.stderr
    en = mirps(*args)
    assert en.exit_code == 2
    assert english in en.stderr and "Pruebe" not in en.stderr


def test_a_group_without_its_command_shows_its_spanish_help(mirps: Callable[..., Run]) -> None:
    run = mirps("sheet", env={"MIRPS_LANG": "es"})
    assert run.exit_code == 2
    assert "Uso: mirps sheet [OPCIONES] ORDEN [ARGUMENTOS]..." in run.stdout + run.stderr
    assert "Órdenes:" in run.stdout + run.stderr


def test_a_spanish_run_keeps_its_exit_codes(mirps: Callable[..., Run]) -> None:
    ok = mirps("validate", "--plans", str(SHIPPED_PLANS), env={"MIRPS_LANG": "es"})
    assert ok.exit_code == 0, ok.stderr
    assert "archivos revisados" in ok.stdout or "archivo" in ok.stdout
    missing = mirps("validate", "--plans", "no-such-folder", env={"MIRPS_LANG": "es"})
    assert missing.exit_code == 2
    assert missing.stderr.startswith("mirps: ")
    unknown = mirps("status", "XX-99", "--plans", str(SHIPPED_PLANS), env={"MIRPS_LANG": "es"})
    assert unknown.exit_code != 0 and unknown.stdout == ""


def test_the_entry_point_in_spanish_exits_as_in_english() -> None:
    """Through the installed entry point (sys.exit, not the test runner): help 0, a usage
    error 2, with the Spanish frame, and an English run loads no Spanish."""
    code = (
        "import sys\n"
        "from mirps_cli.cli.main import main\n"
        "sys.argv = ['mirps', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as done:\n"
        "    print('exit', done.code, sorted(m for m in sys.modules if 'help_es' in m), "
        "file=sys.stderr)\n"
    )

    def run(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "MIRPS_LANG": lang}
        return subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
        )

    helped = run("validate", "--help", lang="es")
    assert helped.stdout.startswith("Uso: mirps validate")
    assert helped.stderr.splitlines()[-1] == "exit 0 ['mirps_cli.cli.help_es']"
    wrong = run("validate", "--strictly", lang="es")
    assert "Error: No existe la opción --strictly." in wrong.stderr
    assert wrong.stderr.splitlines()[-1] == "exit 2 ['mirps_cli.cli.help_es']"
    english = run("validate", "--plans", str(SHIPPED_PLANS), lang="en")
    assert english.stderr.splitlines()[-1] == "exit 0 []", english.stderr
