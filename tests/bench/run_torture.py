"""Torture run of the save path (see tests/bench/torture.py and README.md).

    python -m tests.bench.run_torture                         # 300 kills, 100 rounds (~10 min)
    python -m tests.bench.run_torture --kills 40 --rounds 10  # a short run (~1½ min)
    python -m tests.bench.run_torture --seed 123 --only kills # replay one scenario

Prints one Markdown table (stdout) and the details of every problem (stderr).
Exit status 1 when any count that must be zero is not (--strict).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tests.bench import torture


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--kills", type=int, default=300, help="SIGKILLs of anna (default 300)")
    parser.add_argument("--rounds", type=int, default=100, help="rounds of two users (100)")
    parser.add_argument("--seed", type=int, help="replay: the seed of every scenario")
    parser.add_argument("--only", choices=torture.SCENARIOS, action="append", help="scenario")
    parser.add_argument("--workdir", type=Path, help="keep the files here")
    parser.add_argument("--strict", action="store_true", help="exit 1 on any problem")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pmdesk-torture-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for scenario in args.only or torture.SCENARIOS:
            seed = args.seed if args.seed is not None else random.randrange(1 << 32)
            print(f"{scenario}: seed {seed} …", file=sys.stderr, flush=True)
            result = torture.run(scenario, workdir, seed, kills=args.kills, rounds=args.rounds)
            results.append(result)
            print(torture.details(result), file=sys.stderr, flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(torture.table(results))
    bad = any(torture.problems(r) for r in results)
    return 1 if args.strict and bad else 0


if __name__ == "__main__":
    sys.exit(main())
