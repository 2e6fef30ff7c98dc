"""Core errors in the user's language.

The core (which never imports Qt) names each sentence by a stable code with
parameters, and keeps the English text for the command line
(pmdesk.core.messages). The English text is the source string of Qt's
translation in the context "CoreError", so here it becomes the sentence of the
UI language; parameters that are words ("release", "permission denied") are
translated too, names and technical detail are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pmdesk.core.errors import PmdeskError
from pmdesk.core.messages import CONTEXT, MESSAGES, WORDS, readable_params, sentence_of

_WORDS = frozenset(WORDS)


def error_text(error: BaseException) -> str:
    """The sentence to show for `error`: translated for pmdesk's own errors."""
    if not isinstance(error, PmdeskError) or error.code not in MESSAGES:
        return str(error)
    template = QCoreApplication.translate(CONTEXT, sentence_of(error.code, error.params))
    params = {
        name: QCoreApplication.translate(CONTEXT, value)
        if isinstance(value, str) and value in _WORDS
        else value
        for name, value in readable_params(error.params).items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
        return str(error)
