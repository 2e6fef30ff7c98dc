"""The PRD made from the project's properties (issue 13): cover, header and
footer, `{{product}}` fields, milestones and releases, unassessed values, and
new projects from the templates."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import docx
import pytest

from pmdesk.cli import main
from pmdesk.core.domain.directives import MilestonesDirective, ReleasesDirective, parse_directive
from pmdesk.core.domain.inline_fields import expand_fields
from pmdesk.core.errors import PmdeskError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.newproject.templates import new_project, new_project_values
from pmdesk.core.ops import Create, Update
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.pictures import picture_size
from tests.export.conftest import make_png

TODAY = dt.date(2027, 1, 4)


def built(tmp_path: Path, language: str, *, logo: bool = True) -> Path:
    """A new project from the language's template, set up as a PM would."""
    path = tmp_path / f"orbit-{language}.pmdesk"
    zh = language == "zh"
    new_project(
        path,
        title="星帆 · 销售协同 PRD" if zh else "Orbit Sales Hub PRD",
        product="星帆*CRM" if zh else "Orbit*CRM",
        key_prefix="ORB",
        language=language,
        template=f"prd-{language}",
        today=TODAY,
    )
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        values: dict[str, object] = {
            "version": "2.1",
            "authors": ["张伟", "陈静"] if zh else ["Ann Lee", "Bo Chen"],
            "organisation": "星帆科技" if zh else "Orbit Labs",
        }
        if logo:
            values["logo"] = make_png(300, 100)
        project.apply(Update("project", project.info().uid, values))
        v10 = project.releases()[0].uid
        v11 = str(uuid.uuid4())
        project.apply(
            Create(
                "release",
                v11,
                {"name": "v1.1", "start": "2027-04-05", "end": "2027-06-30", "goal": "**Mobile**"},
            )
        )
        project.apply(
            Create(
                "milestone",
                str(uuid.uuid4()),
                {"name": "Beta", "date": "2027-02-15", "release": v10},
            )
        )
        project.apply(
            Create("requirement", str(uuid.uuid4()), {"title": "Unassessed", "release": v11})
        )
        project.save()
    finally:
        project.close()
    return path


def export(path: Path, fmt: str) -> Path:
    out = path.with_suffix(f".{fmt}")
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("language", ["zh", "en"])
def test_cover_header_and_footer_come_from_the_properties(tmp_path: Path, language: str) -> None:
    document = docx.Document(str(export(built(tmp_path, language), "docx")))
    zh = language == "zh"
    body = "\n".join(p.text for p in document.paragraphs)
    cover = body[: body.index("目录" if zh else "Contents")]
    assert ("星帆 · 销售协同 PRD" if zh else "Orbit Sales Hub PRD") in cover
    assert ("星帆科技" if zh else "Orbit Labs") in cover
    facts = {
        row.cells[0].text: row.cells[1].text for row in document.tables[0].rows
    }  # the cover's facts
    assert facts[("产品" if zh else "Product")] == ("星帆*CRM" if zh else "Orbit*CRM")
    assert facts[("版本" if zh else "Version")] == "2.1"
    assert facts[("作者" if zh else "Authors")] == ("张伟、陈静" if zh else "Ann Lee, Bo Chen")
    # The logo is the document's first picture, scaled to sit small on the cover.
    first = document.inline_shapes[0]
    assert first._inline.docPr.get("name") == "logo"
    assert first.height.inches <= 0.76 and first.width.inches <= 2.26
    section = document.sections[0]
    header = section.header.paragraphs[0].text
    assert header.startswith("星帆*CRM 2.1" if zh else "Orbit*CRM 2.1")
    footer = section.footer.paragraphs[0].text
    assert footer.startswith("星帆科技" if zh else "Orbit Labs")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_template_text_shows_the_product_and_no_placeholder(tmp_path: Path, language: str) -> None:
    path = built(tmp_path, language)
    for fmt in ("docx", "md"):
        out = export(path, fmt)
        if fmt == "docx":
            document = docx.Document(str(out))
            text = "\n".join(p.text for p in document.paragraphs)
        else:
            text = out.read_text(encoding="utf-8")
        assert "{{" not in text and "{产品名称}" not in text and "{product}" not in text
        # The product's "*" is text, not emphasis.
        product = "星帆*CRM" if language == "zh" else "Orbit*CRM"
        assert product in text or product.replace("*", "\\*") in text


