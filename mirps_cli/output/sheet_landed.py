"""What `mirps sheet import` says of the entries it adds (or would add, or finds there)."""

from __future__ import annotations

from mirps_cli.i18n import Message, counted
from mirps_cli.members import MEMBERS
from mirps_cli.sheet.land import ImportPlan, Landed

ENTRIES = (Message("entry", "entrada"), Message("entries", "entradas"))
ROWS = (Message("row", "fila"), Message("rows", "filas"))


def _line(landed: Landed, lang: str) -> str:
    where = Message(f"{landed.sheet}, row {landed.row}", f"{landed.sheet}, fila {landed.row}")
    return f"  {landed.ident}: {landed.what.in_lang(lang)} ({where.in_lang(lang)})"


def render(plan: ImportPlan, workbook: str, lang: str, dry_run: bool) -> str:
    member = MEMBERS.get(plan.country)
    name = member.name.in_lang(lang) if member else plan.country
    file = plan.plan_file.display
    count = counted(len(plan.landed), *ENTRIES, lang)
    if not plan.landed:
        said = Message(
            f"{workbook} ({name}): nothing new to add to {file}",
            f"{workbook} ({name}): nada nuevo que agregar a {file}",
        )
    elif dry_run:
        said = Message(
            f"{workbook} ({name}): {count} would be added to {file} (dry run: nothing written)",
            f"{workbook} ({name}): se agregarían {count} a {file} (prueba: no se escribió nada)",
        )
    else:
        said = Message(
            f"{workbook} ({name}): {count} added to {file}",
            f"{workbook} ({name}): {count} agregada{'' if len(plan.landed) == 1 else 's'} a {file}",
        )
    lines = [said.in_lang(lang), *(_line(landed, lang) for landed in plan.landed)]
    if plan.already:
        rows = counted(len(plan.already), *ROWS, lang)
        lines.append(
            Message(
                f"{rows} already in the plans, left as they are:",
                f"{rows} ya en los planes, sin cambios:",
            ).in_lang(lang)
        )
        lines += [_line(landed, lang) for landed in plan.already]
    return "\n".join(lines) + "\n"
