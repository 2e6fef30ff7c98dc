"""The CommonMark and GFM spec examples survive pmdesk's Markdown and Word exports.

Each example (raw-HTML examples left out: pmdesk shows raw HTML as text on
purpose) is read by pmdesk, written as .md by `render_markdown`, and read again
by markdown-it-py. It passes when markdown-it-py renders the written .md to the
same HTML as the example itself, up to what the export changes on purpose:
headings are numbered and sit a level lower, a soft line break is one blank,
and a picture is a link to it (pmdesk never loads pictures). The same blocks
go to one .docx, read back with python-docx: an example passes when the words
of its reference rendering appear there in order.

The data file holds the examples of the CommonMark Spec 0.31.2 and the GFM
Spec's extension sections (CC-BY-SA 4.0; its `_source` says where from).
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table as WordTable
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from pmdesk.export.doc import Block, Document, Paragraph, Run
from pmdesk.export.markdown_blocks import MarkdownReader, gfm_autolinks_only
from pmdesk.export.render_docx import render_docx
from pmdesk.export.render_markdown import render_markdown

DATA = Path(__file__).parent / "data" / "markdown_spec_examples.json"
SAME_BLOCKS_GOAL = 0.95
WORDS_GOAL = 0.99


def _reference(*, raw_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": raw_html, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    # GFM's autolinks: a scheme, an e-mail address or `www.` (its extended autolinks).
    md.core.ruler.after("linkify", "gfm_autolinks", gfm_autolinks_only)
    return md.use(tasklists_plugin).use(footnote_plugin)


REFERENCE = _reference(raw_html=False)
WITH_HTML = _reference(raw_html=True)


@dataclass
class Example:
    spec: str
    number: int
    section: str
    markdown: str

    @property
    def name(self) -> str:
        return f"{self.spec} #{self.number} ({self.section})"


def _has_raw_html(markdown: str) -> bool:
    for token in WITH_HTML.parse(markdown):
        if token.type == "html_block":
            return True
        for child in token.children or []:
            if child.type == "html_inline" and "task-list-item-checkbox" not in child.content:
                return True
    return False


def _examples() -> list[Example]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    every = [Example(**e) for e in data["examples"]]
    return [e for e in every if not _has_raw_html(e.markdown)]


_IMG = re.compile(r'<img src="([^"]*)" alt="([^"]*)"( title="[^"]*")? />')
_BLOCK_TAG = r"</?(?:p|li|ul|ol|h|blockquote|table|thead|tbody|tr|td|th|hr|pre|section|div)\b[^>]*>"
_AROUND_BLOCK = re.compile(rf"\s*({_BLOCK_TAG})\s*")
_PRE = re.compile(r"(<pre>.*?</pre>)", re.DOTALL)


def normalise(rendered: str, *, exported: bool) -> str:
    text = _IMG.sub(lambda m: f'<a href="{m[1]}"{m[3] or ""}>{m[2]}</a>', rendered)
    text = re.sub(r"<(/?)h[1-6]>", r"<\1h>", text)
    if exported:  # pmdesk numbers its headings: "2.1 Title"
        text = re.sub(r"<h>\d+(?:\.\d+)*(?: |(?=</h>))", "<h>", text)
    parts = _PRE.split(text)
    for n in range(0, len(parts), 2):  # outside <pre>: blanks are blanks
        collapsed = re.sub(r"\s+", " ", parts[n])
        parts[n] = _AROUND_BLOCK.sub(r"\1", collapsed)
    return "".join(parts).strip()


def _document(blocks: list[Block]) -> Document:
    return Document("spec", "en", "", "{page}", blocks)


def same_blocks(example: Example, reader: MarkdownReader) -> bool:
    blocks = reader.read(example.markdown)
    written = render_markdown(_document(blocks)).text
    expected = normalise(REFERENCE.render(example.markdown), exported=False)
    return normalise(REFERENCE.render(written), exported=True) == expected


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _reference_words(markdown: str) -> list[str]:
    rendered = REFERENCE.render(markdown)
    return _words(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))


def _docx_lines(data: bytes) -> list[str]:
    word = docx.Document(io.BytesIO(data))
    lines: list[str] = []

    def visit(items: Any) -> None:
        for item in items:
            if isinstance(item, WordTable):
                for row in item.rows:
                    for cell in row.cells:
                        visit(cell.iter_inner_content())
            else:
                lines.append(item.text)

    visit(word.iter_inner_content())
    return lines


def _marker(n: int) -> str:
    return f"⟦example {n}⟧"


def words_in_docx(examples: list[Example], reader: MarkdownReader) -> list[bool]:
    """For each example, whether its words reach one shared .docx in order."""
    blocks: list[Block] = []
    for n, example in enumerate(examples):
        blocks.append(Paragraph([Run(_marker(n))]))
        blocks += reader.read(example.markdown)
    blocks.append(Paragraph([Run(_marker(len(examples)))]))
    buffer = io.BytesIO()
    render_docx(_document(blocks), buffer)
    text = "\n".join(_docx_lines(buffer.getvalue()))
    results = []
    for n, example in enumerate(examples):
        start = text.index(_marker(n)) + len(_marker(n))
        results.append(
            _in_order(
                _reference_words(example.markdown), text[start : text.index(_marker(n + 1), start)]
            )
        )
    return results


def _in_order(words: list[str], text: str) -> bool:
    """Whether each word occurs in `text` after the one before it (words that
    touch, `foo*bar*` → foobar, still count as there)."""
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return True


def test_spec_examples_come_through_the_exports() -> None:
    examples = _examples()
    assert len(examples) > 500
    reader = MarkdownReader()
    same = [same_blocks(example, reader) for example in examples]
    words = words_in_docx(examples, reader)
    share_same = sum(same) / len(examples)
    share_words = sum(words) / len(examples)
    print(
        f"\n{len(examples)} spec examples without raw HTML: "
        f"{share_same:.1%} render to the same blocks through the .md export, "
        f"{share_words:.1%} keep their words in the .docx"
    )
    differing = [e.name for e, ok in zip(examples, same, strict=True) if not ok]
    losing = [e.name for e, ok in zip(examples, words, strict=True) if not ok]
    print("Not the same blocks:", ", ".join(differing) or "none")
    print("Words lost in the .docx:", ", ".join(losing) or "none")
    assert share_same >= SAME_BLOCKS_GOAL
    assert share_words >= WORDS_GOAL


@pytest.mark.parametrize(
    ("markdown", "exported", "same"),
    [
        ("# Title\n", "## 1 Title\n", True),
        ("a\nb\n", "a b\n", True),
        ("![x](/u)\n", "[x](/u)\n", True),
        ("- a\n- b\n", "- a\n\n- b\n", False),  # a loose list is not a tight one
        ("*a*\n", "a\n", False),
    ],
)
def test_normalising_forgives_only_what_the_export_changes_on_purpose(
    markdown: str, exported: str, same: bool
) -> None:
    expected = normalise(REFERENCE.render(markdown), exported=False)
    assert (normalise(REFERENCE.render(exported), exported=True) == expected) is same
