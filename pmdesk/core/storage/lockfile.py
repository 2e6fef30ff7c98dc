"""The lock file beside a project (DESIGN "Editing model", point 5 — contract).

For `plan.pmdesk` the lock is `.~lock.plan.pmdesk#` in the same folder, a small
UTF-8 JSON object::

    {"user": "张三", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}

`time` is in UTC, like every time stamp pmdesk writes. As in LibreOffice, whose
lock files users recognise, the lock is created only if absent (O_CREAT|O_EXCL)
and removed only by its owner. Whether a process is alive can only be checked
on its own host, so a lock of a dead process on this host is stale and cleared;
a lock from another host always counts as held. A lock file that cannot be read
or parsed counts as held too (by someone unknown): it may be one being written.

A folder that does not let us write (a read-only share, a write-protected
stick) gets no lock: the project opens without one, and `acquire` says so by
returning None. Nothing could be saved into such a folder anyway. Neither does
a stale lock that cannot be removed (an immutable file, a folder that lets us
create files but not delete them, a folder in its place): a dead process holds
nothing, so the project opens for editing without a lock, and the claim says why.

A share whose disk is full cannot take a lock's content, but usually still an
empty file: that empty lock is written as a placeholder, so a colleague is told
that someone has the project open (by someone pmdesk cannot name), and `retake`
fills in our name as soon as there is space. A lock from another machine can
be taken over (the user is warned and names the holder first): only there can
pmdesk not tell whether its process has ended.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from pmdesk.core.clock import local_minutes, utc_now
from pmdesk.core.errors import PmdeskError, ProjectInUseError
from pmdesk.core.storage.disk_space import is_disk_full
from pmdesk.core.storage.places import resolved

# How a project is opened: "edit" takes the lock (refused if someone else holds
# it), "edit_anyway" takes it if free and edits without it otherwise (Save then
# merges; `retake` takes it once it is free), "read_only" leaves the lock alone
# and refuses edits.
Access = Literal["edit", "edit_anyway", "read_only"]
# Why an open for editing has no lock of ours: the folder takes no files, the
# disk is full, or a stale lock is stuck there (it cannot be removed).
NoLock = Literal["unwritable", "disk_full", "stuck"]
Stat = tuple[int, int] | None  # (device, inode) of an empty placeholder lock of ours
UNKNOWN = "unknown"
_MAX_LOCK_BYTES = 64 * 1024  # a lock is a few dozen bytes; never read a huge file


def lock_path(target: Path) -> Path:
    """`.~lock.plan.pmdesk#` beside `plan.pmdesk`."""
    return target.with_name(f".~lock.{target.name}#")


def pid_alive(pid: int) -> bool:
    """Is process `pid` running on this host?"""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but someone else's
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process that its parent has not reaped yet is dead all the same
    (Linux keeps it as a zombie; `kill(pid, 0)` still succeeds)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    # "pid (command) S …": the command may hold spaces and parentheses.
    return stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] == b"Z"


@dataclass(frozen=True)
class LockInfo:
    """Who holds a project's lock. `readable` is False for a damaged lock file:
    it is held all the same, by someone unknown."""

    user: str
    host: str
    pid: int
    time: str  # UTC, "2027-01-05T09:30:00"
    readable: bool = True

    @classmethod
    def mine(cls, user: str) -> LockInfo:
        return cls(user, socket.gethostname(), os.getpid(), utc_now())

    def to_json(self) -> str:
        fields = asdict(self)
        del fields["readable"]
        return json.dumps(fields, ensure_ascii=False)

    @property
    def on_this_host(self) -> bool:
        return self.readable and self.host == socket.gethostname()

    def is_ours(self, user: str) -> bool:
        """Written by this process for `user` (an earlier open of ours, or a dead
        process whose pid we got after a restart)."""
        return self.on_this_host and self.pid == os.getpid() and self.user == user

    @property
    def is_stale(self) -> bool:
        """Left by a process of this host that has ended."""
        return self.on_this_host and self.pid != os.getpid() and not pid_alive(self.pid)

    def since(self) -> str:
        """When it was taken, in this machine's time zone: "2027-01-05 09:30"."""
        return local_minutes(self.time) if self.readable else UNKNOWN

    def describe(self) -> str:
        """ "张三 on pm-laptop-7 (process 4242) since 2027-01-05 09:30" (English, for the CLI)."""
        if not self.readable:
            return "someone unknown (the lock file cannot be read)"
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since()}"


def _parse(data: bytes) -> LockInfo | None:
    try:
        fields = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(fields, dict):
        return None
    user, host, pid, time = (fields.get(k) for k in ("user", "host", "pid", "time"))
    if not (isinstance(user, str) and isinstance(host, str) and isinstance(time, str)):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool):
        return None
    return LockInfo(user, host, pid, time)


