"""`pmdesk search FILE QUERY [--json]` (**contract**), run as a real process:
matches best first, exit 0 with matches, 1 with none, 2 and one sentence for a
file that is not a project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmdesk.core.newproject.sample import write_sample


def pmdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PMDESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def crm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "crm.pmdesk"
    write_sample(path, "zh")
    return path


def test_matches_best_first_with_where_and_a_snippet(crm: Path) -> None:
    result = pmdesk("search", crm, "登录")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("CRM-26  企业微信 / 钉钉推送")
    assert lines[1].split()[0] == "acceptance:" and "免[登录]进入" in lines[1]
    assert lines[-2].startswith("§") and "非功能需求" in lines[-2]  # a PRD section
    assert "section_body: " in lines[-1] and "[登录]支持企业 SSO" in lines[-1]
    assert result.stderr == ""


def test_json_gives_the_contracts_keys(crm: Path) -> None:
    result = pmdesk("search", crm, "王强", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(list(r) == ["key", "uid", "title", "field", "snippet"] for r in rows)
    assert rows[0]["field"] == "owner" and rows[0]["snippet"] == "[王强]"
    assert rows[0]["key"].startswith("CRM-") and len(rows[0]["uid"]) == 36
    mixed = json.loads(pmdesk("search", crm, "excel 导入", "--json").stdout)
    assert mixed[0]["key"] == "CRM-8" and mixed[0]["title"] == "客户批量导入"


def test_no_matches_exit_1(crm: Path) -> None:
    result = pmdesk("search", crm, "量子计算")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "pmdesk: no matches for “量子计算” in crm.pmdesk.\n"
    result = pmdesk("search", crm, "量子计算", "--json")
    assert (result.returncode, json.loads(result.stdout)) == (1, [])


def test_a_missing_or_damaged_file_is_one_sentence(tmp_path: Path) -> None:
    result = pmdesk("search", tmp_path / "gone.pmdesk", "x")
    assert result.returncode == 2
    assert result.stderr == f"pmdesk: {tmp_path / 'gone.pmdesk'} does not exist.\n"
    (tmp_path / "x.pmdesk").write_bytes(os.urandom(300))
    result = pmdesk("search", tmp_path / "x.pmdesk", "x")
    assert result.returncode == 2
    assert result.stderr == (
        "pmdesk: x.pmdesk is not a pmdesk project (it is not a database at all).\n"
    )
    result = pmdesk("search", tmp_path / "x.pmdesk", " ")
    assert result.returncode == 2 and "The query is empty" in result.stderr
