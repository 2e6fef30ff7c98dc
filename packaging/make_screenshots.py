"""Render the README's main-window screenshots offscreen: `python packaging/make_screenshots.py`.

Writes packaging/screenshots/main-zh.png and main-en.png: the window at
1600×1000 on the bundled sample, in each UI language, after the document
preview and the roadmap have painted; sharing-zh.png / sharing-en.png: the
window after a colleague saved (the notice bar offering to merge); and
conflicts-zh.png / conflicts-en.png: the conflict dialog for that save, showing
two descriptions that differ at the end of a paragraph; roadmap-menu-zh.png /
roadmap-menu-en.png: the roadmap's context menu on a release band;
properties-*.png: Project ▸ Properties…; plan-*.png: the window with the Plan
pane (releases, lanes, milestones) beside the tree; release-*.png: a release's form;
document-*.png: the window at 1280×800 with the document pane showing the preview
only (section list collapsed) of the section holding the requirements table;
personas-*.png: Project ▸ Personas…; kano-*.png: Project ▸ Kano Survey… on the sample survey; board-*.png: the window
at 1280×800 with View ▸ MoSCoW Board on release v1.1, given a capacity its Musts
exceed (the warning shows; the edits are undone after the shot); backlog-*.png:
the backlog table at 1280×800, grouped by release, sorted by priority then score; horizons-*.png:
the roadmap as Now / Next / Later on 2027-02-15 (v1.0 under way), CRM-22 moved
to Now by hand and selected (undone after the shot); matrix-*.png:
View ▸ Value vs Effort on release v1.0 (the sample's business values);
search-*.png: Edit ▸ Find in Project on 客户 / "customer" at 1280×800, the words
highlighted in the results and the tree; trace-matrix-*.png and trace-problems-*.png:
View ▸ Traceability… (features × stories, then the Problems tab); impact-*.png: Show
Impact… of CRM-28 after an edit of its description (the links resting on it need
review; undone after the shot); customfields-*.png, custom-details-*.png and
custom-backlog-*.png: Project ▸ Custom Fields… on the sample's three fields (平台 / Platform
chosen), their inputs in the details pane of CRM-8, and the backlog with their columns, grouped
by platform; views-*.png: View ▸ Saved Views at 1280×800 with four views, the second
shown, and views-manage-*.png: Manage Views… on them (the views are undone after the shots).

`python packaging/make_screenshots.py search trace impact customfields views` shoots only those.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pmdesk.app.i18n import install_translators  # noqa: E402
from pmdesk.app.main_window import MainWindow  # noqa: E402
from pmdesk.app.settings import AppSettings  # noqa: E402
from pmdesk.app.theme import apply_theme  # noqa: E402
from pmdesk.core.newproject.sample import write_sample  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, language: str, folder: Path, only: frozenset[str]) -> None:
    """Every screenshot of one language, or those named in `only` (empty: all)."""
    translators = install_translators(app, "zh_CN" if language == "zh" else "en")
    settings = AppSettings.at(folder / f"settings-{language}.ini")
    window = MainWindow(settings, folder / "data")
    window.resize(1600, 1000)
    window.show()
    project = folder / f"crm-{language}.pmdesk"
    write_sample(project, language)
    window.open_project(project, background=False)
    settle(1500)  # preview render and roadmap layout run on worker threads
    if not only:
        window.grab().save(str(OUT / f"main-{language}.png"))
        shoot_document(window, language)
        shoot_roadmap(window, language, project)
        shoot_roadmap_menu(window, language)
        shoot_setup(window, language)
        shoot_personas(window, language)
        shoot_kano(window, language)
        shoot_board(window, language)
        shoot_backlog(window, language)
        shoot_horizons(window, language)
        shoot_matrix(window, language)
    for name, shot in (
        ("search", shoot_search),
        ("trace", shoot_trace),
        ("impact", shoot_impact),
        ("customfields", shoot_customfields),
        ("views", shoot_views),
    ):
        if not only or name in only:
            shot(window, language)
    if not only and language == "en":
        apply_theme(app, "dark")
        settle(800)
        window.grab().save(str(OUT / "roadmap-dark-en.png"))
        apply_theme(app, "light")
        settle(300)
    if not only:
        shoot_sharing(window, language, project, folder)
    window.close()
    for translator in translators:
        app.removeTranslator(translator)


def shoot_document(window: MainWindow, language: str) -> None:
    """The document pane on a laptop screen: the preview alone, tables readable."""
    assert window.workspace is not None
    pane = window.workspace.document_pane
    window.resize(1280, 800)
    pane.sections.setCurrentRow(4)  # the overview, with the requirements table
    pane.set_view("preview")
    pane.show_sections(False)
    settle(1200)
    window.grab().save(str(OUT / f"document-{language}.png"))
    pane.show_sections(True)
    pane.set_view("both")
    pane.sections.setCurrentRow(0)
    window.resize(1600, 1000)
    settle(1200)


def shoot_roadmap(window: MainWindow, language: str, project: Path) -> None:
    """The roadmap screenshot: a feature selected, its bar highlighted."""
    from pmdesk.core.merge.files import read_project

    assert window.workspace is not None
    keys = {r["key"]: uid for uid, r in read_project(project)["requirement"].items()}
    window.workspace.selection.set(keys["CRM-20"])
    settle(1200)  # the roadmap follows the selection after its layout
    window.grab().save(str(OUT / f"roadmap-{language}.png"))


def shoot_roadmap_menu(window: MainWindow, language: str) -> None:
    """The roadmap's context menu on a release band: the window with the popup
    painted over it where it opened (a popup is a window of its own)."""
    from PySide6.QtCore import QPoint, QRectF
    from PySide6.QtGui import QContextMenuEvent, QPainter

    assert window.workspace is not None
    pane = window.workspace.roadmap_pane
    view, geo = pane.view, pane.view.geo
    assert geo is not None
    band = geo.layout.bands[1]  # v1.1
    rect = geo.band_rect(band)
    view.ensureVisible(QRectF(rect.left(), view.verticalScrollBar().value() + 1, 300, 1), 40, 0)
    x = rect.left() + 40 + geo.gutter - view.horizontalScrollBar().value()
    pos = QPoint(round(x), round(rect.center().y()))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.header.mapToGlobal(pos))
    QApplication.sendEvent(view.header, event)
    settle(300)
    menu = pane.editing.menu
    assert menu is not None
    shot = window.grab().toImage()
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    shot.save(str(OUT / f"roadmap-menu-{language}.png"))
    menu.close()
    pane.view.margins.select(None)


def logo_picture(language: str) -> bytes:
    """A made-up company logo for the properties dialog's screenshot."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(320, 128, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2f6db5"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(4, 14, 100, 100), 22, 22)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(56)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(4, 14, 100, 100), Qt.AlignmentFlag.AlignCenter, "云")
    painter.setPen(QColor("#1f2937"))
    font.setPixelSize(40)
    painter.setFont(font)
    name = "云帆科技" if language == "zh" else "Yunfan"
    painter.drawText(QRectF(118, 14, 200, 100), Qt.AlignmentFlag.AlignVCenter, name)
    painter.end()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "logo.png"
        image.save(str(path))
        return path.read_bytes()


