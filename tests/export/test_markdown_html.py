"""The live preview's Markdown → HTML: safe with hostile input, right with real PRD text."""

from __future__ import annotations

import base64
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import Connection

from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import RequirementsDirective
from pmdesk.core.newproject.from_snapshot import import_snapshot
from pmdesk.core.newproject.sample import sample_snapshot_path
from pmdesk.core.queries.content import requirements_for
from pmdesk.core.snapshot.convert import loads
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.directive_html import PREVIEW_ROADMAP_WIDTH, render_directive_html
from pmdesk.export.markdown_html import render_html, strip_illegal_chars


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the output, plus its text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text = ""
        self.depth = self.max_list_depth = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("ul", "ol"):
            self.depth += 1
            self.max_list_depth = max(self.max_list_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text += data

    def named(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def _render(text: str, language: str = "zh") -> str:
    return render_html(text, None, language=language)


# --- raw HTML and dangerous URLs -----------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="http://evil.example/"></iframe>',
    '<svg onload="alert(1)"></svg>',
    "<div onclick='alert(1)'>\n*block*\n</div>",
    "<!-- a comment --><style>body{display:none}</style>",
]


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("where", ["alone", "inline", "in_list"])
def test_raw_html_is_shown_as_text_never_rendered(hostile: str, where: str) -> None:
    text = {
        "alone": hostile,
        "inline": f"前文 {hostile} 后文",
        "in_list": f"- item\n- {hostile}",
    }[where]
    out = _render(text)
    low = out.lower()
    assert "<script" not in low and "<iframe" not in low and "<img" not in low
    assert "<svg" not in low and "<style" not in low and "<!--" not in low
    parsed = _Tags(out)
    for tag, attrs in parsed.tags:
        assert tag not in ("script", "iframe", "img", "svg", "style", "div")
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not attrs.get("href", "").lower().startswith("javascript")
    # What the user typed stays visible, character for character (newlines aside),
    # but for HTML comments: those are the author's hidden notes and are dropped.
    first_line = re.sub(r"<!--.*?-->", "", hostile).splitlines()[0]
    assert first_line in parsed.text
    assert html.escape(first_line, quote=False) in out


@pytest.mark.parametrize(
    "link",
    [
        "[点我](javascript:alert(1))",
        "[点我](JaVaScRiPt:alert(1))",
        "[点我]( javascript:alert(1) )",
        "[点我](java\tscript:alert(1))",
        "[点我](&#106;avascript:alert(1))",
        r"[点我](javascript\:alert(1))",
        "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[点我](file:///etc/passwd)",
        "[点我](vbscript:msgbox)",
        "[点我][ref]\n\n[ref]: javascript:alert(1)",
        "[点我](../../secret.pmdesk)",
    ],
)
def test_unsafe_links_become_plain_text(link: str) -> None:
    out = _render(link)
    parsed = _Tags(out)
    assert parsed.named("a") == []
    assert "点我" in parsed.text
    assert 'href="javascript' not in out.lower() and "href" not in out


@pytest.mark.parametrize(
    ("link", "href"),
    [
        ("[官网](https://example.com/a?b=1)", "https://example.com/a?b=1"),
        ("[旧站](http://example.com)", "http://example.com"),
        ("[邮件](mailto:pm@example.com)", "mailto:pm@example.com"),
        ("[上文](#背景)", "#背景"),
        ("<https://example.com/x>", "https://example.com/x"),
    ],
)
def test_safe_links_are_kept(link: str, href: str) -> None:
    assert [a["href"] for a in _Tags(_render(link)).named("a")] == [href]


def test_automatic_mail_links_survive_their_entity_encoding() -> None:
    anchors = _Tags(_render("<pm@example.com>")).named("a")
    assert [a["href"] for a in anchors] == ["mailto:pm@example.com"]


@pytest.mark.parametrize(
    ("markdown_text", "visible"),
    [
        ("![架构图](http://evil.example/track.png)", "[图片：架构图]"),
        ("![](https://evil.example/pixel.gif)", "[图片]"),
        ("![logo](data:image/png;base64,iVBORw0KGgo=)", "[图片：logo]"),
        ("![本地](/etc/hosts)", "[图片：本地]"),
        ("![引用][img]\n\n[img]: http://evil.example/a.png", "[图片：引用]"),
        ("[![徽章](http://evil.example/b.svg)](https://example.com)", "[图片：徽章]"),
    ],
)
def test_images_are_never_loaded(markdown_text: str, visible: str) -> None:
    out = _render(markdown_text)
    assert "<img" not in out and "evil.example" not in out and "base64" not in out
    assert visible in _Tags(out).text


def test_image_placeholder_in_english() -> None:
    assert "[image: diagram]" in _Tags(_render("![diagram](http://x/y.png)", "en")).text


def test_entities_stay_text() -> None:
    out = _render("&#60;script&#62;alert(1)&#60;/script&#62; &lt;b&gt;粗&lt;/b&gt; AT&T")
    assert "<script" not in out.lower() and "<b>" not in out
    assert _Tags(out).text == "<script>alert(1)</script> <b>粗</b> AT&T"


def test_control_characters_cannot_forge_placeholders_or_break_xml() -> None:
    nasty = "前\x00\x01\x02wzxhzdk:0\x03\x07\x0b\x0c\x1f\ud800\ufffe\uffff后\t制表"
    out = _render(nasty)
    assert strip_illegal_chars(out) == out
    assert "<p>前wzxhzdk:0后" in out and "制表</p>" in out
    assert strip_illegal_chars("a\tb\nc\rd\x00") == "a\tb\nc\rd"


def test_huge_and_pathological_input_does_not_raise() -> None:
    big = ("## 标题\n\n这是**重点**，见 [链接](https://example.com) 和 `代码`。\n\n" * 5000) + "x"
    assert _render(big).count("<h2") == 5000
    deep = "*" * 3000 + "深" + "*" * 3000  # 1,500 nested emphases, read without recursion
    out = _render(deep)
    assert "深" in out and "*" not in out


# --- what a PRD uses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("这是**重点**内容", "这是<strong>重点</strong>内容"),
        # CommonMark (GitHub, and PITFALLS.md) does not close bold that ends in
        # punctuation before a letter: it stays as typed; bold before the colon works.
        ("**加粗：**后面", "<p>**加粗：**后面</p>"),
        ("**加粗**：后面", "<strong>加粗</strong>：后面"),
        ("「**引号**」里", "「<strong>引号</strong>」里"),
        ("*强调*和~~删除~~", "<em>强调</em>和<s>删除</s>"),
    ],
)
def test_chinese_emphasis(text: str, fragment: str) -> None:
    assert fragment in _render(text)


