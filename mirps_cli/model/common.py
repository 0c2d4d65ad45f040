"""Building blocks shared by every plan schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictFloat,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import core_schema

from mirps_cli.categories import BudgetKind
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message, pick
from mirps_cli.members import MEMBERS
from mirps_cli.problems import Invalid

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler


class Strict(BaseModel):
    # extra="forbid": pydantic's default would silently drop a misspelt key.
    # allow_inf_nan=False: .inf and .nan are YAML numbers no plan means, and JSON has none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's copy, for models whose fields set is shared (model/walk.py,
        share_fields_sets): pydantic would add the changed fields to the shared set."""
        from mirps_cli.model.walk import updated

        copied = super().model_copy(deep=deep)
        return updated(copied, dict(update)) if update else copied


def empty_list() -> list[Any]:
    """The default of a list field.

    Not `default_factory=list`: pydantic reads the signature of every default
    factory, and for a builtin such as `list` that means parsing its text
    signature, about half a millisecond each, on every start-up.
    """
    return []


class _NotBlankInSchema:
    """In the JSON Schema, text must hold a character that is not a space: mirps strips the
    spaces and then needs one character, which minLength alone cannot say (" " passes it)."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {**handler(schema), "pattern": r"\S"}


NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), _NotBlankInSchema()
]


class LocalizedText(Strict):
    """The same text in English and Spanish; at least one is needed."""

    # At least one language, in the JSON Schema as in the model.
    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    en: NonEmpty | None = None
    es: NonEmpty | None = None

    @model_validator(mode="after")
    def _one_language(self) -> LocalizedText:
        if self.en is None and self.es is None:
            raise Invalid(
                "give the text in English (en), Spanish (es) or both",
                "escriba el texto en inglés (en), en español (es) o en ambos",
            )
        return self


def _text_kind(value: Any) -> str:
    # Called on the YAML's data when validating and on the model when serializing: a
    # LocalizedText seen as "plain" made pydantic warn once per bilingual text on export.
    return "localized" if isinstance(value, (dict, LocalizedText)) else "plain"


# Human-readable text: a plain string, or {en: ..., es: ...}. The callable
# discriminator keeps an error to the one form that was written.
Text = Annotated[
    Annotated[NonEmpty, Tag("plain")] | Annotated[LocalizedText, Tag("localized")],
    Discriminator(_text_kind),
]


def text_in(text: str | LocalizedText | None, lang: str) -> tuple[str, bool]:
    """The text in `lang`, falling back to the other language (second item True)."""
    if text is None:
        return "", False
    if isinstance(text, str):
        return text, False
    return pick(text.en, text.es, lang)


def _is_member(code: str) -> str:
    if code not in MEMBERS:
        codes = ", ".join(sorted(MEMBERS))
        raise Invalid(
            f"'{code}' is not a MIRPS member: use one of {codes}",
            f"'{code}' no es miembro del MIRPS: use uno de {codes}",
        )
    return code


# The JSON Schema names the members too, so an editor refuses what mirps refuses.
CountryCode = Annotated[
    str,
    AfterValidator(_is_member),
    WithJsonSchema({"type": "string", "enum": sorted(MEMBERS), "description": "A MIRPS member."}),
]


@dataclass(frozen=True)
class Form:
    """Annotated metadata: text of a given form, refused with a sentence people can act on.

    A regex in an error message means nothing to a national technical team, so
    the check says what to write instead; `en` and `es` may name the offending
    text as {value}. The pattern still goes into the JSON Schema, for editors.
    """

    pattern: str
    en: str
    es: str
    description: str

    max_length: int = 2000

    def check(self, value: str) -> str:
        if value != value.strip():
            raise Invalid(
                f"'{value}' has spaces around it: write it without them",
                f"'{value}' tiene espacios alrededor: escríbalo sin ellos",
            )
        if len(value) > self.max_length:
            raise Invalid(
                f"'{value[:20]}…' is {len(value)} characters long: at most {self.max_length}",
                f"'{value[:20]}…' tiene {len(value)} caracteres: como máximo {self.max_length}",
            )
        if not re.match(self.pattern, value):
            raise Invalid(self.en.format(value=value), self.es.format(value=value))
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        json_schema = dict(handler(schema))
        json_schema.update(
            pattern=self.pattern, description=self.description, maxLength=self.max_length
        )
        return json_schema


Url = Annotated[
    str,
    Form(
        # A host after the scheme, and none of what would let an address break out of the
        # Markdown, HTML or table it is written into: spaces, quotes, angle brackets,
        # backticks, backslashes, control characters. (A `|` is legal and is escaped.) No
        # needless escape: the schema's patterns are ECMA-262's, whose Unicode mode refuses
        # `\"` (check-jsonschema refused the whole schema for it).
        r"""^https?://[^\s"'<>`\\/\x00-\x1f\x7f][^\s"'<>`\\\x00-\x1f\x7f]*$""",
        "'{value}' is not a web address: it must start with http:// or https:// and a host, "
        "and hold no spaces, quotes, angle brackets, backticks or backslashes",
        "'{value}' no es una dirección web: debe empezar con http:// o https:// y un "
        "servidor, sin espacios, comillas, ángulos, acentos graves ni barras invertidas",
        "A web address starting with http:// or https://",
    ),
]

Identifier = Annotated[
    str,
    Form(
        r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        "'{value}' is not an id: use letters, digits, '-', '_' and '.', without spaces",
        "'{value}' no es un identificador: use letras, números, '-', '_' y '.', sin espacios",
        "A short id: letters, digits, '-', '_' and '.'",
        max_length=64,
    ),
]

Currency = Annotated[
    str,
    Form(
        r"^[A-Z]{3}$",
        "'{value}' is not a currency code: write its three capital letters, e.g. USD",
        "'{value}' no es un código de moneda: escriba sus tres mayúsculas, p. ej. USD",
        "ISO 4217 currency code, e.g. USD",
    ),
]


class Identity(NamedTuple):
    """What one plan file is about; its file is named by `key`, and no two files share it."""

    loc: tuple[str, ...]  # where the key is written in the file
    key: str  # "HN", "2022"
    holds: Message  # "country HN" / "del país HN", as messages about the file name say it


class Instalment(Strict):
    date: PartialDate
    amount: StrictFloat | None = Field(default=None, ge=0)
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)


class FundingLine(Strict):
    """Money for a commitment or from the MIRPS Fund: who funds it, how much, in what form,
    for what period, paid in which instalments."""

    funder: Text
    amount: StrictFloat | None = Field(default=None, ge=0)
    currency: Currency | None = None
    kind: BudgetKind | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    instalments: list[Instalment] = Field(default_factory=empty_list)
    note: Text | None = None
    sources: list[Url] = Field(default_factory=empty_list)