def shoot_setup(window: MainWindow, language: str) -> None:
    """Project ▸ Properties… (filled in, with a logo) and the Plan pane beside the
    tree, with a release's form over the window."""
    from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog
    from pmdesk.app.setup.release_dialog import ReleaseDialog, release_values

    workspace = window.workspace
    assert workspace is not None
    dialog = ProjectPropertiesDialog(workspace.session, window)
    dialog.organisation.setText(
        "云帆科技有限公司" if language == "zh" else "Yunfan Technology Ltd."
    )
    dialog.logo = logo_picture(language)
    dialog._show_logo()
    dialog.show()
    settle(200)
    dialog.grab().save(str(OUT / f"properties-{language}.png"))
    dialog.reject()
    from pmdesk.core.ops import Update

    window.show_plan()
    plan = workspace.plan_pane
    colours = ("#4c78a8", "#f58518", "#54a24b", "#b279a2")
    for lane, colour in zip(plan.lanes.uids(), colours, strict=False):
        workspace.session.push(Update("lane", lane, {"colour": colour}))
    plan.releases.select_uid(plan.releases.uids()[1])
    plan.lanes.select_uid(plan.lanes.uids()[0])
    settle(600)
    window.grab().save(str(OUT / f"plan-{language}.png"))
    while workspace.session.undo_stack.canUndo():  # the later shots show the sample as it is
        workspace.session.undo_stack.undo()
    values = release_values(workspace.session, plan.releases.uids()[1])
    assert values is not None
    form = ReleaseDialog(values, parent=window)
    form.setWindowTitle(form.windowTitle() + f" “{values['name']}”")
    form.show()
    settle(200)
    form.grab().save(str(OUT / f"release-{language}.png"))
    form.reject()
    window.tree_dock.raise_()


