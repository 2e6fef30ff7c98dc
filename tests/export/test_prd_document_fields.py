"""What a Chinese PRD states about itself: status, 密级, number, sign-off, numbered
figures and tables, an author even without history. Read back from the .docx/.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.text.paragraph import Paragraph

from pmdesk.cli import main
from tests.export.prd_projects import make_project

REVIEWERS = [{"role": "产品负责人", "name": "张伟"}, {"role": "研发负责人", "name": "李娜"}]


def snapshot(language: str) -> dict[str, Any]:
    return {
        "pmdesk_snapshot": 1,
        "project": {
            "title": "T",
            "product": "云帆",
            "version": "1.2",
            "key_prefix": "REQ",
            "language": language,
            "authors": ["王芳"],
            "doc_status": "in_review",
            "confidentiality": "confidential",
            "doc_number": "PRD-2027-007",
            "reviewers": REVIEWERS,
        },
        "requirements": [{"title": "登录", "start": "2027-01-04", "end": "2027-02-01"}],
        "sections": [
            {"title": "目标", "body": "| 目标 | 指标 |\n| --- | --- |\n| 转化 | 18% |\n"},
            {
                "title": "范围",
                "body": "**风险清单：**\n\n说明。\n\n| 风险 | 应对 |\n| --- | --- |\n| 1 | 2 |\n",
            },
        ],
    }


def style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def export_docx(tmp_path: Path, language: str) -> docx.document.Document:
    project = make_project(tmp_path / "p.pmdesk", snapshot(language))
    out = tmp_path / "p.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out)]) == 0
    return docx.Document(str(out))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            [
                ["文档编号", "PRD-2027-007"],
                ["文档状态", "评审中"],
                ["密级", "秘密"],
                ["作者", "王芳"],
            ],
        ),
        (
            "en",
            [
                ["Document number", "PRD-2027-007"],
                ["Status", "In review"],
                ["Confidentiality", "Confidential"],
                ["Authors", "王芳"],
            ],
        ),
    ],
)
def test_the_cover_states_number_status_confidentiality_and_author(
    tmp_path: Path, language: str, expected: list[list[str]]
) -> None:
    document = export_docx(tmp_path, language)
    cover = [[c.text.strip() for c in row.cells] for row in document.tables[0].rows]
    for line in expected:
        assert line in cover


def test_the_sign_off_table_follows_the_revision_history(tmp_path: Path) -> None:
    document = export_docx(tmp_path, "zh")
    tables = document.tables
    revision = [[c.text for c in row.cells] for row in tables[1].rows]
    assert revision[0] == ["版本", "日期", "修订人", "说明"]
    assert revision[1][2] == "王芳"  # no history yet: the project's author
    signoff = [[c.text for c in row.cells] for row in tables[2].rows]
    assert signoff == [
        ["角色", "姓名", "签名", "日期"],
        ["产品负责人", "张伟", "", ""],
        ["研发负责人", "李娜", "", ""],
    ]
    headings = [p.text for p in document.paragraphs if style(p).startswith("Heading")]
    assert headings.index("修订记录") + 1 == headings.index("审批记录")


def test_figures_and_tables_are_numbered(tmp_path: Path) -> None:
    document = export_docx(tmp_path, "zh")
    captions = [p.text for p in document.paragraphs if style(p) == "Caption" and p.text]
    tables = [c for c in captions if c.startswith("表")]
    assert tables[:4] == [
        "表 1\u3000修订记录",
        "表 2\u3000审批记录",
        "表 3\u3000目标",  # under its heading
        "表 4\u3000风险清单",  # the bold line that introduces it
    ]
    numbers = [int(re.match(r"表 (\d+)", c)[1]) for c in tables]  # type: ignore[index]
    assert numbers == list(range(1, len(tables) + 1))
    assert "图 1\u3000路线图" in captions


def test_markdown_has_the_same_captions_and_sign_off(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p.pmdesk", snapshot("en"))
    out = tmp_path / "p.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert "*Table 1. Revision history*" in text and "*Figure 1. Roadmap*" in text
    assert "| 产品负责人 | 张伟 |" in text
    assert "**Confidentiality**: Confidential" in text


def test_a_project_without_reviewers_has_no_sign_off_table(tmp_path: Path) -> None:
    plain = snapshot("zh")
    del plain["project"]["reviewers"]
    project = make_project(tmp_path / "p.pmdesk", plain)
    out = tmp_path / "p.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out)]) == 0
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "审批记录" not in text and "表 1\u3000修订记录" in text


@pytest.mark.parametrize(
    ("template", "role"), [("prd-zh", "产品负责人"), ("prd-en", "Product owner")]
)
def test_a_new_template_project_has_an_approval_table_to_sign(
    tmp_path: Path, template: str, role: str
) -> None:
    project = tmp_path / "new.pmdesk"
    assert main(["new", str(project), "--template", template]) == 0
    out = tmp_path / "new.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert "**" not in lines  # no empty subtitle under a title named like the kind
    assert f"| {role} |   |   |   |" in lines  # name, signature and date to fill in
