"""The Jinja edge: where templates are found and how they are rendered.

StrictUndefined turns a misspelt variable into an error instead of an empty
string; keep_trailing_newline keeps the files byte-stable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError

from mirps_cli.errors import MirpsError

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """Inside an installed package, mirps_cli/templates; in a checkout, ./templates."""
    installed = _PACKAGE / "templates"
    return installed if installed.is_dir() else _PACKAGE.parent / "templates"


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def md_text(value: object) -> str:
    """Text safe as a Markdown paragraph or list item: characters that start markup escaped."""
    text = " ".join(str(value).split())
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#"):
        text = text.replace(char, "\\" + char)
    return text


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML; cells are escaped by the filters below
    )
    env.filters["cell"] = md_cell
    env.filters["text"] = md_text
    return env


def render_template(name: str, **context: Any) -> str:
    try:
        return environment().get_template(name).render(**context)
    except TemplateError as error:
        raise MirpsError(
            f"template {name} failed: {error}", f"la plantilla {name} falló: {error}"
        ) from error
