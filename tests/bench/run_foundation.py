"""Foundation benchmark: import, open, load, edit and save at 10,000 and 100,000 requirements.

Run from the repository root:

    python -m tests.bench.run_foundation                  # 10,000 and 100,000
    python -m tests.bench.run_foundation --quick          # 10,000 only, fewer repeats
    python -m tests.bench.run_foundation --sizes 10000,100000 --profile /tmp/prof

Each step runs in a fresh subprocess per size, so every peak RSS figure belongs to
one process and nothing earlier inflates it. Everything is written to a temporary
folder (PMDESK_DATA_DIR points into it), never to the user's pmdesk folder.
See README.md beside this file for what each number means.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[2]
Json = dict[str, Any]

# Goals in seconds, by size; a size without a goal is reported for information only.
IMPORT_GOAL = {10_000: 1.0, 100_000: 6.0}
OPEN_GOAL = {10_000: 0.2, 100_000: 1.0}
SAVE_GOAL = {10_000: 0.5}
EDIT_MEDIAN_GOAL = 0.005  # any size
TREE_REFERENCE = {100_000: 0.26}  # loading 100k rows as columns, measured elsewhere
EDIT_WARMUP = 5


# -- measuring helpers (used inside the worker processes) ----------------------------------


def peak_rss_mib() -> float:
    """This process's peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Profiler:
    """Optionally profile named steps with cProfile, one .prof file per step."""

    def __init__(self, prefix: str | None) -> None:
        self.prefix = prefix

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        if self.prefix is None:
            yield
            return
        profile = cProfile.Profile()
        profile.enable()
        try:
            yield
        finally:
            profile.disable()
            profile.dump_stats(f"{self.prefix}-{name}.prof")


T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


# -- workers: each runs in its own process and prints one JSON line -----------------------


def work_generate(args: argparse.Namespace) -> Json:
    from pmdesk.core.snapshot.convert import dumps
    from tests.bench.synth import generate

    seconds, snapshot = _timed(lambda: generate(args.size))
    text = dumps(snapshot)
    Path(args.snapshot).write_text(text, encoding="utf-8")
    return {
        "seconds": seconds,
        "bytes": len(text.encode("utf-8")),
        "links": len(snapshot["links"]),
        "epics": len(snapshot["requirements"]),
    }


def work_import(args: argparse.Namespace) -> Json:
    """One import of the snapshot file, as `pmdesk import` does it (or split into phases)."""
    from pmdesk.core.newproject.from_snapshot import (
        import_snapshot,
        import_snapshot_file,
        read_snapshot_text,
    )
    from pmdesk.core.snapshot.convert import loads

    source, target = Path(args.snapshot), Path(args.target)
    prof = Profiler(args.profile)
    out: Json = {}
    if args.phases:
        # The same three calls import_snapshot_file makes, timed one by one.
        read, text = _timed(lambda: read_snapshot_text(source))
        check, snapshot = _timed(lambda: loads(text))
        del text
        write, count = _timed(lambda: import_snapshot(snapshot, target, replace=True))
        out |= {"read": read, "check": check, "write": write, "seconds": read + check + write}
    else:
        with prof.step("import"):
            seconds, count = _timed(lambda: import_snapshot_file(source, target, replace=True))
        out["seconds"] = seconds
    out |= {"count": count, "bytes": target.stat().st_size, "rss_mib": peak_rss_mib()}
    return out


def work_session(args: argparse.Namespace) -> Json:
    """Open, load the tree, edit and save, as the app does with one project."""
    from pmdesk.core.ops import Update
    from pmdesk.core.queries.requirements import tree_rows
    from pmdesk.core.storage.workingcopy import WorkingCopy

    target, data_dir = Path(args.target), Path(args.data_dir)
    prof = Profiler(args.profile)
    repeats = args.repeats

    def open_copy() -> WorkingCopy:
        return WorkingCopy.open(target, data_dir=data_dir, user="bench")

    opens = []
    with prof.step("open"):
        for i in range(repeats):
            seconds, wc = _timed(open_copy)
            opens.append(seconds)
            if i < repeats - 1:
                wc.close(discard=True)

    def load() -> list[Any]:
        with wc.store.engine.connect() as conn:
            return tree_rows(conn)

    trees = []
    rows: list[Any] = []
    with prof.step("tree"):
        for _ in range(repeats):
            del rows[:]  # drop the previous load first, so peak RSS counts one tree
            seconds, rows = _timed(load)
            trees.append(seconds)
    if len(rows) != args.size:
        raise SystemExit(f"tree_rows gave {len(rows)} rows, expected {args.size}")
    uids = [row[0] for row in rows]
    del rows

    rng = random.Random(args.size)
    run = os.urandom(3).hex()  # new titles even when the same file is benchmarked again

    def edit(n: int) -> float:
        uid = rng.choice(uids)
        op = Update("requirement", uid, {"title": f"基准编辑 {run}-{n} · bench edit"})
        seconds, applied = _timed(lambda: wc.apply(op))
        if not applied.effects:
            raise SystemExit(f"edit {n} changed nothing")
        return seconds

    for n in range(EDIT_WARMUP):
        edit(-1 - n)
    with prof.step("edit"):
        edits = [edit(n) for n in range(args.edits)]
    expected = EDIT_WARMUP + args.edits
    if wc.unsaved_edits() != expected:
        raise SystemExit(f"history has {wc.unsaved_edits()} new entries, expected {expected}")

    saves = []
    with prof.step("save"):
        for i in range(repeats):
            if i:
                edit(10_000 + i)  # something new to publish each time
            seconds, _ = _timed(wc.save)
            saves.append(seconds)
    if wc.unsaved_edits() != 0:
        raise SystemExit("save left unsaved edits")
    wc.close(discard=True)
    return {
        "open": opens,
        "tree": trees,
        "edits": edits,
        "save": saves,
        "work_bytes": target.stat().st_size,
        "rss_mib": peak_rss_mib(),
    }


