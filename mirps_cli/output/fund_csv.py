"""`mirps fund` as CSV, for spreadsheets: one row per country and currency, or per ranked
request; numbers as numbers."""

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
        table = [
            {k: v for k, v in r.items() if k != "scores"} | r["scores"]
            for r in data(view)["ranked"]
        ]
    else:
        table = data(view)["by_country"]
    out = io.StringIO()
    fields = (
        list(table[0])
        if table
        else ["country", "currency", "requested", "approved", "disbursed", "gap"]
    )
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in table)
    return out.getvalue()
