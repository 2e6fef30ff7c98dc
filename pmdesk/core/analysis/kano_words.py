"""What a Kano survey's cells say: the five answers in the words survey sites
and questionnaires use (English and Chinese, or the option's number 1–5), and
which question a column holds (functional or dysfunctional, and of which key).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from pmdesk.core.analysis.kano import Answer

Direction = Literal["functional", "dysfunctional"]

# Each answer's words, compared without case, spaces or punctuation ("I don't
# care" → "idontcare"). Chinese questionnaires word them 喜欢/满意 … 不喜欢/不满意;
# a few Traditional forms come along for surveys from Taiwan or Hong Kong.
_WORDS: Mapping[Answer, tuple[str, ...]] = {
    "like": (
        "ilikeit", "like", "likeit", "ilike", "ilikeitthatway", "ilikeitthisway", "iloveit",
        "我很喜欢", "很喜欢", "喜欢", "非常喜欢", "我喜欢", "我很满意", "很满意", "满意",
        "非常满意", "我很喜歡", "很喜歡", "喜歡", "非常喜歡",
    ),
    "must_be": (
        "itmustbethatway", "itmustbethisway", "mustbethatway", "mustbe", "itmustbe",
        "iexpectit", "iexpectitthatway", "expect", "expectit", "expected", "musthave",
        "理所当然", "理应如此", "本应如此", "本该如此", "必须的", "必须", "必须这样",
        "它必须这样", "应该的", "应该", "必备", "必需的", "必需", "期望", "我期望",
        "理所當然", "理應如此", "必須的", "應該的",
    ),
    "neutral": (
        "iamneutral", "imneutral", "neutral", "idontcare", "dontcare", "indifferent",
        "iamindifferent", "idontmind",
        "无所谓", "我无所谓", "无所谓的", "中立", "一般", "没感觉", "没有感觉", "都可以",
        "不在乎", "無所謂", "沒感覺",
    ),
    "live_with": (
        "icanlivewithit", "icanlivewithitthatway", "icanlivewiththat", "canlivewithit",
        "livewithit", "livewith", "tolerate", "tolerateit", "icantolerateit", "tolerable",
        "能忍受", "可以忍受", "我能忍受", "我可以忍受", "忍受", "勉强接受", "勉强能接受",
        "可以接受", "能接受", "能忍受它",
    ),
    "dislike": (
        "idislikeit", "idislikeitthatway", "dislike", "dislikeit", "idislike",
        "idontlikeit", "dontlikeit", "ihateit",
        "我很不喜欢", "很不喜欢", "不喜欢", "非常不喜欢", "我不喜欢", "不能接受", "无法接受",
        "不能忍受", "无法忍受", "我很不满意", "很不满意", "不满意", "非常不满意",
        "我很不喜歡", "很不喜歡", "不喜歡", "無法接受",
    ),
}  # fmt: skip
_ANSWER_OF: Mapping[str, Answer] = {
    word: answer for answer, words in _WORDS.items() for word in words
}
# The questionnaire's order: option 1 is "I like it", option 5 "I dislike it".
_NUMBERED: tuple[Answer, ...] = ("like", "must_be", "neutral", "live_with", "dislike")
# "A. 我很喜欢", "1、I like it", "(2) 理所当然": the option's letter or number before its words.
# (NFKC makes "④能忍受" "4能忍受": a number right before Chinese words is an option's too.)
_ENUMERATED = re.compile(r"^[(\[]?([1-5a-e])\s*(?:[)\].、:：]\s*(?=\D)|(?=[^\x00-\x7f]))")


# What survey sites write for a question a respondent skipped or was not shown:
# 问卷星 writes "(跳过)" (or -3, -2 in its numbered download), others n/a or a dash.
_NO_ANSWER = frozenset({"", "(跳过)", "跳过", "(空)", "-3", "-2", "n/a", "na", "-", "—"})


@lru_cache(maxsize=4096)  # a survey repeats a handful of cells a million times
def unanswered(cell: str) -> bool:
    """Whether a cell says the question was not answered."""
    return unicodedata.normalize("NFKC", cell).strip().casefold() in _NO_ANSWER


def _squeezed(text: str) -> str:
    """`text` without case, width, spaces or punctuation: what the word lists hold."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PSZ")


