"""Opening shows the tree from a first read of the file, before the working copy
exists; what finally opens is always the working copy's content."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.opening import open_in_background_work
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.maps import TreeMaps
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.storage.tree_read import read_tree
from tests.app.conftest import ws


def test_tree_is_reported_before_the_copy(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    reported: list[TreeMaps] = []

    def show_tree(tree: TreeMaps) -> None:
        assert not (data_dir / "working").exists() or not any((data_dir / "working").iterdir())
        reported.append(tree)

    opened = open_in_background_work(path, data_dir, "测试员", None)(show_tree)
    assert [len(t.rows) for t in reported] == [45]
    assert opened.tree is None  # the tree shown is the working copy's
    work_rows = read_tree(opened.working_copy.work_path, readonly=False).rows
    assert list(reported[0].rows.values()) == work_rows
    opened.working_copy.close(discard=True)


def test_a_save_between_the_first_read_and_the_copy_is_what_opens(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    colleague = tmp_path / "colleague.pmdesk"
    write_sample(colleague, "en")

    def show_tree(_tree: TreeMaps) -> None:
        os.replace(colleague, path)  # a colleague's save lands right after the read

    opened = open_in_background_work(path, data_dir, "测试员", None)(show_tree)
    assert opened.tree is not None
    assert list(opened.tree.rows.values()) == read_tree(path).rows
    assert "Customer" in " ".join(r[3] for r in opened.tree.rows.values())
    opened.working_copy.close(discard=True)


def test_window_shows_the_new_content_after_such_a_save(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    colleague = tmp_path / "colleague.pmdesk"
    write_sample(colleague, "en")
    window.tree_shown.connect(lambda: os.replace(colleague, path))
    window.open_project(path, background=False)
    model = ws(window).tree_pane.model
    titles = [model.row_values(u)[3] for u in model.children_of(None)]
    assert titles == [r[3] for r in read_tree(path).rows if r[1] is None]
    assert window.workspace is not None
    assert ws(window).tree_pane.view.current_uid() == model.children_of(None)[0]


def test_edits_wait_for_the_working_copy(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    before = path.read_bytes()
    session = ProjectSession(path)
    assert not session.ready
    assert session.push(Create("requirement", str(uuid.uuid4()), {"title": "太早"})) is False
    assert session.undo_stack.count() == 0
    assert path.read_bytes() == before
