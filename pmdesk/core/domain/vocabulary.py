"""The vocabulary of a project: allowed values, their names, derived figures.

Values are plain strings in the file and the snapshot, so they read well in a
diff and in SQL; these tuples are the single list of what is allowed. Their
names, in English and Chinese, are here too, once for the window and the
exported documents: the export reads them directly, the window through Qt's
translations (each English name is Qt's source text in the context "Labels";
tests/app/test_translations.py keeps the shipped Chinese equal to `zh`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pmdesk.core.messages import QT_TRANSLATE_NOOP

KINDS = ("epic", "feature", "story", "requirement", "nfr")
STATUSES = ("idea", "draft", "review", "approved", "in_progress", "done", "rejected")
PRIORITIES = ("must", "should", "could", "wont")
KANO = ("basic", "performance", "delighter", "indifferent", "reverse")
LINK_TYPES = ("depends_on", "blocks", "relates_to", "duplicates", "derived_from")
# Links whose source rests on what it points at: they need review ("suspect")
# when the target's text (TRACED_FIELDS) changes.
DEPENDING_LINK_TYPES = ("depends_on", "derived_from")
TRACED_FIELDS = frozenset({"title", "description", "acceptance"})
LANGUAGES = ("zh", "en")
RELEASE_STATUSES = ("planned", "in_progress", "released")
DOCUMENT_STATUSES = ("draft", "in_review", "approved")
"""The PRD's own status (草稿/评审中/已批准), shown on its cover."""
CONFIDENTIALITY = ("public", "internal", "confidential", "secret")
"""The PRD's 密级 (公开/内部/秘密/机密), shown on its cover."""
REVIEWER_KEYS = ("role", "name")
"""A reviewer of the PRD (a row of its sign-off table) is {"role": …, "name": …}."""
SCORING_MODELS = ("rice", "ice", "wsjf", "weighted")
"""How a project scores its requirements (schema 6); RICE unless it chose another."""
CRITERION_KEYS = ("id", "name", "weight", "scale")
"""A criterion of the weighted model: {"id", "name", "weight" ≥ 0, "scale" (its maximum) > 0}."""
HORIZONS = ("now", "next", "later")
"""A requirement's roadmap horizon (schema 7); None: derived from its release."""
VALUE_RANGE = (0.0, 10.0)
"""A requirement's business value (schema 7), the value-vs-effort matrix's vertical axis."""
SHARE_RANGE = (0.0, 100.0)
"""A persona's share of the users, in per cent (schema 7)."""
PERSONA_TEXTS = ("goals", "pain_points", "scenarios")
"""A persona's Markdown texts, in the order the editor and the PRD show them."""
CUSTOM_KINDS = ("text", "number", "date", "choice", "choices", "person")
"""What a project's own field holds (schema 9): a line of text, a number, an ISO
date, one of its options, several of its options, or a person's name."""
CHOICE_KINDS = frozenset({"choice", "choices"})
"""Custom field kinds whose values come from the field's list of options."""

DEFAULT_KIND = "requirement"
DEFAULT_STATUS = "draft"
# A new requirement is not assessed (None) until someone decides its MoSCoW
# priority and Kano category; files written before schema 4 keep their values.
DEFAULT_PRIORITY: str | None = None
DEFAULT_KANO: str | None = None
DEFAULT_RELEASE_STATUS = "planned"
DEFAULT_DOCUMENT_STATUS = "draft"
DEFAULT_CONFIDENTIALITY = "internal"
DEFAULT_KEY_PREFIX = "REQ"
DEFAULT_SCORING = "rice"

RICE_FIELDS = ("reach", "impact", "confidence", "effort")
ICE_FIELDS = ("impact", "confidence", "ease")
ICE_RANGE = (1.0, 10.0)
WSJF_FIELDS = ("business_value", "time_criticality", "risk_reduction", "job_size")
WSJF_RANGE = (1.0, 20.0)  # the Fibonacci-like 1, 2, 3, 5, 8, 13, 20 of SAFe
# A requirement's model inputs as one snapshot object each, one column per input
# (`<model>_<input>`), so two people who set different inputs merge cleanly.
SCORE_INPUTS: Mapping[str, tuple[str, ...]] = {
    "rice": RICE_FIELDS,
    "ice": ICE_FIELDS,
    "wsjf": WSJF_FIELDS,
}


