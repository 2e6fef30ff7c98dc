"""The PRD as Word: reopened with python-docx and read back as a reader would."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from pmdesk.cli import main
from pmdesk.core.domain.directives import RequirementsDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.queries.content import requirements_for
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.doc import Image
from pmdesk.export.docx_body import STYLE_NAMES
from pmdesk.export.prd_build import ExportCancelledError, ExportOptions
from pmdesk.export.prd_export import export_prd
from pmdesk.export.render_docx import template_path
from tests.export.conftest import make_png
from tests.export.prd_projects import (
    HOSTILE_TITLE,
    add_baseline,
    edit_sql,
    hostile_snapshot,
    make_project,
    set_title,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    out = {}
    for lang in ("zh", "en"):
        project = folder / f"crm-{lang}.pmdesk"
        write_sample(project, lang)
        out[lang] = folder / f"crm-{lang}.docx"
        assert main(["export", str(project), "--format", "docx", "-o", str(out[lang])]) == 0
        out[f"{lang}-project"] = project
    return out


def style_name(paragraph: Paragraph) -> str | None:
    return paragraph.style.name if paragraph.style is not None else None


def num_id(paragraph: Paragraph) -> str:
    """The numbering a paragraph's own properties give it (read as XML: python-docx
    types `numPr` as its descriptor class)."""
    [value] = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    return str(value)


def headings(document: docx.document.Document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def test_sections_and_requirement_chapters_are_real_headings(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["zh"]))
    found = headings(document)
    level1 = [text for style, text in found if style == "Heading 1"]
    assert level1[:3] == ["文档说明与修订记录", "背景与目标", "用户与场景"]
    assert "需求详情" in level1 and "附录：需求一览" in level1
    assert ("Heading 2", "CRM-1 客户档案管理") in found
    assert ("Heading 3", "CRM-2 客户 360° 视图") in found
    assert ("Heading 4", "CRM-3 客户概览卡片") in found
    # Numbered 1, 1.1, 1.1.1 by the heading styles; the appendix opts out.
    numbering = document.styles["Heading 2"].element.pPr.numPr
    assert numbering is not None and numbering.ilvl.val == 1
    appendix = next(
        p
        for p in document.paragraphs
        if p.text == "附录：需求一览" and style_name(p) == "Heading 1"
    )
    # It leaves the heading list for one that prints nothing (`numId 0` fails validators).
    numbering_xml = document.part.numbering_part.element
    [level] = numbering_xml.xpath(
        f"w:abstractNum[@w:abstractNumId=//w:num[@w:numId='{num_id(appendix)}']"
        "/w:abstractNumId/@w:val]/w:lvl[@w:ilvl='0']"
    )
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "none"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == ""


def roadmap_pictures(document: Any) -> list[Any]:
    """The document's pictures but the persona cards' avatars (the sample's too)."""
    return [p for p in document.inline_shapes if not p._inline.docPr.name.startswith("persona")]


def test_the_roadmap_section_shows_the_roadmap_picture(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["zh"]))
    # Drawn by the same code as the roadmap pane; cut into sideways pages (test_docx_roadmap).
    pictures = roadmap_pictures(document)
    assert len(pictures) >= 2 and all(p.width > docx.shared.Cm(20) for p in pictures)
    for picture in pictures:
        embed = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = document.part.related_parts[embed]
        assert image.content_type == "image/png" and len(image.blob) > 20_000
    paragraphs = document.paragraphs
    holders = [
        i
        for i, p in enumerate(paragraphs)
        if p._p.xpath(".//w:drawing")
        and not p._p.xpath('.//wp:docPr[starts-with(@name, "persona")]')
    ]
    assert holders == list(range(holders[0], holders[0] + len(pictures)))  # one after another
    assert (
        paragraphs[holders[-1] + 1].text == "图 1\u3000路线图"
    )  # the numbered caption under the last part
    heading = max(i for i, p in enumerate(paragraphs[: holders[0]]) if style_name(p) == "Heading 1")
    assert paragraphs[heading].text == "路线图"  # inside the sample's own roadmap section


