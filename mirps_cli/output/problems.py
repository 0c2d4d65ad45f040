"""The four forms of `mirps validate`'s findings: text, json, github, sarif."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from mirps_cli import __version__
from mirps_cli.i18n import Message, counted, full_stop
from mirps_cli.problems import Problem, Severity
from mirps_cli.rules import RULES


def _place(p: Problem) -> str:
    return f"{p.file}:{p.line}:{p.column}" if p.line else p.file


SEVERITY: dict[Severity, tuple[Message, Message]] = {  # one, many
    Severity.ERROR: (Message("error", "error"), Message("errors", "errores")),
    Severity.WARNING: (Message("warning", "advertencia"), Message("warnings", "advertencias")),
    Severity.INFO: (Message("note", "nota"), Message("notes", "notas")),
}
# What SARIF and GitHub's workflow commands call each severity.
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
HINT = Message("hint", "sugerencia")
FILES_CHECKED = (
    Message("file checked", "archivo revisado"),
    Message("files checked", "archivos revisados"),
)


def render_text(problems: list[Problem], lang: str = "en", checked: int = 0) -> str:
    lines = []
    for p in problems:
        where = f" {p.path.in_lang(lang)}:" if p.path.en else ""
        severity = SEVERITY[p.severity][0].in_lang(lang)
        lines.append(f"{_place(p)}: {severity} {p.code}{where} {p.message.in_lang(lang)}")
        lines.append(f"    {HINT.in_lang(lang)}: {RULES[p.code].hint.in_lang(lang)}")
    counts = [
        counted(sum(p.severity is severity for p in problems), *SEVERITY[severity], lang)
        for severity in Severity
        # Notes are counted only where there are some, so a plain run reads as before.
        if severity is not Severity.INFO or any(p.severity is severity for p in problems)
    ]
    lines.append(f"{counted(checked, *FILES_CHECKED, lang)}: {', '.join(counts)}")
    return "\n".join(lines) + "\n"


def render_json(problems: list[Problem], lang: str = "en", checked: int = 0) -> str:
    items = [
        {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "path": p.path.in_lang(lang),
            "code": p.code,
            "rule": RULES[p.code].name,
            "severity": str(p.severity),
            "message": p.message.in_lang(lang),
            "hint": RULES[p.code].hint.in_lang(lang),
        }
        for p in problems
    ]
    return (
        json.dumps({"files_checked": checked, "problems": items}, ensure_ascii=False, indent=2)
        + "\n"
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: list[Problem], lang: str = "en", checked: int = 0) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.file)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(f'{p.code} {RULES[p.code].name}')}")
        body = (
            f"{p.path.in_lang(lang)}: {full_stop(p.message.in_lang(lang))} "
            f"{RULES[p.code].hint.in_lang(lang)}"
            if p.path.en
            else f"{full_stop(p.message.in_lang(lang))} {RULES[p.code].hint.in_lang(lang)}"
        )
        lines.append(f"::{GITHUB_COMMAND[p.severity]} {','.join(props)}::{_escape_data(body)}")
    return "\n".join(lines) + ("\n" if lines else "")


def artifact(file: str) -> dict[str, str]:
    """A SARIF artifact location: a percent-encoded URI relative to the folder mirps ran in,
    or a file:// URI for a path outside it; never a raw path with spaces or '#'."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": "SRCROOT"}


def render_sarif(problems: list[Problem], lang: str = "en", checked: int = 0) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.name},
            "help": {"text": rule.hint.in_lang(lang)},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        }
        for rule in RULES.values()
    ]
    index = {code: i for i, code in enumerate(RULES)}
    results = []
    for p in problems:
        text = p.message.in_lang(lang)
        location: dict[str, object] = {"artifactLocation": artifact(p.file)}
        # A finding about a whole file (line 0) still names a region: its first line.
        location["region"] = (
            {"startLine": p.line, "startColumn": p.column} if p.line else {"startLine": 1}
        )
        results.append(
            {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": SARIF_LEVEL[p.severity],
                "message": {"text": f"{p.path.in_lang(lang)}: {text}" if p.path.en else text},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mirps",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                # Columns count characters, as the YAML parser gives them.
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


Renderer = Callable[[list[Problem], str, int], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}


def render(problems: list[Problem], lang: str, checked: int, fmt: str = "text") -> str:
    """The findings in the format named `fmt` (text, json, github or sarif)."""
    return RENDERERS[fmt](problems, lang, checked)
