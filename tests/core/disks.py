"""A small disk for full-disk tests: a tmpfs mounted in the test's folder (needs
root; the test is skipped where mounting is not allowed), filled to the brim."""

from __future__ import annotations

import contextlib
import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        )
    except OSError:
        pytest.skip("no mount command here")
    if mounted.returncode != 0:
        pytest.skip("a small tmpfs cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk holding `folder`; the returned file frees the space when removed."""
    filler = folder / "filler.bin"
    stopped: OSError | None = None
    with filler.open("wb", buffering=0) as f:
        while stopped is None:
            try:
                f.write(b"\0" * 65536)
            except OSError as e:
                stopped = e
    if stopped.errno != errno.ENOSPC:
        raise stopped
    with contextlib.suppress(OSError), filler.open("ab", buffering=0) as f:
        while True:  # the last few bytes of the last page
            f.write(b"\0")
    return filler


@contextlib.contextmanager
def bind_mounted_on_itself(path: Path) -> Iterator[None]:
    """`path` becomes a mount point: nobody, not even root, can delete it or
    rename another file over it (EBUSY). Skipped where mounting is not allowed."""
    done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)
