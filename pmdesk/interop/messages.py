"""The importers' sentences in English and Chinese (core's messages are English
only; an import's problems are shown in the window as well as on the command line)."""

from __future__ import annotations

from collections.abc import Mapping

TEXTS: Mapping[str, tuple[str, str]] = {
    "bad_value": (
        "{field} {value!r} is not one of {allowed}",
        "{field}“{value}”不是以下之一：{allowed}",
    ),
    "bad_date": ("{field} {value!r} is not a date", "{field}“{value}”不是日期"),
    "bad_number": ("{field} {value!r} is not a number", "{field}“{value}”不是数字"),
    "bad_range": ("{field} {value!r} {rule}", "{field}“{value}”{rule}"),
    "dates_order": ("start {start} is after end {end}", "开始日期 {start} 晚于结束日期 {end}"),
    "no_title": ("the title is empty", "标题为空"),
    "key_twice": ("key {key} is also on {other}", "编号 {key} 与{other}重复"),
    "uid_twice": ("uid {uid} is also on {other}", "uid {uid} 与{other}重复"),
    "no_parent": (
        "parent {parent!r} is neither a row of the file nor a requirement of the project",
        "父需求“{parent}”既不在文件中，也不在项目中",
    ),
    "cycle": (
        "parent {parent} would make a cycle ({path})",
        "父需求 {parent} 会形成循环（{path}）",
    ),
    "own_parent": ("the row is its own parent", "该行的父需求是它自己"),
    "level_jump": (
        "outline level {level} follows level {previous}: a level may go down one step at a time",
        "大纲级别 {level} 紧跟在级别 {previous} 之后：级别每次只能加深一级",
    ),
    "ragged": (
        "the row has {count} cells but the header has {columns}; the extra cells hold {extra!r}",
        "该行有 {count} 个单元格，而表头只有 {columns} 列；多出的单元格内容为“{extra}”",
    ),
    "link_end": (
        "link end {ref!r} is neither a row of the file nor a requirement of the project",
        "链接端“{ref}”既不在文件中，也不在项目中",
    ),
    "link_type": (
        "link type {value!r} is not one of {allowed}",
        "链接类型“{value}”不是以下之一：{allowed}",
    ),
}

FIELD_NAMES: Mapping[str, tuple[str, str]] = {
    "uid": ("uid", "uid"),
    "key": ("key", "编号"),
    "parent": ("parent", "父需求"),
    "level": ("outline level", "大纲级别"),
    "kind": ("kind", "类型"),
    "title": ("title", "标题"),
    "status": ("status", "状态"),
    "priority": ("priority", "优先级"),
    "kano": ("Kano category", "Kano 分类"),
    "owner": ("owner", "负责人"),
    "tags": ("tags", "标签"),
    "description": ("description", "描述"),
    "acceptance": ("acceptance criteria", "验收标准"),
    "release": ("release", "版本"),
    "lane": ("lane", "泳道"),
    "start": ("start", "开始日期"),
    "end": ("end", "结束日期"),
    "effort": ("effort", "工作量"),
    "reach": ("reach", "覆盖面"),
    "impact": ("impact", "影响力"),
    "confidence": ("confidence", "信心"),
    "source": ("source", "来源"),
    "value": ("business value", "价值"),
    "horizon": ("horizon", "时间范围"),
    "persona": ("persona", "用户画像"),
}


def say(code: str, language: str, **params: object) -> str:
    en, zh = TEXTS[code]
    return (zh if language == "zh" else en).format(**params)


def field_name(name: str, language: str) -> str:
    en, zh = FIELD_NAMES.get(name, (name, name))
    return zh if language == "zh" else en
