"""The one root of mirps's errors. Each carries the exit code the CLI uses for it,
and its sentence in English and Spanish."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mirps_cli.i18n import Message

if TYPE_CHECKING:
    from mirps_cli.problems import Problem


class MirpsError(Exception):
    """A failure with a sentence the user can act on."""

    exit_code = 1

    def __init__(self, en: str, es: str | None = None) -> None:
        super().__init__(en)
        self.message = Message(en, en if es is None else es)


class UsageError(MirpsError):
    """The command was asked for something that does not exist (exit 2)."""

    exit_code = 2


class PlansNotFound(UsageError):
    pass


class UpdateRefused(MirpsError):
    """An update that would make the plan invalid, or cannot be applied (exit 1).

    When validate's findings are the reason, they travel with the refusal as
    values (`problems`, out of `checked` files); the CLI renders them.
    """

    def __init__(
        self,
        en: str,
        es: str | None = None,
        problems: Sequence[Problem] = (),
        checked: int = 0,
    ) -> None:
        super().__init__(en, es)
        self.problems = list(problems)
        self.checked = checked


class SideInvalid(MirpsError):
    """A side of `mirps diff` whose plans have errors (exit 1): its findings travel with it
    as values (`problems`, out of `checked` files); the CLI renders them."""

    def __init__(self, side: str, problems: Sequence[Problem], checked: int) -> None:
        super().__init__(
            f"{side}: the plans have errors; fix them first",
            f"{side}: los planes tienen errores; corríjalos primero",
        )
        self.problems = list(problems)
        self.checked = checked
