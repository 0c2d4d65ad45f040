"""The words of the public site, in Spanish and English (the tables' headings are the ones
`mirps status` and `mirps fund` use, from i18n.LABELS and fund_words)."""

from __future__ import annotations

from mirps_cli.i18n import Message

# Each language's name in itself: the link to the other language is read by its speakers.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

WORDS: dict[str, Message] = {
    "site_name": Message("MIRPS plans", "Planes del MIRPS"),
    "tagline": Message(
        "The commitments of the Comprehensive Regional Protection and Solutions Framework "
        "(MIRPS) and their progress, from the plans its members keep.",
        "Los compromisos del Marco Integral Regional para la Protección y Soluciones (MIRPS) y "
        "su avance, a partir de los planes que mantienen sus miembros.",
    ),
    "skip": Message("Skip to the content", "Saltar al contenido"),
    "nav": Message("Site", "Sitio"),
    "languages": Message("Languages", "Idiomas"),
    "region": Message("Region", "Región"),
    "members": Message("Members", "Miembros"),
    "work_plan": Message("Work plan {year}", "Plan de trabajo {year}"),
    "current": Message("current", "vigente"),
    "fund": Message("MIRPS Fund", "Fondo MIRPS"),
    "glance": Message("The region at a glance", "La región de un vistazo"),
    "by_status": Message("Commitments by status", "Compromisos por estado"),
    "by_status_of": Message(
        "Commitments of each member by status", "Compromisos de cada miembro por estado"
    ),
    "chart_axis": Message("Commitments", "Compromisos"),
    "chart_text": Message(
        "A stacked bar for each member: its commitments by status. The table below gives "
        "the same numbers.",
        "Una barra apilada por miembro: sus compromisos por estado. La tabla de abajo da "
        "las mismas cifras.",
    ),
    "calendar_chart": Message("Calendar {year}", "Calendario {year}"),
    "calendar_text": Message(
        "The work plan's events on a time line. The table below lists the same events with "
        "their dates.",
        "Los eventos del plan de trabajo en una línea de tiempo. La tabla de abajo da los "
        "mismos eventos con sus fechas.",
    ),
    "month_only": Message("known to the month only", "solo se conoce el mes"),
    "coverage": Message("Coverage", "Cobertura"),
    "recent": Message("Recent changes", "Cambios recientes"),
    "all_recent": Message(
        "All changes of the last twelve months", "Todos los cambios de los últimos doce meses"
    ),
    "last_year": Message(
        "What changed in the last twelve months", "Qué cambió en los últimos doce meses"
    ),
    "since_on": Message("From {start} to {end}.", "Del {start} al {end}."),
    "no_change": Message(
        "No change is dated in the last twelve months.",
        "Ningún cambio tiene fecha en los últimos doce meses.",
    ),
    "commitments_of": Message("Commitments of {name}", "Compromisos de {name}"),
    "summary": Message("In numbers", "En cifras"),
    "serves": Message(
        "Working groups and activities it serves", "Grupos de trabajo y actividades a los que sirve"
    ),
    "not_in_plan": Message(
        "named by the commitment, in no work plan",
        "nombrado por el compromiso, en ningún plan de trabajo",
    ),
    "outcomes": Message("Outcomes and activities", "Resultados y actividades"),
    "calendar": Message("Calendar", "Calendario"),
    "events": Message("Events", "Eventos"),
    "no_activities": Message("No activity.", "Ninguna actividad."),
    "no_groups": Message("No working group.", "Ningún grupo de trabajo."),
    "no_history": Message("No status entry yet.", "Aún sin entradas de estado."),
    "presidency_of": Message("Pro-Tempore Presidency: {name}", "Presidencia Pro Tempore: {name}"),
    "prioritized": Message("Requests, in order of priority", "Solicitudes, en orden de prioridad"),
    "filter": Message("Filter the table", "Filtrar la tabla"),
    "filter_hint": Message(
        "Shows only the rows that contain the words typed.",
        "Muestra solo las filas que contienen las palabras escritas.",
    ),
    "data": Message("Data", "Datos"),
    "data_json": Message("every plan (JSON)", "todos los planes (JSON)"),
    "data_csv": Message("status of every commitment (CSV)", "estado de cada compromiso (CSV)"),
    "feed": Message("recent changes (Atom feed)", "cambios recientes (canal Atom)"),
    "built": Message(
        "Built by mirps from the plans at revision {revision}, showing them as of {as_of}; "
        "built on {built}.",
        "Generado por mirps a partir de los planes en la revisión {revision}, tal como "
        "estaban el {as_of}; generado el {built}.",
    ),
    "built_no_git": Message(
        "Built by mirps from plans outside git, showing them as of {as_of}; built on {built}.",
        "Generado por mirps a partir de planes fuera de git, tal como estaban el {as_of}; "
        "generado el {built}.",
    ),
    "choose": Message("Choose a language", "Elija un idioma"),
    "feed_title": Message("MIRPS plans: recent changes", "Planes del MIRPS: cambios recientes"),
    "member_of": Message("{name}: commitments and progress", "{name}: compromisos y avance"),
    "in_member": Message("Commitment of {name}", "Compromiso de {name}"),
}
