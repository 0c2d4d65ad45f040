"""`mirps fund` as Markdown, for the committee's minutes or the annual report's annex."""

from __future__ import annotations

from mirps_cli.fund import FundOverview, Prioritized
from mirps_cli.output.fund_words import fund_tables, fund_title, ineligible_lines, word
from mirps_cli.templating import md_cell, md_inline, md_text


def render(view: FundOverview | Prioritized, lang: str) -> str:
    out = [f"# {md_inline(fund_title(view, lang))}"]
    for heading, head, rows, empty in fund_tables(view, lang):
        out += ["", f"## {md_inline(heading)}", ""] if heading else [""]
        if not rows:
            out.append(md_text(empty))
            continue
        out.append("| " + " | ".join(md_cell(h) for h in head) + " |")
        out.append("|" + " --- |" * len(head))
        out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    if isinstance(view, Prioritized):
        if any(r.tie for r in view.ranked):
            out += ["", md_text(word("tie", lang))]
        if not view.criteria:
            out += ["", md_text(word("no_criteria", lang))]
        if view.ineligible:
            out += ["", f"## {md_inline(word('ineligible', lang))}", ""]
            out += [f"- {md_text(line)}" for line in ineligible_lines(view, lang)]
    return "\n".join(out) + "\n"
