"""`pmdesk info FILE` names who holds the project's lock file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.storage.lockfile import lock_path
from pmdesk.core.storage.workingcopy import WorkingCopy


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lock times are stored in UTC and shown in local time: make local UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def lock_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("lock:")]
    return line


def write_lock(path: Path, **fields: object) -> None:
    data = {"user": "张三", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}
    data.update(fields)
    lock_path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_info_says_not_locked(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lock_line(capsys, project_file) == "lock:          not locked"


def test_info_names_the_holder(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_lock(project_file)
    assert lock_line(capsys, project_file) == (
        "lock:          张三 on pm-laptop-7 (process 4242) since 2027-01-05 09:30"
    )


def test_info_while_open_here(
    project_file: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user="李四")
    try:
        line = lock_line(capsys, project_file)
    finally:
        wc.close()
    assert line.startswith(f"lock:          李四 on {socket.gethostname()} (process {os.getpid()})")
    assert lock_line(capsys, project_file) == "lock:          not locked"


def test_info_calls_a_dead_holder_stale_and_leaves_it(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    write_lock(project_file, host=socket.gethostname(), pid=child.pid)
    before = lock_path(project_file).read_bytes()
    assert lock_line(capsys, project_file) == (
        f"lock:          stale: 张三 on {socket.gethostname()} (process {child.pid}) since "
        "2027-01-05 09:30, a process that has ended (the next open clears it)"
    )
    assert lock_path(project_file).read_bytes() == before  # info only reads


def test_info_on_a_damaged_lock(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock_path(project_file).write_bytes(b"\x00\x01garbage")
    assert lock_line(capsys, project_file) == (
        "lock:          someone unknown (the lock file cannot be read)"
    )
