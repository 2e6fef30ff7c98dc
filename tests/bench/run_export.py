"""PRD export benchmark: time and peak memory of pmdesk's exports (.md, .docx, and
.pdf once `prd_export.FORMATS` has it), optionally against pandoc.

    python -m tests.bench.run_export                 # 1,000 and 10,000 requirements
    python -m tests.bench.run_export --sizes 1000    # choose the sizes
    python -m tests.bench.run_export --formats md,docx  # choose the formats
    python -m tests.bench.run_export --profile DIR   # also cProfile each pmdesk export
    python -m tests.bench.run_export --pandoc        # also pandoc on pmdesk's .md

For each size: a synthetic project (tests/bench/synth.py) is exported in every
format, each run (--repeats) a full `export_prd` (read the project, build the
document, render, write atomically) in a fresh interpreter, so its peak memory
(the RSS high-water) is that export's alone. The time excludes the interpreter
start and imports (the roadmap picture's Qt modules too, loaded in the window
already); the CPU time is reported beside it, steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

GOALS = {
    "ratio": 0.25,  # .docx export ÷ pandoc on the same content
    "seconds-10000": 5.0,  # every format, 10,000 requirements
    "mib-10000": 300.0,
    "md-1000": 0.5,
}
MIB = 1024 * 1024


def formats(wanted: str | None = None) -> list[str]:
    """What `export_prd` writes (.md, .docx, .pdf), or those of `wanted` ("md,docx")."""
    from pmdesk.export import prd_export

    chosen = wanted.split(",") if wanted else ["md", "docx", "pdf"]
    return [f for f in chosen if f in prd_export.FORMATS]


def child(fmt: str, project: Path, target: Path, profile: Path | None) -> dict[str, float]:
    """One export in this (fresh) process: its wall time, the process's RSS high-water."""
    import resource

    from pmdesk.core.storage.projectfile import open_readonly
    from pmdesk.export.prd_build import ExportOptions
    from pmdesk.export.prd_export import export_prd

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a renderer may draw with Qt

    def peak() -> float:  # ru_maxrss is in KiB on Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB

    # Loaded on first use by the export (Qt draws the roadmap picture): loaded here,
    # as in the window, so the time is the export's work (about 0.25 s more in a
    # fresh `pmdesk export`).
    import pmdesk.export.roadmap_picture  # noqa: F401

    store = open_readonly(project)
    try:
        with store.engine.connect() as conn:
            options = ExportOptions(language="zh")
            before = peak()
            started, cpu = time.perf_counter(), time.process_time()
            if profile is not None:
                cProfile.runctx(
                    "export_prd(conn, fmt, target, options)", globals(), locals(), str(profile)
                )
            else:
                export_prd(conn, fmt, target, options)
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
    finally:
        store.dispose()
    size = target.stat().st_size
    return {"seconds": seconds, "cpu": cpu, "peak": peak(), "before": before, "bytes": size}


