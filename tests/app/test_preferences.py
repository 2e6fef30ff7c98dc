"""The Preferences dialog (a Qt Designer form, ui/preferences.ui): it shows the
settings, OK keeps the changes and applies the theme, Cancel keeps nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.preferences import PreferencesDialog
from pmdesk.app.settings import AppSettings


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[QApplication]:
    palette, style = qapp.palette(), qapp.style().name()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def chosen(settings: AppSettings) -> AppSettings:
    settings.user_name, settings.language, settings.theme = "王五", "en", "light"
    return settings


def dialog(qtbot: QtBot, settings: AppSettings) -> PreferencesDialog:
    d = PreferencesDialog(settings)
    qtbot.addWidget(d)
    return d


def rows(d: PreferencesDialog) -> list[tuple[str, QWidget | None]]:
    """The form as a user reads it: each label's text and the field beside it."""
    form = d.layout()
    assert isinstance(form, QFormLayout)
    found: list[tuple[str, QWidget | None]] = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label_widget = label.widget() if label is not None else None
        text = label_widget.text() if isinstance(label_widget, QLabel) else ""
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole) or form.itemAt(
            row, QFormLayout.ItemRole.SpanningRole
        )
        found.append((text, field.widget() if field is not None else None))
    return found


def test_it_shows_the_settings(qtbot: QtBot, chosen: AppSettings) -> None:
    d = dialog(qtbot, chosen)
    assert d.windowTitle() == "Preferences"
    assert d.user.text() == "王五"
    assert d.user.toolTip() == "Recorded in the history of every change you make."
    assert [d.language.itemText(i) for i in range(d.language.count())] == [
        "Follow the system",
        "中文",
        "English",
    ]
    assert [d.language.itemData(i) for i in range(d.language.count())] == ["system", "zh_CN", "en"]
    assert [d.theme.itemText(i) for i in range(d.theme.count())] == [
        "Follow the system",
        "Light",
        "Dark",
    ]
    assert [d.theme.itemData(i) for i in range(d.theme.count())] == ["system", "light", "dark"]
    assert (d.language.currentData(), d.theme.currentData()) == ("en", "light")
    form = rows(d)
    assert [(text, type(w).__name__) for text, w in form] == [
        ("Your name:", "QLineEdit"),
        ("Language:", "QComboBox"),
        ("", "QLabel"),
        ("Theme:", "QComboBox"),
        ("", "QDialogButtonBox"),
    ]
    note = form[2][1]
    assert isinstance(note, QLabel) and not note.isEnabled()
    assert note.text() == "A new language takes effect when pmdesk starts again."


def test_ok_keeps_the_changes_and_applies_the_theme(
    qtbot: QtBot, chosen: AppSettings, restore_theme: QApplication
) -> None:
    d = dialog(qtbot, chosen)
    d.user.setText("  赵六 ")
    d.language.setCurrentIndex(d.language.findData("zh_CN"))
    d.theme.setCurrentIndex(d.theme.findData("dark"))
    buttons = d.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(d.accepted):
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (chosen.user_name, chosen.language, chosen.theme) == ("赵六", "zh_CN", "dark")
    window = restore_theme.palette().color(QPalette.ColorRole.Window)
    assert window.lightnessF() < 0.3  # dark at once, no restart


def test_cancel_keeps_nothing(qtbot: QtBot, chosen: AppSettings) -> None:
    d = dialog(qtbot, chosen)
    d.user.setText("赵六")
    d.theme.setCurrentIndex(d.theme.findData("dark"))
    buttons = d.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(d.rejected):
        buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert (chosen.user_name, chosen.language, chosen.theme) == ("王五", "en", "light")


def test_it_speaks_chinese(qtbot: QtBot, chinese: None, chosen: AppSettings) -> None:
    d = dialog(qtbot, chosen)
    assert d.windowTitle() == "偏好设置"
    assert [text for text, _ in rows(d)] == ["你的名字：", "语言：", "", "主题：", ""]
    assert d.language.itemText(0) == "跟随系统" and d.language.itemText(1) == "中文"
    assert [d.theme.itemText(i) for i in range(3)] == ["跟随系统", "浅色", "深色"]
    assert d.user.toolTip() == "你的每一次修改都会以此名字记入变更历史。"
    buttons = d.findChild(QDialogButtonBox)
    assert buttons is not None
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
