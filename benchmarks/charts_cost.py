"""What the report's charts add to a draft: each format drawn on the shipped plans as a
whole process, with its charts and with a stand-in that draws nothing (matplotlib never
imported), medians of N runs each, the runs alternated so that the machine's drift falls on
both alike.

    python benchmarks/charts_cost.py [--runs 9]

A script, not a timed test: compare within one run.
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

# A process that runs `mirps report` with its charts drawn by a stand-in: an empty SVG, a
# PNG of one pixel.
STAND_IN = """
import struct, sys, zlib
import mirps_cli.output.charts as charts

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

PIXEL = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
PIXEL += chunk(b"IDAT", zlib.compress(b"\\x00\\xff\\xff\\xff")) + chunk(b"IEND", b"")
charts.draw = lambda chart, picture: b"<svg></svg>" if picture == "svg" else PIXEL
from mirps_cli.cli.main import main
sys.argv = ["mirps", *sys.argv[1:]]
main()
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("html", "docx"):
            out = str(Path(folder) / f"draft.{fmt}")
            report = ["report", "--format", fmt, "-o", out, "--plans", str(REPO / "plans")]
            drawn = [sys.executable, "-m", "mirps_cli", *report]
            without = [sys.executable, "-c", STAND_IN, *report]
            times: dict[str, list[float]] = {"drawn": [], "without": []}
            for _ in range(args.runs):
                times["drawn"].append(timed(drawn))
                times["without"].append(timed(without))
            with_charts = statistics.median(times["drawn"])
            bare = statistics.median(times["without"])
            print(
                f"report --format {fmt}: {with_charts * 1000:.0f} ms with its charts, "
                f"{bare * 1000:.0f} ms without: the charts add {(with_charts - bare) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
