"""PRD Markdown read into the neutral document blocks the exports lay out."""

from __future__ import annotations

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    plain_text,
)
from pmdesk.export.markdown_blocks import MAX_NESTING, ExpandDirective, MarkdownReader


def read(
    text: str,
    *,
    heading_shift: int = 0,
    headings: bool = True,
    expand: ExpandDirective | None = None,
) -> list[Block]:
    return MarkdownReader().read(
        text, heading_shift=heading_shift, headings=headings, expand=expand
    )


def paragraph(block: Block) -> Paragraph:
    """The block, which must be a paragraph."""
    assert isinstance(block, Paragraph), block
    return block


def test_inline_styles_links_and_entities() -> None:
    [p] = read("普通 **粗** *斜* `代码` ~~删~~ [网站](https://example.com) &copy; a\\*b")
    assert isinstance(p, Paragraph)
    looks = {(r.text, r.bold, r.italic, r.code, r.strike, r.href) for r in p.runs}
    assert ("粗", True, False, False, False, None) in looks
    assert ("斜", False, True, False, False, None) in looks
    assert ("代码", False, False, True, False, None) in looks
    assert ("删", False, False, False, True, None) in looks
    assert ("网站", False, False, False, False, "https://example.com") in looks
    assert plain_text(p.runs).endswith("© a*b")


def test_raw_html_and_unsafe_links_stay_text() -> None:
    blocks = read('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror="y">')
    text = " ".join(plain_text(b.runs) for b in blocks if isinstance(b, Paragraph))
    assert "<script>alert(1)</script>" in text
    assert '<img src=x onerror="y">' in text
    assert all(r.href is None for b in blocks if isinstance(b, Paragraph) for r in b.runs)


def test_two_space_nested_lists_task_items_and_ordered_start() -> None:
    # Only a list starting at 1 may interrupt a paragraph (CommonMark): a blank line first.
    [outer] = read("- [x] 已完成\n- [ ] 待办\n\n  3. 第三\n  4. 第四\n")
    assert isinstance(outer, ListBlock) and not outer.ordered
    assert [i.checked for i in outer.items] == [True, False]
    assert plain_text(paragraph(outer.items[0].blocks[0]).runs) == "已完成"
    inner = outer.items[1].blocks[1]
    assert isinstance(inner, ListBlock) and inner.ordered and inner.start == 3
    assert [plain_text(paragraph(i.blocks[0]).runs) for i in inner.items] == ["第三", "第四"]


def test_tables_keep_alignment_and_pad_short_rows() -> None:
    [table] = read("| 名称 | 数量 |\n| :-- | --: |\n| 甲 | 1 |\n| 乙 |\n")
    assert isinstance(table, Table)
    assert [plain_text(c) for c in table.header] == ["名称", "数量"]
    assert table.align == ["left", "right"]
    assert [[plain_text(c) for c in row] for row in table.rows] == [["甲", "1"], ["乙", ""]]


def test_fences_become_code_or_expanded_directives() -> None:
    text = "```python\nprint('hi')\n```\n\n```pmdesk\nroadmap\n```\n"
    plain = read(text)
    assert plain == [CodeBlock("print('hi')", "python"), CodeBlock("roadmap", "pmdesk")]
    seen: list[str] = []

    def expand(body: str) -> list[Block]:
        seen.append(body.strip())
        return [Paragraph([])]

    expanded = read(text, expand=expand)
    assert seen == ["roadmap"]
    assert expanded[0] == CodeBlock("print('hi')", "python")


def test_heading_shift_and_headings_as_bold_lines() -> None:
    assert read("# 概述\n\n## 细节", heading_shift=1) == [Heading(2, "概述"), Heading(3, "细节")]
    [line] = read("# 概述", headings=False)
    assert isinstance(line, Paragraph) and all(r.bold for r in line.runs)


def test_soft_line_breaks_join_chinese_without_a_space() -> None:
    [p] = read("第一行\n第二行\nand English\nwords")
    assert plain_text(paragraph(p).runs) == "第一行第二行 and English words"


def test_control_characters_are_dropped_and_deep_nesting_is_capped() -> None:
    [p] = read("a\x00b\x1bc\ufffe")
    assert plain_text(paragraph(p).runs) == "abc"
    blocks = read(">" * 400 + " 深")
    depth = 0
    while blocks and isinstance(blocks[0], Quote):
        depth += 1
        blocks = blocks[0].blocks
    assert depth == MAX_NESTING
    assert "深" in plain_text(paragraph(blocks[0]).runs)


def test_html_comments_are_dropped_but_code_keeps_them() -> None:
    blocks = read("可见 <!-- 问法务\n再定 --> 文字\n\n```\n<!-- 示例 -->\n```\n")
    assert [plain_text(b.runs) for b in blocks if isinstance(b, Paragraph)] == ["可见  文字"]
    assert CodeBlock("<!-- 示例 -->", "") in blocks


def test_a_comment_opener_in_inline_code_is_code() -> None:
    """`` `<!--` `` shows the opener; it hides nothing up to the next `-->`, and
    a kept opener in a fence does not hide the inline code after the fence."""
    [block] = read("输入 `<!--` 开始注释，`-->` 结束。")
    assert [r.text for r in paragraph(block).runs if r.code] == ["<!--", "-->"]
    blocks = read("```\n<!--\n```\n\n写 `<!--` 再写 -->。")
    assert blocks[0] == CodeBlock("<!--", "")
    assert plain_text(paragraph(blocks[1]).runs) == "写 <!-- 再写 -->。"


def test_reference_links_resolve_and_bare_brackets_stay_text() -> None:
    [block] = read("见[文档][1]和 [x]\n\n[1]: https://example.com/doc")
    p = paragraph(block)
    assert [(r.text, r.href) for r in p.runs if r.href] == [("文档", "https://example.com/doc")]
    [block] = read("只有 [x] 方括号")
    q = paragraph(block)
    assert plain_text(q.runs) == "只有 [x] 方括号" and all(r.href is None for r in q.runs)
