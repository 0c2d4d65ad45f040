"""The spreadsheet edge: the one module that imports openpyxl and XlsxWriter (`mirps sheet`).

It writes a workbook from a plain description (sheets, columns, rows) and reads one back as
plain cells, so the rest of mirps never sees an openpyxl object. A workbook mirps reads comes
from outside, by email: it is checked as a file before openpyxl opens it (its size, packed
and unpacked, against zip bombs; an encrypted or macro-enabled file; a file of another kind
renamed), and openpyxl parses its XML through defusedxml, against entity expansion.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mirps_cli.atomic import read_capped
from mirps_cli.errors import MirpsError

# An OLE compound file: what Excel 97-2003 writes, and what an encrypted .xlsx is wrapped in.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted OOXML file keeps its key data in, as the OLE directory names it.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled"


class BookRefused(MirpsError):
    """A file that is not a workbook mirps can read, said in one sentence (exit 1)."""

    exit_code = 1


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in characters, as Excel counts a column's width
    fill: bool = False  # a cell the national team fills in: unlocked, and shaded
    date: bool = False  # a date cell, shown in the book's date format
    choices: tuple[str, ...] = ()  # a drop-down of these words
    wrap: bool = False


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[object, ...]]
    hidden: bool = False
    protected: bool = True  # with no password, so removing it loses nothing
    header: bool = True  # the first row names the columns (bold, frozen)


@dataclass(frozen=True)
class BookSpec:
    sheets: list[SheetSpec]
    date_format: str  # a number format: "dd/mm/yyyy"
    author: str = "mirps"


@dataclass(frozen=True)
class Cell:
    ref: str  # "F7"
    value: object  # str, int, float, bool, datetime, or None when empty
    formula: bool = False  # a formula; `value` is what the program that saved it computed


@dataclass(frozen=True)
class ReadSheet:
    title: str
    hidden: bool
    rows: list[list[Cell]]  # from the first row, each with its cells from column A


@dataclass(frozen=True)
class ReadBook:
    sheets: list[ReadSheet] = field(default_factory=list)
    epoch_1904: bool = False  # the Mac date system: serial numbers count from 1904

    def sheet(self, title: str) -> ReadSheet | None:
        return next((s for s in self.sheets if s.title == title), None)


def write_book(book: BookSpec) -> bytes:
    """The workbook's bytes, written by XlsxWriter (twice as fast as openpyxl at writing, a
    workbook of 10,000 commitments included; openpyxl reads)."""
    import xlsxwriter

    buffer = io.BytesIO()
    # Text stays text: by default XlsxWriter makes "=..." a formula and an address a link.
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    workbook.set_properties({"author": book.author, "created": _EXPORT_EPOCH})
    bold = workbook.add_format({"bold": True})
    for spec in book.sheets:
        sheet = workbook.add_worksheet(spec.title)
        formats = [_format(workbook, column, book.date_format) for column in spec.columns]
        for index, column in enumerate(spec.columns):
            sheet.set_column(index, index, column.width)
        first = 1 if spec.header else 0  # 0-based rows
        if spec.header:
            sheet.write_row(0, 0, [c.header for c in spec.columns], bold)
            sheet.freeze_panes(1, 1)
            sheet.repeat_rows(0)
        # Text straight to write_string: what write() would choose for it (strings_to_* are
        # off), without its choosing, for the some 300,000 cells of 10,000 commitments.
        text, other = sheet.write_string, sheet.write
        for number, row in enumerate(spec.rows, start=first):
            for index, style in enumerate(formats):
                value = row[index] if index < len(row) else None
                write = text if type(value) is str else other
                if style is None:
                    if value not in (None, ""):
                        write(number, index, value)
                elif value in (None, ""):
                    sheet.write_blank(number, index, None, style)
                else:
                    write(number, index, value, style)
            # A row as tall as its longest wrapped text: neither Excel nor LibreOffice grows
            # a row to fit on opening a file they did not lay out.
            lines = max(
                (
                    _lines_needed(str(value), column.width)
                    for value, column in zip(row, spec.columns, strict=False)
                    if column.wrap and value not in (None, "")
                ),
                default=1,
            )
            if lines > 1:
                sheet.set_row(number, 15 * lines)
        last = first + len(spec.rows) - 1
        for index, column in enumerate(spec.columns):
            if column.choices and last >= first:
                # A list given inline: Excel and LibreOffice show it as a drop-down.
                sheet.data_validation(
                    first,
                    index,
                    last,
                    index,
                    {"validate": "list", "source": list(column.choices), "show_error": False},
                )
        # Printed across the page's width, landscape, the header on every page.
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        if spec.protected:
            # No password: protection keeps slips out, and a team that lifts it loses nothing.
            # Resizing, hiding and sorting stay allowed.
            sheet.protect(
                "",
                {"format_columns": True, "format_rows": True, "sort": True, "autofilter": True},
            )
        if spec.hidden:
            sheet.hide()
    workbook.close()
    return buffer.getvalue()


# The creation date XlsxWriter writes: the workbook's own facts (the export day among them)
# are in its hidden sheet, so the file says no clock time of its own.
_EXPORT_EPOCH = dt.datetime(2000, 1, 1)


def _format(workbook: Any, column: Column, date_format: str) -> Any:
    """The cell format of a column's cells, or None for plain cells."""
    if not (column.wrap or column.date or column.fill):
        return None
    properties: dict[str, object] = {}
    if column.wrap:
        properties |= {"text_wrap": True, "valign": "top"}
    if column.date:
        properties["num_format"] = date_format
    if column.fill:
        properties |= {"locked": False, "bg_color": "#FFF2CC", "pattern": 1}
    return workbook.add_format(properties)


