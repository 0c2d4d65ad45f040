"""The one root of mirps's errors. Each carries the exit code the CLI uses for it."""

from __future__ import annotations


class MirpsError(Exception):
    """A failure with a sentence the user can act on."""

    exit_code = 1


class UsageError(MirpsError):
    """The command was asked for something that does not exist (exit 2)."""

    exit_code = 2


class PlansNotFound(UsageError):
    pass


class EditRefused(MirpsError):
    """An update that would make the plan invalid, or cannot be applied (exit 1)."""
