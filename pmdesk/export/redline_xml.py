"""Word's tracked-change markup for a redline (`export.redline`), as render_docx writes it.

A run inserted since the baseline goes inside `<w:ins>`, a deleted one inside
`<w:del>` with its text in `w:delText`; a paragraph (or table row) whose every
run was inserted or deleted marks its paragraph mark (`w:pPr/w:rPr/w:ins`) or
row (`w:trPr/w:ins`) too, so rejecting an insertion or accepting a deletion
leaves no empty paragraph or row behind. Everything here returns "" for text
without changes: an ordinary export is unchanged byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from pmdesk.export.doc import Run, TrackedChange
from pmdesk.export.text_safety import strip_illegal_chars

PARAGRAPH_MARK_OFFSET = 1  # a change's id + 1 is its paragraph mark's, + 2 its row's
ROW_MARK_OFFSET = 2


def _element(change: TrackedChange, offset: int = 0, content: str | None = None) -> str:
    tag = "w:ins" if change.inserted else "w:del"
    author = escape(strip_illegal_chars(change.author) or "pmdesk", {'"': "&quot;"})
    attrs = f'w:id="{change.id + offset}" w:author="{author}" w:date="{change.date}"'
    if content is None:
        return f"<{tag} {attrs}/>"
    return f"<{tag} {attrs}>{content}</{tag}>"


def tracked_run(run_xml: str, change: TrackedChange | None) -> str:
    """`run_xml` (one or more `w:r`) inside `w:ins` or `w:del`; deleted text becomes `w:delText`."""
    if change is None:
        return run_xml
    if not change.inserted:
        run_xml = run_xml.replace("<w:t ", "<w:delText ").replace("<w:t>", "<w:delText>")
        run_xml = run_xml.replace("</w:t>", "</w:delText>")
    return _element(change, content=run_xml)


def _whole(runs: Iterable[Run]) -> TrackedChange | None:
    """The change of every run with text, when they are all inserted or all deleted."""
    first: TrackedChange | None = None
    for run in runs:
        if not run.text:
            continue
        if run.change is None or (first is not None and first.inserted != run.change.inserted):
            return None
        first = first or run.change
    return first


def paragraph_mark(runs: Sequence[Run]) -> str:
    """The `w:rPr` closing a `w:pPr` of a paragraph inserted or deleted whole, else ""."""
    change = _whole(runs)
    return "" if change is None else f"<w:rPr>{_element(change, PARAGRAPH_MARK_OFFSET)}</w:rPr>"


def row_mark(cells: Sequence[Sequence[Run]]) -> str:
    """The `w:ins`/`w:del` closing a `w:trPr` of a table row inserted or deleted whole, else ""."""
    first: TrackedChange | None = None
    for cell in cells:  # stops at the first unchanged text: ordinary rows cost next to nothing
        for run in cell:
            if not run.text:
                continue
            if run.change is None or (first is not None and first.inserted != run.change.inserted):
                return ""
            first = first or run.change
    return "" if first is None else _element(first, ROW_MARK_OFFSET)
