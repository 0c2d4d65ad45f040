"""The translation form: the PO file's entries as a workbook, for translators who work in a
spreadsheet. One row a text: its place, the text, a cell for the translation, the note; a
hidden sheet says what the form is and into which language. Read back into the same entries
a PO file gives, so both land the same way (translations/land.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mirps_cli.i18n import Message, fold
from mirps_cli.po import PoEntry, PoFile
from mirps_cli.xlsx import BookRefused, BookSpec, Cell, Column, SheetSpec, read_book, write_book

FORMAT = "mirps-translations-1"
MARKS = "mirps"
MAX_FORM_SIZE = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024

# Each column's heading in the form's language; read back in either, any case or accent.
HEADS = {
    "place": Message("Place", "Lugar"),
    "source": Message("Text", "Texto"),
    "translation": Message("Translation", "Traducción"),
    "note": Message("Note", "Nota"),
}
TITLE = Message("Translations", "Traducciones")


def form_bytes(po: PoFile) -> bytes:
    """The form of the PO file's entries, in its target language's words."""
    lang = po.lang
    columns = (
        Column(HEADS["place"].in_lang(lang), 40, wrap=True),
        Column(HEADS["source"].in_lang(lang), 60, wrap=True),
        Column(f"{HEADS['translation'].in_lang(lang)} ({lang})", 60, fill=True, wrap=True),
        Column(HEADS["note"].in_lang(lang), 30, wrap=True),
    )
    rows: list[tuple[object, ...]] = [
        (e.context, e.source, e.translation, " ".join(e.comments)) for e in po.entries
    ]
    marks = SheetSpec(
        MARKS,
        (Column("key", 12), Column("value", 30)),
        [("format", FORMAT), ("language", lang)],
        hidden=True,
        header=False,
    )
    sheet = SheetSpec(TITLE.in_lang(lang), columns, rows)
    return write_book(BookSpec([sheet, marks], date_format="yyyy-mm-dd"))


def read_form(path: Path, shown: str) -> PoFile:
    """The form's entries, as a PO file's; a workbook that is not a form mirps wrote, or that
    lost its columns, is refused in one sentence (exit 1)."""
    book = read_book(path, shown, MAX_FORM_SIZE, MAX_UNPACKED)
    marks = book.sheet(MARKS)
    said = {
        str(row[0].value): str(row[1].value)
        for row in (marks.rows if marks is not None else [])
        if len(row) >= 2 and row[0].value is not None
    }
    if said.get("format") != FORMAT or said.get("language") not in ("en", "es"):
        raise BookRefused(
            f"{shown}: this is not a translation form made by mirps translations export",
            f"{shown}: no es un formulario de traducción hecho con mirps translations export",
        )
    lang = said["language"]
    sheet = next((s for s in book.sheets if s.title != MARKS), None)
    rows = sheet.rows if sheet is not None else []
    at = _columns(rows[0] if rows else [])
    if at is None:
        raise BookRefused(
            f"{shown}: the sheet has lost its columns (place, text, translation): export the "
            "form again",
            f"{shown}: la hoja perdió sus columnas (lugar, texto, traducción): exporte el "
            "formulario otra vez",
        )
    entries = []
    for row in rows[1:]:
        values = {key: _text(row, n) for key, n in at.items()}
        if not values["place"] and not values["source"]:
            continue  # a blank row
        entries.append(PoEntry(values["place"], values["source"], values["translation"]))
    return PoFile(lang, entries)


def _columns(header: Sequence[Cell]) -> dict[str, int] | None:
    """Where each column is, found by its heading in either language."""
    found: dict[str, int] = {}
    for n, cell in enumerate(header):
        text = fold(str(cell.value or ""))
        for key, head in HEADS.items():
            if key not in found and text.startswith((fold(head.en), fold(head.es))):
                found[key] = n
    return found if {"place", "source", "translation"} <= set(found) else None


def _text(row: Sequence[Cell], n: int) -> str:
    value = row[n].value if n < len(row) else None
    return "" if value is None else str(value).strip()
