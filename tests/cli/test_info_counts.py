"""`pmdesk info FILE` tells what schemas 5–8 added: the document's status, the
scoring model, the personas and the links that need review."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.core.schema.tables import Requirement


def info(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, str]:
    assert main(["info", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    return {k: v.strip() for k, _, v in (line.partition(":") for line in lines)}


def test_info_of_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    shown = info(capsys, path)
    assert shown["personas"] == "4"
    assert shown["links"] == "12"  # none needs review
    assert shown["scoring"] == "RICE"
    assert shown["document"] == "draft, internal"
    # The order reads: the project, then what it holds.
    keys = list(shown)
    assert keys.index("document") < keys.index("schema") < keys.index("personas")


def test_info_after_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    with Project.view(path) as view:
        project_uid = view.info().uid
        crm6 = view.read(
            lambda c: c.execute(
                select(Requirement.uid).where(Requirement.key == "CRM-6")
            ).scalar_one()
        )
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        values = {"scoring": "wsjf", "doc_status": "in_review", "doc_number": "PRD-007"}
        project.apply(Update("project", project_uid, values))
        # CRM-7 and CRM-8 depend on CRM-6: its new title puts both links up for review.
        project.apply(Update("requirement", crm6, {"title": "新建客户时实时查重（含工商名称）"}))
        project.save()
    finally:
        project.close()
    shown = info(capsys, path)
    assert shown["scoring"] == "WSJF"
    assert shown["document"] == "in review, internal, no. PRD-007"
    assert shown["links"] == "12 (2 need review)"
    assert shown["personas"] == "4"
