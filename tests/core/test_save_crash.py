"""A save killed half-way, in a folder two people share (issue 11, items 1 and 4).

Each person has their own data folder (their own working copies), as on two
laptops; the project file is the one both see. Bo's save runs in a forked
process that SIGKILLs itself at a chosen point: just before the rename that
publishes his file, or just after it (before pmdesk could record that it
happened). Whatever Anna saved around it, and everything Bo had, must end up
in the shared file.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NoReturn

import pytest

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage import sqlite_files, workingcopy
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.core.merge_helpers import by_key, requirements

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

Where = Literal["before_rename", "after_rename"]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "crm.pmdesk"
    write_sample(path, "en")
    return path.resolve()


def open_as(target: Path, user: str, tmp_path: Path, **kw: Any) -> WorkingCopy:
    return WorkingCopy.open(target, data_dir=tmp_path / user, user=user, access="edit_anyway", **kw)


def add(wc: WorkingCopy, title: str, parent_key: str) -> None:
    parent = str(by_key(wc.target)[parent_key]["uid"])
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}, parent=parent))


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def die_in_publish(where: Where) -> None:
    """From now on (in this forked child) the next save dies at `where`."""
    real = sqlite_files.publish

    def dying(
        source: Path, target: Path, before_replace: Callable[[Path], None] | None = None
    ) -> None:
        def hook(tmp: Path) -> None:
            if before_replace is not None:
                before_replace(tmp)
            if where == "before_rename":
                os.kill(os.getpid(), signal.SIGKILL)

        real(source, target, before_replace=hook)
        os.kill(os.getpid(), signal.SIGKILL)

    # The name the working copy calls it by (it imports publish from sqlite_files).
    workingcopy.publish = dying  # type: ignore[attr-defined]


Step = Callable[[], None]


def in_child(first: Step, then: Step, between: Step) -> None:
    """Fork: the child runs `first`, the parent `between`, then the child `then`,
    which must end in SIGKILL."""
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns

        def child() -> NoReturn:
            try:
                first()
                os.write(ready_w, b"r")
                os.read(go_r, 1)
                then()
            except BaseException as e:  # reported on stderr; the exit code fails the test
                os.write(2, f"child failed: {e!r}\n".encode())
            os._exit(70)

        child()
    try:
        assert os.read(ready_r, 1) == b"r", "the child failed before its save"
        between()
        os.write(go_w, b"g")
        _, status = os.waitpid(pid, 0)
    finally:
        for fd in (ready_r, ready_w, go_r, go_w):
            os.close(fd)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


@pytest.mark.parametrize("where", ["before_rename", "after_rename"])
def test_a_colleague_saves_after_a_save_that_died(
    shared: Path, tmp_path: Path, where: Where
) -> None:
    bo_dir = tmp_path / "Bo"
    bo: list[WorkingCopy] = []

    def bo_edits() -> None:
        bo.append(open_as(shared, "Bo", tmp_path))
        add(bo[0], "B1 by Bo", "CRM-5")

    def bo_saves_and_dies() -> None:
        die_in_publish(where)
        save_merging(bo[0])  # merges A1 first, then dies publishing

    anna = open_as(shared, "Anna", tmp_path)

    def anna_saves_a1() -> None:
        add(anna, "A1 by Anna", "CRM-1")
        save_merging(anna)

    in_child(bo_edits, bo_saves_and_dies, anna_saves_a1)
    if where == "after_rename":
        assert "B1 by Bo" in titles(shared)
    add(anna, "A2 by Anna", "CRM-1")
    save_merging(anna)
    assert {"A1 by Anna", "A2 by Anna"} <= titles(shared)

    # Bo starts pmdesk again.
    leftovers = find_recoverable(bo_dir)
    if where == "before_rename":
        assert [item.unsaved_edits for item in leftovers] == [1]  # B1 was never published
        mine = WorkingCopy.recover(leftovers[0], user="Bo", access="edit_anyway")
    else:
        assert leftovers == []  # B1 is in the file: nothing to recover
        mine = open_as(shared, "Bo", tmp_path)
    save_merging(mine)
    assert {"A1 by Anna", "A2 by Anna", "B1 by Bo"} <= titles(shared)

    # Both go on working: nothing is taken out again.
    add(mine, "B2 by Bo", "CRM-5")
    save_merging(mine)
    add(anna, "A3 by Anna", "CRM-1")
    save_merging(anna)
    want = {"A1 by Anna", "A2 by Anna", "A3 by Anna", "B1 by Bo", "B2 by Bo"}
    assert want <= titles(shared)
    assert check(shared) == []
    save_merging(mine)
    assert want <= titles(shared)
    for wc in (anna, mine):
        wc.close()


def test_a_save_killed_after_its_rename_is_recognised_as_finished(
    shared: Path, tmp_path: Path
) -> None:
    """Nobody else saves: the next start has nothing to recover, and the file is
    not taken for a newer version saved elsewhere (by the user herself)."""
    anna: list[WorkingCopy] = []

    def edits() -> None:
        anna.append(open_as(shared, "Anna", tmp_path))
        add(anna[0], "A1 by Anna", "CRM-1")

    def saves_and_dies() -> None:
        die_in_publish("after_rename")
        anna[0].save()

    in_child(edits, saves_and_dies, lambda: None)
    assert "A1 by Anna" in titles(shared)
    assert find_recoverable(tmp_path / "Anna") == []
    wc = open_as(shared, "Anna", tmp_path)
    assert not wc.target_changed()
    assert wc.unsaved_edits() == 0
    wc.close()


def test_recovering_a_save_killed_before_its_rename_needs_no_merge(
    shared: Path, tmp_path: Path
) -> None:
    """A first save went through, a second died before its rename: recovery
    resumes on top of the first (the file as it is), which is not a
    colleague's version to merge."""
    anna: list[WorkingCopy] = []

    def edits() -> None:
        anna.append(open_as(shared, "Anna", tmp_path))
        add(anna[0], "A1 by Anna", "CRM-1")
        anna[0].save()
        add(anna[0], "A2 by Anna", "CRM-1")

    def saves_and_dies() -> None:
        die_in_publish("before_rename")
        anna[0].save()

    in_child(edits, saves_and_dies, lambda: None)
    [item] = find_recoverable(tmp_path / "Anna")
    assert item.unsaved_edits == 1
    wc = WorkingCopy.recover(item, user="Anna", access="edit_anyway")
    assert not wc.target_changed()
    wc.save()
    assert {"A1 by Anna", "A2 by Anna"} <= titles(shared)
    wc.close()


