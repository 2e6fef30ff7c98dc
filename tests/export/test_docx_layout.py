"""The Word pages' layout, read back from the exported file: tab stops inside the
text width on every section, contents that do not spill a few lines onto a page
of their own, attribute tables without empty pairs, indents that hold for a
wrapped line, code in tables as large as the text, deep lists keeping markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.export.docx_pages import contents_depth
from tests.export.docx_read import NS, part, w
from tests.export.prd_projects import hostile_snapshot, make_project


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("layout")
    project = folder / "crm.pmdesk"
    write_sample(project, "zh")
    out = {}
    for lang in ("zh", "en"):
        out[lang] = folder / f"crm-{lang}.docx"
        args = ["export", str(project), "--format", "docx", "-o", str(out[lang]), "--lang", lang]
        assert main(args) == 0
    return out


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def text_width(section: etree._Element) -> int:
    size, margins = section.find("w:pgSz", NS), section.find("w:pgMar", NS)
    return int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))


def relationship_targets(path: Path) -> dict[str, str]:
    rels = part(path, "word/_rels/document.xml.rels")
    return {r.get("Id"): r.get("Target") for r in rels}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_header_and_footer_tabs_lie_inside_each_sections_text_width(
    exports: dict[str, Path], lang: str
) -> None:
    path = exports[lang]
    document = part(path, "word/document.xml")
    targets = relationship_targets(path)
    styles = part(path, "word/styles.xml")
    sections = document.findall(".//w:sectPr", NS)
    widths = {text_width(s) for s in sections}
    assert len(widths) == 2  # portrait pages and the sideways roadmap pages
    for section in sections:
        width = text_width(section)
        for ref in section.findall("w:headerReference", NS) + section.findall(
            "w:footerReference", NS
        ):
            area = part(path, "word/" + targets[ref.get(R_ID)])
            for paragraph in area.iter(w("p")):
                style = paragraph.find("w:pPr/w:pStyle", NS)
                style_tabs = styles.findall(
                    f"w:style[@w:styleId='{style.get(w('val'))}']/w:pPr/w:tabs/w:tab", NS
                )
                own = paragraph.findall("w:pPr/w:tabs/w:tab", NS)
                cleared = {t.get(w("pos")) for t in own if t.get(w("val")) == "clear"}
                stops = [
                    int(t.get(w("pos")))
                    for t in [*style_tabs, *own]
                    if t.get(w("val")) != "clear" and t.get(w("pos")) not in cleared
                ]
                if paragraph.find(".//w:tab", NS) is not None and stops:
                    # The text after the tab goes to the first stop: at the right margin.
                    assert min(stops) == width, (ref.get(w("type")), stops, width)


def test_contents_tab_stops_lie_inside_the_text_width(exports: dict[str, Path]) -> None:
    document = part(exports["zh"], "word/document.xml")
    width = text_width(document.find("w:body/w:sectPr", NS))
    styles = part(exports["zh"], "word/styles.xml")
    for level in range(1, 10):
        tabs = styles.findall(f"w:style[@w:styleId='TOC{level}']/w:pPr/w:tabs/w:tab", NS)
        assert tabs and all(int(t.get(w("pos"))) <= width for t in tabs)


def test_contents_fill_their_last_page_or_take_fewer_levels(exports: dict[str, Path]) -> None:
    levels = [1] * 12 + [2] * 6 + [3] * 25
    assert contents_depth(levels, 3, 13552) == 2  # level 3 spills a third of a page
    assert contents_depth([1] * 12 + [3] * 10, 3, 13552) == 3  # all fits one page
    assert contents_depth([1] * 12 + [2] * 6 + [3] * 45, 3, 13552) == 3  # two good pages
    document = part(exports["zh"], "word/document.xml")
    field = "".join(t.text or "" for t in document.iter(w("instrText")) if "TOC" in (t.text or ""))
    entries = [
        p
        for p in document.iter(w("p"))
        if (s := p.find("w:pPr/w:pStyle", NS)) is not None and s.get(w("val")).startswith("TOC")
    ]
    assert '"1-2"' in field and 12 <= len(entries) <= 30


def _cells(row: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(w("t"))) for tc in row.findall("w:tc", NS)]


def test_attribute_tables_end_without_an_empty_pair(exports: dict[str, Path]) -> None:
    document = part(exports["en"], "word/document.xml")
    facts = [
        table
        for table in document.iter(w("tbl"))
        if (first := table.find("w:tr", NS)) is not None and _cells(first)[:1] == ["Key"]
    ]
    assert len(facts) > 20
    spans = 0
    for table in facts:
        for row in table.findall("w:tr", NS):
            cells = _cells(row)
            assert all(text.strip() for text in cells), cells  # no empty label or value
            span = row.find("w:tc[last()]/w:tcPr/w:gridSpan", NS)
            if len(cells) == 2:
                assert span is not None and span.get(w("val")) == "3"
                spans += 1
    assert spans > 0  # "Links … CRM-28" has the row's width, not a squeezed quarter


def test_indented_titles_indent_the_whole_cell_paragraph(exports: dict[str, Path]) -> None:
    document = part(exports["zh"], "word/document.xml")
    indented = 0
    for paragraph in document.iter(w("p")):
        text = "".join(t.text or "" for t in paragraph.iter(w("t")))
        assert not text.startswith("\u00a0"), text  # no first-line-only spaces
        ind = paragraph.find("w:pPr/w:ind", NS)
        if ind is not None and paragraph.getparent().tag == w("tc"):
            assert ind.get(w("firstLine")) is None and int(ind.get(w("left"))) > 0
            indented += 1
    assert indented > 10


def test_inline_code_in_tables_keeps_the_table_text_size(exports: dict[str, Path]) -> None:
    document = part(exports["zh"], "word/document.xml")
    code_runs = [
        r
        for tc in document.iter(w("tc"))
        for r in tc.iter(w("r"))
        if (s := r.find("w:rPr/w:rStyle", NS)) is not None and s.get(w("val")) == "InlineCode"
    ]
    assert code_runs and all(r.find("w:rPr/w:sz", NS) is None for r in code_runs)


def test_lists_deeper_than_nine_levels_keep_a_marker(tmp_path: Path) -> None:
    snapshot = hostile_snapshot()
    snapshot["requirements"][1]["description"] = "短。"
    project = make_project(tmp_path / "deep.pmdesk", snapshot)
    out = tmp_path / "deep.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(out)]) == 0
    document = part(out, "word/document.xml")
    levels = {}
    for paragraph in document.iter(w("p")):
        text = "".join(t.text or "" for t in paragraph.iter(w("t")))
        if text.startswith("第 ") and text.endswith(" 层"):
            level = paragraph.find("w:pPr/w:numPr/w:ilvl", NS)
            assert level is not None, text  # every item has its marker
            levels[text] = int(level.get(w("val")))
    assert levels["第 1 层"] == 0 and levels["第 9 层"] == 8
    assert levels["第 10 层"] == 8  # flattened onto Word's last level, marker and all


def test_a_tables_caption_stays_on_the_page_of_its_table(exports: dict[str, Path]) -> None:
    """ "表 5　需求列表" was left alone at the foot of a page, its table on the next."""
    body = part(exports["zh"], "word/document.xml").find("w:body", NS)
    children = list(body)
    captions = 0
    for at, child in enumerate(children[:-1]):
        style = child.find("w:pPr/w:pStyle", NS)
        if child.tag == w("p") and style is not None and style.get(w("val")) == "Caption":
            if children[at + 1].tag != w("tbl"):
                continue  # a picture's caption, under it
            captions += 1
            assert child.find("w:pPr/w:keepNext", NS) is not None
            after = child.find("w:pPr/w:spacing", NS)
            assert after is not None and int(after.get(w("after"))) <= 120  # close to it
    assert captions >= 5
