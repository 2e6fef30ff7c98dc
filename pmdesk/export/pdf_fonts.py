"""Fonts for the PDF export, and the repair of Qt's text map for Chinese fonts.

Families are chosen by name with fallbacks for Windows, macOS and Linux; Qt
takes, for each character, the first listed family that has it, so Chinese
never shows as empty boxes while a CJK font is installed anywhere in the list.

Qt's PDF writer tells readers which character each glyph stands for (the
ToUnicode map) by asking the font, character by character from U+0000, which
glyph it uses, and keeps the first character found. CJK fonts draw the Kangxi
radicals (U+2F00…) and CJK radical supplements (U+2E80…) with the same glyphs as
everyday characters, so copying "页面" out of the PDF gave "⻚面" and search
failed. `repair_text_map` rewrites those entries to the everyday character.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

CJK_SANS = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "DengXian",
    "Hiragino Sans GB",
    "SimHei",
    "Noto Sans CJK JP",
)
LATIN_SANS = (
    "Calibri",
    "Carlito",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
)
MONO = ("Consolas", "Menlo", "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC")
SYMBOLS = ("Segoe UI Symbol", "DejaVu Sans", "Noto Sans Symbols2", "Apple Symbols")
"""Where ☐ ☑ and arrows come from when the text fonts lack them."""

_lock = threading.RLock()


@cache
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def families(language: str, *, mono: bool = False) -> list[str]:
    """Installed families for text in `language`, best first, with CJK and symbol fallbacks.

    Chinese documents put the CJK font first so Latin letters beside Chinese share
    its design and line height; English ones put a Latin font first."""
    with _lock:
        installed = _installed()
    order = [*CJK_SANS, *LATIN_SANS] if language == "zh" else [*LATIN_SANS, *CJK_SANS]
    if mono:
        order = [*MONO, *order]
    chosen = [name for name in (*order, *SYMBOLS) if name in installed]
    return list(dict.fromkeys(chosen)) or [QFont().defaultFamily()]


def css_families(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def font(language: str, points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    """A font for `language` text whose glyphs are all in the font's character map.

    Qt's text map only knows glyphs the character map names: a ligature ("fi",
    "ti") or a localised form (Noto Sans CJK SC swaps in other digits after a
    Latin letter: "v1.0" came back as "v .") would vanish from copied text."""
    result = QFont()
    result.setFamilies(families(language, mono=mono))
    result.setPointSizeF(points)
    result.setBold(bold)
    for tag in ("liga", "clig", "dlig", "locl"):
        result.setFeature(QFont.Tag(tag), 0)
    return result


# -- the text map ---------------------------------------------------------------

_RADICALS = range(0x2E80, 0x2FE0)
_IDEOGRAPHS = "".join(chr(c) for c in range(0x4E00, 0xA000))
_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def radical_map() -> dict[int, int]:
    """Radical code point → the everyday character the installed CJK fonts draw alike."""
    mapping: dict[int, int] = {}
    for code in _RADICALS:  # Kangxi radicals have a compatibility decomposition
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            mapping[code] = ord(folded)
    for family in reversed(families("zh")):  # the preferred family wins
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        glyphs = raw.glyphIndexesForString(_IDEOGRAPHS)
        by_glyph: dict[int, int] = {}
        for offset, glyph in enumerate(glyphs):
            if glyph:
                by_glyph.setdefault(glyph, 0x4E00 + offset)
        radicals = "".join(chr(c) for c in _RADICALS)
        for offset, glyph in enumerate(raw.glyphIndexesForString(radicals)):
            if glyph and glyph in by_glyph:
                mapping[_RADICALS[offset]] = by_glyph[glyph]
    return mapping


def repair_text_map(pdf: Path) -> int:
    """Point radical entries of the PDF's ToUnicode maps at the everyday characters.

    Qt writes these maps uncompressed and each entry as four hex digits, so the
    file is patched in place byte for byte: no offset in the file moves. Returns
    the number of entries changed."""
    with _lock:
        mapping = radical_map()
    data = pdf.read_bytes()
    changed = 0

    def entry(match: re.Match[bytes]) -> bytes:
        nonlocal changed
        target = mapping.get(int(match.group(1), 16))
        if target is None:
            return match.group(0)
        changed += 1
        return b"<%04X>" % target

    def cmap(match: re.Match[bytes]) -> bytes:
        lines = match.group(0).split(b"\n")
        section = b""
        for n, line in enumerate(lines):
            if line.endswith((b"beginbfchar", b"beginbfrange", b"begincodespacerange")):
                section = line.rsplit(b" ", 1)[-1]
            elif line.startswith(b"<") and section in (b"beginbfchar", b"beginbfrange"):
                # The first one (bfchar) or two (bfrange) numbers are glyph codes.
                codes = 1 if section == b"beginbfchar" else 2
                cut = 0
                for _ in range(codes):
                    head = _HEX4.search(line, cut)
                    if head is None:
                        break
                    cut = head.end()
                ranged = section == b"beginbfrange" and b"[" not in line
                if ranged and len(set(_HEX4.findall(line[:cut]))) > 1:
                    continue  # a run of consecutive characters: leave it
                lines[n] = line[:cut] + _HEX4.sub(entry, line[cut:])
        return b"\n".join(lines)

    fixed = _CMAP.sub(cmap, data)
    if changed:
        assert len(fixed) == len(data)
        pdf.write_bytes(fixed)
    return changed
