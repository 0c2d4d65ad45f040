"""The workbook's shape: its sheets and columns, named in both languages.

Import finds a sheet and a column by its name in either language, never by its place, so a
team may reorder, hide or widen columns, and an English sheet filled by a Spanish speaker
who retitled a header still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirps_cli.i18n import Message, fold

# Written in the hidden sheet; a workbook of another format is refused by name.
FORMAT = "mirps-sheet 1"
META_SHEET = "mirps"


@dataclass(frozen=True)
class Col:
    key: str
    name: Message
    width: float
    fill: bool = False
    date: bool = False
    wrap: bool = False


def _col(key: str, en: str, es: str, width: float, **kind: bool) -> Col:
    return Col(key, Message(en, es), width, **kind)


# The columns a team fills in, the same on every sheet of tracked items.
_FILL = (
    _col("new_status", "New status", "Nuevo estado", 16, fill=True),
    _col("date", "Date", "Fecha", 13, fill=True, date=True),
    _col("reporter", "Reported by", "Informado por", 20, fill=True),
    _col("note", "Note", "Nota", 44, fill=True, wrap=True),
    _col("source", "Source (web address)", "Fuente (dirección web)", 36, fill=True, wrap=True),
)


@dataclass(frozen=True)
class SheetKind:
    key: str  # commitments, milestones, indicators
    name: Message
    columns: tuple[Col, ...]

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        # One of the three below, by identity (`row.kind is INDICATORS`): rows a forked
        # child read come back naming the same one, not a copy.
        return _kind_by_key, (self.key,)


COMMITMENTS = SheetKind(
    "commitments",
    Message("Commitments", "Compromisos"),
    (
        _col("id", "Id", "Id", 10),
        _col("title", "Commitment", "Compromiso", 48, wrap=True),
        _col("pillar", "Pillar", "Pilar", 26, wrap=True),
        _col("institutions", "Institutions", "Instituciones", 24, wrap=True),
        _col("status", "Current status", "Estado actual", 16),
        _col("status_date", "Status date", "Fecha del estado", 16),
        _col("due", "Due", "Fecha límite", 13),
        _col("alert", "Alert", "Alerta", 22, wrap=True),
        *_FILL,
    ),
)

MILESTONES = SheetKind(
    "milestones",
    Message("Milestones", "Hitos"),
    (
        _col("id", "Id", "Id", 10),
        _col("commitment", "Commitment", "Compromiso", 12),
        _col("title", "Milestone", "Hito", 44, wrap=True),
        _col("status", "Current status", "Estado actual", 16),
        _col("status_date", "Status date", "Fecha del estado", 16),
        _col("due", "Due", "Fecha límite", 13),
        _col("alert", "Alert", "Alerta", 22, wrap=True),
        *_FILL,
    ),
)

INDICATORS = SheetKind(
    "indicators",
    Message("Indicators", "Indicadores"),
    (
        _col("id", "Id", "Id", 10),
        _col("commitment", "Commitment", "Compromiso", 12),
        _col("title", "Indicator", "Indicador", 44, wrap=True),
        _col("unit", "Unit", "Unidad", 14),
        _col("last_value", "Latest value", "Último valor", 16),
        _col("status_date", "Its date", "Su fecha", 13),
        _col("target", "Target", "Meta", 16),
        _col("new_value", "New value", "Nuevo valor", 16, fill=True),
        _col("date", "Date", "Fecha", 13, fill=True, date=True),
        _col("note", "Note", "Nota", 44, fill=True, wrap=True),
        _col("source", "Source (web address)", "Fuente (dirección web)", 36, fill=True, wrap=True),
    ),
)

KINDS = (COMMITMENTS, MILESTONES, INDICATORS)


def _kind_by_key(key: str) -> SheetKind:
    return next(k for k in KINDS if k.key == key)


INSTRUCTIONS = Message("Instructions", "Instrucciones")

# The date forms a cell takes, as Excel and LibreOffice show them; whether a date typed as
# text puts the day first (15/03/2023); and a number's group and decimal marks as typed.
DATE_FORMAT = {"en": "yyyy-mm-dd", "es": "dd/mm/yyyy"}
DAY_FIRST = {"en": False, "es": True}
NUMBER_MARKS = {"en": (",", "."), "es": (",", ".")}  # es_419, as i18n.NUMBER_LOCALE


def header_key(kind: SheetKind, text: object) -> str | None:
    """The column a header names, in either language, whatever its case, accents or
    spaces."""
    if not isinstance(text, str):
        return None
    wanted = " ".join(fold(text).split())
    for column in kind.columns:
        if wanted in (fold(column.name.en), fold(column.name.es)):
            return column.key
    return None


def kind_of(title: str) -> SheetKind | None:
    """The kind of sheet a title names, in either language."""
    wanted = " ".join(fold(title).split())
    return next((k for k in KINDS if wanted in (fold(k.name.en), fold(k.name.es))), None)
