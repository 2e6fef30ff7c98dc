"""A table of plain values as the preview's HTML (QTextBrowser): the `kano` and
`ranking` blocks show their figures this way."""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

TABLE_OPEN = '<table border="1" cellpadding="4" cellspacing="0" width="100%">'


def values_table_html(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int]
) -> str:
    """`rows` under `header`, escaped; the columns in `right` (figures) right-aligned."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = [
            f'<td align="right">{html.escape(v)}</td>'
            if n in right
            else f"<td>{html.escape(v)}</td>"
            for n, v in enumerate(row)
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"{TABLE_OPEN}<tr>{head}</tr>{''.join(body)}</table>"
