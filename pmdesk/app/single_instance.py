"""One pmdesk per user: a second `pmdesk [FILE]` hands FILE to the running one.

Double-clicking a project in the file manager while pmdesk runs must not start a
second process beside the first (two windows fighting over the working copies in
the same data folder). The first pmdesk listens on a local socket named after the
user and the data folder (`server_name`); a later one connects, sends the file and
exits once the first has answered. The running pmdesk raises its window and opens
the file there (asking to save the open project's changes, as File ▸ Open does).

A socket left behind by a pmdesk that crashed refuses connections: it is removed
and the new pmdesk listens in its place. A short lock file keeps two pmdesks that
start at the same moment from both deciding to be the first. Whatever goes wrong
here (no socket can be made), pmdesk starts on its own rather than not at all; a
running pmdesk that is busy gets the request all the same (it reads it when it
can), and the new one leaves it to it rather than open the file beside it.

macOS sends a double-clicked file as a `QFileOpenEvent` instead of an argument;
`OpenRequests` takes those the same way.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QDir, QEvent, QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from pmdesk.core.storage.places import default_user, resolved

if TYPE_CHECKING:
    from pmdesk.app.main_window import MainWindow

CONNECT_MS = 500  # a running pmdesk accepts at once; nothing there fails at once
ANSWER_MS = 5000  # how long a running pmdesk may take to say it took the file
RETRY_MS = 250  # a request waits while a dialog is up or a project is opening

HandOver = Literal["taken", "sent", "nobody"]


def server_name(data_dir: Path) -> str:
    """The local socket's name: one per user and data folder (a test or a second
    profile with its own data folder runs its own pmdesk)."""
    key = f"{default_user()}\n{data_dir.absolute()}".encode()
    return f"pmdesk-{hashlib.sha256(key).hexdigest()[:16]}"


def _message(path: Path | None) -> bytes:
    return json.dumps({"open": None if path is None else str(path.absolute())}).encode() + b"\n"


def _parse(data: bytes) -> tuple[bool, Path | None]:
    """(is it a request, the file it asks to open)."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False, None
    if not isinstance(message, dict) or "open" not in message:
        return False, None
    value = message["open"]
    return True, Path(value) if isinstance(value, str) and value else None


def hand_over(name: str, path: Path | None) -> HandOver:
    """Give `path` (None: only show the window) to the pmdesk listening on `name`.

    "taken": it answered; "sent": it is there (connected, the request written) but
    busy past ANSWER_MS: it reads the request when it gets to it, so this process
    must not open the file as well; "nobody": no pmdesk listens there."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return "nobody"
    socket.write(_message(path))
    socket.flush()
    if socket.bytesToWrite() and not socket.waitForBytesWritten(CONNECT_MS):
        return "nobody"
    outcome: HandOver = "sent"
    while socket.waitForReadyRead(ANSWER_MS):
        if socket.canReadLine():
            if bytes(socket.readLine().data()).strip() == b"ok":
                outcome = "taken"
            break
    socket.disconnectFromServer()
    return outcome


class Listener(QObject):
    """The first pmdesk's end of the socket: each request becomes `file_requested`."""

    file_requested = Signal(object)  # Path | None (None: just show the window)

    def __init__(self, server: QLocalServer) -> None:
        super().__init__(server)
        self.server = server
        server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        valid, path = _parse(bytes(socket.readLine().data()))
        if not valid:
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.file_requested.emit(path)

    def close(self) -> None:
        self.server.close()


def claim(data_dir: Path, path: Path | None) -> Listener | None:
    """Become the user's pmdesk, or hand `path` to the one running: None when it
    was handed over (this process has nothing more to do)."""
    name = server_name(data_dir)
    guard = QLockFile(QDir(QDir.tempPath()).filePath(f"{name}.lock"))
    guard.setStaleLockTime(10_000)  # held for milliseconds; a crash's is cleared by pid
    locked = guard.tryLock(3000)
    try:
        outcome = hand_over(name, path)
        if outcome == "sent":
            print(
                "pmdesk: the pmdesk already running is busy; it opens the project next.",
                file=sys.stderr,
            )
        if outcome != "nobody":
            return None
        # Nobody listens: a socket left by a pmdesk that ended is only in the way.
        QLocalServer.removeServer(name)
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            return None if hand_over(name, path) != "nobody" else _alone()
        return Listener(server)
    finally:
        if locked:
            guard.unlock()


def _alone() -> Listener:
    """A listener that hears nothing: pmdesk runs, only without the hand-over."""
    return Listener(QLocalServer())


class OpenRequests(QObject):
    """Opens in `window` what a second pmdesk or the desktop (macOS) asked for.

    The window is raised; a file already open there is only shown; others open as
    File ▸ Open opens them, one after the other, each when no dialog is up and no
    project is on its way in."""

    def __init__(
        self, window: MainWindow, *, file_open_events: bool = sys.platform == "darwin"
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pending: list[Path] = []
        self._timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._timer.timeout.connect(self._serve)
        app = QApplication.instance()
        if file_open_events and app is not None:
            # Only where the desktop sends them: a filter on the application sees
            # every event of every widget.
            app.installEventFilter(self)

    def request(self, path: Path | None) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # nothing to raise there
            window.raise_()
            window.activateWindow()
        if path is not None:
            self._pending.append(path)
        self._serve()

    @property
    def pending(self) -> list[Path]:
        return list(self._pending)

    def _serve(self) -> None:
        window = self._window
        while self._pending:
            if QApplication.activeModalWidget() is not None or window.lifecycle.opening is not None:
                self._timer.start()
                return
            path = self._pending.pop(0)
            if self._is_open(path):
                continue
            window.open_project(path)

    def _is_open(self, path: Path) -> bool:
        workspace = self._window.workspace
        return workspace is not None and resolved(workspace.path) == resolved(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FileOpen
            and isinstance(event, QFileOpenEvent)
            and event.file()
        ):
            self.request(Path(event.file()))
            return True
        return super().eventFilter(watched, event)