def test_tables_are_bordered_for_qtextbrowser() -> None:
    out = _render("| 角色 | 负责人 |\n| :-- | --: |\n| 产品经理 | 张伟 |\n")
    tables = _Tags(out).named("table")
    assert tables == [{"border": "1", "cellpadding": "4", "cellspacing": "0"}]
    assert '<td align="left">产品经理</td>' in out and '<td align="right">张伟</td>' in out


@pytest.mark.parametrize(
    "text",
    [
        "- a\n    - b\n        - c\n- d\n",  # Python-Markdown's own 4 spaces
        "- a\n  - b\n    - c\n- d\n",  # 2 spaces, as most editors write
        "* a\n   * b\n      * c\n* d\n",  # 3 spaces
        "1. a\n   - b\n     1. c\n2. d\n",  # ordered, nested under the text column
    ],
)
def test_nested_lists(text: str) -> None:
    parsed = _Tags(_render(text))
    assert parsed.max_list_depth == 3
    assert len(parsed.named("li")) == 4
    assert re.sub(r"\s+", "", parsed.text) == "abcd"


def test_nested_list_with_paragraphs() -> None:
    out = _render("- a\n\n  a 的第二段\n- b\n  - b1\n\n    b1 的第二段\n- c\n")
    parsed = _Tags(out)
    assert parsed.max_list_depth == 2
    assert re.search(r"<li>\s*<p>b1</p>\s*<p>b1 的第二段</p>\s*</li>", out)
    assert re.search(r"<p>a</p>\s*<p>a 的第二段</p>", out)
    assert len(parsed.named("li")) == 4


def test_list_lookalikes_in_code_keep_their_spaces() -> None:
    out = _render("```\n- a\n  - b\n```\n\n正文\n\n    - 缩进代码\n      - 保留\n")
    assert "<pre" in out and "- a\n  - b</code>" in out
    assert "- 缩进代码\n  - 保留" in out
    assert "<li>" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- - -\n\n  正文", "<hr>\n<p>正文</p>"),  # a rule, not a list: "正文" is no code
        ("```内联``` 代码\n\n- a\n  - b", "<li>a<ul>\n<li>b</li>"),  # not an open fence
    ],
)
def test_list_lookalikes_are_not_lists(text: str, expected: str) -> None:
    assert expected in _render(text)


