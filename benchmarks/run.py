"""Time every command as a whole process at 100, 1,000 and 10,000 commitments, against the
floor (`python -c pass`), a bare typer app and, where it is installed, check-jsonschema;
write BENCHMARKS.md with the medians, min and max, peak memory and the machine's facts.

    python benchmarks/run.py [--sizes 100,1000,10000] [--runs 5] [--out BENCHMARKS.md]
                             [--only REGEX]

`--only` keeps the rows whose command name matches (the reference loop always runs), for a
run about one change: `--only 'report|docx'`.

A script, not a timed test: the machine drifts, so compare figures within one run.
The peer, check-jsonschema, validates the files mirps validates against the schema
`mirps schema` prints; it is measured only when `check-jsonschema` is on PATH (install it with
`pip install check-jsonschema ruamel.yaml.clib`, as a careful user would, so the ratio
does not flatter mirps).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parent.parent
MIRPS = [sys.executable, "-m", "mirps_cli"]
REFERENCE = [sys.executable, "-c", "s = 0\nfor i in range(20_000_000):\n    s += i"]
BARE_TYPER = (
    "import typer\n"
    "app = typer.Typer(add_completion=False, rich_markup_mode=None)\n"
    "@app.command()\n"
    "def main(plans: str = '') -> None:\n    '''A command.'''\n"
    "app()\n"
)


def measure(
    command: list[str],
    runs: int,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    together: bool = False,
) -> tuple[float, float, float, int]:
    """Median, min and max seconds, and the peak resident memory in MB, over `runs`. The
    kernel's peak is the largest process's; `together` samples every 20 ms the memory of the
    command and its children summed (PSS: a page they share counts once), for a command
    that works in two processes at once, and takes the larger."""
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        summed = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if together else 0)
            if pid:
                break
            summed = max(summed, _pss(process.pid))
            time.sleep(0.02)
        times.append(time.perf_counter() - start)
        # Linux reports KiB; the targets are in MB (10^6 bytes), so is the table (the runs
        # before 2026-12 divided by 1024 and so printed MiB under "MB", 5% less).
        peak = max(peak, usage.ru_maxrss * 1024 // 1_000_000, summed // 1_000_000)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed")
    return statistics.median(times), min(times), max(times), peak


def peer_checked(command: list[str]) -> list[str]:
    """The peer's command, once it has validated the files (exit 0): a peer that refuses
    the schema stops at once, and its time would flatter nobody but mislead everyone (on
    2026-12-04 check-jsonschema 0.39 refused a pattern of `mirps schema` and the run timed
    its refusal)."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        said = (done.stdout + done.stderr).strip().splitlines()
        raise SystemExit(f"the peer does not validate the files: {' '.join(said[:3])}")
    return command


def _pss(pid: int) -> int:
    """Bytes of memory a process and its children hold (Linux's proportional set size)."""
    total = 0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for one in [str(pid), *children]:
            for line in Path(f"/proc/{one}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return total


def scratch_repository(plans: Path, folder: Path) -> Path:
    """A git repository with two commits of the plans: the second changes one country."""
    repo = folder / "repo"
    shutil.copytree(plans, repo / "plans")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, env=env, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "one")
    pa = repo / "plans" / "national" / "PA.yaml"
    pa.write_text(pa.read_text().replace("status: planned", "status: in_progress", 5))
    # A tree too small to hold a planned commitment in PA still gets its second revision.
    git("commit", "-q", "--allow-empty", "-am", "two")
    return repo


