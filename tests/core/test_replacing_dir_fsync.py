"""`sqlite_files.replacing`: when flushing the folder fails after the rename,
the file has been replaced all the same, so the caller is told it worked
(a failure would be reported after the change: baseline, import, merge -o).
The failure is real: strace makes the folder's fsync return EIO."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
from pathlib import Path
from pmdesk.core.errors import PmdeskError
from pmdesk.core.storage.sqlite_files import replacing

target = Path(sys.argv[1])
try:
    with replacing(target) as tmp:
        tmp.write_bytes(b"new")
except PmdeskError as e:
    print("failed:", e)
else:
    print("replaced")
"""


def test_a_folder_that_cannot_be_flushed_after_the_rename_still_replaced_the_file(
    tmp_path: Path,
) -> None:
    if not shutil.which("strace"):
        pytest.skip("needs strace")
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    # The first fsync is the new file's, the second the folder's after the rename.
    done = subprocess.run(
        ["strace", "-qq", "-f", "-o", "/dev/null", "-e", "trace=fsync",
         "-e", "inject=fsync:error=EIO:when=2",
         sys.executable, "-c", SCRIPT, str(target)],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    if done.returncode != 0 and "inject" in done.stderr:
        pytest.skip(f"strace cannot inject faults here: {done.stderr.strip()}")
    assert target.read_bytes() == b"new"
    assert done.stdout.strip() == "replaced", done.stdout + done.stderr
