"""Synthetic, realistic pmdesk snapshots of any size, reproducible from a seed.

The tree has three levels like a real PRD: epics with about ten features with about
ten stories each (fan-out varies 8–12). Titles and descriptions mix Chinese and
English; descriptions are Markdown of a few hundred characters; requirements carry
acceptance criteria, tags, RICE inputs, a release, a lane, dates and time stamps.
About one link per ten requirements joins random requirements.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

Json = dict[str, Any]

_ZH_VERBS = ("支持", "优化", "新增", "重构", "完善", "统一", "简化", "批量", "自动", "接入")
_ZH_OBJECTS = (
    "客户列表筛选",
    "销售漏斗报表",
    "线索分配规则",
    "合同审批流程",
    "商机阶段看板",
    "数据权限配置",
    "移动端拜访记录",
    "邮件模板管理",
    "发票与回款同步",
    "客户画像标签",
    "工单升级策略",
    "企业微信消息通知",
    "客户查重与合并",
    "导入导出中心",
    "审计日志查询",
)
_EN_VERBS = ("Support", "Improve", "Add", "Rework", "Simplify", "Automate", "Unify", "Export")
_EN_OBJECTS = (
    "customer list filters",
    "sales funnel report",
    "lead assignment rules",
    "contract approval flow",
    "opportunity board",
    "data permission settings",
    "mobile visit log",
    "email templates",
    "invoice and payment sync",
    "customer profile tags",
    "ticket escalation policy",
    "audit log search",
)
_ZH_SENTENCES = (
    "在华东大区 12 家客户的访谈中，销售在拜访前平均要切换 **4 个页面**才能拼凑出客户全貌。",
    "目前租户的客户信息分散在个人 Excel、企业微信聊天记录和旧版客户模块三处，重复客户占比约 9.6%。",
    "本需求的目标是让客户经理在 30 秒内完成拜访前准备，并减少销售交接时丢失的跟进记录。",
    "当前用户无权查看的模块显示「无权限」占位而非直接隐藏，避免被误判为「没有数据」。",
    "该能力需要与合同、回款和工单模块打通，数据口径以财务系统为准，每日凌晨同步一次。",
    "试点租户反馈：筛选条件无法保存，每次打开列表都要重新设置，平均每天浪费约 15 分钟。",
    "非功能要求：P95 响应时间不超过 2 秒，支持 10 万级客户数据量，操作全部记录审计日志。",
    "上线后通过埋点统计使用率，若 60 天内周活跃使用率低于 30%，进入复盘并调整方案。",
)
_EN_SENTENCES = (
    "Sales reps switch between four screens before a customer visit to piece together the "
    "full picture of an account.",
    "Customer data is scattered across personal spreadsheets, chat threads and the legacy "
    "module, and about 9.6% of records are duplicates.",
    "The goal is that an account manager can prepare a visit in under **30 seconds**.",
    "Modules the user may not see show a *no access* placeholder instead of being hidden.",
    "Figures follow the finance system's definitions and are synchronised nightly.",
    "Pilot tenants report that saved filters are lost, costing each rep about 15 minutes a day.",
    "Non-functional: p95 response under 2 s with 100,000 customers; every change is audited.",
)
_ZH_BULLETS = (
    "- 首屏：概览卡片 + 等级/健康度徽标 + 负责人",
    "- 页签：联系人 / 商机 / 合同与回款 / 工单 / 动态时间线",
    "- 支持按负责人、地区、行业和客户等级组合筛选",
    "- 批量操作结果以通知形式返回，失败条目可下载明细",
)
_EN_BULLETS = (
    "- First screen: overview card, grade and health badges, owner",
    "- Tabs: contacts / opportunities / contracts / tickets / timeline",
    "- Filter by owner, region, industry and grade, and save the filter",
    "- Bulk results arrive as a notification with a downloadable error list",
)
_ZH_ACCEPTANCE = (
    "客户关联记录达 500 条时，详情页 P95 加载时间 ≤ 2 秒",
    "无权限模块显示「无权限」占位，不直接隐藏",
    "筛选条件在重新登录后仍然保留",
    "批量导入 1 万条客户数据在 3 分钟内完成，失败条目给出原因",
    "所有修改写入审计日志，可按操作人和时间查询",
)
_EN_ACCEPTANCE = (
    "With 500 related records the detail page loads in under 2 s at p95",
    "Saved filters survive logging out and in again",
    "Importing 10,000 customers finishes within 3 minutes and lists failed rows with reasons",
    "Every change is written to the audit log and can be searched by user and time",
)
_TAGS = ("客户档案", "数据质量", "移动端", "Web", "报表", "权限", "API", "性能", "合规", "UX")
_OWNERS = ("张伟", "李娜", "王芳", "陈静", "刘洋", "Alice Chen", "Bob Smith", "Priya Rao")
_SOURCES = ("华东大区客户访谈", "客服工单分析", "Sales kickoff feedback", "竞品分析", "")
_LANES = ("客户数据", "销售协同", "数据智能", "平台与合规", "Mobile", "Integrations")
_SECTION_TITLES = ("文档目的", "背景与问题", "目标与范围", "用户与场景", "非功能需求", "术语表")


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def title(self, kind: str, zh: bool) -> str:
        r = self.rng
        if zh:
            return f"{r.choice(_ZH_VERBS)}{r.choice(_ZH_OBJECTS)}"
        return f"{r.choice(_EN_VERBS)} {r.choice(_EN_OBJECTS)}"

    def description(self, zh: bool) -> str:
        r = self.rng
        sentences, bullets = (_ZH_SENTENCES, _ZH_BULLETS) if zh else (_EN_SENTENCES, _EN_BULLETS)
        target = r.randint(200, 500)
        parts: list[str] = []
        while sum(len(p) for p in parts) < target:
            parts.append(r.choice(sentences))
        text = "".join(parts) if zh else " ".join(parts)
        if r.random() < 0.5:
            text += "\n\n" + "\n".join(r.sample(bullets, r.randint(2, len(bullets))))
        return text


def _date(day: dt.date) -> str:
    return day.isoformat()


def generate(count: int, seed: int = 20270104) -> Json:
    """A snapshot dictionary (see DESIGN "Snapshot format") with `count` requirements."""
    g = _Gen(seed + count)
    r = g.rng
    first = dt.date(2027, 1, 4)
    releases = []
    for i in range(8):
        start = first + dt.timedelta(days=91 * i)
        end = start + dt.timedelta(days=87)
        name = f"v{1 + i // 4}.{i % 4}"
        releases.append({"uid": g.uid(), "name": name, "start": _date(start), "end": _date(end)})
    milestones = [
        {"uid": g.uid(), "name": f"{rel['name']} 评审通过", "date": rel["start"]}
        for rel in releases[::2]
    ]
    lanes = [{"uid": g.uid(), "name": name} for name in _LANES]
    sections = [
        {"uid": g.uid(), "title": title, "body": "\n\n".join(g.description(True) for _ in range(3))}
        for title in _SECTION_TITLES
    ]

    uids: list[str] = []
    number = 0

    def node(kind: str, release: Json, lane: Json) -> Json:
        nonlocal number
        number += 1
        zh = r.random() < 0.6
        uid = g.uid()
        uids.append(uid)
        acceptance_pool = _ZH_ACCEPTANCE if zh else _EN_ACCEPTANCE
        rice = None
        if kind != "epic" and r.random() < 0.7:
            rice = {
                "reach": r.choice((500, 1000, 5000, 38000)),
                "impact": r.choice((0.25, 0.5, 1, 2, 3)),
                "confidence": r.choice((0.5, 0.8, 1)),
                "effort": r.choice((0.5, 1, 2, 3, 5, 8)),
            }
        start = end = None
        if r.random() < 0.6:
            rel_start = dt.date.fromisoformat(release["start"])
            s = rel_start + dt.timedelta(days=r.randint(0, 60))
            start, end = _date(s), _date(s + dt.timedelta(days=r.randint(3, 25)))
        owner = r.choice(_OWNERS)
        created = f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T09:{r.randint(0, 59):02d}:00"
        return {
            "uid": uid,
            "key": f"REQ-{number}",
            "kind": kind,
            "title": g.title(kind, zh),
            "description": g.description(zh),
            "acceptance": r.sample(acceptance_pool, r.randint(2, 4)),
            "status": r.choice(("idea", "draft", "review", "approved", "in_progress", "done")),
            "priority": r.choice(("must", "should", "could", "wont")),
            "kano": r.choice(("basic", "performance", "delighter", "indifferent")),
            "rice": rice,
            "owner": owner,
            "tags": r.sample(_TAGS, r.randint(0, 4)),
            "source": r.choice(_SOURCES),
            "release": release["uid"] if r.random() < 0.9 else None,
            "lane": lane["uid"],
            "start": start,
            "end": end,
            "created": {"at": created, "by": owner},
            "updated": {"at": created, "by": owner},
            "children": [],
        }

    requirements: list[Json] = []
    while number < count:
        release, lane = r.choice(releases), r.choice(lanes)
        epic = node("epic", release, lane)
        requirements.append(epic)
        for _ in range(r.randint(8, 12)):
            if number >= count:
                break
            feature = node("feature", release, lane)
            epic["children"].append(feature)
            for _ in range(r.randint(8, 12)):
                if number >= count:
                    break
                feature["children"].append(node("story", release, lane))

    links: list[Json] = []
    seen: set[tuple[str, str, str]] = set()
    link_types = ("depends_on", "blocks", "relates_to", "duplicates", "derived_from")
    while len(links) < count // 10 and len(uids) > 1:
        a, b = r.sample(uids, 2)
        ends = (a, b, r.choice(link_types))
        if ends not in seen:
            seen.add(ends)
            links.append({"uid": g.uid(), "from": a, "to": b, "type": ends[2]})

    return {
        "pmdesk_snapshot": 1,
        "project": {
            "uid": g.uid(),
            "title": f"基准测试项目 · Benchmark ({count:,} requirements)",
            "product": "云帆 CRM",
            "version": "1.0",
            "authors": ["张伟", "Alice Chen"],
            "key_prefix": "REQ",
            "language": "zh",
            "created_at": "2026-01-05T09:00:00",
        },
        "releases": releases,
        "milestones": milestones,
        "lanes": lanes,
        "requirements": requirements,
        "links": links,
        "sections": sections,
        "baselines": [],
        "history": [],
    }


def count_requirements(nodes: list[Json]) -> int:
    return sum(1 + count_requirements(n["children"]) for n in nodes)
