"""A file name that is a symbolic link leading back to itself, given as what a
command writes: one sentence, exit 2, never Python's "Symlink loop" words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmdesk.cli import main
from tests.damaged_files import sample_project


@pytest.mark.parametrize(
    "argv",
    [
        ["new", "LOOP.pmdesk"],
        ["sample", "LOOP.pmdesk"],
        ["import", "LOOP.pmdesk", "--from", "SNAP"],
        ["import", "LOOP.pmdesk", "--from", "SNAP", "--replace"],
        ["merge", "PLAN", "PLAN", "PLAN", "-o", "LOOP.pmdesk"],
        ["export", "PLAN", "--format", "md", "-o", "LOOP.md"],
        ["export", "PLAN", "--format", "json", "-o", "LOOP.json"],
    ],
)
def test_writing_to_a_link_that_leads_back_to_itself(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.pmdesk"
    sample_project(plan)
    snap = tmp_path / "snap.json"
    assert main(["export", str(plan), "--format", "json", "-o", str(snap)]) == 0
    loop = tmp_path / f"loop{Path(next(a for a in argv if 'LOOP' in a)).suffix}"
    os.symlink(loop.name, loop)
    args = [
        str(loop) if "LOOP" in a else str(plan) if a == "PLAN" else str(snap) if a == "SNAP" else a
        for a in argv
    ]
    before = plan.read_bytes()
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err in (
        f"pmdesk: Cannot write {loop}: it is a symbolic link that leads back to itself.\n",
        f"pmdesk: {loop} cannot be read: it is a symbolic link that leads back to itself.\n",
    ), err
    assert os.readlink(loop) == loop.name and plan.read_bytes() == before


def test_a_lock_file_that_leads_back_to_itself_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It counts as held (it may be anything), and the sentence says what it is,
    so the user knows to remove it."""
    plan = tmp_path / "plan.pmdesk"
    sample_project(plan)
    lock = tmp_path / ".~lock.plan.pmdesk#"
    os.symlink(lock.name, lock)
    before = plan.read_bytes()
    capsys.readouterr()
    assert main(["baseline", str(plan), "v1"]) == 2
    assert capsys.readouterr().err == (
        f"pmdesk: plan.pmdesk is locked by someone pmdesk cannot name: its lock file {lock} "
        "is a symbolic link that leads back to itself.\n"
    )
    assert plan.read_bytes() == before and os.readlink(lock) == lock.name
