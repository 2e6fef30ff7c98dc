"""A redline since a baseline: the .docx carries Word's own tracked changes.

Read back the way a reviewer works in Word's Review pane: "accept all" must
give the PRD of now, "reject all" the PRD of the baseline, each change must
name who made it and when, and LibreOffice must open the file and show them.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.project import Project
from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Table,
)
from pmdesk.export.redline_authors import Stamp
from pmdesk.export.redline_diff import FIRST_ID, ID_STEP, Redliner
from pmdesk.export.render_docx import render_docx
from tests.export.prd_projects import edit_sql, make_project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EDITOR = "李雷"
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")

ZH_BEFORE = "客户数据分散在多个系统里，销售每天要花两个小时整理表格。"
ZH_AFTER = "客户数据集中在一个系统里，销售每天只花十分钟整理表格。"
EN_BEFORE = "Sales teams lose two hours a day copying data between tools."
EN_AFTER = "Sales teams lose ten minutes a day checking data in one place."


def snapshot() -> dict[str, object]:
    return {
        "pmdesk_snapshot": 1,
        "project": {
            "title": "Redline CRM",
            "product": "云帆 CRM",
            "version": "1.0",
            "authors": ["张伟"],
            "language": "zh",
        },
        "requirements": [
            {"title": "客户档案", "description": "统一的客户档案。", "status": "approved"},
            {"title": "Customer timeline", "description": "Every visit and call in one line."},
            {"title": "重复客户合并", "description": "合并重复的客户。", "owner": "王强"},
        ],
        "sections": [
            {"title": "背景", "body": f"{ZH_BEFORE}\n\n第二段保持不变。\n"},
            {"title": "Goals", "body": f"{EN_BEFORE}\n\nThis paragraph stays.\n"},
        ],
    }


@dataclass(frozen=True)
class Edited:
    path: Path
    baseline_copy: Path
    """The project file as it was when the baseline was made."""


@pytest.fixture
def edited(tmp_path: Path, data_dir: Path) -> Edited:
    path = make_project(tmp_path / "crm.pmdesk", snapshot())
    project = Project.open(path, data_dir=data_dir)
    project.create_baseline("v1 评审版")
    project.save()
    project.close()
    copy = tmp_path / "baseline.pmdesk"
    shutil.copyfile(path, copy)

    project = Project.open(path, data_dir=data_dir, user=EDITOR)
    with sqlite3.connect(path) as db:
        keys = dict(db.execute("SELECT key, uid FROM requirement").fetchall())
        sections = dict(db.execute("SELECT title, uid FROM section").fetchall())
    db.close()
    project.apply(Update("requirement", keys["REQ-1"], {"title": "客户全景档案"}))
    project.apply(Remove((("requirement", keys["REQ-3"]),)))
    project.apply(
        Create("requirement", "added-1", {"title": "Export with tracked changes"}, index=1)
    )
    project.apply(
        Update("section", sections["背景"], {"body": f"{ZH_AFTER}\n\n第二段保持不变。\n"})
    )
    project.apply(
        Update("section", sections["Goals"], {"body": f"{EN_AFTER}\n\nThis paragraph stays.\n"})
    )
    project.save()
    project.close()
    return Edited(path, copy)


def export(path: Path, out: Path, *extra: str) -> Path:
    assert main(["export", str(path), "--format", "docx", "-o", str(out), *extra]) == 0
    return out


def body(docx: Path) -> etree._Element:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/document.xml")).find("w:body", NS)


def accept_all(root: etree._Element) -> etree._Element:
    """What Word's "Accept All Changes" leaves: deletions gone, insertions kept
    (changes `root` in place)."""
    return _resolve(root, keep="ins", drop="del")


def reject_all(root: etree._Element) -> etree._Element:
    return _resolve(root, keep="del", drop="ins")


def _resolve(root: etree._Element, *, keep: str, drop: str) -> etree._Element:
    for mark in root.findall(f".//w:pPr/w:rPr/w:{drop}", NS):  # a paragraph added/removed whole
        paragraph = mark.getparent().getparent().getparent()
        paragraph.getparent().remove(paragraph)
    for mark in root.findall(f".//w:trPr/w:{drop}", NS):  # a row added/removed whole
        row = mark.getparent().getparent()
        row.getparent().remove(row)
    for mark in root.findall(f".//w:{drop}", NS):
        mark.getparent().remove(mark)
    for mark in root.findall(f".//w:{keep}", NS):
        parent = mark.getparent()
        if parent.tag in (f"{{{W}}}rPr", f"{{{W}}}trPr"):
            parent.remove(mark)
            continue
        at = parent.index(mark)
        for n, child in enumerate(list(mark)):
            parent.insert(at + n, child)
        parent.remove(mark)
    for text in root.findall(".//w:delText", NS):
        text.tag = f"{{{W}}}t"
    return root


def texts(root: etree._Element) -> list[str]:
    """The text of every paragraph with text, in reading order (tables included)."""
    found = ("".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in root.iter(f"{{{W}}}p"))
    return [t for t in found if t.strip()]


def without_deleted_in_contents(lines: list[str]) -> list[str]:
    """The contents' cached entries still list the deleted requirement's heading
    (unnumbered; Word rebuilds the contents on open, LibreOffice shows the cache)."""
    assert lines.count("REQ-3 重复客户合并") == 1
    return [line for line in lines if line != "REQ-3 重复客户合并"]


def from_title(lines: list[str], title: str) -> list[str]:
    return lines[lines.index(title) :]


def changes(root: etree._Element) -> list[tuple[str, str, str, str]]:
    """(ins|del, author, date, text) of every tracked change, paragraph marks included."""
    out = []
    for kind in ("ins", "del"):
        for mark in root.iter(f"{{{W}}}{kind}"):
            said = "".join(t.text or "" for t in mark.iter(f"{{{W}}}t", f"{{{W}}}delText"))
            out.append((kind, mark.get(f"{{{W}}}author"), mark.get(f"{{{W}}}date"), said))
    return out


def test_changes_are_tracked_with_author_and_date(edited: Edited, tmp_path: Path) -> None:
    root = body(export(edited.path, tmp_path / "r.docx", "--baseline", "V1 评审版", "--redline"))
    found = changes(root)
    assert {author for _, author, _, _ in found} == {EDITOR}
    with sqlite3.connect(edited.path) as db:
        edited_at = {
            at + "Z" for (at,) in db.execute("SELECT at FROM history WHERE by = ?", (EDITOR,))
        }
    db.close()
    assert {date for _, _, date, _ in found} <= edited_at
    assert all(ISO_UTC.match(date) for _, _, date, _ in found)
    deleted = " ".join(t for kind, _, _, t in found if kind == "del")
    inserted = " ".join(t for kind, _, _, t in found if kind == "ins")
    assert "全景" in inserted and "重复客户合并" in deleted
    assert "Export with tracked changes" in inserted
    # Words inside a rewritten paragraph, not the whole paragraph: English by word,
    # Chinese by character.
    assert "two hours" in deleted and "ten minutes" in inserted
    assert "Sales teams lose" not in deleted + inserted
    assert "分散" in deleted and "集中" in inserted and "整理表格" not in deleted + inserted
    # A requirement removed is a row deleted in the tables, added one a row inserted.
    rows = root.findall(".//w:tr/w:trPr", NS)
    assert any(r.find("w:del", NS) is not None for r in rows)
    assert any(r.find("w:ins", NS) is not None for r in rows)
    # Its heading is a paragraph deleted whole (the mark too, so nothing is left behind).
    assert root.findall(".//w:pPr/w:rPr/w:del", NS) and root.findall(".//w:pPr/w:rPr/w:ins", NS)
    ids = [m.get(f"{{{W}}}id") for m in root.iter(f"{{{W}}}ins", f"{{{W}}}del")]
    assert len(ids) == len(set(ids))


def test_accept_all_is_the_export_of_now(edited: Edited, tmp_path: Path) -> None:
    redline = export(edited.path, tmp_path / "r.docx", "--baseline", "v1 评审版", "--redline")
    now = export(edited.path, tmp_path / "now.docx", "--baseline", "v1 评审版")
    accepted = texts(accept_all(body(redline)))
    assert from_title(accepted, "背景") == from_title(texts(body(now)), "背景")
    assert without_deleted_in_contents(accepted) == texts(body(now))


def test_reject_all_is_the_text_of_the_baseline(edited: Edited, tmp_path: Path) -> None:
    redline = export(edited.path, tmp_path / "r.docx", "--baseline", "v1 评审版", "--redline")
    then = texts(body(export(edited.baseline_copy, tmp_path / "then.docx")))
    # Front matter describes the export (revision history): it is today's, unmarked.
    # So is the "changes since" chapter, which the baseline's own export lacks.
    rejected = from_title(texts(reject_all(body(redline))), "背景")
    start, end = rejected.index("自基线「v1 评审版」以来的变更"), rejected.index("附录：需求一览")
    rejected = rejected[:start] + rejected[end:]
    assert ZH_BEFORE in rejected and EN_BEFORE in rejected and "重复客户合并" in " ".join(rejected)
    assert rejected == from_title(then, "背景")


def test_english_redline(edited: Edited, tmp_path: Path) -> None:
    root = body(
        export(
            edited.path,
            tmp_path / "en.docx",
            "--lang",
            "en",
            "--baseline",
            "v1 评审版",
            "--redline",
        )
    )
    now = texts(
        body(export(edited.path, tmp_path / "n.docx", "--lang", "en", "--baseline", "v1 评审版"))
    )
    assert {author for _, author, _, _ in changes(root)} == {EDITOR}
    assert without_deleted_in_contents(texts(accept_all(root))) == now


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_change_since_the_baseline_marks_nothing(
    tmp_path: Path, data_dir: Path, language: str
) -> None:
    """The sample shows every kind of block (requirement tables, the roadmap, the
    revision history inside a section…): none of it may differ from itself."""
    path = tmp_path / "same.pmdesk"
    write_sample(path, language)
    assert main(["baseline", str(path), "v1"]) == 0
    root = body(export(path, tmp_path / "r.docx", "--baseline", "v1", "--redline"))
    assert changes(root) == []


def test_changes_the_history_does_not_explain_are_by_the_projects_author(
    tmp_path: Path, data_dir: Path
) -> None:
    path = make_project(tmp_path / "synced.pmdesk", snapshot())
    project = Project.open(path, data_dir=data_dir)
    project.create_baseline("v1")
    project.save()
    project.close()
    # A sync tool, an import: no history of the edit (only of the baseline, by 测试员).
    edit_sql(path, ("UPDATE requirement SET title = ? WHERE key = ?", ("客户全景档案", "REQ-1")))
    root = body(export(path, tmp_path / "r.docx", "--baseline", "v1", "--redline"))
    found = changes(root)
    assert found and {author for _, author, _, _ in found} == {"张伟"}  # the project's author
    assert all(ISO_UTC.match(date) for _, _, date, _ in found)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT) and not os.environ.get("CI"),
    reason="LibreOffice or pdftotext is not installed",
)
def test_libreoffice_opens_it_and_shows_the_changes(edited: Edited, tmp_path: Path) -> None:
    assert SOFFICE and PDFTOTEXT, "CI must install libreoffice-writer and poppler-utils"
    docx = export(edited.path, tmp_path / "r.docx", "--baseline", "v1 评审版", "--redline")
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        [PDFTOTEXT, str(tmp_path / "r.pdf"), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    # Changes are shown (struck-through deletions beside the insertions), not applied.
    for words in (
        "two hours",
        "ten minutes",
        "分散在多集中在一个系统",
        "要花两个小时只花十分钟",
        "REQ-3 重复客户合并",
    ):
        assert "".join(words.split()) in flat, words
    assert "Export with tracked changes" in text


def audit_errors(docx: Path) -> set[str]:
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "openxml_audit",
            "-f",
            "office2016",
            "-m",
            "0",
            "-o",
            "json",
            str(docx),
        ],
        capture_output=True,
        timeout=120,
    )
    report = json.loads(found.stdout)[0]
    return {f"{e['description']} ({e['node']})" for e in report["errors"]}


@pytest.mark.skipif(
    importlib.util.find_spec("openxml_audit") is None, reason="openxml-audit is not installed"
)
def test_tracked_changes_add_no_schema_error(edited: Edited, tmp_path: Path) -> None:
    plain = export(edited.path, tmp_path / "plain.docx", "--baseline", "v1 评审版")
    redline = export(edited.path, tmp_path / "r.docx", "--baseline", "v1 评审版", "--redline")
    # Kinds of error, not their count: a deleted table row repeats the row's own.
    assert audit_errors(redline) <= audit_errors(plain)


def marks(runs: list[Run]) -> list[tuple[str, str]]:
    """Each run as (+ inserted, - deleted, = kept, its text)."""
    return [("=" if r.change is None else "+" if r.change.inserted else "-", r.text) for r in runs]


def redliner() -> Redliner:
    return Redliner(lambda _owner, before=False: Stamp("李雷", "2027-01-09T08:00:00Z"), bool)


def test_words_change_in_english_and_characters_in_chinese() -> None:
    english = redliner().runs(
        [Run("The export takes "), Run("ten", bold=True), Run(" seconds today.")],
        [Run("The export takes "), Run("two", bold=True), Run(" seconds now.")],
        None,
    )
    assert marks(english) == [
        ("=", "The export takes "),
        ("-", "ten"),
        ("+", "two"),
        ("=", " seconds "),
        ("-", "today"),
        ("+", "now"),
        ("=", "."),
    ]
    assert [r.bold for r in english[1:3]] == [True, True]  # the look stays with the words
    chinese = redliner().runs([Run("导出需要十秒。")], [Run("导出只需要两秒。")], None)
    assert marks(chinese) == [
        ("=", "导出"),
        ("+", "只"),
        ("=", "需要"),
        ("-", "十"),
        ("+", "两"),
        ("=", "秒。"),
    ]


def test_a_rewritten_paragraph_is_replaced_whole_not_sieved() -> None:
    runs = redliner().runs([Run("客户数据分散在多个系统里。")], [Run("我们先服务中小企业。")], None)
    assert marks(runs) == [("-", "客户数据分散在多个系统里。"), ("+", "我们先服务中小企业。")]
    ids = [r.change.id for r in runs if r.change is not None]
    assert len(set(ids)) == 2 and all(i % ID_STEP == FIRST_ID % ID_STEP for i in ids)


def rendered(blocks: list[Block]) -> etree._Element:
    out = io.BytesIO()
    render_docx(Document("T", "en", "H", "{page}", blocks), out)
    with zipfile.ZipFile(out) as z:
        return etree.fromstring(z.read("word/document.xml")).find("w:body", NS)


def test_lists_quotes_and_tables_accept_and_reject_exactly() -> None:
    def item(text: str) -> ListItem:
        return ListItem([Paragraph([Run(text)])])

    before: list[Block] = [
        Heading(1, "Scope"),
        ListBlock(True, [item("first step"), item("second step"), item("gone step")]),
        Quote([Heading(2, "Old quoted title"), Paragraph([Run("A quoted line.")])]),
        Table(
            [[Run("Key")], [Run("Title")]],
            [[[Run("A-1")], [Run("Alpha")]], [[Run("A-2")], [Run("Beta")]]],
        ),
        Paragraph([Run("Removed paragraph.")]),
        CodeBlock("select *\nfrom old_table"),
        CodeBlock("dropped()"),
    ]
    after: list[Block] = [
        Heading(1, "Scope and aims"),
        ListBlock(True, [item("first step"), item("second, better step"), item("new step")]),
        Quote([Heading(2, "New quoted title"), Paragraph([Run("A quoted line.")])]),
        Table(
            [[Run("Key")], [Run("Title")]],
            [[[Run("A-1")], [Run("Alpha one")]], [[Run("A-3")], [Run("Gamma")]]],
        ),
        Paragraph([Run("Added paragraph.")], "note"),
        CodeBlock("select *\nfrom new_table"),
    ]
    merged = redliner().document(before, after)
    assert texts(accept_all(rendered(merged))) == texts(rendered(after))
    assert texts(reject_all(rendered(merged))) == texts(rendered(before))
    found = changes(rendered(merged))
    assert ("del", "李雷", "2027-01-09T08:00:00Z", "Old") in found
    assert ("ins", "李雷", "2027-01-09T08:00:00Z", "Gamma") in found
    assert ("del", "李雷", "2027-01-09T08:00:00Z", "old_table") in found


def test_kept_blocks_stay_in_place_and_unmarked() -> None:
    """The "changes since" chapter and a revision table are today's, where they are."""
    before: list[Block] = [Heading(1, "A"), Paragraph([Run("one")])]
    after: list[Block] = [
        Heading(1, "A"),
        Paragraph([Run("one two")]),
        Paragraph([Run("kept")]),
        Paragraph([Run("tail")]),
    ]
    merged = redliner().document(before, after, frozenset({2}))
    assert [marks(b.runs) for b in merged if isinstance(b, Paragraph)] == [
        [("=", "one"), ("+", " two")],
        [("=", "kept")],
        [("+", "tail")],
    ]
