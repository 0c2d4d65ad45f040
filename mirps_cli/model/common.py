"""Building blocks shared by every plan schema."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from mirps_cli.members import MEMBERS


class Strict(BaseModel):
    # extra="forbid": pydantic's default would silently drop a misspelt key.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class LocalizedText(Strict):
    """The same text in English and Spanish; at least one is needed."""

    en: NonEmpty | None = None
    es: NonEmpty | None = None

    @model_validator(mode="after")
    def _one_language(self) -> LocalizedText:
        if self.en is None and self.es is None:
            raise ValueError("give the text in English (en), Spanish (es) or both")
        return self


def _text_kind(value: Any) -> str:
    return "localized" if isinstance(value, dict) else "plain"


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
    wanted = text.es if lang == "es" else text.en
    if wanted is not None:
        return wanted, False
    other = text.en if lang == "es" else text.es
    return other or "", True


def _is_member(code: str) -> str:
    if code not in MEMBERS:
        raise ValueError(f"'{code}' is not a MIRPS member: use one of {', '.join(sorted(MEMBERS))}")
    return code


CountryCode = Annotated[str, AfterValidator(_is_member)]

Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$"),
    Field(description="A web address starting with http:// or https://"),
]

Identifier = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"),
]
