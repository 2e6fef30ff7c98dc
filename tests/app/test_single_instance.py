"""A second pmdesk hands its file to the running one (app/single_instance.py).

The hand-over is tried with real processes, as the desktop starts them: `pmdesk
FILE` while a pmdesk of the same user runs. Which process opened a file is read
from the file's lock (`.~lock.NAME#` names the pid of the pmdesk editing it)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app import single_instance
from pmdesk.app.main_window import MainWindow
from pmdesk.app.single_instance import OpenRequests, claim, server_name
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.lockfile import lock_path, read_lock
from tests.app.conftest import open_sync, ws

REPO = Path(__file__).resolve().parents[2]
START_S = 90  # a pmdesk starting in a subprocess, on a loaded CI machine


def wait_for(condition: Callable[[], bool], what: str, timeout: float = START_S) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting: {what}")


def holder(path: Path) -> int | None:
    """The pid of the pmdesk editing `path` (its lock), if any."""
    lock = read_lock(path)
    return None if lock is None else lock.pid


class Desk:
    """A user's desktop: one home, one data folder, pmdesk started as the file
    manager starts it (`pmdesk FILE`, offscreen here)."""

    def __init__(self, root: Path, data_dir: Path) -> None:
        self.root = root
        self.data_dir = data_dir
        self.processes: list[subprocess.Popen[bytes]] = []
        home = root / "home"
        home.mkdir()
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "PMDESK_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(REPO),
            "QT_QPA_PLATFORM": "offscreen",
        }

    def project(self, name: str) -> Path:
        path = self.root / name
        write_sample(path, "en")
        return path

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        with (self.root / f"pmdesk-{len(self.processes)}.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "pmdesk", *args],
                cwd=self.root,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.root.glob("pmdesk-*.log"))

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(10)


@pytest.fixture
def desk(tmp_path: Path, data_dir: Path) -> Iterator[Desk]:
    d = Desk(tmp_path, data_dir)
    yield d
    d.close()


@pytest.mark.slow
def test_a_second_pmdesk_hands_its_file_to_the_running_one(desk: Desk) -> None:
    first, second = desk.project("first.pmdesk"), desk.project("second.pmdesk")
    running = desk.start(str(first))
    wait_for(lambda: holder(first) == running.pid, f"pmdesk to open first.pmdesk\n{desk.logs()}")

    # Double-clicking second.pmdesk starts `pmdesk second.pmdesk` (here by a
    # relative name, from the file's folder): it exits, the running one opens it.
    other = desk.start("second.pmdesk")
    assert other.wait(START_S) == 0, desk.logs()
    wait_for(lambda: holder(second) == running.pid, f"the running pmdesk to open it\n{desk.logs()}")
    assert not lock_path(first).exists()  # closed there (no changes: no question)
    assert running.poll() is None

    # `pmdesk` alone only brings the running window forward: the project stays.
    alone = desk.start()
    assert alone.wait(START_S) == 0, desk.logs()
    assert holder(second) == running.pid
    assert running.poll() is None


@pytest.mark.slow
def test_a_crashed_pmdesk_does_not_keep_the_next_from_starting(desk: Desk) -> None:
    first, second, third = (desk.project(f"{n}.pmdesk") for n in ("first", "second", "third"))
    crashed = desk.start(str(first))
    wait_for(lambda: holder(first) == crashed.pid, f"pmdesk to open first.pmdesk\n{desk.logs()}")
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait(10)
    if sys.platform != "win32":  # the crashed pmdesk's socket is left behind
        assert Path(QDir.tempPath(), server_name(desk.data_dir)).exists()

    started = desk.start(str(second))
    wait_for(lambda: holder(second) == started.pid, f"a new pmdesk to start\n{desk.logs()}")
    # …and it is the one the next double-click reaches.
    other = desk.start(str(third))
    assert other.wait(START_S) == 0, desk.logs()
    wait_for(lambda: holder(third) == started.pid, f"the new pmdesk to open it\n{desk.logs()}")


unix_only = pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket plays pmdesk")


@unix_only
def test_a_busy_pmdesk_keeps_the_request(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A running pmdesk that does not answer in time (a long open, a modal wait) is
    still there: it gets the file, and the new pmdesk does not open it beside it."""
    monkeypatch.setattr(single_instance, "ANSWER_MS", 300)
    address = Path(QDir.tempPath(), server_name(data_dir))
    project = tmp_path / "plan.pmdesk"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as busy:
        busy.bind(str(address))
        busy.listen(1)
        try:
            listener = claim(data_dir, project)
            connection, _ = busy.accept()  # the busy pmdesk gets to it later
            with connection:
                request = connection.recv(4096)
        finally:
            address.unlink()
    assert listener is None  # this process has nothing more to do
    assert json.loads(request) == {"open": str(project)}
    assert "busy" in capsys.readouterr().err


@unix_only
def test_a_dead_pmdesk_socket_does_not_block_the_start(data_dir: Path) -> None:
    address = Path(QDir.tempPath(), server_name(data_dir))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(address))  # the file stays when its process is gone
    assert address.exists()
    listener = claim(data_dir, None)
    assert listener is not None
    try:
        assert listener.server.isListening()
        assert Path(listener.server.fullServerName()) == address
    finally:
        listener.close()


@pytest.fixture
def other_project(tmp_path: Path) -> Path:
    path = tmp_path / "other.pmdesk"
    write_sample(path, "en")
    return path


def test_a_requested_file_opens_in_the_window(
    qtbot: QtBot, window: MainWindow, sample: Path, other_project: Path
) -> None:
    open_sync(window, sample)
    requests = OpenRequests(window)
    with qtbot.waitSignal(window.project_opened, timeout=20000):
        requests.request(other_project)
    assert ws(window).path == other_project
    assert window.windowTitle().startswith("other.pmdesk")


def test_the_open_project_asked_for_again_is_only_shown(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    workspace = ws(window)
    window.showMinimized()
    OpenRequests(window).request(sample)
    assert window.workspace is workspace  # not closed and opened again
    assert not window.isMinimized()


def test_requests_made_while_a_project_opens_wait_their_turn(
    qtbot: QtBot, window: MainWindow, sample: Path, other_project: Path
) -> None:
    requests = OpenRequests(window)
    requests.request(sample)
    requests.request(other_project)  # the first is still on its way in
    assert requests.pending == [other_project]
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.workspace.path == other_project,
        timeout=30000,
    )
    assert requests.pending == []


def test_a_file_the_desktop_sends_as_an_event_opens(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, other_project: Path
) -> None:
    """macOS opens a double-clicked file with a QFileOpenEvent, not an argument."""
    OpenRequests(window, file_open_events=True)
    with qtbot.waitSignal(window.project_opened, timeout=20000):
        qapp.sendEvent(qapp, QFileOpenEvent(str(other_project)))
    assert ws(window).path == other_project
