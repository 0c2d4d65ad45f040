"""The command line's help in Spanish: each English help text, as the commands and options
give it, and its Spanish.

Keyed by the English text itself, so that a help text changed in English and not here fails
a test (tests/test_help_es.py lists the text) instead of showing stale Spanish. The words
typer and click add around those texts (Usage, Options, [default: ...]) are in
cli/spanish_help.py."""

from __future__ import annotations

HELP: dict[str, str] = {
    # The app, and the options typer gives every app.
    "MIRPS plans as data: validate, browse and update national action plans and regional "
    "work plans.": "Los planes del MIRPS como datos: validar, consultar y actualizar los planes "
    "de acción nacionales y los planes de trabajo regionales.",
    "Show the version.": "Muestra la versión.",
    "Install completion for the current shell.": "Instala el completado para el intérprete de "
    "órdenes actual.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Muestra el completado para el intérprete de órdenes actual, para copiarlo o adaptar "
        "la instalación."
    ),
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    # Options many commands share.
    "Plans folder (default: ./plans; or set MIRPS_PLANS).": "Carpeta de los planes (por "
    "defecto: ./plans; o defina MIRPS_PLANS).",
    "The plans as they stood on this date: later entries are left out, and overdue and stale "
    "are judged then (default: today).": "Los planes tal como estaban en esta fecha: las "
    "entradas posteriores se dejan fuera, y lo vencido y lo desactualizado se juzga a esa "
    "fecha (por defecto: hoy).",
    "Language of labels and messages (default: MIRPS_LANG, else the locale's: Spanish where "
    "LANG is es_*, else English).": "Idioma de las etiquetas y los mensajes (por defecto: "
    "MIRPS_LANG, si no el de la configuración regional: español donde LANG es es_*, si no "
    "inglés).",
    "Presidency year (default: the current work plan).": "Año de la presidencia (por defecto: "
    "el plan de trabajo vigente).",
    "Presidency year (default: the latest work plan).": "Año de la presidencia (por defecto: "
    "el último plan de trabajo).",
    "Templates that replace mirps's own, by file name.": "Plantillas que reemplazan las de "
    "mirps, por nombre de archivo.",
    # validate
    "Check every plan file and report every problem at once, with file, line and a hint.\n\n"
    "Exit codes: 0 valid (warnings allowed), 1 problems found (or warnings with --strict),\n"
    "2 usage error (unknown option, plans folder missing).": "Revisa cada archivo de plan e "
    "informa de todos los problemas a la vez, con archivo, línea y una indicación.\n\n"
    "Códigos de salida: 0 válido (se admiten advertencias), 1 hay problemas (o advertencias "
    "con --strict),\n2 error de uso (opción desconocida, falta la carpeta de los planes).",
    "text, json, github (annotations; chosen by itself when GITHUB_ACTIONS=true) or sarif.": (
        "text, json, github (anotaciones; se elige sola cuando GITHUB_ACTIONS=true) o sarif."
    ),
    "Warnings fail too (exit 1).": "Las advertencias también fallan (salida 1).",
    "Largest plan file read.": "Tamaño máximo de un archivo de plan que se lee.",
    "Read and check every file anew, without the cache of files read before (also "
    "MIRPS_NO_CACHE=1).": "Lee y revisa de nuevo cada archivo, sin la caché de los archivos "
    "ya leídos (también MIRPS_NO_CACHE=1).",
    # status
    "Where the region, a country or one commitment stands.\n\n"
    "Without a country: one row per member with its commitments by status, the share\n"
    "fulfilled, overdue and stale counts and the latest update; then the work plan's\n"
    "outcomes and the next events. With --country HN (or `mirps status HN`): the\n"
    "country's commitments grouped by pillar. With a commitment id (`mirps status HN-03`):\n"
    "that commitment in full, with its dated history and sources. With --since DATE:\n"
    "what changed from DATE to --as-of across all countries, in one table.": "En qué punto "
    "están la región, un país o un compromiso.\n\n"
    "Sin país: una fila por miembro con sus compromisos por estado, la parte cumplida,\n"
    "los vencidos y desactualizados y la última actualización; luego los resultados del\n"
    "plan de trabajo y los próximos eventos. Con --country HN (o `mirps status HN`): los\n"
    "compromisos del país agrupados por pilar. Con el id de un compromiso (`mirps status "
    "HN-03`):\nese compromiso completo, con su historial fechado y sus fuentes. Con --since "
    "FECHA:\nlo que cambió de FECHA a --as-of en todos los países, en una tabla.",
    "A commitment id (HN-03) to show in full, or a country.": "El id de un compromiso (HN-03) "
    "para mostrarlo completo, o un país.",
    "ISO code or English or Spanish name, in any case.": "Código ISO o nombre en español o en "
    "inglés, en mayúsculas o minúsculas.",
    "How a country's commitments are grouped.": "Cómo se agrupan los compromisos de un país.",
    "Only commitments in this status: planned, in_progress, fulfilled, suspended, cancelled, "
    "or their names in English or Spanish (cumplido, en curso).": "Solo los compromisos en "
    "este estado: planned, in_progress, fulfilled, suspended, cancelled, o sus nombres en "
    "español o en inglés (cumplido, en curso).",
    "Institution id or part of its name.": "Id de la institución o parte de su nombre.",
    "Working group id, e.g. reception-admission.": "Id del grupo de trabajo, p. ej. "
    "reception-admission.",
    "One work-plan activity (2022:1.1, or 1.1 in the latest plan): its status, history and "
    "the commitments that serve it.": "Una actividad del plan de trabajo (2022:1.1, o 1.1 en "
    "el último plan): su estado, su historial y los compromisos que contribuyen a ella.",
    "Only overdue commitments.": "Solo los compromisos vencidos.",
    "Only stale commitments.": "Solo los compromisos desactualizados.",
    "List what changed from this date to --as-of, across all countries: new status entries, "
    "milestones reached, indicator values.": "Lista lo que cambió desde esta fecha hasta "
    "--as-of, en todos los países: nuevas entradas de estado, hitos alcanzados, valores de "
    "indicadores.",
    "table (colour on a terminal, plain text in a pipe or with NO_COLOR), json, csv or "
    "markdown.": "table (en color en una terminal, texto simple en una tubería o con "
    "NO_COLOR), json, csv o markdown.",
    # timeline
    "The work plan's events month by month for the presidency year, unscheduled ones apart.\n\n"
    "An event without a month in the plan is listed as unscheduled: its month is never "
    "guessed.": "Los eventos del plan de trabajo mes a mes en el año de la presidencia, los "
    "que no tienen fecha aparte.\n\nUn evento sin mes en el plan se lista como sin fecha: su "
    "mes nunca se adivina.",
    "Only what comes next from --as-of: 30d, 2w or 3m.": "Solo lo que viene a partir de "
    "--as-of: 30d (días), 2w (semanas) o 3m (meses).",
    "table, json or markdown.": "table, json o markdown.",
    # update
    "Append a dated status entry to a commitment in its plan file.\n\n"
    "Nothing else in the file changes: comments, key order, quoting, blank lines and line\n"
    "endings stay byte for byte. The result is validated first; an invalid update (unknown\n"
    "status or id, a date before the latest entry) is refused with exit 1 and the file is\n"
    "left untouched. The write is atomic.": "Añade una entrada de estado fechada a un "
    "compromiso en su archivo de plan.\n\nNada más cambia en el archivo: los comentarios, el "
    "orden de las claves, las comillas, las líneas\nen blanco y los finales de línea quedan "
    "byte por byte. Primero se valida el resultado; una actualización\nno válida (estado o id "
    "desconocido, una fecha anterior a la última entrada) se rechaza con salida 1\ny el "
    "archivo queda intacto. La escritura es atómica.",
    "The commitment's id, e.g. HN-03.": "El id del compromiso, p. ej. HN-03.",
    "planned, in_progress, fulfilled, suspended or cancelled (the Spanish names work too: "
    "cumplido, en curso...).": "planned, in_progress, fulfilled, suspended o cancelled "
    "(también sirven los nombres en español: cumplido, en curso...).",
    "When it happened (the law was passed, the agreement signed): 2023-03-15, 2023-03 or 2023 "
    "(default: today).": "Cuándo ocurrió (se aprobó la ley, se firmó el acuerdo): 2023-03-15, "
    "2023-03 o 2023 (por defecto: hoy).",
    "What happened, in a sentence.": "Qué ocurrió, en una frase.",
    "A public source; repeat for several.": "Una fuente pública; repita la opción para varias.",
    "When a source reported it, where that is the date the source gives.": "Cuándo lo informó "
    "una fuente, cuando esa es la fecha que da la fuente.",
    "Who reported it: state, civil_society, unhcr_oas or technical_secretariat.": "Quién lo "
    "informó: state (el Estado), civil_society (la sociedad civil), unhcr_oas (ACNUR–OEA) o "
    "technical_secretariat (la Secretaría Técnica).",
    "Print the change as a unified diff; write nothing.": "Muestra el cambio como diff "
    "unificado; no escribe nada.",
    # schema
    "Print the JSON Schema of the plan files, generated from mirps's models.\n\n"
    "Editors use it for completion and checks as you type: each plan file names\n"
    "its schema on its first line (# yaml-language-server: $schema=...).": "Muestra el JSON "
    "Schema de los archivos de plan, generado a partir de los modelos de mirps.\n\n"
    "Los editores lo usan para completar y revisar mientras se escribe: cada archivo de plan "
    "nombra\nsu esquema en su primera línea (# yaml-language-server: $schema=...).",
    "national, work-plan, fund, or all (any kind of file).": "national, work-plan, fund o all "
    "(cualquier tipo de archivo).",
    # export
    'Print the whole validated tree as JSON: {"work_plans": [...], "national_plans": [...]}.\n\n'
    'Each commitment carries its current "status". A tree with errors prints the\n'
    "validate findings on stderr and exits 1.": "Muestra todo el árbol validado como JSON: "
    '{"work_plans": [...], "national_plans": [...]}.\n\nCada compromiso lleva su "status" '
    "actual. Un árbol con errores muestra\nlos hallazgos de validate en stderr y sale con 1.",
    "The plans as they stood on this date: later entries, values and instalments are left out "
    "(default: everything the files hold).": "Los planes tal como estaban en esta fecha: las "
    "entradas, los valores y los desembolsos posteriores se dejan fuera (por defecto: todo lo "
    "que tienen los archivos).",
    "Output format.": "Formato de salida.",
    # diff
    "What a plan update changed, item by item: commitments, milestones, activities, events...\n\n"
    "Items are matched by id; renamed items, status moves, new status entries, new indicator\n"
    "values and new requests for support are called out, with a summary per country. Git\n"
    "revisions are read from git's objects: nothing is checked out. Exit codes: 0 (with\n"
    "--exit-code: nothing changed), 1 (changes, with --exit-code; or a side does not\n"
    "validate), 2 (usage: unknown revision, no repository, no plans folder).": "Qué cambió "
    "una actualización de los planes, elemento por elemento: compromisos, hitos, actividades, "
    "eventos...\n\nLos elementos se emparejan por id; se señalan los elementos renombrados, "
    "los cambios de estado, las nuevas entradas\nde estado, los nuevos valores de indicadores "
    "y las nuevas solicitudes de apoyo, con un resumen por país. Las revisiones\nde git se "
    "leen de los objetos de git: no se extrae nada. Códigos de salida: 0 (con\n--exit-code: "
    "nada cambió), 1 (hay cambios, con --exit-code; o un lado no\nes válido), 2 (uso: revisión "
    "desconocida, sin repositorio, sin carpeta de planes).",
    "Revisions (HEAD~1, main, a tag), or two plan folders, or two plan files. None: HEAD "
    "against the working tree; one: it against the working tree.": "Revisiones (HEAD~1, main, "
    "una etiqueta), o dos carpetas de planes, o dos archivos de plan. Ninguna: HEAD frente a "
    "la copia de trabajo; una: esa frente a la copia de trabajo.",
    "Compare with what is staged for the next commit.": "Compara con lo preparado para el "
    "próximo commit.",
    "text (+ - ~ marks; colour on a terminal), markdown or json.": "text (marcas + - ~; en "
    "color en una terminal), markdown o json.",
    "Exit 1 when something changed, 0 when nothing did.": "Sale con 1 cuando algo cambió, con "
    "0 cuando nada cambió.",
    "Print the JSON Schema of --format json.": "Muestra el JSON Schema de --format json.",
    # report
    "Draft the MIRPS Annual Report from the plans: Markdown, HTML or Word, Spanish or "
    "English.\n\nThe draft follows the published reports (III Annual Report 2020): title, "
    "acronyms,\npresentation and regional context (placeholders), a chapter per country "
    "(relevant\nindicators, achievements and challenges, quantification), the regional work, "
    "the\nregion at a glance and an annex of every commitment. It shows the plans as they "
    "stood\nat the period's end: anything dated after it is left out.": "Redacta el borrador "
    "del Informe Anual del MIRPS a partir de los planes: Markdown, HTML o Word, en español o "
    "en inglés.\n\nEl borrador sigue los informes publicados (III Informe Anual 2020): título, "
    "siglas,\npresentación y contexto regional (marcadores por completar), un capítulo por "
    "país (indicadores\nrelevantes, logros y desafíos, cuantificación), el trabajo regional, "
    "la región\nde un vistazo y un anexo con todos los compromisos. Muestra los planes tal "
    "como estaban\nal final del período: lo fechado después se deja fuera.",
    "Draft one national chapter alone.": "Redacta solo un capítulo nacional.",
    "Language of the draft (default: Spanish; a chapter drafted alone, its country's own "
    "language).": "Idioma del borrador (por defecto: español; un capítulo redactado solo, el "
    "idioma de su país).",
    "End of the period (default: 31 December of the year).": "Fin del período (por defecto: "
    "el 31 de diciembre del año).",
    "Start of the period (default: 1 January of the year).": "Inicio del período (por "
    "defecto: el 1 de enero del año).",
    "markdown, html (one self-contained page) or docx (Word; needs -o FILE or a redirected "
    "stdout).": "markdown, html (una página autónoma) o docx (Word; necesita -o ARCHIVO o "
    "redirigir stdout).",
    "With --format docx: take the styles of this Word document (the Secretariat's template), "
    "as pandoc does.": "Con --format docx: toma los estilos de este documento de Word (la "
    "plantilla de la Secretaría), como hace pandoc.",
    "Write the draft to FILE (atomically) instead of stdout; - is stdout.": "Escribe el "
    "borrador en ARCHIVO (de forma atómica) en lugar de stdout; - es stdout.",
    # site
    "Write the plans as a static web site: a home page, a page per member, per commitment,\n"
    "per work plan and the Fund, in Spanish and English, with the data beside it.\n\n"
    "The pages need no server and no script (an optional one filters the longer tables) and\n"
    "load nothing from the network; the same plans, --as-of and SOURCE_DATE_EPOCH give the\n"
    "same bytes. Pages are written as they are made, into a hidden folder that replaces DIR\n"
    "only once the site is whole.": "Escribe los planes como un sitio web estático: una "
    "página de inicio, una página por miembro, por compromiso,\npor plan de trabajo y el "
    "Fondo, en español y en inglés, con los datos al lado.\n\nLas páginas no necesitan "
    "servidor ni script (uno opcional filtra las tablas más largas) y\nno cargan nada de la "
    "red; los mismos planes, --as-of y SOURCE_DATE_EPOCH dan los\nmismos bytes. Las páginas "
    "se escriben a medida que se hacen, en una carpeta oculta que reemplaza CARPETA\nsolo "
    "cuando el sitio está completo.",
    "The folder to write the site into: a new or empty one, or a site mirps wrote before "
    "(replaced whole, once the new one is complete).": "La carpeta donde escribir el sitio: "
    "una nueva o vacía, o un sitio que mirps escribió antes (se reemplaza entero, cuando el "
    "nuevo está completo).",
    "The site's languages: both (Spanish and English), es or en.": "Los idiomas del sitio: "
    "both (español e inglés), es o en.",
    "The address the site is published at (https://example.org/mirps/): for the canonical "
    "links, the feed's ids and the sitemap (written only with it).": "La dirección donde se "
    "publica el sitio (https://example.org/mirps/): para los enlaces canónicos, los ids del "
    "canal de novedades y el mapa del sitio (que solo se escribe con ella).",
    "Templates (site-*.html.j2, site.css, site-filter.js) that replace mirps's own, by file "
    "name.": "Plantillas (site-*.html.j2, site.css, site-filter.js) que reemplazan las de "
    "mirps, por nombre de archivo.",
    # fund
    "The MIRPS Fund: money per country and donor, projects, roadmap; requests ranked.": "El "
    "Fondo MIRPS: fondos por país y por donante, proyectos, hoja de ruta; solicitudes "
    "priorizadas.",
    "table (colour on a terminal), json, csv or markdown.": "table (en color en una "
    "terminal), json, csv o markdown.",
    "Rank the funding requests (projects not yet approved) by the Fund's own criteria.\n\n"
    "The criteria and their weights are data in the Fund file (prioritization), and so are "
    "each\nrequest's scores; the table shows each score so a committee can see why. Ties are "
    "ordered\nby id, and said so. A request that fails an eligibility criterion of the "
    "guidelines, or\nwas not assessed against one, is listed apart with the reason.": "Ordena "
    "las solicitudes de financiamiento (proyectos aún no aprobados) según los criterios del "
    "propio Fondo.\n\nLos criterios y sus pesos son datos del archivo del Fondo "
    "(prioritization), igual que\nlas puntuaciones de cada solicitud; la tabla muestra cada "
    "puntuación para que un comité vea el porqué. Los empates\nse ordenan por id, y se dice. "
    "Una solicitud que no cumple un criterio de elegibilidad de las directrices, o\nque no se "
    "evaluó frente a uno, se lista aparte con el motivo.",
    # sheet
    "A national team's workbook: export it to fill in, import it filled.": "El libro de "
    "cálculo de un equipo nacional: exportarlo para llenarlo, importarlo lleno.",
    "Write a workbook for a national team to fill in: instructions, its commitments,\n"
    "milestones and indicators with their current status (locked), and the columns to fill\n"
    "(new status, date, who reports, note, source). Nothing in the plans changes.": "Escribe "
    "un libro de cálculo para que lo llene un equipo nacional: instrucciones, sus "
    "compromisos,\nhitos e indicadores con su estado actual (bloqueados), y las columnas por "
    "llenar\n(nuevo estado, fecha, quién informa, nota, fuente). Nada cambia en los planes.",
    "The member whose workbook to write (default: all).": "El miembro cuyo libro se escribe "
    "(por defecto: todos).",
    "The workbook to write (default: CC.xlsx here); without --country, the folder for one "
    "workbook per member (default: here).": "El libro que se escribe (por defecto: CC.xlsx "
    "aquí); sin --country, la carpeta para un libro por miembro (por defecto: aquí).",
    "Where the team sends the filled workbook (an email address), for the instructions "
    "sheet.": "A dónde envía el equipo el libro lleno (una dirección de correo), para la hoja "
    "de instrucciones.",
    "Language of the workbook and the messages (default: the country's).": "Idioma del libro "
    "y de los mensajes (por defecto: el del país).",
    "Add a filled workbook's rows to its country's plan: each filled row becomes a dated\n"
    "status entry (or indicator value), written as `mirps update` writes one. Every problem\n"
    "is listed at once, by sheet, cell and id, and then nothing is written: all rows land\n"
    "together or none does.": "Añade las filas de un libro lleno al plan de su país: cada "
    "fila llena pasa a ser una entrada\nde estado fechada (o un valor de indicador), escrita "
    "como la escribe `mirps update`. Todos los problemas\nse listan a la vez, por hoja, celda "
    "e id, y entonces no se escribe nada: todas las filas entran\njuntas o no entra ninguna.",
    "The filled workbook (.xlsx).": "El libro lleno (.xlsx).",
    "Record the import as one git commit of its own.": "Registra la importación como un "
    "commit de git propio.",
    "With --commit: commit on this new branch (default: the current one).": "Con --commit: "
    "hace el commit en esta rama nueva (por defecto: la actual).",
    "Refuse the workbook unless it is this member's.": "Rechaza el libro si no es de este miembro.",
    "Language of the messages (default: the workbook's). Its cells are read in the language it "
    "was exported in.": "Idioma de los mensajes (por defecto: el del libro). Sus celdas se "
    "leen en el idioma en que se exportó.",
    # translations
    "Which plan texts have both languages; a PO file out to translators and back in.": "Qué "
    "textos de los planes tienen los dos idiomas; un archivo PO para los traductores, de ida "
    "y de vuelta.",
    "List the texts without this language, by place.": "Lista los textos sin este idioma, "
    "por lugar.",
    "Write the texts that lack a language as a gettext PO file for translators (Poedit,\n"
    "Weblate, CAT tools): the source text, its place in the plans as context and reference,\n"
    "the plan's comment above it as a note.": "Escribe los textos a los que les falta un "
    "idioma como un archivo PO de gettext para los traductores (Poedit,\nWeblate, "
    "herramientas TAO): el texto original, su lugar en los planes como contexto y "
    "referencia,\ny el comentario del plan que lo precede como nota.",
    "The language to translate into.": "El idioma al que se traduce.",
    "The PO file to write (default: stdout); a name ending in .xlsx writes the same texts as a "
    "workbook, for translators who work in a spreadsheet.": "El archivo PO que se escribe "
    "(por defecto: stdout); un nombre que termina en .xlsx escribe los mismos textos como un "
    "libro de cálculo, para los traductores que trabajan en una hoja de cálculo.",
    "Every text, those already translated too (for review).": "Todos los textos, también los "
    "ya traducidos (para revisión).",
    "Write a translated PO file's entries into the plans, each as the other language of\n"
    "its text. Entries whose place is gone, whose source changed since the export, or marked\n"
    "fuzzy are named and not applied; the rest land in every file at once, or in none.": (
        "Escribe las entradas de un archivo PO traducido en los planes, cada una como el otro "
        "idioma de\nsu texto. Las entradas cuyo lugar ya no existe, cuyo original cambió "
        "desde la exportación, o marcadas\ncomo fuzzy se nombran y no se aplican; las demás "
        "entran en todos los archivos a la vez, o en ninguno."
    ),
    "The translated PO file, or the .xlsx form.": "El archivo PO traducido, o su forma .xlsx.",
    # cache
    "The cache of plans read and checked before: where it is, its size; clear it.": "La caché "
    "de los planes ya leídos y revisados: dónde está, su tamaño; vaciarla.",
    "Remove every entry of the cache (the next run reads and checks every file anew).": (
        "Borra todas las entradas de la caché (la próxima ejecución lee y revisa cada archivo "
        "de nuevo)."
    ),
}
