"""The torture run of the save path: real files, real processes, SIGKILL.

Two users ("anna" and "bo", each with their own pmdesk data folder, as on two
laptops) edit one project file in one shared folder. Every user runs in a
forked process (pmdesk already imported) and writes what it did to its own log,
one JSON line per event, each written *after* the call returned — so a line
"ack" means the edit was acknowledged to the user, "saved" that Save said so.
The parent kills, fills disks and plays the sync tool, then reads the logs and
the final file and counts what went wrong. Scenarios:

- `kills`: anna is SIGKILLed again and again — after a random delay, or by an
  audit hook at the Nth "os.rename" (os.replace too), "open", "os.remove",
  "os.link", "sqlite3.connect" … of her process — while bo edits and saves the
  same file in a loop. Every restart of anna opens with leftover="recover"
  and saves at once.
- `rounds`: both add (top level and nested), move and delete their own rows and
  save, one after the other or both at the same moment. Nobody touches the
  other's rows, so no save has a real conflict.
- `disk`: the shared folder and anna's data folder are small tmpfs mounts that
  are filled (0 bytes to a few hundred KB left) between edits and saves.
- `sync`: between anna's edits and her Save, a sync tool puts an older copy of
  the file back, or another project, or garbage.

At the end everyone recovers, merges, saves and closes; the final file must
hold every saved edit of both users and every acknowledged edit anna recovered
(edits deliberately deleted excepted). `run_torture` prints the table; the
short version is tests/core/test_torture.py.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = "plan.pmdesk"
USERS = ("anna", "bo")
# A message with one of these is an internal error, not a sentence for the user.
INTERNAL_WORDS = ("internal error", "Errno", "SQL")
# Names of pmdesk's private files: a user never heard of them.
PRIVATE_NAMES = ("work.pmdesk", "base.pmdesk", "theirs.pmdesk", "state.json", ".tmp")
# Refusals that only a real conflict (or another save running right now) justifies;
# in these scenarios nobody touches the other's rows, so each one is false.
REFUSALS = ("merge.conflicts", "save.changed_by_other", "save.busy")
HOOK_EVENTS = ("os.rename", "open", "os.remove", "os.link", "sqlite3.connect", "shutil.copyfile")


# -- logs: one JSON line per event, written after the call returned ---------
class Log:
    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def say(self, ev: str, **fields: Any) -> None:
        line = {"ev": ev, "t": time.monotonic(), "pid": os.getpid(), **fields}
        os.write(self.fd, (json.dumps(line, ensure_ascii=False) + "\n").encode())


def read_log(path: Path) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    if not path.exists():
        return lines
    for raw in path.read_bytes().splitlines():
        with contextlib.suppress(ValueError):  # a line cut short by SIGKILL
            lines.append(json.loads(raw))
    return lines


# -- one user's pmdesk, inside a child process -------------------------------
class Session:
    """A user's open project: random edits of their own rows, and saves."""

    def __init__(self, name: str, target: Path, data_dir: Path, log: Log, seed: int) -> None:
        from pmdesk.core.storage.workingcopy import WorkingCopy

        self.name, self.target, self.data_dir, self.log = name, target, data_dir, log
        self.rng = random.Random(seed)
        self.wc: WorkingCopy | None = None
        self.counts: dict[str, int] = {}  # audit events seen (filled by the hook)

    def _guard(self, what: str, action: Callable[[], object]) -> bool:
        """Run `action`; log a refusal or failure (with its message) instead of dying."""
        from pmdesk.core.errors import PmdeskError

        try:
            action()
        except PmdeskError as e:
            kind = "refused" if e.code in REFUSALS else "failed"
            self.log.say(kind, what=what, code=e.code, msg=str(e))
            return False
        except Exception as e:
            text = "".join(traceback.format_exception(e))
            self.log.say("internal", what=what, msg=text)
            return False
        return True

    def open(self) -> bool:
        from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable

        def do() -> None:
            mine = [r for r in find_recoverable(self.data_dir) if r.target == self.target]
            if mine:
                self.wc = WorkingCopy.recover(mine[0], user=self.name, access="edit_anyway")
            else:
                self.wc = WorkingCopy.open(
                    self.target,
                    data_dir=self.data_dir,
                    user=self.name,
                    leftover="recover",
                    access="edit_anyway",
                )
            self.log.say("opened", recovered=bool(mine))

        self.log.say("open_try")
        return self._guard("open", do)

    def close(self) -> bool:
        wc, self.wc = self.wc, None
        if wc is None:
            return True
        self.log.say("close_try")
        ok = self._guard("close", wc.close)
        if ok:
            self.log.say("closed")
        return ok

    def own(self) -> dict[str, str | None]:
        """This user's rows in the working copy: uid → parent uid."""
        assert self.wc is not None
        with self.wc.store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT uid, parent_uid, title FROM requirement").all()
        return {r[0]: r[1] for r in rows if str(r[2]).startswith(f"{self.name} ")}

    def _top_count(self) -> int:
        assert self.wc is not None
        with self.wc.store.engine.connect() as conn:
            sql = "SELECT count(*) FROM requirement WHERE parent_uid IS NULL"
            return int(conn.exec_driver_sql(sql).scalar() or 0)

    def edit(self) -> bool:
        """One random edit of the user's own rows: add (top level or nested),
        change the description, move (top level or under another own row), delete."""
        from pmdesk.core.ops import Create, Move, Operation, Remove, Update

        if self.wc is None:
            return False
        rng, own = self.rng, self.own()
        uids = sorted(own)
        parent: str | None
        roll = rng.random()
        op: dict[str, Any]
        operation: Operation
        if not uids or roll < 0.3:
            uid = str(uuid.uuid4())
            # Mostly at the end, as File ▸ New requirement does: where both users'
            # new rows compete for the same place.
            index = None if rng.random() < 0.7 else rng.randint(0, self._top_count())
            op = {"op": "create", "uid": uid, "parent": None, "desc": f"{uid[:8]} r0"}
            values = {"title": f"{self.name} {uid[:8]}", "description": op["desc"]}
            operation = Create("requirement", uid, values, None, index)
        elif roll < 0.5:
            uid, parent = str(uuid.uuid4()), rng.choice(uids)
            op = {"op": "create", "uid": uid, "parent": parent, "desc": f"{uid[:8]} r0"}
            values = {"title": f"{self.name} {uid[:8]}", "description": op["desc"]}
            operation = Create("requirement", uid, values, parent, rng.choice([None, 0]))
        elif roll < 0.72:
            uid = rng.choice(uids)
            op = {"op": "update", "uid": uid, "desc": f"{uid[:8]} r{rng.randrange(10**6)}"}
            operation = Update("requirement", uid, {"description": op["desc"]})
        elif roll < 0.9:
            uid = rng.choice(uids)
            below = _subtree(own, uid)
            places: list[str | None] = [u for u in uids if u not in below]
            parent = rng.choice([None, *places]) if places else None
            index = rng.choice([None, 0, 1]) if parent else rng.randint(0, self._top_count())
            op = {"op": "move", "uid": uid, "parent": parent}
            operation = Move("requirement", uid, parent, index)
        else:
            uid = rng.choice(uids)
            op = {"op": "delete", "uids": sorted(_subtree(own, uid))}
            operation = Remove((("requirement", uid),))
        self.log.say("try", op=op)
        wc = self.wc
        if self._guard("edit", lambda: wc.apply(operation)):
            self.log.say("ack", op=op)
            return True
        return False

    def save(self) -> bool:
        from pmdesk.core.errors import PmdeskError
        from pmdesk.core.project_save import save_merging

        if self.wc is None:
            return False
        wc = self.wc

        def do() -> None:
            try:
                save_merging(wc)
            except PmdeskError as e:
                if e.code != "merge.conflicts":
                    raise
                # Nobody touched the other's rows: the conflict is false. Count it,
                # and settle it as a user would who knows what they did.
                self.log.say("refused", what="save", code=e.code, msg=str(e))
                save_merging(wc, prefer="mine")

        self.log.say("save_try")
        ok = self._guard("save", do)
        if ok:
            self.log.say("saved", counts=dict(self.counts))
        return ok


