"""Reading exported .docx files back for the Word layout tests (lxml on the parts)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return package.namelist()
