"""`mirps diff` as text: + added, - removed, ~ changed, » renamed; colour on a terminal only."""

from __future__ import annotations

from itertools import groupby

from mirps_cli.diff import Change, DiffResult
from mirps_cli.output.diff_words import (
    FUND,
    NOTHING,
    SUMMARY,
    TITLE,
    WORK_PLAN,
    entry_line,
    field_lines,
    headline,
    side_name,
    status_line,
    summary_text,
)

COLOUR = {"added": "32", "removed": "31", "changed": "33", "renamed": "36"}


def scope_of(change: Change) -> tuple[int, str]:
    """Countries first, by code, then the work plans by year, then the Fund."""
    if change.country is not None:
        return (0, change.country)
    if change.year is not None:
        return (1, str(change.year))
    return (2, "")


def scope_heading(scope: tuple[int, str], lang: str) -> str:
    if scope[0] == 0:
        return scope[1]
    if scope[0] == 1:
        return WORK_PLAN.in_lang(lang).format(year=scope[1])
    return FUND.in_lang(lang)


def change_lines(change: Change, lang: str) -> list[str]:
    """The details under a change's headline."""
    lines = (
        [status_line(change, lang)] if change.status is not None and change.kind != "added" else []
    )
    lines += [entry_line(e, lang) for e in change.entries]
    lines += [line for f in change.fields for line in field_lines(f, lang)]
    return lines


def render(view: DiffResult, lang: str, terminal: bool = False) -> str:
    out = [TITLE.in_lang(lang).format(old=side_name(view.old, lang), new=side_name(view.new, lang))]
    if not view.changes:
        return "\n".join([*out, "", NOTHING.in_lang(lang)]) + "\n"
    for scope, changes in groupby(sorted(view.changes, key=scope_of), key=scope_of):
        out += ["", scope_heading(scope, lang)]
        for change in changes:
            line = headline(change, lang)
            if terminal:
                line = f"\x1b[{COLOUR[change.kind]}m{line}\x1b[0m"
            out.append(line)
            out += [f"    {detail}" for detail in change_lines(change, lang)]
    if view.summaries:
        out += ["", SUMMARY.in_lang(lang)]
        out += [summary_text(s, lang) for s in view.summaries]
    return "\n".join(out) + "\n"
