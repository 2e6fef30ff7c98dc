"""Project ▸ Kano Survey…: the sample survey read through the real menu, its
table and Better–Worse picture checked against the core's evaluation, Apply
saved to disk and undone, a bad survey refused with its sentence, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from pmdesk.app.analysis.kano_table import Column
from pmdesk.app.analysis.kano_window import BIG, KanoWindow
from pmdesk.app.main_window import MainWindow
from pmdesk.core.analysis.kano_apply import analyse_kano_survey, requirement_kanos
from pmdesk.core.analysis.kano_survey import sample_survey_path
from pmdesk.core.project import Project
from pmdesk.export.kano_picture import DOTS
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_read_only import lock_by_colleague

# Two requirements of the sample survey, as tests/core/test_kano_apply.py works
# them out by hand: counts A O M I R Q, Better, Worse, the category's names.
CRM_6 = ("30", "3", "8", "13", "5", "0", "1", "0.38", "-0.72")
CRM_26 = ("30", "12", "5", "2", "8", "2", "1", "0.63", "-0.26")
CHANGED = {"CRM-25": "performance", "CRM-26": "delighter", "CRM-9": "performance"}
CHANGED |= {"CRM-22": "reverse", "CRM-29": "indifferent"}
# The Project menu pops up: the offscreen platform cannot raise it or grab keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def kanos(path: Path) -> dict[str, str | None]:
    with Project.view(path) as project:
        return {k: r.kano for k, r in project.read(requirement_kanos).items()}


def kano_window(window: MainWindow) -> KanoWindow:
    found = [w for w in window.findChildren(KanoWindow) if w.isVisible()]
    assert len(found) == 1, "the Kano window is not shown"
    return found[0]


def click_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Project ▸ Kano Survey… clicked as a user does: the menu bar's Project, then the item."""
    bar = window.menuBar()
    project = next(a for a in bar.actions() if a.text().replace("&", "") in ("Project", "项目(P)"))
    menu = project.menu()
    assert isinstance(menu, QMenu)
    item = window.commands.kano_survey
    assert item in menu.actions() and item.isEnabled()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(project).center())
    qtbot.waitUntil(menu.isVisible)
    with qtbot.waitSignal(item.triggered):
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def row_of(kw: KanoWindow, key: str) -> list[str]:
    model = kw.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == key)
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def test_the_sample_survey_shown_applied_saved_and_undone(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample_survey_path("zh")
    click_menu(qtbot, window)
    kw = kano_window(window)
    assert answers.survey_folders == [str(sample.parent)]  # the project's folder at first
    assert window.settings.survey_folder == str(sample_survey_path("zh").parent)

    with Project.view(sample) as project:
        core = analyse_kano_survey(sample_survey_path("zh"), project.read(requirement_kanos))
    assert kw.model.rowCount() == len(core.results) == 8
    crm6 = row_of(kw, "CRM-6")
    assert crm6[0] == "CRM-6" and crm6[1]  # the title
    figures = crm6[Column.RESPONDENTS : Column.Q + 1] + crm6[Column.BETTER :]
    assert tuple(figures) == CRM_6
    assert crm6[Column.RESULT] == "Must-be" and crm6[Column.CURRENT] == "Basic"
    crm26 = row_of(kw, "CRM-26")
    assert tuple(crm26[Column.RESPONDENTS : Column.Q + 1] + crm26[Column.BETTER :]) == CRM_26
    assert crm26[Column.RESULT] == "Attractive" and crm26[Column.CURRENT] == "Performance"
    # Against the core, every row: the counts and coefficients it computed.
    for result in core.results:
        row = row_of(kw, result.key)
        assert row[Column.A : Column.Q + 1] == [str(v) for v in result.counts.values()]
        assert row[Column.BETTER] == f"{result.better:.2f}"
    # The rows whose category would change are marked, the others not.
    marked = {
        kw.model.index(r, 0).data()
        for r in range(kw.model.rowCount())
        if kw.model.index(r, Column.RESULT).data(Qt.ItemDataRole.BackgroundRole) is not None
    }
    assert marked == set(CHANGED)
    assert "5" in kw.summary.text() and kw.apply_button.isEnabled()

    # The picture: each dot at x = |Worse|, y = Better, in its quadrant's colour.
    kw.resize(1200, 640)
    qtbot.waitUntil(lambda: kw.scatter.width() > 300)
    image = kw.scatter.grab().toImage()
    plot = kw.scatter.plot()
    for point in kw.scatter.points:
        centre = plot.position(point)
        expected = plot.plot.left() + abs(point.worse) * plot.plot.width()
        assert centre.x() == pytest.approx(expected)
        assert centre.y() == pytest.approx(plot.plot.bottom() - point.better * plot.plot.height())
        ratio = image.devicePixelRatio()
        pixel = QColor(image.pixel(int(centre.x() * ratio), int(centre.y() * ratio)))
        assert pixel.name() == QColor(DOTS[point.quadrant]).name(), point.key
        assert kw.scatter.point_at(centre) == point
    crm6_dot = next(p for p in kw.scatter.points if p.key == "CRM-6")
    assert crm6_dot.quadrant == "M" and crm6_dot.title == crm6[1]

    # Apply: one undo step named by what it did, saved to disk.
    QTest.mouseClick(kw.apply_button, Qt.MouseButton.LeftButton)
    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.text(0) == "Set Kano category of 5 requirements from survey kano_survey_zh.csv"
    assert not kw.apply_button.isEnabled()  # nothing left to change
    assert all(
        kw.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        for r in range(kw.model.rowCount())
    )
    before = kanos(sample)
    assert window.save()
    assert kanos(sample) == before | CHANGED
    assert row_of(kw, "CRM-26")[Column.CURRENT] == "Delighter"

    # Ctrl+Z in the main window restores the categories; the Kano window follows.
    window.activateWindow()
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    qtbot.waitUntil(lambda: stack.index() == 0)
    assert kw.apply_button.isEnabled()
    assert row_of(kw, "CRM-26")[Column.CURRENT] == "Performance"
    assert window.save()
    assert kanos(sample) == before
    # In the Kano window itself: Ctrl+Shift+Z redoes, Ctrl+Z undoes again (the
    # offscreen platform cannot make it the active window: its shortcuts are fired).
    keys = {s.key().toString(): s for s in kw.findChildren(QShortcut)}
    keys["Ctrl+Shift+Z"].activated.emit()
    assert stack.index() == 1
    assert row_of(kw, "CRM-26")[Column.CURRENT] == "Delighter" and not kw.apply_button.isEnabled()
    keys["Ctrl+Z"].activated.emit()
    assert stack.index() == 0 and kw.apply_button.isEnabled()
    assert not answers.errors


def test_a_bad_survey_is_one_sentence_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    open_sync(window, sample)
    bad = tmp_path / "surveys" / "answers.csv"
    bad.parent.mkdir()
    bad.write_text("CRM-6 functional,CRM-6 dysfunctional\nI like it,perhaps\n", encoding="utf-8")
    answers.survey_path = bad
    before = kanos(sample)
    click_menu(qtbot, window)
    assert answers.errors == [
        "answers.csv, row 2, column “CRM-6 dysfunctional”: “perhaps” is not a Kano answer "
        "(I like it, It must be that way, I am neutral, I can live with it, I dislike it, "
        "or 1 to 5)."
    ]
    assert not [w for w in window.findChildren(KanoWindow) if w.isVisible()]
    assert ws(window).undo_stack.count() == 0 and kanos(sample) == before
    # Cancelling the file dialog does nothing at all; it opened where the last survey was.
    answers.survey_path = None
    click_menu(qtbot, window)
    assert len(answers.errors) == 1
    assert answers.survey_folders == [str(sample.parent), str(bad.parent)]


def test_the_kano_window_closes_with_its_project(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample_survey_path("zh")
    click_menu(qtbot, window)
    kw = kano_window(window)
    QTest.mouseClick(kw.apply_button, Qt.MouseButton.LeftButton)
    assert window.close_project()  # unsaved: Answers.save_changes discards them
    qtbot.waitUntil(lambda: not kw.isVisible())
    assert window.workspace is None


def test_the_survey_error_reads_in_chinese(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, chinese: None
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample.parent / "missing.csv"
    click_menu(qtbot, window)
    assert len(answers.errors) == 1 and "missing.csv" in answers.errors[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in answers.errors[0]), answers.errors[0]


def test_read_only_shows_the_result_but_refuses_to_apply(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)  # someone else's lock: opened read-only (Answers.locked)
    assert ws(window).read_only
    answers.survey_path = sample_survey_path("en")
    click_menu(qtbot, window)
    kw = kano_window(window)
    assert not kw.apply_button.isEnabled() and kw.note.isVisible()
    before = kanos(sample)
    assert not kw.apply()  # what slips through is refused by the session
    assert ws(window).undo_stack.count() == 0 and kanos(sample) == before
    QApplication.processEvents()
    assert "read-only" in window.statusBar().currentMessage()


def test_the_window_in_chinese(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, chinese: None
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample_survey_path("zh")
    click_menu(qtbot, window)
    kw = kano_window(window)
    assert row_of(kw, "CRM-6")[Column.RESULT] == "必备"
    assert row_of(kw, "CRM-26")[Column.RESULT] == "魅力"
    assert row_of(kw, "CRM-22")[Column.RESULT] == "反向"
    assert row_of(kw, "CRM-6")[Column.CURRENT] == "基本型"
    assert kw.scatter._texts.quadrants == {"A": "魅力", "O": "期望", "M": "必备", "I": "无差异"}
    QTest.mouseClick(kw.apply_button, Qt.MouseButton.LeftButton)
    assert ws(window).undo_stack.text(0) == "根据问卷 kano_survey_zh.csv 设置 5 条需求的 Kano 分类"


def test_a_big_survey_is_read_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    open_sync(window, sample)
    lines = sample_survey_path("zh").read_text(encoding="utf-8-sig").splitlines()
    big = tmp_path / "big.csv"
    big.write_text("\n".join([lines[0], *(lines[1:] * 100)]) + "\n", encoding="utf-8")
    assert big.stat().st_size > BIG
    answers.survey_path = big
    click_menu(qtbot, window)
    # The menu returned before the survey was read: the status bar says so.
    assert not [w for w in window.findChildren(KanoWindow) if w.isVisible()]
    assert window.progress.isVisible() and "big.csv" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: bool([w for w in window.findChildren(KanoWindow) if w.isVisible()]))
    kw = kano_window(window)
    assert not window.progress.isVisible()
    crm6 = row_of(kw, "CRM-6")
    assert crm6[Column.RESPONDENTS : Column.Q + 1] == [
        "3000",
        "300",
        "800",
        "1300",
        "500",
        "0",
        "100",
    ]
    assert crm6[Column.BETTER :] == ["0.38", "-0.72"]


def test_a_big_bad_survey_is_refused_after_reading(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    open_sync(window, sample)
    lines = sample_survey_path("zh").read_text(encoding="utf-8-sig").splitlines()
    big = tmp_path / "big.csv"
    big.write_text("\n".join([lines[0], *(lines[1:] * 100), "9,x,x,x,也许"]), encoding="utf-8")
    answers.survey_path = big
    click_menu(qtbot, window)
    qtbot.waitUntil(lambda: bool(answers.errors))
    assert "也许" in answers.errors[0] and "3002" in answers.errors[0]
    assert not [w for w in window.findChildren(KanoWindow) if w.isVisible()]
    assert not window.progress.isVisible()


def test_hovering_a_dot_shows_its_title(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample_survey_path("zh")
    click_menu(qtbot, window)
    kw = kano_window(window)
    dot = next(p for p in kw.scatter.points if p.key == "CRM-6")
    where = kw.scatter.plot().position(dot)

    def hover(at: QPointF) -> None:
        # A move without a button, as the pointer passes over the picture.
        global_at = QPointF(kw.scatter.mapToGlobal(at.toPoint()))
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            at,
            global_at,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(kw.scatter, move)

    hover(where)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith(f"CRM-6  {dot.title}") and "Better 0.38" in QToolTip.text()
    hover(where + QPointF(40, 40))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_a_click_on_a_column_title_sorts_and_a_double_click_selects(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    answers.survey_path = sample_survey_path("en")
    click_menu(qtbot, window)
    kw = kano_window(window)
    view = kw.table

    def keys() -> list[str]:
        return [str(view.model().index(r, Column.KEY).data()) for r in range(8)]

    assert keys()[:3] == ["CRM-6", "CRM-25", "CRM-26"]  # the survey's order
    header = view.horizontalHeader()

    def click_title(column: Column) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click_title(Column.I)  # I counts 5, 6, 8, 9, … 13, 15: numbers, not text ("13" < "5")
    counts = [int(view.model().index(r, Column.I).data()) for r in range(8)]
    assert counts == sorted(counts) and counts[-1] == 15
    click_title(Column.I)
    assert view.model().index(0, Column.I).data() == "15" and keys()[0] == "CRM-37"
    click_title(Column.BETTER)
    better = [float(view.model().index(r, Column.BETTER).data()) for r in range(8)]
    assert better == sorted(better)
    click_title(Column.KEY)
    assert keys() == ["CRM-6", "CRM-9", "CRM-22", "CRM-24", "CRM-25", "CRM-26", "CRM-29", "CRM-37"]
    # Double-clicking a row selects its requirement in the main window.
    rect = view.visualRect(view.model().index(1, Column.TITLE))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a hand
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = ws(window).selection.uid
    with Project.view(sample) as project:
        by_uid = {r.uid: k for k, r in project.read(requirement_kanos).items()}
    assert by_uid.get(selected or "") == "CRM-9", (by_uid.get(selected or ""), keys())
