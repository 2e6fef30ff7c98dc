"""Issue 13's "done when": from File ▸ New to a PRD with a roadmap, with keys and
clicks — properties, two releases, two lanes, a milestone, dated requirements —
saved, exported to Word, and the cover and the roadmap read back."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.document.export_dialog import ExportDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.app.setup import questions
from pmdesk.app.setup.milestone_dialog import MilestoneDialog
from pmdesk.app.setup.new_project_dialog import NewProjectDialog
from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog
from pmdesk.app.setup.release_dialog import ReleaseDialog
from pmdesk.core.merge.files import read_project
from pmdesk.core.project import Project
from pmdesk.core.roadmap.layout import layout_roadmap
from pmdesk.export.roadmap_picture import document_roadmap_png
from tests.app.conftest import Answers, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused, modal, while_modal
from tests.app.test_main_window import type_title

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def set_date(widget: QDateEdit, day: dt.date, *, enter: bool = True) -> None:
    """Type a date section by section, as a user does (Return: done with it)."""
    text = day.isoformat()
    widget.setFocus()
    for offset, part in ((0, text[:4]), (5, text[5:7]), (8, text[8:])):
        QTest.keyClick(widget, Qt.Key.Key_Home)
        for _ in range(offset):
            QTest.keyClick(widget, Qt.Key.Key_Right)
        for _ in part:
            QTest.keyClick(widget, Qt.Key.Key_Right, SHIFT)
        QTest.keyClicks(widget, part)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def test_from_file_new_to_a_prd_with_a_roadmap(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_file", opened.append)

    # File ▸ New…: a Chinese PRD for 云帆 CRM.
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    new = modal(qtbot, NewProjectDialog)
    type_text(qtbot, focused(), "云帆 CRM 产品需求")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Yunfan CRM")
    assert new.key_prefix.text() == "YC"
    QTest.keyClick(new, Qt.Key.Key_E, ALT)
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # PRD template (中文)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None)
    back_to(qtbot, window)
    session = ws(window).session

    # Project ▸ Properties…: the version and the authors.
    QTest.keyClick(window, Qt.Key.Key_P, CTRL | ALT)
    props = modal(qtbot, ProjectPropertiesDialog)
    QTest.keyClick(props, Qt.Key.Key_V, ALT)
    type_text(qtbot, focused(), "2.0")
    editing = props.authors.State.EditingState
    QTest.keyClick(props, Qt.Key.Key_D, ALT)  # A&dd an author (a mnemonic clicks a moment later)
    qtbot.waitUntil(lambda: props.authors.state() == editing)
    type_text(qtbot, focused(), "张三\n")
    qtbot.waitUntil(lambda: props.authors.state() != editing)
    QTest.keyClick(props, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: props.authors.state() == editing)
    type_text(qtbot, focused(), "李四\n")
    qtbot.waitUntil(lambda: props.authors.state() != editing)
    QTest.keyClick(props, Qt.Key.Key_V, ALT)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not props.isVisible())
    back_to(qtbot, window)
    info = session.project.info()
    assert (info.product, info.version, list(info.authors)) == (
        "Yunfan CRM",
        "2.0",
        ["张三", "李四"],
    )

    # Two releases: the template's example (if any) and new ones up to two.
    pane = ws(window).plan_pane
    while len(pane.releases.uids()) < 2:
        while_modal(ReleaseDialog, lambda d: QTest.keyClick(d.name, Qt.Key.Key_Return))
        QTest.keyClick(window, Qt.Key.Key_R, CTRL | SHIFT)
        back_to(qtbot, window)
    releases = session.project.releases()
    assert len(releases) == 2 and all(r.start and r.end for r in releases)
    first, second = releases

    # Two lanes, named as they are made.
    for name in ("增长", "平台"):
        monkeypatch.setattr(questions, "ask_lane_name", lambda _p, _s, n=name: n)
        pane.new_lane_action.trigger()
    lanes = session.project.lanes()
    assert [lane.name for lane in lanes] == ["增长", "平台"]

    # A milestone of the second release, on its last day.
    def milestone(dialog: MilestoneDialog) -> None:
        QTest.keyClick(dialog.name, Qt.Key.Key_A, CTRL)
        type_text(qtbot, dialog.name, "公测")
        set_date(dialog.date, dt.date.fromisoformat(str(second.end)), enter=False)
        QTest.keyClick(dialog, Qt.Key.Key_R, ALT)
        assert focused() is dialog.release
        QTest.keyClick(dialog.release, Qt.Key.Key_End)  # the last release
        QTest.keyClick(dialog.release, Qt.Key.Key_Return)

    while_modal(MilestoneDialog, milestone)
    QTest.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    back_to(qtbot, window)
    (beta,) = session.project.milestones()
    assert (beta.name, beta.release) == ("公测", second.uid)

    # Two dated requirements, one in each release and lane, with keys alone.
    view = ws(window).tree_pane.view
    form = ws(window).detail_editor.form
    for title, release_keys, lane_keys, release in (
        ("扫码登录", 1, 1, first),
        ("客户画像", 2, 2, second),
    ):
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_Insert)
        type_title(qtbot, window, title)
        form.release.setFocus()
        QTest.keyClick(form.release, Qt.Key.Key_Home)
        for _ in range(release_keys):
            QTest.keyClick(form.release, Qt.Key.Key_Down)
        form.lane.setFocus()
        QTest.keyClick(form.lane, Qt.Key.Key_Home)
        for _ in range(lane_keys):
            QTest.keyClick(form.lane, Qt.Key.Key_Down)
        start = dt.date.fromisoformat(str(release.start))
        QTest.keyClick(form.start.check, Qt.Key.Key_Space)
        set_date(form.start.edit, start)
        QTest.keyClick(form.end.check, Qt.Key.Key_Space)
        set_date(form.end.edit, start + dt.timedelta(days=20))
    rows = [r for r in session.project.roadmap().items if r.title in ("扫码登录", "客户画像")]
    assert len(rows) == 2 and all(r.start and r.end for r in rows)
    assert {r.release_uid for r in rows} == {first.uid, second.uid}
    assert {r.lane_uid for r in rows} == {lane.uid for lane in lanes}
    assert all(r.key.startswith("YC-") for r in rows)

    # Saved, then exported to Word.
    target = tmp_path / "yunfan.pmdesk"
    answers.save_path = target
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not ws(window).untitled
    saved = read_project(target)
    assert len(saved["release"]) == 2 and len(saved["lane"]) == 2
    assert len(saved["milestone"]) == 1

    monkeypatch.setattr(dialogs, "export_path", lambda *_: tmp_path / "yunfan.docx")
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    export = window.findChild(ExportDialog)
    assert export is not None
    QTest.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(export) or not export.isVisible(), timeout=30_000)
    assert opened == [tmp_path / "yunfan.docx"]

    document = docx.Document(str(tmp_path / "yunfan.docx"))
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert (facts["产品"], facts["版本"], facts["作者"]) == ("Yunfan CRM", "2.0", "张三、李四")
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert first.name in text and second.name in text
    assert document.inline_shapes, "the roadmap picture"
    # The picture is the roadmap of the saved file, drawn from a layout with both
    # releases as bands (the same drawing, byte for byte, as made from that file).
    shapes = {s._inline.docPr.get("name"): s for s in document.inline_shapes}
    assert "roadmap" in shapes
    blip = shapes["roadmap"]._inline.graphic.graphicData.pic.blipFill.blip
    assert blip is not None and blip.embed is not None
    blob = document.part.related_parts[blip.embed].blob
    with Project.view(target) as file:
        data = file.roadmap()
        drawn = file.read(partial(document_roadmap_png, language="zh", width=1200))
    assert drawn is not None and blob == drawn[0]
    bands = layout_roadmap(data, dt.date.today()).bands
    assert {b.name for b in bands} == {first.name, second.name}
