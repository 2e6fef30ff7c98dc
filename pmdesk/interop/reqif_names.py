"""The names pmdesk's ReqIF files give their types and attributes: ReqIF's
conventional `ReqIF.*` names where there is one (DOORS, Polarion and ReqIF
Studio read them), plain words for the rest."""

from __future__ import annotations

from pmdesk.core.domain import vocabulary

NS = "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"
XHTML_NS = "http://www.w3.org/1999/xhtml"
CUSTOM_DESC = "pmdesk custom field: "  # + its kind, in a custom field's DESC (schema 9)

# field → LONG-NAME of its attribute definition, and the names other tools use
ATTRIBUTES = {
    "key": "ReqIF.ForeignID",
    "title": "ReqIF.Name",
    "description": "ReqIF.Text",
    "digest": "pmdesk.TextDigest",  # ReqIF.Text's fingerprint as pmdesk wrote it
    "markdown": "pmdesk.Markdown",  # the description as written, kept while ReqIF.Text is unchanged
    "kind": "Kind",
    "status": "Status",
    "priority": "Priority",
    "kano": "Kano",
    "owner": "Owner",
    "tags": "Tags",
    "acceptance": "Acceptance criteria",
    "release": "Release",
    "lane": "Lane",
    "start": "Start",
    "end": "End",
    "reach": "Reach",
    "impact": "Impact",
    "confidence": "Confidence",
    "effort": "Effort",
    "source": "Source",
    "value": "Business value",
    "horizon": "Horizon",
    "persona": "Persona",
}
ENUMS = {
    "kind": vocabulary.KINDS,
    "status": vocabulary.STATUSES,
    "priority": vocabulary.PRIORITIES,
    "kano": vocabulary.KANO,
    "horizon": vocabulary.HORIZONS,
}
REAL = ("reach", "impact", "confidence", "effort", "value")
XHTML = ("description", "acceptance")
# What other tools call these (folded LONG-NAMEs): the reader takes any of them.
ALIASES = {
    "reqif.foreignid": "key",
    "id": "key",
    "identifier": "key",
    "object identifier": "key",
    "absolute number": "key",
    "reqif.name": "title",
    "reqif.chaptername": "title",
    "title": "title",
    "name": "title",
    "object heading": "title",
    "heading": "title",
    "summary": "title",
    "reqif.text": "description",
    "object text": "description",
    "text": "description",
    "description": "description",
    "reqif.description": "description",
    "pmdesk.markdown": "markdown",
    "reqif.foreigncreatedby": "source",
    "type": "kind",
    "object type": "kind",
    "state": "status",
    "due date": "end",
    "start date": "start",
    "end date": "end",
    "assignee": "owner",
    "owner": "owner",
    "value": "value",
    "价值": "value",
    "用户画像": "persona",
    "时间范围": "horizon",
}
