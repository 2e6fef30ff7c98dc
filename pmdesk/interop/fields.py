"""pmdesk's fields as an import targets them: which headers name them (Chinese and
English, Jira's too) and how a cell's text becomes the field's value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from pmdesk.core.domain import vocabulary

TARGETS = (
    "uid",
    "key",
    "parent",
    "level",
    "kind",
    "title",
    "status",
    "priority",
    "kano",
    "owner",
    "tags",
    "description",
    "acceptance",
    "release",
    "lane",
    "start",
    "end",
    "effort",
    "reach",
    "impact",
    "confidence",
    "source",
    "value",
    "horizon",
    "persona",
)
CUSTOM = "custom:"  # custom fields come with schema 8: until then listed as not imported
RICE_TARGETS = ("reach", "impact", "confidence", "effort")


class ValueProblemError(ValueError):
    """A cell's value does not fit its field: (code, params) for messages.say."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-./:：（）()]+", "", text).casefold()


_HEADERS: Mapping[str, tuple[str, ...]] = {
    "uid": ("uid", "uuid", "唯一标识"),
    "key": (
        "key",
        "id",
        "issue key",
        "issuekey",
        "编号",
        "需求编号",
        "问题关键字",
        "关键字",
        "序号",
        "identifier",
        "req id",
    ),
    "parent": (
        "parent",
        "parent key",
        "parent id",
        "parent issue",
        "parent link",
        "epic link",
        "父需求",
        "父级",
        "上级",
        "上级需求",
        "父编号",
        "父需求编号",
        "父项",
        "史诗链接",
    ),
    "level": ("level", "outline level", "大纲级别", "层级"),
    "kind": ("kind", "type", "issue type", "issuetype", "类型", "需求类型", "问题类型", "种类"),
    "title": (
        "title",
        "summary",
        "name",
        "requirement",
        "标题",
        "名称",
        "需求名称",
        "需求标题",
        "概要",
        "摘要",
        "主题",
    ),
    "status": ("status", "state", "状态", "需求状态"),
    "priority": ("priority", "moscow", "优先级", "moscow优先级"),
    "kano": ("kano", "kano category", "kano分类", "卡诺", "卡诺分类"),
    "owner": ("owner", "assignee", "responsible", "负责人", "经办人", "处理人", "责任人", "指派给"),
    "tags": ("tags", "tag", "labels", "label", "标签"),
    "description": (
        "description",
        "details",
        "text",
        "描述",
        "说明",
        "详细描述",
        "需求描述",
        "内容",
    ),
    "acceptance": ("acceptance", "acceptance criteria", "验收标准", "验收条件"),
    "release": (
        "release",
        "fix version",
        "fix versions",
        "fix version/s",
        "version",
        "版本",
        "发布",
        "发布版本",
        "修复版本",
        "目标版本",
    ),
    "lane": ("lane", "team", "theme", "泳道", "团队"),
    "start": ("start", "start date", "开始", "开始日期", "开始时间"),
    "end": (
        "end",
        "end date",
        "due",
        "due date",
        "结束",
        "结束日期",
        "截止日期",
        "到期日",
        "完成日期",
    ),
    "effort": (
        "effort",
        "story points",
        "story point estimate",
        "estimate",
        "工作量",
        "故事点",
        "估算",
        "人月",
    ),
    "reach": ("reach", "覆盖", "覆盖面", "影响人数"),
    "impact": ("impact", "影响", "影响力"),
    "confidence": ("confidence", "信心", "置信度"),
    "source": ("source", "requester", "来源", "提出人", "需求来源"),
    "value": ("value", "business value", "价值", "业务价值", "商业价值"),
    "horizon": ("horizon", "now next later", "时间范围", "规划时间范围"),
    "persona": ("persona", "personas", "user persona", "用户画像", "画像", "角色", "目标用户"),
}
_BY_HEADER = {_norm(h): f for f, names in _HEADERS.items() for h in names}


def guess_field(header: str) -> str | None:
    """The field a column's header names, in Chinese or English, else None."""
    return _BY_HEADER.get(_norm(header))


def _terms(terms: Mapping[str, vocabulary.Term], extra: Mapping[str, str]) -> dict[str, str]:
    found = {}
    for value, term in terms.items():
        for name in (value, term.en, term.zh, term.doc_en, term.doc_zh):
            if name:
                found[_norm(name)] = value
    found.update({_norm(k): v for k, v in extra.items()})
    return found


