"""The filter box's search: key or title, case-insensitive, one hit per row."""

from __future__ import annotations

from pmdesk.app.tree.search import SearchText


def test_finds_keys_and_titles_once_per_row() -> None:
    search = SearchText(
        [
            ("a", "CRM-1", "客户画像 Customer profile"),
            ("b", "CRM-2", "批量导入客户"),
            ("c", "CRM-12", "Export CUSTOMERS, customers again"),
        ]
    )
    assert search.find("customer") == ["a", "c"]
    assert search.find("客户") == ["a", "b"]
    assert search.find("crm-1") == ["a", "c"]  # CRM-1 and CRM-12
    assert search.find("CRM-2\t批量") == ["b"]  # key and title are one text, tab between
    assert search.find("画像 customer profilecrm") == []  # never across two rows
    assert search.find("") == [] and search.find("zzz") == []
    assert SearchText([]).find("x") == []