def test_code_fence_inside_a_two_space_list() -> None:
    out = _render("- 步骤\n  ```python\n  - 不是列表\n  x = 1\n  ```\n- 下一步\n")
    assert '<code class="language-python">- 不是列表\nx = 1</code>' in out
    assert len(_Tags(out).named("li")) == 2


def test_task_lists_use_glyphs_not_inputs() -> None:
    out = _render("- [x] 已完成\n- [ ] 待办\n")
    assert "<input" not in out
    assert "☑ 已完成" in out and "☐ 待办" in out


def test_headings_get_chinese_anchors() -> None:
    assert '<h2 id="背景与目标">背景与目标</h2>' in _render("## 背景与目标")


# --- pmdesk blocks --------------------------------------------------------------------

BLOCK = '前文\n\n```pmdesk\nrequirements: release="v1.0" status!=rejected\n```\n\n后文'


def test_pmdesk_fence_is_replaced_by_what_expand_returns() -> None:
    seen: list[str] = []

    def expand(body: str) -> str:
        seen.append(body)
        return '<table border="1"><tr><td>展开</td></tr></table>'

    out = render_html(BLOCK, expand)
    assert seen == ['requirements: release="v1.0" status!=rejected']
    assert '<table border="1"><tr><td>展开</td></tr></table>' in out
    assert "```" not in out and "requirements:" not in out
    assert out.index("前文") < out.index("展开") < out.index("后文")


def test_pmdesk_fence_without_expand_is_shown_as_code() -> None:
    out = render_html(BLOCK, None)
    assert "<pre><code>requirements: release=&quot;v1.0&quot; status!=rejected</code></pre>" in out


def test_failing_expand_shows_a_red_sentence_not_an_exception() -> None:
    def bad_directive(body: str) -> str:
        raise DirectiveError("Unknown pmdesk block 'gantt'.")

    def broken(body: str) -> str:
        raise RuntimeError("database is closed")

    out = render_html(BLOCK, bad_directive)
    assert "color:#b00020" in out and "Unknown pmdesk block 'gantt'." in out
    assert "database is closed" in render_html(BLOCK, broken, language="en")


def test_other_code_fences_stay_code() -> None:
    out = _render("```html\n<script>alert(1)</script>\n```")
    assert "<script" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


# --- pmdesk blocks against the bundled sample ----------------------------------------


_CELL = r"<t[dh]>(.*?)</t[dh]>"