def rice_score(
    reach: float | None, impact: float | None, confidence: float | None, effort: float | None
) -> float | None:
    """RICE = reach × impact × confidence ÷ effort; None until every input is known."""
    if reach is None or impact is None or confidence is None or effort is None or effort <= 0:
        return None
    return round(reach * impact * confidence / effort, 2)


def format_key(prefix: str, number: int) -> str:
    return f"{prefix}-{number}"


LABELS = "Labels"  # Qt's translation context of every name below


@dataclass(frozen=True)
class Term:
    """A value's name: `en` and `zh` as the window says it, and as an exported
    document says it where that differs (`doc_en`, `doc_zh`)."""

    en: str
    zh: str
    doc_en: str = ""
    doc_zh: str = ""

    def in_document(self, language: str) -> str:
        """The name in an exported document in `language` ("zh" or "en")."""
        if language == "zh":
            return self.doc_zh or self.zh
        return self.doc_en or self.en


def _t(en: str, zh: str, doc_en: str = "", doc_zh: str = "") -> Term:
    return Term(en, zh, doc_en, doc_zh)


KIND_TERMS: Mapping[str, Term] = {
    "epic": _t(QT_TRANSLATE_NOOP("Labels", "Epic"), "史诗"),
    "feature": _t(QT_TRANSLATE_NOOP("Labels", "Feature"), "功能"),
    "story": _t(QT_TRANSLATE_NOOP("Labels", "Story"), "用户故事"),
    "requirement": _t(QT_TRANSLATE_NOOP("Labels", "Requirement"), "需求"),
    "nfr": _t(QT_TRANSLATE_NOOP("Labels", "Non-functional"), "非功能需求"),
}
STATUS_TERMS: Mapping[str, Term] = {
    "idea": _t(QT_TRANSLATE_NOOP("Labels", "Idea"), "想法"),
    "draft": _t(QT_TRANSLATE_NOOP("Labels", "Draft"), "草稿"),
    "review": _t(QT_TRANSLATE_NOOP("Labels", "In review"), "评审中"),
    "approved": _t(QT_TRANSLATE_NOOP("Labels", "Approved"), "已批准"),
    "in_progress": _t(QT_TRANSLATE_NOOP("Labels", "In progress"), "开发中"),
    "done": _t(QT_TRANSLATE_NOOP("Labels", "Done"), "已完成"),
    "rejected": _t(QT_TRANSLATE_NOOP("Labels", "Rejected"), "已拒绝"),
}
# Documents keep the MoSCoW words in both languages: Chinese PRDs (the bundled
# sample included) write "Must 需求" in prose.
PRIORITY_TERMS: Mapping[str, Term] = {
    "must": _t(QT_TRANSLATE_NOOP("Labels", "Must"), "Must 必须", doc_zh="Must"),
    "should": _t(QT_TRANSLATE_NOOP("Labels", "Should"), "Should 应该", doc_zh="Should"),
    "could": _t(QT_TRANSLATE_NOOP("Labels", "Could"), "Could 可以", doc_zh="Could"),
    "wont": _t(QT_TRANSLATE_NOOP("Labels", "Won't"), "Won't 不做", doc_zh="Won't"),
}
KANO_TERMS: Mapping[str, Term] = {
    "basic": _t(QT_TRANSLATE_NOOP("Labels", "Basic"), "基本型"),
    "performance": _t(QT_TRANSLATE_NOOP("Labels", "Performance"), "期望型"),
    "delighter": _t(QT_TRANSLATE_NOOP("Labels", "Delighter"), "兴奋型"),
    "indifferent": _t(QT_TRANSLATE_NOOP("Labels", "Indifferent"), "无差异"),
    "reverse": _t(QT_TRANSLATE_NOOP("Labels", "Reverse"), "反向型", doc_zh="反向"),
}
# The six categories of the Kano evaluation table (core.analysis.kano), by their
# letters. Their own translation context: "Reverse" names a requirement's
# category (KANO_TERMS, 反向型) too, and Qt gives one source text one translation.
KANO_CATEGORY = "KanoCategory"
KANO_CATEGORY_TERMS: Mapping[str, Term] = {
    "A": _t(QT_TRANSLATE_NOOP("KanoCategory", "Attractive"), "魅力"),
    "O": _t(QT_TRANSLATE_NOOP("KanoCategory", "One-dimensional"), "期望"),
    "M": _t(QT_TRANSLATE_NOOP("KanoCategory", "Must-be"), "必备"),
    "I": _t(QT_TRANSLATE_NOOP("KanoCategory", "Indifferent"), "无差异"),
    "R": _t(QT_TRANSLATE_NOOP("KanoCategory", "Reverse"), "反向"),
    "Q": _t(QT_TRANSLATE_NOOP("KanoCategory", "Questionable"), "可疑"),
}
RELEASE_STATUS_TERMS: Mapping[str, Term] = {
    "planned": _t(QT_TRANSLATE_NOOP("Labels", "Planned"), "计划中"),
    "in_progress": _t(QT_TRANSLATE_NOOP("Labels", "In progress"), "开发中"),
    "released": _t(QT_TRANSLATE_NOOP("Labels", "Released"), "已发布"),
}
DOCUMENT_STATUS_TERMS: Mapping[str, Term] = {
    "draft": _t(QT_TRANSLATE_NOOP("Labels", "Draft"), "草稿"),
    "in_review": _t(QT_TRANSLATE_NOOP("Labels", "In review"), "评审中"),
    "approved": _t(QT_TRANSLATE_NOOP("Labels", "Approved"), "已批准"),
}
CONFIDENTIALITY_TERMS: Mapping[str, Term] = {
    "public": _t(QT_TRANSLATE_NOOP("Labels", "Public"), "公开"),
    "internal": _t(QT_TRANSLATE_NOOP("Labels", "Internal"), "内部"),
    "confidential": _t(QT_TRANSLATE_NOOP("Labels", "Confidential"), "秘密"),
    "secret": _t(QT_TRANSLATE_NOOP("Labels", "Secret"), "机密"),
}
HORIZON_TERMS: Mapping[str, Term] = {
    "now": _t(QT_TRANSLATE_NOOP("Labels", "Now"), "现在"),
    "next": _t(QT_TRANSLATE_NOOP("Labels", "Next"), "接下来"),
    "later": _t(QT_TRANSLATE_NOOP("Labels", "Later"), "以后"),
}
# The choice for a priority or Kano category nobody has decided yet (None):
# the details offer it by this name; the tree, filters and documents show nothing.
NOT_ASSESSED = _t(QT_TRANSLATE_NOOP("Labels", "Not assessed"), "未评估")

