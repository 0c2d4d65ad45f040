"""Time `mirps validate` from a cold start, as a hook on every commit would run it.

Compares, in one run (the machine drifts, so only ratios within a run mean much):
  - python -c pass                        the interpreter alone
  - import typer, pydantic                the fixed cost of the stack
  - mirps --version                       mirps's own start-up
  - mirps validate on the shipped plans
  - mirps validate on 7 × 50 generated commitments
  - mirps status on the shipped plans     (imports rich and Babel)

Usage: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def generated_tree(folder: Path, per_country: int) -> Path:
    """A generated tree with about `per_country` commitments in each national plan."""
    return generate(per_country * 7, folder / "plans")


def timed(command: list[str], runs: int) -> float:
    """Median wall time of `runs` runs, in milliseconds."""
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    python = sys.executable
    mirps = [python, "-m", "mirps_cli"]
    with tempfile.TemporaryDirectory() as folder:
        big = generated_tree(Path(folder), 50)
        cases = {
            "python -c pass": [python, "-c", "pass"],
            "import typer, pydantic": [python, "-c", "import typer, pydantic; pydantic.BaseModel"],
            "mirps --version": [*mirps, "--version"],
            "validate (shipped plans)": [*mirps, "validate", "--plans", str(REPO / "plans")],
            "validate (7 x 50 commitments)": [*mirps, "validate", "--plans", str(big)],
            "status (shipped plans)": [*mirps, "status", "--plans", str(REPO / "plans")],
        }
        results = {name: timed(command, args.runs) for name, command in cases.items()}
    base = results["python -c pass"]
    print(f"{'':32} {'median ms':>10} {'x python':>9}")
    for name, ms in results.items():
        print(f"{name:32} {ms:10.0f} {ms / base:9.1f}")


if __name__ == "__main__":
    main()