def read_lock(target: Path) -> LockInfo | None:
    """Who holds `target`'s lock, or None if there is no lock file."""
    path = lock_path(target)
    try:
        with path.open("rb") as f:
            data = f.read(_MAX_LOCK_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):  # no lock (or not even its folder)
        return None
    except IsADirectoryError:  # a folder of that name: no lock, and no room for one
        return None
    except OSError:  # there, but unreadable: held by someone we cannot name
        return LockInfo(UNKNOWN, UNKNOWN, 0, "", readable=False)
    info = _parse(data) if len(data) <= _MAX_LOCK_BYTES else None
    return info or LockInfo(UNKNOWN, UNKNOWN, 0, "", readable=False)


class ProjectLockedError(ProjectInUseError):
    """Someone else holds the project's lock file: `holder` says who. Open it
    read-only, or edit anyway without the lock."""

    def __init__(self, code: str, /, *, holder: LockInfo, **params: object) -> None:
        super().__init__(code, **params)
        self.holder = holder


def other_holder(target: Path, user: str) -> LockInfo | None:
    """The lock that keeps `user` from editing `target`: None when there is none,
    it is ours, or it is stale (a dead process of this host; `acquire` clears it)."""
    held = read_lock(target)
    if held is None or held.is_ours(user) or held.is_stale:
        return None
    return held


def locked_error(target: Path, holder: LockInfo) -> ProjectLockedError:
    """The error that says who holds `target`."""
    if not holder.readable:
        lock = lock_path(target)
        if _is_link_loop(lock):  # said as such: the user can remove it
            return ProjectLockedError(
                "project.lock_loop", holder=holder, name=target.name, lock=lock
            )
        return ProjectLockedError(
            "project.locked_unreadable", holder=holder, name=target.name, lock=lock
        )
    return ProjectLockedError(
        "project.locked_by",
        holder=holder,
        name=target.name,
        user=holder.user,
        host=holder.host,
        time=holder.since(),
    )


def _is_link_loop(path: Path) -> bool:
    return path.is_symlink() and resolved(path) is None


class _NoLockHereError(Exception):
    """No lock of ours can be written: `why` says why, `stuck` is the stale lock
    that is in the way, if that is the reason."""

    def __init__(self, why: NoLock, stuck: LockInfo | None = None, placeholder: Stat = None):
        super().__init__(why)
        self.why: NoLock = why
        self.stuck = stuck
        self.placeholder = placeholder


def acquire(target: Path, user: str) -> LockInfo | None:
    """Write the lock for `target`, as `user` of this process, and return it.

    A stale lock (or an earlier one of this process) is replaced. Raises
    `ProjectLockedError` when someone else holds the lock; returns None when no
    lock can be written here (a read-only folder, a full disk, a stale lock
    that cannot be removed: `claim` says which).
    """
    try:
        return _acquire(target, user)
    except _NoLockHereError as e:
        if e.placeholder is not None:
            _remove_placeholder(target, e.placeholder)
        return None


def _acquire(target: Path, user: str) -> LockInfo:
    path = lock_path(target)
    for _attempt in range(3):
        mine = LockInfo.mine(user)
        try:
            created = _create(path, mine.to_json().encode("utf-8"))
        except OSError as e:
            # Someone's lock is there already (our own attempt failed for want of
            # space or permission): they hold it, as when ours could be written.
            held = read_lock(target)
            if held is not None and not (held.is_stale or held.is_ours(user)):
                raise locked_error(target, held) from None
            raise _no_lock(path, e) from None
        if created:
            return mine
        held = read_lock(target)
        if held is None:
            if path.is_dir():  # a folder where the lock belongs: nothing holds it
                raise _NoLockHereError("stuck")
            continue  # its owner removed it just now
        if held.is_stale or held.is_ours(user):
            try:
                removed = _remove_if_same(target, held)
            except OSError:  # immutable, or a folder that lets nobody delete
                raise _NoLockHereError("stuck", held) from None
            if removed:
                continue
        raise locked_error(target, held)
    raise locked_error(target, read_lock(target) or LockInfo(UNKNOWN, UNKNOWN, 0, "", False))


def _no_lock(path: Path, error: OSError) -> _NoLockHereError:
    """Why `error` kept us from writing the lock. On a full disk an empty file
    still fits (it needs no data block): it is left as a placeholder, so others
    see that someone has the project open."""
    if not is_disk_full(error):
        return _NoLockHereError("unwritable")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o644)  # a lock, not a program
    except OSError:
        return _NoLockHereError("disk_full")
    try:
        st = os.fstat(fd)
    finally:
        os.close(fd)
    return _NoLockHereError("disk_full", placeholder=(st.st_dev, st.st_ino))


def _is_placeholder(target: Path, placeholder: Stat) -> bool:
    try:
        st = lock_path(target).stat()
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == placeholder and st.st_size == 0


def _remove_placeholder(target: Path, placeholder: Stat) -> None:
    if _is_placeholder(target, placeholder):
        with contextlib.suppress(OSError):
            lock_path(target).unlink()


