"""`pmdesk export --baseline NAME --redline`: Word's tracked changes since a baseline."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from tests.cli.test_baseline_cli import one_sentence, run


@pytest.fixture
def crm(tmp_path: Path, data_dir: Path) -> Path:
    """The sample with baseline "v1.0 评审版", then one requirement renamed."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    assert main(["baseline", str(path), "v1.0 评审版"]) == 0
    with sqlite3.connect(path) as db:
        (uid,) = db.execute("SELECT uid FROM requirement WHERE key = 'CRM-2'").fetchone()
    db.close()
    project = Project.open(path, data_dir=data_dir, user="韩梅梅")
    project.apply(Update("requirement", uid, {"title": "客户全景视图"}))
    project.save()
    project.close()
    return path


def test_redline_writes_tracked_changes(
    crm: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "redline.docx"
    code, said, err = run(
        capsys,
        "export",
        crm,
        "--format",
        "docx",
        "--baseline",
        "V1.0 评审版",
        "--redline",
        "-o",
        out,
    )
    assert (code, err) == (0, ""), err
    assert said == f"Exported the PRD to {out}.\n"
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'w:author="韩梅梅"' in xml
    assert "<w:delText" in xml and "全景" in xml


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "docx", "--redline"],
            "pmdesk: --redline shows the changes since a baseline: add --baseline NAME.",
        ),
        (
            ["--format", "md", "--baseline", "v1.0 评审版", "--redline"],
            "pmdesk: --redline writes Word's tracked changes: use --format docx, not md.",
        ),
        (
            ["--format", "json", "--baseline", "v1.0 评审版", "--redline"],
            "pmdesk: --redline writes Word's tracked changes: use --format docx, not json.",
        ),
    ],
)
def test_redline_needs_a_baseline_and_word(
    crm: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "out.docx"
    code, said, err = run(capsys, "export", crm, *args, "-o", tmp_path / "out")
    assert (code, said) == (2, "")
    assert one_sentence(err) == message
    assert not out.exists() and not (tmp_path / "out").exists()


def test_redline_since_an_unknown_baseline(
    crm: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.docx"
    args = ("--format", "docx", "-o", out)
    _, _, plain = run(capsys, "export", crm, *args, "--baseline", "v9")
    code, said, err = run(capsys, "export", crm, *args, "--baseline", "v9", "--redline")
    assert (code, said) == (2, "")
    assert one_sentence(err) == one_sentence(plain)  # the message the plain export gives
    assert "v9" in err and "v1.0 评审版" in err
    assert not out.exists()
