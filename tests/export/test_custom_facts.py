"""Custom field values (schema 9) in the requirement fact tables of the PRD:
Word and Markdown, Chinese and English, read back from the exported files."""

from __future__ import annotations

import uuid
from pathlib import Path

import docx
import pytest

from pmdesk.core.ops import Create
from pmdesk.core.ops.custom import SetCustomValues
from pmdesk.core.project import Project
from tests.export.test_persona_blocks import export, sample

NAMES = {
    "zh": ("负责团队", "估算", "终端", "客户截止日"),  # not the sample's own 平台
    "en": ("Team", "Estimate", "Platforms", "Customer deadline"),
}


def with_values(path: Path, language: str) -> tuple[str, str]:
    """Four fields, three of them set on CRM-3; returns CRM-3's and CRM-4's keys."""
    team, estimate, platforms, due = NAMES[language]
    uids = [str(uuid.uuid4()) for _ in range(4)]
    project = Project.open(path, data_dir=path.parent / "data")
    try:
        options = ["支付", "增长"] if language == "zh" else ["Payments", "Growth"]
        project.apply(
            Create("custom_field", uids[0], {"name": team, "kind": "choice", "options": options})
        )
        project.apply(Create("custom_field", uids[1], {"name": estimate, "kind": "number"}))
        project.apply(
            Create(
                "custom_field",
                uids[2],
                {"name": platforms, "kind": "choices", "options": ["iOS", "Web"]},
            )
        )
        project.apply(Create("custom_field", uids[3], {"name": due, "kind": "date"}))
        crm3 = next(r[0] for r in project.tree_rows() if project.requirement(r[0]).key == "CRM-3")  # type: ignore[union-attr]
        project.apply(
            SetCustomValues({crm3: {uids[0]: options[1], uids[1]: 2.5, uids[2]: ["iOS", "Web"]}})
        )
        project.save()
    finally:
        project.close()
    return "CRM-3", "CRM-4"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_custom_values_in_the_word_facts_tables(tmp_path: Path, language: str) -> None:
    path = sample(tmp_path, language)
    key, other = with_values(path, language)
    document = docx.Document(str(export(path, "docx")))
    tables = [[[c.text.strip() for c in row.cells] for row in t.rows] for t in document.tables]
    facts = next(t for t in tables if t[0][:2] == [("编号" if language == "zh" else "Key"), key])
    cells = [cell for row in facts for cell in row]
    team, estimate, platforms, due = NAMES[language]
    assert cells[cells.index(team) + 1] == ("增长" if language == "zh" else "Growth")
    assert cells[cells.index(estimate) + 1] == "2.5"
    assert cells[cells.index(platforms) + 1] == ("iOS、Web" if language == "zh" else "iOS, Web")
    assert due not in cells  # no value: no row
    plain = next(t for t in tables if t[0][:2] == [("编号" if language == "zh" else "Key"), other])
    assert team not in [cell for row in plain for cell in row]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_custom_values_in_the_markdown_facts_tables(tmp_path: Path, language: str) -> None:
    path = sample(tmp_path, language)
    with_values(path, language)
    md = export(path, "md").read_text(encoding="utf-8")
    team, estimate, platforms, _ = NAMES[language]
    growth = "增长" if language == "zh" else "Growth"
    assert f"| **{team}** | {growth} |" in md
    assert f"**{estimate}** | 2.5" in md
    both = "iOS、Web" if language == "zh" else "iOS, Web"
    assert f"**{platforms}** | {both}" in md
