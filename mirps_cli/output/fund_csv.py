"""`mirps fund` as CSV, for spreadsheets: the overview's four tables in one sheet, each row
naming its table in the first column (`by_country`, `by_donor`, `projects`, `roadmap`), so a
filter on it gives each; or one row per ranked request (per request, by id, when the Fund
records no criteria). Numbers as numbers."""

from __future__ import annotations

import csv
import io
from typing import Any

from mirps_cli.fund import FundOverview, Prioritized
from mirps_cli.output.fund_json import data
from mirps_cli.output.status_csv import safe_cell


def render(view: FundOverview | Prioritized, lang: str) -> str:
    table: list[dict[str, Any]]
    if isinstance(view, Prioritized):
        said = data(view)
        table = [
            {k: v for k, v in r.items() if k != "scores"} | r["scores"] for r in said["ranked"]
        ] or said["unranked"]
    else:
        overview = data(view)
        table = [
            {"table": name, **row}
            for name in ("by_country", "by_donor", "projects", "roadmap")
            for row in overview[name]
        ]
    out = io.StringIO()
    fields: list[str] = ["table"] if not isinstance(view, Prioritized) else []
    for row in table:  # every table's columns, in the order they first come
        fields += [key for key in row if key not in fields]
    if not table and not isinstance(view, Prioritized):
        fields += ["country", "currency", "requested", "approved", "disbursed", "gap"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in table)
    return out.getvalue()
