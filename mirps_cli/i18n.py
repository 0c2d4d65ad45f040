"""Labels of the terminal and Markdown views, in English and Spanish.

Plan content is translated by its authors ({en: ..., es: ...}); this table holds
only mirps's own words. Month names and dates come from Babel (CLDR) instead.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "country": ("Country", "País"),
    "commitments": ("commitments", "compromisos"),
    "commitment": ("commitment", "compromiso"),
    "id": ("ID", "ID"),
    "title": ("Title", "Título"),
    "status": ("Status", "Estado"),
    "updated": ("Updated", "Actualizado"),
    "latest": ("Latest", "Última"),
    "due": ("Due", "Plazo"),
    "start": ("Start", "Inicio"),
    "marks": ("Marks", "Alertas"),
    "overdue": ("overdue", "vencido"),
    "stale": ("stale", "sin actualizar"),
    "overdue_col": ("Overdue", "Venc."),
    "stale_col": ("Stale", "S/act."),
    "fulfilled_col": ("Fulfilled", "Cumplidos"),
    "total": ("Total", "Total"),
    "no_status": ("no status", "sin estado"),
    "none_col": ("None", "Sin"),
    "pillar": ("Pillar", "Pilar"),
    "focus_area": ("Focus area", "Área"),
    "institution": ("Institution", "Institución"),
    "institutions": ("Institutions", "Instituciones"),
    "populations": ("Populations", "Poblaciones"),
    "working_groups": ("Working groups", "Grupos de trabajo"),
    "activities": ("Work-plan activities", "Actividades del plan de trabajo"),
    "history": ("Status history", "Historial de estado"),
    "date": ("Date", "Fecha"),
    "note": ("Note", "Nota"),
    "sources": ("Sources", "Fuentes"),
    "indicators": ("Indicators", "Indicadores"),
    "budget": ("Budget", "Presupuesto"),
    "facilitating_factors": ("Facilitating factors", "Factores facilitadores"),
    "challenges": ("Challenges", "Desafíos"),
    "description": ("Description", "Descripción"),
    "undated": ("undated", "sin fecha"),
    "no_pillar": ("(no pillar)", "(sin pilar)"),
    "no_focus_area": ("(no focus area)", "(sin área)"),
    "no_institution": ("(no institution)", "(sin institución)"),
    "regional_title": ("MIRPS: where each member stands", "MIRPS: situación de cada país"),
    "as_of": ("as of", "al"),
    "work_plan": ("Regional work plan", "Plan de trabajo regional"),
    "presidency": ("Pro-Tempore Presidency", "Presidencia Pro Tempore"),
    "outcome": ("Outcome", "Resultado"),
    "next_events": ("Next events", "Próximos eventos"),
    "no_next_events": ("No dated event ahead.", "Ningún evento fechado por delante."),
    "unscheduled": ("Unscheduled", "Sin fecha"),
    "unscheduled_count": ("unscheduled events", "eventos sin fecha"),
    "timeline_title": ("Timeline", "Calendario"),
    "upcoming_title": ("Upcoming", "Próximamente"),
    "no_events": ("No events.", "Ningún evento."),
    "place": ("Place", "Lugar"),
    "legend": (
        "Plan = planned, Prog = in progress, Fulf = fulfilled, Susp = suspended, "
        "Canc = cancelled, None = no status reported",
        "Plan = planificado, Curso = en curso, Cump = cumplido, Susp = suspendido, "
        "Canc = cancelado, Sin = sin estado informado",
    ),
    "fallback_note": (
        "Text marked [es] or [en] is shown in the other language: no translation is given.",
        "El texto marcado [en] o [es] se muestra en el otro idioma: no hay traducción.",
    ),
    "no_commitments": ("No commitment matches.", "Ningún compromiso coincide."),
    "amount": ("Amount", "Monto"),
    "funder": ("Funder", "Financiador"),
}

# Short column heads for the regional table, so it fits 80 columns.
STATUS_HEADS: dict[str, tuple[str, str]] = {
    "planned": ("Plan", "Plan"),
    "in_progress": ("Prog", "Curso"),
    "fulfilled": ("Fulf", "Cump"),
    "suspended": ("Susp", "Susp"),
    "cancelled": ("Canc", "Canc"),
}


def label(key: str, lang: str) -> str:
    en, es = LABELS[key]
    return es if lang == "es" else en


def status_head(key: str, lang: str) -> str:
    en, es = STATUS_HEADS[key]
    return es if lang == "es" else en
