"""Dates that may be known only to the year or the month.

Sources often say "March 2023" or "2020" and nothing finer; recording a day that
no source gives would invent data, so a plan date keeps its own precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from mirps_cli.problems import Invalid

if TYPE_CHECKING:  # pydantic.json_schema costs start-up time; only mirps schema needs it
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import core_schema

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
JSON_PATTERN = r"^(19|2\d)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
# The years a plan speaks of; the JSON Schema says the same, so both refuse the same dates.
FIRST_YEAR, LAST_YEAR = 1900, 2999


@cache
def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    # Asked for every dated entry by the rules and the views, often for the same dates:
    # worked out once each (the month's length is the costly part).
    if day is not None and month is not None:
        return dt.date(year, month, day)
    month = month or 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# Each date text read, and what it reads as: a large plan writes the same dates thousands
# of times, and a frozen date can be shared (the models, and their cache entries, hold one).
_READ: dict[str, PartialDate] = {}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date given to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if type(value) is str and cls is PartialDate and (known := _READ.get(value)):
            return known
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, str, dt.date)):
            raise Invalid(
                f"expected a date such as 2023-03-15, 2023-03 or 2023, got {value!r}",
                f"se esperaba una fecha como 2023-03-15, 2023-03 o 2023, no {value!r}",
            )
        if isinstance(value, int):
            value = f"{value:04d}"
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _PATTERN.match(value.strip())
        if not match:
            raise Invalid(
                f"'{value}' is not a date: write 2023-03-15, 2023-03 or 2023",
                f"'{value}' no es una fecha: escriba 2023-03-15, 2023-03 o 2023",
            )
        year = int(match[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Invalid(
                f"'{value}' is not a year of the plans: write one from {FIRST_YEAR} to {LAST_YEAR}",
                f"'{value}' no es un año de los planes: escriba uno de {FIRST_YEAR} a {LAST_YEAR}",
            )
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if month is not None and not 1 <= month <= 12:
            raise Invalid(f"'{value}' has no month {month}", f"'{value}' no tiene mes {month}")
        if day is not None:
            assert month is not None
            try:
                dt.date(year, month, day)
            except ValueError:
                raise Invalid(
                    f"'{value}' is not a day of the calendar",
                    f"'{value}' no es un día del calendario",
                ) from None
        read = cls(year, month, day)
        if type(value) is str and cls is PartialDate:
            _READ[value] = read
        return read

    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date can mean."""
        return _last_day(self.year, self.month, self.day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Imported here: the dates are read in runs that never build a model (an unchanged
        # `validate` reads its problems from the cache), and pydantic_core takes ~17 ms.
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": JSON_PATTERN},
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ],
            "description": "A date to the day (2023-03-15), the month (2023-03) "
            "or the year (2023).",
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day where it is shorter."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def parse_as_of(text: str | None, today: dt.date | None = None) -> dt.date:
    """Read a --as-of value; a partial date counts from its last day."""
    if text is None:
        return today or dt.date.today()
    return PartialDate.parse(text).latest()