def _subtree(parents: dict[str, str | None], uid: str) -> set[str]:
    below = {uid}
    grew = True
    while grew:
        more = {u for u, p in parents.items() if p in below and u not in below}
        below |= more
        grew = bool(more)
    return below


def _kill_hook(session: Session, log: Log, arm: tuple[str, int] | None) -> None:
    """Count audit events; with `arm` = (event, n), SIGKILL this process at the
    nth such event — just before the call it announces happens."""
    counts = session.counts

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in HOOK_EVENTS:
            return
        counts[event] = counts.get(event, 0) + 1
        if arm is not None and event == arm[0] and counts[event] == arm[1]:
            what = " ".join(os.path.basename(str(a)) for a in args[:2])
            log.say("hook_kill", event=event, args=what)
            os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)


# -- the processes ------------------------------------------------------------
@dataclass
class User:
    name: str
    data_dir: Path
    log_path: Path


def _child(body: Callable[[], None]) -> int:
    """Fork; the child runs `body` and leaves by os._exit (or is killed)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        code = 0
        try:
            body()
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            os._exit(code)
    return pid


def victim(
    user: User, target: Path, seed: int, arm: tuple[str, int] | None, seconds: float = 0.0
) -> None:
    """A killed user's pmdesk: start, recover, save, then edit and save until killed
    (or, with `seconds`, until that time is up: to count what it does)."""
    end = time.monotonic() + seconds if seconds else None
    log = Log(user.log_path)
    session = Session(user.name, target, user.data_dir, log, seed)
    _kill_hook(session, log, arm)
    log.say("start", arm=list(arm) if arm else None)
    if not session.open():
        return
    session.save()
    parent = os.getppid()
    while (end is None or time.monotonic() < end) and os.getppid() == parent:
        for _ in range(session.rng.randint(1, 6)):
            session.edit()
        session.save()


def colleague(user: User, target: Path, seed: int, stop: Path, pause: float) -> None:
    """A user who edits and saves in a loop until `stop` appears, then saves and closes."""
    log = Log(user.log_path)
    session = Session(user.name, target, user.data_dir, log, seed)
    log.say("start")
    while not session.open():
        time.sleep(0.05)
    parent = os.getppid()
    while not stop.exists() and os.getppid() == parent:  # (the run may be interrupted)
        for _ in range(session.rng.randint(1, 3)):
            session.edit()
        session.save()
        time.sleep(session.rng.uniform(0, pause))
    _final_save(session)


def _final_save(session: Session) -> None:
    for _ in range(5):
        if session.save():
            break
        time.sleep(0.2)
    session.close()


class Worker:
    """A user's pmdesk in a child process that does what the parent says."""

    def __init__(self, user: User, target: Path, seed: int) -> None:
        cmd_r, self._cmd = os.pipe()
        self._reply, reply_w = os.pipe()

        def body() -> None:
            os.close(self._cmd)
            os.close(self._reply)
            log = Log(user.log_path)
            session = Session(user.name, target, user.data_dir, log, seed)
            log.say("start")
            with os.fdopen(cmd_r) as commands:
                for line in commands:
                    do, n = line.split()
                    ok = True
                    for _ in range(int(n)):
                        ok = getattr(session, do)() and ok
                    os.write(reply_w, b"1\n" if ok else b"0\n")
                    if do == "quit":
                        return

        self.pid = _child(body)
        os.close(cmd_r)
        os.close(reply_w)
        self.name = user.name

    def send(self, do: str, n: int = 1) -> None:
        os.write(self._cmd, f"{do} {n}\n".encode())

    def wait(self, timeout: float = 60.0) -> bool:
        line = b""
        deadline = time.monotonic() + timeout
        while not line.endswith(b"\n"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} did not answer")
            chunk = os.read(self._reply, 2)
            if not chunk:
                raise RuntimeError(f"{self.name}'s process died")
            line += chunk
        return line == b"1\n"

    def do(self, do: str, n: int = 1) -> bool:
        self.send(do, n)
        return self.wait()

    def quit(self) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.send("quit", 0)
            self.wait(10)
        os.close(self._cmd)
        os.close(self._reply)
        _reap(self.pid, 10)