def test_milestones_and_releases_are_tables_in_the_prd(tmp_path: Path) -> None:
    document = docx.Document(str(export(built(tmp_path, "en"), "docx")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Milestone", "Date", "Release"] in rows
    assert ["Beta", "2027-02-15", "v1.0"] in rows
    header = next(r for r in rows if r[0] == "Release" and "Goal" in r)
    assert header[:3] == ["Release", "Dates", "Status"]
    v10 = next(r for r in rows if r[0] == "v1.0" and "–" in r[1])
    assert v10[1] == "2027-01-04 – 2027-03-28" and v10[2] == "Planned"
    assert next(r for r in rows if r[0] == "v1.1" and "–" in r[1])[4] == "Mobile"
    # The requirement nobody assessed shows no priority (not "Should").
    unassessed = next(r for r in rows if len(r) > 4 and r[1] == "Unassessed")
    assert "Should" not in unassessed and "Must" not in unassessed


def test_a_generic_title_is_not_said_twice_on_the_cover(tmp_path: Path) -> None:
    path = tmp_path / "new.pmdesk"
    new_project(path, product="云帆", template="prd-zh", today=TODAY)
    document = docx.Document(str(export(path, "docx")))
    cover = [p.text for p in document.paragraphs[:4] if p.text]
    assert cover[:2] == ["云帆", "产品需求文档"]


def test_new_project_values_from_the_templates() -> None:
    snapshot = new_project_values(
        title="T", product="P", key_prefix="CRM", language="zh", template="prd-zh", today=TODAY
    )
    project = snapshot["project"]
    assert (project["title"], project["product"], project["key_prefix"]) == ("T", "P", "CRM")
    [release] = snapshot["releases"]
    assert (release["name"], release["start"], release["end"]) == (
        "v1.0",
        "2027-01-04",
        "2027-03-28",
    )
    assert any("{{产品名称}}" in s["body"] for s in snapshot["sections"])
    blank = new_project_values(title="B", product="", language="en", template="blank")
    assert blank["releases"] == [] and blank["sections"] == []
    assert blank["project"]["language"] == "en"
    with pytest.raises(PmdeskError, match="cannot be a key prefix"):
        new_project_values(title="x", key_prefix="1-A")
    with pytest.raises(ValueError, match="no template"):
        new_project_values(template="prd-fr")


def test_new_project_writes_a_file_with_a_roadmap(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    new_project(path, title="T", product="P", key_prefix="ABC", language="en", template="prd-en")
    with Project.view(path) as project:
        assert project.info().key_prefix == "ABC"
        [release] = project.releases()
        assert release.start == dt.date.today().isoformat()


def test_fields_expand_outside_code_and_escape_markdown() -> None:
    values = {"product": "C*Desk_1", "version": "2.0", "title": "T"}
    text = "About **{{product}}** {{ 版本 }}\n```\n{{product}}\n```\n{{unknown}} `x`\n"
    assert expand_fields(text, values) == (
        "About **C\\*Desk\\_1** 2.0\n```\n{{product}}\n```\n{{unknown}} `x`\n"
    )
    assert expand_fields("{{产品名称}} PRD", values, markdown=False) == "C*Desk_1 PRD"
    assert isinstance(parse_directive("milestones"), MilestonesDirective)
    assert isinstance(parse_directive("releases"), ReleasesDirective)


def test_the_preview_shows_fields_milestones_and_releases(tmp_path: Path) -> None:
    path = built(tmp_path, "en", logo=False)
    with Project.view(path) as project:
        html = project.read(
            lambda conn: render_section_html(
                conn,
                "Hello {{product}}\n\n```pmdesk\nmilestones\n```\n\n```pmdesk\nreleases\n```\n",
                language="en",
            )
        )
    assert "Orbit*CRM" in html and "{{" not in html
    assert "<td>Beta</td><td>2027-02-15</td><td>v1.0</td>" in html
    assert "<strong>Mobile</strong>" in html


def test_picture_size_of_png_and_jpeg() -> None:
    assert picture_size(make_png(30, 12)) == (30, 12)
    jpeg = (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        b"\xff\xc0\x00\x11\x08\x00\x20\x00\x40\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    )
    assert picture_size(jpeg) == (64, 32)
    assert picture_size(b"GIF89a") is None


def test_a_lane_colour_shows_by_its_name_in_the_roadmap(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from pmdesk.export.roadmap_picture import render_roadmap_png

    path = built(tmp_path, "en", logo=False)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        lane = str(uuid.uuid4())
        project.apply(Create("lane", lane, {"name": "Growth", "colour": "#ff00ff"}))
        first = next(n for n in project.snapshot()["requirements"])
        project.apply(Update("requirement", first["uid"], {"lane": lane, "start": "2027-01-11"}))
        png = project.read(lambda conn: render_roadmap_png(conn, language="en", width=900))
    finally:
        project.close(discard=True)
    assert png is not None
    image = QImage.fromData(png)
    magenta = QColor("#ff00ff").rgb()
    rows = range(image.height())
    left = [(x, y) for x in range(40) for y in rows if image.pixel(x, y) == magenta]
    assert len(left) > 20  # a stripe by the lane's name, not a stray pixel


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_markdown_cover_has_the_logo_and_the_organisation(
    tmp_path: Path, language: str
) -> None:
    """The .md opens as the .docx does: the logo (written beside it) above the
    organisation and the title."""
    out = export(built(tmp_path, language), "md")
    text = out.read_text(encoding="utf-8")
    cover = text[: text.index("## ")]
    logo = f"{out.stem}-logo.png"
    assert f"](<{logo}>)" in cover
    assert (out.parent / logo).read_bytes().startswith(b"\x89PNG")
    organisation = "星帆科技" if language == "zh" else "Orbit Labs"
    assert cover.index(logo) < cover.index(organisation) < cover.index("# ")


def test_the_samples_milestones_name_their_release(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    document = docx.Document(str(export(path, "docx")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Beta start", "2027-03-01", "v1.0"] in rows
    assert ["v2.0 release", "2027-09-30", "v2.0"] in rows


def test_milestones_of_no_release_leave_out_the_release_column(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    new_project(path, title="T", language="en")
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        milestone = Create(
            "milestone", str(uuid.uuid4()), {"name": "Kick-off", "date": "2027-01-04"}
        )
        project.apply(milestone)
        project.save()
    finally:
        project.close()
    document = docx.Document(str(export(path, "docx")))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Milestone", "Date"] in rows and ["Kick-off", "2027-01-04"] in rows