def test_requirement_tables_and_checklists(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["zh"]))
    facts = next(t for t in document.tables if t.rows[0].cells[1].text == "CRM-2")
    cells = [c.text for row in facts.rows for c in row.cells]
    for label, value in (
        ("状态", "开发中"),
        ("优先级", "Must"),
        ("负责人", "李娜"),
        ("版本", "v1.0"),
    ):
        assert cells[cells.index(label) + 1] == value
    assert cells[cells.index("RICE 得分") + 1] == "20,267"
    assert "相关：CRM-28" in cells
    # The linked key jumps to that requirement's heading (a bookmark on it).
    flat = [c for row in facts.rows for c in row.cells]
    value = flat[[c.text for c in flat].index("关联需求") + 1]
    [link] = value._tc.xpath(".//w:hyperlink")
    target = link.get(qn("w:anchor"))
    marked = document.element.body.xpath(f'.//w:bookmarkStart[@w:name="{target}"]/..')
    assert "".join(t.text for t in marked[0].iter(qn("w:t"))) == "CRM-28 客户健康度评分"
    # A short table moves to the next page whole: keep-with-next on all rows but the last.
    kept = [bool(row.cells[0].paragraphs[0]._p.xpath("./w:pPr/w:keepNext")) for row in facts.rows]
    assert kept == [True] * (len(kept) - 1) + [False]
    lead_in = next(p for p in document.paragraphs if p.text == "文档约定")
    assert style_name(lead_in) == "Label"  # a bold line that introduces a list stays with it
    # Acceptance criteria follow as ☐ checklist items.
    body = document.element.body
    paragraphs = document.paragraphs
    criteria = next(i for i, p in enumerate(paragraphs) if p.text == "验收标准")
    item = paragraphs[criteria + 1]
    assert item.text.startswith("v1.0 上线 60 天后")
    item_num_id = num_id(item)
    numbering = document.part.numbering_part.element
    abstract = next(
        n.find(qn("w:abstractNumId")).get(qn("w:val"))
        for n in numbering.findall(qn("w:num"))
        if n.get(qn("w:numId")) == item_num_id
    )
    glyph = next(
        a.find(qn("w:lvl")).find(qn("w:lvlText")).get(qn("w:val"))
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract
    )
    assert glyph == "☐"
    assert body is not None


def test_directive_table_matches_the_projects_requirements(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["zh"]))
    store = open_readonly(sample_docx["zh-project"])
    with store.engine.connect() as conn:
        directive = parse_directive('requirements: release="v1.0" status!=rejected')
        assert isinstance(directive, RequirementsDirective)
        expected = [row.key for row in requirements_for(conn, directive)]
    store.dispose()
    table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["编号", "标题"]
    )
    assert [row.cells[0].text for row in table.rows[1:]] == expected
    header_row = table.rows[0]._tr
    assert header_row.trPr is not None
    assert header_row.trPr.find(qn("w:tblHeader")) is not None  # repeats on every page


def test_contents_field_header_footer_and_fonts(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["zh"]))
    xml = document.element.xml
    # Levels 1-2 of the sample fill one page; level 3 would spill (test_docx_layout).
    assert re.search(r'TOC \\o "1-[23]" \\h \\z \\u', xml)
    assert document.settings.element.find(qn("w:updateFields")) is None  # no question on open
    section = document.sections[0]
    assert section.different_first_page_header_footer  # no header on the cover
    assert "云帆 CRM 1.0" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "第" in footer
    styles = document.styles.element
    for name in ("Normal", "Heading 1", "Table Text"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), name
    defaults = next(styles.find(qn("w:docDefaults")).iter(qn("w:rFonts")))
    assert defaults.get(qn("w:eastAsia"))
    lang = document.settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    properties = document.core_properties
    assert (properties.title, properties.author) == ("云帆 CRM · 客户管理模块 PRD", "张伟、陈静")
    assert properties.created is not None and properties.created.year >= 2026
    with zipfile.ZipFile(sample_docx["zh"]) as package:
        assert b"<Application>pmdesk</Application>" in package.read("docProps/app.xml")
        assert not [n for n in package.namelist() if "thumbnail" in n]