def _reap(pid: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


# -- what was acknowledged, and what the final file must hold ----------------
@dataclass
class Expected:
    """One row of one user, as the acknowledged edits left it."""

    created: bool  # acknowledged (False: tried, the process died before the answer)
    deleted: str  # "no", "maybe" (a delete tried, never answered), "yes"
    desc: set[str]
    parent: set[str | None]
    seq: int  # the last acknowledged edit of this row
    born: int  # the edit that created it (acknowledged or not)


@dataclass
class Ledger:
    """Replays a user's log: what each row must look like at the end."""

    name: str
    rows: dict[str, Expected] = field(default_factory=dict)
    seq: int = 0  # acknowledged edits so far
    saved_seq: int = 0  # acknowledged edits covered by the last acknowledged save
    _pending: dict[str, Any] | None = None
    _save_from: int = 0

    @classmethod
    def of(cls, name: str, lines: list[dict[str, Any]]) -> Ledger:
        ledger = cls(name)
        for line in lines:
            ledger.feed(line)
        ledger.settle()
        return ledger

    def settle(self) -> None:
        """The last edit tried was never answered: it may or may not have happened."""
        if self._pending is not None:
            self._apply(self._pending, certain=False)
            self._pending = None

    def feed(self, line: dict[str, Any]) -> None:
        ev = line["ev"]
        if ev == "ack":
            self._apply(line["op"], certain=True)
            self._pending = None
            return
        self.settle()
        if ev == "try":
            self._pending = line["op"]
        elif ev == "save_try":
            self._save_from = self.seq
        elif ev == "saved":
            self.saved_seq = self._save_from

    def _apply(self, op: dict[str, Any], *, certain: bool) -> None:
        if certain:
            self.seq += 1
        kind = op["op"]
        if kind == "create":
            self.rows[op["uid"]] = Expected(
                certain, "no", {op["desc"]}, {op["parent"]}, self.seq, self.seq
            )
            return
        for uid in op.get("uids", [op.get("uid")]):
            row = self.rows.get(uid)
            if row is None:  # a row of ours we never saw created (cannot happen)
                continue
            if certain:
                row.created, row.seq = True, self.seq
            if kind == "delete":
                row.deleted = "yes" if certain else ("yes" if row.deleted == "yes" else "maybe")
            elif kind == "update":
                row.desc = {op["desc"]} if certain else row.desc | {op["desc"]}
            elif kind == "move":
                row.parent = {op["parent"]} if certain else row.parent | {op["parent"]}

    def lost(self, final: dict[str, tuple[str | None, str]]) -> tuple[list[str], list[str]]:
        """Acknowledged edits the final file lacks: (saved ones, unsaved ones)."""
        saved: list[str] = []
        unsaved: list[str] = []
        for uid, row in self.rows.items():
            have = final.get(uid)
            problem = None
            if row.deleted == "yes":
                if have is not None:
                    problem = "deleted row is back"
            elif have is None:
                if row.created and row.deleted == "no":
                    problem = "row is gone"
            elif have[1] not in row.desc:
                problem = f"description {have[1]!r}, expected {sorted(row.desc)}"
            elif have[0] not in row.parent:
                problem = "row is under another parent"
            if problem:
                (saved if row.seq <= self.saved_seq else unsaved).append(
                    f"{self.name} {uid[:8]}: {problem}"
                )
        return saved, unsaved


def final_rows(target: Path) -> dict[str, tuple[str | None, str]]:
    """uid → (parent uid, description) of every requirement in a published file."""
    try:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = conn.execute("SELECT uid, parent_uid, description FROM requirement").fetchall()
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    return {r[0]: (r[1], r[2]) for r in rows}


def damage(target: Path) -> str | None:
    """Why the published file fails `pmdesk check`, or None when it is healthy."""
    from pmdesk.core.errors import PmdeskError
    from pmdesk.core.storage.projectfile import check

    try:
        problems = check(target)
    except PmdeskError as e:
        return str(e)
    except Exception as e:
        return f"internal error in check: {e!r}"
    return "; ".join(problems) or None


def cli_check(target: Path) -> str | None:
    """What `pmdesk check FILE` (the command, in its own process) finds wrong, or None."""
    run = subprocess.run(
        [sys.executable, "-m", "pmdesk.cli", "check", str(target)],
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if run.returncode == 0:
        return None
    return f"pmdesk check exit {run.returncode}: {(run.stderr or run.stdout).strip()[:300]}"


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in the shared folder that are not the projects themselves."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# -- results --------------------------------------------------------------------
@dataclass
class Result:
    scenario: str
    seed: int
    kills: int = 0
    kills_with_colleague: int = 0
    damaged: list[str] = field(default_factory=list)
    lost_saved: dict[str, list[str]] = field(default_factory=dict)
    lost_unsaved: dict[str, list[str]] = field(default_factory=dict)
    false_refusals: list[str] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    stale_markers: int = 0  # killed saves' markers still there after a colleague's save began
    failed_but_published: list[str] = field(default_factory=list)
    # kills after which the next start offers to recover edits its save had published
    offered_saved: int = 0
    # save_merging gave up: the colleague saved during each of its merges (its
    # retries merge holding the save marker, so this must not happen)
    gave_up: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str | None = None

    def lost(self, which: str, user: str) -> int:
        return len((self.lost_saved if which == "saved" else self.lost_unsaved).get(user, []))

    def collect(self, logs: dict[str, list[dict[str, Any]]], target: Path) -> None:
        """Messages from the logs, then what the final file lacks."""
        for name, lines in logs.items():
            for line in lines:
                msg = str(line.get("msg", ""))
                last = msg.strip().splitlines()[-1] if msg.strip() else ""
                frames = [x.strip() for x in msg.splitlines() if "/pmdesk/" in x and "File" in x]
                at = f" (at {frames[-1].split('/pmdesk/')[-1]})" if frames else ""
                where = f"{name} {line.get('what', '')}: {last}{at}"
                if line["ev"] == "internal" or any(w in msg for w in INTERNAL_WORDS):
                    self.internal.append(where)
                elif line["ev"] in ("refused", "failed") and any(n in msg for n in PRIVATE_NAMES):
                    self.unclear.append(where)
                if line["ev"] == "refused" and line.get("code") == "save.changed_by_other":
                    self.gave_up.append(f"{name}: {line.get('code')}")
                elif line["ev"] == "refused":  # with what it said: which rows "conflicted"
                    said = " ".join(msg.split())[:300]
                    self.false_refusals.append(f"{name}: {line.get('code')}: {said}")
        problem = cli_check(target)
        if problem:
            self.damaged.append(f"final file: {problem}")
            if any(w in problem for w in INTERNAL_WORDS):
                self.internal.append(f"final file: {problem}")
        final = final_rows(target)
        for name, lines in logs.items():
            saved, unsaved = Ledger.of(name, lines).lost(final)
            self.lost_saved[name], self.lost_unsaved[name] = saved, unsaved


HEADER = (
    "| scenario | seed | kills | with a colleague saving | damaged files | "
    "lost saved edits (anna/bo) | lost unsaved edits (anna/bo) | saves refused without a "
    "conflict | internal errors | messages naming private files | leftovers in the share | "
    "dead save markers left blocking | saves reported failed that published | "
    "recovery offers edits already saved | "
    "saves given up (colleague saved during each merge) | time |\n|" + " --- |" * 16
)


def table(results: list[Result]) -> str:
    rows = [HEADER]
    for r in results:
        if r.skipped:
            rows.append(f"| {r.scenario} | {r.seed} | skipped: {r.skipped} |" + " |" * 13)
            continue
        lost_s = "/".join(str(r.lost("saved", u)) for u in USERS)
        lost_u = "/".join(str(r.lost("unsaved", u)) for u in USERS)
        rows.append(
            f"| {r.scenario} | {r.seed} | {r.kills} | {r.kills_with_colleague} | "
            f"{len(r.damaged)} | {lost_s} | {lost_u} | {len(r.false_refusals)} | "
            f"{len(r.internal)} | {len(r.unclear)} | {len(r.leftovers)} | {r.stale_markers} | "
            f"{len(r.failed_but_published)} | {r.offered_saved} | {len(r.gave_up)} | "
            f"{r.seconds:.0f} s |"
        )
    return "\n".join(rows)


def details(r: Result, limit: int = 5) -> str:
    out = [f"{r.scenario} (seed {r.seed}):"]
    groups: list[tuple[str, list[str]]] = [
        ("damaged", r.damaged),
        *((f"lost saved edits of {u}", r.lost_saved.get(u, [])) for u in USERS),
        *((f"lost unsaved edits of {u}", r.lost_unsaved.get(u, [])) for u in USERS),
        ("refused without a conflict", r.false_refusals),
        ("internal errors", r.internal),
        ("messages naming private files", r.unclear),
        ("leftovers", r.leftovers),
        ("saves reported failed that published", r.failed_but_published),
        ("saves given up", r.gave_up),
        ("notes", r.notes),
    ]
    for title, items in groups:
        if items:
            shown = "; ".join(str(i)[: 2000 if title == "notes" else 300] for i in items[:limit])
            more = f" (+{len(items) - limit} more)" if len(items) > limit else ""
            out.append(f"  {title} ({len(items)}): {shown}{more}")
    return "\n".join(out)


# -- scenario helpers -----------------------------------------------------------
def _setup(workdir: Path) -> tuple[Path, dict[str, User]]:
    from pmdesk.core.storage.projectfile import new_project

    share = workdir / "share"
    share.mkdir(parents=True, exist_ok=True)
    target = (share / PROJECT).resolve()
    new_project(target, title="torture", key_prefix="REQ")
    users = {n: User(n, workdir / f"data-{n}", workdir / f"{n}.log") for n in USERS}
    for user in users.values():
        user.data_dir.mkdir(parents=True, exist_ok=True)
    return target, users


def _logs(users: dict[str, User]) -> dict[str, list[dict[str, Any]]]:
    return {n: read_log(u.log_path) for n, u in users.items()}


def _marker_pid(marker: Path) -> int | None:
    try:
        return int(marker.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _dead_marker(
    target: Path, result: Result, colleague_log: Path | None, grace: float = 0.5
) -> None:
    """A killed save leaves its save marker. The next save, anyone's, must see
    that its process is dead and go ahead; today it waits 10 s and refuses
    (issue 11). Give the colleague `grace` seconds to clear it: if a save of
    theirs started meanwhile and the marker is still there, count it. Then
    remove it, so that the run goes on without a chain of blocked saves."""
    from pmdesk.core.storage.lockfile import pid_alive
    from pmdesk.core.storage.savelock import save_marker

    marker = save_marker(target)
    since = time.monotonic()
    while True:
        pid = _marker_pid(marker)
        if pid is None or pid_alive(pid):
            return
        if time.monotonic() > since + grace:
            break
        time.sleep(0.01)
    with contextlib.suppress(OSError):
        marker.unlink()
    tried = colleague_log is None or any(
        line["ev"] == "save_try" and since <= line["t"] <= since + grace - 0.1
        for line in read_log(colleague_log)
    )
    if tried:
        result.stale_markers += 1


# -- scenario: kills while a colleague saves -----------------------------------
# System calls at which strace kills anna (strace --inject), edits included:
# SQLite's writes and fsyncs of the working copy, the copies, renames, deletes.
STRACE_CALLS = ("fsync", "fdatasync", "pwrite64", "write", "rename", "unlink", "link", "ftruncate")
REPO = Path(__file__).resolve().parents[2]


def _victim_command(user: User, target: Path, seed: int, seconds: float = 0.0) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tests.bench.torture",
        "victim",
        user.name,
        str(target),
        str(user.data_dir),
        str(user.log_path),
        str(seed),
        str(seconds),
    ]


def _child_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO)}


