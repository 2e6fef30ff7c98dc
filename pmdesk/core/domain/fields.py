"""What each entity's fields may hold, and how they are stored.

One table of field specs serves the operations (validating an edit), the JSON
snapshot (validating an import, with the JSON path in the message) and the
history (encoding old and new values), so the rules are written once.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pmdesk.core.domain import vocabulary

Value = Any


class FieldError(ValueError):
    """A value is not allowed; the message names the value and what is allowed."""


_SHOWN = reprlib.Repr()
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxother = 3, 60, 60


def shown(value: Value) -> str:
    """A value as a message shows it: short, and safe for any nesting depth."""
    return _SHOWN.repr(value)


def _text(value: Value) -> str:
    if not isinstance(value, str):
        raise FieldError(f"{shown(value)} is not text")
    return value


def _name(value: Value) -> str:
    text = _text(value)
    if not text.strip():
        raise FieldError("a name cannot be empty")
    return text


def _one_of(values: tuple[str, ...]) -> Callable[[Value], str]:
    def check(value: Value) -> str:
        if value not in values:
            raise FieldError(f"{shown(value)} is not one of {', '.join(values)}")
        return str(value)

    check.allowed = frozenset(values)  # type: ignore[attr-defined]  # for fast bulk checks
    return check


def _one_of_or_none(values: tuple[str, ...]) -> Callable[[Value], str | None]:
    """One of `values`, or None: not decided yet (a priority, a Kano category)."""

    def check(value: Value) -> str | None:
        if value is None:
            return None
        if value not in values:
            raise FieldError(f"{shown(value)} is not one of {', '.join(values)}")
        return str(value)

    check.allowed = frozenset(values)  # type: ignore[attr-defined]  # for fast bulk checks
    return check


def _line(value: Value) -> str:
    text = _text(value)
    if "\n" in text or "\r" in text:
        raise FieldError("a goal is one line")
    return text


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _colour(value: Value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise FieldError(f"{shown(value)} is not a colour like #1f77b4")
    return value.lower()


def _capacity(value: Value) -> float | None:
    number = _number(value)
    if number is not None and number < 0:
        raise FieldError(f"capacity {number:g} is negative")
    return number


LOGO_LIMIT = 1024 * 1024  # bytes: a cover picture, not a photo album
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def logo_format(data: bytes) -> str | None:
    """ "png" or "jpeg" from the first bytes, else None."""
    if data.startswith(_PNG):
        return "png"
    if data.startswith(_JPEG):
        return "jpeg"
    return None


def _picture(what: str) -> Callable[[Value], bytes | None]:
    """PNG or JPEG bytes of at most LOGO_LIMIT (the snapshot holds them as base64
    text): the project's logo, a persona's photo; `what` names it in refusals."""

    def check(value: Value) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                raise FieldError(f"the {what} is not base64 text") from None
        if not isinstance(value, bytes):
            raise FieldError(f"{shown(value)} is not a picture")
        if logo_format(value) is None:
            raise FieldError(f"the {what} is not a PNG or JPEG picture")
        if len(value) > LOGO_LIMIT:
            raise FieldError(f"the {what} is {len(value) // 1024} KB; at most 1024 KB fit")
        return value

    return check


_logo = _picture("logo")
_photo = _picture("photo")


def _within(name: str, low: float, high: float) -> Callable[[Value], float | None]:
    """A number in [low, high], or None (not assessed)."""

    def check(value: Value) -> float | None:
        number = _number(value)
        if number is not None and not low <= number <= high:
            raise FieldError(f"{name} {number:g} is not between {low:g} and {high:g}")
        return number

    return check


def _date(value: Value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"{shown(value)} is not a date (YYYY-MM-DD)")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"{shown(value)} is not a date (YYYY-MM-DD)") from None
    if parsed.isoformat() != value:
        raise FieldError(f"{shown(value)} is not a date (YYYY-MM-DD)")
    return value


def _instant(value: Value) -> str | None:
    """A UTC instant as pmdesk stamps it: YYYY-MM-DDTHH:MM:SS (or None)."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 19:
        try:
            if dt.datetime.fromisoformat(value).isoformat() == value:
                return value
        except ValueError:
            pass
    raise FieldError(f"{shown(value)} is not an instant (YYYY-MM-DDTHH:MM:SS)")