def apart(work: Callable[[], object]) -> None:
    """`work` in a forked child, so that this process stays small: a command started later
    is forked from it, and the kernel's peak for the command counts this process's pages
    at the fork (until 8 December, openpyxl's and Babel's memory from filling the
    workbooks and the PO files showed as 125-181 MB in every smaller row after them)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("preparing a benchmark's input failed")


def filled_workbook(plans: Path, folder: Path, country: str, rows: int) -> tuple[Path, Path]:
    """A copy of `plans` and a workbook of `country` exported from it with `rows` rows
    filled as a team fills them (a status, a date, a note), for `mirps sheet import`."""
    # Named after the tree too: a run with --heavy fills one of each shape.
    copy = folder / f"sheet-{plans.name}-{country}-{rows}"
    shutil.copytree(plans, copy)
    book = folder / f"{plans.name}-{country}-{rows}.xlsx"
    apart(lambda: _fill_workbook(copy, book, country, rows))
    return copy, book


def _fill_workbook(copy: Path, book: Path, country: str, rows: int) -> None:
    import openpyxl

    subprocess.run(
        [*MIRPS, "sheet", "export", "-c", country, "-o", str(book), "--plans", str(copy)],
        check=True,
        capture_output=True,
    )
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.worksheets[1]
    header = {cell.value: cell.column for cell in sheet[1]}
    status, date, note = (header[h] for h in ("Nuevo estado", "Fecha", "Nota"))
    for n, row in enumerate(range(2, min(sheet.max_row, rows + 1) + 1)):
        sheet.cell(row, status).value = "en curso"
        sheet.cell(row, date).value = f"2026-11-{1 + n % 28:02d}"
        sheet.cell(row, note).value = f"Avance {n}."
    workbook.save(book)


def translated_po(plans: Path, folder: Path) -> Path:
    """A PO file of every text of `plans` lacking Spanish, each translated (as "ES" and its
    source), as a translator sends it back."""
    po = folder / f"es-{plans.name}.po"
    subprocess.run(
        [*MIRPS, "translations", "export", "--lang", "es", "-o", str(po), "--plans", str(plans)],
        check=True,
        capture_output=True,
    )
    done = po.with_name(f"es-{plans.name}-done.po")
    apart(lambda: _translate(po, done))
    return done


def _translate(po: Path, done: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with po.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        if message.id:
            message.string = f"ES {message.id}"
    with done.open("wb") as stream:
        write_po(stream, catalog)


def import_fresh(plans: Path, po: Path, folder: Path) -> list[str]:
    """`mirps translations import` on a fresh copy of the plans at every run (a second
    import of the same file writes nothing): the copy's time is in the figure."""
    copy = folder / f"translated-{plans.name}"
    script = (
        f"rm -rf '{copy}' && cp -r '{plans}' '{copy}' && "
        f"{' '.join(MIRPS)} translations import '{po}' --plans '{copy}'"
    )
    return ["sh", "-c", script]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    # A run of 70 ms swings by a tenth from one start to the next: the start-up rows (and
    # the shipped plans, where start-up is most of a run) take more runs for their median.
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--only", default=None, help="run only the rows whose name matches")
    # The heavier shape the speed issue measured (generate.py --heavy): about 2.6 kB a
    # commitment where the default is 1.5 kB. Its rows are labelled "10,000 heavy".
    parser.add_argument("--heavy", action="store_true", help="measure the heavier tree too")
    args = parser.parse_args()
    import re

    only = re.compile(args.only) if args.only else None
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, str, float, float, float, int]] = []

    def record(
        size: str,
        name: str,
        command: list[str],
        cwd: Path | None = None,
        cold: bool = False,
        runs: int | None = None,
        together: bool = False,
    ) -> None:
        if only is not None and not only.search(name) and not name.startswith("reference"):
            return
        env = {**os.environ, "MIRPS_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1764633600"}
        # As installed: with bytecode. Without it every start compiles mirps from source
        # while typer and the peer, installed by pip, load compiled; the ratio would lie.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if cold:
            env["MIRPS_NO_CACHE"] = "1"
        else:  # with files unchanged since the last run: the cache is warm
            # Its output to nowhere: captured here it stays in this process's memory (at
            # 10,000 commitments `export` prints tens of MB), which the kernel counts in the
            # peak of every command forked after it.
            subprocess.run(
                command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        median, low, high, peak = measure(command, runs or args.runs, cwd, env, together)
        rows.append((size, name, median, low, high, peak))
        print(
            f"{size:>8} {name:<38} {median * 1000:8.0f} ms  "
            f"({low * 1000:.0f}–{high * 1000:.0f})  {peak} MB",
            flush=True,
        )

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "mirps_cli")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        bare = folder / "bare.py"
        bare.write_text(BARE_TYPER)
        # The machine drifts (the same loop has taken 1.2 s and 2.2 s within an hour): a
        # fixed pure-Python loop at the start and at the end says how fast it ran.
        record("—", "reference loop (start)", REFERENCE)
        quick = args.startup_runs
        record("—", "python -c pass", [sys.executable, "-c", "pass"], runs=quick)
        record("—", "bare typer app --help", [sys.executable, str(bare), "--help"], runs=quick)
        record("—", "mirps --help", [*MIRPS, "--help"], runs=quick)
        record("—", "mirps --version", [*MIRPS, "--version"], runs=quick)
        shipped = REPO / "plans"
        shipped_validate = [*MIRPS, "validate", "--plans", str(shipped)]
        record("shipped", "validate (cold)", shipped_validate, cold=True, runs=quick)
        record("shipped", "validate (files unchanged)", shipped_validate, runs=quick)
        # The report's formats: Markdown draws no picture; HTML and Word draw the charts
        # (matplotlib's import is most of the difference), Word writes the document too.
        drafts = folder / "drafts"
        drafts.mkdir()
        for fmt in ("markdown", "html", "docx"):
            out = drafts / f"shipped.{fmt}"
            command = [*MIRPS, "report", "--plans", str(shipped), "--format", fmt, "-o", str(out)]
            record("shipped", f"report --format {fmt} (cold)", command, cold=True, runs=quick)
        # The public site, both languages (a forked child writes the second): every page.
        site = [*MIRPS, "site", "-o", str(folder / "site-shipped"), "--plans", str(shipped)]
        record("shipped", "site (cold)", site, cold=True, runs=quick, together=True)
        record("shipped", "site (files unchanged)", site, runs=quick, together=True)
        # The national teams' workbooks: one country's out and back in (the import as a dry
        # run, which does all but write, so that every run imports the same rows).
        sheets = folder / "sheets"
        sheets.mkdir()
        record(
            "shipped",
            "sheet export --country HN (cold)",
            [
                *MIRPS,
                "sheet",
                "export",
                "-c",
                "HN",
                "-o",
                str(sheets / "HN.xlsx"),
                "--plans",
                str(shipped),
            ],
            cold=True,
            runs=quick,
        )
        copy, book = filled_workbook(shipped, folder, "HN", 5)
        record(
            "shipped",
            "sheet import, 5 rows (cold)",
            [*MIRPS, "sheet", "import", str(book), "--dry-run", "--plans", str(copy)],
            cold=True,
            runs=quick,
        )
        po = translated_po(shipped, folder)
        record(
            "shipped",
            "translations export (cold)",
            [
                *MIRPS,
                "translations",
                "export",
                "-o",
                str(folder / "es.po"),
                "--plans",
                str(shipped),
            ],
            cold=True,
            runs=quick,
        )
        record(
            "shipped",
            "translations import, copy included (cold)",
            import_fresh(shipped, po, folder),
            cold=True,
            runs=quick,
        )
        peer = shutil.which("check-jsonschema")
        schemas: dict[str, Path] = {}
        if peer:
            # The comparison: the schema `mirps schema` prints (every kind of plan
            # file) on the very files mirps validates. The national schema on the national
            # files alone is kept beside it, as measured in the runs before 2026-12.
            for kind, name in (("all", "every"), ("national", "national")):
                schemas[name] = folder / f"{name}.schema.json"
                schemas[name].write_text(
                    subprocess.run(
                        [*MIRPS, "schema", "--kind", kind],
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                )
            every = [str(p) for p in sorted(shipped.glob("*/*.yaml"))]
            national = [str(p) for p in sorted((shipped / "national").glob("*.yaml"))]
            record(
                "shipped",
                "check-jsonschema (the same files)",
                peer_checked([peer, "--schemafile", str(schemas["every"]), *every]),
                runs=quick,
            )
            record(
                "shipped",
                "check-jsonschema (national files)",
                peer_checked([peer, "--schemafile", str(schemas["national"]), *national]),
                runs=quick,
            )
        shapes = [(size, False) for size in sizes]
        if args.heavy:
            shapes += [(size, True) for size in sizes]
        for size, heavy in shapes:
            plans = folder / f"plans-{size}{'-heavy' if heavy else ''}"
            apart(partial(generate, size, plans, heavy=heavy))
            label = f"{size:,}" + (" heavy" if heavy else "")
            p = ["--plans", str(plans)]
            for name, command in (
                ("validate", [*MIRPS, "validate", *p]),
                ("status", [*MIRPS, "status", *p]),
                ("status --country MX", [*MIRPS, "status", "--country", "MX", *p]),
                ("timeline", [*MIRPS, "timeline", *p]),
                ("export", [*MIRPS, "export", *p]),
                ("report", [*MIRPS, "report", *p]),
                ("report --format html", [*MIRPS, "report", "--format", "html", *p]),
                (
                    "report --format docx",
                    [*MIRPS, "report", "--format", "docx", "-o", str(folder / "d.docx"), *p],
                ),
            ):
                record(label, f"{name} (cold)", command, cold=True)
                record(label, f"{name} (files unchanged)", command)
            site = [*MIRPS, "site", "-o", str(folder / f"site-{size}"), *p]
            record(label, "site (cold)", site, cold=True, together=True)
            record(label, "site (files unchanged)", site, together=True)
            out = folder / f"sheets-{size}{'-heavy' if heavy else ''}"
            export_all = [*MIRPS, "sheet", "export", "-o", str(out), *p]
            record(label, "sheet export, every member (cold)", export_all, cold=True)
            record(label, "sheet export, every member (files unchanged)", export_all)
            if size >= 10_000 and (only is None or only.search("sheet import")):
                copy, book = filled_workbook(plans, folder, "MX", 1000)
                imported = [*MIRPS, "sheet", "import", str(book), "--dry-run", "--plans", str(copy)]
                record(label, "sheet import, 1,000 rows (cold)", imported, cold=True)
                record(label, "sheet import, 1,000 rows (files unchanged)", imported)
            if only is None or only.search("translations"):
                record(
                    label,
                    "translations export (cold)",
                    [*MIRPS, "translations", "export", "-o", str(folder / "big.po"), *p],
                    cold=True,
                )
                if size >= 10_000:
                    big = translated_po(plans, folder)
                    record(
                        label,
                        "translations import, copy included (cold)",
                        import_fresh(plans, big, folder),
                        cold=True,
                    )
            repo = scratch_repository(plans, folder / f"git-{size}{'-heavy' if heavy else ''}")
            diff = [*MIRPS, "diff", "HEAD~1..HEAD", "--plans", str(repo / "plans")]
            record(label, "diff HEAD~1..HEAD (cold)", diff, cwd=repo, cold=True)
            record(label, "diff HEAD~1..HEAD (files unchanged)", diff, cwd=repo)
            if peer:
                every = [str(p) for p in sorted(plans.glob("*/*.yaml"))]
                record(
                    label,
                    "check-jsonschema (the same files)",
                    peer_checked([peer, "--schemafile", str(schemas["every"]), *every]),
                )

        record("—", "reference loop (end)", REFERENCE)

    from mirps_cli.yaml import is_c_parser_active

    lines = [
        "# mirps benchmarks",
        "",
        f"Written by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d')}: "
        f"{os.cpu_count()} cores, "
        f"Python {platform.python_version()} on {platform.system()}, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}, YAML parser: "
        + (
            "ruamel.yaml with its C extension"
            if is_c_parser_active()
            else "ruamel.yaml in pure Python"
        )
        + ". "
        f"Median of {args.runs} runs of each command as a whole process ({args.startup_runs} for "
        "the start-up rows and the shipped plans), with min–max and the peak "
        "resident memory. The machine drifts: compare within one run, and read the reference "
        "loop's time at its start and end (the same loop, the same Python) to compare runs.",
        "",
        "| commitments | command | median ms | min–max ms | peak MB |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {s} | {n} | {m * 1000:.0f} | {lo * 1000:.0f}–{hi * 1000:.0f} | {mb} |"
        for s, n, m, lo, hi, mb in rows
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