def shoot_personas(window: MainWindow, language: str) -> None:
    """Project ▸ Personas… on the sample's personas, the first one chosen."""
    from pmdesk.app.personas.window import PersonasWindow

    window.personas()
    personas = window.findChildren(PersonasWindow)[-1]
    personas.resize(900, 620)
    settle(300)
    personas.grab().save(str(OUT / f"personas-{language}.png"))
    personas.close()


def shoot_kano(window: MainWindow, language: str) -> None:
    """Project ▸ Kano Survey… on the sample survey of the language."""
    from pmdesk.app import dialogs
    from pmdesk.app.analysis.kano_window import KanoWindow
    from pmdesk.core.analysis.kano_survey import sample_survey_path

    asked = dialogs.survey_path
    dialogs.survey_path = lambda *_: sample_survey_path(language)  # type: ignore[assignment]
    try:
        window.kano_survey()
    finally:
        dialogs.survey_path = asked  # type: ignore[assignment]
    kano = window.findChildren(KanoWindow)[-1]
    kano.resize(1280, 470)
    settle(300)
    kano.grab().save(str(OUT / f"kano-{language}.png"))
    kano.close()


# Business values for the matrix's shot (the sample has none): key → 0–10.
def shoot_matrix(window: MainWindow, language: str) -> None:
    """View ▸ Value vs Effort on release v1.0, CRM-12 picked."""
    from pmdesk.app.analysis.matrix_window import MatrixWindow

    workspace = window.workspace
    assert workspace is not None
    found = workspace.session.project.find_requirements("CRM-", 100)
    uids = {key: uid for uid, key, _ in found}
    window.value_effort()  # the sample's values
    matrix = window.findChildren(MatrixWindow)[-1]
    matrix.scope.setCurrentIndex(matrix.scope.findText("v1.0", Qt.MatchFlag.MatchContains))
    workspace.selection.set(uids["CRM-12"])
    matrix.resize(1180, 680)
    settle(300)
    matrix.grab().save(str(OUT / f"matrix-{language}.png"))
    matrix.close()


def shoot_board(window: MainWindow, language: str) -> None:
    """The MoSCoW board of v1.1 on a laptop screen, its Musts over its capacity."""
    from PySide6.QtCore import Qt

    from pmdesk.core.ops import Update

    workspace = window.workspace
    assert workspace is not None
    window.resize(1280, 800)
    window.show_board()
    window.resizeDocks([window.board_dock], [440], Qt.Orientation.Vertical)
    pane = workspace.board_pane
    releases = {r.name: r.uid for r in pane.model.releases}
    workspace.session.push(Update("release", releases["v1.0"], {"capacity": 800.0}))
    workspace.session.push(Update("release", releases["v1.1"], {"capacity": 60.0}))
    pane.choose_release(releases["v1.1"])
    card = next(c for c in pane.model.cards.values() if c.key == "CRM-22")
    workspace.selection.set(card.uid)
    settle(600)
    window.grab().save(str(OUT / f"board-{language}.png"))
    workspace.undo_stack.undo()
    workspace.undo_stack.undo()
    window.roadmap_dock.raise_()
    window.resize(1600, 1000)
    settle(600)