WORKERS: dict[str, Callable[[argparse.Namespace], Json]] = {
    "generate": work_generate,
    "import": work_import,
    "session": work_session,
}


# -- the driver: runs the workers and prints the table --------------------------------------


@dataclass(frozen=True)
class Row:
    step: str
    size: int
    measured: str
    goal: str
    result: str


class Driver:
    def __init__(self, workdir: Path, repeats: int, edits: int, profile: Path | None) -> None:
        self.workdir = workdir
        self.repeats = repeats
        self.edits = edits
        self.profile = profile
        self.env = os.environ | {
            "PMDESK_DATA_DIR": str(workdir / "data"),
            "PMDESK_USER": "bench",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }

    def worker(self, name: str, *options: str) -> Json:
        cmd = [sys.executable, "-m", "tests.bench.run_foundation", "--worker", name, *options]
        done = subprocess.run(
            cmd, cwd=REPO, env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"benchmark worker failed: {' '.join(cmd)}")
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    def run_size(self, size: int) -> Json:
        folder = self.workdir / f"n{size}"
        folder.mkdir(parents=True, exist_ok=True)
        snapshot, target = folder / "snapshot.json", folder / "project.pmdesk"
        common = ["--size", str(size), "--snapshot", str(snapshot), "--target", str(target)]

        log(f"[{size:,}] generating the snapshot …")
        generated = self.worker("generate", *common)
        log(f"[{size:,}] {generated['bytes'] / 1e6:.0f} MB JSON; importing ×{self.repeats} …")
        imports = [self.worker("import", *common) for _ in range(self.repeats)]
        phases = self.worker("import", *common, "--phases")

        log(f"[{size:,}] `pmdesk import` from the command line …")
        cli = [sys.executable, "-m", "pmdesk", "import", str(target), "--from", str(snapshot)]
        start = time.perf_counter()
        subprocess.run(
            [*cli, "--replace"], cwd=REPO, env=self.env, check=True, stdout=subprocess.DEVNULL
        )
        cli_seconds = time.perf_counter() - start

        log(f"[{size:,}] open, load tree, {self.edits} edits, save …")
        session_options = [
            *common,
            "--data-dir",
            str(self.workdir / "data"),
            "--repeats",
            str(self.repeats),
            "--edits",
            str(self.edits),
        ]
        session = self.worker("session", *session_options)

        if self.profile is not None:
            log(f"[{size:,}] profiling (separate runs; timings above are unprofiled) …")
            prefix = str(self.profile / f"n{size}")
            self.worker("import", *common, "--profile", prefix)
            self.worker("session", *session_options, "--profile", prefix)
        return {
            "size": size,
            "generated": generated,
            "imports": imports,
            "phases": phases,
            "cli_import": cli_seconds,
            "session": session,
        }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def seconds_text(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds:.3f} s"


def goal_row(step: str, size: int, measured: float, goal: float | None, how: str) -> Row:
    if goal is None:
        return Row(step, size, f"{seconds_text(measured)} ({how})", "—", "info")
    verdict = "PASS" if measured < goal else "**FAIL**"
    return Row(step, size, f"{seconds_text(measured)} ({how})", f"< {seconds_text(goal)}", verdict)


def rows_for(result: Json) -> list[Row]:
    size, session = result["size"], result["session"]
    n = len(session["open"])
    imports = [r["seconds"] for r in result["imports"]]
    edits = session["edits"]
    p95 = statistics.quantiles(edits, n=20)[-1] if len(edits) > 1 else edits[0]
    reference = TREE_REFERENCE.get(size)
    tree = statistics.median(session["tree"])
    import_rss = max(r["rss_mib"] for r in result["imports"])
    return [
        goal_row(
            "import (JSON → .pmdesk)", size, min(imports), IMPORT_GOAL.get(size), f"best of {n}"
        ),
        goal_row(
            "open (WorkingCopy.open)",
            size,
            min(session["open"]),
            OPEN_GOAL.get(size),
            f"best of {n}",
        ),
        Row(
            "load whole tree (tree_rows)",
            size,
            f"{seconds_text(tree)} (median of {n})",
            f"— (ref. ≈ {reference} s)" if reference else "—",
            "info",
        ),
        goal_row(
            "edit commit, median",
            size,
            statistics.median(edits),
            EDIT_MEDIAN_GOAL,
            f"{len(edits)} Updates",
        ),
        goal_row("edit commit, p95", size, p95, None, f"{len(edits)} Updates"),
        goal_row(
            "save / publish (wc.save)",
            size,
            min(session["save"]),
            SAVE_GOAL.get(size),
            f"best of {n}",
        ),
        Row("peak RSS, import process", size, f"{import_rss:.0f} MiB", "—", "info"),
        Row("peak RSS, editing session", size, f"{session['rss_mib']:.0f} MiB", "—", "info"),
    ]


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        "| step | requirements | measured | goal | result |",
        "| --- | ---: | --- | --- | --- |",
    ]
    lines += [f"| {r.step} | {r.size:,} | {r.measured} | {r.goal} | {r.result} |" for r in rows]
    return "\n".join(lines)


