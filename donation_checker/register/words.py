"""The register's words in the reader's language: statuses, verdicts, history entries and
categories, all read from the message catalogue (register.*) and the rule set, never written
here. The command line, the export, the letter and the window name them through these."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..messages import Part, msg
from ..render import renderer
from ..ruleset import CategoryVocabulary


def term(group: str, key: str | None, lang: str) -> str:
    """A register word (register.<group>.<key>); a key the catalogue does not know is shown
    as it is, a missing one as "not stated"."""
    r = renderer(lang)
    if key is None:
        return r.word("general.not_stated")
    found = f"register.{group}.{key}"
    return r.word(found) if r.has(found) else str(key)


def status(key: str | None, lang: str) -> str:
    return term("status", key, lang)


def condition_status(key: str | None, lang: str) -> str:
    return term("condition", key, lang)


def verdict(key: str | None, lang: str) -> str:
    return term("verdict", key, lang)


def sentence(key: str, lang: str, **values: Part) -> str:
    """A register sentence (register.text.<key>) with typed values."""
    return renderer(lang).message(msg(f"register.text.{key}", **values))


def letter(key: str, lang: str, **values: Part) -> str:
    """A sentence of the reply letter (register.letter.<key>)."""
    return renderer(lang).message(msg(f"register.letter.{key}", **values))


@functools.lru_cache(maxsize=1)
def _default_categories() -> CategoryVocabulary | None:
    from ..errors import DonationCheckerError
    from ..ruleset import load_ruleset

    try:
        return load_ruleset().categories
    except (DonationCheckerError, OSError):
        return None


def category_name(cat: str, lang: str, categories: CategoryVocabulary | None = None) -> str:
    """A category as the assessment names it: its title in the rule set (the default one unless
    given); a category the rule set does not know is shown as it was written."""
    vocabulary = categories or _default_categories()
    if vocabulary is None:
        return cat.removeprefix("other:")
    return vocabulary.title(cat).get(lang)


def category_names(
    cats: Iterable[str], lang: str, categories: CategoryVocabulary | None = None
) -> str:
    return ", ".join(category_name(c, lang, categories) for c in cats)
