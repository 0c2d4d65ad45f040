"""`mirps status` as CSV, for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Any

from mirps_cli.i18n import visible
from mirps_cli.output.status_json import change_data, counts_data, opt, row_data, unique_rows
from mirps_cli.status.since import ChangesView
from mirps_cli.status.views import (
    ActivityDetail,
    CommitmentDetail,
    CountryStatus,
    RegionalStatus,
    StatusView,
    by_view,
)


def render(view: StatusView, lang: str) -> str:
    """The CSV a person opens in a spreadsheet: its headers and yes/no cells in `lang`
    (English keeps the field names and True/False that scripts have read since the start);
    ids, codes, dates and numbers stay as they are, so filters work in either language."""
    table = by_view(view, _regional, _country, _commitment, _changes, _activity)
    return _in_lang(table, lang)


# The headers in Spanish, for a table a person reads; English keeps the field names.
HEADERS_ES = {
    "country": "país",
    "name": "nombre",
    "total": "total",
    "planned": "planificados",
    "in_progress": "en curso",
    "fulfilled": "cumplidos",
    "suspended": "suspendidos",
    "cancelled": "cancelados",
    "none": "sin estado",
    "fulfilled_share": "proporción cumplida",
    "overdue": "vencido",
    "stale": "sin actualización en 12 meses",
    "latest_update": "última actualización",
    "id": "id",
    "title": "título",
    "status": "estado",
    "last_update": "última actualización",
    "due": "fecha límite",
    "date_not_reported": "sin fecha informada",
    "pillar": "pilar",
    "focus_areas": "áreas",
    "institutions": "instituciones",
    "working_groups": "grupos de trabajo",
    "date": "fecha",
    "reported": "informado",
    "archive_capture": "captura de archivo",
    "recorded": "registrado",
    "reporter": "informado por",
    "note": "nota",
    "sources": "fuentes",
    "dated_by": "fechado por",
    "kind": "tipo",
    "value": "valor",
}
YES_NO_ES = {"True": "sí", "False": "no"}
# Per language: (headers, yes/no words); English has none to change.
WORDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "en": ({}, {}),
    "es": (HEADERS_ES, YES_NO_ES),
}


def _in_lang(table: str, lang: str) -> str:
    """The table with its header, and its cells that say yes or no, in Spanish."""
    headers, yes_no_words = WORDS[str(lang)]
    if not headers:
        return table
    rows = list(csv.reader(io.StringIO(table)))
    if not rows:
        return table
    head = rows[0]
    yes_no = {n for n, name in enumerate(head) if name in _BOOLEAN_FIELDS}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([headers.get(name, name) for name in head])
    for row in rows[1:]:
        writer.writerow(
            [yes_no_words.get(cell, cell) if n in yes_no else cell for n, cell in enumerate(row)]
        )
    return out.getvalue()


_BOOLEAN_FIELDS = {"overdue", "stale", "date_not_reported"}


CSV_FIELDS = [
    "country",
    "id",
    "title",
    "status",
    "last_update",
    "due",
    "overdue",
    "stale",
    "date_not_reported",
    "pillar",
    "focus_areas",
    "institutions",
    "working_groups",
]


def _csv(fields: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: safe_cell(" ".join(v) if isinstance(v, list) else ("" if v is None else v))
                for k, v in row.items()
            }
        )
    return out.getvalue()


def safe_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting = + - @ (or a tab or return) gets a
    leading apostrophe, as OWASP advises against CSV injection; control characters are
    written out (a CSV is read in terminals too). Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        value = "'" + value
    return visible(value)


def _regional(view: RegionalStatus) -> str:
    """One row per country: the counts a spreadsheet of the region needs."""
    rows = []
    for c in view.countries:
        data = counts_data(c)
        rows.append(
            {
                "country": data["country"],
                "name": data["name"],
                "total": data["total"],
                **data["counts"],
                "fulfilled_share": data["fulfilled_share"],
                "overdue": data["overdue"],
                "stale": data["stale"],
                "latest_update": data["latest_update"],
            }
        )
    fields = [
        "country",
        "name",
        "total",
        "planned",
        "in_progress",
        "fulfilled",
        "suspended",
        "cancelled",
        "none",
        "fulfilled_share",
        "overdue",
        "stale",
        "latest_update",
    ]
    return _csv(fields, rows)


def _country(view: CountryStatus) -> str:
    """One row per commitment."""
    return _csv(CSV_FIELDS, unique_rows(view))


def _commitment(view: CommitmentDetail) -> str:
    """One row per status entry, with what the table shows of it: when it happened, when and
    by whom it was reported (or the archive capture that dates it), when it was recorded."""
    rows = [
        {
            "id": view.row.id,
            "title": str(view.row.title),
            "date": opt(e.date),
            "reported": opt(e.reported),
            "archive_capture": opt(e.captured),
            "recorded": opt(e.recorded),
            "reporter": str(e.reporter) if e.reporter else "",
            "status": str(e.status),
            "note": e.note.text if e.note else "",
            "sources": e.sources,
        }
        for e in view.history
    ]
    fields = ["id", "title", "date", "reported", "archive_capture", "recorded", "reporter"]
    return _csv([*fields, "status", "note", "sources"], rows)


def _changes(view: ChangesView) -> str:
    """One row per change in the period."""
    fields = ["date", "dated_by", "country", "id", "kind", "title", "status", "value", "note"]
    fields.append("sources")
    return _csv(fields, [change_data(c) for c in view.changes])


def _activity(view: ActivityDetail) -> str:
    """One row per commitment that serves the activity."""
    return _csv(CSV_FIELDS, [row_data(r) for r in view.rows])
