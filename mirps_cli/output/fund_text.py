"""`mirps fund` as tables for the terminal (rich) or a pipe (plain), and as Markdown."""

from __future__ import annotations

from rich.console import Console

from mirps_cli.fund import FundOverview, Prioritized
from mirps_cli.output.console import esc, outline, plain_table, render_with
from mirps_cli.output.fund_words import fund_tables, fund_title, ineligible_lines, word


def render(view: FundOverview | Prioritized, lang: str, terminal: bool) -> str:
    def draw(console: Console, terminal: bool) -> None:
        console.print(esc(fund_title(view, lang)), style="bold" if terminal else None)
        for heading, head, rows, empty in fund_tables(view, lang):
            console.print()
            if heading:
                console.print(esc(heading), style="bold" if terminal else None)
            if not rows:
                console.print(esc(empty))
                continue
            table = plain_table(terminal)
            # Only the widest column (a title, a name) wraps: ids, codes, amounts and dates
            # stay whole on a narrow terminal.
            widest = max(range(len(head)), key=lambda i: max(len(r[i]) for r in rows))
            for i, name in enumerate(head):
                table.add_column(esc(name), no_wrap=i != widest)
            for row in rows:
                table.add_row(*(esc(cell) for cell in row))
            console.print(table)
        if isinstance(view, Prioritized):
            if any(r.tie for r in view.ranked):
                console.print(esc(word("tie", lang)))
            if not view.criteria:
                console.print(esc(word("no_criteria", lang)))
            if view.ineligible:
                console.print()
                console.print(esc(word("ineligible", lang)), style="bold" if terminal else None)
                console.print(outline([("-", line) for line in ineligible_lines(view, lang)], 0))

    return render_with(draw, terminal)
