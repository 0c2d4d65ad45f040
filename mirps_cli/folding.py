"""Comparing what people type with names: case, accents and underscores do not matter."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """ "México" → "mexico", "In_Progress" → "in progress"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace("_", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
