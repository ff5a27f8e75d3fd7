"""What each item kind is called, in every language the app speaks: the one table.

Control's agenda table, the report (HTML and CSV) and any other place that
names a kind read it here, so a presentation cannot be "사례 발표" on the
stage manager's screen and "발표" in the report written from the same show.
"""

from __future__ import annotations

from stagetimer.core.agenda.model import KINDS

KIND_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "talk": "talk", "remarks": "remarks", "break": "break", "panel": "panel",
        "presentation": "presentation", "qa": "Q&A", "ceremony": "ceremony", "other": "other",
    },
    "ko": {
        "talk": "발표", "remarks": "인사말", "break": "휴식", "panel": "토론",
        "presentation": "사례 발표", "qa": "질의응답", "ceremony": "의식", "other": "기타",
    },
}
assert all(set(words) == set(KINDS) for words in KIND_WORDS.values()), "every kind needs a word in every language"


def kind_word(kind: str, language: str) -> str:
    """``kind`` in ``language`` (English for a language without a table; the kind as written if unknown)."""
    return KIND_WORDS.get(language, KIND_WORDS["en"]).get(kind, kind)