def _lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell of `width` characters takes for `text`, roughly."""
    per_line = max(int(width * 0.85), 1)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, wrapped_lines(line, per_line)) for line in text.splitlines() or [""])


# What textwrap would do otherwise: tabs and other spaces, hyphens, words longer than a line.
_NOT_SIMPLE = re.compile(r"[^\S ]|-|  |^ | $")


def wrapped_lines(line: str, width: int) -> int:
    """len(textwrap.wrap(line, width)), counted without making the lines where the line is
    words between single spaces, none longer than `width`: most of a plan's text, and a
    workbook of 10,000 commitments wraps some 30,000 of them (textwrap took a third of
    writing it)."""
    if _NOT_SIMPLE.search(line):
        return len(textwrap.wrap(line, width))
    words = line.split(" ")
    lengths = [len(w) for w in words]
    if not line or max(lengths) > width:
        return len(textwrap.wrap(line, width))
    lines, used = 1, lengths[0]
    for length in lengths[1:]:
        # A word goes on the line when it fits with its space before it; textwrap drops the
        # space that ends a line and the one that would start the next.
        if used + 1 + length <= width:
            used += 1 + length
        else:
            lines, used = lines + 1, length
    return lines


def read_book(path: Path, shown: str, max_size: int, max_unpacked: int) -> ReadBook:
    """Every cell of every sheet, by value; `shown` names the file in messages."""
    try:
        data, size = read_capped(path, max_size)
    except OSError as error:
        raise BookRefused(
            f"{shown}: cannot be read ({error.strerror})",
            f"{shown}: no se puede leer ({error.strerror})",
        ) from None
    _check_file(data, size, shown, max_size, max_unpacked)
    formulas = _load(data, shown, data_only=False)
    book = ReadBook([], formulas.epoch == dt.datetime(1904, 1, 1))
    values = None
    for sheet in formulas.worksheets:
        rows = [
            [
                Cell(c.coordinate, c.value, c.data_type == "f")
                for c in row
                if hasattr(c, "coordinate")
            ]
            for row in sheet.iter_rows()
        ]
        if any(cell.formula for row in rows for cell in row):
            # Formulas are read by the value the program that saved them computed: a second
            # reading of this sheet gives those (most workbooks hold none, and skip it).
            values = values or _load(data, shown, data_only=True)
            shown_values = {
                c.coordinate: c.value
                for row in values[sheet.title].iter_rows()
                for c in row
                if hasattr(c, "coordinate")
            }
            rows = [
                [Cell(c.ref, shown_values.get(c.ref), True) if c.formula else c for c in row]
                for row in rows
            ]
        book.sheets.append(
            ReadSheet(sheet.title, getattr(sheet, "sheet_state", "") != "visible", rows)
        )
    formulas.close()
    if values is not None:
        values.close()
    return book


def _load(data: bytes, shown: str, data_only: bool) -> Any:
    """openpyxl's reading of the workbook, streamed (read-only)."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns of parts it drops (a LibreOffice extension, a slicer): mirps
            # reads values alone, so they change nothing here.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # any failure to parse foreign bytes is the file's, not ours
        raise BookRefused(
            f"{shown}: not a workbook mirps can read ({type(error).__name__}); open it in "
            "Excel or LibreOffice and save it again as .xlsx",
            f"{shown}: no es un libro que mirps pueda leer ({type(error).__name__}); ábralo "
            "en Excel o LibreOffice y guárdelo otra vez como .xlsx",
        ) from None


