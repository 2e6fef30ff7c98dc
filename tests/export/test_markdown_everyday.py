"""Everyday PRD Markdown (as written in Feishu, Typora, GitHub) comes through as written:
in the preview, in the .md (read again by markdown-it-py, as GitHub would) and in
the .docx (read back with python-docx). Issue 14, "Markdown that means what it
means everywhere else": each case here broke before.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.export.doc import Document, Heading, Paragraph, Run
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.markdown_html import render_html
from pmdesk.export.render_docx import render_docx
from pmdesk.export.render_markdown import render_markdown

GFM = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
GFM.use(tasklists_plugin)


@dataclass
class Through:
    """One text as the preview, the .md and the .docx show it."""

    html: str
    md: str
    word: WordDocument

    @property
    def md_tokens(self) -> list[Token]:
        return GFM.parse(self.md)

    @property
    def md_html(self) -> str:
        return str(GFM.render(self.md))

    @property
    def word_text(self) -> str:
        texts = [p.text for p in self.word.paragraphs]
        for table in self.word.tables:
            texts += [cell.text for row in table.rows for cell in row.cells]
        return "\n".join(texts)

    @property
    def word_xml(self) -> str:
        return str(self.word.element.xml)


def through(markdown: str, *, before: list[Heading] | None = None) -> Through:
    blocks = [*(before or []), *MarkdownReader().read(markdown, heading_shift=1)]
    document = Document("PRD", "zh", "PRD", "{page}", blocks)
    buffer = io.BytesIO()
    render_docx(document, buffer)
    return Through(
        render_html(markdown, None, language="zh"),
        render_markdown(document).text,
        docx.Document(io.BytesIO(buffer.getvalue())),
    )


def types(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens if t.nesting >= 0 and t.type != "inline"]


def list_paragraphs(word: WordDocument) -> list[tuple[int, str]]:
    """(list level, text) of each numbered or bulleted paragraph."""
    out = []
    for p in word.paragraphs:
        level = p._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        if level:
            out.append((int(level[0]), p.text))
    return out


# --- lists and tables right after a line of text -----------------------------------


def test_numbered_list_right_after_a_line() -> None:
    shown = through("需求如下：\n1. 支持批量导入客户\n2. 支持导出为 Excel")
    assert re.search(r"<p>需求如下：</p>\s*<ol>\s*<li>支持批量导入客户</li>", shown.html)
    assert types(shown.md_tokens) == [
        "paragraph_open",
        "ordered_list_open",
        "list_item_open",
        "paragraph_open",
        "list_item_open",
        "paragraph_open",
    ]
    assert list_paragraphs(shown.word) == [(0, "支持批量导入客户"), (0, "支持导出为 Excel")]
    assert "需求如下：" in [p.text for p in shown.word.paragraphs]


def test_bullet_list_right_after_a_line() -> None:
    shown = through("范围包括：\n- 客户档案\n- 联系人")
    assert "<ul>\n<li>客户档案</li>\n<li>联系人</li>\n</ul>" in shown.html
    assert "<li>客户档案</li>" in shown.md_html
    assert list_paragraphs(shown.word) == [(0, "客户档案"), (0, "联系人")]


def test_pipe_table_right_after_a_line() -> None:
    shown = through("字段说明：\n| 字段 | 说明 |\n| --- | --- |\n| 名称 | 必填 |")
    assert "<table" in shown.html and "<td>必填</td>" in shown.html
    assert "<td>必填</td>" in shown.md_html
    [table] = shown.word.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["字段", "说明"],
        ["名称", "必填"],
    ]
    assert "\\|" not in shown.word_text and "\\|" not in shown.html


# --- code, nesting, breaks --------------------------------------------------------------


def test_fenced_code_inside_a_list_item() -> None:
    text = '1. 调用接口：\n   ```json\n   {"name": "张三"}\n   ```\n2. 检查返回值'
    shown = through(text)
    for out in (shown.html, shown.md, shown.word_text):
        assert "pmdesk-fence" not in out
    assert '<code class="language-json">{&quot;name&quot;: &quot;张三&quot;}</code>' in shown.html
    assert (
        '<code class="language-json">{&quot;name&quot;: &quot;张三&quot;}\n</code>' in shown.md_html
    )
    code = [
        p for p in shown.word.paragraphs if p.style is not None and p.style.name == "Code Block"
    ]
    assert [p.text for p in code] == ['{"name": "张三"}']
    assert list_paragraphs(shown.word) == [(0, "调用接口："), (0, "检查返回值")]


def test_two_space_nested_lists_stay_nested_and_tight() -> None:
    shown = through("- 客户\n  - 联系人\n    - 电话\n- 商机")
    assert shown.html.count("<ul>") == 3 and "<p>" not in shown.html
    assert shown.md_html.count("<ul>") == 3 and "<p>" not in shown.md_html
    assert list_paragraphs(shown.word) == [(0, "客户"), (1, "联系人"), (2, "电话"), (0, "商机")]


def test_indented_fence_is_code_not_inline_code() -> None:
    shown = through("说明：\n\n  ```\n  SELECT * FROM 客户;\n  ```")
    assert "<pre><code>SELECT * FROM 客户;</code></pre>" in shown.html
    assert "<pre><code>SELECT * FROM 客户;\n</code></pre>" in shown.md_html
    code = [p.text for p in shown.word.paragraphs if p.style and p.style.name == "Code Block"]
    assert code == ["SELECT * FROM 客户;"]


def test_backslash_hard_break() -> None:
    shown = through("第一行\\\n第二行")
    assert "第一行<br>第二行" in shown.html
    assert "第一行<br />\n第二行" in shown.md_html
    assert "第一行\n第二行" in [p.text for p in shown.word.paragraphs]


# --- table cells, links, pictures, quotes ------------------------------------------------


def test_escaped_pipe_in_a_table_cell() -> None:
    shown = through("| 表达式 | 含义 |\n| --- | --- |\n| a \\| b | 或 |\n| `x \\|\\| y` | 短路或 |")
    assert "<td>a | b</td>" in shown.html and "<td>a | b</td>" in shown.md_html
    assert "<td><code>x || y</code></td>" in shown.html
    assert "<td><code>x || y</code></td>" in shown.md_html
    [table] = shown.word.tables
    assert [row.cells[0].text for row in table.rows[1:]] == ["a | b", "x || y"]


def test_link_titles_are_kept() -> None:
    shown = through('见[官网](https://example.com/crm "公司官网")。')
    assert '<a href="https://example.com/crm" title="公司官网">官网</a>' in shown.html
    assert '<a href="https://example.com/crm" title="公司官网">官网</a>' in shown.md_html
    [link] = shown.word.paragraphs[-1].hyperlinks
    assert (link.address, link.text) == ("https://example.com/crm", "官网")
    assert 'w:tooltip="公司官网"' in shown.word_xml


def test_reference_style_image_becomes_a_link_with_its_alt_text() -> None:
    shown = through("![流程图][flow]\n\n[flow]: https://example.com/flow.png")
    assert "[图片：流程图]" in shown.html and "<img" not in shown.html
    assert '<a href="https://example.com/flow.png">流程图</a>' in shown.md_html
    [link] = shown.word.paragraphs[-1].hyperlinks
    assert (link.address, link.text) == ("https://example.com/flow.png", "[图片：流程图]")


def test_remote_image_is_a_link_never_loaded() -> None:
    shown = through("![架构图](https://example.com/arch.png)")
    assert "<img" not in shown.md_html and "<img" not in shown.html
    assert '<a href="https://example.com/arch.png">架构图</a>' in shown.md_html
    [link] = shown.word.paragraphs[-1].hyperlinks
    assert link.text == "[图片：架构图]"
    assert not shown.word.inline_shapes  # nothing fetched into the file


def test_heading_inside_a_block_quote() -> None:
    shown = through("> ## 注意\n> 本期不含移动端。")
    assert re.search(r"<blockquote>\s*<h2[^>]*>注意</h2>", shown.html)
    assert re.search(r"<blockquote>\s*<h\d>注意</h\d>", shown.md_html)
    assert "<strong>" not in shown.md_html
    # In Word a heading style would add a quote's line to the contents: a bold line.
    texts = [(p.text, p.style.name if p.style else "") for p in shown.word.paragraphs]
    assert ("注意", "Label") in texts and ("本期不含移动端。", "Quote") in texts


def test_bold_ending_in_chinese_punctuation_is_markdown_not_html() -> None:
    document = Document(
        "PRD", "zh", "PRD", "{page}", [Paragraph([Run("验收：", bold=True), Run("全部通过")])]
    )
    md = render_markdown(document).text
    assert md.strip() == "**验收**：全部通过"
    assert "<strong>验收</strong>：全部通过" in GFM.render(md)
    # Emphasis inside a Chinese word (no blanks around it) survives the round trip.
    shown = through("这是***非常***重要的，**必须**完成")
    assert "这是<em><strong>非常</strong></em>重要的，<strong>必须</strong>完成" in shown.md_html


def test_chinese_sample_markdown_has_no_html_tags(tmp_path: Path) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    out = tmp_path / "crm.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert re.findall(r"</?(?:strong|em|del)>", text) == []
    assert "pmdesk-fence" not in text


# --- inline code, bare URLs, links to headings -------------------------------------------


def test_inline_code_is_escaped_once() -> None:
    shown = through("返回 `List<String>`，条件 `a && b`。")
    assert "<code>List&lt;String&gt;</code>" in shown.html
    assert "<code>a &amp;&amp; b</code>" in shown.html
    assert "`List<String>`" in shown.md and "`a && b`" in shown.md
    assert "List<String>" in shown.word_text and "a && b" in shown.word_text
    assert "&lt;" not in shown.word_text and "&amp;" not in shown.word_text


def test_bare_urls_keep_underscores_and_stars() -> None:
    url = "https://example.com/docs/a_b_c/x*y"
    shown = through(f"接口文档 {url} 请查阅")
    assert "\\_" not in shown.md and "\\*" not in shown.md
    assert f'<a href="{url}">{url}</a>' in shown.md_html
    assert f'<a href="{url}">{url}</a>' in shown.html
    [link] = shown.word.paragraphs[-1].hyperlinks
    assert link.address == url


def test_www_addresses_are_links_as_on_github() -> None:
    shown = through("官网 www.example.com/a_b 或 见 README.md 与 v1.2.js，邮件 pm@example.com")
    assert '<a href="http://www.example.com/a_b">www.example.com/a_b</a>' in shown.html
    assert '<a href="http://www.example.com/a_b">www.example.com/a_b</a>' in shown.md_html
    addresses = [link.address for link in shown.word.paragraphs[-1].hyperlinks]
    assert addresses == ["http://www.example.com/a_b", "mailto:pm@example.com"]
    assert "README.md" in shown.word_text and "README.md</a>" not in shown.html
    assert "v1.2.js</a>" not in shown.html


def test_links_to_headings_keep_working() -> None:
    before = [Heading(1, "背景"), Heading(1, "目标"), Heading(1, "范围"), Heading(1, "需求列表")]
    shown = through("详见[需求列表](#4-需求列表)和[背景](#背景)。", before=before)
    assert '<a href="#4-需求列表">需求列表</a>' in shown.html
    links = re.findall(r'<a href="([^"]+)">', shown.md_html)
    assert links == ["#4-%E9%9C%80%E6%B1%82%E5%88%97%E8%A1%A8", "#1-%E8%83%8C%E6%99%AF"]
    assert "## 4 需求列表" in shown.md and "## 1 背景" in shown.md  # GitHub: #4-需求列表
    anchors = [link.fragment for link in shown.word.paragraphs[-1].hyperlinks]
    bookmarks = {
        p.text: p._p.xpath("./w:bookmarkStart/@w:name")[0]
        for p in shown.word.paragraphs
        if p._p.xpath("./w:bookmarkStart")
    }
    assert anchors == [bookmarks["需求列表"], bookmarks["背景"]]


# --- a whole Chinese PRD snippet, Feishu/Typora style ------------------------------------

SNIPPET = """\
**背景**：销售团队需要统一的客户视图，详见 https://wiki.example.com/crm_v2/客户_360 。

