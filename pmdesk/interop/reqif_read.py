"""ReqIF (.reqif, .reqifz) as incoming records, tolerant of what DOORS, Polarion,
ReqIF Studio, Enterprise Architect and Eclipse RMF write: namespaces or none,
missing LONG-NAMEs, hundreds of attribute definitions, tool extensions. The
specification's SPEC-HIERARCHY gives the tree, SPEC-RELATIONs the links; XHTML
text becomes Markdown. What pmdesk has no field for becomes a custom field."""

from __future__ import annotations

import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.vocabulary import CUSTOM_KINDS
from pmdesk.interop.fields import ValueProblemError, convert
from pmdesk.interop.incoming import Incoming, InteropError, LinkRecord, Problem, Record
from pmdesk.interop.markdown_xhtml import shape_digest, xhtml_items, xhtml_to_markdown
from pmdesk.interop.reqif_names import ALIASES, ATTRIBUTES, CUSTOM_DESC

_BY_NAME = {name.casefold(): field for field, name in ATTRIBUTES.items()} | ALIASES
_ENUM_FIELDS = ("kind", "status", "priority", "kano")


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(element: Any) -> str:
    """The element's namespace as a tag prefix ("{…}", or "" when it has none): ReqIF's
    own elements share it, whichever prefix or default the file declares."""
    tag = element.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _children(element: Any, name: str) -> list[Any]:
    return list(element.iterchildren(_ns(element) + name))


def _child(element: Any, name: str) -> Any:
    return element.find(_ns(element) + name)


def _descendants(element: Any, name: str) -> list[Any]:
    return list(element.iter(_ns(element) + name))


def _ref_text(element: Any, wrapper: str) -> str:
    """The text of the *-REF inside `wrapper` (TYPE, DEFINITION, OBJECT …)."""
    holder = _child(element, wrapper)
    if holder is None:
        return ""
    for c in holder:
        if _local(c).endswith("-REF") and c.text:
            return str(c.text).strip()
    return ""


def _describe(element: Any) -> str:
    ident = element.get("IDENTIFIER")
    return (
        f"{_local(element)} {ident!r}"
        if ident
        else f"<{_local(element)}> (line {element.sourceline})"
    )


def _load(path: Path) -> bytes:
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".reqif")]
                if not names:
                    raise InteropError(
                        f"{path.name} is a zip archive without a .reqif file inside."
                    )
                return archive.read(names[0])
        except zipfile.BadZipFile:
            raise InteropError(
                f"{path.name} is a damaged zip archive, not a ReqIFz file."
            ) from None
    return data


def read_reqif(path: Path) -> Incoming:
    data = _load(path)
    if not data.strip():
        raise InteropError(f"{path.name} is empty, not a ReqIF file.")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise InteropError(f"{path.name} is not XML ({e}).") from None
    if _local(root) != "REQ-IF":
        raise InteropError(
            f"{path.name} is XML but not ReqIF: its root element is <{_local(root)}>, not <REQ-IF>."
        )
    content = next(iter(_descendants(root, "REQ-IF-CONTENT")), None)
    if content is None:
        raise InteropError(f"{path.name} has no REQ-IF-CONTENT: there are no requirements in it.")
    return _Reader(path.name, content).read()


