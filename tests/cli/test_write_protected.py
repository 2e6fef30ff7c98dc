"""A project file without write permission (mode 0444) is write-protected, as
in LibreOffice: commands that would replace it refuse in one sentence and leave
it as it is (a rename needs no write permission on the file, so pmdesk checks
itself; as root, `os.access` would always say yes)."""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.errors import PmdeskError
from pmdesk.core.ops.edits import Create
from pmdesk.core.storage.lockfile import lock_path
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.damaged_files import sample_project

SAID = (
    "{name} is write-protected, so pmdesk leaves it as it is: make it writable first, "
    "or write another file."
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PMDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "plan.pmdesk"
    sample_project(path)
    return path


def protect(path: Path) -> tuple[bytes, int]:
    path.chmod(0o444)
    return path.read_bytes(), path.stat().st_ino


@pytest.mark.parametrize(
    "argv",
    [
        ["baseline", "PLAN", "v9"],
        ["import", "PLAN", "--from", "SNAP", "--replace"],
        ["merge", "OTHER", "OTHER", "OTHER", "-o", "PLAN"],
        ["export", "OTHER", "--format", "json", "-o", "OUT"],
    ],
)
def test_a_command_refuses_to_replace_a_write_protected_file(
    argv: list[str], plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.pmdesk"
    sample_project(other)
    snap, out = tmp_path / "snap.json", tmp_path / "out.json"
    assert main(["export", str(other), "--format", "json", "-o", str(snap)]) == 0
    out.write_text("{}\n")
    protected = out if "OUT" in argv else plan
    before = protect(protected)
    names = {"PLAN": plan, "OTHER": other, "SNAP": snap, "OUT": out}
    capsys.readouterr()
    assert main([str(names.get(a, a)) for a in argv]) == 2
    assert capsys.readouterr().err == f"pmdesk: {SAID.format(name=protected.name)}\n"
    assert (protected.read_bytes(), protected.stat().st_ino) == before
    assert stat.S_IMODE(protected.stat().st_mode) == 0o444
    assert not lock_path(plan).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    working = tmp_path / "data" / "working"
    assert not working.exists() or not any(working.iterdir())


def test_save_over_a_file_made_write_protected_meanwhile_refuses(plan: Path) -> None:
    wc = WorkingCopy.open(plan, data_dir=plan.parent / "data")
    try:
        wc.apply(Create("requirement", str(uuid.uuid4()), {"title": "登录"}))
        before = protect(plan)
        with pytest.raises(PmdeskError) as caught:
            wc.save()
        assert str(caught.value) == SAID.format(name="plan.pmdesk")
        assert (plan.read_bytes(), plan.stat().st_ino) == before
        assert wc.unsaved_edits() == 1  # the edit is still there, to Save As
    finally:
        wc.close(discard=True)


def test_the_mode_bits_decide_even_for_root(tmp_path: Path) -> None:
    from pmdesk.core.storage.places import write_protected

    path = tmp_path / "plan.pmdesk"
    path.write_bytes(b"x")
    assert not write_protected(path)
    path.chmod(0o444)
    assert write_protected(path)
    path.chmod(0o464)  # the group may write: not protected against everyone
    assert write_protected(path) == (os.geteuid() != 0 and not os.access(path, os.W_OK))
    assert not write_protected(tmp_path / "missing.pmdesk")
    assert not write_protected(tmp_path)