需求如下：
1. 支持按**行业**筛选客户
2. 支持导出，格式见下表：
   | 字段 | 类型 | 说明 |
   | :--- | :---: | ---: |
   | 名称 | `String` | 必填 |
   | 金额 | `Decimal(12,2)` | 单位：元 |
3. 导入失败时提示：
   ```text
   第 3 行：手机号格式错误
   ```

- [x] 完成需求评审
- [ ] 完成 UI 设计
  - 移动端
  - 桌面端

> **注意**：本期不含~~移动端~~。\\
> 负责人：张伟
"""


def test_a_chinese_prd_snippet_reads_back_the_same_from_the_md() -> None:
    reader = MarkdownReader()
    blocks = reader.read(SNIPPET)
    md = render_markdown(Document("PRD", "zh", "PRD", "{page}", blocks)).text
    assert reader.read(md) == blocks
    assert GFM.render(md).count("<li") == GFM.render(SNIPPET).count("<li") == 7


def test_a_chinese_prd_snippet_in_the_preview_and_word() -> None:
    shown = through(SNIPPET)
    assert shown.html.count("<table") == 1 and shown.html.count("<li>") == 7
    assert "☑ 完成需求评审" in shown.html and "☐ 完成 UI 设计" in shown.html
    assert '<td align="right">单位：元</td>' in shown.html
    assert "<s>移动端</s>" in shown.html and "<br>负责人：张伟" in shown.html
    text = shown.word_text
    for words in ("统一的客户视图", "Decimal(12,2)", "第 3 行：手机号格式错误", "负责人：张伟"):
        assert words in text
    [link] = [h for p in shown.word.paragraphs for h in p.hyperlinks]
    assert link.address == "https://wiki.example.com/crm_v2/客户_360"
    assert list_paragraphs(shown.word)[:3] == [
        (0, "支持按行业筛选客户"),
        (0, "支持导出，格式见下表："),
        (0, "导入失败时提示："),
    ]


def test_emphasis_ending_in_an_email_address_before_chinese_stays() -> None:
    # Found by the round-trip property: `*…<pm@example.com>*需求` cannot close after `>`.
    shown = through("联系*产品经理 pm@example.com*确认")
    assert "*产品经理 pm@example.com*确认" in shown.md
    again = MarkdownReader().read(shown.md)
    [paragraph] = again
    assert isinstance(paragraph, Paragraph)
    assert [(r.text, r.italic, r.href) for r in paragraph.runs] == [
        ("联系", False, None),
        ("产品经理 ", True, None),
        ("pm@example.com", True, "mailto:pm@example.com"),
        ("确认", False, None),
    ]
