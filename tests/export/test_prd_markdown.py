"""The PRD as GitHub-flavoured Markdown, read back by pandoc's GFM reader.

pandoc (installed by `.ci/run`) parses GFM as code-hosting sites do, so the
tests check what a reader of the rendered page would see: headings, tables,
task lists, working contents links, and user text that stays text.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.doc import Image
from pmdesk.export.prd_build import ExportOptions
from pmdesk.export.prd_export import export_prd
from tests.export.prd_projects import hostile_snapshot, make_project

PANDOC = shutil.which("pandoc")
ALLOWED_HTML = {"<strong>", "</strong>", "<em>", "</em>", "<del>", "</del>", "<br>"}


def gfm(path: Path) -> dict[str, Any]:
    if PANDOC is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install pandoc")
        pytest.skip("pandoc is not installed")
    result = subprocess.run(
        [PANDOC, "-f", "gfm", "-t", "json", str(path)], check=True, capture_output=True, timeout=120
    )
    tree: dict[str, Any] = json.loads(result.stdout)
    return tree


def walk(node: object) -> Iterator[dict[str, Any]]:
    """Every object (dictionary) in pandoc's JSON, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def text_of(node: object) -> str:
    parts = []
    for item in walk(node):
        if item.get("t") == "Str":
            parts.append(item["c"])
        elif item.get("t") in ("Space", "SoftBreak"):
            parts.append(" ")
        elif item.get("t") == "Code":
            parts.append(item["c"][1])
    return "".join(parts)


@pytest.fixture(scope="module")
def sample_md(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("md")
    project = folder / "crm.pmdesk"
    write_sample(project, "zh")
    out = folder / "crm.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    return out


def test_headings_tables_and_task_lists(sample_md: Path) -> None:
    ast = gfm(sample_md)
    headers = [(b["c"][0], text_of(b["c"][2])) for b in ast["blocks"] if b["t"] == "Header"]
    assert headers[:2] == [(1, "云帆 CRM · 客户管理模块 PRD"), (2, "1 文档说明与修订记录")]
    assert (2, "11 需求详情") in headers
    assert (3, "11.1 CRM-1 客户档案管理") in headers
    assert (4, "11.1.1 CRM-2 客户 360° 视图") in headers
    tables = [b for b in walk(ast) if b.get("t") == "Table"]
    assert len(tables) > 40  # section tables, facts per requirement, directive, index
    text = text_of(ast)
    assert "☐ v1.0 上线 60 天后" in text  # pandoc writes a GFM task item as ☐
    assert "CRM-28" in text


def test_contents_links_point_at_real_heading_anchors(sample_md: Path) -> None:
    ast = gfm(sample_md)
    anchors = {b["c"][1][0] for b in walk(ast) if b.get("t") == "Header"}
    links = [
        link["c"][2][0][1:]
        for link in walk(ast)
        if link.get("t") == "Link" and link["c"][2][0].startswith("#")
    ]
    assert len(links) > 30
    assert [target for target in links if target not in anchors] == []


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "hostile.pmdesk", hostile_snapshot(), chain=50)
    out = tmp_path / "hostile.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    assert "\x00" not in raw and "\x1b" not in raw
    ast = gfm(out)
    html = {item["c"][1] for item in walk(ast) if item.get("t") in ("RawInline", "RawBlock")}
    assert html <= ALLOWED_HTML
    text = text_of(ast)
    assert "<script>alert('描述')</script>" in text
    assert "x|y" in text  # a pipe inside code in a table cell did not split the cell
    assert "第 50 层" in text and "第 10 层" in text


def test_roadmap_picture_is_written_beside_and_linked(tmp_path: Path, png_bytes: bytes) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "en")
    out = tmp_path / "prd.md"
    options = ExportOptions(
        language="en", roadmap=lambda conn, lang: Image(png_bytes, 40, 20, "Roadmap", "roadmap")
    )
    store = open_readonly(project)
    with store.engine.connect() as conn:
        result = export_prd(conn, "md", out, options)
    store.dispose()
    picture = tmp_path / "prd-roadmap.png"
    # The sample's persona cards bring their avatars too (prd-persona-N.png).
    pictures = [p for p in result.pictures if not p.name.startswith("prd-persona-")]
    assert pictures == [picture] and picture.read_bytes() == png_bytes
    images = [i for i in walk(gfm(out)) if i.get("t") == "Image"]
    shown = [i["c"][2][0] for i in images if not i["c"][2][0].startswith("prd-persona-")]
    assert shown == ["prd-roadmap.png"]
