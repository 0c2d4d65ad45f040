"""The words of `mirps fund` in both languages, and the rows its forms share."""

from __future__ import annotations

from mirps_cli.fund import FundOverview, Prioritized
from mirps_cli.i18n import Message, number
from mirps_cli.vocab import status_label

WORDS: dict[str, Message] = {
    "overview": Message("{name}, as of {date}", "{name}, al {date}"),
    "by_country": Message("Per country", "Por país"),
    "by_donor": Message("Contributions per donor", "Contribuciones por donante"),
    "projects": Message("Projects", "Proyectos"),
    "roadmap": Message("Roadmap of the operating plan", "Hoja de ruta del plan operativo"),
    "who_country": Message("Country", "País"),
    "who_donor": Message("Donor", "Donante"),
    "currency": Message("Currency", "Moneda"),
    "requested": Message("Requested", "Solicitado"),
    "approved": Message("Approved", "Aprobado"),
    "disbursed": Message("Disbursed", "Desembolsado"),
    "gap": Message("Gap", "Brecha"),
    "given": Message("Given", "Aportado"),
    "id": Message("ID", "ID"),
    "title": Message("Title", "Título"),
    "status": Message("Status", "Estado"),
    "iati": Message("IATI", "IATI"),
    "due": Message("Due", "Plazo"),
    "overdue": Message("overdue", "vencido"),
    "none": Message("No amounts are recorded.", "No hay montos registrados."),
    "no_projects": Message("No project.", "Ningún proyecto."),
    "no_roadmap": Message("No roadmap milestone.", "Ningún hito en la hoja de ruta."),
    "ranking": Message(
        "Funding requests by priority", "Solicitudes de financiamiento por prioridad"
    ),
    "rank": Message("Rank", "Puesto"),
    "score": Message("Score", "Puntaje"),
    "tied": Message("tied", "empate"),
    "tie": Message(
        "Tied requests are ordered by id.", "Las solicitudes empatadas se ordenan por id."
    ),
    "ineligible": Message("Not eligible", "No elegibles"),
    "not_met": Message("does not meet", "no cumple"),
    "not_assessed": Message("not assessed against", "sin evaluar en"),
    "no_requests": Message("No request to rank.", "Ninguna solicitud que ordenar."),
    "unranked": Message("Funding requests, unranked", "Solicitudes de financiamiento, sin orden"),
    "no_criteria": Message(
        "The Fund records no prioritization criteria (prioritization in its file), so the "
        "requests are listed by id, unranked.",
        "El Fondo no registra criterios de priorización (prioritization en su archivo): las "
        "solicitudes se listan por id, sin orden de prioridad.",
    ),
}


def word(key: str, lang: str) -> str:
    return WORDS[key].in_lang(lang)


def money_rows(view: FundOverview, donors: bool, lang: str) -> tuple[list[str], list[list[str]]]:
    """Head and rows of the money per country (or per donor), numbers in the language's form."""
    if donors:
        head = [word("who_donor", lang), word("currency", lang), word("given", lang)]
        return head, [[r.who, r.currency, number(r.approved, lang)] for r in view.by_donor]
    head = [
        word(k, lang)
        for k in ("who_country", "currency", "requested", "approved", "disbursed", "gap")
    ]
    rows = [
        [
            r.who,
            r.currency,
            *(number(v, lang) for v in (r.requested, r.approved, r.disbursed, r.gap)),
        ]
        for r in view.by_country
    ]
    return head, rows


def project_rows(view: FundOverview, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [word(k, lang) for k in ("id", "who_country", "title", "status", "iati")]
    rows = [
        [p.id, p.country, str(p.title), status_label(p.status, lang), str(p.iati or "—")]
        for p in view.projects
    ]
    return head, rows


def roadmap_rows(view: FundOverview, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [word(k, lang) for k in ("id", "title", "due", "status")]
    rows = [
        [
            m.id,
            str(m.title),
            m.due or "—",
            status_label(m.status, lang) + (f", {word('overdue', lang)}" if m.overdue else ""),
        ]
        for m in view.roadmap
    ]
    return head, rows


def ranking_rows(view: Prioritized, lang: str) -> tuple[list[str], list[list[str]]]:
    if not view.criteria:  # nothing to rank by: the requests by id
        head = [word("id", lang), word("who_country", lang), word("title", lang)]
        return head, [[r.id, r.country, str(r.title)] for r in view.unranked]
    head = [word("rank", lang), word("id", lang), word("who_country", lang), word("score", lang)]
    head += [f"{ident} ×{number(weight, lang)}" for ident, _, weight in view.criteria]
    rows = [
        [
            f"{r.rank} ({word('tied', lang)})" if r.tie else str(r.rank),
            r.id,
            r.country,
            number(r.total, lang),
            *(number(score, lang) for _, _, score in r.scores),
        ]
        for r in view.ranked
    ]
    return head, rows


def ineligible_lines(view: Prioritized, lang: str) -> list[str]:
    """ "HN-project: does not meet national-plan (Serves a commitment...)"."""
    lines = []
    for request in view.ineligible:
        reasons = [
            f"{word('not_met' if failed else 'not_assessed', lang)} {ident} ({text})"
            for ident, text, failed in request.reasons
        ]
        lines.append(f"{request.id} ({request.country}): {'; '.join(reasons)}")
    return lines


def fund_tables(
    view: FundOverview | Prioritized, lang: str
) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(heading, head, rows, sentence when empty) for each table of the view."""
    if isinstance(view, Prioritized):
        head, rows = ranking_rows(view, lang)
        return [("", head, rows, word("no_requests", lang))]  # the title says it
    return [
        (word("by_country", lang), *money_rows(view, False, lang), word("none", lang)),
        (word("by_donor", lang), *money_rows(view, True, lang), word("none", lang)),
        (word("projects", lang), *project_rows(view, lang), word("no_projects", lang)),
        (word("roadmap", lang), *roadmap_rows(view, lang), word("no_roadmap", lang)),
    ]


def fund_title(view: FundOverview | Prioritized, lang: str) -> str:
    if isinstance(view, Prioritized):
        return word("ranking" if view.criteria else "unranked", lang)
    return word("overview", lang).format(name=view.name, date=view.as_of.isoformat())
