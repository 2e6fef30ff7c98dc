"""A Kano survey's CSV as people export it: the wordings, the encodings and
delimiters of survey sites and spreadsheets, the wide and long shapes, and every
damaged or wrong file refused with one sentence naming the file and the place."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmdesk.core.analysis.kano_survey import KanoSurvey, read_kano_survey
from pmdesk.core.analysis.kano_words import answer_of, direction_of
from pmdesk.core.analysis.survey_csv import SurveyError, read_csv

KEYS = ["CRM-3", "CRM-12", "CRM-20"]

# Three respondents on two requirements; each later file says the same in other words.
EXPECTED = {
    "CRM-3": (("like", "dislike"), ("must_be", "dislike"), ("neutral", "live_with")),
    "CRM-12": (("like", "neutral"), ("dislike", "like"), ("live_with", "must_be")),
}
WIDE_ZH = """\
序号,提交答卷时间,CRM-3 功能型,CRM-3 反向,CRM-12 正向,CRM-12 负向
1,2026/11/03 9:01:22,我很喜欢,我很不喜欢,喜欢,无所谓
2,2026/11/03 9:05:40,理所当然,很不喜欢,不喜欢,很喜欢
3,2026/11/03 9:09:03,无所谓,能忍受,可以忍受,必须的
"""


def survey_from(tmp_path: Path, data: bytes, name: str = "kano.csv") -> KanoSurvey:
    path = tmp_path / name
    path.write_bytes(data)
    return read_kano_survey(path, KEYS)


def answers(survey: KanoSurvey) -> dict[str, tuple[tuple[str, str], ...]]:
    return dict(survey.answers)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),  # Google Forms, LibreOffice
        ("utf-8", codecs.BOM_UTF8),  # 问卷星, Tencent Questionnaire, Excel "CSV UTF-8"
        ("gb18030", b""),  # a Chinese Excel's plain "CSV"
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),  # Excel's "Unicode text"
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_encoding_delimiter_and_line_ending_reads_the_same_answers(
    tmp_path: Path, encoding: str, bom: bytes, delimiter: str, newline: str
) -> None:
    text = WIDE_ZH.replace(",", delimiter).replace("\n", newline)
    survey = survey_from(tmp_path, bom + text.encode(encoding))
    assert answers(survey) == EXPECTED
    assert survey.shape == "wide" and survey.keys == ("CRM-3", "CRM-12")
    table = read_csv(tmp_path / "kano.csv")
    assert table.delimiter == delimiter
    assert (
        table.encoding
        == {
            ("utf-8", b""): "utf-8",
            ("utf-8", codecs.BOM_UTF8): "utf-8-sig",
            ("gb18030", b""): "gb18030",
            ("gbk", b""): "gb18030",
            ("utf-16-le", codecs.BOM_UTF16_LE): "utf-16",
        }[(encoding, bom)]
    )


def test_cells_quoted_with_delimiters_and_line_breaks_inside(tmp_path: Path) -> None:
    text = (
        '"序号","CRM-3 functional: if it has A, B; C","CRM-3 dysfunctional: if it does not",'
        '"CRM-12 F","CRM-12 D"\n'
        '1,"I like it","I dislike it",Like,Neutral\n'
        '2,"It must be that way","I dislike it\nthat way",Dislike,Like\n'
        '3,"I am neutral","I can live with it",Tolerate,Expect\n'
    )
    assert answers(survey_from(tmp_path, text.encode())) == EXPECTED


def test_english_wording_of_google_forms_and_the_short_words(tmp_path: Path) -> None:
    text = (
        "Timestamp,CRM-3 (functional) How do you feel if you can merge duplicates?,"
        "CRM-3 (dysfunctional) How do you feel if you cannot?,crm-12 positive,CRM-12 negative\n"
        "2026/11/03 9:01:22 AM GMT+8,I like it,I dislike it,Like,I'm neutral\n"
        "2026/11/03 9:05:40 AM GMT+8,It must be that way,Dislike,I don't like it,like it\n"
        "2026/11/03 9:09:03 AM GMT+8,Neutral,I can live with it,I can tolerate it,I expect it\n"
    )
    assert answers(survey_from(tmp_path, text.encode())) == EXPECTED


def test_numbered_answers_1_to_5_and_the_options_letters(tmp_path: Path) -> None:
    text = (
        "序号,3、CRM-3（正向）如果产品具备该功能，您的感受是？,4、CRM-3（反向）如果产品不具备该功能，"
        "您的感受是？,CRM-12 如果产品具备,CRM-12 如果产品不具备\n"
        "1,1,5,A. 我很喜欢,C. 无所谓\n"
        "2,2,5.0,5,1\n"
        "3,3,4,④能忍受,（2）理所当然\n"
    )
    assert answers(survey_from(tmp_path, text.encode())) == EXPECTED


@pytest.mark.parametrize(
    ("words", "answer"),
    [
        (("I like it", "Like", "I LIKE IT!", "我很喜欢", "喜欢", "非常满意", "很喜歡"), "like"),
        (
            (
                "It must be that way",
                "Must-be",
                "Expect",
                "I expect it",
                "理所当然",
                "必须的",
                "应该的",
                "理应如此",
            ),
            "must_be",
        ),
        (("I am neutral", "Neutral", "I don't care", "无所谓", "中立", "無所謂"), "neutral"),
        (("I can live with it", "Tolerate", "Live with", "能忍受", "可以忍受"), "live_with"),
        (
            ("I dislike it", "Dislike", "I don’t like it", "我很不喜欢", "不喜欢", "很不满意"),
            "dislike",
        ),
    ],
)
def test_each_wording_of_each_answer(words: tuple[str, ...], answer: str) -> None:
    for word in words:
        assert answer_of(word) == answer, word


def test_numbered_answers_follow_the_questionnaires_order_and_others_are_none() -> None:
    numbered = [answer_of(n) for n in ("1", "2", "3", "4", "5")]
    assert numbered == ["like", "must_be", "neutral", "live_with", "dislike"]
    for cell in ("maybe", "6", "0", "", "我觉得还行"):
        assert answer_of(cell) is None, cell


@pytest.mark.parametrize(
    ("title", "direction"),
    [
        ("CRM-12 functional", "functional"),
        ("CRM-12 功能型", "functional"),
        ("CRM-12 正向", "functional"),
        ("CRM-12 F", "functional"),
        ("CRM-12 dysfunctional", "dysfunctional"),
        ("CRM-12 非功能型", "dysfunctional"),
        ("CRM-12 反向", "dysfunctional"),
        ("CRM-12 负向", "dysfunctional"),
        ("CRM-12（反）", "dysfunctional"),
        ("5、CRM-12 如果产品不具备自动提醒", "dysfunctional"),
        ("5、CRM-12 正向：如果不具备…", "functional"),  # the word said outright wins
        ("CRM-12 备注", None),
    ],
)
def test_which_question_a_column_holds(title: str, direction: str | None) -> None:
    assert direction_of(title) == direction


LONG = """\
respondent,requirement,functional,dysfunctional
r1,CRM-3,I like it,I dislike it
r1,CRM-12,I like it,I am neutral
r2,CRM-3,It must be that way,I dislike it
r2,CRM-12,I dislike it,I like it
r3,CRM-3,I am neutral,I can live with it
r3,CRM-12 自动提醒,I can live with it,It must be that way
"""


def test_long_shape_in_english_and_in_chinese(tmp_path: Path) -> None:
    survey = survey_from(tmp_path, LONG.encode())
    assert survey.shape == "long" and answers(survey) == EXPECTED
    chinese = (
        "受访者;需求;正向;反向\n"
        "1;CRM-3;我很喜欢;我很不喜欢\n"
        "1;CRM-12;我很喜欢;无所谓\n"
        "2;CRM-3;理所当然;我很不喜欢\n"
        "2;CRM-12;我很不喜欢;我很喜欢\n"
        "3;CRM-3;无所谓;能忍受\n"
        "3;CRM-12;能忍受;理所当然\n"
        "4;CRM-12;;\n"  # skipped: not counted
        "5;CRM-12;能忍受;\n"  # half answered: incomplete
    )
    survey = survey_from(tmp_path, chinese.encode("gb18030"), "长表.csv")
    assert survey.shape == "long" and answers(survey) == EXPECTED
    assert survey.incomplete["CRM-12"] == 1
    no_respondent = "需求,功能型,非功能型\nCRM-3,1,5\nCRM-3,2,5\n"
    survey = survey_from(tmp_path, no_respondent.encode())
    assert answers(survey) == {"CRM-3": (("like", "dislike"), ("must_be", "dislike"))}


def test_skipped_questions_as_survey_sites_mark_them_are_not_counted(tmp_path: Path) -> None:
    text = (
        WIDE_ZH
        + "4,2026/11/03 9:12:00,(跳过),(跳过),-3,-3\n5,2026/11/03 9:15:00,N/A,-,喜欢,（跳过）\n"
    )
    survey = survey_from(tmp_path, text.encode())
    assert answers(survey) == EXPECTED
    assert dict(survey.incomplete) == {"CRM-3": 0, "CRM-12": 1}


def test_a_title_above_the_column_titles(tmp_path: Path) -> None:
    text = "客户管理 Kano 问卷结果（2026 年 11 月）,,,,,\n\n" + WIDE_ZH.replace(
        "2,2026/11/03 9:05:40,理所当然", "2,2026/11/03 9:05:40,也许"
    )
    error = refused(tmp_path, text.encode())
    assert str(error).startswith("kano.csv, row 5, column “CRM-3 功能型”: “也许” is not")
    text = "Kano survey, November\n" + LONG
    assert answers(survey_from(tmp_path, text.encode())) == EXPECTED


def test_other_columns_and_blank_rows_are_left_alone(tmp_path: Path) -> None:
    text = (
        "序号,来源,来自IP,UTF-8 备注,CRM-3 正向,CRM-3 反向,CRM-12 正向,CRM-12 反向,CRM-3 备注,\n"
        "1,微信,10.0.0.1,COVID-19,我很喜欢,我很不喜欢,喜欢,无所谓,好用,\n"
        ",,,,,,,,,\n"
        "2,链接,10.0.0.2,,理所当然,很不喜欢,不喜欢,很喜欢,,\n"
        "\n"
        "3,手机提交,10.0.0.3,,无所谓,能忍受,可以忍受,必须的\n"
    )
    assert answers(survey_from(tmp_path, text.encode())) == EXPECTED


# -- refused -----------------------------------------------------------------------


def refused(tmp_path: Path, data: bytes, name: str = "kano.csv") -> SurveyError:
    with pytest.raises(SurveyError) as caught:
        survey_from(tmp_path, data, name)
    return caught.value


def test_an_unknown_answer_names_its_row_and_column(tmp_path: Path) -> None:
    text = "序号,CRM-3 functional,CRM-3 dysfunctional\n" + "".join(
        f"{n},Like,Dislike\n" for n in range(1, 6)
    )
    text += "6,maybe,Dislike\n"
    error = refused(tmp_path, text.encode())
    assert error.code == "survey.unknown_answer"
    assert str(error) == (
        "kano.csv, row 7, column “CRM-3 functional”: “maybe” is not a Kano answer (I like it, "
        "It must be that way, I am neutral, I can live with it, I dislike it, or 1 to 5)."
    )
    # Also when the respondent answered only that one question.
    error = refused(tmp_path, b"CRM-3 F,CRM-3 D\n,6\n")
    assert str(error).startswith("kano.csv, row 2, column “CRM-3 D”: “6” is not a Kano answer")


def test_a_long_column_title_is_cut_short_in_the_message(tmp_path: Path) -> None:
    title = "CRM-3 正向：如果在新建客户时系统能够实时提示可能重复的客户并给出合并建议，您的感受是？"
    data = f"{title},CRM-3 反向\n很好,不喜欢\n".encode()
    message = str(refused(tmp_path, data))
    shown = "CRM-3 正向：如果在新建客户时系统能够实时提示可能重复的客户并给出合并建议…"
    assert len(shown) == 40 and f"column “{shown}”:" in message


def test_a_key_not_in_the_project(tmp_path: Path) -> None:
    error = refused(tmp_path, b"CRM-99 functional,CRM-99 dysfunctional\nLike,Dislike\n")
    assert error.code == "survey.unknown_key_column"
    assert str(error) == (
        "kano.csv, column “CRM-99 functional”: CRM-99 is not a requirement of this project."
    )
    long = b"respondent,requirement,functional,dysfunctional\n1,CRM-3,1,5\n2,REQ-7,1,5\n"
    error = refused(tmp_path, long)
    assert str(error) == (
        "kano.csv, row 3, column “requirement”: REQ-7 is not a requirement of this project."
    )
    error = refused(
        tmp_path, b"requirement,functional,dysfunctional\n\xe8\x87\xaa\xe5\x8a\xa8,1,5\n"
    )
    assert str(error) == "kano.csv, row 2, column “requirement”: “自动” names no requirement key."


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, b"\r\n \r\n", codecs.BOM_UTF16_LE])
def test_an_empty_file(tmp_path: Path, data: bytes) -> None:
    error = refused(tmp_path, data, "空.csv")
    assert str(error) == (
        "空.csv is empty: a survey needs a row of column titles and a row per respondent."
    )


def test_a_workbook_given_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "kano.xlsx"
    with zipfile.ZipFile(path, "w") as book:  # what an .xlsx is: a zip of XML parts
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    for name, data in (
        ("kano.csv", path.read_bytes()),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),  # an Excel 97 .xls
    ):
        error = refused(tmp_path, data, name)
        assert str(error) == (
            f"{name} is an Excel workbook, not a CSV file: save it as CSV UTF-8 and import that."
        )


def test_a_binary_file_and_a_file_in_no_known_encoding(tmp_path: Path) -> None:
    error = refused(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert str(error) == "kano.csv is not a text file, so it is not a CSV survey."
    data = "CRM-3 正向,CRM-3 反向\n喜欢,不喜欢\n".encode("gb18030") + b"\xff\xfe\xfd,1\n"
    error = refused(tmp_path, data)
    assert str(error) == (
        "kano.csv is neither UTF-8 nor GB18030 text (row 3): save it again as CSV UTF-8."
    )


def test_a_file_without_kano_questions_or_without_answers(tmp_path: Path) -> None:
    error = refused(tmp_path, "姓名,部门\n张三,销售\n".encode())
    assert error.code == "survey.no_questions"
    assert str(error).startswith("kano.csv holds no Kano questions: no column title names")
    for data in (b"CRM-3 F,CRM-3 D\n", b"CRM-3 F,CRM-3 D\n,\n,\n", b"CRM-3 F,CRM-3 D\nLike,\n"):
        error = refused(tmp_path, data)
        assert str(error) == (
            "kano.csv holds no answers: no respondent answered both questions of a requirement."
        )


def test_columns_that_do_not_pair_up(tmp_path: Path) -> None:
    cases = {
        b"CRM-3 functional,CRM-12 F,CRM-3 remark,CRM-12 D\n": (
            "kano.csv, column “CRM-3 remark”: it names CRM-3 but not whether it is the "
            "functional or the dysfunctional question."
        ),
        b"CRM-3 functional,CRM-12 F,CRM-12 D\n": (
            "kano.csv: CRM-3 has a functional question (column “CRM-3 functional”) but no "
            "dysfunctional one."
        ),
        "CRM-3 反向,CRM-12 F,CRM-12 D\n".encode(): (
            "kano.csv: CRM-3 has a dysfunctional question (column “CRM-3 反向”) but no "
            "functional one."
        ),
        "CRM-3 正向,CRM-3 反向,CRM-3 功能型\n".encode(): (
            "kano.csv: CRM-3 has two functional questions, columns “CRM-3 正向” and “CRM-3 功能型”."
        ),
        "CRM-3 正向,CRM-3 反向,crm-3 负向\n".encode(): (
            "kano.csv: CRM-3 has two dysfunctional questions, columns “CRM-3 反向” and "
            "“crm-3 负向”."
        ),
    }
    for data, message in cases.items():
        assert str(refused(tmp_path, data)) == message


def test_a_row_longer_than_the_header_and_a_respondent_answering_twice(tmp_path: Path) -> None:
    error = refused(tmp_path, b"CRM-3 F,CRM-3 D\nLike,Dislike\nLike,Dislike,Like\n")
    assert str(error) == "kano.csv, row 3: it has more cells than the 2 column titles."
    error = refused(tmp_path, LONG.encode() + b"r2,CRM-3,Like,Dislike\n")
    assert str(error) == "kano.csv, row 8: respondent r2 answered CRM-3 already, in row 4."


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SurveyError) as caught:
        read_kano_survey(tmp_path / "gone.csv", KEYS)
    assert str(caught.value) == f"{tmp_path / 'gone.csv'} does not exist."
    with pytest.raises(SurveyError) as caught:
        read_kano_survey(tmp_path, KEYS)
    assert str(caught.value) == f"{tmp_path} is a folder, not a CSV survey."


# -- anything at all ---------------------------------------------------------------

_CELLS = st.sampled_from(
    [
        *("CRM-3 F", "CRM-3 D", "CRM-12 正向", "CRM-12 反向", "CRM-99 F", "需求", "functional"),
        *("反向", "Like", "我很喜欢", "5", "may\nbe", "", '"', "CRM-3", "\r", "\n", ";", "\t"),
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.lists(_CELLS, max_size=30).map(lambda cells: ",".join(cells).encode()),
        st.lists(_CELLS, max_size=30).map(lambda cells: ",".join(cells).encode("gb18030")),
    )
)
def test_any_bytes_give_a_survey_or_one_sentence(tmp_path: Path, data: bytes) -> None:
    try:
        survey = survey_from(tmp_path, data)
    except SurveyError as e:
        message = str(e)
    else:
        assert any(survey.answers.values()) and set(survey.keys) <= set(KEYS)
        return
    assert message.startswith("kano.csv") and message.endswith(".") and "\n" not in message
