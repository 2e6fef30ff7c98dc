"""Business value, horizon and persona (schema 7) in and out: columns of csv and
xlsx, attributes of ReqIF, read back into the same values; personas by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from tests.interop.conftest import flat, run, snapshot_of

Json = dict[str, Any]


def _schema7(snapshot: Json) -> dict[str, tuple[Any, Any, str | None]]:
    """key → (value, horizon, persona's name)."""
    names = {p["uid"]: p["name"] for p in snapshot.get("personas", [])}
    return {
        n["key"]: (n.get("value"), n.get("horizon"), names.get(n.get("persona") or ""))
        for n, _ in flat(snapshot)
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".reqif"])
def test_value_horizon_and_persona_make_the_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    project = tmp_path / "s.pmdesk"
    run(capsys, "sample", project)
    opened = Project.open(project, data_dir=tmp_path / "data")
    try:
        keys = [n for n, _ in flat(opened.snapshot())]
        horizons = ("now", "next", "later", "now", None, "later")
        for node, horizon in zip(keys[:6], horizons, strict=True):
            opened.apply(Update("requirement", node["uid"], {"horizon": horizon, "value": 7.5}))
        opened.save()
    finally:
        opened.close(discard=True)
    fmt = suffix[1:]
    out = tmp_path / f"out{suffix}"
    assert run(capsys, "export", project, "--format", fmt, "-o", out)[0] == 0
    code, said, err = run(capsys, "import", tmp_path / "back.pmdesk", "--from", out)
    assert (code, err) == (0, "") and "New personas" in said  # the file's, made anew
    original, back = _schema7(snapshot_of(project)), _schema7(snapshot_of(tmp_path / "back.pmdesk"))
    assert back == original
    assert sum(h is not None for _, h, _ in original.values()) == 5
    assert sum(p is not None for _, _, p in original.values()) > 5


def test_chinese_headers_set_them_and_a_missing_persona_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "s.pmdesk"
    run(capsys, "sample", project)
    before = snapshot_of(project)
    first, second = (n["key"] for n, _ in flat(before)[:2])
    source = tmp_path / "edit.csv"
    source.write_text(
        "编号,标题,价值,时间范围,用户画像\n"
        f"{first},,8,现在,老王\n"
        f"{second},,2.5,Later,采购专员\n"
        ",新需求,,,采购专员\n",
        encoding="gbk",
    )
    code, out, err = run(capsys, "import", project, "--from", source, "--update")
    assert (code, err) == (0, "")
    assert "New personas" in out and "采购专员" in out
    after = snapshot_of(project)
    values = _schema7(after)
    assert values[first] == (8.0, "now", "老王")
    assert values[second] == (2.5, "later", "采购专员")
    assert [p["name"] for p in after["personas"]].count("采购专员") == 1  # made once
    assert len(after["personas"]) == len(before["personas"]) + 1


def test_a_value_outside_0_to_10_is_a_problem_of_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "v.csv"
    source.write_text("Title,Business value,Horizon\nA,12,now\nB,3,someday\n", encoding="utf-8")
    code, _, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert code != 0 and not (tmp_path / "p.pmdesk").exists()
    assert "row 2: business value '12' is not between 0 and 10" in err
    assert "row 3: horizon 'someday' is not one of now, next, later" in err