class _Reader:
    def __init__(self, name: str, content: Any) -> None:
        self.name = name
        self.content = content
        self.datatypes: dict[str, tuple[str, dict[str, str]]] = {}  # id → (kind, enum id → name)
        self.definitions: dict[str, tuple[str, str]] = {}  # id → (field or "", its name)
        self.definition_types: dict[str, str] = {}  # attribute definition id → datatype id
        self.uids: dict[str, str] = {}  # SPEC-OBJECT identifier → record uid
        self.incoming = Incoming(name, [])
        self.memo: dict[tuple[str, str], Any] = {}
        self.custom_kinds: dict[str, tuple[str, list[str]]] = {}  # attribute name → hint

    def fail(self, element: Any, what: str) -> InteropError:
        return InteropError(f"{self.name}: {_describe(element)} {what}.")

    def read(self) -> Incoming:
        self._datatypes()
        self._definitions()
        objects = self._objects()
        self._hierarchy(objects)
        self._relations()
        return self.incoming

    def _datatypes(self) -> None:
        holder = _child(self.content, "DATATYPES")
        for element in holder if holder is not None else []:
            ident = element.get("IDENTIFIER")
            if not ident:
                continue
            kind = _local(element).removeprefix("DATATYPE-DEFINITION-")
            values = {}
            for value in _descendants(element, "ENUM-VALUE"):
                embedded = next(iter(_descendants(value, "EMBEDDED-VALUE")), None)
                label = value.get("LONG-NAME") or (
                    embedded.get("OTHER-CONTENT") if embedded is not None else None
                )
                values[value.get("IDENTIFIER", "")] = label or value.get("IDENTIFIER", "")
            self.datatypes[ident] = (kind, values)

    def _definitions(self) -> None:
        spec_types = _child(self.content, "SPEC-TYPES")
        for element in spec_types.iter() if spec_types is not None else ():
            name = _local(element)
            if not name.startswith("ATTRIBUTE-DEFINITION-") or name.endswith("-REF"):
                continue
            ident = element.get("IDENTIFIER")
            if not ident:
                continue
            datatype = _ref_text(element, "TYPE")
            if datatype and datatype not in self.datatypes:
                raise self.fail(element, f"refers to datatype {datatype!r}, which is not defined")
            label = element.get("LONG-NAME") or ident
            self.definition_types[ident] = datatype
            field = _BY_NAME.get(label.strip().casefold(), "")
            if element.get("DESC", "").startswith(CUSTOM_DESC):
                field = ""  # pmdesk's own custom field, whatever its name
            self.definitions[ident] = (field, label)
            if not field:
                self.custom_kinds[label] = self._custom_kind(element, datatype)

    def _custom_kind(self, element: Any, datatype: str) -> tuple[str, list[str]]:
        """What an attribute pmdesk has no field for becomes: a custom field of the
        kind its datatype says (pmdesk's own say it in DESC), its options an
        enumeration's values."""
        kind = _local(element).removeprefix("ATTRIBUTE-DEFINITION-")
        options = list(self.datatypes.get(datatype, ("", {}))[1].values())
        said = element.get("DESC", "")
        if said.startswith(CUSTOM_DESC) and said[len(CUSTOM_DESC) :] in CUSTOM_KINDS:
            named = said[len(CUSTOM_DESC) :]
            return named, options if named in ("choice", "choices") else []
        if kind == "ENUMERATION":
            multi = element.get("MULTI-VALUED", "false").strip().lower() == "true"
            return ("choices" if multi else "choice"), options
        return {"REAL": "number", "INTEGER": "number", "DATE": "date"}.get(kind, "text"), []

    def _objects(self) -> dict[str, Record]:
        records: dict[str, Record] = {}
        holder = _child(self.content, "SPEC-OBJECTS")
        ns = _ns(self.content)
        values_tag, definition_path = f"{ns}VALUES", f"{ns}DEFINITION/*"
        for element in _children(holder, "SPEC-OBJECT") if holder is not None else []:
            ident = element.get("IDENTIFIER")
            if not ident:
                raise self.fail(element, "has no IDENTIFIER")
            where = f"SPEC-OBJECT {ident!r}"
            record = Record(where, {})
            texts: dict[str, Any] = {}
            found = element.find(values_tag)
            for value in found if found is not None else ():
                kind = _local(value)
                if not kind.startswith("ATTRIBUTE-VALUE-"):
                    continue
                definition = (value.findtext(definition_path) or "").strip()
                if definition not in self.definitions:
                    raise InteropError(
                        f"{self.name}: {where} has an {kind} of attribute definition "
                        f"{definition!r}, which is not defined."
                    )
                field, label = self.definitions[definition]
                raw = self._value(value, kind, definition)
                if raw is None:
                    continue
                if not field:  # kept as a custom field of the attribute's name
                    if isinstance(raw, list | str):
                        record.custom[label] = raw
                    else:  # XHTML
                        record.custom[label] = xhtml_to_markdown(_only_child(raw))
                    continue
                texts[field] = raw
            self._fields(record, texts, element)
            uid = _uid_of(ident)
            record.values["uid"] = uid
            self.uids[ident] = uid
            records[ident] = record
        used = {name for r in records.values() for name in r.custom}
        self.incoming.custom_kinds = {
            name: hint for name, hint in self.custom_kinds.items() if name in used
        }
        return records

    def _convert(self, field: str, text: str) -> Any:
        """convert(), remembered for values that repeat (enumerations, dates, names)."""
        if field in ("title", "key"):
            return convert(field, text)
        key = (field, text)
        if key not in self.memo:
            try:
                self.memo[key] = convert(field, text)
            except ValueProblemError as e:
                self.memo[key] = e
        found = self.memo[key]
        if isinstance(found, ValueProblemError):
            raise found
        return found

    def _value(self, value: Any, kind: str, definition: str) -> Any:
        if kind == "ATTRIBUTE-VALUE-XHTML":
            the_value = _child(value, "THE-VALUE")
            if the_value is None:
                return None
            return the_value
        if kind == "ATTRIBUTE-VALUE-ENUMERATION":
            datatype = self.datatypes.get(self.definition_types.get(definition, ""), ("", {}))[1]
            refs = [r.text.strip() for r in _descendants(value, "ENUM-VALUE-REF") if r.text]
            return [datatype.get(r, r) for r in refs]
        found = value.get("THE-VALUE")
        if found is None:
            found_el = _child(value, "THE-VALUE")
            found = found_el.text if found_el is not None else None
        return found

    def _fields(self, record: Record, texts: dict[str, Any], element: Any) -> None:
        markdown = texts.pop("markdown", None)
        digest = texts.pop("digest", None)
        for field, raw in texts.items():
            try:
                if field == "description":
                    if isinstance(raw, str):
                        record.values[field] = raw
                        continue
                    fragment = _only_child(raw)
                    # pmdesk's own Markdown, unless another tool changed the text since
                    kept = isinstance(markdown, str) and digest == shape_digest(fragment)
                    record.values[field] = markdown if kept else xhtml_to_markdown(fragment)
                elif field == "acceptance":
                    record.values[field] = (
                        xhtml_items(_only_child(raw))
                        if not isinstance(raw, str)
                        else convert(field, raw)
                    )
                elif field == "tags":
                    record.values[field] = convert(
                        field, ", ".join(raw) if isinstance(raw, list) else _plain(raw)
                    )
                elif isinstance(raw, list):
                    if raw:
                        value = self._convert(field, raw[0])
                        if value is not None or field in ("priority", "kano"):
                            record.values[field] = value
                else:
                    value = self._convert(field, _plain(raw))
                    if value is not None or field not in ("kind", "status"):
                        record.values[field] = value
            except ValueProblemError as e:
                self.incoming.problems.append(
                    Problem(record.where, e.code, e.params, len(self.incoming.records))
                )
        if "title" not in record.values or not str(record.values["title"]).strip():
            text = str(record.values.get("description", "")).strip().splitlines()
            first = re.sub(r"[*_`#>|]", "", text[0]).strip()[:80] if text else ""
            fallback = element.get("LONG-NAME") or first or element.get("IDENTIFIER")
            record.values["title"] = fallback

    def _hierarchy(self, records: dict[str, Record]) -> None:
        holder = _child(self.content, "SPECIFICATIONS")
        specs = _children(holder, "SPECIFICATION") if holder is not None else []
        placed: set[str] = set()
        ordered: list[Record] = []
        wrap = len(specs) > 1
        if len(specs) == 1:
            self.incoming.title = specs[0].get("LONG-NAME") or ""

        def walk(parent_element: Any, parent_uid: str) -> None:
            children = _child(parent_element, "CHILDREN")
            for item in _children(children, "SPEC-HIERARCHY") if children is not None else []:
                ref = _ref_text(item, "OBJECT")
                if ref not in records:
                    raise self.fail(item, f"refers to SPEC-OBJECT {ref!r}, which is not defined")
                uid = parent_uid
                if ref not in placed:
                    placed.add(ref)
                    record = records[ref]
                    record.values["parent"] = parent_uid
                    ordered.append(record)
                    uid = record.values["uid"]
                walk(item, uid)

        for spec in specs:
            top = ""
            if wrap:
                ident = spec.get("IDENTIFIER") or str(uuid.uuid4())
                top = _uid_of(ident)
                title = spec.get("LONG-NAME") or ident
                ordered.append(
                    Record(
                        f"SPECIFICATION {ident!r}",
                        {"uid": top, "title": title, "kind": "epic", "parent": ""},
                    )
                )
            walk(spec, top)
        for ident, record in records.items():
            if ident not in placed:
                record.values["parent"] = ""
                ordered.append(record)
        self.incoming.records = ordered
        index = {id(r): i for i, r in enumerate(ordered)}
        self.incoming.problems = [
            Problem(
                p.where,
                p.code,
                p.params,
                next((index[id(r)] for r in ordered if r.where == p.where), -1),
            )
            for p in self.incoming.problems
        ]

    def _relations(self) -> None:
        holder = _child(self.content, "SPEC-RELATIONS")
        types = {
            e.get("IDENTIFIER"): e.get("LONG-NAME") or e.get("IDENTIFIER") or ""
            for e in _descendants(self.content, "SPEC-RELATION-TYPE")
        }
        for element in _children(holder, "SPEC-RELATION") if holder is not None else []:
            ends = []
            for side in ("SOURCE", "TARGET"):
                ref = _ref_text(element, side)
                if ref not in self.uids:
                    raise self.fail(
                        element, f"has a {side} {ref!r} that is not a SPEC-OBJECT of the file"
                    )
                ends.append(self.uids[ref])
            type_ref = _ref_text(element, "TYPE")
            if type_ref and type_ref not in types:
                raise self.fail(
                    element, f"refers to SPEC-RELATION-TYPE {type_ref!r}, which is not defined"
                )
            kind = _link_type(types.get(type_ref, ""))
            where = _describe(element)
            self.incoming.links.append(LinkRecord(where, ends[0], ends[1], kind))


def _uid_of(ident: str) -> str:
    for candidate in (ident.removeprefix("_"), ident):
        try:
            return str(uuid.UUID(candidate))
        except ValueError:
            continue
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, "reqif:" + ident)
    )  # the same file gives the same uids


def _link_type(name: str) -> str:
    folded = name.strip().casefold().replace(" ", "_")
    if folded in vocabulary.LINK_TYPES:
        return folded
    for word, kind in (
        ("depend", "depends_on"),
        ("block", "blocks"),
        ("duplicat", "duplicates"),
        ("deriv", "derived_from"),
        ("refine", "derived_from"),
        ("satisf", "derived_from"),
        ("trace", "derived_from"),
    ):
        if word in folded:
            return kind
    return "relates_to"


def _only_child(the_value: Any) -> Any:
    """THE-VALUE's one xhtml:div (or the THE-VALUE itself when it holds several)."""
    elements = [c for c in the_value if isinstance(c.tag, str)]
    if len(elements) == 1 and not (the_value.text or "").strip():
        return elements[0]
    return the_value


def _plain(raw: Any) -> str:
    if isinstance(raw, str):
        return raw
    return "".join(raw.itertext()).strip()
