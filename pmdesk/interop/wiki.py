"""Jira's wiki markup (what its CSV export holds in Description) as Markdown."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^h([1-6])\.\s+(.*)$")
_BULLET = re.compile(r"^([*#-]+)\s+(.*)$")
_LINK = re.compile(r"\[([^|\]]+)\|([^\]]+)\]")
_BARE_LINK = re.compile(r"\[((?:https?|mailto):[^\]|]+)\]")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w-])-(?=\S)([^-\n]+?)(?<=\S)-(?![\w-])")
_MONO = re.compile(r"\{\{(.+?)\}\}")
_COLOR = re.compile(r"\{color(?::[^}]*)?\}")
_FENCE = re.compile(r"^\{(code|noformat)(?::([^}|]*))?[^}]*\}(.*)$")


def wiki_to_markdown(text: str) -> str:
    if not text:
        return ""
    out: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fence: str | None = None
    table_header_done = False
    for line in lines:
        if fence is not None:
            end = line.find("{" + fence + "}")
            if end >= 0:
                if line[:end]:
                    out.append(line[:end])
                out.append("```")
                fence = None
            else:
                out.append(line)
            continue
        stripped = line.strip()
        opened = _FENCE.match(stripped)
        if opened:
            fence = opened.group(1)
            out.append("```" + (opened.group(2) or "").strip() if fence == "code" else "```")
            rest = opened.group(3)
            close = rest.find("{" + fence + "}")
            if close >= 0:
                out += [rest[:close], "```"] if rest[:close] else ["```"]
                fence = None
            elif rest:
                out.append(rest)
            continue
        if stripped.startswith("||"):
            cells = [c.strip() for c in stripped.strip("|").split("||")]
            out.append("| " + " | ".join(_inline(c) for c in cells) + " |")
            out.append("|" + " --- |" * len(cells))
            table_header_done = True
            continue
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not table_header_done:  # a table without a header row: make an empty one
                out.append("|" + "  |" * len(cells))
                out.append("|" + " --- |" * len(cells))
                table_header_done = True
            out.append("| " + " | ".join(_inline(c) for c in cells) + " |")
            continue
        table_header_done = False
        heading = _HEADING.match(stripped)
        if heading:
            out.append("#" * int(heading.group(1)) + " " + _inline(heading.group(2)))
            continue
        if stripped.startswith("bq. "):
            out.append("> " + _inline(stripped[4:]))
            continue
        if stripped in ("{quote}",):
            continue
        bullet = _BULLET.match(stripped)
        if bullet and not (bullet.group(1) == "-" and stripped.startswith("--")):
            marks = bullet.group(1)
            indent = "   " * (len(marks) - 1) if marks[-1] == "#" else "  " * (len(marks) - 1)
            lead = "1." if marks[-1] == "#" else "-"
            out.append(f"{indent}{lead} {_inline(bullet.group(2))}")
            continue
        if stripped == "----":
            out.append("---")
            continue
        out.append(_inline(line))
    if fence is not None:
        out.append("```")
    return "\n".join(out).strip()


def _inline(text: str) -> str:
    text = _COLOR.sub("", text)
    text = _MONO.sub(lambda m: f"`{m.group(1)}`", text)
    text = _LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", text)
    text = _BARE_LINK.sub(lambda m: f"<{m.group(1)}>", text)
    text = _BOLD.sub(lambda m: f"**{m.group(1)}**", text)
    text = _ITALIC.sub(lambda m: f"*{m.group(1)}*", text)
    text = _STRIKE.sub(lambda m: f"~~{m.group(1)}~~", text)
    return text
