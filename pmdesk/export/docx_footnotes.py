"""Word footnotes: `w:footnoteReference` runs in the text and the `word/footnotes.xml` part.

Word numbers footnotes itself, in the order their references stand, so a note
gets the id of its first reference (1, 2, …) and that is also its number. A
second reference to the same note (GFM allows it, Word does not) is the number
as superscript text. The part starts with the separator (-1) and continuation
separator (0) notes, as Word writes them; links in a note are relationships of
the footnotes part, not of the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from pmdesk.export.doc import Block, Paragraph, Run, Runs
from pmdesk.export.footnotes import gather_footnotes
from pmdesk.export.text_safety import strip_illegal_chars as clean
from pmdesk.export.wordml_order import run_properties

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)


class BlockWriter(Protocol):
    """What of the body writer (`docx_body`) a note's text is written with."""

    def paragraph(self, runs: Runs, role: str = "body", extra: str = "") -> str: ...

    def block(self, block: Block, out: list[str], *, quote: bool, top: bool = False) -> None: ...


class DocxFootnotes:
    """The notes of one export: references numbered as the body is written."""

    def __init__(self, blocks: list[Block], styles: dict[str, str]) -> None:
        self.notes = gather_footnotes(blocks)
        self.ids: dict[str, int] = {}  # label → w:id, in the order of first references
        self.reference_style = styles.get("footnote_reference", "")
        # A template without the styles resolves them to its body style: not for a run.
        self.known = {self.reference_style} - {styles.get("body", "")}
        self.in_notes = False
        self.nested: dict[str, int] = {}  # a note only a note refers to → its number
        self.pending: list[str] = []  # such notes to write under the note being written

    def _marker_props(self) -> str:
        style = self.reference_style
        props = f'<w:rStyle w:val="{style}"/>' if style in self.known else ""
        props += '<w:vertAlign w:val="superscript"/>'
        return f"<w:rPr>{run_properties(props)}</w:rPr>"

    def reference(self, run: Run) -> str:
        """The run of a reference: a real footnote reference the first time."""
        label = run.footnote or ""
        props = self._marker_props()
        deleted = run.change is not None and not run.change.inserted  # a redline's
        if self.in_notes and label in self.notes and label not in self.ids | self.nested:
            # Word has no reference inside a note: the note it cites goes under this one.
            self.nested[label] = len(self.ids) + len(self.nested) + 1
            self.pending.append(label)
        if label not in self.notes or self.in_notes or label in self.ids or deleted:
            shown = str(self.ids.get(label) or self.nested.get(label) or run.text)
            return f'<w:r>{props}<w:t xml:space="preserve">{escape(clean(shown))}</w:t></w:r>'
        self.ids[label] = len(self.ids) + 1
        return f'<w:r>{props}<w:footnoteReference w:id="{self.ids[label]}"/></w:r>'

    def _text(self, label: str, writer: BlockWriter, mark: str) -> list[str]:
        """A note's text as paragraphs, `mark` (its number) leading the first."""
        out: list[str] = []
        for block in self.notes[label].blocks:
            if isinstance(block, Paragraph):
                out.append(writer.paragraph(block.runs, "footnote_text"))
            else:
                writer.block(block, out, quote=False)
        if not out or not out[0].startswith("<w:p>"):
            out.insert(0, writer.paragraph([], "footnote_text"))
        out[0] = out[0].replace("</w:pPr>", "</w:pPr>" + mark, 1)
        return out

    def part_xml(self, writer: BlockWriter) -> str:
        """`word/footnotes.xml`: each note's text in the "footnote text" style, its
        number (`w:footnoteRef`) leading the first paragraph."""
        self.in_notes = True
        notes = []
        mark = f"<w:r>{self._marker_props()}<w:footnoteRef/></w:r>"
        mark += '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
        for label, number in self.ids.items():
            out = self._text(label, writer, mark)
            while self.pending:  # the notes only this one refers to, numbered after all
                cited = self.pending.pop(0)
                shown = f'<w:t xml:space="preserve">{self.nested[cited]} </w:t>'
                out += self._text(cited, writer, f"<w:r>{self._marker_props()}{shown}</w:r>")
            notes.append(f'<w:footnote w:id="{number}">{"".join(out)}</w:footnote>')
        self.in_notes = False
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:footnotes {nsdecls('w', 'r')}>{_SEPARATORS}{''.join(notes)}</w:footnotes>"
        )


def footnotes_part(word: WordDocument) -> Part:
    """The document's footnotes part: the template's, or a new one related to it."""
    document_part = word.part
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part: Part = rel.target_part
            return part
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"", document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def set_blob(part: Part, xml: str) -> None:
    """The part's content (python-docx reads footnotes as an opaque part)."""
    if isinstance(part, XmlPart):
        part._element = parse_xml(xml.encode("utf-8"))  # python-docx has no API for it
    else:
        part._blob = xml.encode("utf-8")