def test_english_export_uses_english_labels(sample_docx: dict[str, Path]) -> None:
    document = docx.Document(str(sample_docx["en"]))
    level1 = [text for style, text in headings(document) if style == "Heading 1"]
    assert "Requirements" in level1 and "Revision history" not in level1[:1]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Acceptance criteria" in text and "Product Requirements Document" in text
    assert "Page" in document.sections[0].footer.paragraphs[0]._p.xml


def test_reference_template_defines_every_style_the_export_uses() -> None:
    document = docx.Document(str(template_path()))
    names = {style.name for style in document.styles}
    missing = [name for name in STYLE_NAMES.values() if name not in names]
    # Word has 9 heading and contents levels; pmdesk uses 6 and 3 of them.
    assert [m for m in missing if not re.match(r"(Heading [7-9]|toc [4-9])$", m)] == []


def test_hostile_content_exports_and_reads_back(tmp_path: Path) -> None:
    project = make_project(tmp_path / "hostile.pmdesk", hostile_snapshot(), chain=50)
    out = tmp_path / "hostile.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert('描述')</script>" in text  # raw HTML shown as text
    # Bidi overrides are dropped: they would make the title read backwards.
    assert HOSTILE_TITLE.replace("\u202e", "").replace("\u202c", "") in text
    assert "\u202e" not in text and "😀👍🏽" in text and "مرحبا" in text
    assert "控制字符 已去掉" in text and "\x1b" not in text and "\x00" not in text
    assert "第 50 层" in text and "第 10 层" in text
    assert text.count("一段很长的文字。") >= 16 * 4000  # the 1 MB description, whole
    assert "没有筛选字段「colour」" in text  # a broken block says why, in place
    assert any("x|y" in cell.text for t in document.tables for row in t.rows for cell in row.cells)
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None


def test_empty_project_exports(tmp_path: Path) -> None:
    project = tmp_path / "empty.pmdesk"
    assert main(["new", str(project)]) == 0
    out = tmp_path / "empty.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out), "--lang", "en"]) == 0
    document = docx.Document(str(out))
    assert "Contents" in [p.text for p in document.paragraphs]


def test_baseline_adds_changes_since_and_revision_rows(tmp_path: Path) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    add_baseline(project, "v1.0 评审版")
    set_title(project, "CRM-2", "客户全景视图")
    edit_sql(
        project,
        ("UPDATE requirement SET status = 'done' WHERE key = 'CRM-5'", ()),
        (
            "UPDATE requirement SET acceptance = json_insert(acceptance, '$[#]', ?) "
            "WHERE key = 'CRM-8'",
            ("导入 5 万行不超过 3 分钟",),
        ),
        (
            "INSERT INTO link (uid, from_uid, to_uid, type) SELECT 'new-link', a.uid, b.uid, "
            "'blocks' FROM requirement a, requirement b WHERE a.key = 'CRM-9' AND b.key = 'CRM-6'",
            (),
        ),
    )
    out = tmp_path / "crm.docx"
    code = main(
        ["export", str(project), "--format", "docx", "-o", str(out), "--baseline", "V1.0 评审版"]
    )
    assert code == 0
    document = docx.Document(str(out))
    assert ("Heading 1", "自基线「v1.0 评审版」以来的变更") in headings(document)
    changed = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["编号", "字段", "基线中", "当前"]
    )
    rows = [[c.text for c in row.cells] for row in changed.rows[1:]]
    assert ["CRM-2", "标题", "客户 360° 视图", "客户全景视图"] in rows
    assert ["CRM-5", "状态", "开发中", "已完成"] in rows  # labels, not stored codes
    assert ["CRM-8", "验收标准", "", "+ 导入 5 万行不超过 3 分钟"] in rows
    assert ["CRM-9", "关联需求", "", "+ 阻塞：CRM-6"] in rows
    assert ["CRM-6", "关联需求", "", "+ 被阻塞：CRM-9"] in rows
    revisions = next(t for t in document.tables if t.rows[0].cells[0].text == "版本")
    assert revisions.rows[1].cells[0].text == "v1.0 评审版"
    # No history was written for these edits, yet the current state gets its row.
    assert "修改 5 项" in revisions.rows[2].cells[3].text


