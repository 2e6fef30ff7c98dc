"""Spreadsheet exports of chosen columns, or of a saved view's rows and columns
(`pmdesk export … --view NAME`), read back from the file written."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from pmdesk.interop.run import export_project
from tests.interop.conftest import flat, run, snapshot_of


def _with_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The sample with saved view 草稿需求: the drafts, with status, owner, priority and
    the RICE score (which an export cannot hold) as its columns."""
    project = tmp_path / "s.pmdesk"
    run(capsys, "sample", project)
    opened = Project.open(project, data_dir=tmp_path / "data")
    try:
        values = {
            "name": "草稿需求",
            "criteria": {"choices": {"status": ["draft"]}},
            "columns": ["status", "owner", "priority", "score"],
            "sort": [],
        }
        opened.apply(Create("saved_view", str(uuid.uuid4()), values))
        opened.save()
    finally:
        opened.close(discard=True)
    return project


def test_a_saved_views_rows_and_columns_go_to_xlsx_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _with_view(tmp_path, capsys)
    drafts = [n["key"] for n, _ in flat(snapshot_of(project)) if n["status"] == "draft"]
    assert 0 < len(drafts) < len(flat(snapshot_of(project)))
    out = tmp_path / "v.xlsx"
    code, said, err = run(
        capsys, "export", project, "--format", "xlsx", "-o", out, "--view", "草稿需求"
    )
    assert (code, err) == (0, "") and f"Exported {len(drafts)} requirements" in said
    sheet = load_workbook(out)["需求"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["编号", "标题", "状态", "负责人", "优先级"]
    assert [r[0] for r in rows[1:]] == drafts  # tree order
    assert {r[2] for r in rows[1:]} == {"草稿"}
    links = [list(r) for r in load_workbook(out)["链接"].iter_rows(values_only=True)][1:]
    assert all(r[0] in drafts and r[2] in drafts for r in links)

    out_csv = tmp_path / "v.csv"
    code, _, err = run(
        capsys, "export", project, "--format", "csv", "-o", out_csv, "--view", "草稿需求"
    )
    assert (code, err) == (0, "")
    with open(out_csv, encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == ["编号", "标题", "状态", "负责人", "优先级"]
    assert [r[0] for r in read[1:]] == drafts


def test_a_view_that_is_not_there_or_not_for_the_format_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _with_view(tmp_path, capsys)
    code, _, err = run(
        capsys, "export", project, "--format", "csv", "-o", tmp_path / "x.csv", "--view", "x"
    )
    assert code != 0 and "no saved view 'x'; its views are: 草稿需求." in err
    assert not (tmp_path / "x.csv").exists()
    code, _, err = run(
        capsys, "export", project, "--format", "reqif", "-o", tmp_path / "x.reqif", "--view", "x"
    )
    assert code != 0 and "--view applies to csv and xlsx" in err
    code, _, err = run(
        capsys, "export", project, "--format", "md", "-o", tmp_path / "x.md", "--view", "x"
    )
    assert code != 0 and "--view applies to csv and xlsx" in err


def test_chosen_columns_in_their_order_and_back_as_an_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "s.pmdesk"
    run(capsys, "sample", project)
    out = tmp_path / "c.csv"
    export_project(snapshot_of(project), "csv", out, "en", columns=["title", "key", "priority"])
    with open(out, encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == ["Title", "Key", "Priority"]
    code, said, err = run(capsys, "import", project, "--from", out, "--update")
    assert (code, err) == (0, "") and "0 requirements created, 0 updated" in said