def _cells(out: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", out, re.S)
    return [
        [
            html.unescape(c).replace("\xa0", "").strip()
            for c in re.findall(r"<t[dh]>(.*?)</t[dh]>", r)
        ]
        for r in rows
    ]


def test_sample_block_becomes_the_requirements_table(sample_conn: Connection) -> None:
    out = render_html(BLOCK, lambda body: render_directive_html(body, sample_conn, language="zh"))
    cells = _cells(out)
    assert cells[0] == ["编号", "标题", "状态", "优先级", "负责人", "版本"]
    keys = [row[0] for row in cells[1:]]
    expected = [
        r.key
        for r in requirements_for(sample_conn, RequirementsDirective())
        if r.release == "v1.0" and r.status != "rejected"
    ]
    assert keys == expected and len(keys) == 33
    crm2 = cells[1 + keys.index("CRM-2")]
    assert crm2 == ["CRM-2", "客户 360° 视图", "开发中", "Must", "李娜", "v1.0"]
    assert "CRM-37" not in keys  # the rejected one
    assert "```" not in out and "requirements:" not in out


def test_english_table_labels(sample_conn: Connection) -> None:
    out = render_directive_html("requirements: owner=刘洋 kind=nfr", sample_conn, language="en")
    assert _cells(out) == [
        ["Key", "Title", "Status", "Priority", "Owner", "Release"],
        ["CRM-41", "性能与容量", "Approved", "Must", "刘洋", "v1.0"],
        ["CRM-45", "可用性与数据备份", "Approved", "Must", "刘洋", "v1.0"],
    ]


def test_titles_are_indented_under_their_parents(sample_conn: Connection) -> None:
    out = render_directive_html("requirements: tag=查重", sample_conn, language="zh")
    titles = dict(
        # `(...)*` matches at the start of every text, so re.match is never None here.
        (cells[0], re.match(r"(&#160;)*", cells[1])[0].count("&#160;"))  # type: ignore[index]
        for cells in (re.findall(r"<td>(.*?)</td>", r) for r in re.findall(r"<tr>(.*?)</tr>", out))
        if cells
    )
    assert titles == {"CRM-5": 0, "CRM-6": 3, "CRM-7": 3}


def test_detailed_view(sample_conn: Connection) -> None:
    out = render_directive_html("requirements: owner=刘洋 detailed", sample_conn, language="zh")
    assert "<h4>CRM-41 性能与容量</h4>" in out and "<h4>CRM-45 可用性与数据备份</h4>" in out
    assert "验收标准" in out and "已批准" in out and "基本型" in out
    assert "<strong>单租户 20 万客户、2,000 并发在线用户</strong>" in out  # description Markdown


def test_no_match_and_unknown_release_are_said(sample_conn: Connection) -> None:
    out = render_directive_html('requirements: release="v9 正式版"', sample_conn, language="zh")
    assert "没有符合条件的需求" in out
    assert "没有名为「v9 正式版」的版本" in out and "v1.0、v1.1、v2.0" in out
    assert "<table" not in out


def test_user_text_in_the_tables_is_escaped(tmp_path: Path) -> None:
    snapshot = json.loads(sample_snapshot_path("zh").read_text(encoding="utf-8"))
    first = snapshot["requirements"][0]
    first["title"] = "<script>alert(1)</script>"
    first["owner"] = "<b>张伟</b>"
    first["acceptance"] = ["<iframe src=x>"]
    first["description"] = "<img src=x onerror=alert(1)>"
    release = next(r for r in snapshot["releases"] if r["uid"] == first["release"])
    release["name"] = '<a href="javascript:x">v1</a>'
    path = tmp_path / "hostile.pmdesk"
    import_snapshot(loads(json.dumps(snapshot)), path)
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            for view in ("table", "detailed"):
                body = f"requirements: owner=<b>张伟</b> {view}"
                out = render_directive_html(body, conn, language="en")
                assert "CRM-1" in out
                assert not {"script", "iframe", "img", "a"} & {t for t, _ in _Tags(out).tags}
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
                assert "&lt;b&gt;张伟&lt;/b&gt;" in out
                assert "&lt;a href=&quot;javascript:x&quot;&gt;v1&lt;/a&gt;" in out
    finally:
        store.dispose()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_roadmap_block_is_the_roadmap_picture(sample_conn: Connection, language: str) -> None:
    out = render_directive_html("roadmap", sample_conn, language=language)
    prefix = '<p><img src="data:image/png;base64,'
    assert out.startswith(prefix)
    png = base64.b64decode(out[len(prefix) : out.index('"', len(prefix))])
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")  # the IHDR chunk
    assert width == PREVIEW_ROADMAP_WIDTH


def test_roadmap_block_of_an_undated_project_says_so(project_file: Path) -> None:
    store = open_readonly(project_file)
    try:
        with store.engine.connect() as conn:
            out = render_directive_html("roadmap", conn, language="en")
    finally:
        store.dispose()
    assert out == "<p><i>The roadmap is empty: nothing has a date yet.</i></p>"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_mistyped_block_is_a_red_sentence(sample_conn: Connection, language: str) -> None:
    out = render_directive_html("requirements: status=urgent", sample_conn, language=language)
    assert 'style="color:#b00020"' in out
    sentence = "「urgent」不是有效的 status" if language == "zh" else "'urgent' is not a status"
    assert sentence in out.replace("&#x27;", "'")
    assert "<table" not in out


def test_every_sample_section_renders(sample_conn: Connection) -> None:
    snapshot = json.loads(sample_snapshot_path("zh").read_text(encoding="utf-8"))
    for section in snapshot["sections"]:
        out = render_html(
            section["body"], lambda b: render_directive_html(b, sample_conn, language="zh")
        )
        assert "```" not in out and "pmdesk 内容块有误" not in out
    scope = next(s for s in snapshot["sections"] if s["title"] == "范围")
    assert _Tags(render_html(scope["body"], None)).max_list_depth == 2


def test_html_comments_never_reach_the_preview() -> None:
    html = render_html("公开 <!-- 内部备注：报价底线 --> 内容", None, language="zh")
    assert "报价底线" not in html and "公开" in html and "内容" in html