@lru_cache(maxsize=4096)
def answer_of(cell: str) -> Answer | None:
    """The answer a cell gives, or None when it is not one of the five."""
    text = unicodedata.normalize("NFKC", cell).strip().casefold()
    number = text.removesuffix(".0")
    if number in ("1", "2", "3", "4", "5"):
        return _NUMBERED[int(number) - 1]
    found = _ANSWER_OF.get(_squeezed(text))
    if found is None and (match := _ENUMERATED.match(text)):
        found = _ANSWER_OF.get(_squeezed(text[match.end() :]))
    return found


# A requirement key inside a column's title or a cell: prefix, hyphen, number.
_KEY = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{0,9})\s*[-‐‑–—]\s*(\d+)(?!\d)")


def keys_in(text: str) -> list[str]:
    """The key-like words in `text`, as PREFIX-N in capitals ("crm－12" → "CRM-12")."""
    text = unicodedata.normalize("NFKC", text)
    return [f"{prefix.upper()}-{int(number)}" for prefix, number in _KEY.findall(text)]


# Which question a column holds. Explicit words first (a dysfunctional word before
# a functional one it contains: "dysfunctional", 非功能型), then what the
# question itself says ("如果产品不具备…" before "如果产品具备…").
_EXPLICIT: tuple[tuple[Direction, tuple[str, ...]], ...] = (
    ("dysfunctional", ("dysfunctional", "negative", "反向", "负向", "非功能")),
    ("functional", ("functional", "positive", "正向", "功能型")),
)
_IMPLIED: tuple[tuple[Direction, tuple[str, ...]], ...] = (
    (
        "dysfunctional",
        ("doesnothave", "doesnthave", "didnothave", "without", "不具备", "不提供", "没有"),
    ),
    ("functional", ("ifithas", "producthas", "ifithad", "具备", "提供")),
)
# A title that is only the key and a short mark: "CRM-12 F", "CRM-12（反）".
_MARKS: Mapping[str, Direction] = {
    "f": "functional", "func": "functional", "正": "functional",
    "d": "dysfunctional", "dysf": "dysfunctional", "dysfunc": "dysfunctional",
    "反": "dysfunctional",
}  # fmt: skip
# The question's number a survey site puts first: "3、", "Q3.", "第3题".
_NUMBERED_QUESTION = re.compile(r"^\s*(?:q|第)?\d+\s*[、.:：)题]\s*", re.IGNORECASE)


def direction_of(title: str) -> Direction | None:
    """Whether a column's title names the functional or the dysfunctional question."""
    title = _NUMBERED_QUESTION.sub("", unicodedata.normalize("NFKC", title))
    text = _squeezed(_KEY.sub(" ", title))
    if text in _MARKS:
        return _MARKS[text]
    for words in (_EXPLICIT, _IMPLIED):
        for direction, markers in words:
            if any(marker in text for marker in markers):
                return direction
    return None


# The columns of a long survey (one row per respondent and requirement), by title.
_LONG_TITLES: Mapping[str, tuple[str, ...]] = {
    "respondent": (
        "respondent", "respondentid", "respondentnumber", "id", "受访者", "答题者", "答卷人",
        "被访者", "用户", "用户id", "答卷编号", "序号",
    ),
    "requirement": (
        "requirement", "requirementkey", "key", "feature", "需求", "需求编号", "编号", "功能",
        "特性", "功能编号",
    ),
    "functional": (
        "functional", "functionalanswer", "functionalquestion", "positive", "功能型",
        "功能型问题", "正向", "正向问题", "正向回答", "正向答案",
    ),
    "dysfunctional": (
        "dysfunctional", "dysfunctionalanswer", "dysfunctionalquestion", "negative", "非功能型",
        "非功能型问题", "反向", "反向问题", "反向回答", "反向答案", "负向", "负向问题",
    ),
}  # fmt: skip
_LONG_ROLE: Mapping[str, str] = {
    word: role for role, words in _LONG_TITLES.items() for word in words
}


def long_role(title: str) -> str | None:
    """The role of a long survey's column ("respondent", "requirement",
    "functional", "dysfunctional") from its title, or None."""
    return _LONG_ROLE.get(_squeezed(title))
