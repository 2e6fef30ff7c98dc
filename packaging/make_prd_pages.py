"""Render the README's pictures of an exported PRD: the bundled sample exported to
.docx in Chinese and English, printed by LibreOffice, three pages side by side (the
cover, the roadmap's landscape page, the first requirement). Needs soffice, pdftoppm,
pdftotext and ImageMagick's `montage`.

    python packaging/make_prd_pages.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "packaging" / "screenshots"
FIRST_REQUIREMENT = {"zh": "CRM-1 客户档案管理", "en": "CRM-1 Customer Profiles"}
ROADMAP = {"zh": "路线图", "en": "Roadmap"}


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def page_of(pages: list[str], title: str, *, after: int = 0) -> int:
    """The first page after `after` with a numbered heading "6 路线图" / "11.1 CRM-1 …"."""
    heading = re.compile(rf"^\s*[\d.]+\s+{re.escape(title)}\s*$", re.MULTILINE)
    return next(n for n, page in enumerate(pages, start=1) if n > after and heading.search(page))


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for language in ("zh", "en"):
            project, document = work / f"{language}.pmdesk", work / f"{language}.docx"
            run(python, "-m", "pmdesk", "sample", project, "--lang", language, cwd=REPO)
            run(python, "-m", "pmdesk", "export", project, "--format", "docx", "-o", document, cwd=REPO)
            run("soffice", "--headless", "--convert-to", "pdf", "--outdir", work, document, cwd=work)
            pdf = work / f"{language}.pdf"
            pages = run("pdftotext", "-layout", pdf, "-", cwd=work).split("\f")
            contents = page_of(pages, ROADMAP[language])  # the contents list it first
            chosen = [
                1,
                page_of(pages, ROADMAP[language], after=contents),
                page_of(pages, FIRST_REQUIREMENT[language], after=contents),
            ]
            pictures = []
            for number in chosen:
                stem = work / f"{language}-{number}"
                run("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", number, "-l", number,
                    pdf, stem, cwd=work)  # fmt: skip
                pictures.append(f"{stem}.png")
            target = OUT / f"prd-{language}.png"
            run("montage", *pictures, "-tile", "3x1", "-geometry", "+10+10",
                "-background", "#9aa0a6", target, cwd=work)  # fmt: skip
            print(f"wrote {target.relative_to(REPO)} (pages {', '.join(map(str, chosen))})")


if __name__ == "__main__":
    main()
