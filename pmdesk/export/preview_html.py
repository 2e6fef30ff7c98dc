"""The document pane's preview of one PRD section, as the PRD will show it.

The section's heading and the headings in it carry the numbers and anchors of
the export (`markdown_html.PreviewSection`), `{{product}}` fields show the
project's properties and ```` ```pmdesk ```` blocks the live project content
(`directive_html`). Runs on a worker thread with its own read connection.
"""

from __future__ import annotations

from sqlalchemy import Connection

from pmdesk.core.domain.inline_fields import expand_fields
from pmdesk.core.queries.setup import field_values, project_info
from pmdesk.export.directive_html import render_directive_html
from pmdesk.export.markdown_html import PreviewSection, render_html


def render_preview_html(
    conn: Connection,
    text: str,
    *,
    language: str,
    section: PreviewSection,
    image_width: int | None = None,
) -> str:
    """`text`, the body of `section`, as preview HTML (see `render_html`)."""

    def expand(body: str) -> str:
        return render_directive_html(body, conn, language=language, image_width=image_width)

    fields = field_values(project_info(conn), language)
    title = expand_fields(section.title, fields, markdown=False)
    shown = PreviewSection(title, section.number)
    return render_html(expand_fields(text, fields), expand, language=language, section=shown)
