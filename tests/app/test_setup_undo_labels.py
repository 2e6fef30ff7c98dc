"""The Edit menu names releases', lanes' and properties' edits in the UI's language."""

from __future__ import annotations

from pmdesk.app.session import label_text
from pmdesk.core.ops import Label
from pmdesk.core.ops.labels import named


def test_labels_in_chinese(chinese: None) -> None:
    move = Label(
        "move",
        "release",
        "v1.1",
        text="release.move",
        params=(("end", "2027-06-30"), ("name", "v1.1"), ("start", "2027-04-05")),
    )
    assert label_text(move) == "将版本 v1.1 移至 2027-04-05 – 2027-06-30"
    rename = Label(
        "rename", "lane", "Growth", text="lane.rename", params=(("name", "Growth"), ("new", "增长"))
    )
    assert label_text(rename) == "将泳道 Growth 重命名为 增长"
    status = Label(
        "edit",
        "release",
        "v1",
        text="release.status",
        params=(("name", "v1"), ("status", "released")),
    )
    assert label_text(status) == "将版本 v1 设为已发布"
    assert label_text(Label("edit", "project", "", text="project.product")) == "设置产品名称"
    assert label_text(named("create", "milestone", "Beta")) == "新建里程碑 Beta"


def test_labels_in_english() -> None:
    status = Label(
        "edit",
        "release",
        "v1",
        text="release.status",
        params=(("name", "v1"), ("status", "in_progress")),
    )
    assert label_text(status) == "Set release v1 to In progress"
