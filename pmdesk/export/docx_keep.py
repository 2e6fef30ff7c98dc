"""What stays with a table or a wide picture on its page, in the Word export.

Apart from the body writer because it looks ahead over the blocks, not at one: the
lines leading into a table (label, caption) and the short tables after a wide picture
(the milestones under the roadmap), and how tall they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from pmdesk.export.doc import Block, Image, Paragraph, Table

KEEP_TOGETHER_ROWS = 12
TABLE_ROW_DXA = 350  # a one-line row of table text with its cell margins
LABEL_DXA = 500  # a label line with its spacing
TABLE_CAPTION = '<w:keepNext/><w:spacing w:before="200" w:after="80"/>'
_TABLE_LEADS = ("label", "caption")  # the line above a table ("表 2　里程碑"), kept with it


def _table_follows(blocks: Sequence[Block], at: int) -> bool:
    """Is `blocks[at]` a table, or the lines leading into one (label, caption)?"""
    for n in range(at, len(blocks)):  # not `blocks[at:]`: a copy per block was quadratic
        block = blocks[n]
        if isinstance(block, Table):
            return True
        if not (isinstance(block, Paragraph) and block.style in _TABLE_LEADS):
            return False
    return False


def _follow_room(blocks: Sequence[Block]) -> dict[int, int]:
    """For each wide picture, about how tall the short tables (and their labels) right
    after it are: the milestones that should share the picture's last page."""
    room: dict[int, int] = {}
    for at, block in enumerate(blocks):
        if not (isinstance(block, Image) and block.wide):
            continue
        height = 0
        for n, after in enumerate(blocks[at + 1 :], start=at + 1):
            if isinstance(after, Table) and len(after.rows) <= KEEP_TOGETHER_ROWS:
                height += (len(after.rows) + 1) * TABLE_ROW_DXA + LABEL_DXA // 2
            elif isinstance(after, Paragraph) and after.style in _TABLE_LEADS:
                if not _table_follows(blocks, n):
                    break
                height += LABEL_DXA
            else:
                break
        room[id(block)] = height
    return room
