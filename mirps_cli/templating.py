"""The Jinja edge: where templates are found, how they are rendered, how text is escaped.

StrictUndefined turns a misspelt variable into an error instead of an empty string;
keep_trailing_newline keeps the files byte-stable. Templates run in Jinja's sandbox, since
a team may bring its own (`mirps report --template-dir`): a template that reaches for
Python internals stops with its file and line, and so does one with a syntax error or a
missing variable.
"""

from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2 import TemplateSyntaxError as JinjaSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from mirps_cli.errors import MirpsError
from mirps_cli.i18n import visible

_PACKAGE = Path(__file__).resolve().parent
# Text that would start a block of Markdown at the beginning of a line: a heading, a quote,
# a list item ("- ", "+ ", "* ", "1. ", "2022) "), a thematic break, a table row, HTML.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")


def templates_dir() -> Path:
    """Inside an installed package, mirps_cli/templates; in a checkout, ./templates."""
    installed = _PACKAGE / "templates"
    return installed if installed.is_dir() else _PACKAGE.parent / "templates"


# Each character that is markup inside a line, with a backslash before it: one pass over the
# text (a report escapes some 70,000 cells), the same as replacing them one after another
# with the backslash first.
_INLINE = str.maketrans({c: "\\" + c for c in "\\*_`[]<>#&|~"})


def _escape_inline(text: str) -> str:
    # Control characters written out first (a Markdown file is read in terminals too).
    return visible(text).translate(_INLINE)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: markup escaped, newlines as <br>."""
    lines = [_escape_inline(" ".join(line.split())) for line in str(value).splitlines()]
    return "<br>".join(line for line in lines if line)


def md_cells(values: Iterable[object]) -> str:
    """A table row's cells, each made safe, between `|` (one filter call per row, not one per
    cell: a report's annex has tens of thousands of cells)."""
    return " | ".join([md_cell(value) for value in values])


def md_inline(value: object) -> str:
    """Text safe after a heading's or a list item's marker: markup inside it escaped."""
    return _escape_inline(" ".join(str(value).split()))


def md_text(value: object) -> str:
    """Text safe as a Markdown paragraph or list item: nothing in it starts markup."""
    text = _escape_inline(" ".join(str(value).split()))
    # "2022. A year" would start a numbered list; "- x" a bullet: escape the marker.
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


# What would end an autolink or cut a table row, percent-encoded: the address still leads to
# the same page (an address that validated holds no space, quote or angle bracket anyway).
_LINK = str.maketrans(
    {c: f"%{ord(c):02X}" for c in "|<> \\`\"'"} | {chr(c): f"%{c:02X}" for c in range(32)}
)


def md_link(url: object) -> str:
    """An address as a Markdown autolink, `<https://...>`, safe in a paragraph or a cell."""
    return f"<{str(url).translate(_LINK)}>"


def md_links(urls: Iterable[object]) -> str:
    """Addresses as autolinks, separated by spaces."""
    return " ".join(md_link(url) for url in urls)


def template_file(name: str, user_dir: Path | None = None) -> bytes:
    """A file the templates come with (a style sheet, a script), from `user_dir` first."""
    for folder in [user_dir, templates_dir()]:
        if folder is not None and (folder / name).is_file():
            try:
                return (folder / name).read_bytes()
            except OSError as error:
                raise MirpsError(
                    f"cannot read the template {name}: {error.strerror}",
                    f"no se puede leer la plantilla {name}: {error.strerror}",
                ) from None
    raise MirpsError(f"no template {name}", f"no hay plantilla {name}")


@functools.cache
def environment(user_dir: Path | None = None, autoescape: bool = False) -> SandboxedEnvironment:
    """Templates from `user_dir` first (any of them by file name), then mirps's own. One
    environment each, kept: it keeps its compiled templates, and compiling costs ten times
    rendering (a site renders the same few templates thousands of times)."""
    loaders = [FileSystemLoader(user_dir)] if user_dir is not None else []
    env = SandboxedEnvironment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(templates_dir())]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown is escaped by the filters below; an HTML template escapes everything.
        autoescape=autoescape,
    )
    env.filters["cell"] = md_cell
    env.filters["cells"] = md_cells
    env.filters["text"] = md_text
    env.filters["inline"] = md_inline
    env.filters["link"] = md_link
    env.filters["links"] = md_links
    return env


def _where(error: Exception, name: str) -> str:
    """ "report.md.j2, line 12": the template and line a failure comes from."""
    if isinstance(error, JinjaSyntaxError):
        return f"{Path(error.filename or error.name or name).name}, line {error.lineno}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    if frames:
        return f"{Path(frames[-1].filename).name}, line {frames[-1].lineno}"
    return name


def render_template(
    name: str, user_dir: Path | None = None, autoescape: bool = False, **context: Any
) -> str:
    return "".join(stream_template(name, user_dir, autoescape, **context))


def stream_template(
    name: str, user_dir: Path | None = None, autoescape: bool = False, **context: Any
) -> Iterator[str]:
    """The rendered template in pieces as Jinja makes them, for a page written as it is
    rendered (a work plan's page at 10,000 commitments is 5 MB): never whole in memory."""
    try:
        yield from environment(user_dir, autoescape).get_template(name).generate(**context)
    except TemplateError as error:
        where = _where(error, name)
        raise MirpsError(
            f"template {where}: {error.message or error}",
            f"plantilla {where}: {error.message or error}",
        ) from None
    except (OverflowError, MemoryError, RecursionError) as error:
        # The sandbox's own limits (a range over MAX_RANGE items) and a template that asks for
        # more than the machine has: the template's fault, located, not a bug in mirps.
        where = _where(error, name)
        raise MirpsError(
            f"template {where}: {error or type(error).__name__}",
            f"plantilla {where}: {error or type(error).__name__}",
        ) from None