def test_the_fingerprint_kept_after_a_save_is_the_published_files(
    shared: Path, tmp_path: Path
) -> None:
    """A rename changes the file's ctime: what was noted before it must be brought
    up to date, or every later look at the file has to hash it whole."""
    wc = open_as(shared, "Anna", tmp_path)
    add(wc, "A1 by Anna", "CRM-1")
    wc.save()
    st = shared.stat()
    kept = wc.fingerprint
    assert (kept["ino"], kept["mtime_ns"], kept["ctime_ns"]) == (
        st.st_ino,
        st.st_mtime_ns,
        st.st_ctime_ns,
    )
    wc.close()


@pytest.mark.parametrize("reopen", ["recover", "discard"])
def test_a_killed_saves_temporary_copy_is_cleared_at_the_next_open(
    shared: Path, tmp_path: Path, reopen: str
) -> None:
    folder = shared.parent
    # A colleague's save in progress on another machine: not ours to remove.
    colleague = folder / f".{shared.name}.another-laptop-4242.0123abcd.tmp"
    colleague.write_bytes(b"a colleague's save, half copied")
    anna: list[WorkingCopy] = []

    def edits() -> None:
        anna.append(open_as(shared, "Anna", tmp_path))
        add(anna[0], "A1 by Anna", "CRM-1")

    def saves_and_dies() -> None:
        die_in_publish("before_rename")
        anna[0].save()

    in_child(edits, saves_and_dies, lambda: None)
    assert [p for p in folder.glob(f".{shared.name}.*.tmp*") if p != colleague]
    wc = open_as(shared, "Anna", tmp_path, leftover=reopen)
    assert sorted(p.name for p in folder.glob(f".{shared.name}.*")) == [colleague.name]
    add(wc, "A2 by Anna", "CRM-1")
    wc.save()
    wc.close()
    assert set(folder.iterdir()) == {shared, colleague}
    want = {"A1 by Anna", "A2 by Anna"} if reopen == "recover" else {"A2 by Anna"}
    assert want <= titles(shared)


def test_a_merge_killed_before_its_file_became_the_base_conflicts_with_nothing_later(
    shared: Path, tmp_path: Path
) -> None:
    """Anna's save merges Bo's change of CRM-7 into her working copy and is killed
    before Bo's file becomes her base. Bo then deletes CRM-7 and saves. Anna never
    touched CRM-7: her next save must take the deletion in, not ask her to choose
    between Bo's deletion and Bo's own earlier change (the torture run's "refused
    without a conflict")."""
    from pmdesk.core.merge import target as merge_target
    from pmdesk.core.ops import Remove, Update

    bo = open_as(shared, "Bo", tmp_path)
    seven = str(by_key(shared)["CRM-7"]["uid"])
    anna: list[WorkingCopy] = []

    def anna_opens_and_edits() -> None:
        anna.append(open_as(shared, "Anna", tmp_path))
        add(anna[0], "A1 by Anna", "CRM-1")

    def bo_changes_seven() -> None:
        bo.apply(Update("requirement", seven, {"description": "Bo's second thoughts"}))
        save_merging(bo)

    def anna_saves_and_dies_before_taking_the_base() -> None:
        def killed(*_: object) -> None:
            os.kill(os.getpid(), signal.SIGKILL)

        merge_target.accept = killed  # type: ignore[assignment]
        save_merging(anna[0])  # Bo's change goes into her working copy, then she dies

    in_child(anna_opens_and_edits, anna_saves_and_dies_before_taking_the_base, bo_changes_seven)
    bo.apply(Remove((("requirement", seven),)))
    save_merging(bo)
    [leftover] = find_recoverable(tmp_path / "Anna")
    mine = WorkingCopy.recover(leftover, user="Anna", access="edit_anyway")
    save_merging(mine)  # refused with merge.conflicts before the fix
    assert "CRM-7" not in by_key(shared)
    assert "A1 by Anna" in titles(shared)
    assert check(shared) == []
    for wc in (bo, mine):
        wc.close()