def shoot_backlog(window: MainWindow, language: str) -> None:
    """The backlog table on a laptop screen, grouped by release, sorted by priority
    then RICE score, with a few rows picked for a bulk edit."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    workspace = window.workspace
    assert workspace is not None
    window.resize(1280, 800)
    window.show_backlog()
    window.resizeDocks([window.backlog_dock], [520], Qt.Orientation.Vertical)
    pane = workspace.backlog_pane
    pane.set_grouping("release")
    pane.set_sort([("priority", True), ("score", False)])
    view, model = pane.view, pane.model
    picked = view.selectionModel()
    for row in (2, 3, 5):
        index = model.index(row, 0)
        picked.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    view.setFocus()
    view.scrollToTop()
    settle(600)
    window.grab().save(str(OUT / f"backlog-{language}.png"))
    pane.set_grouping("none")
    pane.set_sort([])
    window.roadmap_dock.raise_()
    window.resize(1600, 1000)
    settle(400)


def shoot_horizons(window: MainWindow, language: str) -> None:
    """The roadmap as Now / Next / Later on a laptop screen, one card placed by hand."""
    import datetime as dt

    from PySide6.QtCore import Qt

    workspace = window.workspace
    assert workspace is not None
    window.resize(1280, 800)
    window.roadmap_dock.raise_()
    window.resizeDocks([window.roadmap_dock], [470], Qt.Orientation.Vertical)
    pane = workspace.roadmap_pane
    pane.set_mode("horizons")
    panel = pane.horizons
    panel.today = lambda: dt.date(2027, 2, 15)  # the sample's v1.0 under way
    panel.reload()
    assert panel.board is not None
    card = next(c for c in panel.board.cards if c.key == "CRM-22")
    panel.set_horizon(card.uid, "now")
    workspace.selection.set(card.uid)
    settle(600)
    window.grab().save(str(OUT / f"horizons-{language}.png"))
    workspace.undo_stack.undo()
    pane.set_mode("timeline")
    window.resize(1600, 1000)
    settle(600)


def shoot_search(window: MainWindow, language: str) -> None:
    """Edit ▸ Find in Project on a laptop screen: results with snippets, the
    words highlighted there and in the tree."""
    from PySide6.QtWidgets import QDockWidget

    assert window.workspace is not None
    window.resize(1280, 800)
    window.workspace.tree_pane.view.expandAll()  # the highlighted words in the tree show
    window.find_in_project()
    dock = window.findChild(QDockWidget, "searchDock")
    assert dock is not None
    panel = dock.widget()
    panel.field.setText("客户" if language == "zh" else "customer")  # type: ignore[attr-defined]
    settle(1200)  # the query runs on a worker thread
    window.grab().save(str(OUT / f"search-{language}.png"))
    panel.field.clear()  # type: ignore[attr-defined]
    window.detail_dock.raise_()
    window.resize(1600, 1000)
    settle(400)


def shoot_trace(window: MainWindow, language: str) -> None:
    """View ▸ Traceability…: the features × stories matrix, then the problems."""
    from pmdesk.app.trace.window import TraceWindow

    window.traceability()
    trace = window.findChildren(TraceWindow)[-1]
    trace.resize(1100, 640)
    settle(400)
    trace.grab().save(str(OUT / f"trace-matrix-{language}.png"))
    trace.tabs.setCurrentWidget(trace.problems)
    trace.resize(900, 360)
    settle(300)
    trace.grab().save(str(OUT / f"trace-problems-{language}.png"))
    trace.close()


def shoot_impact(window: MainWindow, language: str) -> None:
    """Show Impact… of CRM-28 (health score) after its description changed: four
    requirements rest on it, two directly, their links marked for review."""
    from pmdesk.app.trace.impact import ImpactDialog
    from pmdesk.core.ops import Update

    workspace = window.workspace
    assert workspace is not None
    found = workspace.session.project.find_requirements("CRM-", 100)
    uid = {key: uid for uid, key, _ in found}["CRM-28"]
    detail = workspace.session.project.requirement(uid)
    assert detail is not None
    more = "权重按行业区分。" if language == "zh" else " Weights differ by industry."
    text = str(detail.values["description"]).rstrip() + more
    workspace.session.push(Update("requirement", uid, {"description": text}))
    workspace.selection.set(uid)
    window.show_impact(uid)
    dialog = window.findChildren(ImpactDialog)[-1]
    dialog.resize(720, 250)
    settle(400)
    dialog.grab().save(str(OUT / f"impact-{language}.png"))
    dialog.close()
    workspace.undo_stack.undo()
    settle(200)


def shoot_customfields(window: MainWindow, language: str) -> None:
    """Project ▸ Custom Fields…, the fields' inputs in the details, the backlog's columns."""
    from PySide6.QtWidgets import QDockWidget, QScrollArea

    from pmdesk.app.backlog.custom_columns import slot_name
    from pmdesk.app.backlog.pane import BY_NAME_INDEX
    from pmdesk.app.customfields.window import CustomFieldsWindow

    workspace = window.workspace
    assert workspace is not None
    window.custom_fields()
    manager = window.findChildren(CustomFieldsWindow)[-1]
    manager.resize(760, 420)
    manager.list.setCurrentRow(0)  # 平台 / Platform: several of a list, its options shown
    settle(300)
    manager.grab().save(str(OUT / f"customfields-{language}.png"))
    manager.close()

    crm8 = next(r[0] for r in workspace.session.project.tree_rows() if r[2] == "CRM-8")
    workspace.selection.set(crm8)
    window.resize(1280, 800)
    bottom = [
        dock
        for dock in window.findChildren(QDockWidget)
        if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        and not dock.isHidden()
    ]
    for dock in bottom:
        dock.hide()  # the details take the window's height
    window.detail_dock.raise_()
    settle(600)
    inputs = workspace.detail_editor.form.custom.widgets()
    for area in workspace.detail_editor.findChildren(QScrollArea):
        area.ensureWidgetVisible(inputs[-1], 0, 60)  # the custom fields, below the dates
    settle(300)
    window.grab().save(str(OUT / f"custom-details-{language}.png"))
    for dock in bottom:
        dock.show()

    window.show_backlog()
    window.resizeDocks([window.backlog_dock], [520], Qt.Orientation.Vertical)
    pane = workspace.backlog_pane
    before = pane.arrangement()
    customs = [slot_name(n) for n in range(3)]
    pane.arrange(["key", "title", "status", "priority", *customs], slot_name(0), [])
    for name, width in zip(("title", *customs), (480, 170, 190, 110), strict=True):
        pane.view.setColumnWidth(BY_NAME_INDEX[name], width)  # the values whole
    pane.view.scrollToTop()
    settle(600)
    window.grab().save(str(OUT / f"custom-backlog-{language}.png"))
    pane.arrange(*before)
    window.roadmap_dock.raise_()
    window.resize(1600, 1000)
    settle(400)
def shoot_views(window: MainWindow, language: str) -> None:
    """View ▸ Saved Views on a laptop screen: four views, the second shown (its
    filter on the tree), the menus painted where they opened (popups are windows
    of their own, which window.grab() leaves out)."""
    import uuid

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from pmdesk.core.ops import Create

    workspace = window.workspace
    assert workspace is not None
    zh = language == "zh"
    views = [
        ("v1.0 发布范围" if zh else "v1.0 scope", {"choices": {"release": []}}),
        ("待评审" if zh else "Waiting for review", {"choices": {"status": ["review"]}}),
        (
            "必须有的功能" if zh else "Must-have features",
            {"choices": {"priority": ["must"], "kind": ["feature"]}},
        ),
        ("Excel 相关" if zh else "Excel work", {"text": "Excel"}),
    ]
    releases = workspace.session.project.releases()
    uids = []
    for name, criteria in views:
        if "release" in criteria.get("choices", {}):
            criteria = {"choices": {"release": [releases[0].uid]}}
        uid = str(uuid.uuid4())
        values = {"name": name, "criteria": criteria}
        if len(uids) == 1:  # the one shown: grouped by owner, most important first
            values |= {"grouping": "owner", "sort": [["priority", "asc"], ["title", "asc"]]}
        workspace.session.push(Create("saved_view", uid, values))
        uids.append(uid)
    window.resize(1280, 800)
    workspace.views.apply(uids[1])
    settle(800)
    saved = window.commands.saved_views.menu
    bar = window.menuBar()
    view_action = next(
        a for a in bar.actions() if a.menu() and saved.menuAction() in a.menu().actions()
    )
    view_menu = view_action.menu()
    view_menu.popup(bar.mapToGlobal(bar.actionGeometry(view_action).bottomLeft()))
    settle(200)
    view_menu.setActiveAction(saved.menuAction())
    place = view_menu.actionGeometry(saved.menuAction())
    saved.popup(view_menu.mapToGlobal(QPoint(place.right() - 4, place.top())))
    settle(300)
    shot = window.grab().toImage()
    painter = QPainter(shot)
    for menu in (view_menu, saved):
        painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    shot.save(str(OUT / f"views-{language}.png"))
    saved.close()
    view_menu.close()
    from pmdesk.app.views.manage import ManageViewsWindow

    window.manage_views()
    manager = window.findChildren(ManageViewsWindow)[-1]
    manager.resize(520, 300)
    settle(300)
    manager.grab().save(str(OUT / f"views-manage-{language}.png"))
    manager.close()
    workspace.views.show_all()
    for _ in uids:
        workspace.undo_stack.undo()
    window.resize(1600, 1000)
    settle(300)


def shoot_sharing(window: MainWindow, language: str, project: Path, folder: Path) -> None:
    """Both edit; the colleague saves first: the notice bar, then the conflict dialog."""
    from pmdesk.app.merge.conflict_dialog import ConflictDialog
    from pmdesk.core.ops import Remove, Update
    from pmdesk.core.project_save import save_merging
    from pmdesk.core.merge.target import prepare
    from pmdesk.core.storage.workingcopy import WorkingCopy

    colleague = "张三" if language == "zh" else "Zhang"
    workspace = window.workspace
    assert workspace is not None and workspace.watcher is not None
    session = workspace.session
    keys = {key: uid for uid, key, _title in session.project.find_requirements("CRM-", 1000)}
    detail = session.project.requirement(keys["CRM-4"])
    assert detail is not None
    story = detail.values["description"]
    # Both add a different sentence to the end of the story's first paragraph.
    first, rest = str(story).split("\n", 1)
    added = (
        ("页面须在两秒内加载完成。", "可按活动类型筛选。")
        if language == "zh"
        else (" It must load within two seconds.", " Filterable by activity type.")
    )
    mine = {
        "CRM-3": {"status": "approved"},
        "CRM-4": {
            "title": "客户动态时间线（v2）" if language == "zh" else "Activity timeline v2",
            "description": f"{first}{added[0]}\n{rest}",
        },
    }
    theirs = {
        "CRM-3": {"status": "review"},
        "CRM-4": {
            "title": "客户动态与沟通记录" if language == "zh" else "Activity and notes",
            "description": f"{first}{added[1]}\n{rest}",
        },
        "CRM-8": {"status": "in_progress", "owner": colleague},
        "CRM-12": {"owner": colleague},
    }
    for key, values in mine.items():
        session.push(Update("requirement", keys[key], values))
    session.push(Remove((("requirement", keys["CRM-8"]),)))
    other = WorkingCopy.open(
        project, data_dir=folder / "colleague", user=colleague, access="edit_anyway"
    )
    for key, values in theirs.items():
        other.apply(Update("requirement", keys[key], values))
    save_merging(other)
    other.close()
    workspace.watcher.check()
    settle(300)
    window.grab().save(str(OUT / f"sharing-{language}.png"))
    merge = prepare(session.working_copy)
    result = merge.pending.result()
    dialog = ConflictDialog(
        result.conflicts, merge.pending.mine, merge.pending.theirs, [colleague], window
    )
    dialog.resize(980, 620)
    dialog.show()
    dialog.choose("mine")
    described = [c for c in result.conflicts if c.field == "description"]
    if described:  # show the two descriptions side by side, their difference tinted
        dialog.select(described[0])
    settle(200)
    dialog.grab().save(str(OUT / f"conflicts-{language}.png"))
    dialog.reject()
    window.notice_bar.hide()
    session.undo_stack.setClean()  # closing must not ask to save these edits


def main() -> int:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PMDESK_DATA_DIR"] = str(Path(tmp) / "data")
        for language in ("zh", "en"):
            shoot(app, language, Path(tmp), frozenset(sys.argv[1:]))
    print(f"Wrote main, roadmap, setup, sharing and conflicts screenshots (zh, en) to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
