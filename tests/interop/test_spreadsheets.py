"""CSV and Excel in and out, through the command line, read back from the file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.interop.conftest import by_title, flat, run, snapshot_of

GBK_ROWS = [
    ["编号", "标题", "优先级", "状态", "负责人", "父需求", "标签", "备注"],
    ["A-1", "账号登录", "高", "草稿", "张三", "", "登录、安全", "老板提的"],
    ["A-2", "短信验证码登录", "中", "开发中", "李四", "A-1", "", ""],
    ["A-3", "导出报表", "低", "已完成", "", "", "报表", ""],
]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("gbk", ","), ("gb18030", ";"), ("utf-8-sig", ","), ("utf-8", "\t"), ("utf-16", "\t")],
)
def test_a_chinese_csv_in_any_common_encoding_imports_with_its_hierarchy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, delimiter: str
) -> None:
    source = tmp_path / "backlog.csv"
    source.write_bytes(_csv(GBK_ROWS, delimiter).encode(encoding))
    code, out, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert (code, err) == (0, "")
    assert "New custom fields: 备注 (text)." in out  # what pmdesk has no field for is kept
    found = by_title(snapshot_of(tmp_path / "p.pmdesk"))
    login, parent = found["账号登录"]
    assert (login["key"], login["priority"], login["status"], login["owner"]) == (
        "A-1",
        "must",
        "draft",
        "张三",
    )
    assert login["tags"] == ["登录", "安全"]
    sms, parent = found["短信验证码登录"]
    assert (parent, sms["priority"], sms["status"]) == ("A-1", "should", "in_progress")
    assert found["导出报表"][0]["priority"] == "could"


def test_xlsx_round_trip_through_pmdesk_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "sample", tmp_path / "s.pmdesk")[0] == 0
    assert (
        run(capsys, "export", tmp_path / "s.pmdesk", "--format", "xlsx", "-o", tmp_path / "a.xlsx")[
            0
        ]
        == 0
    )
    code, _, err = run(capsys, "import", tmp_path / "b.pmdesk", "--from", tmp_path / "a.xlsx")
    assert (code, err) == (0, "")
    assert (
        run(capsys, "export", tmp_path / "b.pmdesk", "--format", "xlsx", "-o", tmp_path / "b.xlsx")[
            0
        ]
        == 0
    )
    first, second = load_workbook(tmp_path / "a.xlsx"), load_workbook(tmp_path / "b.xlsx")
    assert first.sheetnames == second.sheetnames == ["需求", "版本", "链接"]
    for name in first.sheetnames:
        a = [list(r) for r in first[name].iter_rows(values_only=True)]
        b = [list(r) for r in second[name].iter_rows(values_only=True)]
        assert a == b, name
    sheet = first["需求"]
    assert sheet.freeze_panes == "A2"
    assert len(a := [r for r in sheet.iter_rows(values_only=True)]) > 10 and a[0][0] == "编号"
    original, copy = snapshot_of(tmp_path / "s.pmdesk"), snapshot_of(tmp_path / "b.pmdesk")
    fields = (
        "uid",
        "key",
        "kind",
        "title",
        "status",
        "priority",
        "kano",
        "owner",
        "tags",
        "description",
        "acceptance",
        "start",
        "end",
        "rice",
        "source",
    )
    assert [{f: n.get(f) for f in fields} | {"parent": p} for n, p in flat(original)] == [
        {f: n.get(f) for f in fields} | {"parent": p} for n, p in flat(copy)
    ]
    assert [(r["name"], r["start"], r["end"]) for r in original["releases"]] == [
        (r["name"], r["start"], r["end"]) for r in copy["releases"]
    ]
    assert len(original["links"]) == len(copy["links"]) > 0


def test_a_sheet_edited_in_excel_updates_the_same_requirements_by_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "s.pmdesk"
    run(capsys, "sample", project)
    before = snapshot_of(project)
    run(capsys, "export", project, "--format", "xlsx", "-o", tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["需求"]
    headers = [c.value for c in sheet[1]]
    title, uid, key, parent = (headers.index(h) for h in ("标题", "uid", "编号", "父需求"))
    first = [c for c in sheet[2]]
    first[title].value = "改过的标题"
    sheet.delete_cols(uid + 1)  # no uid column: matched by key alone
    sheet.append(["", first[key].value, 2, "用户故事", "新的子需求", "草稿"])
    book.save(tmp_path / "edited.xlsx")
    code, out, err = run(capsys, "import", project, "--from", tmp_path / "edited.xlsx", "--update")
    assert (code, err) == (0, "")
    assert "1 requirements created, 1 updated" in out
    after = snapshot_of(project)
    assert len(flat(after)) == len(flat(before)) + 1
    found = by_title(after)
    assert found["改过的标题"][0]["uid"] == flat(before)[0][0]["uid"]
    assert found["新的子需求"][1] == first[key].value
    del parent


def test_a_spreadsheet_saved_by_libreoffice_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "backlog.csv"
    rows = [
        ["Title", "Priority", "Status", "Assignee", "Due date", "Effort", "Parent", "ID"],
        ["Sign in", "High", "Draft", "Ann", "2027-03-01", "3", "", "R-1"],
        ["Single sign-on", "Low", "In progress", "Bo", "2027-04-15", "1.5", "R-1", "R-2"],
    ]
    source.write_text(_csv(rows), encoding="utf-8")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
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
    assert run(capsys, "import", tmp_path / "p.pmdesk", "--from", tmp_path / "backlog.xlsx")[0] == 0
    # and LibreOffice reads pmdesk's own workbook back
    assert (
        run(
            capsys, "export", tmp_path / "p.pmdesk", "--format", "xlsx", "-o", tmp_path / "out.xlsx"
        )[0]
        == 0
    )
    (tmp_path / "lo-out").mkdir()
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "lo-out"),
            str(tmp_path / "out.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (tmp_path / "lo-out" / "out.csv").read_text(encoding="utf-8")
    assert "Single sign-on" in text and "2027-04-15" in text
    found = by_title(snapshot_of(tmp_path / "p.pmdesk"))
    sso, parent = found["Single sign-on"]
    assert (parent, sso["priority"], sso["end"], sso["rice"]["effort"]) == (
        "R-1",
        "could",
        "2027-04-15",
        1.5,
    )
    assert found["Sign in"][0]["key"] == "R-1"


def test_csv_export_is_utf8_with_bom_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "sample", tmp_path / "s.pmdesk")
    assert (
        run(capsys, "export", tmp_path / "s.pmdesk", "--format", "csv", "-o", tmp_path / "a.csv")[0]
        == 0
    )
    data = (tmp_path / "a.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "编号".encode() in data
    assert run(capsys, "import", tmp_path / "b.pmdesk", "--from", tmp_path / "a.csv")[0] == 0
    assert [n["title"] for n, _ in flat(snapshot_of(tmp_path / "s.pmdesk"))] == [
        n["title"] for n, _ in flat(snapshot_of(tmp_path / "b.pmdesk"))
    ]


def test_a_mapping_file_names_columns_and_translates_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.csv"
    source.write_text(
        _csv([["Thing", "Urgency", "Notes"], ["Pay by card", "P-A", "n"]]), encoding="utf-8"
    )
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {"Thing": "title", "Urgency": "priority", "Notes": "custom:notes"},
                "values": {"priority": {"P-A": "must"}},
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source, "--map", mapping)
    assert code == 0 and "New custom fields: notes (text)." in out
    project = snapshot_of(tmp_path / "p.pmdesk")
    [notes] = project["custom_fields"]
    card = by_title(project)["Pay by card"][0]
    assert card["priority"] == "must" and card["custom"] == {notes["uid"]: "n"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("标题,优先级\n登录,高,多出来的\n", "row 2: the row has 3 cells but the header has 2"),
        (
            "标题,优先级\n登录,紧急\n",
            "row 2: priority '紧急' is not one of must, should, could, wont",
        ),
        ("标题,编号,父需求\na,A-1,A-2\nb,A-2,A-1\n", "would make a cycle"),
        ("标题,父需求\na,Z-9\n", "row 2: parent 'Z-9' is neither a row of the file"),
        (
            "标题,开始日期,结束日期\na,2027-05-01,2027-04-01\n",
            "row 2: start 2027-05-01 is after end",
        ),
        ("标题,优先级\n", "has a header row but no requirements"),
        ("", "is empty"),
    ],
)
def test_bad_csv_says_which_row_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "p.pmdesk").exists()


def test_files_that_are_not_what_they_say_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    book.active.append(["Title"])
    book.save(tmp_path / "real.xlsx")
    shutil.copy(tmp_path / "real.xlsx", tmp_path / "fake.csv")
    code, _, err = run(capsys, "import", tmp_path / "a.pmdesk", "--from", tmp_path / "fake.csv")
    assert code == 2 and "fake.csv is a zip archive" in err
    (tmp_path / "fake.xlsx").write_text("Title\nx\n", encoding="utf-8")
    code, _, err = run(capsys, "import", tmp_path / "b.pmdesk", "--from", tmp_path / "fake.xlsx")
    assert code == 2 and "not an Excel workbook" in err
    empty = Workbook()
    empty.save(tmp_path / "empty.xlsx")
    code, _, err = run(capsys, "import", tmp_path / "c.pmdesk", "--from", tmp_path / "empty.xlsx")
    assert code == 2 and "only empty sheets" in err
    bad_map = tmp_path / "m.json"
    bad_map.write_text('{"columns": {"Title": "headline"}}', encoding="utf-8")
    code, _, err = run(
        capsys, "import", tmp_path / "d.pmdesk", "--from", tmp_path / "real.xlsx", "--map", bad_map
    )
    assert code == 2 and "'headline', which is not a pmdesk field" in err
    assert not any(
        (tmp_path / n).exists() for n in ("a.pmdesk", "b.pmdesk", "c.pmdesk", "d.pmdesk")
    )
