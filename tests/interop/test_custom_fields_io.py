"""Custom fields (schema 9) in and out: columns of csv and xlsx, attributes of
ReqIF, created on import with a kind guessed from the values, round trips keep
them; a value that does not fit an existing field is a problem of its row."""

from __future__ import annotations

import csv
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from pmdesk.core.ops import Create, Remove
from pmdesk.core.ops.custom import SetCustomValues
from pmdesk.core.project import Project
from tests.interop.conftest import flat, run, snapshot_of

Json = dict[str, Any]
FIELDS: tuple[tuple[str, str, list[str]], ...] = (
    ("模块", "choice", ["登录", "报表", "支付"]),
    ("平台", "choices", ["iOS", "Android", "Web"]),
    ("工时", "number", []),
    ("上线日期", "date", []),
    ("测试负责人", "person", []),
    ("备注", "text", []),
)
VALUES: tuple[Json, ...] = (
    {"模块": "登录", "平台": ["iOS", "Web"], "工时": 3.5, "上线日期": "2027-03-01"},
    {
        "模块": "报表",
        "平台": ["Android"],
        "工时": 8,
        "测试负责人": "王芳",
        "备注": "老板提的\n第二行",
    },
    {"模块": "登录", "备注": "x"},
)


def _custom(snapshot: Json) -> tuple[dict[str, tuple[str, list[str]]], dict[str, Json]]:
    """({field name: (kind, options)}, {key: {field name: value}})."""
    fields = {f["uid"]: f for f in snapshot.get("custom_fields", [])}
    kinds = {f["name"]: (f["kind"], f["options"]) for f in fields.values()}
    values = {
        n["key"]: {fields[u]["name"]: v for u, v in (n.get("custom") or {}).items()}
        for n, _ in flat(snapshot)
        if n.get("custom")
    }
    return kinds, values


def _project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "s.pmdesk"
    run(capsys, "sample", path)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        # The sample's own fields (平台, 试点客户, 预计上线) give way to these six.
        project.apply(Remove(tuple(("custom_field", f.uid) for f in project.custom_fields())))
        uids = {}
        for name, kind, options in FIELDS:
            uids[name] = str(uuid.uuid4())
            values = {"name": name, "kind": kind, "options": options}
            project.apply(Create("custom_field", uids[name], values))
        nodes = [n for n, _ in flat(project.snapshot())]
        project.apply(
            SetCustomValues(
                {
                    node["uid"]: {uids[k]: v for k, v in values.items()}
                    for node, values in zip(nodes[1:4], VALUES, strict=True)
                }
            )
        )
        project.save()
    finally:
        project.close(discard=True)
    return path


@pytest.mark.parametrize("suffix", [".reqif", ".reqifz"])
def test_reqif_round_trip_keeps_custom_fields_their_kinds_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    project = _project(tmp_path, capsys)
    out = tmp_path / f"out{suffix}"
    assert run(capsys, "export", project, "--format", "reqif", "-o", out)[0] == 0
    code, said, err = run(capsys, "import", tmp_path / "back.pmdesk", "--from", out)
    assert (code, err) == (0, "")
    assert "New custom fields: 模块 (choice), 平台 (choices)" in said
    original, back = _custom(snapshot_of(project)), _custom(snapshot_of(tmp_path / "back.pmdesk"))
    assert back == original
    assert original[0]["测试负责人"] == ("person", [])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_sheet_edited_in_excel_updates_custom_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    project = _project(tmp_path, capsys)
    before_kinds, before = _custom(snapshot_of(project))
    out = tmp_path / f"out{suffix}"
    assert run(capsys, "export", project, "--format", suffix[1:], "-o", out)[0] == 0
    if suffix == ".xlsx":
        book = load_workbook(out)
        sheet = book["需求"]
        headers = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            if row[headers.index("工时")].value == 8:
                row[headers.index("工时")].value = 13
                row[headers.index("备注")].value = None
        book.save(out)
    else:
        with open(out, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        at, note = rows[0].index("工时"), rows[0].index("备注")
        for row in rows[1:]:
            if row[at] == "8":
                row[at], row[note] = "13", ""
        with open(out, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)
    code, said, err = run(capsys, "import", project, "--from", out, "--update")
    assert (code, err) == (0, "") and "0 requirements created, 1 updated" in said
    kinds, after = _custom(snapshot_of(project))
    assert kinds == before_kinds  # matched by name, nothing new
    [changed] = [k for k in before if before[k] != after.get(k)]
    assert after[changed]["工时"] == 13 and "备注" not in after[changed]
    assert {k: v for k, v in after.items() if k != changed} == {
        k: v for k, v in before.items() if k != changed
    }


def test_columns_without_a_field_become_custom_fields_of_a_guessed_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "backlog.csv"
    source.write_text(
        "标题,工时,上线日期,测试负责人,模块,平台,备注\n"
        "登录,3,2027/03/01,王芳,账号,iOS、Android,老板提的\n"
        "报表,5.5,2027-04-15,李雷,报表,Web,\n"
        "支付,,2027年5月1日,王芳,账号,iOS,要快\n",
        encoding="gbk",
    )
    code, _, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert (code, err) == (0, "")
    kinds, values = _custom(snapshot_of(tmp_path / "p.pmdesk"))
    assert kinds == {
        "工时": ("number", []),
        "上线日期": ("date", []),
        "测试负责人": ("person", []),
        "模块": ("choice", ["账号", "报表"]),
        "平台": ("choices", ["iOS", "Android", "Web"]),
        "备注": ("text", []),
    }
    [login] = [v for v in values.values() if v.get("备注") == "老板提的"]
    assert login == {
        "工时": 3,
        "上线日期": "2027-03-01",
        "测试负责人": "王芳",
        "模块": "账号",
        "平台": ["iOS", "Android"],
        "备注": "老板提的",
    }


def test_a_value_that_does_not_fit_an_existing_field_is_a_row_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, capsys)
    key = flat(snapshot_of(project))[1][0]["key"]
    source = tmp_path / "bad.csv"
    source.write_text(f"编号,工时,模块\n{key},很多,结算\n", encoding="utf-8")
    code, _, err = run(capsys, "import", project, "--from", source, "--update")
    assert code != 0
    assert "row 2: 工时 '很多' is not a number" in err
    assert "row 2: 模块 '结算' is not one of 登录, 报表, 支付" in err


