"""A finding of `mirps validate`: a frozen value with its place and rule."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mirps_cli.i18n import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # worth knowing, never a failure, even with --strict


class Invalid(ValueError):
    """A value rejected with a sentence in both languages (raised inside the models)."""

    def __init__(self, en: str, es: str) -> None:
        super().__init__(en)
        self.message = Message(en, es)


@dataclass(frozen=True)
class Problem:
    file: str  # as shown to the user: relative to the working folder where possible
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when the problem concerns the whole file
    code: str
    severity: Severity
    path: Message  # readable place in the plan: "HN › commitment HN-03 › status"
    message: Message
    # The hint is the rule's: RULES[code].hint.in_lang(lang), in either language.

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def worst_exit_code(problems: list[Problem], strict: bool) -> int:
    """0 when nothing fails, 1 when an error (or, with --strict, a warning) was found."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(p.severity in failing for p in problems) else 0
