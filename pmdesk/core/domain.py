"""The vocabulary of a project: allowed values and derived figures.

Values are plain strings in the file and the snapshot, so they read well in a
diff and in SQL; these tuples are the single list of what is allowed.
"""

from __future__ import annotations

KINDS = ("epic", "feature", "story", "requirement", "nfr")
STATUSES = ("idea", "draft", "review", "approved", "in_progress", "done", "rejected")
PRIORITIES = ("must", "should", "could", "wont")
KANO = ("basic", "performance", "delighter", "indifferent", "reverse")
LINK_TYPES = ("depends_on", "blocks", "relates_to", "duplicates", "derived_from")
LANGUAGES = ("zh", "en")

DEFAULT_KIND = "requirement"
DEFAULT_STATUS = "draft"
DEFAULT_PRIORITY = "should"
DEFAULT_KANO = "performance"
DEFAULT_KEY_PREFIX = "REQ"

RICE_FIELDS = ("reach", "impact", "confidence", "effort")


def rice_score(
    reach: float | None, impact: float | None, confidence: float | None, effort: float | None
) -> float | None:
    """RICE = reach × impact × confidence ÷ effort; None until every input is known."""
    if reach is None or impact is None or confidence is None or effort is None or effort <= 0:
        return None
    return round(reach * impact * confidence / effort, 2)


def format_key(prefix: str, number: int) -> str:
    return f"{prefix}-{number}"
