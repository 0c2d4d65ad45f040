"""`mirps translations --format json`: the counts per file, and the texts lacking a language."""

from __future__ import annotations

import json

from mirps_cli.translations import FileCount, TextAt


def render(counts: list[FileCount], missing: list[TextAt] | None, lang: str) -> str:
    data: dict[str, object] = {
        "files": [
            {
                "file": c.display,
                "both": c.both,
                "without_es": c.without_es,
                "without_en": c.without_en,
            }
            for c in counts
        ]
    }
    if missing is not None:
        data["missing"] = [
            {"file": t.file.display, "place": t.place, "en": t.en, "es": t.es} for t in missing
        ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
