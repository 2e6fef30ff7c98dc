"""Export the PRD to a file: build the document once, render, write atomically.

Shared by `pmdesk export` and File ▸ Export in the app (which calls it on a
worker thread with its own read-only connection). Every file is written
beside its target and renamed into place, so a reader never sees half a
document and a failed or cancelled export leaves the old file as it was.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from pmdesk.core.storage.fileformat import refuse_project_target
from pmdesk.core.storage.sqlite_files import replacing, writable_place
from pmdesk.export.doc import Document
from pmdesk.export.prd_build import ExportOptions, Progress, build_document
from pmdesk.export.redline import redline_document
from pmdesk.export.render_docx import render_docx
from pmdesk.export.render_markdown import render_markdown

FORMATS = ("docx", "md", "pdf")
SUFFIXES = {"docx": ".docx", "md": ".md", "pdf": ".pdf"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pictures: list[Path]
    """Files written beside a Markdown export (the roadmap picture)."""
    seconds: float


def export_prd(
    conn: Connection,
    format: str,
    target: Path,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    redline: bool = False,
    check: Callable[[Document], None] | None = None,
) -> ExportResult:
    """Write the PRD as `format` ("docx", "md" or "pdf") to `target`; `redline`
    (docx, with `options.baseline`) marks the changes since the baseline as tracked
    changes.

    Progress runs to 90 % while the document is built and the rest while it
    is written (for a PDF: to 40 %, then page by page as they are painted).
    `check` sees the document before anything is written (its `problems`) and
    may stop the export by raising. Raises `ExportCancelledError` (nothing
    written) or `PmdeskError`.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}")
    refuse_project_target(target)
    started = time.perf_counter()

    # Building is most of the work, but for a PDF Qt's layout and painting are.
    built = 40 if format == "pdf" else 90

    def building(done: int, total: int) -> None:
        if progress is not None:
            progress(int(built * done / max(total, 1)), 100)

    pictures: list[Path] = []
    # Hundreds of thousands of small, acyclic objects: the cyclic collector would
    # only rescan them again and again (about a fifth of a 10,000-requirement export).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if redline:
            document = redline_document(conn, options, progress=building, cancelled=cancelled)
        else:
            document = build_document(conn, options, progress=building, cancelled=cancelled)
        if check is not None:
            check(document)
        if format == "docx":
            with replacing(target) as tmp:
                render_docx(document, tmp)
        elif format == "pdf":
            from pmdesk.export.render_pdf import render_pdf  # Qt: loaded only when asked

            def painting(done: int, total: int) -> None:
                if progress is not None:
                    progress(built + int((100 - built) * done / max(total, 1)), 100)

            with replacing(target) as tmp:
                render_pdf(document, tmp, progress=painting, cancelled=cancelled)
        else:
            output = render_markdown(document, picture_stem=target.stem)
            if output.files:  # a place the .md cannot go is said of the .md, not a picture
                writable_place(target)
            for name, data in output.files.items():
                picture = target.with_name(name)
                with replacing(picture) as tmp:
                    tmp.write_bytes(data)
                pictures.append(picture)
            with replacing(target) as tmp:
                tmp.write_text(output.text, encoding="utf-8")
    finally:
        if collecting:
            gc.enable()
    if progress is not None:
        progress(100, 100)
    return ExportResult(target, pictures, time.perf_counter() - started)
