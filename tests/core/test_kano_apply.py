"""Applying a Kano survey to a project on disk: one undo step with a clear label,
only what changes, refused read-only; and the bundled sample survey against the
bundled sample project."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.core.analysis.kano_apply import (
    KanoChange,
    analyse_kano_survey,
    kano_changes,
    requirement_kanos,
    set_kano_operation,
)
from pmdesk.core.analysis.kano_survey import read_kano_survey, sample_survey_path
from pmdesk.core.analysis.survey_csv import SurveyError
from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from pmdesk.core.project_read import ProjectReads

SAMPLE_SURVEY = sample_survey_path()

# What the sample survey says (counts A, O, M, I, R, Q; category; Better; Worse),
# and the sample project's category of each before it is applied.
SAMPLE_RESULTS = {
    "CRM-6": ((3, 8, 13, 5, 0, 1), "M", 11 / 29, -21 / 29, "basic"),
    "CRM-25": ((4, 12, 8, 6, 0, 0), "O", 16 / 30, -20 / 30, "basic"),
    "CRM-26": ((12, 5, 2, 8, 2, 1), "A", 17 / 27, -7 / 27, "performance"),
    "CRM-24": ((14, 4, 0, 9, 2, 1), "A", 18 / 27, -4 / 27, "delighter"),
    "CRM-9": ((9, 11, 4, 6, 0, 0), "O", 20 / 30, -15 / 30, "delighter"),
    "CRM-37": ((5, 3, 0, 15, 4, 2), "I", 8 / 23, -3 / 23, "indifferent"),
    "CRM-22": ((0, 2, 5, 8, 13, 2), "R", 2 / 15, -7 / 15, "basic"),
    "CRM-29": ((6, 7, 4, 13, 0, 0), "I", 13 / 30, -11 / 30, "performance"),
}
CHANGED = {"CRM-25": "performance", "CRM-26": "delighter", "CRM-9": "performance"}
CHANGED |= {"CRM-22": "reverse", "CRM-29": "indifferent"}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "crm.pmdesk"
    path.parent.mkdir()
    write_sample(path, "zh")
    return path


def kanos(project: ProjectReads) -> dict[str, str | None]:
    return {key: row.kano for key, row in project.read(requirement_kanos).items()}


def test_the_sample_survey_against_the_sample_project(sample: Path) -> None:
    with Project.view(sample) as project:
        current = project.read(requirement_kanos)
    found = analyse_kano_survey(SAMPLE_SURVEY, current)
    assert found.survey.shape == "wide" and found.survey.name == "kano_survey_zh.csv"
    assert [r.key for r in found.results] == list(SAMPLE_RESULTS)
    for result in found.results:
        counts, category, better, worse, before = SAMPLE_RESULTS[result.key]
        assert tuple(result.counts.values()) == counts, result.key
        assert result.respondents == sum(counts) == (29 if result.key == "CRM-37" else 30)
        assert result.category == category, result.key
        assert result.better == pytest.approx(better) and result.worse == pytest.approx(worse)
        assert current[result.key].kano == before
    # A mix: every category but Q is chosen somewhere.
    assert {r.category for r in found.results} == {"A", "O", "M", "I", "R"}
    assert {c.key: c.new for c in found.changes} == CHANGED
    assert {c.key: c.old for c in found.changes} == {k: SAMPLE_RESULTS[k][4] for k in CHANGED}


def test_the_english_sample_survey_says_the_same_in_english(tmp_path: Path) -> None:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    with Project.view(path) as project:
        current = project.read(requirement_kanos)
    english = analyse_kano_survey(sample_survey_path("en"), current)
    chinese = analyse_kano_survey(SAMPLE_SURVEY, current)
    assert english.survey.name == "kano_survey_en.csv"
    assert english.survey.answers == chinese.survey.answers
    assert english.results == chinese.results and english.changes == chinese.changes


def test_applying_is_one_undo_step_saved_and_undone_on_disk(sample: Path, tmp_path: Path) -> None:
    project = Project.open(sample, data_dir=tmp_path / "li", user="Li")
    try:
        before = kanos(project)
        found = analyse_kano_survey(SAMPLE_SURVEY, project.read(requirement_kanos))
        op = found.operation()
        assert op is not None and len(op.operations) == 5  # the three unchanged are left out
        applied = project.apply(op)
        assert str(applied.label) == (
            "Set Kano category of 5 requirements from survey kano_survey_zh.csv"
        )
        assert applied.label.text == "kano.apply" and applied.label.count == 5
        assert dict(applied.label.params) == {"count": "5", "name": "kano_survey_zh.csv"}
        assert sorted(e.values["kano"] for e in applied.effects) == sorted(CHANGED.values())
        rows = project.read(requirement_kanos)
        changes = [project.history(rows[key].uid)[0] for key in CHANGED]
        assert {(c.field, c.by) for c in changes} == {("kano", "Li")}
        assert len({c.batch for c in changes}) == 1  # one user action in the history
        assert project.save().saved
    finally:
        project.close()

    again = Project.open(sample, data_dir=tmp_path / "li", user="Li")
    try:
        after = kanos(again)
        assert after == before | CHANGED
        # Applying the same survey again changes nothing.
        assert analyse_kano_survey(SAMPLE_SURVEY, again.read(requirement_kanos)).operation() is None
        undone = again.apply(applied.inverse)  # undo, as the window's stack does
        assert str(undone.label) == str(applied.label)
        assert kanos(again) == before
        again.apply(undone.inverse)  # redo
        assert kanos(again) == before | CHANGED
        again.apply(applied.inverse)
        assert again.save().saved
    finally:
        again.close()
    with Project.view(sample) as view:
        assert kanos(view) == before


def test_read_only_refuses_it_and_leaves_the_file(sample: Path, tmp_path: Path) -> None:
    data = sample.read_bytes()
    project = Project.open(sample, data_dir=tmp_path / "wang", user="Wang", access="read_only")
    try:
        found = analyse_kano_survey(SAMPLE_SURVEY, project.read(requirement_kanos))
        op = found.operation()
        assert op is not None
        with pytest.raises(OperationError) as caught:
            project.apply(op)
        assert caught.value.code == "edit.read_only"
        assert kanos(project)["CRM-22"] == "basic"
    finally:
        project.close()
    assert sample.read_bytes() == data


def test_one_requirement_is_named_and_questionable_results_set_nothing(
    sample: Path, tmp_path: Path
) -> None:
    survey = tmp_path / "问卷 1.csv"
    survey.write_text(
        "序号,CRM-22 正向,CRM-22 反向,CRM-6 正向,CRM-6 反向,CRM-24 正向,CRM-24 反向\n"
        "1,我很不喜欢,我很喜欢,我很喜欢,我很喜欢,我很喜欢,无所谓\n"  # R · Q · A
        "2,无所谓,我很喜欢,我很喜欢,我很喜欢,我很喜欢,无所谓\n",  # R · Q · A
        encoding="gb18030",
    )
    project = Project.open(sample, data_dir=tmp_path / "li", user="Li")
    try:
        found = analyse_kano_survey(survey, project.read(requirement_kanos))
        assert [(r.key, r.category, r.kano) for r in found.results] == [
            ("CRM-22", "R", "reverse"),
            ("CRM-6", "Q", None),  # questionable: left as it is
            ("CRM-24", "A", "delighter"),  # already a delighter: left out
        ]
        op = found.operation()
        assert op is not None and len(op.operations) == 1
        applied = project.apply(op)
        assert str(applied.label) == "Set Kano category of CRM-22 from survey 问卷 1.csv"
        assert kanos(project)["CRM-22"] == "reverse" and kanos(project)["CRM-6"] == "basic"
    finally:
        project.close(discard=True)


def test_nothing_to_change_is_no_operation() -> None:
    assert set_kano_operation([], "kano.csv") is None
    assert kano_changes([], {}) == []


def test_the_window_says_the_label_and_a_refusal_in_chinese(tmp_path: Path) -> None:
    """What the Edit menu and an error box show in a Chinese window (the app's
    own functions, with the shipped translation loaded)."""
    qt_core = pytest.importorskip("PySide6.QtCore")
    from pmdesk.app.error_text import error_text
    from pmdesk.app.session import label_text
    from pmdesk.resources import resource_path

    translator = qt_core.QTranslator()
    assert translator.load(str(resource_path("translations", "pmdesk_zh_CN.qm")))
    app = qt_core.QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        changes = [KanoChange("CRM-22", "u1", "basic", "reverse")]
        one = set_kano_operation(changes, "问卷.csv")
        many = set_kano_operation([*changes, KanoChange("CRM-6", "u2", None, "basic")], "k.csv")
        assert one is not None and one.label is not None
        assert many is not None and many.label is not None
        assert label_text(one.label) == "根据问卷 问卷.csv 设置 CRM-22 的 Kano 分类"
        assert label_text(many.label) == "根据问卷 k.csv 设置 2 条需求的 Kano 分类"
        path = tmp_path / "kano.csv"
        path.write_text("CRM-3 正向,CRM-3 反向\n1,maybe\n", encoding="utf-8")
        with pytest.raises(SurveyError) as caught:
            read_kano_survey(path, ["CRM-3"])
        assert error_text(caught.value) == (
            "kano.csv，第 2 行“CRM-3 反向”列：“maybe”不是 Kano 问卷的答案（应为我很喜欢、"
            "理所当然、无所谓、能忍受、我很不喜欢，或 1 到 5）。"
        )
    finally:
        app.removeTranslator(translator)