def run_child(fmt: str, project: Path, target: Path, profile: Path | None) -> dict[str, float]:
    command = [sys.executable, "-m", "tests.bench.run_export", "--child", fmt, str(project)]
    command += [str(target)] + (["--profile", str(profile)] if profile is not None else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(
    size: int,
    folder: Path,
    repeats: int,
    profile: Path | None,
    pandoc: bool,
    wanted: str | None = None,
) -> dict[str, float]:
    """Each format `repeats` times, every run in a fresh interpreter: the best time,
    the highest peak memory of those runs."""
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.snapshot.convert import dumps, loads
    from tests.bench.synth import generate

    print(f"[{size}] generating the project", file=sys.stderr)
    project = folder / f"bench-{size}.pmdesk"
    if not project.exists():
        import_snapshot(loads(dumps(generate(size))), project)
    results: dict[str, float] = {}
    for fmt in formats(wanted):
        target = folder / f"bench-{size}.{fmt}"
        runs = []
        for n in range(repeats):
            print(f"[{size}] exporting {fmt} ({n + 1}/{repeats})", file=sys.stderr)
            runs.append(run_child(fmt, project, target, None))
        if profile is not None:  # a run of its own: the profiler slows it down
            run_child(fmt, project, target, profile / f"export-{fmt}-{size}.prof")
        results[fmt] = min(r["seconds"] for r in runs)
        results[f"{fmt}-cpu"] = min(r["cpu"] for r in runs)
        results[f"{fmt}-mib"] = max(r["peak"] for r in runs)
        results[f"{fmt}-base-mib"] = min(r["before"] for r in runs)
        results[f"{fmt}-bytes"] = runs[-1]["bytes"]
    if pandoc and shutil.which("pandoc") is not None and "docx" in results:
        print(f"[{size}] pandoc md → docx", file=sys.stderr)
        source, out = folder / f"bench-{size}.md", folder / f"bench-{size}-pandoc.docx"
        started = time.perf_counter()
        subprocess.run(
            ["pandoc", "-f", "gfm", "-t", "docx", "-o", str(out), str(source)],
            check=True,
            cwd=folder,
        )
        results["pandoc"] = time.perf_counter() - started
        results["ratio"] = results["docx"] / results["pandoc"]
    return results


def verdict(value: float, goal: float | None) -> str:
    if goal is None:
        return ""
    return "met" if value <= goal else "**missed**"


def report(all_results: dict[int, dict[str, float]]) -> str:
    names = {"md": ".md", "docx": ".docx", "pdf": ".pdf"}
    shown = [f for f in ("md", "docx", "pdf") if any(f in r for r in all_results.values())]
    head = " | ".join(f"{names[f]} time | {names[f]} peak" for f in shown)
    lines = [
        f"| requirements | {head} | pandoc md → docx |",
        "| ---: |" + " ---: | ---: |" * len(shown) + " ---: |",
    ]
    for size, r in all_results.items():
        cells = []
        for f in shown:
            seconds_goal = GOALS.get(f"{f}-{size}", GOALS.get(f"seconds-{size}"))
            mib_goal = GOALS.get(f"mib-{size}")
            words = [f"{r[f]:.2f} s", verdict(r[f], seconds_goal)]
            if f + "-cpu" in r:  # on a shared machine the wall time waits for a core
                cpu = " ".join(
                    filter(None, [f"{r[f + '-cpu']:.2f} s", verdict(r[f + "-cpu"], seconds_goal)])
                )
                words.append(f"(CPU {cpu})")
            cells.append(" ".join(filter(None, words)))
            cells.append(f"{r[f + '-mib']:.0f} MiB {verdict(r[f + '-mib'], mib_goal)}".strip())
        pandoc = f"{r['pandoc']:.1f} s ({r['ratio']:.3f})" if "pandoc" in r else "—"
        lines.append(f"| {size:,} | " + " | ".join(cells) + f" | {pandoc} |")
    lines.append("")
    lines.append(
        "Time: `export_prd` alone (interpreter start and imports excluded), best of the runs, "
        "and the least CPU time of the runs (steadier when the machine is shared); "
        "peak: the RSS high-water of the process that ran it (a fresh one per run), imports "
        "included. Goals: 10,000 requirements < 5 s and < 300 MiB in every format; "
        "1,000 to .md < 0.5 s (each judged on the wall time and on the CPU time)."
    )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.bench.run_export")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--formats", help="only these, comma-separated (md,docx,pdf)")
    p.add_argument("--workdir", type=Path, help="keep the projects and exports here")
    p.add_argument("--profile", type=Path, help="write cProfile stats of each export here")
    p.add_argument("--json", type=Path, help="write the raw figures here")
    p.add_argument("--pandoc", action="store_true", help="also time pandoc (18 min at 10,000)")
    p.add_argument(
        "--child", nargs=3, metavar=("FORMAT", "PROJECT", "TARGET"), help=argparse.SUPPRESS
    )
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child is not None:
        fmt, project, target = args.child
        print(json.dumps(child(fmt, Path(project), Path(target), args.profile)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="pmdesk-export-bench-") as tmp:
        folder = args.workdir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["PMDESK_DATA_DIR"] = str(folder / "data")
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
        results = {
            size: measure(size, folder, args.repeats, args.profile, args.pandoc, args.formats)
            for size in sizes
        }
    print(report(results))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2))
    if args.profile is not None:
        from tests.bench.run_foundation import print_profiles

        print_profiles(args.profile, pattern="export-*.prof")
    return 0


if __name__ == "__main__":
    sys.exit(main())
