"""pmdesk's own reference document: built by a script, small, and only what is used."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import docx

from pmdesk.export.docx_body import STYLE_NAMES
from pmdesk.export.render_docx import template_path
from tests.export.docx_read import NS, names, part, w

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "build_reference_docx.py"


def load_builder() -> object:
    spec = importlib.util.spec_from_file_location("build_reference_docx", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_is_what_the_script_builds(tmp_path: Path) -> None:
    builder = load_builder()
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    builder.build(first)  # type: ignore[attr-defined]
    builder.build(second)  # type: ignore[attr-defined]
    assert first.read_bytes() == second.read_bytes()  # deterministic
    assert first.read_bytes() == template_path().read_bytes()  # and committed as built


def test_no_leftovers_from_the_python_docx_default() -> None:
    template = template_path()
    assert "word/stylesWithEffects.xml" not in names(template)
    assert template.stat().st_size < 20_000
    styles = part(template, "word/styles.xml")
    table_styles = styles.findall("w:style[@w:type='table']", NS)
    assert len(table_styles) == 1  # Word's default "Normal Table" only
    fonts = [f.get(w("name")) for f in part(template, "word/fontTable.xml")]
    assert not [f for f in fonts if f in ("MS Mincho", "MS Gothic", "Meiryo", "Yu Mincho")]


def test_every_style_the_export_names_is_defined() -> None:
    document = docx.Document(str(template_path()))
    defined = {style.name for style in document.styles}
    assert [name for name in STYLE_NAMES.values() if name not in defined] == []
    assert {"List Bullet", "List Number"} <= defined


def test_word_2013_mode_and_no_question_on_open() -> None:
    settings = part(template_path(), "word/settings.xml")
    mode = settings.find("w:compat/w:compatSetting[@w:name='compatibilityMode']", NS)
    assert mode is not None and mode.get(w("val")) == "15"
    assert settings.find("w:updateFields", NS) is None
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"


def test_list_styles_point_at_real_lists_not_the_heading_numbering() -> None:
    template = template_path()
    styles = part(template, "word/styles.xml")
    numbering = part(template, "word/numbering.xml")

    def list_format(style_id: str) -> str:
        num_id = styles.find(f"w:style[@w:styleId='{style_id}']/w:pPr/w:numPr/w:numId", NS)
        assert num_id is not None, style_id
        num = numbering.find(f"w:num[@w:numId='{num_id.get(w('val'))}']/w:abstractNumId", NS)
        assert num is not None, style_id
        abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{num.get(w('val'))}']", NS)
        assert abstract.find("w:lvl/w:pStyle", NS) is None  # not tied to the headings
        return str(abstract.find("w:lvl/w:numFmt", NS).get(w("val")))

    assert list_format("ListBullet") == "bullet"
    assert list_format("ListNumber") == "decimal"
    heading = styles.find("w:style[@w:styleId='Heading2']/w:pPr/w:numPr/w:ilvl", NS)
    assert heading is not None and heading.get(w("val")) == "1"