def _text_list(value: Value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError(f"{shown(value)} is not a list of texts")
    return list(value)


def _reviewers(value: Value) -> list[dict[str, str]]:
    """The sign-off table's rows: [{"role": "产品负责人", "name": "张伟"}, …]."""
    keys = set(vocabulary.REVIEWER_KEYS)
    if not isinstance(value, list) or not all(
        isinstance(v, dict) and set(v) == keys and all(isinstance(t, str) for t in v.values())
        for v in value
    ):
        raise FieldError(f'{shown(value)} is not a list of {{"role", "name"}} objects')
    return [{"role": v["role"], "name": v["name"]} for v in value]


def _number(value: Value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise FieldError(f"{shown(value)} is not a number")
    return float(value)


def _rice(value: Value) -> dict[str, float | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FieldError(f"{shown(value)} is not an object with reach, impact, confidence, effort")
    unknown = set(value) - set(vocabulary.RICE_FIELDS)
    if unknown:
        raise FieldError(f"unknown RICE input {shown(sorted(unknown)[0])}")
    rice = {name: _number(value.get(name)) for name in vocabulary.RICE_FIELDS}
    for name in ("reach", "impact"):
        n = rice[name]
        if n is not None and n < 0:
            raise FieldError(f"{name} {n:g} is negative")
    confidence = rice["confidence"]
    if confidence is not None and not 0 <= confidence <= 1:
        raise FieldError(f"confidence {confidence:g} is not between 0 and 1")
    effort = rice["effort"]
    if effort is not None and effort <= 0:
        raise FieldError(f"effort {effort:g} is not above 0")
    return rice


def _inputs(model: str, low: float, high: float) -> Callable[[Value], Value]:
    """A model's inputs ({input: number or None}), each within [low, high]."""
    names = vocabulary.SCORE_INPUTS[model]

    def check(value: Value) -> dict[str, float | None] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise FieldError(f"{shown(value)} is not an object with {', '.join(names)}")
        unknown = set(value) - set(names)
        if unknown:
            raise FieldError(f"unknown {model.upper()} input {shown(sorted(unknown)[0])}")
        inputs = {name: _number(value.get(name)) for name in names}
        for name, n in inputs.items():
            if n is not None and not low <= n <= high:
                raise FieldError(f"{name} {n:g} is not between {low:g} and {high:g}")
        return inputs

    return check


def _criteria(value: Value) -> list[dict[str, Any]]:
    """The weighted model's criteria: [{"id", "name", "weight" ≥ 0, "scale" > 0}, …]."""
    if not isinstance(value, list):
        raise FieldError(f"{shown(value)} is not a list of criteria")
    out: list[dict[str, Any]] = []
    for item in value:
        if not isinstance(item, dict) or set(item) != set(vocabulary.CRITERION_KEYS):
            raise FieldError(f'{shown(item)} is not a {{"id", "name", "weight", "scale"}} object')
        ident, name = item["id"], item["name"]
        if not isinstance(ident, str) or not ident:
            raise FieldError(f"criterion id {shown(ident)} is not a non-empty text")
        if not isinstance(name, str) or not name.strip():
            raise FieldError(f"criterion name {shown(name)} is not a non-empty text")
        weight, scale = _number(item["weight"]), _number(item["scale"])
        if weight is None or weight < 0:
            raise FieldError(f"the weight of {name} is not a number of 0 or more")
        if scale is None or scale <= 0:
            raise FieldError(f"the scale of {name} is not a number above 0")
        if any(c["id"] == ident for c in out):
            raise FieldError(f"criterion id {shown(ident)} is used twice")
        out.append({"id": ident, "name": name, "weight": weight, "scale": scale})
    return out


def _scores(value: Value) -> dict[str, float]:
    """A requirement's values of the weighted criteria: {criterion id: number ≥ 0}."""
    if not isinstance(value, dict):
        raise FieldError(f"{shown(value)} is not an object of criterion scores")
    out: dict[str, float] = {}
    for ident, raw in value.items():
        n = _number(raw)
        if n is None or n < 0:
            raise FieldError(
                f"the score {shown(raw)} of {shown(ident)} is not a number of 0 or more"
            )
        out[str(ident)] = n
    return out


def _options(value: Value) -> list[str]:
    """A custom field's options: distinct, non-empty one-line texts, in order."""
    options = _text_list(value)
    seen: set[str] = set()
    for option in options:
        if not option.strip() or "\n" in option:
            raise FieldError(f"option {shown(option)} is not a non-empty line of text")
        if option in seen:
            raise FieldError(f"option {shown(option)} is listed twice")
        seen.add(option)
    return options


def _custom_values(value: Value) -> dict[str, Any]:
    """A requirement's custom field values ({field uid: value}), by shape only:
    text, a number or a list of texts. Which fits its field is checked where the
    fields are known (`custom_value`)."""
    if not isinstance(value, dict):
        raise FieldError(f"{shown(value)} is not an object of custom field values")
    out: dict[str, Any] = {}
    for uid, raw in value.items():
        if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
            out[str(uid)] = list(raw)
        elif isinstance(raw, str) or (
            isinstance(raw, int | float) and not isinstance(raw, bool) and raw == raw
        ):
            out[str(uid)] = raw
        else:
            raise FieldError(f"the value {shown(raw)} of custom field {shown(uid)} is not allowed")
    return out


class CustomValueError(FieldError):
    """A value that does not fit its custom field: `code` and `params` name the
    sentence (core.messages), so the window says it in the user's language."""

    def __init__(self, code: str, name: str, value: str, options: str, what: str) -> None:
        super().__init__(f"{name}: {value} is not {what}")
        self.code = code
        self.params = {"name": name, "value": value, "options": options}


def custom_value(name: str, kind: str, options: list[str], value: Value) -> Value:
    """`value` as custom field `name` of `kind` keeps it (None: no value), or a
    CustomValueError saying what the field takes. An empty text or list is no value."""
    if value is None or value == "" or value == []:
        return None
    text, allowed = shown(value), ", ".join(options)
    if kind in ("text", "person"):
        if not isinstance(value, str):
            raise CustomValueError("custom.not_text", name, text, allowed, "text")
        if kind == "person" and ("\n" in value or not value.strip()):
            raise CustomValueError("custom.not_person", name, text, allowed, "a person's name")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise CustomValueError("custom.not_number", name, text, allowed, "a number")
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)
    if kind == "date":
        try:
            return _date(value)
        except FieldError:
            raise CustomValueError(
                "custom.not_date", name, text, allowed, "a date (YYYY-MM-DD)"
            ) from None
    if kind == "choice":
        if value not in options:
            raise CustomValueError("custom.not_option", name, text, allowed, f"one of {allowed}")
        return str(value)
    if kind != "choices" or not isinstance(value, list):
        raise CustomValueError("custom.not_options", name, text, allowed, "a list of options")
    for item in value:
        if item not in options:
            raise CustomValueError(
                "custom.not_option", name, shown(item), allowed, f"one of {allowed}"
            )
    chosen = set(value)
    return [o for o in options if o in chosen]  # in the field's order, once each


def _reference(value: Value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise FieldError(f"{shown(value)} is not a uid")
    return value


def _key_prefix(value: Value) -> str:
    text = _text(value)
    if not (1 <= len(text) <= 10 and text.isascii() and text.isalnum() and text[0].isalpha()):
        raise FieldError(
            f"{shown(value)} is not a key prefix (1–10 letters or digits, starting with a letter)"
        )
    return text


def _json_list(value: list[Any] | dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class FieldSpec:
    """One user-visible field: how to check it and which column(s) hold it."""

    name: str
    check: Callable[[Value], Value]
    default: Value
    column: str | None = None  # None: same as name
    references: str | None = None  # entity a uid value points at
    stored_as_json: bool = False

    @property
    def db_column(self) -> str:
        return self.column or self.name


def _spec(name: str, check: Callable[[Value], Value], default: Value, **kw: Any) -> FieldSpec:
    return FieldSpec(name, check, default, **kw)


REQUIREMENT_FIELDS = (
    _spec("kind", _one_of(vocabulary.KINDS), vocabulary.DEFAULT_KIND),
    _spec("title", _text, ""),
    _spec("description", _text, ""),
    _spec("acceptance", _text_list, [], stored_as_json=True),
    _spec("status", _one_of(vocabulary.STATUSES), vocabulary.DEFAULT_STATUS),
    _spec("priority", _one_of_or_none(vocabulary.PRIORITIES), vocabulary.DEFAULT_PRIORITY),
    _spec("kano", _one_of_or_none(vocabulary.KANO), vocabulary.DEFAULT_KANO),
    _spec("rice", _rice, None),
    _spec("ice", _inputs("ice", *vocabulary.ICE_RANGE), None),
    _spec("wsjf", _inputs("wsjf", *vocabulary.WSJF_RANGE), None),
    _spec("scores", _scores, {}, stored_as_json=True),
    _spec("owner", _text, ""),
    _spec("tags", _text_list, [], stored_as_json=True),
    _spec("source", _text, ""),
    _spec("release", _reference, None, column="release_uid", references="release"),
    _spec("lane", _reference, None, column="lane_uid", references="lane"),
    _spec("start", _date, None),
    _spec("end", _date, None),
    # Schema 7: the persona of a story, business value (0–10) and roadmap horizon.
    _spec("persona", _reference, None, column="persona_uid", references="persona"),
    _spec("value", _within("value", *vocabulary.VALUE_RANGE), None),
    _spec("horizon", _one_of_or_none(vocabulary.HORIZONS), None),
    # Schema 9: the project's own fields' values, {custom field uid: value}.
    _spec("custom", _custom_values, {}, stored_as_json=True),
)

PERSONA_FIELDS = (
    _spec("name", _name, ""),
    _spec("role", _text, ""),
    _spec("goals", _text, ""),
    _spec("pain_points", _text, ""),
    _spec("scenarios", _text, ""),
    _spec("share", _within("share", *vocabulary.SHARE_RANGE), None),
    _spec("photo", _photo, None),
)


# -- Saved views (schema 9) ----------------------------------------------------------
_CRITERIA_KEYS = frozenset({"text", "choices", "dates", "baseline", "needs_review", "custom"})


def _view_criteria(value: Value) -> dict[str, Any]:
    """A saved view's filter as JSON (core.queries.criteria writes and reads it):
    {"text", "choices": {field: [values]}, "dates": {"first", "last", "overlapping"},
    "baseline": uid, "needs_review": bool, "custom": {field uid: {"contains", "low",
    "high"}}}, every key optional."""
    if not isinstance(value, dict):
        raise FieldError(f"{shown(value)} is not a filter object")
    unknown = sorted(set(value) - _CRITERIA_KEYS)
    if unknown:
        raise FieldError(f"{shown(unknown[0])} is not a part of a filter")
    if not isinstance(value.get("text", ""), str):
        raise FieldError(f"the filter's text {shown(value['text'])} is not text")
    choices = value.get("choices", {})
    if not isinstance(choices, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in choices.items()
    ):
        raise FieldError(f"the filter's choices {shown(choices)} are not lists of texts")
    dates = value.get("dates")
    if dates is not None and not (
        isinstance(dates, dict)
        and set(dates) <= {"first", "last", "overlapping"}
        and isinstance(dates.get("first", ""), str)
        and isinstance(dates.get("last", ""), str)
        and isinstance(dates.get("overlapping", False), bool)
    ):
        raise FieldError(f"the filter's dates {shown(dates)} are not a date range")
    if value.get("baseline") is not None:
        _reference(value["baseline"])
    if not isinstance(value.get("needs_review", False), bool):
        raise FieldError(f"needs_review {shown(value['needs_review'])} is not true or false")
    ranges = value.get("custom", {})  # schema 9: {field uid: {"contains", "low", "high"}}
    if not isinstance(ranges, dict) or not all(
        isinstance(r, dict)
        and set(r) <= {"contains", "low", "high"}
        and all(isinstance(v, str) for v in r.values())
        for r in ranges.values()
    ):
        raise FieldError(f"the filter's custom ranges {shown(ranges)} are not texts and ranges")
    return dict(value)


def _column_ids(value: Value) -> list[str]:
    ids = _text_list(value)
    if not all(ids):
        raise FieldError("a column id cannot be empty")
    return ids


def _view_sort(value: Value) -> list[list[str]]:
    """[[column id, "asc" | "desc"], …], the first key deciding."""
    if not isinstance(value, list) or not all(
        isinstance(k, list) and len(k) == 2 and isinstance(k[0], str) and k[1] in ("asc", "desc")
        for k in value
    ):
        raise FieldError(f'{shown(value)} is not a list of [column, "asc" or "desc"]')
    return [[str(k[0]), str(k[1])] for k in value]


def _grouping(value: Value) -> str | None:
    return None if value is None else _text(value) or None


SAVED_VIEW_FIELDS = (
    _spec("name", _name, ""),
    _spec("criteria", _view_criteria, {}, stored_as_json=True),
    _spec("columns", _column_ids, [], stored_as_json=True),
    _spec("grouping", _grouping, None),
    _spec("sort", _view_sort, [], stored_as_json=True),
)

FIELDS: Mapping[str, tuple[FieldSpec, ...]] = {
    "project": (
        _spec("title", _text, ""),
        _spec("product", _text, ""),
        _spec("version", _text, ""),
        _spec("authors", _text_list, [], stored_as_json=True),
        _spec("key_prefix", _key_prefix, vocabulary.DEFAULT_KEY_PREFIX),
        _spec("language", _one_of(vocabulary.LANGUAGES), "zh"),
        _spec("organisation", _text, ""),
        _spec("logo", _logo, None),
        _spec(
            "doc_status",
            _one_of(vocabulary.DOCUMENT_STATUSES),
            vocabulary.DEFAULT_DOCUMENT_STATUS,
        ),
        _spec(
            "confidentiality",
            _one_of(vocabulary.CONFIDENTIALITY),
            vocabulary.DEFAULT_CONFIDENTIALITY,
        ),
        _spec("doc_number", _text, ""),
        _spec("reviewers", _reviewers, [], stored_as_json=True),
        _spec("scoring", _one_of(vocabulary.SCORING_MODELS), vocabulary.DEFAULT_SCORING),
        _spec("criteria", _criteria, [], stored_as_json=True),
    ),
    "requirement": REQUIREMENT_FIELDS,
    "release": (
        _spec("name", _name, ""),
        _spec("start", _date, None),
        _spec("end", _date, None),
        _spec("goal", _line, ""),
        _spec(
            "status",
            _one_of(vocabulary.RELEASE_STATUSES),
            vocabulary.DEFAULT_RELEASE_STATUS,
        ),
        _spec("capacity", _capacity, None),
    ),
    "milestone": (
        _spec("name", _name, ""),
        _spec("date", _date, None),
        _spec("release", _reference, None, column="release_uid", references="release"),
    ),
    "lane": (_spec("name", _name, ""), _spec("colour", _colour, None)),
    "section": (_spec("title", _text, ""), _spec("body", _text, "")),
    "persona": PERSONA_FIELDS,
    "saved_view": SAVED_VIEW_FIELDS,
    # Schema 9: a field the project defines; `options` for choice and choices.
    "custom_field": (
        _spec("name", _name, ""),
        _spec("kind", _one_of(vocabulary.CUSTOM_KINDS), "text"),
        _spec("options", _options, [], stored_as_json=True),
    ),
    "link": (
        _spec("from", _reference, None, column="from_uid", references="requirement"),
        _spec("to", _reference, None, column="to_uid", references="requirement"),
        _spec("type", _one_of(vocabulary.LINK_TYPES), "depends_on"),
        # Schema 8: suspect since (needs review) and last reviewed, UTC instants.
        _spec("suspect_at", _instant, None),
        _spec("reviewed_at", _instant, None),
    ),
}


def spec(entity: str, name: str) -> FieldSpec:
    for field in FIELDS[entity]:
        if field.name == name:
            return field
    raise FieldError(f"{entity} has no field {name!r}")


def to_columns(entity: str, values: Mapping[str, Value]) -> dict[str, Value]:
    """Domain values (as in the snapshot) to column values of the entity's table."""
    columns: dict[str, Value] = {}
    for name, value in values.items():
        field = spec(entity, name)
        if name in vocabulary.SCORE_INPUTS:
            inputs = value or {}
            for part in vocabulary.SCORE_INPUTS[name]:
                columns[f"{name}_{part}"] = inputs.get(part)
        elif field.stored_as_json:
            columns[field.db_column] = _json_list(value)
        else:
            columns[field.db_column] = value
    return columns


def from_columns(entity: str, row: Mapping[str, Value]) -> dict[str, Value]:
    """Column values of one row to domain values, for every field of the entity."""
    values: dict[str, Value] = {}
    for field in FIELDS[entity]:
        if field.name in vocabulary.SCORE_INPUTS:
            parts = vocabulary.SCORE_INPUTS[field.name]
            inputs = {part: row[f"{field.name}_{part}"] for part in parts}
            values[field.name] = None if all(v is None for v in inputs.values()) else inputs
        elif field.stored_as_json:
            values[field.name] = json.loads(row[field.db_column])
        else:
            values[field.name] = row[field.db_column]
    return values


def check_dates(values: Mapping[str, Value]) -> None:
    start, end = values.get("start"), values.get("end")
    if start and end and start > end:
        raise FieldError(f"start {start} is after end {end}")
