"""Fonts that hold without Calibri or Carlito, and table columns that keep words whole.

The widths are checked against real advance widths: Qt measures every word of
every table cell in DejaVu Sans, the widest font a missing Arial falls back to
on Linux, and the word must fit its cell's width less the cell margins.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QApplication

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from tests.export.docx_read import NS, part, w

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
CELL_MARGINS = 200  # left and right, twips (render_docx's tblCellMar)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("fonts")
    out = {}
    for lang in ("zh", "en"):
        project = folder / f"crm-{lang}.pmdesk"
        write_sample(project, lang)
        out[lang] = folder / f"crm-{lang}.docx"
        assert main(["export", str(project), "--format", "docx", "-o", str(out[lang])]) == 0
    return out


def test_font_table_names_a_twin_and_a_chinese_font_per_platform(
    exports: dict[str, Path],
) -> None:
    fonts = {
        f.get(w("name")): f.find("w:altName", NS) for f in part(exports["zh"], "word/fontTable.xml")
    }
    for chinese in ("Microsoft YaHei", "DengXian", "PingFang SC", "Noto Sans CJK SC"):
        assert chinese in fonts
    assert fonts["Arial"] is not None and fonts["Arial"].get(w("val")) == "Liberation Sans"
    styles = part(exports["zh"], "word/styles.xml")
    used = {
        value
        for element in styles.iter(w("rFonts"))
        for key in ("ascii", "hAnsi", "eastAsia")
        if (value := element.get(w(key)))
    }
    assert used <= set(fonts), used - set(fonts)  # every font the styles use is declared
    assert "Calibri" not in used and "Microsoft YaHei" in used


def test_inline_code_is_the_size_of_the_text_around_it(exports: dict[str, Path]) -> None:
    styles = part(exports["en"], "word/styles.xml")
    code = styles.find("w:style[@w:styleId='InlineCode']/w:rPr", NS)
    assert code is not None and code.find("w:sz", NS) is None


def _cell_words(cell: object) -> list[tuple[str, bool]]:
    words = []
    for run in cell.iter(w("r")):  # type: ignore[attr-defined]
        bold = run.find("w:rPr/w:b", NS) is not None
        text = "".join(t.text or "" for t in run.iter(w("t")))
        words += [(word, bold) for word in text.split()]
    return words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_word_is_wider_than_its_table_cell(
    exports: dict[str, Path], lang: str, qapp: QApplication
) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(180)  # 9 points in twips: advances come out in twips
    if QFontInfo(font).family() != "DejaVu Sans":
        pytest.skip("DejaVu Sans is not installed")
    bold = QFont(font)
    bold.setBold(True)
    metrics = {False: QFontMetricsF(font), True: QFontMetricsF(bold)}
    document = part(exports[lang], "word/document.xml")
    too_narrow: list[tuple[str, int, int]] = []
    for cell in document.iter(w("tc")):
        width = int(cell.find("w:tcPr/w:tcW", NS).get(w("w")))
        for word, is_bold in _cell_words(cell):
            if CJK.search(word) or len(word) > 30:
                continue  # Chinese breaks between characters; URLs may break
            twips = metrics[is_bold].horizontalAdvance(word)
            if twips > width - CELL_MARGINS:
                too_narrow.append((word, round(twips), width))
    assert too_narrow == []


def test_the_export_opens_in_word_2013_mode_without_a_question(exports: dict[str, Path]) -> None:
    settings = part(exports["zh"], "word/settings.xml")
    mode = settings.find("w:compat/w:compatSetting[@w:name='compatibilityMode']", NS)
    assert mode is not None and mode.get(w("val")) == "15"  # not "Compatibility Mode"
    assert settings.find("w:updateFields", NS) is None
    names = [f.get(w("name")) for f in part(exports["zh"], "word/fontTable.xml")]
    assert not [n for n in names if n in ("MS Mincho", "MS Gothic", "Yu Gothic", "Meiryo")]
