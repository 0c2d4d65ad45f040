"""Terminal output through rich: colour on a terminal, plain text in a pipe.

rich is imported here only, by the commands that draw tables.
"""

from __future__ import annotations

import io
import os
import shutil
import sys

from rich import box
from rich.console import Console

# rich's SIMPLE_HEAD drawn with ASCII, for pipes and files: no escape codes
# and no box-drawing characters, so the output greps and diffs cleanly.
PLAIN_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)
PLAIN_WIDTH = 80


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
    return f"{full * filled}{empty * (width - filled)} {round(share * 100):>3}%"
