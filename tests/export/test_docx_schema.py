"""The Word export is schema-valid OOXML: openxml-audit (Office 2016 rules) finds nothing.

Word opens files with elements out of schema order, but flags "unreadable content"
on some, and strict readers refuse them; the sample, the English sample, hostile
content and a landscape roadmap page must all come out clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.doc import Image
from pmdesk.export.prd_build import ExportOptions
from pmdesk.export.prd_export import export_prd
from pmdesk.export.render_docx import template_path
from tests.export.conftest import make_png
from tests.export.prd_projects import hostile_snapshot, make_project


def audit(path: Path) -> list[str]:
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=0)
    result = validator.validate(path)
    return [f"{e.part_uri} {e.path} {e.description}" for e in result.errors]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_is_schema_valid(tmp_path: Path, lang: str) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    out = tmp_path / f"crm-{lang}.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out), "--lang", lang]) == 0
    assert audit(out) == []


def test_hostile_content_and_a_landscape_page_are_schema_valid(tmp_path: Path) -> None:
    snapshot = hostile_snapshot()
    snapshot["requirements"][1]["description"] = "一段文字。\n\n" * 20  # the size is not the point
    project = make_project(tmp_path / "hostile.pmdesk", snapshot, chain=12)
    wide = Image(make_png(3000, 900), 3000, 900, "路线图", "roadmap", wide=True)
    out = tmp_path / "hostile.docx"
    store = open_readonly(project)
    with store.engine.connect() as conn:
        export_prd(conn, "docx", out, ExportOptions(roadmap=lambda conn, lang: wide))
    store.dispose()
    assert audit(out) == []


def test_the_reference_document_is_schema_valid() -> None:
    assert audit(template_path()) == []
