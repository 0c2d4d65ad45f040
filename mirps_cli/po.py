"""The PO edge: the one module that imports Babel's gettext catalogs (`mirps translations`).

A PO file is what translators' tools read and write (Poedit, Weblate, and the CAT tools
through their PO filters). mirps writes one entry per text to translate: the source text as
msgid, its place in the plans as context and reference, notes for the translator as
extracted comments; and reads the translations back, with each entry's fuzzy flag. A PO file
mirps reads comes from outside: one it cannot parse is refused in one sentence.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from mirps_cli.atomic import read_capped
from mirps_cli.errors import MirpsError

MAX_PO_SIZE = 50 * 1024 * 1024


class PoRefused(MirpsError):
    """A file that is not a PO file mirps can read (exit 1)."""

    exit_code = 1


@dataclass(frozen=True)
class PoEntry:
    context: str  # the text's place: "national/HN.yaml: HN-03 › title"
    source: str  # the text in the language it is written in
    translation: str = ""
    references: tuple[tuple[str, int], ...] = ()
    comments: tuple[str, ...] = ()
    fuzzy: bool = False


@dataclass(frozen=True)
class PoFile:
    lang: str  # the language of the translations ("es")
    entries: list[PoEntry] = field(default_factory=list)


def write_po(po: PoFile, project: str, version: str, when: dt.datetime) -> bytes:
    """The PO file's bytes (UTF-8)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po as write

    catalog = Catalog(
        locale=po.lang,
        project=project,
        version=version,
        creation_date=when,
        revision_date=when,
        charset="utf-8",
        fuzzy=False,
        # The translator's tool fills these in; mirps says where the file comes from.
        last_translator="mirps translations export",
        language_team="MIRPS",
        msgid_bugs_address="-",
        header_comment=f"# Texts of the MIRPS plans to translate into {po.lang}, by {project}.\n#",
    )
    for entry in po.entries:
        catalog.add(
            entry.source,
            entry.translation,
            locations=entry.references,
            auto_comments=entry.comments,
            flags=("fuzzy",) if entry.fuzzy else (),
            context=entry.context,
        )
    buffer = io.BytesIO()
    write(buffer, catalog, width=0, include_lineno=True)
    return buffer.getvalue()


def read_po(path: Path, shown: str) -> PoFile:
    """The entries of a PO file, each with its translation and fuzzy flag."""
    from babel.messages.pofile import PoFileError
    from babel.messages.pofile import read_po as read

    try:
        data, size = read_capped(path, MAX_PO_SIZE)
    except OSError as error:
        raise PoRefused(
            f"{shown}: cannot be read ({error.strerror})",
            f"{shown}: no se puede leer ({error.strerror})",
        ) from None
    if size > MAX_PO_SIZE:
        raise PoRefused(
            f"{shown}: {size:,} bytes, over the limit of {MAX_PO_SIZE:,}",
            f"{shown}: {size:,} bytes, más que el límite de {MAX_PO_SIZE:,}",
        )
    try:
        data.decode("utf-8")
        catalog = read(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise PoRefused(
            f"{shown}: not a PO file mirps can read ({reason}); send back the file mirps "
            "exported, saved as PO (UTF-8)",
            f"{shown}: no es un archivo PO que mirps pueda leer ({reason}); devuelva el "
            "archivo que exportó mirps, guardado como PO (UTF-8)",
        ) from None
    entries = [
        PoEntry(
            message.context or "",
            str(message.id),
            str(message.string or ""),
            tuple((str(f), int(n or 0)) for f, n in message.locations),
            tuple(message.auto_comments),
            message.fuzzy,
        )
        for message in catalog
        if message.id and isinstance(message.id, str)
    ]
    lang = str(catalog.locale) if catalog.locale is not None else ""
    return PoFile(lang, entries)
