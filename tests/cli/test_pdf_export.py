"""`pmdesk export --format pdf` on the command line: exit codes, the file, one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pmdesk.cli import main


def test_pdf_export_writes_the_file_headless(tmp_path: Path) -> None:
    """In a fresh process without a display: Qt starts offscreen by itself."""
    project, out = tmp_path / "crm.pmdesk", tmp_path / "crm.pdf"
    assert main(["sample", str(project), "--lang", "en"]) == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_QPA")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "pmdesk", "export", str(project), "--format", "pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"Exported the PRD to {out}." in done.stdout
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CRM-2" in text and "Contents" in text


def test_a_docx_name_for_a_pdf_export_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "crm.pmdesk"
    assert main(["sample", str(project)]) == 0
    capsys.readouterr()
    assert main(["export", str(project), "--format", "pdf", "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "pmdesk: x.docx ends in .docx but the format is pdf; use .pdf."
    assert not (tmp_path / "x.docx").exists()
