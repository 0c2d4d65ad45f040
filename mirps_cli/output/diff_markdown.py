"""`mirps diff` as Markdown, ready to paste into a pull request or the annex of a plan."""

from __future__ import annotations

from itertools import groupby

from mirps_cli.diff import DiffResult
from mirps_cli.output.diff_text import change_lines, scope_heading, scope_of
from mirps_cli.output.diff_words import (
    NOTHING,
    SUMMARY,
    TITLE,
    headline,
    side_name,
    summary_text,
)
from mirps_cli.templating import md_text


def render(view: DiffResult, lang: str) -> str:
    title = TITLE.in_lang(lang).format(old=side_name(view.old, lang), new=side_name(view.new, lang))
    out = [f"## {md_text(title)}", ""]
    if not view.changes:
        return "\n".join([*out, md_text(NOTHING.in_lang(lang))]) + "\n"
    if view.summaries:
        out += [f"### {SUMMARY.in_lang(lang)}", ""]
        out += [f"- {md_text(summary_text(s, lang))}" for s in view.summaries]
        out.append("")
    for scope, changes in groupby(sorted(view.changes, key=scope_of), key=scope_of):
        out += [f"### {md_text(scope_heading(scope, lang))}", ""]
        for change in changes:
            mark, _, rest = headline(change, lang).partition(" ")
            out.append(f"- `{mark}` {md_text(rest)}")
            out += [f"  - {md_text(detail)}" for detail in change_lines(change, lang)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
