"""Write a realistic synthetic plans tree of N commitments, for the speed benchmarks.

    python benchmarks/generate.py --commitments 10000 --out /tmp/plans-10k [--seed 1] [--heavy]

The seven members with uneven shares, text in both languages, status histories with
reported dates and reporters, milestones, indicators over time, budgets with instalments,
links to the shipped 2022 work plan (activities and working groups), and a few overdue and
stale commitments on purpose: the tree validates with warnings only. The same seed gives
the same tree, byte for byte. The shipped regional work plan is copied in.

`--heavy` writes the heavier shape the speed issue measured (about 2.6 kB of YAML a
commitment, 26 MB at 10,000): four dated status entries with notes, a description of two
paragraphs in both languages, three indicators with values, a budget line with a note. The
default shape is unchanged by it (about 1.5 kB a commitment).
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Uneven shares, roughly as the published plans differ in size.
SHARES = {"MX": 0.24, "HN": 0.2, "GT": 0.17, "CR": 0.14, "SV": 0.12, "PA": 0.08, "BZ": 0.05}
PILLARS = ["reception_admission", "immediate_needs", "host_communities", "durable_solutions"]
AREAS = ["protection", "jobs_livelihoods", "education", "health", "social_protection"]
POPULATIONS = ["refugees", "asylum_seekers", "internally_displaced", "returnees", "women"]
GROUPS = ["reception-admission", "internal-displacement", "local-governance", "jobs-livelihoods"]
ACTIVITIES = ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
WORDS = [
    "strengthen",
    "national",
    "asylum",
    "capacity",
    "registration",
    "protection",
    "referral",
    "pathways",
    "local",
    "integration",
    "livelihoods",
    "education",
    "access",
    "health",
    "services",
    "social",
    "programmes",
    "returnees",
    "documentation",
    "communities",
    "municipalities",
    "training",
    "officials",
    "information",
    "systems",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _commitment(rng: random.Random, code: str, n: int) -> list[str]:
    year = rng.randint(2018, 2024)
    lines = [
        f"  - id: {code}-{n:05d}",
        "    title:",
        f"      en: {_sentence(rng, 8)}",
        f"      es: {_sentence(rng, 9)}",
        f"    description: {_sentence(rng, 24)}.",
        f"    pillar: {rng.choice(PILLARS)}",
        f"    focus_areas: [{', '.join(rng.sample(AREAS, rng.randint(1, 2)))}]",
        f"    populations: [{', '.join(rng.sample(POPULATIONS, rng.randint(1, 3)))}]",
        "    responsible_institutions: [MIN]",
        f"    working_groups: [{rng.choice(GROUPS)}]",
        f'    activities: ["2022:{rng.choice(ACTIVITIES)}"]',
        f"    start: {year}-01",
    ]
    overdue = rng.random() < 0.03  # a few past their due date, on purpose
    lines.append(f"    due: {2025 if overdue else year + 6}-12")
    lines.append("    status_history:")
    lines += [
        f"      - date: {year}-03",
        "        status: planned",
        "        sources: ['https://example.org/plan']",
    ]
    if rng.random() < 0.9:  # the others go stale, on purpose
        lines += [
            f"      - date: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            f"        reported: 2026-1{rng.randint(0, 1)}",
            "        reporter: state",
            "        status: "
            + ("fulfilled" if rng.random() < 0.3 and not overdue else "in_progress"),
            f"        note: {_sentence(rng, 12)}.",
            "        sources: ['https://example.org/report']",
        ]
    if rng.random() < 0.2:
        lines += [
            "    milestones:",
            f"      - id: {code}-{n:05d}.1",
            f"        title: {_sentence(rng, 5)}",
            "        status_history:",
            f"          - date: {year + 1}",
            "            status: fulfilled",
        ]
    lines += [
        "    indicators:",
        f"      - name: {_sentence(rng, 4)}",
        f"        baseline: {rng.randint(0, 500)}",
        "        values:",
        f"          - value: {rng.randint(500, 50000)}",
        "            date: 2025",
        "            about: true",
        "    budget:",
        "      - funder: MIRPS Fund",
        f"        amount: {rng.randint(10, 500) * 1000}",
        "        currency: USD",
        "        kind: cash",
        f"        start: {year}",
        f"        end: {year + 2}",
        "        instalments:",
        f"          - date: {year}-06",
        "    sources: ['https://example.org/commitment']",
    ]
    return lines


def _paragraph(rng: random.Random) -> str:
    return ". ".join(_sentence(rng, rng.randint(5, 8)) for _ in range(2)) + "."


def _heavy_commitment(rng: random.Random, code: str, n: int) -> list[str]:
    """The heavier shape: what a full national plan's commitment holds."""
    year = rng.randint(2018, 2023)
    lines = [
        f"  - id: {code}-{n:05d}",
        "    title:",
        f"      en: {_sentence(rng, 7)}",
        f"      es: {_sentence(rng, 8)}",
        "    description:",
        "      en: |-",
        f"        {_paragraph(rng)}",
        "",
        f"        {_paragraph(rng)}",
        "      es: |-",
        f"        {_paragraph(rng)}",
        "",
        f"        {_paragraph(rng)}",
        f"    pillar: {rng.choice(PILLARS)}",
        f"    focus_areas: [{', '.join(rng.sample(AREAS, rng.randint(1, 2)))}]",
        f"    populations: [{', '.join(rng.sample(POPULATIONS, rng.randint(1, 3)))}]",
        "    responsible_institutions: [MIN]",
        f"    working_groups: [{rng.choice(GROUPS)}]",
        f'    activities: ["2022:{rng.choice(ACTIVITIES)}"]',
        f"    start: {year}-01",
        f"    due: {year + 6}-12",
        "    status_history:",
    ]
    statuses = [
        "planned",
        "in_progress",
        "in_progress",
        "fulfilled" if rng.random() < 0.3 else "in_progress",
    ]
    for k, status in enumerate(statuses):
        lines += [
            f"      - date: {year + k}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            f"        reported: {year + k}-1{rng.randint(0, 2)}",
            "        reporter: state",
            f"        status: {status}",
        ]
        if rng.random() < 0.8:  # notes on most entries
            lines.append(f"        note: {_sentence(rng, 8)}.")
        lines.append("        sources: ['https://example.org/report']")
    lines.append("    indicators:")
    for _ in range(3):
        lines += [
            f"      - name: {_sentence(rng, 5)}",
            f"        baseline: {rng.randint(0, 500)}",
            f"        target: {rng.randint(1000, 90000)}",
            "        values:",
            f"          - value: {rng.randint(500, 50000)}",
            f"            date: {year + 3}",
        ]
    lines += [
        "    budget:",
        "      - funder: MIRPS Fund",
        f"        amount: {rng.randint(10, 500) * 1000}",
        "        currency: USD",
        "        kind: cash",
        f"        start: {year}",
        f"        end: {year + 2}",
        f"        note: {_sentence(rng, 10)}.",
        "    sources: ['https://example.org/commitment']",
    ]
    return lines


def generate(commitments: int, out: Path, seed: int = 1, heavy: bool = False) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "national").mkdir(parents=True)
    shutil.copytree(REPO / "plans" / "regional", out / "regional")
    counts = {code: int(commitments * share) for code, share in SHARES.items()}
    counts["MX"] += commitments - sum(counts.values())
    for code, count in counts.items():
        lines = [
            f"country: {code}",
            "version_date: 2026-11",
            "language: en",
            "institutions:",
            "  - id: MIN",
            "    name: {en: Ministry, es: Ministerio}",
            "commitments:",
        ]
        shape = _heavy_commitment if heavy else _commitment
        for n in range(1, count + 1):
            lines += shape(rng, code, n)
        (out / "national" / f"{code}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--heavy", action="store_true", help="the heavier shape (2.6 kB each)")
    args = parser.parse_args()
    generate(args.commitments, args.out, args.seed, args.heavy)
    print(f"{args.commitments} commitments in {args.out}")


if __name__ == "__main__":
    main()
