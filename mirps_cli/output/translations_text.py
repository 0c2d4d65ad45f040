"""`mirps translations` as text: per plan file, the texts in both languages and those
lacking one; with `--missing`, each text that lacks it, by place."""

from __future__ import annotations

from mirps_cli.i18n import Message
from mirps_cli.translations import FileCount, TextAt

HEAD = (
    Message("file", "archivo"),
    Message("both", "ambas"),
    Message("without es", "sin es"),
    Message("without en", "sin en"),
)
TOTAL = Message("total", "total")


def render(counts: list[FileCount], missing: list[TextAt] | None, lang: str) -> str:
    rows = [[h.in_lang(lang) for h in HEAD]]
    rows += [[c.display, str(c.both), str(c.without_es), str(c.without_en)] for c in counts]
    rows.append(
        [
            TOTAL.in_lang(lang),
            *(
                str(sum(getattr(c, k) for c in counts))
                for k in ("both", "without_es", "without_en")
            ),
        ]
    )
    widths = [max(len(r[n]) for r in rows) for n in range(4)]
    lines = [
        "  ".join([r[0].ljust(widths[0]), *(r[n].rjust(widths[n]) for n in (1, 2, 3))]).rstrip()
        for r in rows
    ]
    if missing is not None:
        lines.append("")
        lines += [f"{t.file.display}: {t.place}: {(t.en or t.es or '')[:70]}" for t in missing]
    return "\n".join(lines) + "\n"
