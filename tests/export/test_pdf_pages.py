"""The PDF's pages: chapters start a page, the roadmap is cut over sideways pages at a
readable size, and a long chapter laid out in pieces reads as one (pdftotext, pdfinfo,
pdfimages)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.export import pdf_runs, render_pdf
from pmdesk.export.pdf_runs import MARGIN_MM, PAGE_MM
from tests.export.prd_projects import make_project
from tests.export.test_prd_pdf import document_of, headings_of, pages_of, squeeze

pytestmark = pytest.mark.skipif(
    shutil.which("pdfimages") is None, reason="poppler-utils (pdfimages) is not installed"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf-pages")
    out: dict[str, Path] = {}
    for lang in ("zh", "en"):
        project = folder / f"crm-{lang}.pmdesk"
        write_sample(project, lang)
        out[f"{lang}-project"] = project
        out[lang] = folder / f"crm-{lang}.pdf"
        assert main(["export", str(project), "--format", "pdf", "-o", str(out[lang])]) == 0
    return out


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return [(float(w), float(h)) for w, h in found]


def first_line(page: str) -> str:
    """The first line of the text under the running header."""
    lines = [line for line in page.splitlines() if line.strip()]
    return squeeze(lines[1]) if len(lines) > 1 else ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_chapter_starts_a_page(sample: dict[str, Path], lang: str) -> None:
    pages = pages_of(sample[lang])
    chapters = [
        e for e in headings_of(document_of(sample[f"{lang}-project"], lang)) if e.level == 1
    ]
    assert len(chapters) >= 8
    starts = [n for n, page in enumerate(pages) if first_line(page)]
    for entry in chapters:
        label = squeeze(entry.label)[:16]
        found = [n for n in starts if first_line(pages[n]).startswith(label)]
        assert found, f"{entry.label!r} does not open a page"


def _images(pdf: Path) -> list[tuple[int, int, int, float]]:
    """(page, object, width in pixels, x-ppi) of each picture drawn."""
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    out = []
    for line in listing.splitlines()[2:]:
        f = line.split()
        out.append((int(f[0]), int(f[10]), int(f[3]), float(f[12])))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_roadmap_is_cut_over_sideways_pages_at_its_width(
    sample: dict[str, Path], lang: str
) -> None:
    """The sample's roadmap is too tall for one sideways page at a readable size: it
    is cut into parts, one a page, each printed at the picture's full width (the same
    resolution as the whole picture fitted across), not shrunk to fit one page."""
    pdf = sample[lang]
    sizes = page_sizes(pdf)
    turned = {n + 1 for n, (w, h) in enumerate(sizes) if w > h}
    assert len(turned) >= 2
    assert max(turned) - min(turned) == len(turned) - 1  # the parts follow one another
    parts = {(obj, width, ppi) for page, obj, width, ppi in _images(pdf) if page in turned}
    assert len({obj for obj, _, _ in parts}) >= len(turned)
    across_inches = (PAGE_MM[1] - MARGIN_MM["left"] - MARGIN_MM["right"]) / 25.4
    for _, width, ppi in parts:
        assert ppi <= 1.05 * width / across_inches  # as large as the page's width allows
    pages = pages_of(pdf)
    title = "路线图" if lang == "zh" else "Roadmap"
    assert title in squeeze(pages[min(turned) - 1])  # the chapter heading came along


def _long_project(path: Path) -> Path:
    description = (
        "本需求的目标是让客户经理在 30 秒内完成拜访前准备。\n\n- 首屏：概览卡片\n- 页签：联系人"
    )
    requirements = [
        {"title": f"需求 {n}", "description": description, "acceptance": ["筛选条件保留"]}
        for n in range(40)
    ]
    snapshot = {"pmdesk_snapshot": 1, "project": {"title": "长章节"}, "requirements": requirements}
    return make_project(path, snapshot)


def test_a_chapter_in_pieces_reads_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter cut into pieces goes on mid-page where the piece before ends: the
    same pages, each starting with the same line, as the chapter laid out whole; and
    laid out again to be painted (its layout let go), it comes out the same."""
    project = _long_project(tmp_path / "long.pmdesk")

    def export(name: str) -> list[str]:
        out = tmp_path / name
        assert main(["export", str(project), "--format", "pdf", "-o", str(out)]) == 0
        return pages_of(out)

    monkeypatch.setattr(pdf_runs, "PIECE_BLOCKS", 10**9)
    whole = export("whole.pdf")
    monkeypatch.setattr(pdf_runs, "PIECE_BLOCKS", 12)
    pieces = export("pieces.pdf")
    monkeypatch.setattr(render_pdf, "KEPT_CHARACTERS", 0)
    again = export("again.pdf")
    assert len(whole) >= 8
    assert [first_line(p) for p in pieces] == [first_line(p) for p in whole]
    assert [squeeze(p) for p in pieces] == [squeeze(p) for p in whole]
    assert again == pieces
    assert "".join(squeeze(p) for p in pieces).count("REQ-40需求39") >= 1