# (type, outgoing): outgoing reads "this requirement <name> the other". The
# window says it inside a sentence, a document as the heading of a list of keys.
LINK_TERMS: Mapping[tuple[str, bool], Term] = {
    ("depends_on", True): _t(
        QT_TRANSLATE_NOOP("Labels", "depends on"), "依赖于", "Depends on", "依赖"
    ),
    ("depends_on", False): _t(
        QT_TRANSLATE_NOOP("Labels", "is needed by"), "被依赖于", "Needed by", "被依赖"
    ),
    ("blocks", True): _t(QT_TRANSLATE_NOOP("Labels", "blocks"), "阻塞", "Blocks", "阻塞"),
    ("blocks", False): _t(
        QT_TRANSLATE_NOOP("Labels", "is blocked by"), "被阻塞于", "Blocked by", "被阻塞"
    ),
    ("relates_to", True): _t(
        QT_TRANSLATE_NOOP("Labels", "relates to"), "相关于", "Relates to", "相关"
    ),
    ("relates_to", False): _t(
        QT_TRANSLATE_NOOP("Labels", "relates to"), "相关于", "Relates to", "相关"
    ),
    ("duplicates", True): _t(
        QT_TRANSLATE_NOOP("Labels", "duplicates"), "重复于", "Duplicates", "重复"
    ),
    ("duplicates", False): _t(
        QT_TRANSLATE_NOOP("Labels", "is duplicated by"), "被重复于", "Duplicated by", "被重复"
    ),
    ("derived_from", True): _t(
        QT_TRANSLATE_NOOP("Labels", "derived from"), "派生自", "Derived from", "派生自"
    ),
    ("derived_from", False): _t(
        QT_TRANSLATE_NOOP("Labels", "is the source of"), "派生出", "Source of", "派生出"
    ),
}
# The four quadrants of the value vs effort matrix (core/analysis/value_effort.py).
QUADRANTS = ("quick_win", "big_bet", "fill_in", "time_sink")
QUADRANT_TERMS: Mapping[str, Term] = {
    "quick_win": _t(QT_TRANSLATE_NOOP("Labels", "Quick wins"), "快速见效"),
    "big_bet": _t(QT_TRANSLATE_NOOP("Labels", "Big bets"), "重大投入"),
    "fill_in": _t(QT_TRANSLATE_NOOP("Labels", "Fill-ins"), "顺手可做"),
    "time_sink": _t(QT_TRANSLATE_NOOP("Labels", "Time sinks"), "费力不讨好"),
}
# Fields as the details, the lists of changes (history, baselines, merge
# conflicts) and the documents' requirement tables name them.
SCORING_TERMS: Mapping[str, Term] = {
    "rice": _t(QT_TRANSLATE_NOOP("Labels", "RICE"), "RICE"),
    "ice": _t(QT_TRANSLATE_NOOP("Labels", "ICE"), "ICE"),
    "wsjf": _t(QT_TRANSLATE_NOOP("Labels", "WSJF"), "WSJF"),
    "weighted": _t(QT_TRANSLATE_NOOP("Labels", "Weighted criteria"), "加权评分"),
}
# The inputs of every model, by "<model>.<input>" (RICE's own by their RICE names).
INPUT_TERMS: Mapping[str, Term] = {
    "rice.reach": _t(QT_TRANSLATE_NOOP("Labels", "Reach"), "覆盖面"),
    "rice.impact": _t(QT_TRANSLATE_NOOP("Labels", "Impact"), "影响力"),
    "rice.confidence": _t(QT_TRANSLATE_NOOP("Labels", "Confidence"), "信心"),
    "rice.effort": _t(QT_TRANSLATE_NOOP("Labels", "Effort"), "投入"),
    "ice.impact": _t(QT_TRANSLATE_NOOP("Labels", "Impact"), "影响力"),
    "ice.confidence": _t(QT_TRANSLATE_NOOP("Labels", "Confidence"), "信心"),
    "ice.ease": _t(QT_TRANSLATE_NOOP("Labels", "Ease"), "易实现度"),
    "wsjf.business_value": _t(QT_TRANSLATE_NOOP("Labels", "Business value"), "业务价值"),
    "wsjf.time_criticality": _t(QT_TRANSLATE_NOOP("Labels", "Time criticality"), "时间紧迫性"),
    "wsjf.risk_reduction": _t(
        QT_TRANSLATE_NOOP("Labels", "Risk reduction / opportunity"), "降低风险/机会"
    ),
    "wsjf.job_size": _t(QT_TRANSLATE_NOOP("Labels", "Job size"), "工作规模"),
}
FIELD_TERMS: Mapping[str, Term] = {
    "key": _t(QT_TRANSLATE_NOOP("Labels", "Key"), "编号"),
    "title": _t(QT_TRANSLATE_NOOP("Labels", "Title"), "标题"),
    "kind": _t(QT_TRANSLATE_NOOP("Labels", "Kind"), "类型"),
    "status": _t(QT_TRANSLATE_NOOP("Labels", "Status"), "状态"),
    "priority": _t(QT_TRANSLATE_NOOP("Labels", "Priority"), "优先级"),
    "kano": _t(QT_TRANSLATE_NOOP("Labels", "Kano"), "Kano", doc_zh="Kano 分类"),
    "rice": _t(QT_TRANSLATE_NOOP("Labels", "RICE"), "RICE", "RICE score", "RICE 得分"),
    "ice": _t(QT_TRANSLATE_NOOP("Labels", "ICE"), "ICE", "ICE score", "ICE 得分"),
    "wsjf": _t(QT_TRANSLATE_NOOP("Labels", "WSJF"), "WSJF", "WSJF score", "WSJF 得分"),
    "scores": _t(
        QT_TRANSLATE_NOOP("Labels", "Criteria scores"), "评分项得分", "Weighted score", "加权得分"
    ),
    "score": _t(QT_TRANSLATE_NOOP("Labels", "Score"), "得分"),
    "rank": _t(QT_TRANSLATE_NOOP("Labels", "Rank"), "排名"),
    "inputs": _t(QT_TRANSLATE_NOOP("Labels", "Inputs"), "输入"),
    "scoring": _t(QT_TRANSLATE_NOOP("Labels", "Scoring model"), "评分模型"),
    "criteria": _t(QT_TRANSLATE_NOOP("Labels", "Scoring criteria"), "评分项"),
    "weight": _t(QT_TRANSLATE_NOOP("Labels", "Weight"), "权重"),
    "scale": _t(QT_TRANSLATE_NOOP("Labels", "Scale"), "满分"),
    "owner": _t(QT_TRANSLATE_NOOP("Labels", "Owner"), "负责人"),
    "release": _t(QT_TRANSLATE_NOOP("Labels", "Release"), "版本"),
    "lane": _t(QT_TRANSLATE_NOOP("Labels", "Lane"), "泳道"),
    "start": _t(QT_TRANSLATE_NOOP("Labels", "Start"), "开始"),
    "end": _t(QT_TRANSLATE_NOOP("Labels", "End"), "结束"),
    "dates": _t(QT_TRANSLATE_NOOP("Labels", "Dates"), "计划日期"),
    "tags": _t(QT_TRANSLATE_NOOP("Labels", "Tags"), "标签"),
    "source": _t(QT_TRANSLATE_NOOP("Labels", "Source"), "来源", doc_zh="需求来源"),
    "description": _t(QT_TRANSLATE_NOOP("Labels", "Description"), "描述"),
    "acceptance": _t(QT_TRANSLATE_NOOP("Labels", "Acceptance criteria"), "验收标准"),
    "links": _t(QT_TRANSLATE_NOOP("Labels", "Links"), "关联需求"),
    "parent": _t(QT_TRANSLATE_NOOP("Labels", "Parent"), "上级需求"),
    "created": _t(QT_TRANSLATE_NOOP("Labels", "Created"), "创建"),
    "deleted": _t(QT_TRANSLATE_NOOP("Labels", "Deleted"), "删除"),
    "position": _t(QT_TRANSLATE_NOOP("Labels", "Position"), "位置"),
    "name": _t(QT_TRANSLATE_NOOP("Labels", "Name"), "名称"),
    "date": _t(QT_TRANSLATE_NOOP("Labels", "Date"), "日期"),
    "body": _t(QT_TRANSLATE_NOOP("Labels", "Text"), "正文"),
    "product": _t(QT_TRANSLATE_NOOP("Labels", "Product"), "产品"),
    "version": _t(QT_TRANSLATE_NOOP("Labels", "Version"), "版本号"),
    "authors": _t(QT_TRANSLATE_NOOP("Labels", "Authors"), "作者"),
    "key_prefix": _t(QT_TRANSLATE_NOOP("Labels", "Key prefix"), "编号前缀"),
    "language": _t(QT_TRANSLATE_NOOP("Labels", "Language"), "语言"),
    "organisation": _t(QT_TRANSLATE_NOOP("Labels", "Organisation"), "组织"),
    "logo": _t(QT_TRANSLATE_NOOP("Labels", "Logo"), "标志"),
    "doc_status": _t(QT_TRANSLATE_NOOP("Labels", "Document status"), "文档状态"),
    "confidentiality": _t(QT_TRANSLATE_NOOP("Labels", "Confidentiality"), "密级"),
    "doc_number": _t(QT_TRANSLATE_NOOP("Labels", "Document number"), "文档编号"),
    "reviewers": _t(QT_TRANSLATE_NOOP("Labels", "Reviewers"), "评审人"),
    "goal": _t(QT_TRANSLATE_NOOP("Labels", "Goal"), "目标"),
    "capacity": _t(QT_TRANSLATE_NOOP("Labels", "Capacity"), "容量"),
    "colour": _t(QT_TRANSLATE_NOOP("Labels", "Colour"), "颜色"),
    "milestone": _t(QT_TRANSLATE_NOOP("Labels", "Milestone"), "里程碑"),
    # Schema 9: a saved view's backlog columns, grouping and sort (its filter: see
    # app/history, "criteria" names the scoring model's too).
    "columns": _t(QT_TRANSLATE_NOOP("Labels", "Columns"), "列"),
    "grouping": _t(QT_TRANSLATE_NOOP("Labels", "Grouping"), "分组"),
    "sort": _t(QT_TRANSLATE_NOOP("Labels", "Sort"), "排序"),
    # Schema 7: personas, and a requirement's persona, business value and horizon.
    "persona": _t(QT_TRANSLATE_NOOP("Labels", "Persona"), "用户画像"),
    "personas": _t(QT_TRANSLATE_NOOP("Labels", "Personas"), "用户画像"),
    "role": _t(QT_TRANSLATE_NOOP("Labels", "Role"), "角色"),
    "goals": _t(QT_TRANSLATE_NOOP("Labels", "Goals"), "目标"),
    "pain_points": _t(QT_TRANSLATE_NOOP("Labels", "Pain points"), "痛点"),
    "scenarios": _t(QT_TRANSLATE_NOOP("Labels", "Scenarios"), "使用场景"),
    "share": _t(QT_TRANSLATE_NOOP("Labels", "Share of users"), "用户占比"),
    "photo": _t(QT_TRANSLATE_NOOP("Labels", "Photo"), "照片"),
    "value": _t(QT_TRANSLATE_NOOP("Labels", "Value"), "价值", "Business value", "业务价值"),
    "horizon": _t(QT_TRANSLATE_NOOP("Labels", "Horizon"), "规划时段"),
    # Schema 9: the project's own fields.
    "custom": _t(QT_TRANSLATE_NOOP("Labels", "Custom fields"), "自定义字段"),
    "custom_field": _t(QT_TRANSLATE_NOOP("Labels", "Custom field"), "自定义字段"),
    "options": _t(QT_TRANSLATE_NOOP("Labels", "Options"), "选项"),
}
# What a custom field holds (schema 9), as the manager and the history name it.
CUSTOM_KIND_TERMS: Mapping[str, Term] = {
    "text": _t(QT_TRANSLATE_NOOP("Labels", "Short text"), "文本"),
    "number": _t(QT_TRANSLATE_NOOP("Labels", "Number"), "数字"),
    "date": _t(QT_TRANSLATE_NOOP("Labels", "Date"), "日期"),
    "choice": _t(QT_TRANSLATE_NOOP("Labels", "One of a list"), "单选"),
    "choices": _t(QT_TRANSLATE_NOOP("Labels", "Several of a list"), "多选"),
    "person": _t(QT_TRANSLATE_NOOP("Labels", "Person"), "人员"),
}
VALUE_TERMS: Mapping[str, Mapping[str, Term]] = {
    "kind": KIND_TERMS,
    "status": STATUS_TERMS,
    "priority": PRIORITY_TERMS,
    "kano": KANO_TERMS,
    "horizon": HORIZON_TERMS,
}
# The release's own status (planned, in progress, released) by the same name
# "status" as a requirement's: looked up per entity.
ENTITY_VALUE_TERMS: Mapping[tuple[str, str], Mapping[str, Term]] = {
    ("release", "status"): RELEASE_STATUS_TERMS,
    ("project", "scoring"): SCORING_TERMS,
    ("project", "doc_status"): DOCUMENT_STATUS_TERMS,
    ("project", "confidentiality"): CONFIDENTIALITY_TERMS,
    ("custom_field", "kind"): CUSTOM_KIND_TERMS,
}


def all_terms() -> list[Term]:
    """Every name of the vocabulary (for the translation files and their check)."""
    values = [term for group in VALUE_TERMS.values() for term in group.values()]
    values += [term for group in ENTITY_VALUE_TERMS.values() for term in group.values()]
    return [
        *values,
        NOT_ASSESSED,
        *LINK_TERMS.values(),
        *FIELD_TERMS.values(),
        *INPUT_TERMS.values(),
        *QUADRANT_TERMS.values(),
    ]