def strace_available() -> bool:
    if not shutil.which("strace"):
        return False
    run = subprocess.run(["strace", "-qq", "-o", "/dev/null", "true"], capture_output=True)
    return run.returncode == 0


def _strace_counts(user: User, target: Path, seed: int, workdir: Path) -> dict[str, int]:
    """How often anna's process makes each of STRACE_CALLS in about two seconds."""
    out = workdir / "strace-counts.txt"
    command = ["strace", "-f", "-c", "-o", str(out), "-e", f"trace={','.join(STRACE_CALLS)}"]
    subprocess.run(
        command + _victim_command(user, target, seed, seconds=2.0),
        env=_child_env(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    counts = {}
    for line in out.read_text().splitlines() if out.exists() else []:
        parts = line.split()
        if len(parts) >= 5 and parts[-1] in STRACE_CALLS and parts[3].isdigit():
            counts[parts[-1]] = int(parts[3])
    return counts


def _kill_with_strace(
    user: User, target: Path, seed: int, call: str, n: int, timeout: float
) -> tuple[int, bool]:
    """Run anna under strace, which SIGKILLs her at the nth `call`. Returns the
    exit status and whether the injection (not the timeout) killed her."""
    command = [
        "strace",
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        f"trace={call}",
        "-e",
        f"inject={call}:signal=KILL:when={n}",
        *_victim_command(user, target, seed),
    ]
    proc = subprocess.Popen(
        command,
        env=_child_env(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout)
        return proc.returncode, True
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait(), False


def _offers_saved(data_dir: Path, target: Path) -> bool:
    """Does the next start offer to recover edits that are published already? (A
    save killed after its rename, the target still exactly the file it published.)"""
    from pmdesk.core.storage.sqlite_files import fingerprint
    from pmdesk.core.storage.workingcopy import find_recoverable
    from pmdesk.core.storage.workingcopy_slot import STATE

    for item in find_recoverable(data_dir):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            pending = json.loads((item.slot / STATE).read_text()).get("pending")
            if pending and pending["fingerprint"]["sha256"] == fingerprint(target)["sha256"]:
                return True
    return False


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    from pmdesk.core.storage.lockfile import pid_alive

    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def run_kills(
    workdir: Path,
    seed: int,
    kills: int,
    *,
    colleague_pause: float = 0.3,
    strace_share: float = 0.15,
) -> Result:
    """Kill anna `kills` times (random delay, audit event, or system call by strace
    for `strace_share` of them) while bo edits and saves in a loop."""
    result = Result("kills", seed)
    started = time.monotonic()
    rng = random.Random(seed)
    target, users = _setup(workdir)
    anna, bo = users["anna"], users["bo"]
    stop = workdir / "stop"
    bo_seed = rng.randrange(1 << 32)
    colleague_pid = _child(lambda: colleague(bo, target, bo_seed, stop, colleague_pause))
    typical: dict[str, int] = {}  # audit events in a cycle, from the cycles so far
    calls: dict[str, int] = {}  # system calls in about two seconds
    if strace_share > 0 and strace_available():
        calls = _strace_counts(anna, target, rng.randrange(1 << 32), workdir)
    phases: dict[str, int] = {}
    where: dict[str, int] = {}
    try:
        for cycle in range(kills):
            child_seed = rng.randrange(1 << 32)
            how, arm, syscall = "delay", None, None
            if calls and rng.random() < strace_share:
                name = rng.choice(sorted(calls))
                syscall, how = (name, rng.randint(1, max(1, calls[name]))), "strace"
            elif typical and rng.random() < 0.6:
                event = rng.choice(sorted(typical))
                arm, how = (event, rng.randint(1, max(1, typical[event]))), "hook"
            limit = rng.uniform(0.0, 0.05) if rng.random() < 0.2 else rng.uniform(0.05, 0.5)
            begin = time.monotonic()
            mark = len(read_log(anna.log_path))
            if syscall is not None:
                status, injected = _kill_with_strace(anna, target, child_seed, *syscall, 4.0)
                killed = status == -signal.SIGKILL
                how = "strace" if injected else "delay"
                # strace is gone; anna's process (not our child) may take a moment more.
                for line in read_log(anna.log_path)[mark:][:1]:
                    _wait_gone(int(line["pid"]))
            else:
                pid = _child(functools.partial(victim, anna, target, child_seed, arm))
                deadline = begin + (2.0 if arm is not None else limit)
                status = None
                while time.monotonic() < deadline:
                    done, status = os.waitpid(pid, os.WNOHANG)
                    if done:
                        break
                    status = None
                    time.sleep(0.002)
                if status is None:
                    os.kill(pid, signal.SIGKILL)
                    status = os.waitpid(pid, 0)[1]
                    how = "delay"
                killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            killed_at = time.monotonic()
            lines = read_log(anna.log_path)[mark:]
            if not killed:
                result.notes.append(f"cycle {cycle}: anna exited by herself ({status})")
                continue
            result.kills += 1
            phase = _phase(lines)
            phases[phase] = phases.get(phase, 0) + 1
            hook = next((x for x in lines if x["ev"] == "hook_kill"), None)
            if how == "hook" and hook is not None:
                key = f"{phase} at {hook['event']}"
            elif how == "strace" and syscall is not None:
                key = f"{phase} at {syscall[0]}()"
            else:
                key = f"{phase} after a random delay"
            where[key] = where.get(key, 0) + 1
            # Up to the end of the first save (the one right after recovering): the
            # hook then lands in opening, recovering and that save.
            for line in lines:
                if line["ev"] == "saved":
                    for event, count in line.get("counts", {}).items():
                        typical[event] = max(typical.get(event, 0), count)
                    break
            saves = [x["t"] for x in read_log(bo.log_path) if x["ev"] in ("save_try", "saved")]
            if any(begin <= t <= killed_at for t in saves):
                result.kills_with_colleague += 1
            problem = damage(target)
            if problem:
                result.damaged.append(f"cycle {cycle} ({phase}): {problem}")
            result.offered_saved += _offers_saved(anna.data_dir, target)
            _dead_marker(target, result, bo.log_path)
    finally:
        stop.touch()
        status = _reap(colleague_pid, 120)
        if status != 0:
            result.notes.append(f"bo's process ended with status {status}")
    # anna starts once more, recovers and saves; then everyone has closed.
    last_seed = rng.randrange(1 << 32)
    _reap(_child(lambda: _last_start(anna, target, last_seed)), 120)
    _dead_marker(target, result, None, grace=0)
    result.collect(_logs(users), target)
    result.leftovers = leftovers(target.parent, {PROJECT})
    result.notes.append(
        "kills by phase: " + ", ".join(f"{k} {v}" for k, v in sorted(phases.items()))
    )
    result.notes.append("kills: " + ", ".join(f"{k} {v}" for k, v in sorted(where.items())))
    result.seconds = time.monotonic() - started
    return result


def _last_start(user: User, target: Path, seed: int) -> None:
    log = Log(user.log_path)
    session = Session(user.name, target, user.data_dir, log, seed)
    log.say("start")
    if session.open():
        _final_save(session)


def _phase(lines: list[dict[str, Any]]) -> str:
    phase = "start"
    for line in lines:
        ev = line["ev"]
        if ev == "open_try":
            phase = "open"
        elif ev in ("opened", "saved", "ack"):
            phase = "edit"
        elif ev == "save_try":
            phase = "save"
        elif ev in ("refused", "failed", "internal") and phase != "save":
            phase = "edit"
    return phase


# -- scenario: two users, many rounds ------------------------------------------
@contextlib.contextmanager
def _workers(
    users: dict[str, User], target: Path, rng: random.Random
) -> Iterator[dict[str, Worker]]:
    workers = {n: Worker(u, target, rng.randrange(1 << 32)) for n, u in users.items()}
    try:
        yield workers
    finally:
        for w in workers.values():
            w.quit()


def _save_round(workers: dict[str, Worker], rng: random.Random, turn: int) -> None:
    """Save: by turns (one user a round, so the other edits on an older base), one
    after the other in either order, or both at the same moment."""
    order = list(workers.values())
    roll = rng.random()
    if roll < 0.5:
        order[turn % len(order)].do("save")
    elif roll < 0.75:
        for w in order:
            w.send("save")
        for w in order:
            w.wait()
    else:
        rng.shuffle(order)
        for w in order:
            w.do("save")


def _finish(workers: dict[str, Worker]) -> None:
    """Everyone saves (the last one merges the others), then closes."""
    for w in [*workers.values(), *workers.values()]:
        w.do("save")
    for w in workers.values():
        w.do("close")


def run_rounds(workdir: Path, seed: int, rounds: int) -> Result:
    result = Result("rounds", seed)
    started = time.monotonic()
    rng = random.Random(seed)
    target, users = _setup(workdir)
    with _workers(users, target, rng) as workers:
        for w in workers.values():
            w.do("open")
        for r in range(rounds):
            for w in workers.values():
                w.do("edit", rng.randint(1, 5))
            _save_round(workers, rng, r)
            problem = damage(target)
            if problem:
                result.damaged.append(f"round {r}: {problem}")
        _finish(workers)
    result.collect(_logs(users), target)
    result.leftovers = leftovers(target.parent, {PROJECT})
    result.seconds = time.monotonic() - started
    return result


# -- scenario: a sync tool puts another file in place --------------------------
def _garbage_kinds() -> dict[str, Callable[[Path, Path, random.Random], None]]:
    """Ways a sync tool replaces the file: (target, last good copy, rng) → file at target."""

    def random_bytes(path: Path, good: Path, rng: random.Random) -> None:
        path.write_bytes(rng.randbytes(max(4096, good.stat().st_size)))

    def truncated(path: Path, good: Path, rng: random.Random) -> None:
        data = good.read_bytes()
        path.write_bytes(data[: rng.randint(1, len(data) - 1)])

    def empty(path: Path, good: Path, rng: random.Random) -> None:
        path.write_bytes(b"")

    def zeroed_pages(path: Path, good: Path, rng: random.Random) -> None:
        data = bytearray(good.read_bytes())
        start = rng.randrange(1, max(2, len(data) // 4096)) * 4096
        data[start : start + 4096] = bytes(4096)
        path.write_bytes(bytes(data))

    def other_sqlite(path: Path, good: Path, rng: random.Random) -> None:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.commit()
        conn.close()

    def removed(path: Path, good: Path, rng: random.Random) -> None:
        pass  # nothing arrives: the file is gone (moved away, deleted elsewhere)

    kinds: dict[str, Callable[[Path, Path, random.Random], None]] = {
        "file removed": removed,
        "random bytes": random_bytes,
        "truncated copy": truncated,
        "empty file": empty,
        "a zeroed page": zeroed_pages,
        "another SQLite database": other_sqlite,
    }
    with contextlib.suppress(ImportError):  # helper "damage"'s catalogue, once merged
        catalogue = importlib.import_module("tests.damaged_files")
        for name, spoil in catalogue.KINDS.items():

            def damaged(
                path: Path, good: Path, rng: random.Random, spoil: Callable[[Path], None] = spoil
            ) -> None:
                shutil.copyfile(good, path)
                spoil(path)

            kinds[f"damaged: {name}"] = damaged
    return kinds


def _sync_replace(target: Path, fill: Callable[[Path], object]) -> None:
    """What a sync client does: download to a temporary name, rename over the file."""
    tmp = target.with_name(f".sync-{uuid.uuid4().hex[:6]}.download")
    try:
        fill(tmp)
        if not tmp.exists() and not tmp.is_symlink():  # the file is gone
            target.unlink(missing_ok=True)
        elif tmp.is_dir() or tmp.is_symlink():
            # Kinds that are not a plain file cannot be renamed over one.
            target.unlink(missing_ok=True)
            tmp.rename(target)
        else:
            # The files beside it come along, as a sync tool syncs every file
            # of the folder: a kind with a hot journal or a -wal (what a writer
            # killed mid-transaction leaves) is not stripped of it, which would
            # leave half-written pages that look like somebody's edits.
            for suffix in ("-journal", "-wal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
                if Path(f"{tmp}{suffix}").is_file():
                    os.replace(f"{tmp}{suffix}", f"{target}{suffix}")
            os.replace(tmp, target)
    finally:
        for side in [tmp, *(Path(f"{tmp}{s}") for s in ("-journal", "-wal", "-shm"))]:
            if side.is_dir() and not side.is_symlink():
                shutil.rmtree(side)
            elif side.exists() or side.is_symlink():
                side.unlink()


def _spoiled(
    spoil: Callable[[Path, Path, random.Random], None], good: Path, rng: random.Random, path: Path
) -> None:
    spoil(path, good, rng)


def _restore(target: Path, good: Path) -> None:
    for side in (Path(f"{target}{s}") for s in ("-journal", "-wal", "-shm")):
        side.unlink(missing_ok=True)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    _sync_replace(target, lambda tmp: shutil.copyfile(good, tmp))


def _write_protected(path: Path) -> bool:
    """No write permission bit set (`os.access` says yes to root regardless)."""
    try:
        return path.is_file() and not path.stat().st_mode & 0o222
    except OSError:
        return False


def _project_uid(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return str(conn.execute("SELECT uid FROM project").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, TypeError, OSError):
        return None


def run_sync(workdir: Path, seed: int, rounds: int) -> Result:
    from pmdesk.core.storage.projectfile import new_project

    result = Result("sync", seed)
    started = time.monotonic()
    rng = random.Random(seed)
    target, users = _setup(workdir)
    uid = _project_uid(target)
    other = workdir / "other.pmdesk"
    new_project(other, title="another project", key_prefix="OTH")
    kinds = _garbage_kinds()
    versions: list[Path] = []  # copies of the published file after each save

    def keep_version() -> None:
        if damage(target) is None and _project_uid(target) == uid:
            copy = workdir / f"version-{len(versions)}.pmdesk"
            shutil.copyfile(target, copy)
            versions.append(copy)

    keep_version()
    with _workers(users, target, rng) as workers:
        anna, bo = workers["anna"], workers["bo"]
        for w in workers.values():
            w.do("open")
        for r in range(rounds):
            bo.do("edit", rng.randint(1, 5))
            bo.do("save")
            keep_version()
            anna.do("edit", rng.randint(1, 4))
            roll = rng.random()
            good = versions[-1]
            if roll < 0.5:
                older = rng.choice(versions[:-1] or versions)
                kind = f"older copy ({versions.index(older)} of {len(versions) - 1})"
                _sync_replace(target, functools.partial(shutil.copyfile, older))
            elif roll < 0.65:
                kind = "another project"
                _sync_replace(target, functools.partial(shutil.copyfile, other))
            else:
                kind = rng.choice(sorted(kinds))
                _sync_replace(target, functools.partial(_spoiled, kinds[kind], good, rng))
            saved = anna.do("save")
            problem = damage(target) if target.is_file() else "not a file"
            if saved and (problem or _project_uid(target) != uid):
                result.damaged.append(f"round {r}: saved over {kind}: {problem or 'not ours'}")
            result.notes.append(f"round {r}: {kind} → anna's save {'ok' if saved else 'refused'}")
            # The sync tool comes back to its senses: a damaged or foreign file is
            # replaced by the last good copy, a write-protected one made writable
            # again (pmdesk rightly refuses to save over it and keeps the edits in
            # the working copy, which the final rows alone cannot see).
            if problem or _project_uid(target) != uid or _write_protected(target):
                _restore(target, good)
            keep_version()
        _finish(workers)
    result.collect(_logs(users), target)
    result.leftovers = leftovers(target.parent, {PROJECT})
    result.seconds = time.monotonic() - started
    return result


# -- scenario: full disks --------------------------------------------------------
def mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a small tmpfs on `folder` (False where mounting is not allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not shutil.which("mount") or os.geteuid() != 0:
        return False
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return run.returncode == 0


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill `folder`'s filesystem until `leave` bytes are free; returns the filler."""
    filler = folder / f"filler-{uuid.uuid4().hex[:6]}"
    st = os.statvfs(folder)
    size = max(0, st.f_bavail * st.f_frsize - leave)
    with contextlib.suppress(OSError), open(filler, "wb", buffering=0) as f:
        with contextlib.suppress(OSError):
            os.posix_fallocate(f.fileno(), 0, size)
        while leave == 0:  # the last few blocks too
            f.write(bytes(4096))
    return filler


def run_disk(workdir: Path, seed: int, rounds: int) -> Result:
    result = Result("disk", seed)
    started = time.monotonic()
    rng = random.Random(seed)
    share, anna_data = workdir / "share", workdir / "data-anna"
    if not (mount_tmpfs(share, "8m")):
        result.skipped = "cannot mount a tmpfs here"
        return result
    if not mount_tmpfs(anna_data, "16m"):
        unmount(share)
        result.skipped = "cannot mount a tmpfs here"
        return result
    try:
        target, users = _setup(workdir)
        with _workers(users, target, rng) as workers:
            anna, bo = workers["anna"], workers["bo"]
            for w in workers.values():
                w.do("open")
            for r in range(rounds):
                for w in workers.values():
                    w.do("edit", rng.randint(1, 4))
                where = rng.choice(["share", "data", "both"])
                leave = rng.choice([0, 0, 4096, 16384, 65536, rng.randrange(200_000)])
                folders = {"share": [share], "data": [anna_data], "both": [share, anna_data]}
                fillers = [fill(f, leave) for f in folders[where]]
                step = rng.choice(["save", "edit", "reopen"])
                if step == "edit":
                    anna.do("edit", rng.randint(1, 3))
                elif step == "reopen":
                    anna.do("close")
                    anna.do("open")
                before = Ledger.of("anna", read_log(users["anna"].log_path))
                saved = anna.do("save")
                if not saved and _published_unsaved(before, target):
                    result.failed_but_published.append(f"round {r}: {where} full, {leave} B left")
                bo.do("save")
                result.notes.append(
                    f"round {r}: {where} full ({leave} B left), {step}, "
                    f"anna's save {'ok' if saved else 'failed'}"
                )
                for filler in fillers:
                    filler.unlink()
                problem = damage(target)
                if problem:
                    result.damaged.append(f"round {r}: {problem}")
                if not _is_open(users["anna"]):
                    anna.do("open")
                _save_round(workers, rng, r)
            _finish(workers)
        result.collect(_logs(users), target)
        result.leftovers = leftovers(target.parent, {PROJECT})
    finally:
        unmount(share)
        unmount(anna_data)
    result.seconds = time.monotonic() - started
    return result


def _is_open(user: User) -> bool:
    state = False
    for line in read_log(user.log_path):
        if line["ev"] == "opened":
            state = True
        elif line["ev"] == "closed":
            state = False
    return state


def _published_unsaved(ledger: Ledger, target: Path) -> bool:
    """Does the published file hold a row this user created and never saved?"""
    rows = final_rows(target)
    return any(
        uid in rows and row.created and row.born > ledger.saved_seq
        for uid, row in ledger.rows.items()
    )


SCENARIOS = ("kills", "rounds", "disk", "sync")


def run(scenario: str, workdir: Path, seed: int, *, kills: int = 40, rounds: int = 10) -> Result:
    """Run one scenario in its own folder under `workdir`."""
    folder = workdir / scenario
    folder.mkdir(parents=True, exist_ok=True)
    if scenario == "kills":
        return run_kills(folder, seed, kills)
    if scenario == "rounds":
        return run_rounds(folder, seed, rounds)
    if scenario == "disk":
        return run_disk(folder, seed, rounds)
    if scenario == "sync":
        return run_sync(folder, seed, rounds)
    raise ValueError(scenario)


def problems(r: Result) -> int:
    """How many things went wrong in a scenario (every count that must be zero)."""
    return (
        len(r.damaged)
        + sum(len(v) for v in r.lost_saved.values())
        + sum(len(v) for v in r.lost_unsaved.values())
        + len(r.false_refusals)
        + len(r.internal)
        + len(r.unclear)
        + len(r.leftovers)
        + r.stale_markers
        + len(r.failed_but_published)
        + r.offered_saved
        + len(r.gave_up)
    )


if __name__ == "__main__":  # anna's process under strace (see run_kills)
    if sys.argv[1] != "victim":
        raise SystemExit("python -m tests.bench.run_torture runs the torture run")
    name, target_, data_dir_, log_, seed_, seconds_ = sys.argv[2:8]
    victim(
        User(name, Path(data_dir_), Path(log_)), Path(target_), int(seed_), None, float(seconds_)
    )
