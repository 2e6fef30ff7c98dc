"""The PRD as PDF, drawn by Qt: read back with poppler's pdftotext, pdffonts and pdfinfo."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.doc import Document, Heading, Image
from pmdesk.export.pdf_html import HeadingEntry, number_headings
from pmdesk.export.prd_build import ExportCancelledError, ExportOptions, build_document
from pmdesk.export.prd_export import export_prd
from tests.export.conftest import make_png
from tests.export.prd_projects import hostile_snapshot, make_project

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)

RADICALS = re.compile("[\u2e80-\u2fdf]")


@dataclass
class Exported:
    project: Path
    pdf: Path
    document: Document
    pages: list[str]
    """pdftotext -layout, one string per page."""


def pages_of(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def document_of(project: Path, language: str) -> Document:
    store = open_readonly(project)
    try:
        with store.engine.connect() as conn:
            return build_document(conn, ExportOptions(language=language))
    finally:
        store.dispose()


def headings_of(document: Document) -> list[HeadingEntry]:
    return list(number_headings(document.blocks).values())


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exported]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for lang in ("zh", "en"):
        project = folder / f"crm-{lang}.pmdesk"
        write_sample(project, lang)
        pdf = folder / f"crm-{lang}.pdf"
        assert main(["export", str(project), "--format", "pdf", "-o", str(pdf)]) == 0
        out[lang] = Exported(project, pdf, document_of(project, lang), pages_of(pdf))
    return out


def first_page_with(pages: list[str], label: str, start: int) -> int:
    """The first page from `start` with a line that begins with `label` (spaces ignored)."""
    wanted = squeeze(label)[:18]
    for index in range(start, len(pages)):
        if any(squeeze(line).startswith(wanted) for line in pages[index].splitlines()):
            return index
    raise AssertionError(f"{label!r} not found from page {start + 1}")


def body_start(exported: Exported) -> int:
    """The first page after the contents."""
    title = "目录" if exported.document.language == "zh" else "Contents"
    at = next(
        i
        for i, page in enumerate(exported.pages)
        if any(line.strip() == title for line in page.splitlines())
    )
    at += 1
    while _is_contents_page(exported.pages[at]):
        at += 1
    return at


def _is_contents_page(page: str) -> bool:
    """Contents lines end in a page number; body pages mostly do not."""
    lines = [line for line in page.splitlines() if line.strip()][1:-1]  # header, footer
    numbered = [line for line in lines if re.search(r"\s{3,}\d+$", line)]
    return len(numbered) > len(lines) // 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_heading_appears_numbered_and_in_order(
    sample_pdf: dict[str, Exported], lang: str
) -> None:
    exported = sample_pdf[lang]
    start = body_start(exported)
    at = start
    entries = headings_of(exported.document)
    assert len(entries) > 30
    for entry in entries:
        at = first_page_with(exported.pages, entry.label, at)
    numbered = [e.label for e in entries if e.number]
    assert numbered[:2] == (
        ["1 文档说明与修订记录", "2 背景与目标"]
        if lang == "zh"
        else ["1 Document Information and Revision History", "2 Background and Goals"]
    )
    assert "11.1.1 CRM-2 客户 360° 视图" in numbered or lang == "en"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contents_page_numbers_are_the_pages_the_headings_start_on(
    sample_pdf: dict[str, Exported], lang: str
) -> None:
    exported = sample_pdf[lang]
    start = body_start(exported)
    listed = 0
    for entry in headings_of(exported.document):
        if entry.level > 3:
            continue
        wanted = squeeze(entry.label)[:18]
        lines = [line for page in exported.pages[:start] for line in page.splitlines()]
        [line] = [line for line in lines if squeeze(line).startswith(wanted)]
        match = re.search(r"(\d+)\s*$", line)
        assert match is not None, line
        page = first_page_with(exported.pages, entry.label, start)
        assert int(match.group(1)) == page + 1, entry.label
        listed += 1
    assert listed > 20


def test_requirement_keys_and_chinese_come_back_as_written(
    sample_pdf: dict[str, Exported],
) -> None:
    exported = sample_pdf["zh"]
    text = "\n".join(exported.pages)
    keys = [
        b.anchor.removeprefix("req:")
        for b in exported.document.blocks
        if isinstance(b, Heading) and b.anchor
    ]
    assert len(keys) > 30
    for key in keys:
        assert re.search(rf"\b{re.escape(key)}\b", text), key
    # Radicals share glyphs with everyday characters in CJK fonts: the text map says which.
    assert not RADICALS.findall(text)
    for words in ("客户 360° 视图", "第 2 页", "产品需求文档", "验收标准"):
        assert words in text
    assert "CRM-37 自定义报表设计器" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fonts_are_embedded(sample_pdf: dict[str, Exported], lang: str) -> None:
    listing = subprocess.run(
        ["pdffonts", str(sample_pdf[lang].pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        emb = line.split()[-5]
        assert emb == "yes", line
    if lang == "zh":
        assert any("CJK" in line or "YaHei" in line or "PingFang" in line for line in listing)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_header_and_footer(sample_pdf: dict[str, Exported], lang: str) -> None:
    pages = sample_pdf[lang].pages
    assert 15 <= len(pages) <= 80
    total = len(pages)
    label = "第 {page} 页，共 {pages} 页" if lang == "zh" else "Page {page} of {pages}"
    assert label.format(page=1, pages=total) not in pages[0]  # the cover is bare
    assert "CRM 1.0" not in pages[0].splitlines()[0]
    for number, page in enumerate(pages[1:], start=2):
        assert label.format(page=number, pages=total) in page
        assert page.lstrip().startswith("云帆 CRM 1.0" if lang == "zh" else "Yunfan CRM 1.0")


def test_cover_holds_title_and_facts(sample_pdf: dict[str, Exported]) -> None:
    cover = sample_pdf["zh"].pages[0]
    assert "产品需求文档" in cover
    for label in ("产品", "版本", "日期", "作者"):
        assert re.search(rf"^\s*{label}\s+\S", cover, re.MULTILINE), label


def test_a_wide_roadmap_gets_a_sideways_page_with_its_heading(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "宽路线图", "key_prefix": "REQ"},
            "requirements": [{"title": "需求"}],
        },
    )
    wide = Image(make_png(3000, 900), 3000, 900, "路线图", "roadmap", wide=True)
    out = tmp_path / "p.pdf"
    store = open_readonly(project)
    with store.engine.connect() as conn:
        export_prd(conn, "pdf", out, ExportOptions(roadmap=lambda conn, lang: wide))
    store.dispose()
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(out)], capture_output=True, check=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    turned = [n for n, (w, h) in enumerate(sizes) if float(w) > float(h)]
    assert len(turned) == 1 and 0 < turned[0] < len(sizes) - 1
    page = pages_of(out)[turned[0]]
    assert re.search(r"^\s*\d+\s+路线图", page, re.MULTILINE)  # the heading came along
    assert "路线图" in page.splitlines()[-1] or "路线图" in page


def test_empty_project_exports(tmp_path: Path) -> None:
    project = tmp_path / "empty.pmdesk"
    assert main(["new", str(project)]) == 0
    out = tmp_path / "empty.pdf"
    assert main(["export", str(project), "--format", "pdf", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Contents" in "\n".join(pages_of(out))


def test_hostile_content_exports_and_reads_back(tmp_path: Path) -> None:
    snapshot = hostile_snapshot()
    snapshot["requirements"][1]["description"] = "一段很长的文字。" * 400  # pages, not hundreds
    project = make_project(tmp_path / "hostile.pmdesk", snapshot, chain=30)
    out = tmp_path / "hostile.pdf"
    assert main(["export", str(project), "--format", "pdf", "-o", str(out)]) == 0
    text = "\n".join(pages_of(out))
    flat = squeeze(text)
    assert squeeze("<script>alert('描述')</script>") in flat  # raw HTML shown as text
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
    assert "第 30 层" in text and "第 10 层" in text  # a deep chain, a deep list
    assert "x|y" in text and "代码 <tag> & " in text
    assert "没有筛选字段「colour」" in text  # a broken block says why, in place
    assert not RADICALS.findall(text)


def test_contents_and_requirement_links_jump_to_their_headings(
    sample_pdf: dict[str, Exported],
) -> None:
    """Qt writes `#anchor` links as named destinations: each must name a heading."""
    data = sample_pdf["zh"].pdf.read_bytes()
    name = rb"\(\xfe\xff((?:\x00[\x20-\x7e])+)\)"
    links = {m.group(1) for m in re.finditer(rb"/Dest " + name, data)}
    tree = re.search(rb"/Dests (\d+) 0 R", data)
    assert tree is not None
    start = data.index(b"\n" + tree.group(1) + b" 0 obj")
    names = {m.group(1) for m in re.finditer(name + rb" \d+ 0 R", data[start : start + 200_000])}
    entries = headings_of(sample_pdf["zh"].document)
    contents = [e for e in entries if e.level <= 3]
    assert len(links) >= len(contents)  # each contents line, and requirement cross-links
    assert links <= names


def test_cancel_while_painting_leaves_the_old_file(tmp_path: Path) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "en")
    out = tmp_path / "prd.pdf"
    out.write_bytes(b"old")
    seen: list[int] = []
    store = open_readonly(project)
    try:
        with store.engine.connect() as conn, pytest.raises(ExportCancelledError):
            export_prd(
                conn,
                "pdf",
                out,
                ExportOptions(language="en"),
                progress=lambda done, total: seen.append(done),
                cancelled=lambda: bool(seen) and seen[-1] > 50,  # some pages painted
            )
    finally:
        store.dispose()
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["crm.pmdesk", "prd.pdf"]
    assert 40 < max(seen) < 100


def test_nested_lists_step_in_and_tasks_show_their_boxes(tmp_path: Path) -> None:
    from pmdesk.export.markdown_blocks import MarkdownReader
    from pmdesk.export.render_pdf import render_pdf

    markdown = "- 第一层\n  - 第二层\n    - 第三层\n- [x] 已完成\n- [ ] 未完成\n"
    blocks = MarkdownReader().read(markdown)
    out = tmp_path / "lists.pdf"
    render_pdf(Document("清单", "zh", "产品 1.0", "第 {page} 页，共 {pages} 页", blocks), out)
    lines = pages_of(out)[0].splitlines()

    def indent(words: str) -> int:
        [line] = [line for line in lines if words in line]
        return len(line) - len(line.lstrip())

    assert indent("第一层") < indent("第二层") < indent("第三层")
    assert any("☑" in line and "已完成" in line for line in lines)
    assert any("☐" in line and "未完成" in line for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_heading_numbers_are_the_markdown_exports(
    sample_pdf: dict[str, Exported], lang: str
) -> None:
    from pmdesk.export.render_markdown import render_markdown

    exported = sample_pdf[lang]
    markdown = render_markdown(exported.document).text
    in_markdown = [m.group(1) for m in re.finditer(r"^#{2,} (\d+(?:\.\d+)* .+)$", markdown, re.M)]
    in_pdf = [e.label for e in headings_of(exported.document) if e.number]
    assert [squeeze(t) for t in in_pdf] == [squeeze(t) for t in in_markdown]


def test_the_running_header_names_the_contents_over_them(tmp_path: Path) -> None:
    """A project without a revision-history block opens with 修订记录, then the contents."""
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "目录页眉", "product": "产品", "key_prefix": "REQ"},
            "requirements": [{"title": f"需求 {n}"} for n in range(60)],
        },
    )
    out = tmp_path / "p.pdf"
    assert main(["export", str(project), "--format", "pdf", "-o", str(out)]) == 0
    pages = pages_of(out)
    over_contents = [
        page.splitlines()[0].split()[-1]
        for page in pages[1:]
        if re.search(r"^\s*[\d.]+ REQ-\d+ 需求 \d+\s+\d+$", page, re.M)  # a contents line
    ]
    assert over_contents and set(over_contents) <= {"修订记录", "目录"}
    assert over_contents[-1] == "目录"
