"""An export of the tree's filter (ExportOptions.uids) draws only those
requirements on the roadmap, as the window's roadmap does."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage
from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import Requirement
from pmdesk.export.doc import Image
from pmdesk.export.prd_build import ExportOptions, build_document
from pmdesk.export.prd_export import export_prd
from pmdesk.export.roadmap_picture import document_roadmap

TODAY = dt.date(2027, 2, 17)
# The tree filtered to location check-in: the feature and its two stories.
FILTERED = ("CRM-20", "CRM-21", "CRM-22")


def uids_of(conn: Connection, keys: tuple[str, ...]) -> frozenset[str]:
    rows = conn.execute(select(Requirement.uid).where(Requirement.key.in_(keys)))
    return frozenset(r[0] for r in rows)


def roadmap_of(conn: Connection, options: ExportOptions) -> Image:
    document = build_document(conn, options)
    [picture] = [b for b in document.blocks if isinstance(b, Image) and b.name == "roadmap"]
    return picture


def test_the_roadmap_of_a_filtered_export_shows_only_the_filtered(
    sample_conn: Connection,
) -> None:
    uids = uids_of(sample_conn, FILTERED)
    drawn = document_roadmap(sample_conn, language="zh", today=TODAY, uids=uids)
    assert drawn is not None
    picture, left_out = drawn
    assert sorted(bar.key for bar in picture.layout.bars) == sorted(FILTERED)
    # Only the lane they are in: a page of empty lanes says nothing.
    assert len({bar.lane_uid for bar in picture.layout.bars}) == 1
    assert len(picture.layout.lanes) == 1
    assert left_out == 0
    filtered = roadmap_of(sample_conn, ExportOptions(uids=uids, today=TODAY))
    assert filtered.png == picture.png()  # the export draws that picture
    whole = roadmap_of(sample_conn, ExportOptions(today=TODAY))
    assert whole.height > filtered.height * 2  # 45 requirements' rows, not 3
    full = document_roadmap(sample_conn, language="zh", today=TODAY)
    assert full is not None and len(full[0].layout.bars) > 30


def test_the_word_file_holds_the_filtered_roadmap(sample_conn: Connection, tmp_path: Path) -> None:
    uids = uids_of(sample_conn, FILTERED)
    heights = {}
    for name, options in (
        ("all", ExportOptions(today=TODAY)),
        ("filtered", ExportOptions(uids=uids, today=TODAY)),
    ):
        out = tmp_path / f"{name}.docx"
        export_prd(sample_conn, "docx", out, options)
        with zipfile.ZipFile(out) as docx:
            images = [
                QImage.fromData(docx.read(n))
                for n in docx.namelist()
                if n.startswith("word/media/") and n.endswith(".png")
            ]
        # The roadmap is the widest picture (1,200 px); taller pictures are its pieces.
        heights[name] = sum(i.height() for i in images if i.width() >= 1200)
    assert 0 < heights["filtered"] * 2 < heights["all"]
