"""A filled workbook as rows: each sheet found by its name, each column by its header (in
either language), each row with news kept with the cells that say it.

Problems are values, located in the workbook's own terms: sheet, cell, and the row's id.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirps_cli.i18n import Message
from mirps_cli.sheet.cells import text
from mirps_cli.sheet.layout import META_SHEET, SheetKind, header_key, kind_of
from mirps_cli.sheet.marks import Marks
from mirps_cli.xlsx import BookRefused, Cell, ReadBook


@dataclass(frozen=True)
class SheetProblem:
    workbook: str
    sheet: str
    cell: str  # "F7"; "" for the whole sheet
    item: str | None  # the row's id
    code: str
    message: Message

    def place(self) -> str:
        where = " › ".join(p for p in (self.workbook, self.sheet, self.cell) if p)
        return f"{where} ({self.item})" if self.item else where


@dataclass(frozen=True)
class FilledRow:
    kind: SheetKind
    sheet: str
    number: int  # the row's number, as the sheet shows it
    ident: str
    cells: dict[str, Cell]  # by column key


@dataclass(frozen=True)
class Filled:
    marks: Marks
    rows: list[FilledRow]
    problems: list[SheetProblem]
    epoch_1904: bool


def read_filled(book: ReadBook, shown: str) -> Filled:
    meta = book.sheet(META_SHEET)
    marks = Marks.from_rows([[c.value for c in row] for row in meta.rows]) if meta else None
    if marks is None:
        raise BookRefused(
            f"{shown}: not a workbook made by mirps (its hidden sheet “{META_SHEET}” is "
            "missing or changed); fill in one made by `mirps sheet export`",
            f"{shown}: no es un libro hecho por mirps (falta o cambió su hoja oculta "
            f"“{META_SHEET}”); llene uno hecho con `mirps sheet export`",
        )
    rows: list[FilledRow] = []
    problems: list[SheetProblem] = []
    for sheet in book.sheets:
        kind = kind_of(sheet.title)
        if kind is None or sheet.title == META_SHEET:
            continue
        found = _read_sheet(shown, sheet.title, kind, sheet.rows)
        rows += found[0]
        problems += found[1]
    return Filled(marks, rows, problems, book.epoch_1904)


def _read_sheet(
    shown: str, title: str, kind: SheetKind, cells: list[list[Cell]]
) -> tuple[list[FilledRow], list[SheetProblem]]:
    fill = {c.key for c in kind.columns if c.fill}
    # The header is the first row naming the id column: rows above it (a title a team
    # added) are passed over.
    at = next(
        (n for n, row in enumerate(cells) if "id" in {header_key(kind, c.value) for c in row}),
        None,
    )
    if at is None:
        return [], [
            SheetProblem(
                shown,
                title,
                "",
                None,
                "S201",
                Message(
                    "no header row naming the columns (Id, New status, ...); keep the "
                    "first row as mirps wrote it",
                    "no hay fila de encabezados con los nombres de las columnas (Id, Nuevo "
                    "estado...); deje la primera fila como la escribió mirps",
                ),
            )
        ]
    keys = {_column(c.ref): header_key(kind, c.value) for c in cells[at]}
    columns = {letter: key for letter, key in keys.items() if key is not None}
    missing = [c for c in kind.columns if c.fill and c.key not in columns.values()]
    problems = [
        SheetProblem(
            shown,
            title,
            "",
            None,
            "S202",
            Message(
                f"the column “{c.name.en}” is missing; put its header back",
                f"falta la columna “{c.name.es}”; vuelva a poner su encabezado",
            ),
        )
        for c in missing
    ]
    filled = []
    for row in cells[at + 1 :]:
        by_key = {columns[_column(c.ref)]: c for c in row if _column(c.ref) in columns}
        news = {k: c for k, c in by_key.items() if k in fill and _has_value(c)}
        if not news:
            continue
        ident_cell = by_key.get("id")
        ident = text(ident_cell.value) if ident_cell is not None else None
        first = next(iter(news.values())).ref  # cells come in the row's order
        number = int("".join(ch for ch in first if ch.isdigit()))
        if ident is None:
            problems.append(
                SheetProblem(
                    shown,
                    title,
                    first,
                    None,
                    "S203",
                    Message(
                        f"row {number} has news but no id; write the id the row is about",
                        f"la fila {number} tiene novedades pero no id; escriba el id del que trata",
                    ),
                )
            )
            continue
        filled.append(FilledRow(kind, title, number, ident.upper(), by_key))
    return filled, problems


def _has_value(cell: Cell) -> bool:
    return cell.formula or text(cell.value) is not None


def _column(ref: str) -> str:
    return "".join(ch for ch in ref if ch.isalpha())
