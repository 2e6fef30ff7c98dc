"""Plain paragraphs are read without the parser (most descriptions are): the
blocks must be exactly those markdown-it gives (issue 14's export speed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmdesk.export import markdown_blocks
from pmdesk.export.doc import Block
from pmdesk.export.markdown_blocks import MarkdownReader
from tests.bench.synth import generate

ALPHABET = "ab 中文。，\n\n-=+#>1.)*_`[]<&!|~:/@wx\t\u3000　"


def parsed(text: str, lines: list[int] | None = None) -> list[Block]:
    """What the parser reads, the plain-text shortcut switched off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_blocks, "_is_plain", lambda _text: False)
        return MarkdownReader().read(text, lines=lines)


@given(st.text(alphabet=ALPHABET, max_size=60))
@settings(max_examples=400, deadline=None)
def test_plain_shortcut_reads_what_the_parser_reads(text: str) -> None:
    fast_lines: list[int] = []
    slow_lines: list[int] = []
    assert MarkdownReader().read(text, lines=fast_lines) == parsed(text, slow_lines)
    assert fast_lines == slow_lines


def test_everyday_descriptions_take_the_shortcut_and_read_the_same() -> None:
    texts = [
        "第一行\n第二行 continues\nand English\n\n  second paragraph  \n中文",
        "v1.0 上线后 2 周内完成，覆盖 80% 的客户。",
        "1234567890. is no list\n\nnor is 2024 年",
    ]

    def descriptions(node: dict[str, object]) -> list[str]:
        found = [str(node.get("description", ""))]
        for child in node.get("children", []):  # type: ignore[attr-defined]
            found += descriptions(child)
        return found

    for requirement in generate(200)["requirements"]:
        texts += descriptions(requirement)
    plain = [t for t in texts if markdown_blocks._is_plain(t)]
    assert len(plain) > len(texts) // 10  # a fifth of the synthetic ones
    for text in texts:
        assert MarkdownReader().read(text) == parsed(text), text
