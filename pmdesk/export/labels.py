"""Words the exported documents and the preview use, in Chinese and English.

Exports run without Qt (the command line), so they cannot use Qt's
translations; these tables mirror the UI's names (app/labels.py) so a value
reads the same in the window and in the document.

Priorities keep the MoSCoW words Must/Should/Could/Won't in both languages,
because Chinese PRDs (the bundled sample included) write "Must 需求" in prose.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("zh", "en")

STATUS_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "idea": "想法",
        "draft": "草稿",
        "review": "评审中",
        "approved": "已批准",
        "in_progress": "开发中",
        "done": "已完成",
        "rejected": "已拒绝",
    },
    "en": {
        "idea": "Idea",
        "draft": "Draft",
        "review": "In review",
        "approved": "Approved",
        "in_progress": "In progress",
        "done": "Done",
        "rejected": "Rejected",
    },
}
KANO_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "basic": "基本型",
        "performance": "期望型",
        "delighter": "兴奋型",
        "indifferent": "无差异",
        "reverse": "反向",
    },
    "en": {
        "basic": "Basic",
        "performance": "Performance",
        "delighter": "Delighter",
        "indifferent": "Indifferent",
        "reverse": "Reverse",
    },
}
KIND_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "epic": "史诗",
        "feature": "功能",
        "story": "用户故事",
        "requirement": "需求",
        "nfr": "非功能需求",
    },
    "en": {
        "epic": "Epic",
        "feature": "Feature",
        "story": "Story",
        "requirement": "Requirement",
        "nfr": "Non-functional",
    },
}
PRIORITY_LABELS: Mapping[str, str] = {
    "must": "Must",
    "should": "Should",
    "could": "Could",
    "wont": "Won't",
}
LINK_LABELS: Mapping[str, Mapping[tuple[str, bool], str]] = {
    # (type, outgoing): outgoing reads "this requirement <label> other".
    "zh": {
        ("depends_on", True): "依赖",
        ("depends_on", False): "被依赖",
        ("blocks", True): "阻塞",
        ("blocks", False): "被阻塞",
        ("relates_to", True): "相关",
        ("relates_to", False): "相关",
        ("duplicates", True): "重复",
        ("duplicates", False): "被重复",
        ("derived_from", True): "派生自",
        ("derived_from", False): "派生出",
    },
    "en": {
        ("depends_on", True): "Depends on",
        ("depends_on", False): "Needed by",
        ("blocks", True): "Blocks",
        ("blocks", False): "Blocked by",
        ("relates_to", True): "Relates to",
        ("relates_to", False): "Relates to",
        ("duplicates", True): "Duplicates",
        ("duplicates", False): "Duplicated by",
        ("derived_from", True): "Derived from",
        ("derived_from", False): "Source of",
    },
}


def link_phrase(kind: str, outgoing: bool, keys: list[str], language: str) -> str:
    """ "依赖：CRM-3、CRM-5" or "Depends on CRM-3, CRM-5"."""
    label = LINK_LABELS[language].get((kind, outgoing), kind)
    if language == "zh":
        return f"{label}：{'、'.join(keys)}"
    return f"{label} {', '.join(keys)}"


FIELD_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "key": "编号",
        "title": "标题",
        "kind": "类型",
        "status": "状态",
        "priority": "优先级",
        "kano": "Kano 分类",
        "rice": "RICE 得分",
        "owner": "负责人",
        "release": "版本",
        "lane": "泳道",
        "dates": "计划日期",
        "links": "关联需求",
        "tags": "标签",
        "source": "需求来源",
        "description": "描述",
        "acceptance": "验收标准",
    },
    "en": {
        "key": "Key",
        "title": "Title",
        "kind": "Kind",
        "status": "Status",
        "priority": "Priority",
        "kano": "Kano",
        "rice": "RICE score",
        "owner": "Owner",
        "release": "Release",
        "lane": "Lane",
        "dates": "Dates",
        "links": "Links",
        "tags": "Tags",
        "source": "Source",
        "description": "Description",
        "acceptance": "Acceptance criteria",
    },
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


def value_label(field: str, value: str, language: str) -> str:
    """A stored vocabulary value (status, priority, Kano, kind) as readers see it."""
    labels = {
        "status": STATUS_LABELS[language],
        "kano": KANO_LABELS[language],
        "kind": KIND_LABELS[language],
        "priority": PRIORITY_LABELS,
    }.get(field)
    return labels.get(value, value) if labels is not None else value


def format_score(score: float) -> str:
    """A RICE score as people read it: 20,267 or 3.75, never 3e+15."""
    if abs(score) >= 100:
        return f"{score:,.0f}"
    return f"{score:,.2f}".rstrip("0").rstrip(".")


def join_names(names: list[str], language: str) -> str:
    return ("、" if language == "zh" else ", ").join(names) or "—"
