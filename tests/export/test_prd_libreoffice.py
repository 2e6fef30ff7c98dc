"""Proof that the Word export opens: LibreOffice converts it to PDF with the text intact.

CI installs LibreOffice Writer and poppler (`.ci/run`); elsewhere the test is
skipped when they are missing, but never on CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

if not (SOFFICE and PDFTOTEXT) and not os.environ.get("CI"):
    pytest.skip("LibreOffice or pdftotext is not installed", allow_module_level=True)


def to_pdf_text(
    docx: Path, folder: Path, *, env: dict[str, str] | None = None, layout: bool = True
) -> str:
    assert SOFFICE and PDFTOTEXT, "CI must install libreoffice-writer and poppler-utils"
    profile = folder / "lo-profile"  # a private profile: parallel runs do not collide
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.stat().st_size > 10_000
    options = ["-layout"] if layout else []
    result = subprocess.run(
        [PDFTOTEXT, *options, str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                "云帆 CRM · 客户管理模块 PRD",
                "产品需求文档",
                "需求详情",
                "验收标准",
                "客户 360° 视图",
            ],
        ),
        ("en", ["Product Requirements Document", "Acceptance criteria", "360° customer view"]),
    ],
)
def test_libreoffice_opens_the_export_with_its_text(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    project = tmp_path / f"crm-{lang}.pmdesk"
    write_sample(project, lang)
    docx = tmp_path / f"crm-{lang}.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(docx)]) == 0
    text = to_pdf_text(docx, tmp_path)
    flat = " ".join(text.split())
    for phrase in expected:
        assert " ".join(phrase.split()) in flat, phrase
    page = "第 2 页，共" if lang == "zh" else "Page 2 of"
    assert page in flat  # the footer's PAGE and NUMPAGES fields were computed


NO_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*arlito*</glob></rejectfont></selectfont>
</fontconfig>
"""


def test_table_words_stay_whole_without_calibri_or_carlito(tmp_path: Path) -> None:
    """A machine without Calibri's twin (many Macs, minimal Linux): the fonts fall back
    to whatever is there, and a table word broken inside ("Approve/d", "Releas/e")
    would come out as a line holding its last letter or two."""
    config = tmp_path / "fonts.conf"
    config.write_text(NO_CARLITO, encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "en")
    docx = tmp_path / "crm.docx"
    assert main(["export", str(project), "--format", "docx", "-o", str(docx)]) == 0
    lines = to_pdf_text(docx, tmp_path, env=env, layout=False).splitlines()
    assert "Approved" in lines and "Release" in lines
    fragments = [line for line in lines if re.fullmatch(r"[a-z]{1,2}", line.strip())]
    assert fragments == []
