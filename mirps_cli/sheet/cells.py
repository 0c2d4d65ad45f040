"""What a filled cell says, read as Excel and LibreOffice store it.

A date comes as a date cell, as a serial number (a date typed into a cell formatted as a
number), or as text in the sheet language's order (15/03/2023 in Spanish; ISO in every
language); a status or a reporter in either language, any case, with or without accents;
text with stray spaces. Each reader returns the value, or raises CellRefused with the
sentence that says how to write it.
"""

from __future__ import annotations

import datetime as dt
import re

from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message, either
from mirps_cli.sheet.layout import DAY_FIRST, NUMBER_MARKS
from mirps_cli.vocab import (
    REPORTER_TERMS,
    STATUS_TERMS,
    Reporter,
    Status,
    parse_reporter,
    parse_status,
)

# Spaces a pasted cell brings: no-break, thin, zero-width.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Excel's serial day 1 is 1900-01-01, counted from 1899-12-30 past its phantom 29 February
# 1900; a workbook in the Mac date system counts from 1904-01-01.
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)


class CellRefused(ValueError):
    """A cell that cannot be read: `code` names the rule, `message` says how to write it."""

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(message.en)
        self.code = code
        self.message = message


def text(value: object) -> str | None:
    """A text cell, its stray spaces gone (inner line breaks kept); None when blank."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    lines = [" ".join(_SPACES.split(line)).strip() for line in str(value).splitlines()]
    joined = "\n".join(line for line in lines if line)
    return joined or None


def status(value: str, lang: str) -> Status:
    """A status by its name in either language; a refusal lists the names in the sheet's
    language `lang`, the words the drop-down shows."""
    found = parse_status(value)
    if found is None:
        names = [t.name.in_lang(lang) for t in STATUS_TERMS.values()]
        raise CellRefused(
            "S301",
            Message(
                f"“{value}” is not a status; use one of {either(names, 'en')}",
                f"“{value}” no es un estado; use uno de {either(names, 'es')}",
            ),
        )
    return found


def reporter(value: str, lang: str) -> Reporter:
    """Who reports, by name in either language, with or without its article."""
    found = parse_reporter(value)
    if found is None:
        names = [reporter_name(n, lang) for n in REPORTER_TERMS.values()]
        raise CellRefused(
            "S302",
            Message(
                f"“{value}” is not one who reports; use one of {either(names, 'en')}",
                f"“{value}” no es quien informa; use uno de {either(names, 'es')}",
            ),
        )
    return found


def reporter_name(term: Message, lang: str) -> str:
    """A reporter as the drop-down lists it: "Estado", "Sociedad civil" (no article)."""
    name = term.in_lang(lang)
    for article in ("the ", "el ", "la "):
        name = name.removeprefix(article)
    return name[0].upper() + name[1:]


def date(value: object, lang: str, epoch_1904: bool, today: dt.date) -> PartialDate:
    """A date cell, a serial number or a text date, never after `today`."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        found = PartialDate(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        found = _serial(value, epoch_1904)
    else:
        found = _text_date(str(value).strip(), lang)
    if found.earliest() > today:
        raise CellRefused(
            "S304",
            Message(
                f"{found} is after today; write the day it happened",
                f"{found} es posterior a hoy; escriba el día en que ocurrió",
            ),
        )
    return found


def _serial(value: float, epoch_1904: bool) -> PartialDate:
    day = int(value)  # a fraction is a time of day: the day is what counts
    if not 1 <= day <= 2_958_465:  # 9999-12-31
        raise _bad_date(str(value))
    start = _EPOCH_1904 if epoch_1904 else _EPOCH_1900
    found = start + dt.timedelta(days=day)
    return PartialDate(found.year, found.month, found.day)


def _text_date(value: str, lang: str) -> PartialDate:
    if _ISO.match(value):
        try:
            return PartialDate.parse(value)
        except ValueError:
            raise _bad_date(value) from None
    if DAY_FIRST[lang]:
        whole = _DAY_MONTH_YEAR.match(value)
        part = _MONTH_YEAR.match(value)
        try:
            if whole:
                day, month, year = (int(g) for g in whole.groups())
                dt.date(year, month, day)
                return PartialDate(year, month, day)
            if part:
                month, year = (int(g) for g in part.groups())
                dt.date(year, month, 1)
                return PartialDate(year, month, None)
        except ValueError:
            pass
    raise _bad_date(value)


def _bad_date(value: str) -> CellRefused:
    return CellRefused(
        "S303",
        Message(
            f"“{value}” is not a date; write it as 2023-03-15, 2023-03 or 2023",
            f"“{value}” no es una fecha; escríbala como 15/03/2023, 03/2023 o 2023",
        ),
    )


def number_or_text(value: object, lang: str) -> int | float | str:
    """An indicator's new value: a number cell, a number typed as text in the language's
    form (32,000: Latin American Spanish groups digits as English does), else the text itself."""
    if isinstance(value, bool):
        raise CellRefused(
            "S305",
            Message(
                "a value of true or false says nothing; write a number or a text",
                "un valor verdadero o falso no dice nada; escriba un número o un texto",
            ),
        )
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    written = text(value) or ""
    group, point = NUMBER_MARKS[lang]
    plain = written.replace(" ", "").replace(group, "")
    if re.fullmatch(r"-?\d+", plain) and (group in written or written.isdigit()):
        if not _grouped(written.replace(" ", ""), group):
            return written
        return int(plain)
    if re.fullmatch(rf"-?\d+\{point}\d+", plain) and _grouped(
        written.replace(" ", "").split(point)[0], group
    ):
        return float(plain.replace(point, "."))
    return written


def _grouped(whole: str, group: str) -> bool:
    """Whether digits with group marks are grouped in threes: "32,000" yes, "3,2" no."""
    if group not in whole:
        return True
    head, *rest = whole.lstrip("-").split(group)
    return 1 <= len(head) <= 3 and all(len(part) == 3 for part in rest)
