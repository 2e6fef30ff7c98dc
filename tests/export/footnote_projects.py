"""A project whose sections have footnotes, in Chinese and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.export.prd_projects import make_project

BACKGROUND = (
    "客户数据分散在三个系统里[^1]，销售每周要花两天整理[^src]。\n\n"
    "The churn rate doubled last year[^en], see the **annual report**[^1].\n\n"
    "[^1]: 数据来自 2026 年第三季度的**内部调研**，见[调研报告](https://example.com/survey)。\n"
    "[^src]: Sales team interview, *March 2026*.\n"
    "[^en]: Measured as accounts lost per quarter; see `churn_rate`.\n"
)
GOALS = (
    "第二节也用了一号脚注[^1]。\n\n"
    "| 指标 | 目标 |\n| --- | --- |\n| 留存率[^2] | 95% |\n\n"
    "[^1]: 第二节自己的脚注，与第一节的不同。\n"
    "[^2]: Retention counted over 12 months.\n"
)


def footnote_snapshot() -> dict[str, Any]:
    return {
        "pmdesk_snapshot": 1,
        "project": {"title": "脚注示例", "product": "CRM", "version": "1.0"},
        "requirements": [],
        "sections": [
            {"title": "背景", "body": BACKGROUND},
            {"title": "目标", "body": GOALS},
        ],
    }


def footnote_project(path: Path) -> Path:
    return make_project(path, footnote_snapshot())
