"""A verb's renderers as one typed table: format name → output module, each module imported
only when its format is chosen (rich, Jinja and Babel cost start-up time).

Each entry is a small function that imports its module and returns it; the module is checked
by mypy against the protocol its entry promises, so a `render` whose signature drifts fails
the type check, not a user's run."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

V = TypeVar("V", contravariant=True)
W = TypeVar("W")


class Plain(Protocol[V]):
    """An output module whose text is the same on a terminal and in a file (json, csv,
    markdown)."""

    def render(self, view: V, lang: str, /) -> str: ...


class Coloured(Protocol[V]):
    """An output module that colours its text when it goes to a terminal (tables, diffs)."""

    def render(self, view: V, lang: str, terminal: bool, /) -> str: ...


class Document(Protocol[V]):
    """An output module that renders a whole document through the templates (the report):
    text, or a file's bytes (Word). `reference_doc` is a document whose styles a format that
    has styles takes (Word); the text formats have none to take."""

    def render(
        self, view: V, lang: str, template_dir: Path | None, /, *, reference_doc: Path | None
    ) -> str | bytes: ...


@dataclass(frozen=True)
class Outputs(Generic[W]):
    """One verb's formats: `coloured` ones are drawn for the terminal when stdout is one."""

    plain: Mapping[str, Callable[[], Plain[W]]]
    coloured: Mapping[str, Callable[[], Coloured[W]]]

    def render(self, fmt: str, view: W, lang: str) -> tuple[str, bool]:
        """The text of `view` in format `fmt`, and whether it carries colour."""
        if fmt in self.coloured:
            from mirps_cli.output.console import is_terminal

            terminal = is_terminal()
            return self.coloured[fmt]().render(view, lang, terminal), terminal
        return self.plain[fmt]().render(view, lang), False
