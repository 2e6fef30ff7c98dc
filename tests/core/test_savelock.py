"""The save marker `.~save.NAME#` (issue 11): a save that died never blocks the
next one, a stale marker that cannot be deleted does not refuse every save, and
a full share does not leak the marker's file descriptor."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.ops import Create
from pmdesk.core.storage.savelock import save_marker, saving
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.disks import bind_mounted_on_itself
from tests.core.merge_helpers import requirements


def dead_pid() -> int:
    """The pid of a process of this host that has ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def write_marker(target: Path, pid: int, host: str | None = None) -> Path:
    marker = save_marker(target)
    marker.write_text(json.dumps({"host": host or socket.gethostname(), "pid": pid}))
    return marker


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_save_killed_inside_its_marker_does_not_hold_up_the_next(
    project_file: Path, data_dir: Path
) -> None:
    target = project_file.resolve()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - killed inside
        try:
            with saving(target):
                os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(70)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert save_marker(target).exists()  # left behind by the killed save
    wc = WorkingCopy.open(target, data_dir=data_dir)
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": "after the crash"}))
    started = time.monotonic()
    wc.save()
    assert time.monotonic() - started < 2.0
    assert "after the crash" in titles(target)
    assert not save_marker(target).exists()
    wc.close()


def test_a_dead_processs_marker_on_this_host_is_stale_at_once(project_file: Path) -> None:
    write_marker(project_file, dead_pid())
    started = time.monotonic()
    with saving(project_file, wait=5.0):
        assert json.loads(save_marker(project_file).read_text())["pid"] == os.getpid()
    assert time.monotonic() - started < 1.0
    assert not save_marker(project_file).exists()


def test_a_live_save_is_waited_for_and_then_refused(project_file: Path) -> None:
    with subprocess.Popen(["sleep", "30"]) as other:
        try:
            write_marker(project_file, other.pid)
            busy = pytest.raises(PmdeskError, match="being saved by someone else")
            with busy, saving(project_file, wait=0.3):
                pass
        finally:
            other.kill()
    assert save_marker(project_file).exists()  # not ours to remove


def test_another_hosts_fresh_marker_is_waited_for(project_file: Path) -> None:
    write_marker(project_file, 4242, host="another-laptop")
    busy = pytest.raises(PmdeskError, match="being saved by someone else")
    with busy, saving(project_file, wait=0.3):
        pass


def test_an_undeletable_stale_marker_does_not_refuse_every_save(
    project_file: Path, data_dir: Path
) -> None:
    target = project_file.resolve()
    marker = write_marker(target, 4242, host="a-laptop-long-gone")
    old = time.time() - 3600
    os.utime(marker, (old, old))
    with bind_mounted_on_itself(marker):
        with pytest.raises(OSError, match="busy"):
            marker.unlink()
        wc = WorkingCopy.open(target, data_dir=data_dir)
        for n in (1, 2):
            wc.apply(Create("requirement", str(uuid.uuid4()), {"title": f"save {n}"}))
            started = time.monotonic()
            wc.save()
            assert time.monotonic() - started < 2.0
            assert f"save {n}" in titles(target)
        wc.close()
        assert json.loads(marker.read_text())["host"] == "a-laptop-long-gone"


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A small tmpfs at `folder`, filled to the last byte."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        with contextlib.suppress(OSError), open(folder / "filler", "wb") as f:
            while True:
                f.write(b"x" * 4096)
                f.flush()
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_full_share_does_not_leak_the_markers_descriptor(tmp_path: Path) -> None:
    with full_disk(tmp_path / "share") as share:
        target = share / "plan.pmdesk"
        before = open_fds()
        entered = False
        with saving(target):
            entered = True
        assert entered
        assert open_fds() == before
        assert not save_marker(target).exists()


def test_opening_clears_a_dead_saves_marker_but_not_a_live_one(
    project_file: Path, data_dir: Path
) -> None:
    # A save killed after its rename leaves its marker: the next open tidies it up.
    write_marker(project_file, dead_pid())
    WorkingCopy.open(project_file, data_dir=data_dir).close()
    assert not save_marker(project_file).exists()
    # Someone saving right now keeps theirs.
    with subprocess.Popen(["sleep", "30"]) as other:
        try:
            write_marker(project_file, other.pid)
            WorkingCopy.open(project_file, data_dir=data_dir).close()
            assert save_marker(project_file).exists()
        finally:
            other.kill()
