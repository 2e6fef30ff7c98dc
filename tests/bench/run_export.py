"""PRD export benchmark: pmdesk's .docx and .md exports against pandoc.

    python -m tests.bench.run_export                 # 1,000 and 10,000 requirements
    python -m tests.bench.run_export --sizes 1000    # choose the sizes
    python -m tests.bench.run_export --profile DIR   # also cProfile each pmdesk export

For each size: a synthetic project (tests/bench/synth.py) is exported to .docx and
to .md (best of --repeats, each a full `export_prd`: read the project, build the
document, render, write atomically); then pandoc converts pmdesk's own .md export
of the same project to .docx, so both produce a Word file from the same content.
The ratio pmdesk-docx ÷ pandoc is the figure the goal is set on.
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
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

GOALS = {
    "ratio": 0.25,  # .docx export ÷ pandoc on the same content
    "docx-10000": 10.0,
    "md-1000": 0.5,
}


def best_of(repeats: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(size: int, folder: Path, repeats: int, profile: Path | None) -> dict[str, float]:
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.snapshot.convert import dumps, loads
    from pmdesk.core.storage.projectfile import open_readonly
    from pmdesk.export.prd_build import ExportOptions
    from pmdesk.export.prd_export import export_prd
    from tests.bench.synth import generate

    print(f"[{size}] generating the project", file=sys.stderr)
    project = folder / f"bench-{size}.pmdesk"
    if not project.exists():
        import_snapshot(loads(dumps(generate(size))), project)
    store = open_readonly(project)
    results: dict[str, float] = {}
    try:
        with store.engine.connect() as conn:
            for fmt in ("docx", "md"):
                target = folder / f"bench-{size}.{fmt}"
                options = ExportOptions(language="zh")
                print(f"[{size}] exporting {fmt}", file=sys.stderr)
                results[fmt] = best_of(repeats, partial(export_prd, conn, fmt, target, options))
                results[f"{fmt}-bytes"] = target.stat().st_size
                if profile is not None:
                    profiler = cProfile.Profile()
                    profiler.runcall(export_prd, conn, fmt, target, options)
                    profiler.dump_stats(str(profile / f"export-{fmt}-{size}.prof"))
    finally:
        store.dispose()
    pandoc = shutil.which("pandoc")
    if pandoc is not None:
        print(f"[{size}] pandoc md → docx", file=sys.stderr)
        source, out = folder / f"bench-{size}.md", folder / f"bench-{size}-pandoc.docx"
        results["pandoc"] = best_of(
            1,
            lambda: subprocess.run(
                [pandoc, "-f", "gfm", "-t", "docx", "-o", str(out), str(source)],
                check=True,
                cwd=folder,
            ),
        )
        results["ratio"] = results["docx"] / results["pandoc"]
    return results


def verdict(value: float, goal: float | None) -> str:
    if goal is None:
        return ""
    return "met" if value <= goal else "**missed**"


def report(all_results: dict[int, dict[str, float]]) -> str:
    lines = [
        "| requirements | .docx export | .md export | pandoc md → docx | docx ÷ pandoc |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, r in all_results.items():
        pandoc = f"{r['pandoc']:.2f} s" if "pandoc" in r else "not installed"
        ratio = f"{r['ratio']:.3f} ({verdict(r['ratio'], GOALS['ratio'])})" if "ratio" in r else ""
        docx_goal = GOALS.get(f"docx-{size}")
        md_goal = GOALS.get(f"md-{size}")
        docx = f"{r['docx']:.2f} s {verdict(r['docx'], docx_goal)}".strip()
        md = f"{r['md']:.3f} s {verdict(r['md'], md_goal)}".strip()
        lines.append(f"| {size:,} | {docx} | {md} | {pandoc} | {ratio} |")
    lines.append("")
    lines.append(
        "Goals: .docx ≤ 0.25 × pandoc on the same content; 10,000 requirements to .docx < 10 s; "
        "1,000 to .md < 0.5 s."
    )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.bench.run_export")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--workdir", type=Path, help="keep the projects and exports here")
    p.add_argument("--profile", type=Path, help="write cProfile stats of each export here")
    p.add_argument("--json", type=Path, help="write the raw figures here")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="pmdesk-export-bench-") as tmp:
        folder = args.workdir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["PMDESK_DATA_DIR"] = str(folder / "data")
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
        results = {size: measure(size, folder, args.repeats, args.profile) for size in sizes}
    print(report(results))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2))
    if args.profile is not None:
        from tests.bench.run_foundation import print_profiles

        print_profiles(args.profile, pattern="export-*.prof")
    return 0


if __name__ == "__main__":
    sys.exit(main())