def test_texts_with_commas_stay_text_and_repeated_columns_keep_every_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "jira.csv"
    source.write_text(
        "Summary,Issue key,Issue Type,Comment,Comment,Component\n"
        'Login,AB-1,Story,"first, with a comma",second,Core\n'
        'Report,AB-2,Story,"another, also",,Growth\n',
        encoding="utf-8",
    )
    code, said, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert (code, err) == (0, "")
    assert "New custom fields: Comment (text), Component (text)." in said
    _, values = _custom(snapshot_of(tmp_path / "p.pmdesk"))
    assert values["AB-1"] == {"Comment": "first, with a comma\nsecond", "Component": "Core"}


def test_a_mapping_file_names_custom_fields_and_translates_their_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, capsys)
    key = flat(snapshot_of(project))[1][0]["key"]
    source = tmp_path / "m.csv"
    source.write_text(f"ID,Module\n{key},RPT\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text(
        '{"columns": {"ID": "key", "Module": "custom:模块"},'
        ' "values": {"custom:模块": {"RPT": "报表"}}}',
        encoding="utf-8",
    )
    code, said, err = run(capsys, "import", project, "--from", source, "--update", "--map", mapping)
    assert (code, err) == (0, "") and "0 requirements created, 1 updated" in said
    assert _custom(snapshot_of(project))[1][key]["模块"] == "报表"


def test_a_saved_views_custom_columns_are_exported_by_their_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, capsys)
    opened = Project.open(project, data_dir=tmp_path / "data2")
    try:
        view = {"name": "平台视图", "columns": ["status", "custom1", "custom2"]}
        opened.apply(Create("saved_view", str(uuid.uuid4()), view))
        opened.save()
    finally:
        opened.close(discard=True)
    out = tmp_path / "v.csv"
    code, _, err = run(
        capsys, "export", project, "--format", "csv", "-o", out, "--view", "平台视图"
    )
    assert (code, err) == (0, "")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["编号", "标题", "状态", "平台", "工时"]  # the 2nd and 3rd custom fields
    assert ["iOS, Web", "3.5"] in [r[3:] for r in rows]


def test_a_libreoffice_workbook_brings_value_horizon_persona_and_custom_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "plan.csv"
    source.write_text(
        "标题,价值,时间范围,用户画像,工时,模块\n"
        "登录,8,现在,销售经理,3,账号\n"
        "报表,4.5,以后,财务,2.5,报表\n"
        "找回密码,6,接下来,销售经理,1,账号\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--infilter=CSV:44,34,76",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    code, said, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", tmp_path / "plan.xlsx")
    assert (code, err) == (0, "")
    assert "New custom fields: 工时 (number), 模块 (choice)." in said
    snapshot = snapshot_of(tmp_path / "p.pmdesk")
    personas = {p["uid"]: p["name"] for p in snapshot["personas"]}
    assert sorted(personas.values()) == ["财务", "销售经理"]
    kinds, values = _custom(snapshot)
    assert kinds["模块"] == ("choice", ["账号", "报表"])
    login = next(n for n, _ in flat(snapshot) if n["title"] == "登录")
    assert (login["value"], login["horizon"], personas[login["persona"]]) == (8, "now", "销售经理")
    assert values[login["key"]] == {"工时": 3, "模块": "账号"}
