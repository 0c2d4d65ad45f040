"""Terminal output through rich: colour on a terminal, plain text in a pipe.

rich is imported here only, by the commands that draw tables.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mirps_cli.i18n import label, visible

# rich's SIMPLE_HEAD drawn with ASCII, for pipes and files: no escape codes
# and no box-drawing characters, so the output greps and diffs cleanly.
PLAIN_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)
PLAIN_WIDTH = 80


# Characters that would move the cursor, ring, or turn a line around on a terminal: C0 and
def esc(text: str) -> str:
    """Plan text for a rich console: control characters shown, markup escaped."""
    return escape(visible(text))


def is_terminal() -> bool:
    """Colour and box drawing only on a terminal, and never with NO_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def make_console(terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns if terminal else PLAIN_WIDTH
    console = Console(
        file=buffer,
        width=width,
        force_terminal=terminal,
        color_system="standard" if terminal else None,
        no_color=not terminal,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    return console, buffer


def table_box(terminal: bool) -> box.Box:
    return box.SIMPLE_HEAD if terminal else PLAIN_HEAD


def bar(share: float, terminal: bool, width: int = 5) -> str:
    filled = round(share * width)
    full, empty = ("█", "░") if terminal else ("#", ".")
    return f"{full * filled}{empty * (width - filled)} {percent(share)}"


def percent(share: float) -> str:
    return f"{round(share * 100):>3}%"


def render_with(draw: Callable[[Console, bool], None], terminal: bool) -> str:
    console, buffer = make_console(terminal)
    draw(console, terminal)
    # rich pads every line to the full width; trailing blanks only get in the way.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def plain_table(terminal: bool) -> Table:
    # No padding: the box's own one-space divider separates columns, which
    # keeps the regional table within 80 columns.
    return Table(
        box=table_box(terminal),
        padding=(0, 0),
        pad_edge=False,
        show_edge=False,
        header_style="bold" if terminal else "",
    )


def keep_cells_whole(table: Table, rows: list[list[str]], width: int) -> None:
    """When the table is wider than the console, the headers give way (cut with …) and the
    cells never do: an id, a number or a date cut short reads as another one. The columns
    are one space apart (plain_table). Where even the cells do not fit, rich's own
    cutting is the last resort."""
    data = [max((cell_len(row[i]) for row in rows), default=0) for i in range(len(table.columns))]
    heads = [cell_len(str(column.header)) for column in table.columns]
    room = width - (len(table.columns) - 1)
    if sum(map(max, data, heads)) <= room or sum(data) > room:
        return
    widths = [max(d, 1) for d in data]
    spare = room - sum(widths)
    while spare > 0 and any(w < h for w, h in zip(widths, heads, strict=True)):
        for i, head in enumerate(heads):
            if spare > 0 and widths[i] < head:
                widths[i] += 1
                spare -= 1
    for column, fixed in zip(table.columns, widths, strict=True):
        column.width = fixed
        column.no_wrap = True
        column.overflow = "ellipsis"


def outline(items: list[tuple[str, str]], indent: int) -> Table:
    """Numbered lines whose continuation lines hang under the text, not the number."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent + max((len(n) for n, _ in items), default=0), no_wrap=True)
    grid.add_column(ratio=1)
    for number, text in items:
        grid.add_row(" " * indent + number, esc(text))
    return grid


def footnote(console: Console, used: bool, lang: str) -> None:
    if used:
        console.print()
        console.print(escape(label("fallback_note", lang)))
