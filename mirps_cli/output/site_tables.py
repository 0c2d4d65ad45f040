"""The site's tables: one shape for all of them (a caption, heads, rows of cells that may be
links), their cells escaped here, and the tables several pages share (commitments, changes,
a status history, plain text). The page templates lay them out with one macro."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup, escape

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import label, visible
from mirps_cli.output.words import entry_report, format_partial, marks_text
from mirps_cli.site import paths
from mirps_cli.site.views import SiteMap
from mirps_cli.status.since import Change
from mirps_cli.status.views import HistoryView, Row
from mirps_cli.vocab import status_label

T = TypeVar("T")


def cell(text: str, href: str | None = None, links: Iterable[str] = ()) -> Markup:
    """A table cell's content as HTML, escaped here rather than by a template macro: a site
    of 10,000 commitments has some 700,000 cells, and a Jinja macro call costs four times
    this (profiled: 26 µs against 6)."""
    html = f'<a href="{escape(href)}">{escape(text)}</a>' if href else str(escape(text))
    urls = [f'<a class="url" href="{escape(u)}">{escape(u)}</a>' for u in links]
    return Markup(" ".join([html, *urls]) if html else " ".join(urls))


@dataclass(frozen=True)
class TableRow:
    cells: list[Markup]
    anchor: str | None = None  # the row's id, for links to it


class _Made(Generic[T]):
    """A table's rows made one at a time as the template walks them, never all at once: a
    working group's table lists thousands of commitments at 10,000, and its cells all made
    first cost the site tens of MB at its peak. Its length and truth are its items'."""

    def __init__(self, items: Sequence[T], make: Callable[[T], TableRow]) -> None:
        self.items = items
        self.make = make

    def __iter__(self) -> Iterator[TableRow]:
        return map(self.make, self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Table:
    caption: str
    heads: list[str]
    rows: list[TableRow] | _Made[Any]
    filter: bool = False  # the optional script offers a filter above it


def plain(value: object) -> str:
    """Plan text as a page shows it: control and direction characters written out."""
    return visible(str(value))


def date_or_dash(date: PartialDate | None, lang: str) -> str:
    return format_partial(date, lang) if date is not None else "—"


def dates_in(lang: str) -> Callable[[PartialDate], str]:
    """Dates in the page's language, for the wording helpers that take a date writer."""
    return lambda date: format_partial(date, lang)


def commitment_row(row: Row, lang: str) -> TableRow:
    """A commitment's row, its id and title linking to its page."""
    href = paths.commitment(row.id)
    return TableRow(
        [
            cell(row.id, href),
            cell(plain(row.title), href),
            cell(status_label(row.status, lang)),
            cell(date_or_dash(row.last_update, lang)),
            cell(date_or_dash(row.due, lang)),
            cell(marks_text(row, lang)),
        ]
    )


def rows_table(caption: str, rows: Sequence[Row], lang: str) -> Table:
    heads = [label(k, lang) for k in ("id", "title", "status", "updated", "due", "marks")]
    return Table(caption, heads, _Made(rows, lambda r: commitment_row(r, lang)), filter=True)


def changes_table(caption: str, changes: Sequence[Change], site: SiteMap, lang: str) -> Table:
    heads = [label(k, lang) for k in ("date", "country", "id", "title", "change", "sources")]
    rows = []
    for c in changes:
        href = site.pages.get(c.id)
        value = c.value if c.dated_by == "event" else f"{c.value} ({label(c.dated_by, lang)})"
        if c.note:
            value += f" — {plain(c.note)}"
        member = paths.member(c.country) if c.country else None
        rows.append(
            TableRow(
                [
                    cell(date_or_dash(c.date, lang)),
                    cell(c.country, member),
                    cell(c.id, href),
                    cell(plain(c.title), href),
                    cell(plain(value)),
                    cell("", links=c.sources),
                ]
            )
        )
    return Table(caption, heads, rows, filter=len(rows) > 10)


def history_table(history: Sequence[HistoryView], lang: str, caption: str) -> Table:
    heads = [label(k, lang) for k in ("date", "status", "report", "note", "sources")]
    rows = [
        TableRow(
            [
                cell(date_or_dash(e.date, lang) if e.date else label("not_reported", lang)),
                cell(status_label(e.status, lang)),
                cell(entry_report(e, lang, dates_in(lang))),
                cell(plain(e.note) if e.note else ""),
                cell("", links=e.sources),
            ]
        )
        for e in history
    ]
    return Table(caption, heads, rows)


def plain_table(
    heading: str, head_rows: tuple[list[str], list[list[str]]], anchored: bool = False
) -> Table:
    """A table of text; `anchored`, each row has its first cell's id (a Fund project's, a
    roadmap milestone's), for the links to it."""
    head, rows = head_rows
    return Table(
        plain(heading),
        head,
        [
            TableRow([cell(plain(c)) for c in row], paths.anchor(row[0]) if anchored else None)
            for row in rows
        ],
    )