def test_unknown_baseline_is_one_sentence_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "en")
    out = tmp_path / "crm.docx"
    assert (
        main(["export", str(project), "--format", "docx", "-o", str(out), "--baseline", "v9"]) == 2
    )
    err = capsys.readouterr().err.strip()
    assert err.startswith("pmdesk: ") and "no baseline named “v9”" in err and "\n" not in err
    assert not out.exists()


def test_cancel_leaves_the_old_file(tmp_path: Path) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    out = tmp_path / "crm.docx"
    out.write_bytes(b"old")
    store = open_readonly(project)
    with store.engine.connect() as conn, pytest.raises(ExportCancelledError):
        export_prd(conn, "docx", out, ExportOptions(), cancelled=lambda: True)
    store.dispose()
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_status_filter_fields_and_roadmap_picture(tmp_path: Path, png_bytes: bytes) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    out = tmp_path / "crm.docx"
    options = ExportOptions(
        statuses=frozenset({"approved"}),
        fields=("status", "owner"),
        roadmap=lambda conn, lang: Image(png_bytes, 40, 20, caption="路线图", name="roadmap"),
    )
    store = open_readonly(project)
    with store.engine.connect() as conn:
        export_prd(conn, "docx", out, options)
    store.dispose()
    document = docx.Document(str(out))
    facts = [t for t in document.tables if t.rows[0].cells[1].text.startswith("CRM-")]
    assert facts
    # Read the cells as written: an odd last pair's value spans the other pair's columns.
    texts = [
        ["".join(x.text or "" for x in tc.iter(qn("w:t"))) for tc in row._tr.tc_lst]
        for t in facts
        for row in t.rows
    ]
    pairs = [(cells[i], cells[i + 1]) for cells in texts for i in range(0, len(cells), 2)]
    assert {value for label, value in pairs if label == "状态"} == {"已批准"}
    # The chosen built-in fields, then the custom fields a requirement has a value for.
    custom = {"平台", "试点客户", "预计上线"}
    assert {label for label, _ in pairs} <= {"编号", "状态", "负责人", "", *custom}
    [picture] = roadmap_pictures(document)
    assert picture.width > 0


def test_a_wide_roadmap_gets_a_landscape_page_with_its_heading(tmp_path: Path) -> None:
    project = tmp_path / "p.pmdesk"
    make_project(
        project,
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "宽路线图", "key_prefix": "REQ"},
            "requirements": [{"title": "需求"}],
        },
    )
    wide = Image(make_png(3000, 900), 3000, 900, "路线图", "roadmap", wide=True)
    out = tmp_path / "p.docx"
    store = open_readonly(project)
    with store.engine.connect() as conn:
        export_prd(conn, "docx", out, ExportOptions(roadmap=lambda conn, lang: wide))
    store.dispose()
    document = docx.Document(str(out))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    sideways = document.sections[1]
    assert sideways.page_width is not None and sideways.page_height is not None
    assert sideways.page_width > sideways.page_height
    assert not sideways.different_first_page_header_footer  # header on the roadmap page
    assert document.sections[0].different_first_page_header_footer  # none on the cover
    picture = document.inline_shapes[0]
    assert picture.width > sideways.page_height  # wider than a portrait line could hold
    # The heading moved to the sideways page with the picture.
    body = document.element.body
    heading = next(
        p for p in document.paragraphs if p.text == "路线图" and style_name(p) == "Heading 1"
    )
    breaks = body.xpath("./w:p[w:pPr/w:sectPr]")
    assert list(body).index(breaks[0]) < list(body).index(heading._p) < list(body).index(breaks[1])
