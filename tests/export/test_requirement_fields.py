"""`requirements: … fields="status,平台"`: a block names the fields it shows, custom
fields by their names, in Word, Markdown and the preview, Chinese and English, read
back from the exported files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import parse_directive
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.directive_html import render_directive_html
from tests.export.test_moscow_blocks import with_section
from tests.export.test_persona_blocks import export, sample

# The sample's custom fields (resources/samples): Platform, Pilot customer, Target launch.
FIELDS = {
    "zh": ("状态", "平台", "试点客户", "预计上线"),
    "en": ("Status", "Platform", "Pilot customer", "Target launch"),
}
BLOCK = {
    "zh": (
        '```pmdesk\nrequirements: kind=feature lane="销售协同" fields="status, 平台，预计上线"\n```'
    ),
    "en": (
        '```pmdesk\nrequirements: kind=feature lane="Sales Collaboration" '
        'fields="status,Platform,target launch"\n```'
    ),
}


def test_fields_are_parsed_by_name_and_mistakes_said() -> None:
    found = parse_directive('requirements: release=v1.0 fields="Status,Pilot customer" detailed')
    assert found.fields == ("Status", "Pilot customer")  # type: ignore[union-attr]
    assert found.detailed  # type: ignore[union-attr]
    assert parse_directive("requirements: fields=平台、试点客户").fields == ("平台", "试点客户")  # type: ignore[union-attr]
    with pytest.raises(DirectiveError) as e:
        parse_directive("requirements: fields=status fields=owner")
    assert "once" in e.value.text("en")
    with pytest.raises(DirectiveError):
        parse_directive('requirements: fields=""')


def _tables(path: Path) -> list[list[list[str]]]:
    document = docx.Document(str(export(path, "docx")))
    return [[[c.text.strip() for c in row.cells] for row in t.rows] for t in document.tables]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_table_shows_the_named_fields_in_word(tmp_path: Path, language: str) -> None:
    path = with_section(sample(tmp_path, language), BLOCK[language])
    status, platform, _customer, launch = FIELDS[language]
    key, title = ("编号", "标题") if language == "zh" else ("Key", "Title")
    table = next(t for t in _tables(path) if t[0][:4] == [key, title, status, platform])
    assert table[0] == [key, title, status, platform, launch]
    rows = {row[0]: row for row in table[1:]}
    assert set(rows) == {"CRM-18", "CRM-20", "CRM-23", "CRM-25"}  # the lane's features
    sep = "、" if language == "zh" else ", "
    assert rows["CRM-20"][3] == f"iOS{sep}Android"
    assert rows["CRM-18"][3] == sep.join(["Web", "iOS", "Android"])
    assert rows["CRM-20"][4] == "2027-03-26"
    assert rows["CRM-20"][2] == ("开发中" if language == "zh" else "In progress")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_detailed_facts_show_only_the_named_fields_in_markdown(
    tmp_path: Path, language: str
) -> None:
    _status, platform, customer, launch = FIELDS[language]
    block = f'```pmdesk\nrequirements: kind=story fields="{customer},owner" detailed\n```'
    path = with_section(sample(tmp_path, language), block)
    md = export(path, "md").read_text(encoding="utf-8")
    start = md.index("## 11 MoSCoW")  # the section holding the block, then the chapters
    block_part, chapters = md[start : md.index("\n## 12 ", start)], md[md.index("\n## 12 ") :]
    customer_of_26 = "杭州联合物流" if language == "zh" else "Hangzhou Lianhe Logistics"
    assert f"| **{customer}** | {customer_of_26} |" in block_part
    assert f"**{platform}**" not in block_part  # named fields only
    assert f"**{launch}**" not in block_part
    owner = "负责人" if language == "zh" else "Owner"
    assert f"**{owner}**" in block_part
    # The requirement chapters elsewhere still show every custom value.
    assert f"**{platform}**" in chapters


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_unknown_field_is_one_sentence(tmp_path: Path, language: str) -> None:
    block = '```pmdesk\nrequirements: fields="status,Budget"\n```'
    path = with_section(sample(tmp_path, language), block)
    md = export(path, "md").read_text(encoding="utf-8")
    said = "项目中没有字段「Budget」" if language == "zh" else "The project has no field 'Budget'"
    assert said in md
    assert FIELDS[language][1] in md[md.index(said) :].split("\n")[0]  # names what there is


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_preview_shows_the_named_fields(tmp_path: Path, language: str) -> None:
    path = sample(tmp_path, language)
    body = BLOCK[language].split("\n")[1]
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            shown = render_directive_html(body, conn, language=language)
            wrong = render_directive_html("requirements: fields=Budget", conn, language=language)
    finally:
        store.dispose()
    _status, platform, _customer, launch = FIELDS[language]
    assert f"<th>{platform}</th>" in shown and f"<th>{launch}</th>" in shown
    assert "2027-03-26" in shown
    assert "Budget" in wrong and "<table" not in wrong
