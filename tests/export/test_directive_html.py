"""The preview of the revision-history and changes-since blocks: the tables the
exports print, not a "will appear once available" placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.directive_html import render_directive_html
from pmdesk.export.doc import Table, plain_text
from pmdesk.export.prd_build import ExportOptions
from tests.export.prd_projects import add_baseline, make_project, set_title
from tests.export.test_prd_build import build


def project(tmp_path: Path) -> Path:
    path = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "version": "1.1", "authors": ["王芳"]},
            "requirements": [{"title": "登录"}, {"title": "注册"}],
        },
    )
    add_baseline(path, "v1.0 评审版")
    set_title(path, "REQ-2", "注册与找回密码")
    return path


def preview(path: Path, body: str, language: str) -> str:
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            return render_directive_html(body, conn, language=language)
    finally:
        store.dispose()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_revision_history_preview_is_the_exported_table(tmp_path: Path, language: str) -> None:
    path = project(tmp_path)
    out = preview(path, "revision-history", language)
    assert "available" not in out and "可用后" not in out
    exported = next(
        b for b in build(path, ExportOptions(language=language)).blocks if isinstance(b, Table)
    )
    for row in exported.rows:
        for cell in row:
            assert plain_text(cell) in out
    assert "v1.0 评审版" in out and out.count("<tr>") == 1 + len(exported.rows)


def test_changes_since_preview_lists_the_changes(tmp_path: Path) -> None:
    path = project(tmp_path)
    out = preview(path, "changes-since: v1.0 评审版", "zh")
    assert "REQ-2" in out and "注册与找回密码" in out and "<table" in out
    missing = preview(path, "changes-since: v9", "en")
    assert 'style="color:#b00020"' in missing and "no baseline named “v9”" in missing