def take_over(target: Path, user: str, held: LockInfo) -> LockInfo:
    """Replace `held`, another machine's lock (or one nobody can read), by ours,
    atomically: the user was warned and named the holder. Refused (with who
    holds it now) if the lock changed meanwhile or belongs to a live process
    of this host, which is never taken over."""
    path = lock_path(target)
    now = read_lock(target)
    if now is not None and now != held:
        raise locked_error(target, now)
    if now is not None and now.on_this_host and not now.is_stale:
        raise locked_error(target, now)
    mine = LockInfo.mine(user)
    with _private_file(path, mine.to_json().encode("utf-8")) as private:
        os.replace(private, path)
    return mine


def _create(path: Path, data: bytes) -> bool:
    """Create `path` holding `data` if it does not exist; False if it does.

    The content is written to a private file first and hard-linked into place,
    so a lock is never seen half written, even if pmdesk is killed meanwhile
    (an empty lock would block everyone). Where the filesystem has no hard
    links (FAT, some shares), the file is created with O_EXCL and written.
    """
    with _private_file(path, data) as private:
        try:
            os.link(private, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here
            return _create_in_place(path, data)
        return True


@contextlib.contextmanager
def _private_file(path: Path, data: bytes) -> Iterator[Path]:
    """A file beside `path` holding `data` (flushed to disk), removed afterwards
    unless it was renamed into place."""
    private = path.with_name(f"{path.name}{socket.gethostname()}.{os.getpid()}.tmp")
    _sweep_private(path)
    try:
        with private.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        yield private
    finally:
        with contextlib.suppress(OSError):
            private.unlink()


def _sweep_private(path: Path) -> None:
    """Remove the private files of lock writers of this host that were killed
    before they could (named by host and process: those of others are left)."""
    prefix = f"{path.name}{socket.gethostname()}."
    for leftover in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = leftover.name[len(prefix) : -len(".tmp")]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _create_in_place(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        path.unlink(missing_ok=True)
        raise
    return True


def _remove_if_same(target: Path, held: LockInfo) -> bool:
    """Remove the lock if it still says `held`. Another pmdesk clearing the same
    stale lock at the same moment could slip in between the read and the
    removal; the window is a few microseconds, as in LibreOffice."""
    if read_lock(target) != held:
        return False
    with contextlib.suppress(FileNotFoundError):
        lock_path(target).unlink()
    return True


def release(target: Path, mine: LockInfo) -> bool:
    """Remove `target`'s lock if it is still the one we wrote (only the owner
    removes a lock). True if it was removed."""
    if read_lock(target) != mine:
        return False
    try:
        lock_path(target).unlink()
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Claim:
    """How an open project stands with its lock: `owned` is the lock we wrote
    (and remove on close); `holder` is someone else's, shown to the user. An
    open for editing with neither says why in `no_lock` (`stuck`: the stale lock
    that cannot be removed; `placeholder`: our empty lock on a full disk)."""

    access: Access
    owned: LockInfo | None = None
    holder: LockInfo | None = None
    no_lock: NoLock | None = None
    stuck: LockInfo | None = None
    placeholder: Stat = None

    @property
    def read_only(self) -> bool:
        return self.access == "read_only"

    @property
    def unwritable(self) -> bool:
        """Opened for editing, but no lock of ours could be written."""
        return not self.read_only and self.owned is None and self.holder is None

    def release(self, target: Path) -> None:
        if self.owned is not None:
            release(target, self.owned)
        if self.placeholder is not None:
            _remove_placeholder(target, self.placeholder)


def claim(target: Path, user: str, access: Access) -> Claim:
    """Take `target`'s lock as `access` says; raises `ProjectLockedError` only
    for "edit" when someone else holds it."""
    if access == "read_only":
        return Claim(access, holder=other_holder(target, user))
    try:
        return Claim(access, owned=_acquire(target, user))
    except _NoLockHereError as e:
        return Claim(access, no_lock=e.why, stuck=e.stuck, placeholder=e.placeholder)
    except ProjectLockedError as e:
        if access == "edit":
            raise
        return Claim(access, holder=e.holder)


def retake(target: Path, user: str, current: Claim) -> Claim:
    """Take the lock now if an open for editing still has none of its own: the
    holder it edited beside (Edit Anyway) has closed the project or its process
    ended on this host, or the disk that was full has room again. Returns the
    claim as it stands now (`current` itself when nothing changed); called now
    and then while the project is open, and never raises."""
    if current.read_only or current.owned is not None:
        return current
    if current.holder is not None:
        now_held = other_holder(target, user)
        if now_held == current.holder:
            return current  # still theirs
        if now_held is not None:  # someone else's now: name them
            return replace(current, holder=now_held)
    try:
        if current.placeholder is not None and _is_placeholder(target, current.placeholder):
            mine = LockInfo.mine(user)
            with _private_file(lock_path(target), mine.to_json().encode("utf-8")) as private:
                os.replace(private, lock_path(target))
            return Claim(current.access, owned=mine)
        updated = claim(target, user, "edit_anyway")  # never raises ProjectLockedError
    except (OSError, PmdeskError):
        return current
    now = replace(updated, access=current.access)
    return current if now == current else now
