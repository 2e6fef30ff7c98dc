"""Every UI string has a Chinese translation, the shipped files are up to date,
and the window really speaks Chinese when zh_CN is chosen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.core.domain.vocabulary import LABELS, all_terms
from tests.app.conftest import Answers, open_sync, ws

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def qt_tool(name: str) -> str | None:
    """A Qt tool of the PySide6 wheel, found beside this Python (the venv's bin/
    need not be on PATH: `venv/bin/python -m pytest` works as well), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name", ""), message.findtext("source", ""))] = message
    return found


def extracted(tmp_path: Path) -> set[tuple[str, str]]:
    ts = tmp_path / "fresh.ts"
    files = [
        *sorted(p for p in (ROOT / "pmdesk/app").rglob("*.py") if "forms" not in p.parts),
        *sorted((ROOT / "ui").glob("*.ui")),  # the Designer forms' texts
        ROOT / "pmdesk/core/messages.py",
        ROOT / "pmdesk/core/domain/vocabulary.py",  # the names of the vocabulary's values
    ]
    sources = [str(p.relative_to(ROOT)) for p in files]
    subprocess.run(
        [str(qt_tool("pyside6-lupdate")), "-locations", "none", *sources, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return set(messages(ts))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_source_string_has_a_finished_translation(tmp_path: Path, language: str) -> None:
    shipped = messages(TRANSLATIONS / f"pmdesk_{language}.ts")
    missing = extracted(tmp_path) - set(shipped)
    assert not missing, f"run packaging/update_translations.py; untranslated: {sorted(missing)}"
    for key, message in shipped.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, key
        text = "".join(translation.itertext()).strip()
        assert text, f"empty translation for {key}"


def test_the_window_names_values_as_the_vocabulary_does() -> None:
    # One vocabulary (pmdesk.core.domain.vocabulary): the window's Chinese for a value is the
    # Chinese the exported documents use, and its English is the source text.
    zh, en = (messages(TRANSLATIONS / f"pmdesk_{lang}.ts") for lang in ("zh_CN", "en"))
    for term in all_terms():
        key = (LABELS, term.en)
        assert key in zh and key in en, f"{key} is not in the translations"
        assert zh[key].findtext("translation") == term.zh, key
        assert en[key].findtext("translation") == term.en, key


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_files_match_their_sources(tmp_path: Path, language: str) -> None:
    ts = TRANSLATIONS / f"pmdesk_{language}.ts"
    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [str(qt_tool("pyside6-lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True
    )
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run packaging/update_translations.py"
    )


def test_window_in_chinese(
    qtbot: QtBot, chinese: None, tmp_path: Path, data_dir: Path, answers: Answers, sample: Path
) -> None:
    window = MainWindow(AppSettings.at(tmp_path / "s.ini"), data_dir)
    qtbot.addWidget(window)
    window.show()
    open_sync(window, sample)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "项目(&P)", "视图(&V)", "帮助(&H)"]
    assert window.tree_dock.windowTitle() == "需求"
    assert window.counts_label.text() == "45 条需求"
    model = ws(window).tree_pane.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    first = model.index_of(model.children_of(None)[0], 2)
    assert model.data(first) == "史诗"
    window.close()


def test_qt_own_dialog_buttons_are_translated(chinese: None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_lupdate_is_available() -> None:
    assert qt_tool("pyside6-lupdate") and qt_tool("pyside6-lrelease")


def test_the_roadmap_legend_says_not_assessed_in_chinese(chinese: None) -> None:
    """A bar without a priority is named in the legend in the window's language."""
    from pmdesk.app.roadmap.texts import ui_texts

    texts = ui_texts()
    assert texts.not_assessed == "未评估"
    assert texts.priority["must"] == "Must 必须"
