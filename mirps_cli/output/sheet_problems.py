"""What `mirps sheet import` says of a workbook it refuses: every problem, located."""

from __future__ import annotations

from mirps_cli.i18n import Message
from mirps_cli.output.problems import HINT
from mirps_cli.sheet.read import SheetProblem
from mirps_cli.sheet.rules import SHEET_RULES

ERROR = Message("error", "error")


def render(problems: list[SheetProblem], lang: str) -> str:
    lines = []
    for p in problems:
        lines.append(f"{p.place()}: {ERROR.in_lang(lang)} {p.code} {p.message.in_lang(lang)}")
        lines.append(f"    {HINT.in_lang(lang)}: {SHEET_RULES[p.code][1].in_lang(lang)}")
    return "\n".join(lines) + "\n"
