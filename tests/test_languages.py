"""Which language a run speaks by default: --lang, else MIRPS_LANG, else the locale's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.i18n import Lang, language_of_locale
from tests.helpers import SHIPPED_PLANS, Run

Mirps = Callable[..., Run]
SPANISH = "archivos revisados"
ENGLISH = "files checked"


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ({}, [], ENGLISH),
        ({"LANG": "es_HN.UTF-8"}, [], SPANISH),
        ({"LANG": "es"}, [], SPANISH),
        ({"LANG": "en_US.UTF-8"}, [], ENGLISH),
        ({"LANG": "es_HN.UTF-8", "LC_ALL": "C.UTF-8"}, [], ENGLISH),  # LC_ALL comes first
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "es_CR.UTF-8"}, [], SPANISH),
        ({"MIRPS_LANG": "es"}, [], SPANISH),
        ({"MIRPS_LANG": "en", "LANG": "es_HN.UTF-8"}, [], ENGLISH),  # MIRPS_LANG beats the locale
        ({"MIRPS_LANG": "es"}, ["--lang", "en"], ENGLISH),  # --lang beats everything
        ({"LANG": "es_HN.UTF-8"}, ["--lang", "en"], ENGLISH),
    ],
)
def test_the_default_language_follows_the_user(
    mirps: Mirps, env: dict[str, str], args: list[str], said: str
) -> None:
    run = mirps("validate", "--plans", str(SHIPPED_PLANS), *args, env=env)
    assert run.exit_code == 0, run.stderr
    assert said in run.stdout.splitlines()[-1]


def test_a_bad_mirps_lang_is_a_usage_error(mirps: Mirps) -> None:
    run = mirps("validate", "--plans", str(SHIPPED_PLANS), env={"MIRPS_LANG": "fr"})
    assert run.exit_code == 2 and "fr" in run.stderr and run.stdout == ""


def test_the_locale_rule() -> None:
    assert language_of_locale({"LANG": "es_MX.UTF-8"}) is Lang.es
    assert language_of_locale({"LANG": "ES_mx"}) is Lang.es
    assert language_of_locale({"LANG": "eu_ES.UTF-8"}) is Lang.en  # Basque is not Spanish
    assert language_of_locale({"LC_ALL": "", "LANG": "es_PA"}) is Lang.es  # empty is unset
    assert language_of_locale({}) is Lang.en


def test_country_names_come_from_cldr_in_the_chosen_language(mirps: Mirps) -> None:
    report = mirps("report", "--year", "2022", "--lang", "es", "--plans", str(SHIPPED_PLANS))
    assert report.exit_code == 0, report.stderr
    assert "Miembros: Argentina, Brasil, Canadá, Colombia, Unión Europea" in report.stdout
    assert "Spain" not in report.stdout.replace("spain", "")
    assert "Canada \\[en\\]" not in report.stdout and "(Presidencia: Canadá)" in report.stdout
    fund = mirps("fund", "--lang", "es", "--plans", str(SHIPPED_PLANS))
    assert (
        fund.exit_code == 0
        and "España" in fund.stdout
        and "[en]" not in fund.stdout.split("España")[1][:5]
    )
    english = mirps("report", "--year", "2022", "--lang", "en", "--plans", str(SHIPPED_PLANS))
    assert "Canada" in english.stdout and "Canadá" not in english.stdout


def test_diff_names_fields_and_the_working_tree_in_spanish() -> None:
    from mirps_cli.output.diff_words import field_name, side_name

    assert field_name("facilitating_factors", "es") == "factores facilitadores"
    assert field_name("challenges", "es") == "desafíos"
    assert field_name("status_history", "es") == "historial de estado"
    assert field_name("national_technical_team", "es") == "equipo técnico nacional"
    assert field_name("some_new_field", "es") == "some new field"  # never a raw key
    assert field_name("facilitating_factors", "en") == "facilitating_factors"
    assert side_name("working tree", "es") == "copia de trabajo"
    assert side_name("HEAD~1", "es") == "HEAD~1"


def test_status_csv_speaks_the_readers_language(mirps: Mirps) -> None:
    import csv
    import io

    es = mirps(
        "status",
        "--country",
        "HN",
        "--format",
        "csv",
        "--lang",
        "es",
        "--plans",
        str(SHIPPED_PLANS),
    )
    rows = list(csv.DictReader(io.StringIO(es.stdout)))
    assert es.exit_code == 0 and list(rows[0])[:4] == ["país", "id", "título", "estado"]
    assert {r["vencido"] for r in rows} <= {"sí", "no"} and {
        r["sin fecha informada"] for r in rows
    } == {"sí", "no"}
    assert rows[0]["estado"] in {
        "fulfilled",
        "in_progress",
        "planned",
        "suspended",
        "cancelled",
        "",
    }
    en = mirps(
        "status",
        "--country",
        "HN",
        "--format",
        "csv",
        "--lang",
        "en",
        "--plans",
        str(SHIPPED_PLANS),
    )
    first = next(csv.DictReader(io.StringIO(en.stdout)))
    assert list(first)[:4] == ["country", "id", "title", "status"] and first["overdue"] in {
        "True",
        "False",
    }


def test_an_unknown_id_is_said_in_words_that_agree_with_any_noun(mirps: Mirps) -> None:
    run = mirps("status", "2022:9.9", "--lang", "es", "--plans", str(SHIPPED_PLANS))
    assert run.exit_code == 2
    assert "no hay " in run.stderr and " con el id '2022:9.9'" in run.stderr
    assert "desconocido" not in run.stderr


def test_a_removed_status_entry_is_worded_in_the_review(mirps: Mirps, tmp_path: Path) -> None:
    import shutil

    old, new = tmp_path / "antes", tmp_path / "despues"
    shutil.copytree(SHIPPED_PLANS, old)
    shutil.copytree(SHIPPED_PLANS, new)
    hn = new / "national" / "HN.yaml"
    text = hn.read_text(encoding="utf-8")
    start = text.index("      - date: 2023-03\n")
    entry = text[start : text.index("\n    sources:\n", start) + 1]  # its own sources too
    hn.write_text(text.replace(entry, ""), encoding="utf-8")
    es = mirps("diff", str(old), str(new), "--lang", "es")
    said = "entrada de estado retirada: 2023-03, cumplido, Sanctioned and published in La Gaceta."
    assert f"    {said}\n" in es.stdout
    assert "sources" not in es.stdout and "status_history" not in es.stdout
    en = mirps("diff", str(old), str(new), "--lang", "en")
    assert (
        "    status entry removed: 2023-03, fulfilled, Sanctioned and published in La Gaceta.\n"
        in en.stdout
    )


def test_a_whole_number_is_written_as_babel_writes_it() -> None:
    """number() groups whole numbers itself (a workbook shows tens of thousands): the same
    text as Babel's CLDR patterns for en and es_419, huge and negative ones included."""
    import random

    from mirps_cli.i18n import _decimal, number

    rng = random.Random(7)
    values = [0, 1, -1, 999, 1000, -1000, 247090, 10**27, -(10**40), 2**63]
    values += [rng.randint(-(10**12), 10**12) for _ in range(2000)]
    for lang in ("en", "es"):
        assert [number(v, lang) for v in values] == [_decimal(v, lang) for v in values]
    assert number(247090, "es") == "247,090" and number(2.5, "es") == "2.5"