def _check_file(data: bytes, size: int, shown: str, max_size: int, max_unpacked: int) -> None:
    """Refuse, in one sentence, what openpyxl must not be given."""
    if size > max_size:
        raise BookRefused(
            f"{shown}: {size:,} bytes, over the limit of {max_size:,}; a national "
            "workbook is far smaller: send the one mirps exported",
            f"{shown}: {size:,} bytes, más que el límite de {max_size:,}; un libro "
            "nacional es mucho menor: envíe el que exportó mirps",
        )
    if data.startswith(_OLE):
        if _ENCRYPTION_INFO in data:
            raise BookRefused(
                f"{shown}: the workbook is protected by a password (encrypted); save it "
                "again without one (File › Info › Protect workbook)",
                f"{shown}: el libro está protegido con contraseña (cifrado); guárdelo otra "
                "vez sin ella (Archivo › Información › Proteger libro)",
            )
        raise BookRefused(
            f"{shown}: an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)",
            f"{shown}: un libro de Excel 97-2003 (.xls); guárdelo como libro de Excel (.xlsx)",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        names = {m.filename for m in members}
        kind = archive.read("mimetype")[:80] if "mimetype" in names else b""
        content_types = (
            archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise _not_a_workbook(shown) from None
    if b"opendocument.spreadsheet" in kind:
        raise BookRefused(
            f"{shown}: an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)",
            f"{shown}: una hoja de cálculo OpenDocument (.ods); guárdela como libro de Excel "
            "(.xlsx)",
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_unpacked or len(members) > 10_000:
        raise BookRefused(
            f"{shown}: unpacks to {unpacked:,} bytes in {len(members):,} parts, over the limit "
            f"of {max_unpacked:,}; send the workbook mirps exported",
            f"{shown}: se descomprime en {unpacked:,} bytes en {len(members):,} partes, más "
            f"que el límite de {max_unpacked:,}; envíe el libro que exportó mirps",
        )
    if "xl/vbaProject.bin" in names or _MACRO_TYPE.encode() in content_types:
        raise BookRefused(
            f"{shown}: a macro-enabled workbook (.xlsm); mirps does not open files with "
            "macros: save it as an Excel workbook (.xlsx)",
            f"{shown}: un libro habilitado para macros (.xlsm); mirps no abre archivos con "
            "macros: guárdelo como libro de Excel (.xlsx)",
        )
    if "xl/workbook.xml" not in names or not content_types:
        raise _not_a_workbook(shown)


def _not_a_workbook(shown: str) -> BookRefused:
    return BookRefused(
        f"{shown}: not an Excel workbook (.xlsx); send the workbook mirps exported",
        f"{shown}: no es un libro de Excel (.xlsx); envíe el libro que exportó mirps",
    )
