"""`pmdesk baseline FILE NAME` and `--list`: a named frozen state, written the
way the window saves (through a working copy, published atomically)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.schema.tables import Requirement
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.test_baselines import uid_of


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("pmdesk: ") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    return path


def test_create_list_and_export_changes_since(
    crm: Path, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "baseline", crm, "--list")[:2] == (
        0,
        "crm.pmdesk has no baselines yet (create one with: pmdesk baseline FILE NAME).\n",
    )
    code, out, err = run(capsys, "baseline", crm, "  v1.0   评审版")
    assert (code, err) == (0, "")
    assert out == "Created baseline “v1.0 评审版” in crm.pmdesk (45 requirements).\n"
    assert run(capsys, "baseline", crm, "Beta")[0] == 0
    code, out, _ = run(capsys, "baseline", crm, "--list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("v1.0 评审版  2") and lines[0].endswith("  测试员")
    assert lines[1].startswith("Beta" + " " * 9 + "2")  # lined up: 评审版 is 6 columns wide
    assert not list((data_dir / "working").glob("*"))  # no working copy left behind

    wc = WorkingCopy.open(crm, data_dir=data_dir)
    wc.apply(Update("requirement", uid_of(wc, "CRM-2"), {"title": "客户全景视图"}))
    wc.save()
    wc.close()
    out_md = tmp_path / "crm.md"
    assert (
        run(capsys, "export", crm, "--format", "md", "-o", out_md, "--baseline", "V1.0 评审版")[0]
        == 0
    )
    assert "| CRM-2 | 标题 | 客户 360° 视图 | 客户全景视图 |" in out_md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["V1.0 评审版"], "already has a baseline named “v1.0 评审版”"),
        (["   "], "A baseline needs a name."),
        ([], "Give the new baseline a NAME, or --list"),
        (["v2", "--list"], "not both"),
    ],
)
def test_refusals_are_one_sentence_and_leave_the_file_alone(
    crm: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(capsys, "baseline", crm, "v1.0 评审版")[0] == 0
    before = crm.read_bytes()
    code, out, err = run(capsys, "baseline", crm, *args)
    assert (code, out) == (2, "")
    assert message in one_sentence(err)
    assert crm.read_bytes() == before


def test_a_missing_or_foreign_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "baseline", tmp_path / "none.pmdesk", "v1")
    assert code == 2 and "does not exist" in one_sentence(err)
    text = tmp_path / "notes.pmdesk"
    text.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "baseline", text, "v1")
    assert code == 2 and "not a pmdesk project" in one_sentence(err)
    assert text.read_text(encoding="utf-8") == "hello"


def test_a_project_open_in_another_pmdesk_is_not_written(
    crm: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from pmdesk.core.storage.workingcopy import "
            "WorkingCopy; wc = WorkingCopy.open(Path(sys.argv[1]), data_dir=Path(sys.argv[2])); "
            "print('open', flush=True); sys.stdin.read(); wc.close(discard=True)",
            str(crm),
            str(data_dir),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = crm.read_bytes()
        code, _, err = run(capsys, "baseline", crm, "v1.0 评审版")
        assert code == 2
        assert "already open in another pmdesk window" in one_sentence(err)
        assert crm.read_bytes() == before
    finally:
        holder.communicate("", timeout=30)


def test_unsaved_work_of_the_window_is_kept(
    crm: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A window that ended without saving left edits to recover: never published
    or thrown away by a baseline from the command line."""
    wc = WorkingCopy.open(crm, data_dir=data_dir)
    with wc.store.reading() as s:
        first = s.execute(select(Requirement.uid).limit(1)).scalar_one()
    wc.apply(Update("requirement", first, {"title": f"未保存 {uuid.uuid4()}"}))
    wc.close()  # unsaved: kept for recovery
    before = crm.read_bytes()
    code, _, err = run(capsys, "baseline", crm, "v1.0 评审版")
    assert code == 2 and "an unsaved edit from an earlier session" in one_sentence(err)
    assert crm.read_bytes() == before
    assert len(list((data_dir / "working").glob("*"))) == 1


def test_a_project_a_colleague_has_open_is_not_written(
    crm: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = crm.with_name(f".~lock.{crm.name}#")
    lock.write_text(
        '{"user": "张三", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}',
        encoding="utf-8",
    )
    before = crm.read_bytes()
    code, _, err = run(capsys, "baseline", crm, "v1.0 评审版")
    assert code == 2 and "张三" in one_sentence(err)
    assert crm.read_bytes() == before and lock.exists()
