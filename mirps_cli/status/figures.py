"""A country's numbers as text for `mirps status`: coverage, key figures, costing, needs."""

from __future__ import annotations

from mirps_cli.categories import FIGURE_KIND_TERMS, FOCUS_AREA_TERMS
from mirps_cli.i18n import LABELS, Message, label, number, shown
from mirps_cli.model import NationalPlan
from mirps_cli.model.commitment import SupportRequest
from mirps_cli.model.measures import Figure, Money, Quantification

COVERAGE = Message(
    "{encoded} of {known} known commitments encoded",
    "{encoded} de {known} compromisos conocidos registrados",
)


def coverage(plan: NationalPlan, lang: str) -> str:
    """ "5 of 49 known commitments encoded (2022)": a share is never taken over a partial list
    without saying so. Empty when the plan does not say how many it has."""
    known = plan.known_commitments
    if known is None:
        return ""
    words = COVERAGE.in_lang(lang).format(encoded=len(plan.commitments), known=known.count)
    return words + (f" ({known.date})" if known.date is not None else "")


def period(start: object, end: object, date: object = None) -> str:
    """ "2004–2018", "2015–" (since 2015), "2019", or "" where the source gives no period."""
    if start is not None and (end is None or end == start):
        return f"{start}–" if end is None else str(start)
    if start is not None or end is not None:
        return f"{start or ''}–{end}"
    return str(date) if date is not None else ""


def figure_text(figure: Figure, lang: str) -> str:
    """ "internally displaced persons: 247,090 (2004–2018)"."""
    what = FIGURE_KIND_TERMS[figure.kind].in_lang(lang)
    if figure.name is not None:
        what = str(shown(figure.name, lang))
    when = period(figure.start, figure.end, figure.date)
    text = f"{what}: {number(figure.value, lang, about=figure.about)}"
    return text + (f" ({when})" if when else "")


def money_text(money: Money, lang: str) -> str:
    """ "USD 1,000,000"; "about USD 5,000" / "unos USD 5.000"."""
    text = f"{money.currency} {number(money.amount, lang)}"
    return LABELS["about"].in_lang(lang).format(n=text) if money.about else text


def quantification_text(costing: Quantification, lang: str) -> str:
    """ "Protection, 2020: needs USD 1,000,000; State investment USD 400,000; gap USD 600,000"."""
    parts = [costing.commitment] if costing.commitment else []
    if costing.focus_area is not None:
        parts.append(FOCUS_AREA_TERMS[costing.focus_area].in_lang(lang))
    scope = ", ".join(parts) or label("whole_plan", lang)
    when = period(costing.start, costing.end)
    amounts = [
        f"{label(key, lang)} {money_text(money, lang)}"
        for key, money in (
            ("needs", costing.needs),
            ("state_investment", costing.state_investment),
            ("gap", costing.gap),
        )
        if money is not None
    ]
    return f"{scope}{', ' + when if when else ''}: {'; '.join(amounts)}"


def request_text(request: SupportRequest, lang: str) -> str:
    """ "Technical assistance (asked of UNHCR), USD 50,000, 2024-03"."""
    text = str(shown(request.what, lang))
    if request.asked_of is not None:
        text += f" ({label('asked_of', lang)} {shown(request.asked_of, lang)})"
    if request.amount is not None:
        text += ", " + f"{request.currency or ''} {number(request.amount, lang)}".strip()
    if request.date is not None:
        text += f", {request.date}"
    return text


def team_lines(plan: NationalPlan, lang: str) -> list[str]:
    """The National Technical Team: each institution (the coordinator marked), then when
    and by what source it is so, where a source says."""
    team = plan.team
    names = {i.id: i.name for i in plan.institutions}
    lines = []
    for ident in team.members:
        line = str(shown(names.get(ident, ident), lang))
        if ident == team.coordinator:
            line += f" ({label('coordinates', lang)})"
        lines.append(line)
    if team.coordinator is not None and team.coordinator not in team.members:
        coordinator = shown(names.get(team.coordinator, team.coordinator), lang)
        lines.append(f"{coordinator} ({label('coordinates', lang)})")
    if lines and (team.date is not None or team.note is not None):
        said = [f"{label('as_of_date', lang)} {team.date}"] if team.date else []
        said += [str(shown(team.note, lang))] if team.note else []
        lines.append("; ".join(said))
    return lines


def country_sections(plan: NationalPlan, lang: str) -> list[tuple[str, list[str]]]:
    """The country's National Technical Team, key figures, costing and requests for support,
    those it has."""
    sections = [
        ("technical_team", team_lines(plan, lang)),
        ("figures", [figure_text(f, lang) for f in plan.figures]),
        ("quantification", [quantification_text(q, lang) for q in plan.quantification]),
        ("support_requests", [request_text(r, lang) for r in plan.support_requests]),
    ]
    return [(label(key, lang), items) for key, items in sections if items]
