"""The neutral document tree every PRD renderer reads.

`prd_build` turns a project into these blocks once; `render_markdown` and
`render_docx` only lay them out. Text here is already clean: characters XML
cannot hold were dropped when the tree was built, so renderers never check.

Blocks are plain dataclasses (no behaviour) so a renderer is a single
`match` over them and a new renderer cannot disagree about content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """A run inserted or deleted since a baseline (a redline): Word's `w:ins`/`w:del`."""

    inserted: bool
    author: str
    date: str
    """When, as UTC ISO 8601 with a Z (`2027-01-08T10:00:00Z`)."""
    id: int
    """Unique in the document; renderers derive the paragraph's and row's marks from it."""


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one look. `href` makes it a link: web, mail, `#anchor` or,
    from the author's Markdown, a relative path (each renderer keeps what it can show)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    title: str = ""
    """A link's title (a tooltip)."""
    image: bool = False
    """The text is a picture's alt text: pictures are never loaded, `href` is its source."""
    change: TrackedChange | None = None
    """Set only in a redline (`export.redline`): what happened to this text since the baseline."""
    footnote: str | None = None
    """A footnote reference: the `Footnote.label` it points at; `text` is the author's
    marker (`src` of `[^src]`). Renderers number references in document order
    (`footnotes.FootnoteNumbers`), as GitHub and Word do, and show that number."""


Runs = list[Run]
"""Inline content; a `Run` whose text is "\\n" is a line break."""


def requirement_anchor(key: str) -> str:
    """The anchor of a requirement's heading; a Run with href `#` + this links to it."""
    return f"req:{key}"


LINE_BREAK = Run("\n")


@dataclass(slots=True)
class Paragraph:
    runs: Runs
    style: str = "body"
    """`body`, `note` (small grey text), `label` (a bold lead-in line), `error`, or
    `caption` (a numbered table's "表 1　…" line, above the table)."""


@dataclass(slots=True)
class Heading:
    level: int
    """1 for a chapter; renderers clamp deep levels to what they can show."""
    text: str
    numbered: bool = True
    """Numbered headings read "2.3 Title"; front and back matter are not numbered."""
    anchor: str | None = None
    """A name links can point at as `#anchor` (a requirement's heading: `req:CRM-2`)."""
    runs: Runs | None = None
    """The text with its looks (emphasis, code) when the author wrote some."""


@dataclass(slots=True)
class ListItem:
    blocks: list[Block]
    checked: bool | None = None
    """True/False for a task-list item (☑/☐), None for an ordinary item."""


@dataclass(slots=True)
class ListBlock:
    ordered: bool
    items: list[ListItem]
    start: int = 1
    loose: bool = False
    """Items set apart by blank lines (each item's text is a paragraph of its own)."""


@dataclass(slots=True)
class CodeBlock:
    text: str
    language: str = ""


@dataclass(slots=True)
class Quote:
    blocks: list[Block]


@dataclass(slots=True)
class Table:
    header: list[Runs]
    rows: list[list[Runs]]
    widths: list[float] | None = None
    """Relative column widths; None lets the renderer share the width by content."""
    align: list[str] | None = None
    """Per column "left", "center" or "right" (Markdown tables can ask for it)."""
    kind: str = "data"
    """`data` (header row on top) or `facts` (label column on the left, no header)."""
    caption: str = ""
    """What the table shows ("修订记录"); `captions.number_captions` numbers it "表 3　…"."""


@dataclass(slots=True)
class Image:
    png: bytes
    width: int
    height: int
    """Pixel size; renderers scale to the text width keeping the aspect ratio."""
    caption: str = ""
    name: str = "picture"
    """A file name stem for renderers that write the picture beside the text."""
    wide: bool = False
    """Worth a landscape page of its own in a paged document (the roadmap)."""


@dataclass(slots=True)
class Footnote:
    """A footnote's text, referenced by runs whose `footnote` is `label`. The reader puts
    a text's notes after its blocks; labels are unique in the document (two sections'
    `[^1]` are two labels), so renderers may gather the notes wherever they lie."""

    label: str
    blocks: list[Block]


@dataclass(slots=True)
class Rule:
    pass


@dataclass(slots=True)
class PageBreak:
    pass


@dataclass(slots=True)
class Contents:
    """A table of contents of the numbered headings (levels 1 to `depth`)."""

    title: str
    depth: int = 3


@dataclass(slots=True)
class Cover:
    title: str
    subtitle: str
    facts: list[tuple[str, str]]
    """Label and value lines under the title (product, version, date, authors)."""
    organisation: str = ""
    """Who publishes the document, shown on the cover (and in the footer)."""
    logo: Image | None = None
    """The organisation's or product's logo, drawn small above the title."""


Block = (
    Paragraph
    | Heading
    | ListBlock
    | CodeBlock
    | Quote
    | Table
    | Image
    | Rule
    | PageBreak
    | Contents
    | Cover
    | Footnote
)


@dataclass(frozen=True, slots=True)
class ExportProblem:
    """Something the document shows as an error in place (a broken pmdesk block, a
    baseline that cannot be read): listed before the file is written."""

    section: str
    """The section's title as exported; "" for the document's own parts."""
    line: int
    """The line in the section's Markdown where the block starts (1-based; 0: none)."""
    message: str
    """One sentence in the export's language."""
    section_uid: str = field(default="", compare=False)
    """The section's uid, so the window can show it ("" outside a section)."""


@dataclass(slots=True)
class Document:
    title: str
    language: str
    """"zh" or "en": the language of headings and labels."""
    header: str
    """Running header text (product and version)."""
    page_label: str
    """Footer text with `{page}` and `{pages}`: "Page {page} of {pages}"."""
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    """Who the document is by (the project's authors), for the file's properties."""
    organisation: str = ""
    """Running footer text beside the page number (the project's organisation)."""
    problems: list[ExportProblem] = field(default_factory=list)
    """What the blocks show as errors, in document order, for the writer to list first."""


def plain_text(runs: Runs) -> str:
    return "".join(run.text for run in runs)


_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def heading_slug(text: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, blanks to hyphens
    (`4 需求列表` → `4-需求列表`). Repeated headings get `-1`, `-2`… from the caller."""
    return _SLUG_DROP.sub("", text.strip().lower()).replace(" ", "-")
