"""`mirps translations export`: the texts that lack a language, as a PO file for translators.

Each entry: the source text as msgid; its place (the plan file relative to the plans folder,
and the place by ids) as msgctxt, which is how it comes back; the file and line as a
reference, for a translator who opens the plan; the plan's own comment just above the text
as a note, where it has one.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from mirps_cli import __version__
from mirps_cli.i18n import other_lang
from mirps_cli.loader.locate import line_at
from mirps_cli.po import PoEntry, PoFile, write_po
from mirps_cli.translations import TextAt, texts
from mirps_cli.tree import Tree


def context(text: TextAt, root: Path) -> str:
    """A text's key in the PO file: "national/HN.yaml: HN-03 › title"."""
    return f"{_name(text.file.path, root)}: {text.place}"


@functools.cache
def _name(path: Path, root: Path) -> str:
    # Once per file: a tree of 10,000 commitments holds some 200,000 texts in nine files.
    return path.relative_to(root).as_posix()


def export_po(tree: Tree, lang: str, everything: bool, when: dt.datetime) -> tuple[bytes, int]:
    """The PO file of the texts without `lang` (every text with `everything`, those already
    translated with their translation, for review), and how many entries it holds."""
    po = to_translate(tree, lang, everything)
    return write_po(po, "mirps", __version__, when), len(po.entries)


def to_translate(tree: Tree, lang: str, everything: bool) -> PoFile:
    """The entries of the texts without `lang` (with `everything`, every text), as a PO file
    or the translation form holds them."""
    entries = []
    lines: dict[Path, list[str]] = {}
    source_lang = other_lang(lang).value
    for text in texts(tree):
        has = text.has(lang)
        if has and not everything:
            continue
        if text.texts()[source_lang] is None:
            continue  # nothing to translate from: the text is in `lang` alone
        line = line_at(text.file.raw, text.loc)
        path = text.file.path
        if path not in lines:
            lines[path] = _file_lines(path)
        comments = [*_comment_above(lines[path], line)]
        entries.append(
            PoEntry(
                context(text, tree.root),
                text.source(lang),
                text.texts()[lang] or "",
                ((text.file.display, line),),
                tuple(comments),
            )
        )
    return PoFile(lang, entries)


def _file_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _comment_above(lines: list[str], line: int) -> list[str]:
    """The plan's comment lines just above line `line` (1-based), oldest first: what its
    editors wrote about the text, a note for its translator."""
    found = []
    at = line - 2
    while 0 <= at < len(lines) and lines[at].strip().startswith("#"):
        found.append(lines[at].strip().lstrip("#").strip())
        at -= 1
    return [c for c in reversed(found) if c]