def details(results: Sequence[Json]) -> str:
    def all_of(values: Sequence[float]) -> str:
        return ", ".join(seconds_text(v) for v in values)

    lines = ["", "Details:", ""]
    for r in results:
        s, g, ph = r["session"], r["generated"], r["phases"]
        loads = ", ".join(f"{i['load']:.2f}" for i in r["imports"])
        lines += [
            f"- {r['size']:,} requirements ({g['epics']} epics, {g['links']:,} links): "
            f"snapshot {g['bytes'] / 1e6:.1f} MB, project file {s['work_bytes'] / 1e6:.1f} MB",
            f"  - import runs: {all_of([i['seconds'] for i in r['imports']])}; phases: "
            f"read {seconds_text(ph['read'])}, parse + check {seconds_text(ph['check'])}, "
            f"write database {seconds_text(ph['write'])}",
            f"  - `python -m pmdesk import` wall clock (with interpreter start): "
            f"{seconds_text(r['cli_import'])}",
            f"  - open runs: {all_of(s['open'])}; tree runs: {all_of(s['tree'])}; "
            f"save runs: {all_of(s['save'])}",
            f"  - edit commit: min {seconds_text(min(s['edits']))}, "
            f"max {seconds_text(max(s['edits']))}",
            f"  - 1-minute load average after each import run: {loads}; "
            f"after the session: {s['load']:.2f} ({os.cpu_count()} CPUs)",
        ]
    return "\n".join(lines)


def print_profiles(folder: Path, limit: int = 12, pattern: str = "*.prof") -> None:
    for path in sorted(folder.glob(pattern)):
        print(f"\n### profile {path.name} (top {limit} by cumulative time)\n\n```")
        stats = pstats.Stats(str(path), stream=sys.stdout)
        stats.strip_dirs().sort_stats("cumulative").print_stats(limit)
        print("```")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m tests.bench.run_foundation", description=__doc__.split("\n\n")[0]
    )
    p.add_argument("--sizes", help="comma-separated requirement counts (default 10000,100000)")
    p.add_argument("--quick", action="store_true", help="10,000 only, 1 repeat, 50 edits")
    p.add_argument("--repeats", type=int, help="runs per timed step (default 3)")
    p.add_argument("--edits", type=int, help="timed Update operations (default 200)")
    p.add_argument("--workdir", type=Path, help="folder for the files (default: a temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    p.add_argument("--profile", type=Path, help="also write cProfile .prof files to this folder")
    p.add_argument("--json", type=Path, help="also write the raw measurements to this file")
    p.add_argument("--strict", action="store_true", help="exit with 1 if a goal is missed")
    # Internal: run one step in this process (the driver starts these).
    p.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    for name in ("--snapshot", "--target", "--data-dir"):
        p.add_argument(name, help=argparse.SUPPRESS)
    p.add_argument("--size", type=int, help=argparse.SUPPRESS)
    p.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        if args.profile is not None:
            args.profile = str(args.profile)
        out = WORKERS[args.worker](args)
        out["load"] = os.getloadavg()[0]  # other work on the machine makes timings noisy
        print(json.dumps(out))
        return 0

    sizes = [int(s.replace("_", "")) for s in (args.sizes or "").split(",") if s.strip()]
    sizes = sizes or ([10_000] if args.quick else [10_000, 100_000])
    repeats = args.repeats or (1 if args.quick else 3)
    edits = args.edits or (50 if args.quick else 200)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pmdesk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    driver = Driver(workdir.resolve(), repeats, edits, args.profile)
    log(f"working in {workdir}")
    try:
        results = [driver.run_size(size) for size in sizes]
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    rows = [row for result in results for row in rows_for(result)]
    print(f"\n## pmdesk foundation benchmark ({platform_line()})\n")
    print(markdown_table(rows))
    print(details(results))
    if args.profile is not None:
        print_profiles(args.profile)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    failed = any(r.result != "PASS" and r.result != "info" for r in rows)
    return 1 if failed and args.strict else 0


def platform_line() -> str:
    import platform
    import sqlite3

    import sqlalchemy

    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"SQLAlchemy {sqlalchemy.__version__}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    raise SystemExit(main())
