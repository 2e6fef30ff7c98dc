"""Reading a description piece by piece (each distinct piece once, plain paragraphs
without the parser) gives exactly the blocks reading it whole gives.

Checked on every CommonMark/GFM spec example, on each example followed by the next
one after a blank line (so pieces meet every kind of neighbour), on the cases where
a blank line does not end what it is in, and on the bundled templates and sample.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from pmdesk.export.markdown_blocks import MarkdownReader

DATA = Path(__file__).parent / "data" / "markdown_spec_examples.json"
RESOURCES = Path(__file__).parents[2] / "resources"

ACROSS_BLANK_LINES = [
    "- a\n\n- b",  # one loose list, not two tight ones
    "1. a\n\n2. b",
    "1) a\n\n1) b\n\nc\n\n1) d",
    "- a\nlazy\n\n- c",
    "foo\n2. not a list\n\n3. a list",
    "para\n\n- a\n- b\n\n- c",
    "* * *\n\n- a\n\n- b",
    "-\n\nfoo",
    "> a\n\n> b",
    "Foo\n\n===",
    "[a]\n\n[a]: /u",  # a definition anywhere serves the whole text
    "text[^1]\n\n[^1]: note",
    "- a\n\n  second paragraph\n\n- b",
    "    code\n\n    more code",
    "```\none\n\ntwo\n```",
    "a <!-- hidden\n\nstill hidden --> b",
    "| a |\n| - |\n| b |\n\n| c |",
    "一行\n二行\nthree\n四",
    "x  \ny",
    "a\r\n\r\nb",
    "a\n\n\n\nb",
    "\n\nleading and trailing blank lines\n\n",
    "30 秒内完成\n\n2027 年上线",
    "see https://example.com/a_b\n\nplain",
]


def _texts() -> list[str]:
    examples = json.loads(DATA.read_text(encoding="utf-8"))["examples"]
    texts = [e["markdown"] for e in examples] + ACROSS_BLANK_LINES
    texts += [a + "\n\n" + b for a, b in pairwise(texts)]
    for name in ("templates/prd-zh.json", "templates/prd-en.json"):
        template = json.loads((RESOURCES / name).read_text(encoding="utf-8"))
        texts += [s["body"] for s in template.get("sections", [])]
    for sample in sorted((RESOURCES / "samples").glob("*.json")):
        snapshot = json.loads(sample.read_text(encoding="utf-8"))
        texts += [r.get("description", "") for r in snapshot.get("requirements", [])]
        texts += [s.get("body", "") for s in snapshot.get("sections", [])]
    return texts


@pytest.mark.parametrize(("shift", "headings"), [(0, False), (2, True)])
def test_pieces_read_as_the_whole_text(shift: int, headings: bool) -> None:
    texts = _texts()
    assert len(texts) > 1300
    pieces, whole = MarkdownReader(), MarkdownReader(shortcuts=False)
    for text in texts + texts:  # the second time from the pieces already read
        expected = whole.read(text, heading_shift=shift, headings=headings)
        assert pieces.read(text, heading_shift=shift, headings=headings) == expected, text
