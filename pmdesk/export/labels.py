"""Words the exported documents and the preview use, in Chinese and English.

Exports run without Qt (the command line), so they cannot use Qt's
translations: the names of values and fields come from the core's vocabulary
(pmdesk.core.domain.vocabulary), the same one the window shows through Qt, so a value
reads the same in the window and in the document. The document's own phrases
(headings, revision history, notes) are here.
"""

from __future__ import annotations

from collections.abc import Mapping

from pmdesk.core.domain.vocabulary import (
    CONFIDENTIALITY_TERMS,
    DOCUMENT_STATUS_TERMS,
    FIELD_TERMS,
    KANO_TERMS,
    KIND_TERMS,
    LINK_TERMS,
    PRIORITY_TERMS,
    STATUS_TERMS,
    VALUE_TERMS,
    Term,
)

LANGUAGES = ("zh", "en")


def _in_documents(terms: Mapping[str, Term]) -> Mapping[str, Mapping[str, str]]:
    return {lang: {v: t.in_document(lang) for v, t in terms.items()} for lang in LANGUAGES}


STATUS_LABELS = _in_documents(STATUS_TERMS)
DOCUMENT_STATUS_LABELS = _in_documents(DOCUMENT_STATUS_TERMS)
CONFIDENTIALITY_LABELS = _in_documents(CONFIDENTIALITY_TERMS)
KANO_LABELS = _in_documents(KANO_TERMS)
KIND_LABELS = _in_documents(KIND_TERMS)
PRIORITY_LABELS: Mapping[str, str] = {v: t.in_document("en") for v, t in PRIORITY_TERMS.items()}
LINK_LABELS: Mapping[str, Mapping[tuple[str, bool], str]] = {
    lang: {key: t.in_document(lang) for key, t in LINK_TERMS.items()} for lang in LANGUAGES
}


# After a linked key whose link needs review (its target's text changed).
NEEDS_REVIEW = {"zh": "（需复核）", "en": " (needs review)"}


def link_phrase(kind: str, outgoing: bool, keys: list[str], language: str) -> str:
    """ "依赖：CRM-3、CRM-5" or "Depends on CRM-3, CRM-5"."""
    label = LINK_LABELS[language].get((kind, outgoing), kind)
    if language == "zh":
        return f"{label}：{'、'.join(keys)}"
    return f"{label} {', '.join(keys)}"


# The fields a document names (requirement tables, lists of changes).
DOCUMENT_FIELDS = (
    "key",
    "title",
    "kind",
    "status",
    "priority",
    "kano",
    "rice",
    "owner",
    "persona",
    "release",
    "lane",
    "dates",
    "links",
    "tags",
    "source",
    "description",
    "acceptance",
    "custom",  # schema 9: the heading of custom field changes
    # Named only in lists of changes (core.snapshot.compare compares them apart).
    "value",
    "horizon",
    "start",
    "end",
    "parent",
)
FIELD_LABELS: Mapping[str, Mapping[str, str]] = {
    lang: {f: FIELD_TERMS[f].in_document(lang) for f in DOCUMENT_FIELDS} for lang in LANGUAGES
}

TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "product": "产品",
        "version": "版本",
        "date": "日期",
        "authors": "作者",
        "revision_history": "修订记录",
        "contents": "目录",
        "requirements": "需求详情",
        "roadmap": "路线图",
        "appendix": "附录",
        "changes_since": "自基线「{name}」以来的变更",
        "index": "需求一览",
        "page": "第 {page} 页，共 {pages} 页",
        "doc_number": "文档编号",
        "doc_status": "文档状态",
        "confidentiality": "密级",
        "signoff": "审批记录",
        "signoff_role": "角色",
        "signoff_name": "姓名",
        "signoff_signature": "签名",
        "signoff_date": "日期",
        "figure": "图 {n}\u3000{caption}",
        "table": "表 {n}\u3000{caption}",
        "requirement_list": "需求列表",
        "releases": "发布计划",
        "rev_version": "版本",
        "rev_date": "日期",
        "rev_author": "修订人",
        "rev_summary": "说明",
        "rev_draft": "当前版本（未建基线）",
        "rev_first": "初稿",
        "rev_counts": "共 {n} 项需求",
        "rev_since": "较上一基线：新增 {added} 项，修改 {changed} 项，删除 {removed} 项",
        "none": "没有符合条件的需求。",
        "no_release": "项目中没有名为「{name}」的版本（现有版本：{names}）。",
        "no_baseline": "项目中没有名为「{name}」的基线（现有基线：{names}）。",
        "damaged_baseline": "基线「{name}」已损坏，未列入（{detail}）。",
        "no_roadmap": "项目中还没有带日期或版本的需求，路线图为空。",
        "roadmap_failed": "路线图未能生成：{reason}",
        "roadmap_summary": "（概览：只画出上层需求，另有 {n} 项需求未画出）",
        "added": "新增的需求",
        "removed": "删除的需求",
        "changed": "修改的需求",
        "no_changes": "自该基线以来需求没有变化。",
        "field": "字段",
        "before": "基线中",
        "after": "当前",
        "block_error": "pmdesk 内容块有误：",
        "legend_moscow": "MoSCoW：Must 必须 / Should 应该 / Could 可以 / Won't 本期不做",
        "generated": "本文档由 pmdesk 根据项目文件生成于 {date}。",
    },
    "en": {
        "product": "Product",
        "version": "Version",
        "date": "Date",
        "authors": "Authors",
        "revision_history": "Revision history",
        "contents": "Contents",
        "requirements": "Requirements",
        "roadmap": "Roadmap",
        "appendix": "Appendix",
        "changes_since": "Changes since baseline “{name}”",
        "index": "Requirement index",
        "page": "Page {page} of {pages}",
        "doc_number": "Document number",
        "doc_status": "Status",
        "confidentiality": "Confidentiality",
        "signoff": "Approval",
        "signoff_role": "Role",
        "signoff_name": "Name",
        "signoff_signature": "Signature",
        "signoff_date": "Date",
        "figure": "Figure {n}. {caption}",
        "table": "Table {n}. {caption}",
        "requirement_list": "Requirements",
        "releases": "Releases",
        "rev_version": "Version",
        "rev_date": "Date",
        "rev_author": "Author",
        "rev_summary": "Summary",
        "rev_draft": "Current (no baseline yet)",
        "rev_first": "First draft",
        "rev_counts": "{n} requirements",
        "rev_since": "Since the previous baseline: {added} added, {changed} changed, "
        "{removed} removed",
        "none": "No requirements match.",
        "no_release": "The project has no release named “{name}” (releases: {names}).",
        "no_baseline": "The project has no baseline named “{name}” (baselines: {names}).",
        "damaged_baseline": "The baseline “{name}” is damaged and left out ({detail}).",
        "no_roadmap": "No requirement has dates or a release yet, so the roadmap is empty.",
        "roadmap_failed": "The roadmap picture could not be drawn: {reason}",
        "roadmap_summary": " (overview of the top levels; {n} more requirements not drawn)",
        "added": "Added requirements",
        "removed": "Removed requirements",
        "changed": "Changed requirements",
        "no_changes": "No requirement changed since that baseline.",
        "field": "Field",
        "before": "In the baseline",
        "after": "Now",
        "block_error": "pmdesk block error: ",
        "legend_moscow": "MoSCoW: Must / Should / Could / Won't (not this time)",
        "generated": "Generated by pmdesk from the project file on {date}.",
    },
}


def language_of(language: str) -> str:
    """A supported document language ("zh" or "en"); anything else reads English."""
    return language if language in LANGUAGES else "en"


def value_label(field: str, value: str | None, language: str) -> str:
    """A stored vocabulary value (status, priority, Kano, kind) as readers see it;
    nothing for a priority or Kano category not assessed (None)."""
    if value is None:
        return ""
    term = VALUE_TERMS.get(field, {}).get(value)
    return value if term is None else term.in_document(language)


def format_score(score: float) -> str:
    """A RICE score as people read it: 20,267 or 3.75, never 3e+15."""
    if abs(score) >= 100:
        return f"{score:,.0f}"
    return f"{score:,.2f}".rstrip("0").rstrip(".")


def join_names(names: list[str], language: str) -> str:
    return ("、" if language == "zh" else ", ").join(names) or "—"