_CHOICES: dict[str, dict[str, str]] = {
    "kind": _terms(
        vocabulary.KIND_TERMS,
        {
            "user story": "story",
            "故事": "story",
            "task": "requirement",
            "sub-task": "requirement",
            "subtask": "requirement",
            "bug": "requirement",
            "任务": "requirement",
            "子任务": "requirement",
            "缺陷": "requirement",
            "new feature": "feature",
            "improvement": "feature",
            "新功能": "feature",
            "改进": "feature",
            "non-functional requirement": "nfr",
            "非功能": "nfr",
            "initiative": "epic",
        },
    ),
    "status": _terms(
        vocabulary.STATUS_TERMS,
        {
            "to do": "draft",
            "todo": "draft",
            "open": "draft",
            "new": "draft",
            "backlog": "idea",
            "selected for development": "approved",
            "in review": "review",
            "code review": "review",
            "closed": "done",
            "resolved": "done",
            "完成": "done",
            "已关闭": "done",
            "已解决": "done",
            "待办": "draft",
            "新建": "draft",
            "处理中": "in_progress",
            "进行中": "in_progress",
            "won't do": "rejected",
            "won't fix": "rejected",
            "cancelled": "rejected",
            "已取消": "rejected",
        },
    ),
    "priority": _terms(
        vocabulary.PRIORITY_TERMS,
        {
            "won't": "wont",
            "必须": "must",
            "应该": "should",
            "可以": "could",
            "不做": "wont",
            "最高": "must",
            "高": "must",
            "中": "should",
            "低": "could",
            "最低": "wont",
            "highest": "must",
            "high": "must",
            "medium": "should",
            "low": "could",
            "lowest": "wont",
            "blocker": "must",
            "critical": "must",
            "major": "should",
            "minor": "could",
            "trivial": "wont",
            "p0": "must",
            "p1": "should",
            "p2": "could",
            "p3": "wont",
        },
    ),
    "kano": _terms(
        vocabulary.KANO_TERMS,
        {
            "attractive": "delighter",
            "魅力": "delighter",
            "魅力型": "delighter",
            "must-be": "basic",
            "one-dimensional": "performance",
            "基本": "basic",
            "期望": "performance",
            "反向": "reverse",
        },
    ),
}
_CHOICES["horizon"] = _terms(
    vocabulary.HORIZON_TERMS,
    {"当前": "now", "下一步": "next", "之后": "later", "未来": "later", "稍后": "later"},
)
_ALLOWED = {
    "kind": vocabulary.KINDS,
    "status": vocabulary.STATUSES,
    "priority": vocabulary.PRIORITIES,
    "kano": vocabulary.KANO,
    "horizon": vocabulary.HORIZONS,
}
CHOICE_FIELDS = tuple(_ALLOWED)  # fields with a fixed vocabulary: their values are mapped
_NOT_SET = {"", "-", "—", "none", "无", "未评估", "not assessed", "n/a"}
_SPLIT_TAGS = re.compile(r"[,;，；、\n]+")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)、])\s+")
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%d/%b/%y",
    "%d/%b/%Y",
    "%d.%m.%Y",
    "%m/%d/%Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%Y%m%d",
)


def as_text(cell: Any) -> str:
    """A cell as text: numbers without a spurious `.0`, dates as ISO dates."""
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell).strip()


def convert(name: str, cell: Any, values: Mapping[str, str] | None = None) -> Any:
    """The value of field `name` from one cell; raises ValueProblemError. `values` is the
    mapping's value map for this field (source text → pmdesk value), tried first."""
    text = as_text(cell) if name not in ("description", "title") else _plain(cell)
    if values:
        mapped = values.get(text)
        if mapped is None:
            folded = {_norm(k): v for k, v in values.items()}
            mapped = folded.get(_norm(text))
        if mapped is not None:
            text = mapped
    if name in _CHOICES:
        if _norm(text) in _NOT_SET:
            return None  # kind and status keep their default (or current value)
        found = _CHOICES[name].get(_norm(text))
        if found is None:
            raise ValueProblemError(
                "bad_value", field=name, value=text, allowed=", ".join(_ALLOWED[name])
            )
        return found
    if name == "tags":
        items = cell if isinstance(cell, list) else _SPLIT_TAGS.split(text)
        return [t.strip() for t in items if str(t).strip()]
    if name == "acceptance":
        items = cell if isinstance(cell, list) else text.splitlines()
        return [_BULLET.sub("", t).strip() for t in items if str(t).strip()]
    if name in ("start", "end"):
        return _date(name, cell, text)
    if name in RICE_TARGETS or name == "value":
        return _number(name, text)
    if name == "level":
        if not text:
            return None
        number = _number(name, text)
        if number is None or number < 1 or not float(number).is_integer():
            raise ValueProblemError(
                "bad_range", field=name, value=text, rule="is not a whole number of 1 or more"
            )
        return int(number)
    return text


def _plain(cell: Any) -> str:
    """Multi-line text as written, only line ends made uniform and outer blanks trimmed."""
    return as_text(cell).replace("\r\n", "\n").replace("\r", "\n").strip()


def _date(name: str, cell: Any, text: str) -> str | None:
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if not text:
        return None
    head = text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else text
    if re.match(r"\d{1,2}/\w{3}/\d{2,4} ", text):  # Jira: 04/Jan/27 10:00 AM
        head = text.split(" ")[0]
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(head, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueProblemError("bad_date", field=name, value=text)


def _number(name: str, text: str) -> float | None:
    if not text:
        return None
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").replace(",", "").strip())
    except ValueError:
        raise ValueProblemError("bad_number", field=name, value=text) from None
    if number != number:  # NaN
        raise ValueProblemError("bad_number", field=name, value=text)
    if name == "confidence" and (percent or number > 1):
        number /= 100
    if name == "confidence" and not 0 <= number <= 1:
        raise ValueProblemError(
            "bad_range", field=name, value=text, rule="is not between 0 and 100 %"
        )
    if name == "effort" and number <= 0:
        raise ValueProblemError("bad_range", field=name, value=text, rule="is not above 0")
    low, high = vocabulary.VALUE_RANGE
    if name == "value" and not low <= number <= high:
        raise ValueProblemError(
            "bad_range", field=name, value=text, rule=f"is not between {low:g} and {high:g}"
        )
    if name in ("reach", "impact") and number < 0:
        raise ValueProblemError("bad_range", field=name, value=text, rule="is negative")
    return number
