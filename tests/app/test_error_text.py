"""Core errors reach a Chinese UI as Chinese sentences, and the English ones
stay for the command line."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.error_text import error_text
from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.core.errors import OperationError, ProjectFileError
from pmdesk.core.messages import MESSAGES
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.core.storage.projectfile import new_project
from tests.app.conftest import Answers, open_sync, ws

ROOT = Path(__file__).resolve().parents[2]


def has_chinese(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def test_damaged_file_opened_from_the_dialog_says_so_in_chinese(
    qtbot: QtBot,
    chinese: None,
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[tuple[str, str]] = []

    def warning(_parent: QWidget, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)  # the box itself, not dialogs.error
    good = tmp_path / "crm.pmdesk"
    write_sample(good, "zh")
    damaged = tmp_path / "坏文件.pmdesk"
    data = bytearray(good.read_bytes())
    data[4096 : 4096 * 8] = b"\xa5" * (4096 * 7)  # the header is fine, the tables are not
    damaged.write_bytes(bytes(data))
    window = MainWindow(AppSettings.at(tmp_path / "s.ini"), data_dir)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr("pmdesk.app.dialogs.open_path", lambda *_: damaged)
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        window.commands.open.trigger()  # File › Open…, the file chosen in the dialog
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "pmdesk"
    assert text == "坏文件.pmdesk 已损坏，无法读取。", text
    assert window.workspace is None and window.lifecycle.opening is None
    assert damaged.read_bytes() == bytes(data)  # never modified
    window.close()


def test_cut_short_file_in_chinese_and_english(chinese: None) -> None:
    error = ProjectFileError("file.cut_short", name="plan.pmdesk")
    assert str(error) == "plan.pmdesk is damaged: the file is cut short."  # the CLI's words
    assert error_text(error) == "plan.pmdesk 已损坏：文件不完整。"


def test_refused_save_and_edit_are_chinese(
    chinese: None, window: MainWindow, answers: Answers, tmp_path: Path, sample: Path
) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    uid = ws(window).tree_pane.model.children_of(None)[0]
    # An edit the core refuses: a release that does not exist; "release" is a word too.
    ws(window).session.push(Update("requirement", uid, {"release": "no-such-release"}))
    assert answers.errors[-1] == "版本 no-such-release 不存在。"
    ws(window).session.push(Update("requirement", uid, {"title": "改名"}))
    other = tmp_path / "other.pmdesk"
    new_project(other, title="Another project")
    os.replace(other, sample)  # another project saved under this one's name
    assert window.save() is False
    assert answers.errors[-1] == (
        "crm.pmdesk 现在是另一个项目，无法与你的工作合并；请用“另存为”保存你的工作。"
    )


def test_english_ui_shows_the_english_sentence() -> None:
    error = OperationError("move.into_own_subtree")
    assert error_text(error) == str(error) == "A requirement cannot be moved into its own subtree."


@pytest.mark.parametrize(
    ("entity", "english", "chinese_word"),
    [("custom_field", "custom field", "自定义字段"), ("saved_view", "saved view", "已保存视图")],
)
def test_entities_are_named_in_words_in_both_languages(
    chinese: None, entity: str, english: str, chinese_word: str, tmp_path: Path
) -> None:
    """Not "The custom_field x does not exist.": the entity as a reader says it."""
    path = tmp_path / "p.pmdesk"
    new_project(path, title="P")
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        with pytest.raises(OperationError) as refused:
            project.apply(Update(entity, "x", {"name": "Team"}))
    finally:
        project.close()
    assert str(refused.value) == f"The {english} x does not exist."  # the CLI's words
    assert error_text(refused.value) == f"{chinese_word} x 不存在。"


def test_every_core_sentence_keeps_its_placeholders_in_chinese() -> None:
    ts = ET.parse(ROOT / "resources/translations/pmdesk_zh_CN.ts").getroot()
    translated = {
        m.findtext("source", ""): m.findtext("translation", "")
        for c in ts.iter("context")
        if c.findtext("name") == "CoreError"
        for m in c.iter("message")
    }
    for code, source in MESSAGES.items():
        assert source in translated, code
        fields = set(re.findall(r"\{(\w+)\}", source))
        assert set(re.findall(r"\{(\w+)\}", translated[source])) == fields, code
        assert has_chinese(translated[source]) or source == "{text}", code


def test_sqlite_failures_read_in_chinese(chinese: None) -> None:
    """The reason is a word of the sentence, translated with it (followup)."""
    from pmdesk.core.storage.sqlite_errors import REASONS

    for word in REASONS:
        said = error_text(OperationError("edit.not_written", name="plan.pmdesk", reason=word))
        assert said.startswith("无法将这次修改写入 plan.pmdesk："), said
        assert has_chinese(said.split("：", 1)[1]) and word not in said, said


def test_a_damaged_working_copy_is_said_in_chinese_in_the_window(
    chinese: None, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    """The working copy's pages damaged under the open project: the refused
    edit names the project and says why in Chinese, no SQLite words (followup)."""
    import uuid

    from pmdesk.core.ops import Create
    from tests.damaged_files import garbage_pages

    path = tmp_path / "计划.pmdesk"
    write_sample(path, "zh")
    open_sync(window, path)
    session = ws(window).session
    session.push(Create("requirement", str(uuid.uuid4()), {"title": "x"}))
    work = session.working_copy.work_path
    garbage_pages(work)
    garbage_pages(Path(f"{work}-wal"))
    for _ in range(5):
        if answers.errors:
            break
        session.push(Create("requirement", str(uuid.uuid4()), {"title": "x" * 3000}))
    assert answers.errors == [
        f"无法在你的 pmdesk 数据文件夹（{window.data_dir}）中写入对 计划.pmdesk 的这次修改："
        "文件已损坏。"
    ]
    session.working_copy.store.dispose()


def test_a_count_of_one_reads_in_the_singular_in_both_languages(chinese: None) -> None:
    """Not "1 conflicting changes need a decision": one has a sentence of its own."""
    from pmdesk.core.errors import PmdeskError

    one = PmdeskError("merge.conflicts", count=1, name="plan.pmdesk")
    assert str(one) == "A conflicting change needs a decision before plan.pmdesk can be saved."
    assert error_text(one) == "有 1 处冲突的修改需要你决定，之后才能保存 plan.pmdesk。"
    two = PmdeskError("merge.conflicts", count=2, name="plan.pmdesk")
    assert str(two) == "2 conflicting changes need a decision before plan.pmdesk can be saved."
    leftover = PmdeskError("project.unsaved_leftover", count=1, name="plan.pmdesk")
    assert str(leftover).startswith("plan.pmdesk has an unsaved edit from an earlier session")
    assert error_text(leftover).startswith("plan.pmdesk 有 1 处上次未保存就结束的修改")
